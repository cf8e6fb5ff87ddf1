"""The customer display beside the till: two windows, the scan field keeps the keyboard."""

from __future__ import annotations

import pytest
import zxingcpp
from helpers.qris_sample import STATIC
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from booth_pos.model import qris
from booth_pos.services import settings as settings_service
from tests.ui.window_helpers import cart_rows, confirm, open_payment, pay, scan, tender

pytestmark = pytest.mark.gui


def display_of(window) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "customerDisplay" and widget.isVisible():
            return widget
    return None


def text(display, name: str) -> str:
    return display.findChild(QLabel, name).text()


def line_texts(display) -> list[tuple[str, str, str]]:
    out = []
    for row in range(8):
        cells = tuple(text(display, f"displayLine{k}{row}") for k in ("Name", "Qty", "Amount"))
        if cells[0]:
            out.append(cells)
    return out


def open_display(qtbot, window) -> QWidget:
    qtbot.mouseClick(window.findChild(QPushButton, "customerDisplayButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: display_of(window) is not None)
    return display_of(window)


def decode_label(label: QLabel, tmp_path) -> list[str]:
    """What zxing-cpp reads in the pixmap the label shows."""
    path = tmp_path / "qr.png"
    assert label.pixmap().save(str(path))
    return [r.text for r in zxingcpp.read_barcodes(Image.open(path))]


def set_qris(window) -> None:
    store = window.ctx.store
    current = settings_service.current(store)
    new = settings_service.from_texts(
        current, {**settings_service.as_texts(current), "qris_payload": STATIC}
    )
    settings_service.save(store, new)


def test_display_opens_without_taking_the_scan_field(qtbot, window):
    """F9 opens a top-level `customerDisplay` that never takes focus; a scan typed after
    opening it lands in `scanInput` and rings up."""
    field = window.findChild(QLineEdit, "scanInput")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key_F9)
    qtbot.waitUntil(lambda: display_of(window) is not None)
    display = display_of(window)
    assert display.isWindow() and display.parent() is None
    assert display.windowFlags() & Qt.WindowDoesNotAcceptFocus
    assert display.testAttribute(Qt.WA_ShowWithoutActivating)
    assert display.focusPolicy() == Qt.NoFocus
    qtbot.wait(50)
    assert QApplication.focusWidget() is field
    scan(qtbot, window, "ECO-01")
    assert field.text() == "" and cart_rows(window) == 1
    qtbot.waitUntil(lambda: line_texts(display) != [])
    name = window.ctx.store.products.by_code("ECO-01").name
    assert line_texts(display) == [(name, "1 ×", "Rp 285.000")]


def test_display_follows_the_cart(qtbot, window):
    """Scans add lines, a removal takes one away, the total follows."""
    display = open_display(qtbot, window)
    scan(qtbot, window, "ECO-01")
    scan(qtbot, window, "BKR-05")
    scan(qtbot, window, "BKR-05")
    qtbot.waitUntil(lambda: text(display, "displayTotal") == "Rp 335.000")
    lines = line_texts(display)
    assert [(q, a) for _n, q, a in lines] == [("1 ×", "Rp 285.000"), ("2 ×", "Rp 50.000")]
    assert text(display, "displayStand") == window.ctx.store.settings().stand_name
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_Delete)
    qtbot.waitUntil(lambda: len(line_texts(display)) == 1)
    assert text(display, "displayTotal") == "Rp 285.000"


def test_pending_qris_shows_a_code_that_scans_to_the_amount(qtbot, window, tmp_path):
    """With QRIS chosen for Rp 285.000, the display shows the QRIS with that amount, big
    enough to scan, digits and words; zxing reads exactly the payload from the pixmap."""
    set_qris(window)
    display = open_display(qtbot, window)
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    tender(qtbot, dialog, "qris")
    qtbot.waitUntil(lambda: display.findChild(QWidget, "displayQris").isVisible())
    label = display.findChild(QLabel, "displayQr")
    assert min(label.pixmap().width(), label.pixmap().height()) >= 300
    assert decode_label(label, tmp_path) == [qris.with_amount(STATIC, 285_000)]
    assert text(display, "displayQrisAmount") == "Rp 285.000"
    assert text(display, "displayQrisWords") == "dua ratus delapan puluh lima ribu rupiah"
    slip = dialog.findChild(QPushButton, "qrisSlipButton")
    assert slip.isEnabled()
    confirm(qtbot, dialog)
    assert dialog.sale is not None
    assert not slip.isEnabled()  # paid: no slip for a sale already made
    assert not display.findChild(QWidget, "displayQris").isVisible()
    assert text(display, "displayThanks") == "Terima kasih"
    assert not display.findChild(QLabel, "displayChange").isVisible()  # no cash, no change


