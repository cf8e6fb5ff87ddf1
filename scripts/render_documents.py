"""Render the README pictures of the stand's documents, Indonesian and English.

    python scripts/render_documents.py [--out docs/img] [--keep-pdfs DIR]

Builds the demo stand in a temporary database, rings up one sale through the till's own
service (line and sale discounts, QRIS plus cash, a euro reference total), and rasterises the
PDFs with pdfium. Product photos of the first artisan are generated swatches (the demo data
has no photos); every other card shows the placeholder a product without a photo gets.

The consignment papers (intake note on A4, return note, payout receipt and day slip on
80 mm, the statement page) come from three simulated days of the demo stand: their sales
figures are the services' own, the notes, count and payouts around them are made up here to
match (this branch of the script does not record them), and each is rendered in id and en by
poppler's pdftoppm (pdfium when it is missing): A4 at 100 dpi, roll paper at 150 dpi.
Open every picture after a change and read it as a stand coordinator would.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from booth_pos.clock import Clock, zone  # noqa: E402
from booth_pos.documents.catalogue import render_catalogue  # noqa: E402
from booth_pos.documents.day_slip import render_day_slips  # noqa: E402
from booth_pos.documents.labels import render_labels  # noqa: E402
from booth_pos.documents.payout_receipt import render_payout_receipt  # noqa: E402
from booth_pos.documents.receipt import render_receipt  # noqa: E402
from booth_pos.documents.report import render_statements_pdf  # noqa: E402
from booth_pos.documents.stock_notes import render_stock_note  # noqa: E402
from booth_pos.model import Cart, Discount, Method, Tender  # noqa: E402
from booth_pos.model.report import DaySlip, SlipLine, StockLine  # noqa: E402
from booth_pos.model.stock import (  # noqa: E402
    NoteKind,
    NoteLine,
    Payout,
    PayoutMethod,
    StockNote,
)
from booth_pos.services import days, demo, reports, selling  # noqa: E402
from booth_pos.store import open_store  # noqa: E402

ARTISAN = "BKR"
#: Intakes of the made-up cycle: (note, day, hour, {sku: qty}); everything else returns.
INTAKES = (
    ("IN-0001", 1, 9, {"BKR-01": 5, "BKR-02": 10, "BKR-03": 10, "BKR-04": 3, "BKR-05": 10}),
    ("IN-0009", 2, 9, {"BKR-02": 4, "BKR-05": 5}),
)
COUNT = ("SC-0002", 3, 9, "BKR-02", -1, "satu kain hilang dari rak depan")
OVERSOLD = "BKR-05"  # sold beyond its intakes: the statement asks for a count
PAYOUTS = (("PO-0003", 2, 17, 1_000_000, PayoutMethod.CASH, ""),)
TRANSFER = ("PO-0011", 3, 19, 800_000, PayoutMethod.TRANSFER, "BCA 0123 4567 89")


def page_image(pdf: bytes, index: int, dpi: int) -> Image.Image:
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[index].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()


def swatch(path: Path, seed: int) -> None:
    """A batik-like pattern standing in for a product photo."""
    colours = [(120, 60, 30), (160, 100, 40), (70, 50, 40), (30, 60, 90)]
    ground = colours[seed % len(colours)]
    im = Image.new("RGB", (1200, 900), ground)
    pen = ImageDraw.Draw(im)
    for row in range(0, 900, 90):
        for col in range(0, 1200, 90):
            x, y = col + (45 if (row // 90) % 2 else 0), row
            r = 28 + 8 * math.sin((col + row + seed * 40) / 120)
            pen.ellipse((x - r, y - r, x + r, y + r), outline=(240, 220, 180), width=5)
            pen.ellipse((x - 8, y - 8, x + 8, y + 8), fill=(230, 190, 120))
    im.save(path, quality=85)


def pdf_png(pdf: bytes, path: Path, dpi: int, page: int = 1) -> None:
    """One page of ``pdf`` as ``path`` by poppler's pdftoppm (pdfium when it is missing)."""
    if shutil.which("pdftoppm"):
        png = subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout
        path.write_bytes(png)
        return
    page_image(pdf, page - 1, dpi).save(path, optimize=True)


