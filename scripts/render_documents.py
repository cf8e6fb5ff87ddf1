"""Render the README pictures of a receipt, a label sheet and the buyer's catalogue.

    python scripts/render_documents.py [--out docs/img] [--keep-pdfs DIR]

Builds the demo stand in a temporary database, rings up one sale through the till's own
service (line and sale discounts, QRIS plus cash, a euro reference total), and rasterises the
PDFs with pdfium. Product photos of the first artisan are generated swatches (the demo data
has no photos); every other card shows the placeholder a product without a photo gets.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from booth_pos.clock import Clock  # noqa: E402
from booth_pos.documents.catalogue import render_catalogue  # noqa: E402
from booth_pos.documents.labels import render_labels  # noqa: E402
from booth_pos.documents.receipt import render_receipt  # noqa: E402
from booth_pos.model import Cart, Discount, Method, Tender  # noqa: E402
from booth_pos.services import days, demo, selling  # noqa: E402
from booth_pos.store import open_store  # noqa: E402


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

    if args.keep_pdfs:
        args.keep_pdfs.mkdir(parents=True, exist_ok=True)
        for name, pdf in (("receipt", receipt), ("labels", labels), ("catalogue", catalogue)):
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
    for name in ("receipt", "labels", "catalogue"):
        print(args.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
