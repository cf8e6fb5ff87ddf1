"""Price labels with a scannable barcode: A4 sticker sheets and label-printer rolls.

Each label shows the product name, the artisan, the price and the barcode with its digits.
A valid EAN-13 is drawn as EAN-13; any other stored code (EAN-8, UPC-A, a supplier code) is
drawn as Code128 of exactly that code, and a product without a code gets Code128 of its SKU,
so whatever the scanner reads is something ``store.products.by_code`` finds.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from booth_pos.barcodes import is_valid_gtin
from booth_pos.documents import artisan_names, bars, fonts
from booth_pos.documents.strings import check_lang
from booth_pos.model import Artisan, Product
from booth_pos.money import format_rupiah


@dataclass(frozen=True)
class LabelLayout:
    """Where labels sit on a page, in points.

    Attributes:
        name: ``a4`` or ``roll``.
        page: page size (width, height).
        cols, rows: labels per row and per column.
        label: label size (width, height).
        origin: top-left corner of the first label, from the page's top-left.
        pitch: distance between the starts of neighbouring labels (x, y).
        pad: inner margin of a label (x, y): lasers cannot print at the sheet's edge.
        name_size, price_size: font sizes of the product name and the price.
        module_dots: preferred EAN-13 module in 203 dpi dots (3 dots = 0.375 mm, 113 %).
    """

    name: str
    page: tuple[float, float]
    cols: int
    rows: int
    label: tuple[float, float]
    origin: tuple[float, float]
    pitch: tuple[float, float]
    pad: tuple[float, float]
    name_size: float
    price_size: float
    module_dots: int = 3

    @property
    def per_page(self) -> int:
        return self.cols * self.rows


LAYOUTS = {
    # 24 labels of 70 x 37 mm, three across and eight down, edge to edge (e.g. Avery 3474).
    "a4": LabelLayout(
        name="a4",
        page=A4,
        cols=3,
        rows=8,
        label=(70 * mm, 37 * mm),
        origin=(0, 0.5 * mm),
        pitch=(70 * mm, 37 * mm),
        pad=(5 * mm, 3 * mm),
        name_size=8.5,
        price_size=11,
    ),
    # One 50 x 30 mm label per page, as label printers take them.
    "roll": LabelLayout(
        name="roll",
        page=(50 * mm, 30 * mm),
        cols=1,
        rows=1,
        label=(50 * mm, 30 * mm),
        origin=(0, 0),
        pitch=(50 * mm, 30 * mm),
        pad=(2 * mm, 1.5 * mm),
        name_size=7,
        price_size=9.5,
    ),
}


def label_code(product: Product) -> tuple[str, str]:
    """The barcode a label carries for ``product``: ``(kind, value)``."""
    code = (product.barcode or "").strip()
    if len(code) == 13 and is_valid_gtin(code):
        return "ean13", code
    if code and code.isascii() and code.isprintable():
        return "code128", code
    return "code128", product.sku


def expand(products: Iterable[Product], copies: int | Mapping[str, int] = 1) -> list[Product]:
    """Each product repeated as many times as labels are wanted, in order.

    Args:
        products: the products.
        copies: labels per product, or a count per SKU (e.g. the stock brought);
            a SKU missing from the mapping gets none.
    """
    out = []
    for p in products:
        n = copies.get(p.sku, 0) if isinstance(copies, Mapping) else copies
        if n < 0:
            raise ValueError("a number of labels cannot be negative")
        out.extend([p] * n)
    return out


def render_labels(
    products: Sequence[Product],
    *,
    copies: int | Mapping[str, int] = 1,
    layout: str = "a4",
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    lang: str = "id",
    skip: int = 0,
    guides: bool = False,
) -> bytes:
    """Labels for ``products`` as a PDF.

    Args:
        products: what to label, in order.
        copies: labels per product, or a count per SKU (e.g. ``{p.sku: p.stock}``).
        layout: ``a4`` (3 x 8 sticker sheet) or ``roll`` (50 x 30 mm, one per page).
        artisans: artisans (by code or a list) to print their name; otherwise the code.
        lang: ``id`` (``Rp 150.000``) or ``en`` (``IDR 150,000``).
        skip: label positions already used on the first sheet (A4), to reuse a partial sheet.
        guides: draw light outlines, for cutting labels out of plain paper.

    Returns:
        PDF bytes; at least one page even when there is nothing to label.
    """
    check_lang(lang)
    if layout not in LAYOUTS:
        raise ValueError(f"unknown label layout {layout!r}; use a4 or roll")
    spec = LAYOUTS[layout]
    if not 0 <= skip < spec.per_page:
        raise ValueError(f"skip must be between 0 and {spec.per_page - 1}")
    fonts.register()
    names = artisan_names(artisans)
    items = expand(products, copies)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=spec.page, invariant=1, pageCompression=1)
    c.setTitle("Labels")
    c.setCreator("Booth POS")
    slot = skip
    for product in items:
        if slot == spec.per_page:
            c.showPage()
            slot = 0
        row, col = divmod(slot, spec.cols)
        x = spec.origin[0] + col * spec.pitch[0]
        top = spec.page[1] - spec.origin[1] - row * spec.pitch[1]
        _draw_label(
            c,
            spec,
            product,
            names.get(product.artisan_code, product.artisan_code),
            lang,
            x,
            top - spec.label[1],
            guides,
        )
        slot += 1
    c.showPage()
    c.save()
    return buf.getvalue()


def _draw_label(
    c,
    spec: LabelLayout,
    product: Product,
    artisan: str,
    lang: str,
    x: float,
    y: float,
    guides: bool,
) -> None:
    """One label with its bottom-left corner at (x, y)."""
    w, h = spec.label
    px, py = spec.pad
    if guides:
        c.saveState()
        c.setStrokeGray(0.8)
        c.setLineWidth(0.3)
        c.rect(x, y, w, h, stroke=1, fill=0)
        c.restoreState()
    inner_w = w - 2 * px
    left, right = x + px, x + w - px
    cursor = y + h - py
    # Name: bold, at most two lines, cut with an ellipsis.
    size = spec.name_size
    lines = fonts.wrap(product.name, fonts.BOLD, size, inner_w)
    if len(lines) > 2:
        lines = [lines[0], fonts.ellipsize(" ".join(lines[1:]), fonts.BOLD, size, inner_w)]
    for line in lines:
        cursor -= size
        fonts.draw(c, left, cursor, line, fonts.BOLD, size)
        cursor -= size * 0.2
    # Artisan on the left, price on the right, on one row.
    psize = spec.price_size
    price = format_rupiah(product.price, lang)
    price_w = fonts.width(price, fonts.BOLD, psize)
    cursor -= psize
    fonts.draw(c, right, cursor, price, fonts.BOLD, psize, "right")
    small = size - 1
    artisan_text = fonts.ellipsize(artisan, fonts.REGULAR, small, inner_w - price_w - 2 * mm)
    fonts.draw(c, left, cursor, artisan_text, fonts.REGULAR, small)
    cursor -= 1.2 * mm
    # Barcode in the space left, centred.
    kind, value = label_code(product)
    code = bars.fit_module_dots(kind, value, w - 2 * 1 * mm, spec.module_dots)
    space = cursor - (y + py)
    height = min(space, 16 * mm)
    bx = x + (w - code.width) / 2
    bottom = y + py + (space - height) / 2
    if kind == "ean13":
        bars.draw_ean13(c, code, bx, bottom, height)
    else:
        text_size = 6.5
        bars.draw(c, code, bx, bottom + text_size * 1.2, height - text_size * 1.2)
        fonts.draw(c, x + w / 2, bottom + 0.5, value, fonts.REGULAR, text_size, "center")
