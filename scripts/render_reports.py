"""Render the Day page, the close dialog and the PDF report from a fresh demo stand.

    QT_QPA_PLATFORM=offscreen python scripts/render_reports.py [OUT_DIR]

Writes (default OUT_DIR docs/img): day_page.png (live day 3 of Ina Craft, 1280x800),
close_day.png (the cash count, short by Rp 7.000) and report.png (page 1 of day 2's PDF
report at 100 dpi, via poppler's pdftoppm, else pypdfium2).
Look at them after every change to the page or the report.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from booth_pos.clock import Clock, zone  # noqa: E402
from booth_pos.documents import report as report_pdf  # noqa: E402
from booth_pos.model import Cart, Discount, Method, Tender  # noqa: E402
from booth_pos.services import days, demo, reports, selling  # noqa: E402
from booth_pos.store import open_store  # noqa: E402

DAY3 = date(2023, 3, 3)


def live_day(store, clock: Clock, n: int, seed: int = 3) -> None:
    """Open day 3 and ring up ``n`` sales between 10:00 and about 16:30."""
    tz = zone(store.settings().timezone)
    rng = random.Random(seed)
    clock.set(datetime.combine(DAY3, time(9, 45), tz))
    days.open_day(store, clock, 500_000)
    products = store.products.all()
    weights = [max(1, 400_000 // p.price) for p in products]
    for s in sorted(rng.randrange(0, int(6.5 * 3600)) for _ in range(n)):
        cart = Cart(cashier="Rina", origin=rng.choice(["ID"] * 8 + ["KR", "FR", "IN"]))
        for p in rng.choices(products, weights, k=rng.choice([1, 1, 2, 3])):
            cart.add(p, rng.choice([1, 1, 2]))
        if rng.random() < 0.1:
            cart.set_discount(Discount("percent", 1000))
        clock.set(datetime.combine(DAY3, time(10), tz) + timedelta(seconds=s))
        total = cart.total
        if rng.random() < 0.5:
            tenders = [Tender(Method.CASH, -(-total // 50_000) * 50_000)]
        else:
            tenders = [Tender(rng.choice([Method.QRIS, Method.CARD, Method.TRANSFER]))]
        selling.complete(store, cart, tenders, clock)


def pdf_page_png(pdf: Path, png: Path) -> None:
    """Page 1 of ``pdf`` at 100 dpi."""
    if shutil.which("pdftoppm"):
        stem = png.with_suffix("")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, stem],
            check=True,
        )
        return
    import pypdfium2

    page = pypdfium2.PdfDocument(str(pdf))[0]
    page.render(scale=100 / 72).to_pil().save(png)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    font = app.font()
    font.setPointSize(10)
    app.setFont(font)
    db = Path(tempfile.mkdtemp(prefix="booth-reports-")) / "booth.sqlite"
    store = open_store(db)
    clock = Clock(datetime(2023, 3, 1, 9, 0, tzinfo=zone("Asia/Jakarta")))
    demo.load_stand(store, clock)
    demo.simulate(store, 2, 150)
    live_day(store, clock, 90)

    from booth_pos.ui.context import AppContext
    from booth_pos.ui.day_page import DayPage

    ctx = AppContext(store=store, clock=clock, lang="en")
    page = DayPage(ctx)
    page.resize(1280, 800)
    page.show()
    app.processEvents()
    page.grab().save(str(out / "day_page.png"))

    dialog = page.ask_close_day()
    expected = dialog.expected
    for key, pieces in (("note_100000", expected // 100_000), ("note_50000", 1)):
        dialog.pieces[key].setValue(pieces)
    rest = expected - (expected // 100_000) * 100_000 - 50_000
    if rest < 0:
        dialog.pieces["note_50000"].setValue(0)
        rest += 50_000
    dialog.pieces["note_1000"].setValue(max(0, (rest - 7_000) // 1000))
    app.processEvents()
    dialog.adjustSize()
    dialog.grab().save(str(out / "close_day.png"))
    dialog.reject()

    now = datetime(2023, 3, 2, 21, 10)
    pdf = db.parent / "report.pdf"
    pdf.write_bytes(
        report_pdf.render_report_pdf(reports.day_report(store, date(2023, 3, 2)), "en", now)
    )
    pdf_page_png(pdf, out / "report.png")
    page.close()
    store.close()
    for name in ("day_page.png", "close_day.png", "report.png"):
        print(out / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "docs/img")
