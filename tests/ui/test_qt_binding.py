"""Guards against a Qt binding that corrupts Python while the till runs all day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal()
    carried = Signal(object)


def test_signals_do_not_eat_references_to_true():
    """Thousands of emits leave True's reference count alone (PySide6 6.12.0 did not)."""
    emitter = _Emitter()
    emitter.changed.connect(lambda: None)
    emitter.carried.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.changed.emit()
        emitter.carried.emit(1)
    assert sys.getrefcount(True) - before > -100
