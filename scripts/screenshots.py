"""Render the README's screenshots of the till offscreen, from a fresh demo stand.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR]

Writes sell_id.png (mid-sale, Indonesian), payment_id.png (split tender, change shown),
sell_en.png (English). Look at them after every change to a screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BOOTH_POS_NOW", "2023-03-02T14:35:00+07:00")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from booth_pos.app import build_window  # noqa: E402
from booth_pos.model import Discount  # noqa: E402
from booth_pos.services import days, demo  # noqa: E402


def scan(window, code: str) -> None:
    field = window.sell_page.scan_input
    QTest.keyClicks(field, code)
    QTest.keyClick(field, Qt.Key_Return)


def settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(out: Path, lang: str, app) -> None:
    db = Path(tempfile.mkdtemp(prefix="booth-shots-")) / "booth.sqlite"
    window = build_window(db, lang)
    store = window.ctx.store
    demo.load_stand(store, window.ctx.clock)
    demo.simulate(store, 1, 40)
    days.open_day(store, window.ctx.clock, 500_000)
    window.ctx.cashier = "Rina"
    window.ctx.bus.data_changed.emit()
    window.ctx.bus.day_changed.emit()
    window.resize(1280, 800)
    window.show()
    settle(app)
    for code in ("ECO-01", "2*BKR-05", store.products.by_code("DMP-01").barcode, "SLM-02"):
        scan(window, code)
    page = window.sell_page
    page.model.cart.set_line_discount(0, Discount("percent", 1000))
    page.model.changed()
    scan(window, "ZZZ-404")  # shows the unknown-code warning
    page.table.selectRow(0)
    settle(app)
    window.grab().save(str(out / f"sell_{lang}.png"))
    if lang != "id":
        return
    page.pay()
    settle(app)
    dialog = page.payment_dialog
    dialog.findChild(type(dialog.origin_group.buttons()[0]), "origin_FR").click()
    dialog.reference_input.setText("QR-88213")
    dialog.amount_input.setText("300.000")
    dialog.pay("qris")
    dialog.amount_input.setText("500.000")
    dialog.pay("cash")
    settle(app)
    dialog.grab().save(str(out / "payment_id.png"))
    dialog.accept()
    settle(app)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    for lang in ("id", "en"):
        shoot(out, lang, app)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
