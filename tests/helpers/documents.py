"""Reading our PDFs back as a customer, a scanner and a printer would: text, sizes, barcodes."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

from booth_pos.model import Cart, Discount, Sale, Tender
from booth_pos.services import days, selling

PT_PER_MM = 72 / 25.4
THERMAL_DPI = 203


@dataclass(frozen=True)
class Page:
    width_mm: float
    height_mm: float
    text: str
    boxes: list[tuple[str, tuple[float, float, float, float]]]  # char, (l, b, r, t) in mm
    images: int


def read_pdf(pdf: bytes) -> list[Page]:
    """Every page's size, text, character boxes and number of embedded images."""
    doc = pdfium.PdfDocument(pdf)
    pages = []
    try:
        for page in doc:
            w, h = page.get_size()
            textpage = page.get_textpage()
            n = textpage.count_chars()
            text = textpage.get_text_range()
            boxes = []
            for i in range(n):
                ch = textpage.get_text_range(i, 1)
                if ch.strip():
                    box = textpage.get_charbox(i)
                    boxes.append((ch, tuple(v / PT_PER_MM for v in box)))
            images = len(list(page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])))
            pages.append(Page(w / PT_PER_MM, h / PT_PER_MM, text, boxes, images))
    finally:
        doc.close()
    return pages


def squash(text: str) -> str:
    """Text with every run of whitespace (line breaks, no-break spaces) as one space."""
    return " ".join(text.split())


def rasterise(pdf: bytes, page: int = 0, dpi: int = THERMAL_DPI) -> dict[str, Image.Image]:
    """The page as a grey image, by pdfium and (when installed) by poppler's pdftoppm."""
    doc = pdfium.PdfDocument(pdf)
    try:
        images = {"pdfium": doc[page].render(scale=dpi / 72).to_pil().convert("L")}
    finally:
        doc.close()
    if shutil.which("pdftoppm"):
        png = subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-gray",
                "-png",
                "-f",
                str(page + 1),
                "-l",
                str(page + 1),
                "-",
            ],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout
        images["poppler"] = Image.open(io.BytesIO(png))
    return images


def decode(image: Image.Image) -> list[tuple[str, str]]:
    """Every barcode zxing-cpp finds: (format name, text)."""
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]


def ring_up(
    store,
    clock,
    items: list[str],
    tenders: list[Tender],
    *,
    line_discounts: dict[int, Discount] | None = None,
    discount: Discount | None = None,
    cashier: str = "Rina",
    lang: str = "",
) -> Sale:
    """Commit a sale through the till's own service (opening the day if needed)."""
    if days.current_day(store) is None:
        days.open_day(store, clock, 500_000)
    cart = Cart(cashier=cashier, lang=lang)
    for item in items:
        selling.add(store, cart, item)
    for index, disc in (line_discounts or {}).items():
        cart.set_line_discount(index, disc)
    if discount:
        cart.set_discount(discount)
    return selling.complete(store, cart, tenders, clock)