def test_slip_button_prints_the_qris_slip(qtbot, window, tmp_path):
    """The payment dialog's slip button puts the QRIS with the amount in the PDF folder."""
    set_qris(window)
    store = window.ctx.store
    current = settings_service.current(store)
    settings_service.save(
        store,
        settings_service.from_texts(
            current, {**settings_service.as_texts(current), "printer_target": str(tmp_path)}
        ),
    )
    scan(qtbot, window, "BKR-05")
    dialog = open_payment(qtbot, window)
    tender(qtbot, dialog, "qris")
    qtbot.mouseClick(dialog.findChild(QPushButton, "qrisSlipButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "QRIS-25000.pdf").exists(), timeout=5000)
    qtbot.waitUntil(lambda: "QRIS" in dialog.findChild(QLabel, "paymentMessage").text())


def test_cash_sale_shows_change_and_thanks_in_the_customers_language(qtbot, window):
    """After a cash sale to a Korean customer: the change and 감사합니다; the next scan
    clears them."""
    display = open_display(qtbot, window)
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    qtbot.mouseClick(dialog.findChild(QPushButton, "origin_KR"), Qt.LeftButton)
    pay(qtbot, dialog, "cash", "300.000")
    assert dialog.sale is not None
    assert text(display, "displayChange") == "Rp 15.000"
    assert text(display, "displayThanks") == "감사합니다"
    qtbot.mouseClick(dialog.findChild(QPushButton, "doneButton"), Qt.LeftButton)
    qtbot.wait(20)
    assert display.findChild(QWidget, "displayDone").isVisible()  # stays until the next scan
    scan(qtbot, window, "BKR-05")
    qtbot.waitUntil(lambda: not display.findChild(QWidget, "displayDone").isVisible())


def test_choosing_the_origin_in_the_payment_dialog_changes_the_displays_second_total(
    qtbot, window
):
    """The cashier taps KR, then FR: the customer's screen shows won, then euros, the same
    amounts the sale will keep (rates of the day)."""
    store = window.ctx.store
    current = settings_service.current(store)
    settings_service.save(
        store,
        settings_service.from_texts(
            current, {**settings_service.as_texts(current), "rates": "EUR=17250; KRW=11,85"}
        ),
    )
    display = open_display(qtbot, window)
    scan(qtbot, window, "BKR-05")  # Rp 25.000
    dialog = open_payment(qtbot, window)
    qtbot.mouseClick(dialog.findChild(QPushButton, "origin_KR"), Qt.LeftButton)
    # 25.000 / 11,85 = 2.109,7 won, whole
    qtbot.waitUntil(lambda: text(display, "displayForeignTotal") == "≈ ₩2.110")
    qtbot.mouseClick(dialog.findChild(QPushButton, "origin_FR"), Qt.LeftButton)
    # 25.000 / 17.250 = 1,449 euros, to the cent
    qtbot.waitUntil(lambda: text(display, "displayForeignTotal") == "≈ €1,45")


def test_the_stands_logo_shows_beside_its_name_and_a_broken_one_is_refused(
    qtbot, window, tmp_path
):
    """Settings' logo (a PNG) is on the display next to the stand's name; a text file
    named logo.png is refused naming the problem, and the saved logo stays."""
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 150), (13, 71, 161)).save(logo)
    store = window.ctx.store
    current = settings_service.current(store)
    texts = settings_service.as_texts(current)
    settings_service.save(store, settings_service.from_texts(current, {**texts, "logo": str(logo)}))
    display = open_display(qtbot, window)
    label = display.findChild(QLabel, "displayLogo")
    qtbot.waitUntil(lambda: label.isVisible())
    assert label.pixmap().height() == 72 and label.pixmap().width() == 144
    fake = tmp_path / "fake.png"
    fake.write_text("not a picture")
    with pytest.raises(settings_service.SettingsError) as refused:
        settings_service.from_texts(current, {**texts, "logo": str(fake)})
    assert refused.value.key == "logo"
    assert settings_service.current(store).logo == str(logo)


def test_display_is_remembered_and_reopens(qtbot, window_factory):
    """Open when the till closed: open again at the next start; F9 closes it for good."""
    window = window_factory()
    open_display(qtbot, window)
    assert window.ctx.store.settings().customer_display == "on"
    window.close()
    qtbot.waitUntil(lambda: display_of(window) is None)  # the display goes with the till
    window.ctx.store.close()
    again = window_factory()
    qtbot.waitUntil(lambda: display_of(again) is not None)
    qtbot.keyClick(again.findChild(QLineEdit, "scanInput"), Qt.Key_F9)
    qtbot.waitUntil(lambda: display_of(again) is None)
    assert again.ctx.store.settings().customer_display == "off"


SECOND_SCREEN_CHILD = """
import json, sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
from booth_pos.ui.customer_display import CustomerDisplay
till = QLineEdit()
till.show()
display = CustomerDisplay(till)
display.place()
for _ in range(20):
    app.processEvents()
print(json.dumps({
    "screens": [s.name() for s in app.screens()],
    "display": display.screen().name(),
    "geometry": list(display.geometry().getRect()),
    "full": display.isFullScreen(),
}))
"""


def test_display_goes_to_the_second_screen(tmp_path):
    """With a second screen connected (a tablet beside the laptop), the display fills it."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768},
                    {"name": "tablet", "x": 1366, "y": 0, "width": 1024, "height": 600},
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", SECOND_SCREEN_CHILD],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["screens"] == ["laptop", "tablet"]  # the laptop is the primary screen
    assert got["display"] == "tablet"
    assert got["geometry"] == [1366, 0, 1024, 600] and got["full"]


def test_settings_page_takes_the_static_qris_and_refuses_a_broken_one(qtbot, window):
    """The Settings field: a typo is refused naming the CRC (nothing saved); the sticker's
    text is saved; the note says honestly what this QRIS is."""
    from PySide6.QtWidgets import QPlainTextEdit

    window.show_page("settings")
    page = window.page("settings")
    note = page.findChild(QLabel, "qrisNote").text()
    assert "static" in note or "statis" in note
    field = page.findChild(QPlainTextEdit, "setting_qris_payload")
    field.setPlainText(STATIC.replace("SEMARANG", "SEMARANX"))
    qtbot.mouseClick(page.findChild(QPushButton, "saveSettingsButton"), Qt.LeftButton)
    assert "CRC" in page.findChild(QLabel, "settingsMessage").text()
    assert window.ctx.store.settings().qris_payload == ""
    field.setPlainText(STATIC + "\n")
    qtbot.mouseClick(page.findChild(QPushButton, "saveSettingsButton"), Qt.LeftButton)
    assert window.ctx.store.settings().qris_payload == STATIC
