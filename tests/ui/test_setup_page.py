"""The first run: a new stand is set up step by step, typed and clicked, before the till."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from window_helpers import cart_rows, scan

from booth_pos.ui import file_dialogs

pytestmark = pytest.mark.gui

ARTISANS = "code,name,owner,phone,commission_percent\nSNG,Songket Serang,Ibu Ratna,,10\n"
PRODUCTS = (
    "sku,name,artisan_code,category,price,stock,barcode\n"
    "SNG-01,Songket Merah,SNG,Tenun,Rp 750.000,4,\n"
    "SNG-02,Selendang Songket,SNG,Tenun,Rp 350.000,6,\n"
)


@pytest.fixture
def fresh(window_factory):
    """The window on a new, empty database (no demo stand, no day open)."""
    return lambda: window_factory("id", open_day=False, demo_stand=False)


def page(window) -> QWidget:
    """The setup page shown (after a language switch the old one waits to be deleted)."""
    found = window.setup_page
    assert found is not None and found.isVisible() and found.objectName() == "setupPage"
    return found


def step_text(window) -> str:
    return page(window).findChild(QLabel, "setupStepLabel").text()


def type_into(qtbot, window, key: str, text: str) -> None:
    field = page(window).findChild(QLineEdit, f"setup_{key}")
    field.selectAll()
    qtbot.keyClick(field, Qt.Key_Backspace)
    qtbot.keyClicks(field, text)


def click(qtbot, window, name: str) -> None:
    qtbot.mouseClick(page(window).findChild(QPushButton, name), Qt.LeftButton)


def note(window, key: str) -> QLabel:
    return page(window).findChild(QLabel, f"setup_{key}Message")


def to_fill_step(qtbot, window) -> None:
    """Stand, days and till typed in and each step confirmed with Next."""
    type_into(qtbot, window, "stand_name", "Dekranasda Kota Serang")
    type_into(qtbot, window, "event_name", "Ina Craft 2024")
    type_into(qtbot, window, "venue", "JCC Hall A")
    click(qtbot, window, "setupNext")
    type_into(qtbot, window, "event_start", "2024-03-06")
    type_into(qtbot, window, "event_end", "2024-03-10")
    type_into(qtbot, window, "timezone", "Asia/Jakarta")
    click(qtbot, window, "setupNext")
    type_into(qtbot, window, "till", "t2")
    click(qtbot, window, "setupNext")
    assert step_text(window).startswith("Langkah 4 dari 4")


def test_a_new_database_opens_the_setup_instead_of_an_empty_till(qtbot, fresh):
    """No artisans, no products, no sales: the setup's first step shows, not the till, and
    the stand name has the keyboard."""
    window = fresh()
    assert page(window).isVisible()
    assert step_text(window).startswith("Langkah 1 dari 4")
    assert not window.findChild(QWidget, "scanInput").isVisible()
    name = page(window).findChild(QLineEdit, "setup_stand_name")
    qtbot.waitUntil(name.hasFocus)


def test_a_step_with_a_bad_value_says_why_beside_the_field_and_does_not_move_on(qtbot, fresh):
    """An empty stand name, then a last day before the first: each refused beside its
    field in Indonesian, the step stays, and nothing of the bad step is saved."""
    window = fresh()
    click(qtbot, window, "setupNext")
    assert note(window, "stand_name").isVisible()
    assert note(window, "stand_name").text() == "Nama stan wajib diisi"
    assert step_text(window).startswith("Langkah 1 dari 4")
    type_into(qtbot, window, "stand_name", "Dekranasda Kota Serang")
    click(qtbot, window, "setupNext")
    assert step_text(window).startswith("Langkah 2 dari 4")
    type_into(qtbot, window, "event_start", "2024-03-10")
    type_into(qtbot, window, "event_end", "2024-03-06")
    click(qtbot, window, "setupNext")
    assert note(window, "event_end").text() == "Hari terakhir sebelum hari pertama"
    assert not note(window, "event_start").isVisible()
    assert step_text(window).startswith("Langkah 2 dari 4")
    assert window.ctx.store.settings().event_start == ""


def test_a_setup_left_half_way_opens_again_at_the_step_it_reached(qtbot, fresh):
    """Closed after the event's days: the next start returns to the till step, with the
    stand name and days kept (Back shows them)."""
    window = fresh()
    type_into(qtbot, window, "stand_name", "Dekranasda Kota Serang")
    click(qtbot, window, "setupNext")
    type_into(qtbot, window, "event_start", "2024-03-06")
    type_into(qtbot, window, "event_end", "2024-03-10")
    click(qtbot, window, "setupNext")
    window.close()
    again = fresh()
    assert step_text(again).startswith("Langkah 3 dari 4")
    click(qtbot, again, "setupBack")
    assert page(again).findChild(QLineEdit, "setup_event_start").text() == "2024-03-06"
    assert page(again).findChild(QLineEdit, "setup_event_end").text() == "2024-03-10"


def test_the_demo_stand_opens_the_till_with_its_products(qtbot, fresh):
    """From the last step, the demo stand: the till shows and a scan rings up a product."""
    window = fresh()
    to_fill_step(qtbot, window)
    click(qtbot, window, "setupDemo")
    assert window.findChild(QWidget, "setupPage") is None or not window.in_setup()
    assert window.ctx.store.products.count() == 54
    assert window.findChild(QWidget, "scanInput").isVisible()
    scan(qtbot, window, "ECO-01")
    assert cart_rows(window) == 1


def test_finishing_an_empty_stand_is_refused(qtbot, fresh):
    """"Open the till" with no artisan and no product says what is missing and stays."""
    window = fresh()
    to_fill_step(qtbot, window)
    click(qtbot, window, "setupNext")
    assert "pengrajin" in page(window).findChild(QLabel, "setupMessage").text()
    assert window.in_setup()


def test_the_import_path_previews_fills_the_stand_and_settings_show_what_was_set(
    qtbot, fresh, tmp_path, monkeypatch
):
    """Artisans and products chosen from spreadsheets, each previewed and confirmed; then
    the till opens, and the Settings page holds everything the setup asked."""
    window = fresh()
    to_fill_step(qtbot, window)
    artisans, products = tmp_path / "artisans.csv", tmp_path / "products.csv"
    artisans.write_text(ARTISANS, encoding="utf-8")
    products.write_text(PRODUCTS, encoding="utf-8")
    setup = page(window)

    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a: str(artisans))
    click(qtbot, window, "setupImportArtisans")
    dialog = setup.flows[-1].dialog
    assert window.ctx.store.artisans.codes() == set()  # previewed, not written
    qtbot.mouseClick(dialog.findChild(QPushButton, "importConfirm"), Qt.LeftButton)
    assert window.ctx.store.artisans.codes() == {"SNG"}

    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a: str(products))
    click(qtbot, window, "setupImportProducts")
    flow = setup.flows[-1]
    flow.reading.result(timeout=30)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible())
    assert window.ctx.store.products.count() == 0
    qtbot.mouseClick(flow.dialog.findChild(QPushButton, "importConfirm"), Qt.LeftButton)
    counts = setup.findChild(QLabel, "setupCounts")
    qtbot.waitUntil(lambda: "2 produk" in counts.text(), timeout=30_000)

    click(qtbot, window, "setupNext")
    assert not window.in_setup()
    assert window.findChild(QWidget, "scanInput").isVisible()
    window.show_page("settings")
    settings = window.page("settings")
    shown = {
        key: settings.findChild(QLineEdit, f"setting_{key}").text()
        for key in ("stand_name", "event_name", "venue", "event_start", "event_end", "till")
    }
    assert shown == {
        "stand_name": "Dekranasda Kota Serang", "event_name": "Ina Craft 2024",
        "venue": "JCC Hall A", "event_start": "2024-03-06", "event_end": "2024-03-10",
        "till": "T2",
    }  # fmt: skip
    assert settings.findChild(QComboBox, "setting_printer").currentData() == "pdf"


def test_artisans_typed_into_the_form_count_on_the_last_step(qtbot, fresh):
    """The type-in way: the Artisans form opens from the setup and the count follows."""
    window = fresh()
    to_fill_step(qtbot, window)
    click(qtbot, window, "setupAddArtisan")
    dialog = window.findChild(QWidget, "artisanDialog")
    for name, text in (("artisanCode", "SNG"), ("artisanName", "Songket Serang"),
                       ("artisanCommission", "10")):  # fmt: skip
        qtbot.keyClicks(dialog.findChild(QLineEdit, name), text, delay=5)
    qtbot.mouseClick(dialog.findChild(QPushButton, "recordSave"), Qt.LeftButton)
    counts = page(window).findChild(QLabel, "setupCounts")
    assert "1 pengrajin" in counts.text()
    assert window.in_setup()  # a filled stand stays in the setup until it is finished


def test_the_existing_stand_opens_on_the_till(window):
    """A stand with products (the demo) never sees the setup."""
    assert not window.in_setup()
    assert window.findChild(QWidget, "scanInput").isVisible()


def _reachable(widget: QWidget, top: QWidget) -> bool:
    if widget is None or not widget.isVisible() or widget.width() <= 0:
        return False
    return top.rect().contains(QRect(widget.mapTo(top, QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_every_setup_step_fits_the_stand_laptops_screen(qtbot, fresh, width, height):
    """At 1366x768 and 1280x720 each step's fields, Back and Next are all on screen."""
    window = fresh()
    window.showNormal()
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    setup = page(window)
    steps = {
        "stand": ["setup_stand_name", "setup_event_name", "setup_venue", "setup_ui_lang"],
        "event": ["setup_event_start", "setup_event_end", "setup_timezone"],
        "till": ["setup_till", "setup_receipt_lang", "setup_printer", "setup_printer_target",
                 "setup_receipt_width", "setupTestPrint"],
        "fill": ["setupImportArtisans", "setupImportProducts", "setupAddArtisan",
                 "setupAddProduct", "setupDemo", "setupCounts"],
    }  # fmt: skip
    missing = []
    for step, names in steps.items():
        setup.show_step(step)
        qtbot.wait(10)
        for name in [*names, "setupNext", "setupBack", "setupStepLabel"]:
            if not _reachable(setup.findChild(QWidget, name), window):
                missing.append(f"{step}: {name}")
    assert missing == []


def test_choosing_english_on_the_first_step_shows_the_rest_in_english(qtbot, fresh):
    """Window language English, Next: the window switches and the setup goes on at step 2
    in English; the language is saved for the next start."""
    window = fresh()
    type_into(qtbot, window, "stand_name", "Dekranasda Kota Serang")
    combo = page(window).findChild(QComboBox, "setup_ui_lang")
    combo.setCurrentIndex(combo.findData("en"))
    click(qtbot, window, "setupNext")
    qtbot.waitUntil(lambda: window.setup_page is not None and window.setup_page.isVisible())
    assert step_text(window).startswith("Step 2 of 4")
    assert window.ctx.store.settings().ui_lang == "en"


def test_a_window_opened_in_english_keeps_english_through_the_setup(qtbot, window_factory):
    """`booth-pos --lang en` on a new stand: the first step offers English, Next keeps it."""
    window = window_factory("en", open_day=False, demo_stand=False)
    assert page(window).findChild(QComboBox, "setup_ui_lang").currentData() == "en"
    type_into(qtbot, window, "stand_name", "Dekranasda Kota Serang")
    click(qtbot, window, "setupNext")
    assert step_text(window).startswith("Step 2 of 4")
    assert window.ctx.store.settings().ui_lang == "en"
