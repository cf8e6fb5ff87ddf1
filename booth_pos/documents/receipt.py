"""The customer's receipt (struk): what it says, and its PDF for 80 mm or 58 mm roll paper.

``receipt_blocks`` decides the content once (stand, sale, lines, totals, payments, footer,
barcode); the PDF here and the ESC/POS printer in ``booth_pos.printing.thermal`` both lay out
those blocks, so a printed receipt and its PDF copy never disagree.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from babel.dates import format_datetime
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from booth_pos.clock import DEFAULT_TIMEZONE, local
from booth_pos.documents import artisan_names, bars, fonts
from booth_pos.documents.strings import check_receipt_lang, count, locale, method, t
from booth_pos.model import Artisan, Method, Payment, Sale, SaleLine, SaleReference, Settings
from booth_pos.model.customers import stand_rates
from booth_pos.money import (
    RateError,
    format_foreign,
    format_rate,
    format_rupiah,
    parse_rate,
    rate_text,
    to_minor_units,
)

log = logging.getLogger(__name__)

WIDTHS_MM = (80, 58)
#: Blank height left above each signature line: room for a hand signature.
SIGN_MM = {80: 18, 58: 16}
#: Printable width of each roll (the print head is narrower than the paper).
PRINTABLE_MM = {80: 72, 58: 48}


# -- content ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the paper. ``style``: normal, small, bold, title."""

    text: str
    align: str = "left"
    style: str = "normal"


@dataclass(frozen=True)
class Pair:
    """A label on the left and an amount on the right. ``style``: normal, small, bold, total."""

    left: str
    right: str
    style: str = "normal"
    indent: bool = False


@dataclass(frozen=True)
class Rule:
    """A dashed separator."""


@dataclass(frozen=True)
class Code:
    """A Code128 barcode of ``value`` (the receipt number), centred."""

    value: str


@dataclass(frozen=True)
class Sign:
    """Room to sign by hand, above a line with who signs (``caption``) and their name under it."""

    caption: str
    name: str = ""


Block = Text | Pair | Rule | Code | Sign


@dataclass(frozen=True)
class Document:
    """What any printer needs to print a roll-paper document: a name, its blocks, the drawer.

    Attributes:
        name: the document's number (``IN-0001``, ``PO-0001``): the PDF folder's file name.
        blocks: what it says, in reading order.
        kick_drawer: open the cash drawer (cash went out, e.g. a cash payout).
    """

    name: str
    blocks: list[Block]
    kick_drawer: bool = False


#: How a document writes a moment, per language (Korean puts the year first).
_MOMENT = {"ko": "y. M. d. HH:mm"}


def local_time(moment: datetime, settings: Settings, lang: str) -> str:
    """``moment`` in the event's time zone as a document prints it: ``1 Mar 2023 10:00 WIB``."""
    moment = local(moment, settings.timezone or DEFAULT_TIMEZONE)
    text = format_datetime(moment, _MOMENT.get(lang, "d MMM y HH:mm"), locale=locale(lang))
    zone = moment.tzname() or ""
    return f"{text} {zone}".strip()


def _when(sale: Sale, settings: Settings, lang: str) -> str:
    return local_time(sale.created_at, settings, lang)


def reference_total(total: int, settings: Settings, lang: str) -> tuple[str, str, str] | None:
    """The reference total of a sale made before sales kept theirs (migration 11): the
    stand's main rate of today, as receipts were printed then; None when there is none.

    A bad rate in the settings never stops a receipt: it is logged and the line left out.
    """
    try:
        rates = stand_rates(settings)
    except RateError as exc:
        log.warning("Reference currency left off the receipt: %s", exc.en)
        return None
    if not rates:
        return None
    code, rate = next(iter(rates.items()))
    return reference_lines(
        SaleReference(code, rate_text(rate), to_minor_units(total, rate, code)), lang
    )


def reference_lines(shown: SaleReference, lang: str) -> tuple[str, str, str] | None:
    """What a receipt says of the reference total its customer was shown: (label, amount,
    note), the note marking it "reference only, not a charge" in ``lang``; None if none."""
    if not shown:
        return None
    code = shown.currency
    try:
        rate = parse_rate(shown.rate)
    except RateError as exc:  # pragma: no cover - stored by the app from a parsed rate
        log.warning("Reference total left off the receipt: %s", exc.en)
        return None
    amount = format_foreign(shown.amount, code, lang)
    if fonts.missing_chars(amount):
        amount = format_foreign(shown.amount, code, lang, symbol=False)
    rate_shown = ("Rp " if lang == "id" else "IDR ") + format_rate(rate, lang)
    return (
        t("reference_label", lang, code=code),
        f"≈ {amount}",
        t("reference_note", lang, code=code, rate=rate_shown),
    )


