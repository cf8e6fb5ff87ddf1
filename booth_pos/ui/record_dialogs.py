"""Adding and editing an artisan or a product in a form, with the import's rules.

Both forms save through ``services.records`` (the very validators the CSV import and the
command line use), so a commission typed ``12,5%`` or a price typed ``Rp 175.000`` is read
the same way everywhere and refused with the same words; the refusal shows beside the field
it is about and nothing is written. A price or commission change is audited and applies
from the next sale. Deactivating (never deleting) takes goods off sale and the quick grid.
Once staff accounts exist a supervisor's PIN approves each save.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import Artisan, KnownError, Product
from booth_pos.money import percent_text
from booth_pos.services import imports, records, staff, wholesale
from booth_pos.ui import file_dialogs
from booth_pos.ui.context import AppContext
from booth_pos.ui.scan_guard import ScanGuard
from booth_pos.ui.staff_dialogs import SupervisorBox
from booth_pos.ui.widgets import error_text, message_label, set_message


class _RecordDialog(QDialog):
    """What both forms share: fields with a message line under each, the supervisor box,
    the save button, and showing a ``RecordRefused`` beside the field it names."""

    #: ImportProblem.column -> the field's objectName
    COLUMNS: dict[str, str] = {}

    def __init__(self, ctx: AppContext, name: str, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.field_messages: dict[str, QLabel] = {}
        self.message = message_label(f"{name}Message")
        self.supervisor = None
        ScanGuard.protect(self, self.tr("Scan ignored: finish this form first"))

    def _row(self, label: str, widget: QWidget, name: str) -> QWidget:
        widget.setObjectName(name)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(widget)
        note = message_label(f"{name}Message")
        note.hide()
        column.addWidget(note)
        self.field_messages[name] = note
        self.form.addRow(label, box)
        return widget

    def _finish(self) -> None:
        self.layout_.addWidget(self.message)
        if staff.staff_exist(self.ctx.store):
            self.supervisor = SupervisorBox(self.ctx, with_reason=False)
            self.layout_.addWidget(self.supervisor)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.AcceptRole)
        self.save_button.setObjectName("recordSave")
        buttons.accepted.connect(self.save)  # each form's own save
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)
        from booth_pos.services.tills import main_till_refusal

        refusal = main_till_refusal(self.ctx.store)
        if refusal is not None:  # not the main till: say so before anything is typed
            set_message(self.message, error_text(refusal, self.ctx.lang), "error")
            self.save_button.setEnabled(False)

    def _clear_messages(self) -> None:
        for note in self.field_messages.values():
            note.hide()
            set_message(note, "")
        set_message(self.message, "")

    def _refused(self, exc: KnownError) -> None:
        """Each problem beside its field (the rest below the form); nothing was written."""
        problems = getattr(exc, "problems", None) or []
        placed = False
        for p in problems:
            name = self.COLUMNS.get(p.column)
            note = self.field_messages.get(name or "")
            if note is not None:
                set_message(note, p.text(self.ctx.lang), "error")
                note.show()
                placed = True
        if not placed:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
        if self.supervisor is not None:
            self.supervisor.clear_pin()

    def _approved(self) -> str | None:
        """The approving supervisor's name ("" without staff), None if the PIN was refused."""
        if self.supervisor is None:
            return self.ctx.cashier
        name, pin, _reason = self.supervisor.values()
        try:
            return staff.approve(self.ctx.store, name, pin, self.ctx.cashier, self.ctx.clock).name
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            self.supervisor.clear_pin()
            return None


