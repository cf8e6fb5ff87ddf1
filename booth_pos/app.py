"""Qt start-up: the application, translations, the window and the main loop.

``build_window(db_path)`` builds a ready window without entering the event loop (tests and
tools use it); ``main()`` runs it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from booth_pos.clock import Clock
from booth_pos.model import KnownError
from booth_pos.store import open_store
from booth_pos.workers import SerialWorker

log = logging.getLogger("booth_pos")


def no_display() -> bool:
    """True on Linux/BSD with no X11 or Wayland display and no explicit Qt platform."""
    if sys.platform.startswith(("win", "darwin")):
        return False
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def excepthook_for(window) -> Callable[..., None]:
    """A ``sys.excepthook`` that keeps an unexpected error in the window instead of losing it.

    The traceback goes to the log (logger ``booth_pos``); a ``KnownError`` that got this far
    is shown as a plain message, anything else as a bug dialog that says the sale in
    progress is kept (the cart lives in the window, untouched by the failed slot).
    """
    previous = sys.excepthook

    def hook(kind, exc, tb):
        if not issubclass(kind, Exception):  # Ctrl+C, SystemExit: Python's own handling
            previous(kind, exc, tb)
            return
        if isinstance(exc, KnownError):
            log.warning("known error not caught by its screen", exc_info=(kind, exc, tb))
            window.show_known_error(exc)
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        window.show_bug(exc)

    return hook


def install_excepthook(window) -> Callable[[], None]:
    """Install ``excepthook_for(window)``; returns the function that puts the old hook back."""
    previous, hook = sys.excepthook, excepthook_for(window)
    sys.excepthook = hook

    def restore() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return restore


def build_window(db_path: str | os.PathLike, lang: str | None = None):
    """Open the database and build the main window (shown by the caller).

    Args:
        db_path: the stand's SQLite file (created and migrated if needed).
        lang: "id" or "en"; default from the stand's settings (Indonesian for a new stand).

    Returns:
        The MainWindow; its ``ctx`` holds the store, clock and language.
    """
    _import_before_qt()
    from PySide6.QtWidgets import QApplication

    from booth_pos.ui import i18n
    from booth_pos.ui.context import AppContext
    from booth_pos.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Booth POS")
    from booth_pos import resources

    style = resources.path("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    font = app.font()
    font.setPointSize(11)
    app.setFont(font)
    store = open_store(Path(db_path))
    lang = lang or store.settings().ui_lang
    i18n.install(lang)
    ctx = AppContext(store=store, clock=Clock.from_env(), lang=lang)
    window = MainWindow(ctx)
    app.aboutToQuit.connect(store.close)
    return window


#: What the window's first screen needs beyond Qt, imported before Qt is: once PySide6 is
#: loaded, its import hook reads the source of every module imported after it (looking for
#: "PySide6", for its __feature__ switches), ~0.3 ms a module.
_BEFORE_QT = (
    "babel.numbers",
    "booth_pos.services.anchors",
    "booth_pos.services.days",
    "booth_pos.services.journal",
    "booth_pos.services.products",
    "booth_pos.services.selling",
    "booth_pos.services.settings",
    "booth_pos.store.backup",
    "booth_pos.store.catalogue",
    "booth_pos.store.corrections",
    "booth_pos.store.days",
    "booth_pos.store.journal",
    "booth_pos.store.reports",
    "booth_pos.store.sales",
    "booth_pos.store.staff",
    "booth_pos.store.stock",
)


def _import_before_qt() -> None:
    if "PySide6.QtCore" in sys.modules:  # tests, tools: Qt is there already
        return
    import importlib

    for name in _BEFORE_QT:
        importlib.import_module(name)


def main(db_path: str | os.PathLike, lang: str | None = None) -> int:
    if no_display():
        print(
            "booth-pos: no display found (DISPLAY/WAYLAND_DISPLAY unset); run it on a desktop, "
            "or set QT_QPA_PLATFORM=offscreen to run without one",
            file=sys.stderr,
        )
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    from booth_pos import files, logs

    files.private_umask()  # a safety net: the doors set 0600/0700 themselves

    logs.setup()  # no terminal behind a desktop shortcut: errors and bugs go to a file too
    try:
        window = build_window(db_path, lang)
    except KnownError as exc:
        print(f"booth-pos: {exc.text(lang or 'en')}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    restore = install_excepthook(window)
    try:
        window.show()
        from PySide6.QtCore import QTimer

        # Once the window is up and taking keys: the check's thread would otherwise share
        # the interpreter with the start (0.25 s is far less than any first sale takes).
        QTimer.singleShot(250, window, lambda: _prefetch_quick_check(window.ctx.store))
        if os.environ.get("BOOTH_POS_EXIT_WHEN_READY") == "1":
            _exit_when_ready(window)
        return QApplication.instance().exec()
    finally:
        restore()


def _exit_when_ready(window) -> None:
    """For timing a start from outside (``scripts/build_bundle.py`` times the bundle this
    way): print ``ready`` once the scan field has the focus, then quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    timer = QTimer(window)

    def check() -> None:
        if window.sell_page.scan_input.hasFocus():
            timer.stop()
            print("ready", flush=True)
            QApplication.instance().quit()

    timer.timeout.connect(check)
    timer.start(1)