def header_lines(settings: Settings, lang: str) -> list[Block]:
    """The stand's header lines under its name, in the receipt's language (sale, refund and
    void receipts alike)."""
    return [
        Text(line.strip(), "center")
        for line in settings.receipt_header_for(lang).splitlines()
        if line.strip()
    ]


def receipt_blocks(
    sale: Sale,
    settings: Settings,
    *,
    lang: str,
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    reprint: bool = False,
    test: bool = False,
) -> list[Block]:
    """What the receipt says, in reading order.

    Args:
        sale: the committed sale.
        settings: stand name, event, venue, time zone, footer, reference currency (for a
            sale made before sales kept the reference their customer saw).
        lang: ``id``, ``en``, ``ko`` or ``fr``.
        artisans: artisans by code (or a list) to name them under the lines; optional.
        reprint: mark the receipt as a copy (reprinted from the history).
        test: mark it as a printer test, not a sale.

    Returns:
        The blocks to lay out.
    """
    check_receipt_lang(lang)
    fmt = lambda amount: format_rupiah(amount, lang)  # noqa: E731
    out: list[Block] = [Text(settings.stand_name, "center", "title")]
    out += header_lines(settings, lang)
    if settings.event_name.strip():
        out.append(Text(settings.event_name.strip(), "center"))
    if settings.venue.strip():
        out.append(Text(settings.venue.strip(), "center", "small"))
    if test:
        out.append(Text(t("test_print", lang), "center", "title"))
    elif reprint:
        out.append(Text(t("reprint", lang), "center", "bold"))
    out += [Rule(), Pair(t("receipt_no", lang), sale.receipt_no, "bold")]
    out.append(Pair(t("date", lang), _when(sale, settings, lang)))
    if sale.cashier.strip():
        out.append(Pair(t("cashier", lang), sale.cashier.strip()))
    out.append(Rule())
    for line in sale.lines:
        out.append(Text(line.name, style="bold"))
        qty_text = f"{line.qty} x {fmt(line.unit_price)}"
        if line.artisan_code:
            qty_text = f"{line.artisan_code} · {qty_text}"
        out.append(Pair(qty_text, fmt(line.gross), indent=True))
        if line.line_discount:
            out.append(Pair(t("discount", lang), fmt(-line.line_discount), indent=True))
    out.append(Rule())
    items = count(sale.items, "items", lang)
    out.append(Pair(f"{t('subtotal', lang)} ({items})", fmt(sale.subtotal)))
    if sale.discount:
        out.append(Pair(t("sale_discount", lang), fmt(-sale.discount)))
    out.append(Pair(t("total", lang), fmt(sale.total), "total"))
    if sale.reference is not None:  # what the customer was shown, whatever the rates now
        reference = reference_lines(sale.reference, lang)
    else:
        reference = reference_total(sale.total, settings, lang)
    if reference:
        out += [Pair(reference[0], reference[1], "bold"), Text(reference[2], style="small")]
    out.append(Rule())
    cash = False
    for p in sale.payments:
        label = method(p.method, lang)
        if p.method == Method.CASH:
            cash = True
            out.append(Pair(label, fmt(p.tendered)))
        else:
            out.append(Pair(label, fmt(p.amount)))
        if p.reference:
            out.append(Pair(f"{t('ref', lang)} {p.reference}", "", "small", indent=True))
    if cash:
        out.append(Pair(t("change", lang), fmt(sale.change), "bold"))
    if test:
        out.append(Text(t("test_print_note", lang), "center", "bold"))
    names = artisan_names(artisans)
    codes = list(dict.fromkeys(ln.artisan_code for ln in sale.lines if ln.artisan_code in names))
    if codes:
        out.append(Rule())
        # No-break spaces keep each "code name" together when the legend wraps.
        legend = " · ".join(f"{code} {names[code]}".replace(" ", "\u00a0") for code in codes)
        out.append(Text(f"{t('artisans', lang)}: {legend}", style="small"))
    out.append(Rule())
    for footer in settings.receipt_footer_for(lang).splitlines():
        if footer.strip():
            out.append(Text(footer.strip(), "center"))
    if settings.contact.strip():
        out.append(Text(settings.contact.strip(), "center", "small"))
    out += [Code(sale.receipt_no), Text(sale.receipt_no, "center", "small")]
    if sale.verification:  # from the journal entry's hash: checkable with `booth-pos verify`
        out.append(Text(f"{t('verification', lang)} {sale.verification}", "center", "small"))
    return out