class ArtisanDialog(_RecordDialog):
    """Add an artisan (``artisan=None``) or edit one.

    Attributes:
        saved: the artisan as saved, once saved (None before).
    """

    COLUMNS = {
        "code": "artisanCode",
        "name": "artisanName",
        "owner": "artisanOwner",
        "phone": "artisanPhone",
        "commission_percent": "artisanCommission",
        "story": "artisanStory",
    }

    def __init__(self, ctx: AppContext, parent=None, *, artisan: Artisan | None = None):
        editing = artisan is not None
        title = self.tr("Edit artisan") if editing else self.tr("Add artisan")
        super().__init__(ctx, "artisanDialog", title, parent)
        self.artisan, self.saved = artisan, None
        self.code = self._row(self.tr("Code"), QLineEdit(), "artisanCode")
        self.code.setPlaceholderText(self.tr("e.g. ECO (letters and digits)"))
        self.name = self._row(self.tr("Name"), QLineEdit(), "artisanName")
        self.owner = self._row(self.tr("Owner"), QLineEdit(), "artisanOwner")
        self.phone = self._row(self.tr("Phone"), QLineEdit(), "artisanPhone")
        self.commission = self._row(self.tr("Commission %"), QLineEdit(), "artisanCommission")
        self.commission.setPlaceholderText(self.tr("e.g. 12,5"))
        self.story = self._row(self.tr("Story (catalogue)"), QPlainTextEdit(), "artisanStory")
        self.story.setFixedHeight(70)
        self.active = self._row(
            self.tr("Active"), QCheckBox(self.tr("can be sold")), "artisanActive"
        )
        self.active.setChecked(True)
        if editing:
            self.code.setText(artisan.code)
            self.code.setReadOnly(True)
            self.name.setText(artisan.name)
            self.owner.setText(artisan.owner)
            self.phone.setText(artisan.phone)
            self.commission.setText(percent_text(artisan.commission_bp).replace(".", ","))
            self.story.setPlainText(artisan.story)
            self.active.setChecked(artisan.active)
        else:
            self.active.setEnabled(False)
        self._finish()

    def save(self) -> None:
        self._clear_messages()
        actor = self._approved()
        if actor is None:
            return
        store, at = self.ctx.store, self.ctx.clock.now()
        try:
            if self.artisan is None:
                self.saved = records.add_artisan(
                    store, self.code.text(), name=self.name.text(),
                    commission=self.commission.text(), owner=self.owner.text(),
                    phone=self.phone.text(), story=self.story.toPlainText(), actor=actor, at=at,
                )  # fmt: skip
            else:
                self.saved = records.edit_artisan(
                    store, self.artisan.code, name=self.name.text(),
                    commission=self.commission.text(), owner=self.owner.text(),
                    phone=self.phone.text(), story=self.story.toPlainText(),
                    active=self.active.isChecked(), actor=actor, at=at,
                )  # fmt: skip
        except KnownError as exc:
            self._refused(exc)
            return
        self.ctx.bus.data_changed.emit()
        self.accept()