def _prefetch_quick_check(store) -> None:
    """Check the file for damage on a thread of its own once the window shows (about 1.8 s
    at 100,000 sales): the start stays quick, and the first payment finds the answer
    waiting (``Store.check_sound`` refuses sales on a damaged file)."""

    def run() -> None:
        try:
            store.prefetch_quick_check()
        except KnownError as exc:  # the first payment asks again and shows it
            log.warning("quick check at start did not run: %s", exc.en)
        except Exception:  # a bug: into the log with its traceback, not lost in a future
            log.exception("quick check at start failed")

    _quick_check_work.submit(run)


_quick_check_work = SerialWorker("quick-check")


def self_test(folder: Path, lang: str = "id", timeout: float = 60.0) -> dict:
    """Ring one sale through the real window on a fresh demo stand in ``folder``.

    What an installed copy (a wheel, the desktop bundle) must do on a new laptop before the
    event: start the window, fill the demo stand, open a day, take a barcode typed into the
    scan field as the scanner types it, pay cash through the payment dialog's buttons, and
    print the receipt PDF with the shipped fonts. ``folder`` must not hold a stand yet.

    Returns:
        ``{"receipt_no", "total", "receipt_pdf", "fonts", "products", "lang"}``.

    Raises:
        KnownError: the folder already has a stand, or a step did not happen in time.
    """
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton

    from booth_pos import printing
    from booth_pos.services import days, demo

    def failed(en: str, id_: str) -> KnownError:
        return KnownError(en=f"self-test: {en}", id=f"uji mandiri: {id_}")

    folder = Path(folder)
    db = folder / "self-test.sqlite"
    if db.exists():
        raise failed(f"{db} already exists", f"{db} sudah ada")
    folder.mkdir(parents=True, exist_ok=True)
    clock = Clock.from_env()
    store = open_store(db)
    try:
        demo.load_stand(store, clock)
        days.open_day(store, clock, 500_000)
        product = next(p for p in store.products.all() if p.stock > 0 and p.barcode)
        n_products = store.products.count()
    finally:
        store.close()

    window = build_window(db, lang)
    app = QApplication.instance()
    _quiet_offscreen_warnings()

    def until(what, en: str, id_: str) -> None:
        end = time.monotonic() + timeout
        while not what():
            if time.monotonic() > end:
                raise failed(en, id_)
            app.processEvents()
            time.sleep(0.005)

    try:
        window.show()
        window.activateWindow()
        field = window.findChild(QLineEdit, "scanInput")
        until(field.hasFocus, "the scan field never took the focus", "kolom pindai tidak fokus")
        QTest.keyClicks(field, product.barcode)  # as fast as a USB scanner types
        QTest.keyClick(field, Qt.Key_Return)
        pay = window.findChild(QPushButton, "payButton")
        until(pay.isEnabled, f"scanning {product.barcode} added nothing", "pindai gagal")
        QTest.mouseClick(pay, Qt.LeftButton)
        dialog = window.findChild(QDialog, "paymentDialog")
        until(lambda: dialog is not None and dialog.isVisible(), "no payment dialog", "tidak ada")
        QTest.mouseClick(dialog.findChild(QPushButton, "method_cash"), Qt.LeftButton)
        confirm = dialog.findChild(QPushButton, "confirmSaleButton")
        until(confirm.isEnabled, "cash did not cover the total", "tunai tidak cukup")
        QTest.mouseClick(confirm, Qt.LeftButton)
        until(lambda: dialog.sale is not None, "the sale was not saved", "tidak tersimpan")
        sale = dialog.sale
        QTest.qWait(100)  # a person's pause: an Enter right after keys counts as a scan
        QTest.keyClick(dialog, Qt.Key_Return)
        if not printing.wait_for_printing(timeout):
            raise failed("the receipt was not printed in time", "struk tidak tercetak")
        pdf = printing.default_pdf_folder(db) / f"{sale.receipt_no}.pdf"
        until(pdf.exists, f"no receipt PDF at {pdf}", f"tidak ada PDF struk di {pdf}")
        data = pdf.read_bytes()
        fonts = sorted({f for f in ("DejaVuSans-Bold", "DejaVuSans") if f.encode() in data})
        if not data.startswith(b"%PDF") or not fonts:
            raise failed(f"{pdf} is not a receipt with the shipped fonts", f"{pdf} rusak")
        return {
            "receipt_no": sale.receipt_no,
            "total": sale.total,
            "receipt_pdf": str(pdf),
            "receipt_bytes": len(data),
            "fonts": fonts,
            "products": n_products,
            "lang": lang,
        }
    finally:
        window.close()
        window.ctx.store.close()


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns that it "does not support propagateSizeHints()" for every
    window: harmless, and alarming in a self-test's output. Other messages go on as before."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(kind, context, message):
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