# -- PDF layout ---------------------------------------------------------------------------

_SIZES = {  # (normal, small, title, total) in points
    80: (8.5, 7.0, 11.5, 11.0),
    58: (7.5, 6.5, 10.0, 9.5),
}


def _style(style: str, width_mm: int) -> tuple[str, float]:
    normal, small, title, total = _SIZES[width_mm]
    return {
        "normal": (fonts.REGULAR, normal),
        "small": (fonts.REGULAR, small),
        "bold": (fonts.BOLD, normal),
        "title": (fonts.BOLD, title),
        "total": (fonts.BOLD, total),
    }[style]


class _Ops:
    """Draw operations measured top-down, replayed once the page height is known."""

    def __init__(self):
        self.ops: list[tuple] = []
        self.y = 0.0  # distance from the top of the content, growing downwards

    def text(self, x: float, text: str, font: str, size: float, align: str = "left"):
        self.ops.append(("text", x, self.y + size, text, font, size, align))

    def advance(self, dy: float):
        self.y += dy


def _layout(blocks: list[Block], width_mm: int, left: float, width: float) -> _Ops:
    ops = _Ops()
    right = left + width
    for block in blocks:
        if isinstance(block, Rule):
            ops.advance(1.2 * mm)
            ops.ops.append(("rule", left, right, ops.y))
            ops.advance(1.6 * mm)
        elif isinstance(block, Text):
            font, size = _style(block.style, width_mm)
            for line in fonts.wrap(block.text, font, size, width):
                x = left + width / 2 if block.align == "center" else left
                ops.text(x, line, font, size, block.align)
                ops.advance(size * 1.25)
        elif isinstance(block, Pair):
            font, size = _style(block.style, width_mm)
            indent = 3 * mm if block.indent else 0
            gap = 2 * mm
            right_w = fonts.width(block.right, font, size) if block.right else 0
            # The label wraps on its own; the amount sits at the end of its last line, or
            # on a line of its own when it does not fit there ("1 x IDR 850,000" stays whole).
            lines = fonts.wrap(block.left, font, size, width - indent)
            last_w = fonts.width(lines[-1], font, size)
            if block.right and indent + last_w + gap + right_w > width:
                lines.append("")
            for i, line in enumerate(lines):
                if line:
                    ops.text(left + indent, line, font, size)
                if i == len(lines) - 1 and block.right:
                    ops.text(right, block.right, font, size, "right")
                ops.advance(size * 1.25)
            if block.style == "total":
                ops.advance(size * 0.2)
        elif isinstance(block, Code):
            code = bars.fit_module_dots("code128", block.value, width, preferred=2)
            height = (10 if width_mm == 80 else 9) * mm
            ops.advance(2 * mm)
            ops.ops.append(("code", left + (width - code.width) / 2, ops.y + height, code, height))
            ops.advance(height + 1 * mm)
        elif isinstance(block, Sign):
            # Room for a hand signature (about 18 mm on 80 mm paper), then a solid line.
            ops.advance(SIGN_MM[width_mm] * mm)
            inset = 4 * mm
            ops.ops.append(("line", left + inset, right - inset, ops.y))
            ops.advance(1.2 * mm)
            font, size = _style("small", width_mm)
            ops.text(left + width / 2, block.caption, font, size, "center")
            ops.advance(size * 1.25)
            if block.name:
                font, size = _style("normal", width_mm)
                for line in fonts.wrap(block.name, font, size, width):
                    ops.text(left + width / 2, line, font, size, "center")
                    ops.advance(size * 1.25)
            ops.advance(1 * mm)
        else:  # pragma: no cover - a new block type without a layout is a bug
            raise TypeError(f"unknown block {block!r}")
    return ops


def render_blocks(blocks: list[Block], *, width_mm: int = 80, title: str = "") -> bytes:
    """Lay ``blocks`` out on roll paper ``width_mm`` wide, page height fitted to the content.

    Returns:
        The PDF as bytes.
    """
    return render_pages([blocks], width_mm=width_mm, title=title)


