"""The customer display: a second window facing the customer (a small monitor, a tablet used as
a screen, or the laptop turned round).

It never takes the keyboard: the scanner types into the Sell page's scan field whatever this
window shows. What it shows is decided by ``CustomerDisplayPresenter``; ``DisplayLink``
wires it to the Sell page (the cart, the payment dialog, the committed sale) and remembers in
the settings whether it was open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from booth_pos import resources
from booth_pos.documents import qr
from booth_pos.model import KnownError
from booth_pos.services import qris as qris_service
from booth_pos.services import settings as settings_service
from booth_pos.ui.presenters.customer_display import CustomerDisplayPresenter, DisplayLine
from booth_pos.ui.widgets import FitLabel

log = logging.getLogger(__name__)

#: Fonts shipped for the thank-you in Korean and Hindi (a laptop may have neither).
FONT_FILES = ("DejaVuSans.ttf", "NanumGothic.ttf", "NotoSansDevanagari-Regular.ttf")
FAMILIES = ["DejaVu Sans", "NanumGothic", "Noto Sans Devanagari"]
MAX_LINES = 8  # the newest lines; the customer watches what was just scanned
#: The QR's side on screen, quiet zone included: 420 px is about 11 cm on a 96 dpi monitor (the
#: code itself about 9 cm), scannable from 50 cm.
QR_PIXELS = 420

_fonts_loaded = False


def load_fonts() -> None:
    """Register the bundled fonts with Qt once (Hangul, Devanagari)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(resources.path("fonts", name))) < 0:
            log.warning("Font %s could not be loaded for the customer display", name)


def _label(name: str, pt: int, *, bold: bool = False, color: str = "#222") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSize(pt)
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {color};")
    label.setFocusPolicy(Qt.NoFocus)
    return label


