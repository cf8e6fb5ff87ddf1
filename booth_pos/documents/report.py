"""PDF of the day or event report (with vector charts) and the artisans' statements.

reportlab only, no Qt: the command line and the window's export both call these. Charts are
``reportlab.graphics`` drawings, so they stay sharp when printed or zoomed. Fonts come from
``documents.fonts`` (DejaVu Sans shipped in resources/fonts). The words are Indonesian or
English (``lang``); amounts are whole rupiah formatted by ``money.format_rupiah``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import datetime

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from booth_pos.documents import fonts, strings
from booth_pos.model import KnownError
from booth_pos.model.report import (
    ArtisanStatement,
    DayReport,
    EventReport,
    ProductFigures,
    Report,
)
from booth_pos.money import format_number, format_rates, format_rupiah

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#cbd2d9")
HEAD_BG = colors.HexColor("#e4ecf2")
TOTAL_BG = colors.HexColor("#f5f7fa")
NET_BAR = colors.HexColor("#2a6f97")
HOUR_BAR = colors.HexColor("#e07a1f")
SHORT = colors.HexColor("#c62828")
OVER = colors.HexColor("#1b5e20")

_WORDS: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "day_report": ("Laporan Harian", "Day Report"),
    "event_report": ("Laporan Pameran", "Event Report"),
    "statement": ("Laporan Setoran Pengrajin", "Artisan Statement"),
    "open": ("masih buka", "still open"),
    "closed": ("ditutup, Z {z}", "closed, Z {z}"),
    "close_code": (
        "Kode verifikasi jurnal (Z{z}): {code}",
        "Journal verification code (Z{z}): {code}",
    ),
    "printed": ("Dicetak {when}", "Printed {when}"),
    "sales": ("Transaksi", "Sales"),
    "items": ("Barang", "Items"),
    "gross": ("Bruto", "Gross"),
    "discounts": ("Diskon", "Discounts"),
    "refunds": ("Retur", "Refunds"),
    "net": ("Neto", "Net"),
    "average": ("Rata-rata transaksi", "Average sale"),
    "commission": ("Komisi", "Commission"),
    "commission_pct": ("%", "%"),
    "expected_short": ("Seharusnya", "Expected"),
    "payout": ("Setoran", "Payout"),
    "code": ("Kode", "Code"),
    "artisan": ("Pengrajin", "Artisan"),
    "total": ("TOTAL", "TOTAL"),
    "by_artisan": ("Per pengrajin", "By artisan"),
    "net_per_artisan": ("Neto per pengrajin (Rp)", "Net per artisan (Rp)"),
    "sales_per_hour": ("Transaksi per jam ({tz})", "Sales per hour ({tz})"),
    "payments": ("Pembayaran (Rp) dan kas", "Payments (Rp) and cash"),
    "method": ("Metode", "Method"),
    "received": ("Diterima", "Received"),
    "cash": ("Kas", "Cash"),
    "float": ("Modal awal", "Opening float"),
    "cash_received": ("Tunai diterima (setelah kembalian)", "Cash received (net of change)"),
    "cash_refunds": ("Retur tunai", "Cash refunds"),
    "expected": ("Seharusnya di laci", "Expected in drawer"),
    "counted": ("Dihitung", "Counted"),
    "difference": ("Selisih", "Difference"),
    "not_yet": ("belum dihitung", "not counted yet"),
    "short": ("KURANG", "SHORT"),
    "over": ("LEBIH", "OVER"),
    "categories": ("Per kategori", "By category"),
    "category": ("Kategori", "Category"),
    "origins": ("Asal pembeli", "Customer origin"),
    "origin": ("Asal", "Origin"),
    "no_origin": ("tidak dicatat", "not recorded"),
    "top": ("Produk terlaris", "Top products"),
    "product": ("Produk", "Product"),
    "open_price": ("Harga terbuka", "Open price"),
    "open_price_stock": (
        "Harga terbuka (barang tanpa label)",
        "Open price (goods without a label)",
    ),
    "days": ("Per hari", "By day"),
    "date": ("Tanggal", "Date"),
    "z": ("Z", "Z"),
    "per_day": ("Penjualan per hari", "Sales per day"),
    "rounding_note": (
        "Komisi total dihitung dari neto seluruh pameran dan dibulatkan sekali; jumlah komisi "
        "harian bisa berbeda beberapa rupiah karena pembulatan.",
        "The total commission is taken from the whole event's net and rounded once; the daily "
        "commissions may add up to a few rupiah more or less because each is rounded.",
    ),
    "stock": ("Stok: dibawa / terjual / sisa", "Stock: brought / sold / left"),
    "brought": ("Dibawa", "Brought"),
    "sold": ("Terjual", "Sold"),
    "other": ("Retur/koreksi", "Returns/adj."),
    "left": ("Sisa", "Left"),
    "returned": ("Dikembalikan", "Returned"),
    "sign_artisan": ("Pengrajin", "Artisan"),
    "sign_coordinator": ("Koordinator stan", "Stand coordinator"),
    "sign_line": ("Nama, tanda tangan, tanggal", "Name, signature, date"),
    "agree": (
        "Dengan tanda tangan ini kedua pihak menyetujui angka di atas dan pengembalian barang "
        "sisa sesuai daftar.",
        "By signing, both parties agree with the figures above and the return of the unsold "
        "goods as listed.",
    ),
    "nothing": ("Belum ada penjualan.", "No sales yet."),
}

_ORIGINS = {
    "ID": ("Lokal (Indonesia)", "Local (Indonesia)"),
    "KR": ("Korea", "Korea"),
    "FR": ("Prancis", "France"),
    "IN": ("India", "India"),
    "OTHER": ("Lainnya", "Other"),
}


def _w(key: str, lang: str, **values) -> str:
    idn, eng = _WORDS[key]
    text = idn if strings.check_lang(lang) == "id" else eng
    return text.format(**values) if values else text


def product_label(p: ProductFigures, lang: str) -> str:
    """A product row's name; an artisan's open-price row is "Harga terbuka · ECO"."""
    return f"{_w('open_price', lang)} · {p.artisan_code}" if p.open_price else p.name


def origin_label(code: str, lang: str) -> str:
    if not code:
        return _w("no_origin", lang)
    pair = _ORIGINS.get(code)
    return (pair[0] if lang == "id" else pair[1]) if pair else code


class _Styles:
    def __init__(self):
        fs = fonts.register()
        self.regular, self.bold = fs.regular, fs.bold
        self.title = ParagraphStyle("title", fontName=fs.bold, fontSize=16, leading=20)
        self.sub = ParagraphStyle(
            "sub", fontName=fs.regular, fontSize=9.5, leading=12, textColor=MUTED
        )
        self.h2 = ParagraphStyle(
            "h2", fontName=fs.bold, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3
        )
        self.body = ParagraphStyle("body", fontName=fs.regular, fontSize=8.5, leading=11)
        self.note = ParagraphStyle(
            "note", fontName=fs.regular, fontSize=7.5, leading=9.5, textColor=MUTED
        )
        self.code = ParagraphStyle("code", fontName=fs.bold, fontSize=9.5, leading=12)
        self.big = ParagraphStyle(
            "big", fontName=fs.bold, fontSize=13, leading=16, alignment=TA_RIGHT
        )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(
    st: _Styles,
    rows: list[list],
    widths: Sequence[float],
    *,
    total: bool = False,
    right_from: int = 1,
    size: float = 8,
) -> Table:
    """A ruled table: header row shaded, numbers right-aligned, optional total row."""
    table = Table(rows, colWidths=list(widths), repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), st.regular),
        ("FONTNAME", (0, 0), (-1, 0), st.bold),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("ALIGN", (right_from, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if total:
        style += [
            ("FONTNAME", (0, -1), (-1, -1), st.bold),
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
        ]
    table.setStyle(TableStyle(style))
    return table


def _n(value: int, lang: str) -> str:
    return format_number(value, lang)


def _bar_chart(
    title: str,
    labels: list[str],
    values: list[int],
    colour,
    width: float,
    height: float,
    st: _Styles,
    lang: str,
    *,
    rotate: bool = False,
) -> Drawing:
    """A vertical bar chart as vector graphics, titled, with grouped-digit value axis."""
    d = Drawing(width, height)
    d.add(String(0, height - 11, title, fontName=st.bold, fontSize=9.5, fillColor=INK))
    chart = VerticalBarChart()
    chart.x, chart.y = 52, 34 if rotate else 18
    chart.width, chart.height = width - chart.x - 6, height - chart.y - 22
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 4
    chart.valueAxis.valueMin = 0
    top = max(values or [0])
    chart.valueAxis.valueMax = max(1, top) * 1.12
    chart.valueAxis.labelTextFormat = lambda v: _n(int(v), lang)
    chart.valueAxis.labels.fontName = st.regular
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.labels.fontName = st.regular
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.strokeColor = RULE
    if rotate:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dy = -2
    d.add(chart)
    return d


def _header(st: _Styles, report: Report, title: str, lang: str, now: datetime) -> list:
    lines = [report.stand_name, report.event_name, report.venue]
    story = [
        Paragraph(_esc(title), st.title),
        Paragraph(_esc(" · ".join(x for x in lines if x)), st.sub),
        Paragraph(_esc(_w("printed", lang, when=now.strftime("%Y-%m-%d %H:%M"))), st.sub),
        Spacer(1, 4 * mm),
    ]
    return story


def _summary(st: _Styles, report: Report, lang: str, width: float) -> Table:
    rp = lambda v: format_rupiah(v, lang)  # noqa: E731
    cells = [
        (_w("sales", lang), _n(report.sales, lang)),
        (_w("items", lang), _n(report.items, lang)),
        (_w("gross", lang), rp(report.gross)),
        (_w("discounts", lang), rp(report.discounts)),
        (_w("refunds", lang), rp(report.refunds)),
        (_w("net", lang), rp(report.net)),
        (_w("average", lang), rp(report.average_sale)),
        (_w("commission", lang), rp(report.commission)),
        (_w("payout", lang), rp(report.payout)),
    ]
    # Three columns of label/value pairs.
    rows = []
    for i in range(0, len(cells), 3):
        row = []
        for label, value in cells[i : i + 3]:
            row += [label, value]
        rows.append(row)
    col = width / 3
    table = Table(rows, colWidths=[col * 0.48, col * 0.52] * 3)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.regular),
                ("FONTNAME", (1, 0), (1, -1), st.bold),
                ("FONTNAME", (3, 0), (3, -1), st.bold),
                ("FONTNAME", (5, 0), (5, -1), st.bold),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
                ("TEXTCOLOR", (2, 0), (2, -1), MUTED),
                ("TEXTCOLOR", (4, 0), (4, -1), MUTED),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("ALIGN", (5, 0), (5, -1), "RIGHT"),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), TOTAL_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _artisan_table(st: _Styles, report: Report, lang: str, width: float) -> Table:
    rows = [
        [
            _w("code", lang),
            _w("artisan", lang),
            _w("items", lang),
            _w("gross", lang),
            _w("discounts", lang),
            _w("refunds", lang),
            _w("net", lang),
            _w("commission_pct", lang),
            _w("commission", lang),
            _w("payout", lang),
        ]
    ]
    # Points on a 180 mm (510 pt) text width: amounts up to 999.999.999 fit at 7.5 pt.
    widths = [28, 100, 30, 57, 51, 42, 57, 30, 55, 58]
    name_w = widths[1]
    for a in report.by_artisan:
        rows.append(
            [
                a.code,
                fonts.ellipsize(a.name, st.regular, 7.5, name_w - 6),
                _n(a.items, lang),
                _n(a.gross, lang),
                _n(a.discounts, lang),
                _n(a.refunds, lang),
                _n(a.net, lang),
                format_rates(a.all_rates, lang, sign=False),
                _n(a.commission, lang),
                _n(a.payout, lang),
            ]
        )
    rows.append(
        [
            "",
            _w("total", lang),
            _n(report.items, lang),
            _n(report.gross, lang),
            _n(report.discounts, lang),
            _n(report.refunds, lang),
            _n(report.net, lang),
            "",
            _n(report.commission, lang),
            _n(report.payout, lang),
        ]
    )
    rest = (width - name_w - width * 0.07) / 8
    widths = [width * 0.07, name_w] + [rest * f for f in (0.6, 1.2, 1.0, 0.9, 1.25, 0.7, 1.1, 1.25)]
    return _table(st, rows, widths, total=True, right_from=2, size=7.5)


def _charts(st: _Styles, report: Report, lang: str, width: float) -> Table:
    half = (width - 6 * mm) / 2
    net = _bar_chart(
        _w("net_per_artisan", lang),
        [a.code for a in report.by_artisan],
        [a.net for a in report.by_artisan],
        NET_BAR,
        half,
        62 * mm,
        st,
        lang,
        rotate=True,
    )
    hours = _bar_chart(
        _w("sales_per_hour", lang, tz=report.timezone),
        [f"{h.hour:02d}" for h in report.by_hour],
        [h.sales for h in report.by_hour],
        HOUR_BAR,
        half,
        62 * mm,
        st,
        lang,
        rotate=False,
    )
    table = Table([[net, hours]], colWidths=[half + 3 * mm, half + 3 * mm])
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table


def _money_tables(st: _Styles, report: Report, lang: str, width: float) -> Table:
    rp = lambda v: format_rupiah(v, lang)  # noqa: E731
    pay_rows = [[_w("method", lang), _w("received", lang), _w("refunds", lang), _w("net", lang)]]
    for p in report.by_payment:
        pay_rows.append(
            [
                strings.method(p.method, lang),
                _n(p.received, lang),
                _n(p.refunds, lang),
                _n(p.net, lang),
            ]
        )
    pay_rows.append(
        [
            _w("total", lang),
            _n(sum(p.received for p in report.by_payment), lang),
            _n(sum(p.refunds for p in report.by_payment), lang),
            _n(sum(p.net for p in report.by_payment), lang),
        ]
    )
    half = (width - 6 * mm) / 2
    pay = _table(st, pay_rows, [half * 0.32, half * 0.25, half * 0.18, half * 0.25], total=True)

    c = report.cash
    cash_rows = [
        [_w("cash", lang), ""],
        [_w("float", lang), rp(c.opening_float)],
        ["+ " + _w("cash_received", lang), rp(c.received)],
        ["- " + _w("cash_refunds", lang), rp(c.refunds)],
        ["= " + _w("expected", lang), rp(c.expected)],
        [_w("counted", lang), _w("not_yet", lang) if c.counted is None else rp(c.counted)],
    ]
    diff_text = "-"
    if c.difference is not None:
        diff_text = rp(c.difference)
        if c.difference:
            word = _w("short", lang) if c.difference < 0 else _w("over", lang)
            diff_text = f"{word} {rp(abs(c.difference))}"
    cash_rows.append([_w("difference", lang), diff_text])
    cash = _table(st, cash_rows, [half * 0.62, half * 0.38])
    extra = [("FONTNAME", (0, 4), (-1, 4), st.bold), ("FONTNAME", (0, -1), (-1, -1), st.bold)]
    if c.difference:
        extra.append(("TEXTCOLOR", (1, -1), (1, -1), SHORT if c.difference < 0 else OVER))
    cash.setStyle(TableStyle(extra))
    outer = Table([[pay, cash]], colWidths=[half + 6 * mm, half])
    outer.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return outer


def _detail_tables(st: _Styles, report: Report, lang: str, width: float) -> list:
    third = (width - 8 * mm) / 3
    cat_rows = [[_w("category", lang), _w("items", lang), _w("net", lang)]]
    cat_rows += [
        [
            fonts.ellipsize(c.category or "-", st.regular, 7.5, third * 0.45),
            _n(c.items, lang),
            _n(c.net, lang),
        ]
        for c in report.by_category
    ]
    org_rows = [[_w("origin", lang), _w("sales", lang), _w("net", lang)]]
    org_rows += [
        [origin_label(o.origin, lang), _n(o.sales, lang), _n(o.net, lang)] for o in report.by_origin
    ]
    top_rows = [[_w("product", lang), _w("items", lang), _w("net", lang)]]
    top_rows += [
        [
            fonts.ellipsize(product_label(p, lang), st.regular, 7.5, third * 0.52),
            _n(p.items, lang),
            _n(p.net, lang),
        ]
        for p in report.top_products
    ]
    widths = [third * 0.5, third * 0.18, third * 0.32]
    top_widths = [third * 0.56, third * 0.14, third * 0.30]
    blocks = [
        [Paragraph(_esc(_w("categories", lang)), st.h2), _table(st, cat_rows, widths, size=7.5)],
        [Paragraph(_esc(_w("origins", lang)), st.h2), _table(st, org_rows, widths, size=7.5)],
        [Paragraph(_esc(_w("top", lang)), st.h2), _table(st, top_rows, top_widths, size=7.5)],
    ]
    outer = Table([blocks], colWidths=[third + 4 * mm] * 2 + [third])
    outer.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [outer]


def _days_table(st: _Styles, report: EventReport, lang: str, width: float) -> Table:
    rows = [
        [
            _w("date", lang),
            _w("z", lang),
            _w("sales", lang),
            _w("items", lang),
            _w("net", lang),
            _w("commission", lang),
            _w("expected_short", lang),
            _w("counted", lang),
            _w("difference", lang),
        ]
    ]
    for d in report.day_reports:
        c = d.cash
        rows.append(
            [
                d.business_date.isoformat(),
                ", ".join(map(str, d.z_numbers)) or _w("open", lang),
                _n(d.sales, lang),
                _n(d.items, lang),
                _n(d.net, lang),
                _n(d.commission, lang),
                _n(c.expected, lang),
                "-" if c.counted is None else _n(c.counted, lang),
                "-" if c.difference is None else _n(c.difference, lang),
            ]
        )
    c = report.cash
    rows.append(
        [
            _w("total", lang),
            "",
            _n(report.sales, lang),
            _n(report.items, lang),
            _n(report.net, lang),
            _n(report.commission, lang),
            _n(c.expected, lang),
            "-" if c.counted is None else _n(c.counted, lang),
            "-" if c.difference is None else _n(c.difference, lang),
        ]
    )
    widths = [58, 30, 44, 40, 68, 62, 68, 68, 60]  # points, 498 of the 510 available
    table = _table(st, rows, widths, total=True, right_from=2, size=7.5)
    extra = []
    for i, d in enumerate(report.day_reports, start=1):
        if d.cash.difference and d.cash.difference < 0:
            extra.append(("TEXTCOLOR", (8, i), (8, i), SHORT))
    if extra:
        table.setStyle(TableStyle(extra))
    return table


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(fonts.register().regular, 7)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, str(doc.page))
    canvas.restoreState()


def _build(out: str | os.PathLike | io.BytesIO, story: list, title: str) -> None:
    """Lay ``story`` out on A4 pages into ``out``, a file path or an in-memory buffer."""
    doc = SimpleDocTemplate(
        out if isinstance(out, io.BytesIO) else str(out),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=15 * mm,
        title=title,
        author="Booth POS",
    )
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)



def _pdf(story: list, title: str) -> bytes:
    buf = io.BytesIO()
    _build(buf, story, title)
    return buf.getvalue()


def report_story(report: Report, lang: str = "id", now: datetime | None = None) -> list:
    """The flowables of a day or event report (for tests and for embedding)."""
    st = _Styles()
    now = now or datetime.now()
    width = A4[0] - 30 * mm
    if isinstance(report, DayReport):
        state = (
            _w("open", lang)
            if report.is_open
            else _w("closed", lang, z=", ".join(map(str, report.z_numbers)))
        )
        title = f"{_w('day_report', lang)} {report.business_date.isoformat()} ({state})"
    else:
        span = f"{report.first_date} – {report.last_date}" if report.first_date else ""
        title = f"{_w('event_report', lang)} {span}"
    story = _header(st, report, title, lang, now)
    if isinstance(report, DayReport) and report.close_codes:
        codes = [_w("close_code", lang, z=z, code=code) for z, code in report.close_codes]
        story[-1:-1] = [Paragraph(_esc(text), st.code) for text in codes]
    story.append(_summary(st, report, lang, width))
    story.append(Paragraph(_esc(_w("by_artisan", lang)), st.h2))
    story.append(_artisan_table(st, report, lang, width))
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether([_charts(st, report, lang, width)]))
    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph(_esc(_w("payments", lang)), st.h2))
    story.append(_money_tables(st, report, lang, width))
    if isinstance(report, EventReport):
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(_esc(_w("per_day", lang)), st.h2))
        story.append(_days_table(st, report, lang, width))
    story.append(CondPageBreak(50 * mm))
    story += _detail_tables(st, report, lang, width)
    if isinstance(report, EventReport):
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(_esc(_w("rounding_note", lang)), st.note))
    return story


def render_report_pdf(report: Report, lang: str = "id", now: datetime | None = None) -> bytes:
    """The day or event report as an A4 PDF with its charts.

    Args:
        report: a ``DayReport`` or ``EventReport``.
        lang: "id" or "en".
        now: the time printed in the header (default: now, local).

    Returns:
        The PDF file's bytes (``services.exports.write_export`` saves them).
    """
    title = _w("day_report" if isinstance(report, DayReport) else "event_report", lang)
    return _pdf(report_story(report, lang, now), title)


# -- artisans' statements ----------------------------------------------------------------------


def _statement(st: _Styles, s: ArtisanStatement, lang: str, width: float, now: datetime) -> list:
    t = s.total
    story = [
        Paragraph(_esc(f"{_w('statement', lang)}: {t.name} ({t.code})"), st.title),
        Paragraph(_esc(" · ".join(x for x in (s.stand_name, s.event_name, s.venue) if x)), st.sub),
        Paragraph(_esc(_w("printed", lang, when=now.strftime("%Y-%m-%d %H:%M"))), st.sub),
        Spacer(1, 3 * mm),
        Paragraph(_esc(_w("per_day", lang)), st.h2),
    ]
    rows = [
        [
            _w("date", lang),
            _w("items", lang),
            _w("gross", lang),
            _w("discounts", lang),
            _w("refunds", lang),
            _w("net", lang),
            _w("commission", lang),
            _w("payout", lang),
        ]
    ]
    for d in s.days:
        f = d.figures
        rows.append(
            [
                d.business_date.isoformat(),
                _n(f.items, lang),
                _n(f.gross, lang),
                _n(f.discounts, lang),
                _n(f.refunds, lang),
                _n(f.net, lang),
                _n(f.commission, lang),
                _n(f.payout, lang),
            ]
        )
    rows.append(
        [
            f"{_w('total', lang)} ({format_rates(t.all_rates, lang)})",
            _n(t.items, lang),
            _n(t.gross, lang),
            _n(t.discounts, lang),
            _n(t.refunds, lang),
            _n(t.net, lang),
            _n(t.commission, lang),
            _n(t.payout, lang),
        ]
    )
    w = width / 8
    story.append(_table(st, rows, [w * 1.3] + [w * 0.957] * 7, total=True))
    story.append(Spacer(1, 2 * mm))
    payout = Table(
        [[_w("payout", lang), format_rupiah(t.payout, lang)]], colWidths=[width * 0.6, width * 0.4]
    )
    payout.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.bold),
                ("FONTSIZE", (0, 0), (-1, -1), 13),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("BACKGROUND", (0, 0), (-1, -1), TOTAL_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story.append(payout)
    story.append(Paragraph(_esc(_w("rounding_note", lang)), st.note))
    story.append(Paragraph(_esc(_w("stock", lang)), st.h2))
    stock_rows = [
        [
            _w("code", lang),
            _w("product", lang),
            _w("brought", lang),
            _w("sold", lang),
            _w("other", lang),
            _w("left", lang),
            _w("returned", lang),
        ]
    ]
    for line in s.stock:
        stock_rows.append(
            [
                line.sku,
                fonts.ellipsize(line.name, st.regular, 8, width * 0.38),
                str(line.received),
                str(line.sold),
                str(line.refunded - line.returned + line.counted_diff),
                str(line.left),
                "☐",
            ]
        )
    if s.open_price is not None:  # sold without a product: in the totals, in no stock line
        stock_rows.append(
            [
                "",
                fonts.ellipsize(_w("open_price_stock", lang), st.regular, 8, width * 0.38),
                "",
                str(s.open_price.items),
                "",
                "",
                "",
            ]
        )
    widths = [width * f for f in (0.11, 0.35, 0.09, 0.09, 0.13, 0.09, 0.14)]
    stock = _table(st, stock_rows, widths, right_from=2)
    stock.setStyle(
        TableStyle([("ALIGN", (6, 0), (6, -1), "CENTER"), ("FONTSIZE", (6, 1), (6, -1), 11)])
    )
    story.append(stock)
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(_esc(_w("agree", lang)), st.body))
    story.append(Spacer(1, 14 * mm))
    sign = Table(
        [
            ["", ""],
            [_w("sign_artisan", lang), _w("sign_coordinator", lang)],
            [_w("sign_line", lang), _w("sign_line", lang)],
        ],
        colWidths=[width / 2, width / 2],
        rowHeights=[14 * mm, None, None],
    )
    sign.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.regular),
                ("FONTNAME", (0, 1), (-1, 1), st.bold),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("TEXTCOLOR", (0, 2), (-1, 2), MUTED),
                ("LINEABOVE", (0, 1), (0, 1), 0.8, INK),
                ("LINEABOVE", (1, 1), (1, 1), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 12 * mm),
                ("LEFTPADDING", (1, 0), (1, -1), 12 * mm),
            ]
        )
    )
    story.append(KeepTogether([sign]))
    return story


def render_statements_pdf(
    statements: Sequence[ArtisanStatement], lang: str = "id", now: datetime | None = None
) -> bytes:
    """Every artisan's end-of-event statement, a page each, ready to sign, as PDF bytes.

    Raises:
        KnownError: there is no statement to write.
    """
    if not statements:
        raise KnownError(
            en="No artisan has sales or stock to settle",
            id="Tidak ada pengrajin dengan penjualan atau stok untuk disetor",
        )
    st = _Styles()
    now = now or datetime.now()
    width = A4[0] - 30 * mm
    story: list = []
    for i, s in enumerate(statements):
        if i:
            story.append(PageBreak())
        story += _statement(st, s, lang, width, now)
    return _pdf(story, _w("statement", lang))