def render_pages(pages: Sequence[list[Block]], *, width_mm: int = 80, title: str = "") -> bytes:
    """Several roll-paper documents in one PDF, a page each, every page as tall as its own
    content (the artisans' day slips: one file, one slip per page).

    Returns:
        The PDF as bytes.
    """
    if width_mm not in WIDTHS_MM:
        raise ValueError(f"receipt paper is 80 or 58 mm wide, not {width_mm}")
    if not pages:
        raise ValueError("a PDF needs at least one page")
    fonts.register()
    page_w = width_mm * mm
    printable = PRINTABLE_MM[width_mm] * mm
    left = (page_w - printable) / 2
    top, bottom = 4 * mm, 6 * mm
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(page_w, 100 * mm), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("Booth POS")
    for blocks in pages:
        ops = _layout(blocks, width_mm, left, printable)
        page_h = top + ops.y + bottom
        c.setPageSize((page_w, page_h))
        _draw(c, ops, page_h - top)
        c.showPage()
    c.save()
    return buf.getvalue()


def _draw(c: Canvas, ops: _Ops, origin: float) -> None:
    """Replay measured ``ops``; ``origin`` is the content's top edge in PDF points."""
    for op in ops.ops:
        kind = op[0]
        if kind == "text":
            _, x, y, text, font, size, align = op
            fonts.draw(c, x, origin - y + size * 0.22, text, font, size, align)
        elif kind == "rule":
            _, x0, x1, y = op
            c.saveState()
            c.setLineWidth(0.5)
            c.setDash(2, 1.5)
            c.line(x0, origin - y, x1, origin - y)
            c.restoreState()
        elif kind == "line":
            _, x0, x1, y = op
            c.saveState()
            c.setLineWidth(0.8)
            c.line(x0, origin - y, x1, origin - y)
            c.restoreState()
        elif kind == "code":
            _, x, y, code, height = op
            bars.draw(c, code, x, origin - y, height)


def render_receipt(
    sale: Sale,
    settings: Settings,
    *,
    width_mm: int | None = None,
    lang: str | None = None,
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    reprint: bool = False,
    test: bool = False,
) -> bytes:
    """The receipt of ``sale`` as a PDF for roll paper.

    Args:
        sale: the committed sale.
        settings: the stand's settings (names, time zone, footer, reference currency).
        width_mm: 80 or 58; default ``settings.receipt_width``.
        lang: ``id``, ``en``, ``ko`` or ``fr``; default the language stored with the sale,
            then the setting.
        artisans: artisans (by code or a list) to name under the lines; optional.
        reprint: mark it as a copy.
        test: mark it as a printer test.

    Returns:
        PDF bytes, one page as tall as the content.
    """
    width_mm = width_mm or settings.receipt_width or 80
    lang = lang or sale.lang or settings.receipt_lang or "id"
    blocks = receipt_blocks(
        sale, settings, lang=lang, artisans=artisans, reprint=reprint, test=test
    )
    return render_blocks(blocks, width_mm=width_mm, title=sale.receipt_no)


def sample_sale(settings: Settings, *, lines: int = 3, when: datetime | None = None) -> Sale:
    """A made-up sale for a printer test or a benchmark (never stored).

    It has accented and Korean names so a test print shows what the printer can render.
    """
    names = (
        ("Selendang Ecoprint Daun Jati", 285000),
        ("Café batik tote bag", 95000),
        ("Kipas hanji 한지 부채", 120000),
        ("Tas Anyaman Pandan Laut Motif Gelombang Merak (besar)", 165000),
        ("Gantungan kunci badak bercula satu", 25000),
    )
    sale_lines = tuple(
        SaleLine(
            line_no=i + 1,
            sku=f"TEST-{i + 1}",
            name=names[i % len(names)][0],
            artisan_code="TST",
            category="Test",
            unit_price=names[i % len(names)][1],
            qty=1 + i % 2,
            line_discount=0,
            sale_discount_share=0,
        )
        for i in range(lines)
    )
    total = sum(ln.amount for ln in sale_lines)
    when = when or datetime.now(UTC)
    return Sale(
        id="00000000-0000-0000-0000-000000000000",
        receipt_no=f"{settings.till or 'T1'}-TEST",
        till=settings.till,
        day_id=0,
        business_date=date.today(),
        created_at=when,
        cashier="",
        origin="",
        lang=settings.receipt_lang,
        lines=sale_lines,
        payments=(Payment(Method.CASH, total, total),),
        subtotal=total,
        discount=0,
        total=total,
    )
