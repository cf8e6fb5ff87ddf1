"""Guards against a Qt binding that corrupts Python while the till runs all day.

PySide6 6.12.0 drops a reference to ``True`` on every signal emit; on Python 3.11 the
count reaches zero after a few thousand scans and the process dies in ``bool_dealloc``.
From Python 3.12 ``True`` is immortal (PEP 683): its count no longer moves, so the leak is
invisible there, yet the same wheel kills a 3.11 till. Hence three guards: the leak itself
where it can be seen, the pin that keeps the bad release out (every version), and the
reference counts of ordinary objects carried by signals (every version).
"""

from __future__ import annotations

import importlib.metadata
import re
import sys

import pytest
from PySide6.QtCore import QObject, Signal

EMITS = 2000


class _Emitter(QObject):
    changed = Signal()
    carried = Signal(object)
    flag = Signal(bool)


def _connected() -> _Emitter:
    emitter = _Emitter()
    emitter.changed.connect(lambda: None)
    emitter.carried.connect(lambda _value: None)
    emitter.flag.connect(lambda _value: None)
    return emitter


def _refcount_is_visible(obj) -> bool:
    """Whether taking references to ``obj`` shows in its count (False for immortal objects)."""
    before = sys.getrefcount(obj)
    held = [obj] * 100
    seen = sys.getrefcount(obj) - before
    del held
    return seen == 100


def _upper_pin() -> tuple[int, int]:
    """The ``<X.Y`` bound on PySide6 that booth-pos declares (pyproject.toml)."""
    (spec,) = [r for r in importlib.metadata.requires("booth-pos") if r.startswith("PySide6")]
    bound = re.search(r"<\s*(\d+)\.(\d+)", spec)
    assert bound, f"PySide6 must keep an upper bound: {spec}"
    return int(bound.group(1)), int(bound.group(2))


@pytest.mark.skipif(
    not _refcount_is_visible(True), reason="True is immortal here (PEP 683): no count to watch"
)
def test_signals_do_not_eat_references_to_true():
    """Thousands of emits leave True's reference count alone (PySide6 6.12.0 did not)."""
    emitter = _connected()
    before = sys.getrefcount(True)
    for _ in range(EMITS):
        emitter.changed.emit()
        emitter.carried.emit(1)
        emitter.flag.emit(True)
    # A leak loses one per emit (thousands); a few may come and go with other threads.
    assert abs(sys.getrefcount(True) - before) < 100


def test_the_binding_in_use_is_below_the_pin_that_keeps_the_leak_out():
    """On every Python: the installed PySide6 is below the declared bound, and the bound
    still excludes 6.12, whose leak kills a Python 3.11 till."""
    pin = _upper_pin()
    assert pin <= (6, 12)
    major, minor = importlib.metadata.version("PySide6-Essentials").split(".")[:2]
    assert (int(major), int(minor)) < pin


def test_objects_carried_by_signals_keep_their_reference_counts():
    """On every Python: emitting an ordinary object thousands of times neither leaks nor
    drops references to it (the same class of fault as the True leak, visible everywhere)."""
    emitter = _connected()
    payload = object()
    assert _refcount_is_visible(payload)
    before = sys.getrefcount(payload)
    for _ in range(EMITS):
        emitter.carried.emit(payload)
    assert sys.getrefcount(payload) == before
