"""Render the README pictures of a bulk buyer's papers (issue 17).

    python scripts/render_quotes.py [--out docs/img] [--keep-pdfs DIR]

Builds the demo stand in a temporary database with generated swatches as product photos,
sets wholesale tiers and lead times, quotes 60 scarves, 40 pandan bags and 5 batik cloths to
a French buyer in euros, accepts the quote with a 30 % cash deposit, and renders through the
services: the quotation in English and French, the production order of one artisan and the
pro-forma invoice, each page by poppler's ``pdftoppm -png -r 100``. Open every picture after
a change and read it as the buyer, the artisan and a customs officer would.
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from render_documents import swatch  # noqa: E402

from booth_pos.clock import Clock  # noqa: E402
from booth_pos.services import days, demo, imports, orders, quotes, wholesale  # noqa: E402
from booth_pos.store import open_store  # noqa: E402

BANK = (
    "Bank Rakyat Indonesia, KCP Cilegon · SWIFT BRINIDJA\n"
    "Account 0123-01-000123-30-1 · Dekranasda Kota Cilegon"
)


def png(pdf: bytes, path: Path, page: int = 1) -> None:
    out = subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", str(page), "-l", str(page), "-"],
        input=pdf, capture_output=True, check=True,
    ).stdout  # fmt: skip
    path.write_bytes(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--keep-pdfs", type=Path, help="also save the PDFs in this folder")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        clock = Clock(datetime.fromisoformat("2023-03-03T15:40:00+07:00"))
        store = open_store(work / "demo.sqlite")
        demo.load_stand(store, clock)
        settings = dataclasses.replace(
            store.settings(), bank_details=BANK, quote_deposit_percent="30"
        )
        store.save_settings(settings)
        for i, sku in enumerate(("ECO-04", "PDN-01", "BKR-02")):
            photo = work / f"{sku}.jpg"
            swatch(photo, i)
            imports.set_photo(store, sku, photo)
        wholesale.set_terms(store, "ECO-04", tiers=["10:135000", "50:120000"], moq="10",
                            lead_days="21", hs_code="6214.90", clock=clock)  # fmt: skip
        wholesale.set_terms(store, "PDN-01", tiers=["20:210000"], moq="10", lead_days="30",
                            hs_code="4602.19", clock=clock)  # fmt: skip
        wholesale.set_terms(store, "BKR-02", hs_code="5208.52", clock=clock)
        days.open_day(store, clock, 500_000)
        quote = quotes.new_quote(
            store, clock, buyer="Camille Martin", company="Atelier Lumière, Lyon",
            country="FR", contact="camille@atelier-lumiere.example · +33 4 72 00 00 00",
            currency="EUR", rate="17250", items=["60*ECO-04", "40*PDN-01", "5*BKR-02"],
        )  # fmt: skip
        pdfs = {
            "quotation_en": quotes.quotation_pdf(store, clock, quote.number, lang="en"),
            "quotation_fr": quotes.quotation_pdf(store, clock, quote.number, lang="fr"),
        }
        order = orders.from_quote(store, clock, quote.number, deposit="30%")
        pdfs["production_order"] = orders.production_pdf(store, order.number, "PDN", lang="id")
        pdfs["proforma"] = orders.proforma_pdf(store, order.number, lang="en",
                                               incoterm="FOB Tanjung Priok")  # fmt: skip
        store.close()
    if args.keep_pdfs:
        args.keep_pdfs.mkdir(parents=True, exist_ok=True)
        for name, pdf in pdfs.items():
            (args.keep_pdfs / f"{name}.pdf").write_bytes(pdf)
    for name, pdf in pdfs.items():
        png(pdf, args.out / f"{name}.png")
        print(args.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