class CustomerDisplay(QWidget):
    """The window the customer sees; its texts are all in QLabels (tests read them).

    It is a top-level window that does not accept focus and shows without activating, so
    the cashier's scan field keeps the keyboard.
    """

    def __init__(self, parent=None):
        super().__init__(None)  # top level of its own, even with a parent for lifetime
        load_fonts()
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("Customer display"))
        self.setWindowFlag(Qt.Window, True)
        self.setWindowFlag(Qt.WindowDoesNotAcceptFocus, True)
        self.setAttribute(Qt.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WA_QuitOnClose, False)  # closing the till ends the program
        self.setFocusPolicy(Qt.NoFocus)
        self.setStyleSheet("QWidget#customerDisplay { background: #fafafa; }")
        self.resize(1000, 620)
        self._owner = parent
        if parent is not None:
            parent.destroyed.connect(self.close)

        root = QVBoxLayout(self)
        header = QHBoxLayout()
        self.logo_label = QLabel()
        self.logo_label.setObjectName("displayLogo")
        self.logo_label.hide()
        self.stand_label = _label("displayStand", 26, bold=True, color="#0d47a1")
        self.stand_label.setAlignment(Qt.AlignCenter)
        header.addStretch(1)
        header.addWidget(self.logo_label)
        header.addWidget(self.stand_label)
        header.addStretch(1)
        root.addLayout(header)

        body = QHBoxLayout()
        root.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 3)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        self.line_labels: list[tuple[QLabel, QLabel, QLabel]] = []
        for row in range(MAX_LINES):
            name = _label(f"displayLineName{row}", 16)
            qty = _label(f"displayLineQty{row}", 16)
            amount = _label(f"displayLineAmount{row}", 16)
            qty.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            amount.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(qty, row, 1)
            grid.addWidget(amount, row, 2)
            self.line_labels.append((name, qty, amount))
        left.addLayout(grid)
        self.more_label = _label("displayMoreLines", 12, color="#666")
        left.addWidget(self.more_label)
        left.addStretch(1)
        caption = _label("displayTotalCaption", 16, color="#555")
        caption.setText(self.tr("TOTAL"))
        caption.setAlignment(Qt.AlignRight)
        left.addWidget(caption)
        self.total_label = FitLabel(max_pt=64, min_pt=24)
        self.total_label.setObjectName("displayTotal")
        font = self.total_label.font()
        font.setFamilies(FAMILIES)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setStyleSheet("color: #0d47a1;")
        self.total_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.total_label.setMinimumHeight(90)
        left.addWidget(self.total_label)
        self.foreign_label = _label("displayForeignTotal", 20, color="#444")
        self.foreign_label.setAlignment(Qt.AlignRight)
        left.addWidget(self.foreign_label)

        self.done_frame = QFrame()
        self.done_frame.setObjectName("displayDone")
        done_box = QVBoxLayout(self.done_frame)
        self.change_caption = _label("displayChangeCaption", 16, color="#555")
        self.change_caption.setText(self.tr("Change"))
        self.change_caption.setAlignment(Qt.AlignRight)
        self.change_label = _label("displayChange", 40, bold=True, color="#1b5e20")
        self.change_label.setAlignment(Qt.AlignRight)
        self.thanks_label = _label("displayThanks", 40, bold=True, color="#1b5e20")
        self.thanks_label.setAlignment(Qt.AlignCenter)
        for w in (self.change_caption, self.change_label, self.thanks_label):
            done_box.addWidget(w)
        left.addWidget(self.done_frame)
        self.done_frame.hide()

        self.qris_frame = QFrame()
        self.qris_frame.setObjectName("displayQris")
        qris_box = QVBoxLayout(self.qris_frame)
        self.qris_caption = _label("displayQrisCaption", 18, bold=True)
        self.qris_caption.setText(self.tr("Scan to pay with QRIS"))
        self.qris_caption.setAlignment(Qt.AlignCenter)
        self.qr_label = QLabel()
        self.qr_label.setObjectName("displayQr")
        self.qr_label.setAlignment(Qt.AlignCenter)
        self.qr_label.setMinimumSize(QR_PIXELS, QR_PIXELS)
        self.qr_label.setStyleSheet("background: white;")
        self.qris_amount = _label("displayQrisAmount", 30, bold=True, color="#0d47a1")
        self.qris_amount.setAlignment(Qt.AlignCenter)
        self.qris_words = _label("displayQrisWords", 14, color="#333")
        self.qris_words.setAlignment(Qt.AlignCenter)
        self.qris_words.setWordWrap(True)
        for w in (self.qris_caption, self.qr_label, self.qris_amount, self.qris_words):
            qris_box.addWidget(w)
        qris_box.addStretch(1)
        body.addWidget(self.qris_frame, 2)
        self.qris_frame.hide()
        self.payload = ""  # what the QR on screen holds (tests compare)

    def event(self, event):  # noqa: D401 - Qt API
        # Where the platform activates it anyway (Qt's offscreen platform, a touch on a
        # tablet screen), the keyboard goes straight back to the till's scan field.
        if event.type() == QEvent.WindowActivate and self._owner is not None:
            QTimer.singleShot(0, self, self._hand_back)
        return super().event(event)

    def _hand_back(self) -> None:
        owner = self._owner
        if owner is None or not self.isActiveWindow():
            return
        owner.window().activateWindow()
        focus = getattr(owner, "focus_scan", None)
        if focus is not None:
            focus()
        self.raise_()  # the keyboard goes back, the customer's view stays in front

    # -- the view API the presenter calls ----------------------------------------------

    def show_stand(self, name: str, logo: str = "") -> None:
        self.stand_label.setText(name)
        picture = QPixmap(logo) if logo else QPixmap()
        if picture.isNull():  # none set, or the file went missing since: the name alone
            self.logo_label.clear()
            self.logo_label.hide()
            return
        self.logo_label.setPixmap(picture.scaledToHeight(72, Qt.SmoothTransformation))
        self.logo_label.show()

    def show_lines(self, lines: list[DisplayLine]) -> None:
        shown = lines[-MAX_LINES:]
        for i, (name, qty, amount) in enumerate(self.line_labels):
            if i < len(shown):
                line = shown[i]
                name.setText(line.name)
                qty.setText(f"{line.qty} ×")
                amount.setText(line.amount)
            else:
                for label in (name, qty, amount):
                    label.setText("")
        hidden = len(lines) - len(shown)
        self.more_label.setText(
            self.tr("… and %1 earlier lines").replace("%1", str(hidden)) if hidden else ""
        )

    def show_total(self, total: str, foreign: str) -> None:
        self.total_label.setText(total)
        self.foreign_label.setText(foreign)

    def show_qris(self, payload: str, digits: str, words: str) -> None:
        self.payload = payload
        pixmap = QPixmap()
        modules = qr.modules(payload) + 2 * qr.BORDER
        pixmap.loadFromData(qr.png(payload, scale=max(1, QR_PIXELS // modules)), "PNG")
        self.qr_label.setPixmap(pixmap)
        self.qris_amount.setText(digits)
        self.qris_words.setText(words)
        self.qris_frame.show()
        self.raise_()  # the customer must see the code (raising never takes the keyboard)

    def hide_qris(self) -> None:
        self.payload = ""
        self.qris_frame.hide()
        self.qr_label.clear()

    def show_done(self, change: str, thanks: str) -> None:
        self.change_caption.setVisible(bool(change))
        self.change_label.setVisible(bool(change))
        self.change_label.setText(change)
        self.thanks_label.setText(thanks)
        self.done_frame.show()
        self.raise_()

    def hide_done(self) -> None:
        self.done_frame.hide()
        self.change_label.setText("")
        self.thanks_label.setText("")

    # -- placing it ---------------------------------------------------------------------

    def place(self) -> None:
        """On the second screen when there is one (full screen there), else a window."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            others = [s for s in screens if s is not QGuiApplication.primaryScreen()]
            geometry = (others or screens[1:])[0].geometry()
            self.setGeometry(geometry)
            self.show()
            self.windowHandle().setScreen((others or screens[1:])[0])
            self.showFullScreen()
        else:
            self.show()
            self.raise_()


class DisplayLink(QObject):
    """Connects the Sell page to its customer display: opens and closes it (F9), keeps it
    following the cart, and remembers in the settings (``customer_display``) whether it is
    open so the till reopens it at start."""

    def __init__(self, ctx, model, parent):
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.display: CustomerDisplay | None = None
        self.presenter: CustomerDisplayPresenter | None = None
        self._pending = False
        model.totals_changed.connect(self._cart_changed)
        ctx.bus.data_changed.connect(self._settings_changed)

    @property
    def is_open(self) -> bool:
        return self.display is not None

    def restore(self) -> None:
        """Reopen the display if it was open when the till last ran."""
        try:
            wanted = settings_service.current(self.ctx.store).customer_display == "on"
        except KnownError:
            return
        if wanted and self.display is None:
            self.open(remember=False)

    def toggle(self) -> None:
        if self.display is None:
            self.open()
        else:
            self.close()

    def open(self, *, remember: bool = True) -> CustomerDisplay:
        if self.display is None:
            self.display = CustomerDisplay(self.parent())
            self.presenter = CustomerDisplayPresenter(
                self.display,
                lambda: settings_service.current(self.ctx.store),
                self.ctx.lang,
                qris_service.payload_for,
            )
            self.presenter.start(self.model.cart)
            self.parent().window().installEventFilter(self)
            self.display.place()
        if remember:
            self._remember("on")
        return self.display

    def close(self) -> None:
        display, self.display, self.presenter = self.display, None, None
        if display is not None:
            display.close()
            display.deleteLater()
        self._remember("off")

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        # The till's window closed (not minimised: that hide is the window system's own):
        # the display goes with it, and stays "on" for the next start.
        if (
            event.type() == QEvent.Hide
            and not event.spontaneous()
            and obj is self.parent().window()
            and self.display is not None
        ):
            display, self.display, self.presenter = self.display, None, None
            display.close()
            display.deleteLater()
        return False

    def _remember(self, value: str) -> None:
        try:
            current = settings_service.current(self.ctx.store)
            if current.customer_display != value:
                from dataclasses import replace

                settings_service.save(
                    self.ctx.store,
                    replace(current, customer_display=value),
                    actor=self.ctx.cashier,
                    at=self.ctx.clock.now(),
                )
        except KnownError as exc:  # the display works; only the memory of it failed
            log.warning("Customer display setting not saved: %s", exc.en)

    def _cart_changed(self) -> None:
        """Coalesced: a burst of scans repaints the display once, after the scan path."""
        if self.presenter is not None and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._follow_cart)

    def _follow_cart(self) -> None:
        self._pending = False
        if self.presenter is not None:
            self.presenter.cart_changed(self.model.cart)

    def _settings_changed(self) -> None:
        if self.presenter is not None:
            self.presenter.start(self.model.cart)

    def qris_pending(self, amount: int) -> None:
        if self.presenter is not None:
            self.presenter.qris_pending(amount)

    def origin_changed(self, origin: str) -> None:
        if self.presenter is not None:
            self.presenter.origin_changed(origin)

    def sale_done(self, sale) -> None:
        if self.presenter is not None:
            self.presenter.sale_done(sale)
