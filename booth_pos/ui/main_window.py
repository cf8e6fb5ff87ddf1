"""The till's main window: a page list on the left, the pages on the right."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import KnownError
from booth_pos.money import format_rupiah
from booth_pos.services import days, setup
from booth_pos.services import settings as settings_service
from booth_pos.ui import pages
from booth_pos.ui.context import AppContext
from booth_pos.ui.day_dialogs import OpenDayDialog
from booth_pos.ui.sell_page import SellPage


class LazyPage(QWidget):
    """Holds a page that is built the first time it is shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_page(self, page: QWidget) -> None:
        self.page = page
        self._layout.addWidget(page)
        page.show()  # a child added to a visible parent stays hidden unless shown


class PrintBridge(QObject):
    """Carries printing results from the printing thread to the window (queued signals).

    Signals:
        printed(str): where a receipt went.
        failed(object): a KnownError to show; the sale itself is safe.
    """

    printed = Signal(str)
    failed = Signal(object)


#: Screens up to this size are a laptop's: the till takes all of it (maximised).
LAPTOP_SCREEN = QSize(1920, 1080)


class MainWindow(QMainWindow):
    """Holds the pages and the status bar; wires the window-wide signals.

    Signals:
        backup_done(object): a periodic backup finished on the backup thread (an Outcome).
    """

    backup_done = Signal(object)

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.fit_to_screen()
        self.print_bridge = PrintBridge(self)
        self.print_bridge.printed.connect(self._printed)
        self.print_bridge.failed.connect(self._print_failed)
        self.last_print_error = None
        self.last_backup = None  # the Outcome of the last automatic backup
        self.backup_done.connect(self._backup_done)
        from booth_pos.ui.sync_page import SyncWorker

        self.sync = SyncWorker(ctx, self)  # pushes to the main till in the background
        self._build()
        # Backups every N minutes (settings), taken only while the till is idle.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(60_000)
        self.backup_timer.timeout.connect(self.periodic_backup)
        self.backup_timer.start()
        switch = QShortcut(QKeySequence("F10"), self)
        switch.activated.connect(self.ask_sign_in)
        QTimer.singleShot(0, self, self._greet)
        QTimer.singleShot(3000, self, self._clean_debris)  # after the till is up

    def fit_to_screen(self) -> None:
        """Open on the screen's usable area, never larger: a 1366x768 or 1280x720 laptop
        shows every control of the till without scrolling.

        On a laptop-sized screen the window is maximised (the task bar stays visible); on a
        bigger one it opens at laptop size, centred, so the till looks as it does at the stand.
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:  # no screen at all (should not happen): Qt's default size
            return
        available = screen.availableGeometry()
        if (
            available.width() <= LAPTOP_SCREEN.width()
            and available.height() <= LAPTOP_SCREEN.height()
        ):
            # The geometry first: a window manager that ignores "maximised" still gets a
            # window that fits.
            self.setGeometry(available)
            self.setWindowState(self.windowState() | Qt.WindowMaximized)
            return
        size = LAPTOP_SCREEN.boundedTo(available.size())
        rect = QRect(available.topLeft(), size)
        rect.moveCenter(available.center())
        self.setGeometry(rect)

    def _build(self) -> None:
        ctx = self.ctx
        ctx.bus.day_changed.connect(self._update_status)
        ctx.bus.sale_committed.connect(lambda _sale: self._update_status())
        ctx.bus.data_changed.connect(self._update_status)
        ctx.bus.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.bus.sale_committed.connect(self.print_receipt)
        ctx.bus.correction_committed.connect(self._corrected)
        ctx.bus.cashier_changed.connect(self._update_status)
        ctx.bus.data_changed.connect(self._update_title)
        # A store filled behind the setup page's back (the demo command, a test) has nothing
        # left to set up, as long as nobody had begun to.
        ctx.bus.data_changed.connect(self._leave_setup_if_filled)
        ctx.bus.day_changed.connect(self._leave_setup_if_filled)
        self._update_title()

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 13pt; } QListWidget::item { padding: 10px; }"
        )
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        # The till, and over it the first-run setup while the stand is not set up.
        self.till_view = central
        self.root = QStackedWidget()
        self.root.setObjectName("rootStack")
        self.root.addWidget(central)
        self.setCentralWidget(self.root)
        self.setup_page = None

        self.sell_page = SellPage(ctx)
        self.sell_page.need_day.connect(self.ask_open_day)
        self.sell_page.need_sign_in.connect(self.ask_sign_in)
        # Only the sell page is built at start-up; the others on first visit (fast cold start).
        self.pages: dict[str, QWidget] = {}
        self.page_names: list[str] = []
        entries = [
            ("sell", self.tr("Sell"), self.sell_page),
            ("products", self.tr("Products"), LazyPage()),
            ("artisans", self.tr("Artisans"), LazyPage()),
            ("history", self.tr("Sales history"), LazyPage()),
            ("day", self.tr("Day"), LazyPage()),
            ("settings", self.tr("Settings"), LazyPage()),
            ("sync", self.tr("Sync"), LazyPage()),
            ("quotes", self.tr("Quotes"), LazyPage()),
        ]
        for i, (key, label, page) in enumerate(entries):
            self.nav.addItem(label)
            self.stack.addWidget(page)
            self.pages[key] = page
            self.page_names.append(key)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            shortcut.activated.connect(lambda i=i: self.nav.setCurrentRow(i))
        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setCurrentRow(0)

        if hasattr(self, "day_label"):
            self.statusBar().removeWidget(self.day_label)
            self.statusBar().removeWidget(self.cashier_label)
        self.day_label = QLabel()
        self.day_label.setObjectName("dayStatus")
        self.cashier_label = QPushButton()
        self.cashier_label.setObjectName("cashierStatus")
        self.cashier_label.setFlat(True)
        self.cashier_label.setFocusPolicy(Qt.NoFocus)
        self.cashier_label.clicked.connect(self.ask_sign_in)
        self.statusBar().addPermanentWidget(self.cashier_label)
        self.statusBar().addPermanentWidget(self.day_label)
        self._update_status()
        if setup.step(ctx.store) != setup.DONE:
            self._open_setup()

    # -- the first run ----------------------------------------------------------------------

    def in_setup(self) -> bool:
        """The setup page shows instead of the till."""
        return self.setup_page is not None

    def _open_setup(self) -> None:
        from booth_pos.ui.setup_page import SetupPage

        self.setup_page = SetupPage(self.ctx, self.apply_language)
        self.setup_page.finished.connect(self._setup_finished)
        self.root.addWidget(self.setup_page)
        self.root.setCurrentWidget(self.setup_page)
        self.day_label.hide()  # no day, no cashier yet: the status bar would only alarm
        self.cashier_label.hide()

    def _setup_finished(self) -> None:
        """The stand is set up: the till, on the sell page."""
        page, self.setup_page = self.setup_page, None
        if page is None:
            return
        self.root.setCurrentWidget(self.till_view)
        self.root.removeWidget(page)
        page.deleteLater()
        self.day_label.show()
        self.cashier_label.show()
        self._update_title()
        self._update_status()
        self.show_page("sell")
        self.sell_page.focus_scan()

    def _leave_setup_if_filled(self) -> None:
        if self.setup_page is None:
            return
        try:
            if not setup.started(self.ctx.store) and not setup.is_empty(self.ctx.store):
                self._setup_finished()
        except KnownError as exc:  # the database is locked or gone: say it where it shows
            self.statusBar().showMessage("⚠ " + exc.text(self.ctx.lang), 30000)

    def _update_title(self) -> None:
        try:
            settings = settings_service.current(self.ctx.store)
        except KnownError:
            return
        title = settings.stand_name
        if settings.event_name:
            title += f" · {settings.event_name}"
        # a new stand is still called "Booth POS": not "Booth POS — Booth POS"
        self.setWindowTitle("Booth POS" if title == "Booth POS" else f"Booth POS — {title}")

    # -- people -----------------------------------------------------------------------------

    def _greet(self) -> None:
        """At start: ask who is selling, or offer to create the first supervisor."""
        from booth_pos.services import staff

        if staff.staff_exist(self.ctx.store):
            if not self.ctx.cashier:
                self.ask_sign_in()
        else:
            self.statusBar().showMessage(
                self.tr(
                    "No staff accounts yet: the till runs unlocked. "
                    "Create the first supervisor in Settings."
                ),
                20000,
            )

    def ask_sign_in(self) -> None:
        """Sign in or switch cashier (F10); on a stand without accounts, offer to create one."""
        from booth_pos.services import staff
        from booth_pos.ui.staff_dialogs import AddStaffDialog, SignInDialog

        if self.findChild(QDialog, "signInDialog") is not None:
            return
        if not staff.staff_exist(self.ctx.store):
            dialog = AddStaffDialog(self.ctx, self)
            dialog.added.connect(lambda _s: self.ask_sign_in())
        else:
            dialog = SignInDialog(self.ctx, self)
            dialog.signed_in.connect(lambda _s: self.ctx.bus.cashier_changed.emit())
        dialog.finished.connect(lambda _r: self.sell_page.focus_scan())
        dialog.open()

    # -- corrections and backups ------------------------------------------------------------

    def _corrected(self, correction) -> None:
        from booth_pos import printing

        printing.print_correction_after_commit(
            correction,
            settings_service.current(self.ctx.store),
            db_path=settings_service.data_path(self.ctx.store),
            on_done=self.print_bridge.printed.emit,
            on_error=self.print_bridge.failed.emit,
        )
        self.ctx.bus.day_changed.emit()  # expected cash and the reports changed

    def _clean_debris(self) -> None:
        """Clear what a killed backup or restore left (on the backup thread)."""
        from booth_pos.services import backup

        backup.clean_debris_in_background(settings_service.data_path(self.ctx.store))

    def periodic_backup(self):
        """Back up if due, on the backup thread with its own connection: the till never
        freezes for it. Only while nobody is being served; returns the job's future (its
        result is None when no backup was due), or None when not started."""
        from booth_pos.services import backup

        if self.sell_page.model.cart.lines or self.sell_page.payment_dialog is not None:
            return None
        return backup.periodic_in_background(
            settings_service.data_path(self.ctx.store), self.ctx.clock, self.backup_done.emit
        )

    def _backup_done(self, outcome) -> None:
        """A periodic backup finished (queued here from the backup thread)."""
        self.last_backup = outcome
        if outcome.ok:
            self.statusBar().showMessage(
                self.tr("Backup saved: %1").replace("%1", str(outcome.path)), 6000
            )
        else:
            self.statusBar().showMessage("⚠ " + outcome.error.text(self.ctx.lang), 30000)

    # -- printing ---------------------------------------------------------------------------

    def print_receipt(self, sale, reprint: bool = False):
        """Send a committed sale's receipt to the printer in the background; never waits."""
        from booth_pos import printing

        return printing.print_after_commit(
            sale,
            settings_service.current(self.ctx.store),
            db_path=settings_service.data_path(self.ctx.store),
            reprint=reprint,
            on_done=self.print_bridge.printed.emit,
            on_error=self.print_bridge.failed.emit,
        )

    def _printed(self, where: str) -> None:
        self.statusBar().showMessage(self.tr("Receipt printed: %1").replace("%1", where), 6000)

    def _print_failed(self, error) -> None:
        self.last_print_error = error
        text = error.text(self.ctx.lang) if hasattr(error, "text") else str(error)
        self.statusBar().showMessage("⚠ " + text, 15000)
        box = QMessageBox(QMessageBox.Warning, self.tr("Printer"), text, QMessageBox.Ok, self)
        box.setObjectName("printErrorBox")
        box.setWindowModality(Qt.NonModal)  # the queue keeps moving; the sale is saved
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.show()

    # -- errors that reached the top -------------------------------------------------------

    def show_bug(self, exc: BaseException) -> QMessageBox:
        """Tell the cashier a programming fault happened; the till and the cart carry on."""
        summary = f"{type(exc).__name__}: {exc}"
        self.statusBar().showMessage("⚠ " + summary, 30000)
        box = QMessageBox(
            QMessageBox.Critical,
            self.tr("Booth POS: something went wrong"),
            self.tr(
                "Something went wrong inside Booth POS. The sale in progress is kept; you can "
                "carry on. Please tell the coordinator (the details are in the log)."
            ),
            QMessageBox.Ok,
            self,
        )
        box.setObjectName("bugDialog")
        box.setInformativeText(summary)
        box.setAttribute(Qt.WA_DeleteOnClose)
        from booth_pos import logs

        show_log = box.addButton(self.tr("Open the log"), QMessageBox.ActionRole)
        show_log.setObjectName("openLogButton")
        show_log.setToolTip(str(logs.log_path()))
        show_log.clicked.connect(lambda: self.open_log_folder())
        box.open()  # never exec(): a nested event loop inside a failing slot
        return box

    def open_log_folder(self) -> bool:
        """Show the support log's folder in the desktop's file manager."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from booth_pos import logs

        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(logs.log_dir())))

    def show_known_error(self, exc: KnownError) -> QMessageBox:
        """A known problem (disk full, database locked) that no screen caught: say it plainly."""
        text = exc.text(self.ctx.lang)
        self.statusBar().showMessage("⚠ " + text, 30000)
        box = QMessageBox(QMessageBox.Warning, "Booth POS", text, QMessageBox.Ok, self)
        box.setObjectName("knownErrorBox")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return box

    def closeEvent(self, event):  # noqa: N802 - Qt API
        from booth_pos import printing
        from booth_pos.services import backup

        printing.wait_for_printing(10.0)
        backup.wait_for_backups(30.0)
        self.sync.shutdown()
        super().closeEvent(event)

    def apply_language(self, lang: str) -> None:
        """Switch the window's language now: rebuild every page with the new translations."""
        from booth_pos.ui import i18n
        from booth_pos.ui.context import Bus

        i18n.install(lang)
        self.ctx.lang = lang
        self.ctx.bus = Bus()  # the old pages' connections go with the old bus
        key = self.page_names[self.stack.currentIndex()]
        self._build()  # QMainWindow hides and deletes the old central widget
        self.show_page(key)

    def _page(self, key: str) -> QWidget:
        """Build a page, handing it what it needs from the window as callables."""
        return pages.build(
            key,
            self.ctx,
            reprint=lambda sale: self.print_receipt(sale, reprint=True),
            apply_language=self.apply_language,
            sync=self.sync,
        )

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built now if it has not been shown yet."""
        holder = self.pages[key]
        if isinstance(holder, LazyPage):
            if holder.page is None:
                holder.set_page(self._page(key))
            return holder.page
        return holder

    def _show_page(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        holder = self.stack.currentWidget()
        fresh = isinstance(holder, LazyPage) and holder.page is None
        page = self.page(self.page_names[row])
        if hasattr(page, "refresh") and page is not self.sell_page and not fresh:
            page.refresh()
        if page is self.sell_page:
            self.sell_page.focus_scan()

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_names.index(key))

    def ask_open_day(self) -> None:
        dialog = OpenDayDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.sell_page.focus_scan())
        dialog.open()

    def _update_status(self) -> None:
        try:
            self._show_status()
        except KnownError as exc:  # the database is locked or gone: say it where it shows
            self.statusBar().showMessage("⚠ " + exc.text(self.ctx.lang), 30000)

    def _show_status(self) -> None:
        day = days.current_day(self.ctx.store)
        lang = self.ctx.lang
        if day is None:
            self.day_label.setText(self.tr("No business day open"))
            self.day_label.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            expected = days.expected_cash(self.ctx.store, day)
            self.day_label.setText(
                self.tr("Day %1 open · cash in drawer %2")
                .replace("%1", day.business_date.isoformat())
                .replace("%2", format_rupiah(expected, lang))
            )
            self.day_label.setStyleSheet("color: #1b5e20;")
        cashier = self.ctx.cashier or self.tr("(no cashier)")
        self.cashier_label.setText(self.tr("Cashier: %1 (F10)").replace("%1", cashier))
