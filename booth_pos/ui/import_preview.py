"""Import with a preview: what a spreadsheet would add and update, or every problem in it,
before anything is written.

``ImportFlow.start(path)`` reads and checks the file (``services.imports.plan_*``; a products
file on the worker thread, behind the progress dialog) and opens ``ImportPreviewDialog``
(objectName ``importPreviewDialog``): the rows to add and to update, price and commission
changes, and each problem as ``line N: column: reason``. Nothing is written until the
coordinator presses ``importConfirm``; the import then reads the file again and stays all or
nothing. A file saved again since the preview is previewed again instead of imported unseen.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import KnownError
from booth_pos.money import format_percent, format_rupiah
from booth_pos.services import imports
from booth_pos.services import settings as settings_service
from booth_pos.ui.context import AppContext
from booth_pos.ui.table_model import Column, RowsModel
from booth_pos.ui.widgets import error_text, message_label, set_message


class ImportPreviewDialog(QDialog):
    """The preview of one file: the rows or the problems, and the confirm button.

    Signals:
        confirmed(): the coordinator pressed ``importConfirm`` (nothing written yet).
    """

    confirmed = Signal()

    def __init__(self, ctx: AppContext, kind: str, path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.ctx, self.kind, self.path = ctx, kind, path
        title = self.tr("Import artisans") if kind == "artisans" else self.tr("Import products")
        self.setWindowTitle(f"{title}: {path.name}")
        self.setMinimumWidth(760)
        self.resize(1000, 600)  # a stand laptop's 1280x720 keeps a margin around it
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(self.summary)
        self.model = RowsModel(self._columns(), self)
        self.table = QTableView()
        self.table.setObjectName("importRows")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setResizeContentsPrecision(60)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        layout.addWidget(self.table, 1)
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.hide()
        layout.addWidget(self.problems, 1)
        self.message = message_label("importPreviewMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        self.confirm_button.setObjectName("importConfirm")
        self.confirm_button.setEnabled(False)
        self.cancel_button = buttons.addButton(QDialogButtonBox.Cancel)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.confirmed.emit)  # the flow closes it once written
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.plan = None

    def _columns(self) -> list[Column]:
        lang = self.ctx.lang
        what = Column(self.tr("Change"), lambda r: r[0], key="importChange")
        if self.kind == "artisans":
            return [
                what,
                Column(self.tr("Code"), lambda r: r[1].code),
                Column(self.tr("Name"), lambda r: r[1].name),
                Column(self.tr("Owner"), lambda r: r[1].owner),
                Column(
                    self.tr("Commission"),
                    lambda r: r[2] or format_percent(r[1].commission_bp, lang),
                    align_right=True,
                ),
            ]
        return [
            what,
            Column(self.tr("SKU"), lambda r: r[1].sku),
            Column(self.tr("Name"), lambda r: r[1].name),
            Column(self.tr("Artisan"), lambda r: r[1].artisan_code),
            Column(self.tr("Price"), lambda r: r[2] or format_rupiah(r[1].price, lang), True),
            Column(self.tr("Stock"), lambda r: r[3] or r[1].stock, True),
            Column(self.tr("Barcode"), lambda r: r[1].barcode),
        ]

    def show_plan(self, plan, *, note: str = "") -> None:
        """The rows the import would add and update (price or commission changes as
        ``old → new``); the confirm button names how many."""
        self.plan = plan
        lang = self.ctx.lang
        add, update = self.tr("add"), self.tr("update")
        changes: dict[str, str] = {}
        stocks: dict[str, str] = {}
        if self.kind == "products":
            on_hand = {p.sku: p.stock for p in self.ctx.store.products.all()}
            for p in plan.updated:
                if on_hand.get(p.sku, p.stock) != p.stock:
                    stocks[p.sku] = f"{on_hand[p.sku]} → {p.stock}"
            for sku, old, new in plan.prices:
                changes[sku] = f"{format_rupiah(old, lang)} → {format_rupiah(new, lang)}"
            key = "sku"
        else:
            before = {a.code: a.commission_bp for a in self.ctx.store.artisans.all()}
            for a in plan.updated:
                if before.get(a.code, a.commission_bp) != a.commission_bp:
                    changes[a.code] = (
                        f"{format_percent(before[a.code], lang)} → "
                        f"{format_percent(a.commission_bp, lang)}"
                    )
            key = "code"
        rows = [(add, item, "", "") for item in plan.added]
        rows += [
            (update, item, changes.get(getattr(item, key), ""), stocks.get(getattr(item, key), ""))
            for item in plan.updated
        ]
        self.model.set_rows(rows)
        self.problems.hide()
        self.table.show()
        summary = (
            self.tr("%1 to add, %2 to update")
            .replace("%1", str(len(plan.added)))
            .replace("%2", str(len(plan.updated)))
        )
        if changes:
            changed = (
                self.tr("%1 new prices")
                if self.kind == "products"
                else self.tr("%1 new commissions")
            )
            summary += " · " + changed.replace("%1", str(len(changes)))
        self.summary.setText(summary)
        total = len(plan.added) + len(plan.updated)
        self.confirm_button.setText(self.tr("Import %1 rows").replace("%1", str(total)))
        self.confirm_button.setEnabled(total > 0)
        if plan.encoding == "cp1252":
            note = " ".join(
                filter(None, [note, self.tr("Read as Windows-1252 (Excel's plain CSV).")])
            )
        if not total:
            set_message(self.message, self.tr("The file has no rows to import"), "warn")
        elif note:
            set_message(self.message, note, "warn")
        else:
            set_message(self.message, self.tr("Nothing is written until you press Import."), "ok")
        self.confirm_button.setFocus()

    def show_problems(self, error: KnownError, *, note: str = "") -> None:
        """Why the file cannot be imported: each problem as ``line N: column: reason``;
        there is nothing to confirm."""
        self.plan = None
        problems = getattr(error, "problems", None)
        self.problems.clear()
        if problems:
            self.problems.addItems([p.listing(self.ctx.lang) for p in problems])
            self.summary.setText(
                self.tr("Nothing can be imported: %1 problems").replace("%1", str(len(problems)))
            )
        else:  # the file cannot be read at all
            self.problems.addItem(error_text(error, self.ctx.lang))
            self.summary.setText(self.tr("Nothing can be imported"))
        self.problems.show()
        self.table.hide()
        self.confirm_button.setText(self.tr("Import"))
        self.confirm_button.setEnabled(False)
        set_message(
            self.message,
            note or self.tr("Fix the file and import it again; nothing was written."),
            "error",
        )
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setFocus()


class ImportFlow(QObject):
    """Preview, then import on confirm, for one kind ("artisans" or "products").

    Attributes:
        dialog: the open preview (None after it closed).
        reading: the future of the last read of a products file (tests wait on it).

    Signals:
        imported(object): the ImportResult once written.
    """

    imported = Signal(object)

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget):
        super().__init__(parent)
        self.ctx, self.kind, self.parent_widget = ctx, kind, parent
        self.dialog: ImportPreviewDialog | None = None
        self.path: Path | None = None
        self._seen = ""
        self.reading: Future | None = None  # the last read of a products file

    # -- reading ----------------------------------------------------------------------------

    def start(self, path: Path) -> Future | None:
        """Read and check ``path`` and show the preview; a products file is read on the
        worker thread (returns its future; None for artisans, read at once: a short list)."""
        self.path = Path(path)
        self.dialog = ImportPreviewDialog(self.ctx, self.kind, self.path, self.parent_widget)
        self.dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.dialog.confirmed.connect(self.confirm)
        self.dialog.destroyed.connect(self._closed)
        return self._plan()

    def _closed(self) -> None:
        self.dialog = None

    def _plan(self, note: str = "") -> Future | None:
        self.reading = self._read(note)
        return self.reading

    def _read(self, note: str) -> Future | None:
        path = self.path
        self._seen = imports.fingerprint(path)
        if self.kind == "artisans":
            try:
                plan = imports.plan_artisans(self.ctx.store, path)
            except KnownError as exc:
                self._show_problems(exc, note)
            else:
                self._show_plan(plan, note)
            return None
        from booth_pos.ui.background import run_with_progress

        db = settings_service.data_path(self.ctx.store)

        def job(progress, cancelled):
            return imports.plan_products_into(db, path, progress=progress, cancelled=cancelled)

        return run_with_progress(
            self.parent_widget,
            label=self.tr("Reading %1…").replace("%1", path.name),
            job=job,
            done=lambda plan: self._show_plan(plan, note),
            failed=lambda error: self._show_problems(error, note),
        )

    def _show_plan(self, plan, note: str) -> None:
        if self.dialog is None:
            return
        self.dialog.show_plan(plan, note=note)
        self.dialog.open()

    def _show_problems(self, error: KnownError, note: str) -> None:
        if self.dialog is None:
            return
        if isinstance(error, imports.ImportCancelled):
            self.dialog.close()
            return
        self.dialog.show_problems(error, note=note)
        self.dialog.open()

    # -- writing ----------------------------------------------------------------------------

    def confirm(self) -> Future | None:
        """Write what was previewed: the import reads the file again (all or nothing).
        A file changed since the preview is previewed again and nothing is written."""
        dialog = self.dialog
        if dialog is None or dialog.plan is None:
            return None
        if imports.fingerprint(self.path) != self._seen:
            return self._plan(
                self.tr("The file changed since the preview: this is what it holds now.")
                + " "
                + self.tr("Nothing was written.")
            )
        ctx = self.ctx
        dialog.confirm_button.setEnabled(False)
        if self.kind == "artisans":
            try:
                result = imports.import_artisans(
                    ctx.store, self.path, actor=ctx.cashier, at=ctx.clock.now()
                )
            except KnownError as exc:
                self._refused(exc)
                return None
            self._written(result)
            return None
        from booth_pos.ui.background import run_with_progress

        db, clock, cashier, path = (
            settings_service.data_path(ctx.store), ctx.clock, ctx.cashier, self.path
        )  # fmt: skip

        def job(progress, cancelled):
            return imports.import_products_into(
                db, path, clock, actor=cashier, progress=progress, cancelled=cancelled
            )

        set_message(dialog.message, self.tr("Importing %1…").replace("%1", path.name), "warn")
        return run_with_progress(
            self.parent_widget,
            label=self.tr("Importing products…"),
            job=job,
            done=self._written,
            failed=self._refused,
        )

    def _written(self, result) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self.ctx.bus.data_changed.emit()
        self.imported.emit(result)

    def _refused(self, error: KnownError) -> None:
        """The import refused at writing (the file changed in between, or cancelled): say
        so in the preview; nothing was written."""
        if self.dialog is None:
            return
        if isinstance(error, imports.ImportRefused):
            self.dialog.show_problems(
                error,
                note=self.tr("The file changed since the preview and is refused now.")
                + " "
                + self.tr("Nothing was written."),
            )
            return
        set_message(self.dialog.message, error_text(error, self.ctx.lang), "error")
        self.dialog.confirm_button.setEnabled(self.dialog.plan is not None)
