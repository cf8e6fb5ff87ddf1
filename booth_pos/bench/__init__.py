"""Benchmarks: each figure measured against a bare baseline in the same run.

``python -m booth_pos.bench`` runs the suite (``suite.py``); ``reports.py`` builds and times
the big event, ``receipts.py`` times receipt rendering, and ``qt_child.py`` is what the
suite's fresh Qt processes run (the one Qt module outside ``ui/`` besides the app).
"""
