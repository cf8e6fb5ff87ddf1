"""PDF of the day or event report (with vector charts) and the artisans' statements.

reportlab only, no Qt: the command line and the window's export both call these. Charts are
``reportlab.graphics`` drawings, so they stay sharp when printed or zoomed. Fonts come from
``documents.fonts`` (DejaVu Sans shipped in booth_pos/resources/fonts). The words are Indonesian or
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

from booth_pos.clock import DEFAULT_TIMEZONE, local
from booth_pos.documents import fonts, strings
from booth_pos.model import KnownError
from booth_pos.model.report import (
    ArtisanFigures,
    ArtisanStatement,
    DayReport,
    EventReport,
    ProductFigures,
    Report,
)
from booth_pos.model.stock import Payout, StockNote
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
    "stock": ("Stok barang", "Stock"),
    "stock_received": ("Masuk", "Received"),
    "sold": ("Terjual", "Sold"),
    "stock_refunded": ("Retur\npembeli", "Refunded"),
    "returned": ("Kembali", "Returned"),
    "count_diff": ("Selisih\nhitung", "Count\ndiff."),
    "left": ("Sisa", "Left"),
    "status": ("Status", "Status"),
    "needs_count": ("perlu dihitung", "needs a count"),
    "needs_count_note": (
        "Perlu dihitung sebelum setoran (terjual melebihi stok tercatat): {products}.",
        "To count before settling (sold beyond the recorded stock): {products}.",
    ),
    "intakes": ("Barang masuk", "Goods received"),
    "returns": ("Barang kembali", "Goods returned"),
    "note_no": ("No. nota", "Note no."),
    "units": ("Unit", "Units"),
    "value": ("Nilai jual", "Retail value"),
    "counts": ("Selisih hitung stok", "Stock count differences"),
    "reason": ("Alasan", "Reason"),
    "payments_made": ("Pembayaran ke pengrajin", "Payments made"),
    "payment_no": ("No.", "No."),
    "amount": ("Jumlah", "Amount"),
    "none": ("tidak ada", "none"),
    "settlement": ("Penyelesaian", "Settlement"),
    "commission_of": ("Komisi stan ({rate})", "Stand commission ({rate})"),
    "payout_owed": ("Hak pengrajin (setoran)", "Owed to the artisan (payout)"),
    "paid_out": ("Sudah dibayar", "Paid out"),
    "balance": ("Sisa yang masih harus dibayar", "Balance still owed"),
    "sign_artisan": ("Pengrajin", "Artisan"),
    "sign_coordinator": ("Koordinator stan", "Stand coordinator"),
    "sign_line": ("Nama, tanda tangan, tanggal", "Name, signature, date"),
    "agree": (
        "Dengan tanda tangan ini kedua pihak menyetujui angka di atas, sisa yang masih harus "
        "dibayar, dan pengembalian barang sesuai nota barang kembali.",
        "By signing, both parties agree with the figures above, the balance still owed, and the "
        "return of the goods as listed on the return notes.",
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


def signatures(
    st: _Styles, width: float, who: Sequence[tuple[str, str, str]], space: float = 24 * mm
) -> Table:
    """Side-by-side places to sign: blank ``space`` above a line per signer, then the role in
    bold, the name and a caption (``who`` holds (role, name, caption) per signer)."""
    gap = 14 * mm
    col = (width - gap * (len(who) - 1)) / len(who)
    widths: list[float] = []
    rows: list[list[str]] = [[], [], [], []]
    for i, (role, name, caption) in enumerate(who):
        if i:
            widths.append(gap)
            for row in rows:
                row.append("")
        widths.append(col)
        for row, text in zip(rows, ("", role, name, caption), strict=True):
            row.append(text)
    table = Table(rows, colWidths=widths, rowHeights=[space, None, None, None])
    style = [
        ("FONTNAME", (0, 0), (-1, -1), st.regular),
        ("FONTNAME", (0, 1), (-1, 1), st.bold),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("FONTSIZE", (0, 3), (-1, 3), 7.5),
        ("TEXTCOLOR", (0, 3), (-1, 3), MUTED),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for i in range(0, len(widths), 2):
        style.append(("LINEABOVE", (i, 1), (i, 1), 0.8, INK))
    table.setStyle(TableStyle(style))
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


def _till_word(key: str, lang: str) -> str:
    from booth_pos.documents import tills

    return tills.word(key, lang)


def _tills_table(st: _Styles, report: Report, lang: str, width: float) -> Table:
    """Each till's own drawer, as counted and closed on that till (``documents.tills``)."""
    from booth_pos.documents import tills

    head, *body = tills.table_rows(report, lang)
    rows = [head] + [
        [cell if isinstance(cell, str) else ("-" if cell is None else _n(cell, lang)) for cell in r]
        for r in body
    ]
    shares = (0.10, 0.12, 0.09, 0.09, 0.09, 0.09, 0.11, 0.09, 0.08, 0.14)
    return _table(st, rows, [width * f for f in shares], right_from=3, size=7)


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
    if report.tills:  # several tills: which, how far, and which may be short
        from booth_pos.documents import tills

        lines = [Paragraph(_esc(tills.coverage_line(report, lang)), st.code)]
        lines += [Paragraph(_esc("! " + w), st.code) for w in tills.warnings(report, lang)]
        story[-1:-1] = lines
    story.append(_summary(st, report, lang, width))
    story.append(Paragraph(_esc(_w("by_artisan", lang)), st.h2))
    story.append(_artisan_table(st, report, lang, width))
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether([_charts(st, report, lang, width)]))
    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph(_esc(_w("payments", lang)), st.h2))
    story.append(_money_tables(st, report, lang, width))
    if report.tills:
        story.append(CondPageBreak(30 * mm))
        story.append(Paragraph(_esc(_till_word("cash_per_till", lang)), st.h2))
        story.append(_tills_table(st, report, lang, width))
        story.append(Spacer(1, 3 * mm))
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