class ProductDialog(_RecordDialog):
    """Add a product (``product=None``, stock 0: goods arrive by intake) or edit one.

    Attributes:
        saved: the product as saved, once saved (None before).
    """

    COLUMNS = {
        "sku": "productSku",
        "name": "productName",
        "artisan_code": "productArtisan",
        "category": "productCategory",
        "price": "productPrice",
        "barcode": "productBarcode",
        "photo": "productPhoto",
    }

    def __init__(
        self, ctx: AppContext, parent=None, *, product: Product | None = None, barcode: str = ""
    ):
        editing = product is not None
        title = self.tr("Edit product") if editing else self.tr("Add product")
        super().__init__(ctx, "productDialog", title, parent)
        self.product, self.saved = product, None
        self.sku = self._row(self.tr("SKU"), QLineEdit(), "productSku")
        self.name = self._row(self.tr("Name"), QLineEdit(), "productName")
        self.artisan = self._row(self.tr("Artisan"), QComboBox(), "productArtisan")
        for a in ctx.store.artisans.all():
            if a.active or (editing and a.code == product.artisan_code):
                self.artisan.addItem(f"{a.code} · {a.name}", a.code)
        self.category = self._row(self.tr("Category"), QLineEdit(), "productCategory")
        self.price = self._row(self.tr("Price"), QLineEdit(), "productPrice")
        self.price.setPlaceholderText(self.tr("e.g. 175000 or Rp 175.000"))
        self.barcode = self._row(self.tr("Barcode"), QLineEdit(), "productBarcode")
        self.barcode.setPlaceholderText(self.tr("Scan it, or leave empty for an in-store EAN-13"))
        ScanGuard.welcome(self.barcode)  # the goods' own barcode may be scanned in
        photo_row = QWidget()
        photo_box = QHBoxLayout(photo_row)
        photo_box.setContentsMargins(0, 0, 0, 0)
        self.photo = QLineEdit()
        self.photo.setObjectName("productPhotoPath")
        self.photo.setReadOnly(True)
        photo_box.addWidget(self.photo, 1)
        choose = QPushButton(self.tr("Choose…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_photo)
        photo_box.addWidget(choose)
        self._row(self.tr("Photo"), photo_row, "productPhoto")
        # Wholesale terms for bulk buyers (issue 17): tiers, MOQ and lead time.
        self.tiers = self._row(self.tr("Wholesale tiers"), QLineEdit(), "productTiers")
        self.tiers.setPlaceholderText(self.tr("MIN:PRICE;…, e.g. 10:135000;50:120000"))
        self.moq = self._row(self.tr("Minimum order"), QLineEdit("1"), "productMoq")
        self.lead_days = self._row(self.tr("Lead time (days)"), QLineEdit(), "productLeadDays")
        self.lead_days.setPlaceholderText(self.tr("empty: the artisan's"))
        self.active = self._row(
            self.tr("Active"), QCheckBox(self.tr("can be sold")), "productActive"
        )
        self.active.setChecked(True)
        if editing:
            self.sku.setText(product.sku)
            self.sku.setReadOnly(True)
            self.name.setText(product.name)
            self.artisan.setCurrentIndex(max(0, self.artisan.findData(product.artisan_code)))
            self.artisan.setEnabled(False)  # its sales and statement stay with the artisan
            self.category.setText(product.category)
            self.price.setText(str(product.price))
            self.barcode.setText(product.barcode)
            self.barcode.setReadOnly(True)
            self.photo.setText(product.image)
            self.active.setChecked(product.active)
            terms = wholesale.form_texts(ctx.store.wholesale.of(product.sku))
            for edit, text in zip((self.tiers, self.moq, self.lead_days), terms, strict=True):
                edit.setText(text)
        else:
            self.barcode.setText(barcode)
            self.active.setEnabled(False)
        self._finish()
        (self.name if barcode and not editing else self.sku).setFocus()

    def choose_photo(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("Product photo"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.webp)"),
        )
        if path:
            self.photo.setText(path)

    def _check_photo(self) -> bool:
        path = self.photo.text().strip()
        if not path or (self.product is not None and path == self.product.image):
            return True
        from booth_pos.documents.photos import check_photo

        try:
            check_photo(Path(path))
        except KnownError as exc:
            note = self.field_messages["productPhoto"]
            set_message(note, error_text(exc, self.ctx.lang), "error")
            note.show()
            return False
        return True

    def save(self) -> None:
        self._clear_messages()
        if not self._check_photo():
            return
        actor = self._approved()
        if actor is None:
            return
        store, clock = self.ctx.store, self.ctx.clock
        try:
            terms = {
                "tiers": [t for t in self.tiers.text().split(";") if t.strip()],
                "moq": self.moq.text().strip() or "1",
                "lead_days": self.lead_days.text().strip(),
            }
            if self.product is None:
                saved = wholesale.add_product(
                    store, self.sku.text(), name=self.name.text(),
                    artisan=self.artisan.currentData() or "", price=self.price.text(),
                    category=self.category.text(), barcode=self.barcode.text(), actor=actor,
                    clock=clock, **terms,
                )  # fmt: skip
            else:
                saved = wholesale.edit_product(
                    store, self.product.sku, name=self.name.text(), price=self.price.text(),
                    category=self.category.text(), active=self.active.isChecked(),
                    actor=actor, clock=clock, **terms,
                )  # fmt: skip
            photo = self.photo.text().strip()
            if photo and photo != saved.image:
                imports.set_photo(store, saved.sku, Path(photo))
                saved = store.products.by_sku(saved.sku) or saved
        except KnownError as exc:
            self._refused(exc)
            return
        self.saved = saved
        self.ctx.bus.data_changed.emit()
        self.accept()
