"""A scanner never types into money: scans that arrive while a dialog is open are refused.

The USB scanner is a keyboard. With the payment dialog open, the next customer's barcode
went into the amount field and the scanner's Enter finished the sale as cash (receipt
T1-000250: "Tunai Rp 2.000.000.000.251"). ``ScanGuard`` watches the keys while any dialog is
open; ``BurstDetector`` (pure, ``scan_burst.py``) tells a scan by its rhythm. A scan is
refused, never held: its characters are taken back out of the field (the first ones arrive
before anyone can know they are a scan), its Enter is swallowed so it confirms nothing, the
till beeps and the dialog says "Scan ignored: finish the payment first". The cashier scans
the item again once the dialog is closed.

On a real window system each key reaches the window (a ``QWindow``) before the field with
the focus; the guard judges it there and snapshots the focus field (on Xvfb, before this
was so, a scan's digits stayed in the amount field: Enter was swallowed, the digits not).

Measured offscreen: ``QTest.keyClicks`` with a 1 ms delay delivers keys 2.7-7.6 ms apart
(the wait plus the window's work per key), a person's keys come 80-200 ms apart; the
threshold is 30 ms (``scan_burst.GAP_MS``). A held-down key auto-repeats about every 33 ms
and is marked as a repeat, so it never counts.

The guard is an application-wide event filter, installed only while a dialog is shown: the
sell page's own scan path never pays for it. A dialog's field meant for scans (the intake
note's scan field) is marked with ``ScanGuard.welcome``; only its keys pass.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QToolTip,
    QWidget,
)

from booth_pos.ui.scan_burst import BurstDetector, Verdict
from booth_pos.ui.widgets import set_message

_ENTER = (Qt.Key_Return, Qt.Key_Enter)
_KEYS = (QEvent.KeyPress, QEvent.KeyRelease, QEvent.MouseButtonPress)


class _DialogWatcher(QObject):
    """Tells the guard when a watched dialog is shown or hidden (an event filter on the
    dialogs alone: the application-wide filter sees only keys)."""

    def __init__(self, guard: ScanGuard):
        super().__init__(guard)
        self.guard = guard

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Show:
            self.guard._shown_changed(obj, True)
        elif kind == QEvent.Hide:
            self.guard._shown_changed(obj, False)
        return False


def _now_ms(event) -> float:
    # Real keyboards stamp their events (ms); QTest leaves 0, so measure on arrival then.
    stamp = event.timestamp()
    return float(stamp) if stamp else time.perf_counter() * 1000.0


def _snapshot(widget) -> tuple | None:
    """What a text field holds (or which entry a list box shows), to put back if the keys
    about to arrive are a scan."""
    if isinstance(widget, QLineEdit):
        return (widget, widget.text(), widget.cursorPosition())
    if isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
        if edit is not None:
            return (edit, edit.text(), edit.cursorPosition())
    if isinstance(widget, QComboBox) and not widget.isEditable():
        # Typed letters pick the entry they begin: "ECO-04" scanned would choose ECO.
        return (widget, widget.currentIndex(), None)
    return None


def _restore(snapshot: tuple | None) -> None:
    if snapshot is None:
        return
    edit, text, cursor = snapshot
    if isinstance(edit, QComboBox):
        try:
            edit.setCurrentIndex(text)
        except RuntimeError:  # gone with its dialog
            pass
        return
    try:
        if edit.text() == text:
            return
        edit.setText(text)
        edit.setCursorPosition(cursor)
        edit.textEdited.emit(text)  # listeners of typing (the close-day count) follow
    except RuntimeError:  # the field is gone with its dialog: nothing to put back
        pass


class ScanGuard(QObject):
    """Refuses scanner bursts in any dialog; one per application (``ScanGuard.install``).

    Attributes:
        detector: the timing rules.
        refused: how many scans were refused (for tests and the log).
    """

    PROPERTY = "scanGuardMessage"
    #: Set True on a field meant to be scanned into (``ScanGuard.welcome``): its keys pass.
    TARGET = "scanTarget"

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("scanGuard")
        self.detector = BurstDetector()
        self.refused = 0
        self._shown: set[int] = set()
        self._filtering = False
        self._pressed = None  # the key pressed and not yet released
        self._last_verdict = False
        self._watcher = _DialogWatcher(self)
        QGuiApplication.instance().focusWindowChanged.connect(self._focus_window_changed)

    @classmethod
    def install(cls, app: QApplication | None = None) -> ScanGuard:
        """The application's guard, created on first use."""
        app = app or QApplication.instance()
        guard = app.findChild(ScanGuard, "scanGuard")
        return guard if guard is not None else cls(app)

    @classmethod
    def protect(cls, dialog: QWidget, message: str = "") -> None:
        """Guard ``dialog`` from the moment it is shown (any dialog is guarded once it has
        the focus; protecting says so earlier). ``message`` replaces the generic refusal."""
        guard = cls.install()
        if message:
            dialog.setProperty(cls.PROPERTY, message)
        guard._watch(dialog)

    @classmethod
    def welcome(cls, field: QWidget) -> None:
        """Let scans into ``field`` of a dialog (a scan field listing goods, a barcode field):
        every other field of the dialog stays guarded."""
        field.setProperty(cls.TARGET, True)

    # -- which dialogs are up ---------------------------------------------------------------

    def _watch(self, dialog: QWidget) -> None:
        if dialog.property("scanGuarded"):
            return
        dialog.setProperty("scanGuarded", True)
        dialog.installEventFilter(self._watcher)
        key = id(dialog)
        dialog.destroyed.connect(lambda _=None: self._forget(key))
        if dialog.isVisible():
            self._shown_changed(dialog, True)

    def _focus_window_changed(self, window) -> None:
        widget = QApplication.activeModalWidget() or QApplication.activeWindow()
        if isinstance(widget, QDialog):
            self._watch(widget)

    def _forget(self, key: int) -> None:
        self._shown.discard(key)
        self._update_filter()

    def _shown_changed(self, dialog: QWidget, shown: bool) -> None:
        key = id(dialog)
        if shown:
            self._shown.add(key)
        else:
            self._shown.discard(key)
        self._update_filter()

    def _update_filter(self) -> None:
        want = bool(self._shown)
        if want and not self._filtering:
            QApplication.instance().installEventFilter(self)
        elif not want and self._filtering:
            QApplication.instance().removeEventFilter(self)
            self.detector.run = None
        self._filtering = want

    # -- the keys ---------------------------------------------------------------------------

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        kind = event.type()
        if kind not in _KEYS or not self._filtering:
            return False  # never touch other events' objects: some are being destroyed
        if kind == QEvent.MouseButtonPress:  # a hand on the mouse: no scan in progress
            self.detector.other(time.perf_counter() * 1000.0)
            return False
        if kind == QEvent.KeyRelease:
            if event.key() == self._pressed and not event.isAutoRepeat():
                self._pressed = None
            return False
        if kind != QEvent.KeyPress:
            return False
        target = obj if isinstance(obj, QWidget) else QApplication.focusWidget()
        if target is not None and target.property(self.TARGET):
            self._pressed = None  # a field that asks for scans (an intake note's scan field)
            return False
        # An unaccepted key travels up to the dialog, passing this filter again: the same key
        # pressed again without its release in between is that journey, not a new key. (Never
        # keep the event itself: its wrapper would outlive it and be handed to another event.)
        if event.key() == self._pressed and not event.isAutoRepeat():
            return self._last_verdict
        self._pressed = event.key()
        self._last_verdict = self._judge(obj, event)
        return self._last_verdict

    def _judge(self, obj, event) -> bool:
        """Whether to swallow this key press."""
        now = _now_ms(event)
        repeat = event.isAutoRepeat()
        key = event.key()
        if key in _ENTER and not event.modifiers() & ~Qt.KeypadModifier:
            if self.detector.enter(now, repeat) is Verdict.SCAN_ENTER:
                self._refuse(obj)
                return True
            return False
        text = event.text()
        if (
            text
            and text.isprintable()
            and not event.modifiers() & ~(Qt.ShiftModifier | Qt.KeypadModifier)
        ):
            # A real window system hands the key to the window first (a QWindow, not the
            # field), then the window passes it on to the field with the focus: snapshot
            # that field, or a scan's characters could never be taken back out of it.
            field = obj if isinstance(obj, QWidget) else QApplication.focusWidget()
            before = _snapshot(field) if self.detector.starts_run(now, repeat) else None
            verdict = self.detector.char(text, now, before, repeat)
            return verdict is Verdict.SWALLOW
        if key not in (Qt.Key_Shift, Qt.Key_Control, Qt.Key_Alt, Qt.Key_Meta):
            self.detector.other(now)
        return False

    def _refuse(self, obj) -> None:
        self.refused += 1
        _restore(self.detector.before_scan)
        QApplication.beep()
        widget = obj if isinstance(obj, QWidget) else QApplication.focusWidget()
        dialog = widget.window() if widget is not None else None
        text = (dialog.property(self.PROPERTY) if dialog is not None else None) or self.tr(
            "Scan ignored: finish or close this window first"
        )
        label = getattr(dialog, "message", None)
        if isinstance(label, QLabel):
            set_message(label, text, "error")
        elif widget is not None:
            QToolTip.showText(widget.mapToGlobal(widget.rect().bottomLeft()), text, widget)
