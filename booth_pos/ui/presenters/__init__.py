"""The logic of a screen, kept apart from its widgets (Mu's ``logic.py`` habit).

A presenter holds a screen's state and rules and calls a tiny view API (``show_due``,
``show_error``, ``enable_confirm``...); the widget implements that API and forwards the
person's actions. No module here imports Qt, so each is tested with a fake view.
"""
