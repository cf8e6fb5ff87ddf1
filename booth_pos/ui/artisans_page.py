"""Artisans: who the stand sells for, their commission, and the import (with a preview)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import KnownError
from booth_pos.money import format_percent
from booth_pos.services import imports, products
from booth_pos.ui import file_dialogs
from booth_pos.ui.context import AppContext
from booth_pos.ui.table_model import Column, RowsModel
from booth_pos.ui.widgets import error_text, message_label, set_message


class ArtisansPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("artisansPage")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Artisans"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        self.import_button = QPushButton(self.tr("Import artisans…"))
        self.import_button.setObjectName("importArtisansButton")
        self.import_button.clicked.connect(self.choose_file)
        top.addWidget(self.import_button)
        self.add_button = QPushButton(self.tr("Add artisan…"))
        self.add_button.setObjectName("addArtisanButton")
        self.add_button.clicked.connect(lambda: self.add_artisan())
        top.addWidget(self.add_button)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editArtisanButton")
        self.edit_button.clicked.connect(lambda: self.edit_artisan())
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        self.message = message_label("artisansMessage")
        layout.addWidget(self.message)
        lang = ctx.lang
        self.model = RowsModel(
            [
                Column(self.tr("Code"), lambda a: a.code),
                Column(
                    self.tr("Name"),
                    lambda a: (
                        a.name if a.active else self.tr("%1 (inactive)").replace("%1", a.name)
                    ),
                ),
                Column(self.tr("Owner"), lambda a: a.owner),
                Column(self.tr("Phone"), lambda a: a.phone),
                Column(
                    self.tr("Commission"),
                    lambda a: format_percent(a.commission_bp, lang),
                    align_right=True,
                ),
                Column(
                    self.tr("Products"), lambda a: self._counts.get(a.code, 0), align_right=True
                ),
            ],
            self,
        )
        self._counts: dict[str, int] = {}
        self.table = QTableView()
        self.table.setObjectName("artisansTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.doubleClicked.connect(lambda _i: self.edit_artisan())
        layout.addWidget(self.table)
        hint = QLabel(self.tr("Spreadsheet columns (XLSX or CSV): code, name, owner, phone, commission_percent"))  # noqa: E501 (one literal for lupdate)
        hint.setStyleSheet("color: #666;")
        hint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(hint)
        ctx.bus.data_changed.connect(self.refresh)
        self.refresh()

    def add_artisan(self):
        from booth_pos.ui.record_dialogs import ArtisanDialog

        dialog = ArtisanDialog(self.ctx, self)
        dialog.open()
        return dialog

    def edit_artisan(self):
        """The form for the selected artisan (name, commission, story, active...)."""
        from booth_pos.ui.record_dialogs import ArtisanDialog

        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            set_message(self.message, self.tr("Select one artisan first"), "warn")
            return None
        artisan = self.model.data(rows[0], Qt.UserRole)
        dialog = ArtisanDialog(self.ctx, self, artisan=artisan)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        try:
            goods = products.all_products(self.ctx.store)
            artisans = products.artisans(self.ctx.store)
        except KnownError as exc:  # the database is locked or gone: say so, keep the list
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self._counts = {}
        for p in goods:
            self._counts[p.artisan_code] = self._counts.get(p.artisan_code, 0) + 1
        self.model.set_rows(artisans)

    def choose_file(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("Import artisans"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if path:
            self.preview_file(Path(path))

    def preview_file(self, path: Path):
        """Show what ``path`` would add and update (or its problems); it is imported only
        when the coordinator confirms. Returns the flow (its ``dialog`` is the preview)."""
        from booth_pos.ui.import_preview import ImportFlow

        flow = ImportFlow(self.ctx, "artisans", self)
        flow.imported.connect(self._imported)
        flow.start(path)
        return flow

    def _imported(self, result) -> None:
        set_message(
            self.message,
            self.tr("%1 added, %2 updated")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated)),
        )

    def import_file(self, path: Path) -> bool:
        """Import ``path`` at once, without a preview (all or nothing)."""
        try:
            result = imports.import_artisans(self.ctx.store, path)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return False
        set_message(
            self.message,
            self.tr("%1 added, %2 updated")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated)),
        )
        self.ctx.bus.data_changed.emit()
        return True