def _cell(st: _Styles) -> ParagraphStyle:
    """Text in a table cell that wraps instead of running into the next column."""
    return ParagraphStyle("cell", fontName=st.regular, fontSize=7.5, leading=9, textColor=INK)


def _small_table(
    st: _Styles,
    rows: list[list],
    width: float,
    fractions: Sequence[float],
    *,
    total: bool = False,
    right_from: int = 1,
) -> Table:
    """A statement table: 7.5 pt, tighter rows, so a whole settlement fits its page more
    often; columns as ``fractions`` of ``width``."""
    table = _table(
        st, rows, [width * f for f in fractions], total=total, right_from=right_from, size=7.5
    )
    table.setStyle(
        TableStyle(
            [
                ("LEADING", (0, 0), (-1, -1), 9),  # reportlab's default is 12 whatever the size
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _when_local(moment: datetime, tz: str) -> str:
    return local(moment, tz).strftime("%Y-%m-%d %H:%M")


def _signed(n: int) -> str:
    """A count difference: ``-1``, ``+2``, ``0``."""
    return f"{n:+d}" if n else "0"


def _side_by_side(left: list, right: list, width: float) -> Table:
    """Two blocks of flowables in two columns (a heading and a table each)."""
    half = (width - 6 * mm) / 2
    outer = Table([[left, right]], colWidths=[half + 6 * mm, half])
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


def _notes_table(
    st: _Styles, notes: Sequence[StockNote], lang: str, width: float, tz: str
) -> Table:
    """Intake or return notes: number, date, units, value at selling price, with a total."""
    rows: list[list] = [
        [_w("note_no", lang), _w("date", lang), _w("units", lang), _w("value", lang)]
    ]
    for note in notes:
        when = _when_local(note.created_at, tz)
        rows.append([note.number, when, _n(note.qty, lang), format_rupiah(note.value, lang)])
    fractions = (0.22, 0.33, 0.13, 0.32)
    if not notes:
        rows.append([_w("none", lang), "", "", ""])
        return _small_table(st, rows, width, fractions, right_from=2)
    units = _n(sum(n.qty for n in notes), lang)
    rows.append([_w("total", lang), "", units, format_rupiah(sum(n.value for n in notes), lang)])
    return _small_table(st, rows, width, fractions, total=True, right_from=2)


def _counts_table(st: _Styles, counts: Sequence[StockNote], lang: str, width: float) -> Table:
    """Each count difference of the artisan's goods: count number, SKU, difference, reason."""
    rows: list[list] = [
        [_w("note_no", lang), _w("code", lang), _w("difference", lang), _w("reason", lang)]
    ]
    for note in counts:
        for line in note.lines:
            reason = Paragraph(_esc(note.note or "-"), _cell(st))  # a long reason wraps
            rows.append([note.number, line.sku, _signed(line.qty), reason])
    if len(rows) == 1:
        rows.append([_w("none", lang), "", "", ""])
    table = _small_table(st, rows, width, (0.2, 0.2, 0.16, 0.44), right_from=2)
    table.setStyle(
        TableStyle([("ALIGN", (3, 0), (3, -1), "LEFT"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table


def _payouts_table(
    st: _Styles, payouts: Sequence[Payout], lang: str, width: float, tz: str
) -> Table:
    """Payments made: number, date, method (with a transfer's reference), amount, total."""
    rows: list[list] = [
        [_w("payment_no", lang), _w("date", lang), _w("method", lang), _w("amount", lang)]
    ]
    for p in payouts:
        how = strings.method(p.method, lang)
        if p.reference.strip():
            how = f"{how} {p.reference.strip()}"
        when = _when_local(p.created_at, tz)
        # The transfer's reference wraps in its cell, whole.
        rows.append(
            [p.number, when, Paragraph(_esc(how), _cell(st)), format_rupiah(p.amount, lang)]
        )
    fractions = (0.15, 0.3, 0.31, 0.24)
    if not payouts:
        rows.append([_w("none", lang), "", "", ""])
        return _small_table(st, rows, width, fractions, right_from=3)
    paid = format_rupiah(sum(p.amount for p in payouts), lang)
    rows.append([_w("total", lang), "", "", paid])
    table = _small_table(st, rows, width, fractions, total=True, right_from=3)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _stock_table(st: _Styles, s: ArtisanStatement, lang: str, width: float) -> Table:
    """Each product's stock as the sum of its moves; a product to count is marked in red."""
    rows: list[list] = [
        [
            _w("code", lang),
            _w("product", lang),
            _w("stock_received", lang),
            _w("sold", lang),
            _w("stock_refunded", lang),
            _w("returned", lang),
            _w("count_diff", lang),
            _w("left", lang),
            _w("status", lang),
        ]
    ]
    # "Refunded" and "perlu dihitung" in bold 7.5 pt need these widths (of 510 pt).
    fractions = (0.085, 0.255, 0.09, 0.07, 0.095, 0.095, 0.08, 0.07, 0.16)
    flagged = []
    for i, line in enumerate(s.stock, start=1):
        rows.append(
            [
                line.sku,
                fonts.ellipsize(line.name, st.regular, 7.5, width * fractions[1] - 6),
                _n(line.received, lang),
                _n(line.sold, lang),
                _n(line.refunded, lang),
                _n(line.returned, lang),
                _signed(line.counted_diff),
                _n(line.left, lang),
                _w("needs_count", lang) if line.needs_count else "",
            ]
        )
        if line.needs_count:
            flagged.append(i)
    open_row = None
    if s.open_price is not None:  # sold without a product: in the sales, in no stock line
        room = width * (fractions[1] + fractions[2]) - 6  # the name spans "received" too
        name = fonts.ellipsize(_w("open_price_stock", lang), st.regular, 7.5, room)
        rows.append(["", name, "", _n(s.open_price.items, lang), "", "", "", "", ""])
        open_row = len(rows) - 1
    rows.append(
        [
            "",
            _w("total", lang),
            _n(sum(x.received for x in s.stock), lang),
            _n(sum(x.sold for x in s.stock), lang),
            _n(sum(x.refunded for x in s.stock), lang),
            _n(sum(x.returned for x in s.stock), lang),
            _signed(sum(x.counted_diff for x in s.stock)),
            _n(sum(x.left for x in s.stock), lang),
            "",
        ]
    )
    table = _small_table(st, rows, width, fractions, total=True, right_from=2)
    extra = [("ALIGN", (8, 0), (8, -1), "LEFT")]
    if open_row is not None:
        extra += [
            ("SPAN", (1, open_row), (2, open_row)),
            ("ALIGN", (1, open_row), (1, open_row), "LEFT"),
        ]
    for i in flagged:
        extra += [("TEXTCOLOR", (7, i), (8, i), SHORT), ("FONTNAME", (7, i), (8, i), st.bold)]
    table.setStyle(TableStyle(extra))
    return table


def _settlement(st: _Styles, t: ArtisanFigures, lang: str, width: float) -> Table:
    """Net, commission, payout owed, paid out and, large, the balance still owed."""
    rp = lambda v: format_rupiah(v, lang)  # noqa: E731
    rows = [
        [_w("net", lang), rp(t.net)],
        [_w("commission_of", lang, rate=format_rates(t.all_rates, lang)), rp(-t.commission)],
        [_w("payout_owed", lang), rp(t.payout)],
        [_w("paid_out", lang), rp(-t.paid_out)],
        [_w("balance", lang), rp(t.balance)],
    ]
    table = Table(rows, colWidths=[width * 0.6, width * 0.4])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.regular),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("FONTNAME", (0, 2), (-1, 2), st.bold),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("BACKGROUND", (0, 0), (-1, -1), TOTAL_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("FONTNAME", (0, -1), (-1, -1), st.bold),
                ("FONTSIZE", (0, -1), (-1, -1), 12),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
                ("TOPPADDING", (0, -1), (-1, -1), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ]
        )
    )
    return table


def _day_rows(s: ArtisanStatement, lang: str) -> list[list]:
    t = s.total
    head = ("date", "items", "gross", "discounts", "refunds", "net", "commission", "payout")
    rows: list[list] = [[_w(key, lang) for key in head]]
    for d in [*s.days, None]:
        f = t if d is None else d.figures
        first = (
            f"{_w('total', lang)} ({format_rates(t.all_rates, lang)})"
            if d is None
            else d.business_date.isoformat()
        )
        figures = (f.items, f.gross, f.discounts, f.refunds, f.net, f.commission, f.payout)
        rows.append([first, *(_n(v, lang) for v in figures)])
    return rows


def _statement(
    st: _Styles, s: ArtisanStatement, lang: str, width: float, now: datetime, tz: str
) -> list:
    """One artisan's settlement: sales, stock, notes, counts, payments, balance, signatures."""
    t = s.total
    h2 = lambda key: Paragraph(_esc(_w(key, lang)), st.h2)  # noqa: E731
    inner = ParagraphStyle("inner", parent=st.h2, leftIndent=6)  # in line with the page's
    h2_in = lambda key: Paragraph(_esc(_w(key, lang)), inner)  # noqa: E731
    half = (width - 6 * mm) / 2
    story = [
        Paragraph(_esc(f"{_w('statement', lang)}: {t.name} ({t.code})"), st.title),
        Paragraph(_esc(" · ".join(x for x in (s.stand_name, s.event_name, s.venue) if x)), st.sub),
        Paragraph(_esc(_w("printed", lang, when=now.strftime("%Y-%m-%d %H:%M"))), st.sub),
        h2("per_day"),
        _small_table(st, _day_rows(s, lang), width, [1.3 / 8] + [0.957 / 8] * 7, total=True),
        Paragraph(_esc(_w("rounding_note", lang)), st.note),
        h2("stock"),
        _stock_table(st, s, lang, width),
    ]
    if s.needs_count:
        names = ", ".join(f"{x.name} ({x.sku})" for x in s.needs_count)
        warn = ParagraphStyle("warn", parent=st.body, textColor=SHORT, fontName=st.bold)
        story += [
            Spacer(1, 1 * mm),
            Paragraph(_esc(_w("needs_count_note", lang, products=names)), warn),
        ]
    story += [
        _side_by_side(
            [h2_in("intakes"), _notes_table(st, s.intakes, lang, half, tz)],
            [h2_in("returns"), _notes_table(st, s.returns, lang, half, tz)],
            width,
        ),
        _side_by_side(
            [h2_in("counts"), _counts_table(st, s.counts, lang, half)],
            [h2_in("payments_made"), _payouts_table(st, s.payouts, lang, half, tz)],
            width,
        ),
    ]
    # The settlement, what signing means and the signatures stay together: the last page.
    story.append(
        KeepTogether(
            [
                h2("settlement"),
                _settlement(st, t, lang, width),
                Spacer(1, 2.5 * mm),
                Paragraph(_esc(_w("agree", lang)), st.body),
                Spacer(1, 1 * mm),
                signatures(
                    st,
                    width,
                    [
                        (_w("sign_artisan", lang), f"{t.code} · {t.name}", _w("sign_line", lang)),
                        (_w("sign_coordinator", lang), "", _w("sign_line", lang)),
                    ],
                    space=18 * mm,
                ),
            ]
        )
    )
    return story


def render_statements_pdf(
    statements: Sequence[ArtisanStatement],
    lang: str = "id",
    now: datetime | None = None,
    *,
    timezone: str = DEFAULT_TIMEZONE,
) -> bytes:
    """Every artisan's end-of-event statement, a page each, ready to sign, as PDF bytes.

    Each is the artisan's settlement: sales per day, the stock as the sum of its moves
    (received, sold, refunded, returned, count differences, left; products to count marked),
    the intake and return notes, count differences, payments made, and the balance still
    owed, above the two signatures.

    Args:
        statements: one per artisan (``services.reports.artisan_statements``).
        lang: "id" or "en".
        now: the time printed in the header (default: now, local).
        timezone: the event's time zone, for the dates of notes and payments.

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
        story += _statement(st, s, lang, width, now, timezone)
    return _pdf(story, _w("statement", lang))