def consignment(work: Path) -> dict[str, tuple[bytes, int]]:
    """The consignment papers of one artisan over three simulated days, by picture name.

    Returns:
        ``{"intake_note_id": (pdf, dpi), ...}`` for both languages.
    """
    store = open_store(work / "event.sqlite")
    demo.load_stand(store, Clock(datetime.fromisoformat("2023-03-01T09:00:00+07:00")))
    demo.simulate(store, 3, 40, seed=7)
    settings = store.settings()
    tz = zone(settings.timezone)
    products = {p.sku: p for p in store.products.all() if p.artisan_code == ARTISAN}
    artisan = next(a for a in store.artisans.all() if a.code == ARTISAN)
    event = reports.event_report(store)
    statement = next(s for s in reports.artisan_statements(store, event) if s.total.code == ARTISAN)
    first = event.first_date
    dates = [d.business_date for d in event.day_reports]
    store_days = {d.business_date: d for d in event.day_reports}
    store.close()

    def at(day: int, hour: int) -> datetime:
        when = datetime.combine(first + timedelta(days=day - 1), datetime.min.time(), tz)
        return (when + timedelta(hours=hour, minutes=15)).astimezone(UTC)

    def note(number, kind, day, hour, moves, text="") -> StockNote:
        lines = tuple(
            NoteLine(sku, products[sku].name, qty, products[sku].price) for sku, qty in moves
        )
        return StockNote(number, kind, ARTISAN, artisan.name, at(day, hour), "Dewi", text, lines)

    intakes = tuple(
        note(
            n, NoteKind.INTAKE, d, h, q.items(), "Dibawa Bu Siti, dua tas" if n == "IN-0001" else ""
        )
        for n, d, h, q in INTAKES
    )
    number, day, hour, sku, diff, reason = COUNT
    count = StockNote(
        number, NoteKind.COUNT, "", "", at(day, hour), "Dewi", reason,
        (NoteLine(sku, products[sku].name, diff, products[sku].price, counted=0),),
    )  # fmt: skip
    sold = {line.sku: line.sold for line in statement.stock}
    received = {sku: sum(q.get(sku, 0) for *_, q in INTAKES) for sku in products}
    counted = {sku: diff if sku == COUNT[3] else 0 for sku in products}
    going_home = {
        sku: received[sku] - sold.get(sku, 0) + counted[sku]
        for sku in products
        if sku != OVERSOLD and received[sku] - sold.get(sku, 0) + counted[sku] > 0
    }
    back = note(
        "RT-0004", NoteKind.RETURN, len(dates), 20, [(s, -q) for s, q in going_home.items()]
    )
    stock = tuple(
        StockLine(
            sku, p.name, received[sku], sold.get(sku, 0), 0, going_home.get(sku, 0), counted[sku],
            received[sku] - sold.get(sku, 0) + counted[sku] - going_home.get(sku, 0),
            needs_count=received[sku] < sold.get(sku, 0),
        )
        for sku, p in products.items()
    )  # fmt: skip

    def payout(row, owed_before: int) -> Payout:
        number, day, hour, amount, method, ref = row
        return Payout(
            number, ARTISAN, artisan.name, amount, method, ref, day, at(day, hour), "Dewi",
            "Agus", owed_before,
        )  # fmt: skip

    owed = {d.business_date: d.figures.payout for d in statement.days}
    owed_by_day2 = owed[dates[0]] + owed[dates[1]]
    cash = payout(PAYOUTS[0], owed_by_day2)
    paid_before = cash.amount
    transfer = payout(TRANSFER, statement.total.payout - paid_before)
    total = dataclasses.replace(
        statement.total,
        received_qty=sum(received.values()),
        returned_qty=back.qty,
        paid_out=cash.amount + transfer.amount,
    )
    statement = dataclasses.replace(
        statement, total=total, stock=stock, intakes=intakes, returns=(back,), counts=(count,),
        payouts=(cash, transfer),
    )  # fmt: skip
    figures_then = dataclasses.replace(statement.total, paid_out=paid_before)

    # Day 2's slip: what sold, the day's figures, the cash payout of the day, the balance.
    day2 = store_days[dates[1]]
    day2_figures = dataclasses.replace(day2.artisan(ARTISAN), paid_out=cash.amount)
    slip_lines = tuple(
        SlipLine(p.sku, p.name, p.items, p.net)
        for p in day2.by_product
        if p.artisan_code == ARTISAN
    )
    slip = DaySlip(
        settings.stand_name, settings.event_name, dates[1], ARTISAN, artisan.name, slip_lines,
        day2_figures, owed_by_day2 - cash.amount,
    )  # fmt: skip

    out: dict[str, tuple[bytes, int]] = {}
    printed = datetime.combine(dates[-1], datetime.min.time()) + timedelta(hours=21)
    for lang in ("id", "en"):
        out[f"intake_note_{lang}"] = (render_stock_note(intakes[0], settings, lang=lang), 100)
        out[f"return_note_{lang}"] = (
            render_stock_note(back, settings, lang=lang, paper="80mm"),
            150,
        )
        out[f"payout_{lang}"] = (
            render_payout_receipt(transfer, figures_then, settings, lang=lang),
            150,
        )
        out[f"day_slip_{lang}"] = (render_day_slips([slip], settings, lang=lang), 150)
        out[f"statement_{lang}"] = (
            render_statements_pdf([statement], lang=lang, now=printed, timezone=settings.timezone),
            100,
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--keep-pdfs", type=Path, help="also save the PDFs in this folder")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        clock = Clock(datetime.fromisoformat("2023-03-01T14:23:00+07:00"))
        store = open_store(work / "demo.sqlite")
        demo.load_stand(store, clock)
        settings = dataclasses.replace(store.settings(), ref_currency="EUR", ref_rate="17250")
        store.save_settings(settings)
        days.open_day(store, clock, 500_000)

        cart = Cart(cashier="Rina")
        for item in ("BKR-02", "2*ECO-04", "MNK-01"):
            selling.add(store, cart, item)
        cart.set_line_discount(1, Discount("percent", 1000))
        cart.set_discount(Discount("amount", 20_000))
        due = cart.pricing().total
        tenders = [
            Tender(Method.QRIS, 300_000, "QR 8812 4410"),
            Tender(Method.CASH, -(-(due - 300_000) // 50_000) * 50_000),  # next 50.000 note
        ]
        sale = selling.complete(store, cart, tenders, clock)
        artisans = store.artisans.all()

        receipt = render_receipt(sale, settings, width_mm=80, lang="id", artisans=artisans)
        # The tourists: the rates of the day, a Korean buyer (won, Korean receipt, 80 mm)
        # and a French one (euros, French receipt, 58 mm), each from the origin alone.
        settings = dataclasses.replace(
            store.settings(), rates="EUR=17250; USD=15300; KRW=11,85; INR=190"
        )
        store.save_settings(settings)
        tourists = {}
        for origin, items, width, tenders in (
            ("KR", ("BKR-01", "MNK-01"), 80, [Tender(Method.CASH, 1_000_000)]),
            ("FR", ("2*ECO-04", "MNK-01"), 58, [Tender(Method.QRIS, None, "QR 8812 4471")]),
        ):
            cart = Cart(cashier="Rina", origin=origin)
            for item in items:
                selling.add(store, cart, item)
            sold = selling.complete(store, cart, tenders, clock)
            tourists[f"receipt_{sold.lang}"] = render_receipt(
                sold, settings, width_mm=width, artisans=artisans
            )
        labels = render_labels(store.products.all()[:24], artisans=artisans, guides=True)
        products = store.products.all()
        for i, p in enumerate(products):
            if p.artisan_code == artisans[0].code:
                photo = work / f"{p.sku}.jpg"
                swatch(photo, i)
                products[i] = dataclasses.replace(p, image=str(photo))
        catalogue = render_catalogue(
            products,
            artisans,
            settings,
            lang="en",
            currency="EUR",
            rate="17250",
            today=date(2023, 3, 1),
        )
        store.close()
        papers = consignment(work)

    if args.keep_pdfs:
        args.keep_pdfs.mkdir(parents=True, exist_ok=True)
        for name, pdf in (("receipt", receipt), ("labels", labels), ("catalogue", catalogue)):
            (args.keep_pdfs / f"{name}.pdf").write_bytes(pdf)
        for name, (pdf, _dpi) in papers.items():
            (args.keep_pdfs / f"{name}.pdf").write_bytes(pdf)
        for name, pdf in tourists.items():
            (args.keep_pdfs / f"{name}.pdf").write_bytes(pdf)

    page_image(receipt, 0, 150).save(args.out / "receipt.png", optimize=True)
    sheet = page_image(labels, 0, 150)
    sheet.crop((0, 0, sheet.width, sheet.height * 3 // 8 + 2)).save(
        args.out / "labels.png", optimize=True
    )
    cover, inside = page_image(catalogue, 0, 80), page_image(catalogue, 1, 80)
    both = Image.new("RGB", (cover.width * 2 + 24, cover.height), (200, 200, 200))
    both.paste(cover, (0, 0))
    both.paste(inside, (cover.width + 24, 0))
    both.save(args.out / "catalogue.png", optimize=True)
    for name, (pdf, dpi) in papers.items():
        pdf_png(pdf, args.out / f"{name}.png", dpi)
    for name, pdf in tourists.items():
        pdf_png(pdf, args.out / f"{name}.png", 150)  # Hangul: look at it (glyphs, not boxes)
    for name in ("receipt", "labels", "catalogue", *papers, *tourists):
        print(args.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
