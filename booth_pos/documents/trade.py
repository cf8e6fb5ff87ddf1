"""What the bulk buyer's papers share (issue 17): words in English, French and Indonesian,
money in the buyer's currency beside the rupiah, the stand's header and the Code128 number.

The quotation (``quotation.py``), the pro-forma invoice (``proforma.py``) and the artisan's
production order (``production_order.py``) are A4 platypus documents, like the reports.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from fractions import Fraction

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_currency_precision
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from booth_pos.documents import bars, fonts
from booth_pos.documents.catalogue import ACCENT, load_photo
from booth_pos.documents.report import MUTED, _esc, _Styles
from booth_pos.model import Settings
from booth_pos.money import format_rupiah, to_minor_units

LANGS = ("en", "fr", "id")
#: The frame's text width: the page less 15 mm margins and the frame's 6 pt padding a side.
WIDTH = A4[0] - 30 * mm - 12

# key: (English, French, Indonesian)
WORDS: dict[str, tuple[str, str, str]] = {
    "quotation": ("Quotation", "Devis", "Penawaran Harga"),
    "proforma": ("Pro-forma invoice", "Facture pro forma", "Faktur Proforma"),
    "production": ("Production order", "Bon de fabrication", "Surat Perintah Produksi"),
    "number": ("Number", "Numéro", "Nomor"),
    "date": ("Date", "Date", "Tanggal"),
    "valid_until": ("Valid until", "Valable jusqu'au", "Berlaku sampai"),
    "ready_by": ("Ready by", "Prêt le", "Siap pada"),
    "due": ("Due", "À livrer le", "Selesai paling lambat"),
    "buyer": ("Buyer", "Acheteur", "Pembeli"),
    "seller": ("Seller", "Vendeur", "Penjual"),
    "artisan": ("Artisan", "Artisan", "Pengrajin"),
    "order": ("Order", "Commande", "Pesanan"),
    "quote": ("Quotation", "Devis", "Penawaran"),
    "product": ("Product", "Produit", "Produk"),
    "photo": ("", "", ""),
    "qty": ("Qty", "Qté", "Jumlah"),
    "unit_price": ("Unit price", "Prix unitaire", "Harga satuan"),
    "amount": ("Amount", "Montant", "Jumlah harga"),
    "moq": ("MOQ", "Qté min.", "Min. pesan"),
    "lead": ("Lead time", "Délai", "Waktu produksi"),
    "days": ("{n} days", "{n} jours", "{n} hari"),
    "total": ("Total", "Total", "Total"),
    "rate": (
        "Rate: 1 {code} = IDR {rate}. Rupiah amounts are binding; amounts in {code} are the "
        "rupiah converted at this rate.",
        "Taux : 1 {code} = {rate} IDR. Les montants en roupies font foi ; les montants en "
        "{code} sont convertis à ce taux.",
        "Kurs: 1 {code} = Rp {rate}. Jumlah rupiah yang mengikat; jumlah dalam {code} adalah "
        "rupiah yang dikonversi dengan kurs ini.",
    ),
    "terms": ("Payment terms", "Conditions de paiement", "Syarat pembayaran"),
    "deposit_terms": (
        "Deposit of {pct} ({amount}) on order; the balance on delivery.",
        "Acompte de {pct} ({amount}) à la commande ; le solde à la livraison.",
        "Uang muka {pct} ({amount}) saat memesan; sisanya saat barang diserahkan.",
    ),
    "bank": ("Bank details", "Coordonnées bancaires", "Rekening bank"),
    "validity": (
        "Prices are valid until {date}. Goods ready {days} days after the order (by {ready} "
        "if ordered today).",
        "Prix valables jusqu'au {date}. Marchandise prête {days} jours après la commande (le "
        "{ready} pour une commande ce jour).",
        "Harga berlaku sampai {date}. Barang siap {days} hari setelah pesanan (tanggal {ready} "
        "bila dipesan hari ini).",
    ),
    "page": ("{number} · page {n}", "{number} · page {n}", "{number} · halaman {n}"),
    "hs": ("HS code / description", "Code SH / désignation", "Kode HS / uraian"),
    "incoterm": ("Incoterm", "Incoterm", "Incoterm"),
    "origin": (
        "Country of origin: Indonesia",
        "Pays d'origine : Indonésie",
        "Negara asal: Indonesia",
    ),
    "deposit_paid": ("Deposit received", "Acompte reçu", "Uang muka diterima"),
    "paid_delivery": ("Paid at delivery", "Payé à la livraison", "Dibayar saat penyerahan"),
    "balance": ("Balance due", "Solde dû", "Sisa tagihan"),
    "proforma_note": (
        "Pro-forma invoice: not a tax invoice. For the buyer's bank and customs.",
        "Facture pro forma : ne vaut pas facture. Pour la banque et la douane de l'acheteur.",
        "Faktur proforma: bukan faktur pajak. Untuk bank dan bea cukai pembeli.",
    ),
    "artisan_price": ("Paid to artisan", "Payé à l'artisan", "Dibayar ke pengrajin"),
    "commission": ("Commission {pct}", "Commission {pct}", "Komisi {pct}"),
    "production_note": (
        "Please make the goods above by the due date. The stand pays the amounts in the last "
        "column (after its commission) once the buyer has taken delivery.",
        "Merci de fabriquer ces articles pour la date indiquée. Le stand paie la dernière "
        "colonne (après commission) une fois la marchandise livrée à l'acheteur.",
        "Mohon buat barang di atas paling lambat tanggal selesai. Stan membayar jumlah di "
        "kolom terakhir (setelah komisi) setelah barang diserahkan kepada pembeli.",
    ),
    "sign_artisan": ("Artisan", "Artisan", "Pengrajin"),
    "sign_coordinator": ("Coordinator", "Coordinateur", "Koordinator"),
    "sign_buyer": ("Buyer", "Acheteur", "Pembeli"),
    "sign_seller": ("For the seller", "Pour le vendeur", "Untuk penjual"),
}


def w(key: str, lang: str, **values) -> str:
    en, fr, idn = WORDS[key]
    text = {"en": en, "fr": fr, "id": idn}[lang]
    return text.format(**values) if values else text


def _locale(lang: str) -> str:
    return {"en": "en", "fr": "fr_FR", "id": "id_ID"}[lang]


def rupiah(amount: int, lang: str) -> str:
    """Whole rupiah: ``Rp 150.000`` (id), ``IDR 150,000`` (en), ``150 000 IDR`` (fr)."""
    if lang == "fr":
        return f"{format_decimal(amount, '#,##0', locale='fr_FR')} IDR".replace("\u202f", " ")
    return format_rupiah(amount, lang)


def foreign(rupiah_amount: int, rate: Fraction, currency: str, lang: str) -> str:
    """``rupiah_amount`` in ``currency``, rounded half up to its minor unit, as the buyer
    reads it (``€7.83``, ``7,83 €``); the ISO code when the font lacks the sign."""
    minor = to_minor_units(rupiah_amount, rate, currency)
    digits = get_currency_precision(currency)
    amount = Decimal(minor).scaleb(-digits)
    text = format_currency(amount, currency, locale=_locale(lang))
    if fonts.missing_chars(text):
        pattern = "¤¤ #,##0" + ("." + "0" * digits if digits else "")
        text = format_currency(
            amount, currency, locale=_locale(lang), format=pattern, currency_digits=False
        )
    return text.replace("\u202f", " ").replace("\xa0", " ")


def rate_number(rate: Fraction, lang: str) -> str:
    whole, rest = divmod(rate.numerator, rate.denominator)
    text = format_decimal(whole, "#,##0", locale=_locale(lang)).replace("\u202f", " ")
    if rest:
        frac = str(Decimal(rate.numerator) / Decimal(rate.denominator)).split(".")[1][:4]
        text += ("." if lang == "en" else ",") + frac.rstrip("0")
    return text


def day(d: date, lang: str) -> str:
    return format_date(d, "d MMMM y", locale=_locale(lang))


class Bars(Flowable):
    """A Code128 as a flowable (the document's number, top right)."""

    def __init__(self, value: str, height: float = 12 * mm, max_width: float = 60 * mm):
        super().__init__()
        self.code = bars.fit_module_dots("code128", value, max_width, preferred=3)
        self.height = height

    def wrap(self, available_width, available_height):
        return self.code.width, self.height

    def draw(self):
        bars.draw(self.canv, self.code, 0, 0, self.height)


class Styles(_Styles):
    def __init__(self):
        super().__init__()
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=8.5, leading=10.5)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=self.bold)
        self.small = ParagraphStyle("small", parent=self.cell, fontSize=7.5, leading=9,
                                    textColor=MUTED)  # fmt: skip
        self.right = ParagraphStyle("right", parent=self.cell, alignment=2)
        self.right_bold = ParagraphStyle("rightb", parent=self.right, fontName=self.bold)
        self.right_small = ParagraphStyle("rights", parent=self.small, alignment=2)
        self.label = ParagraphStyle("label", parent=self.cell, textColor=MUTED)
        self.doc_title = ParagraphStyle(
            "dt", fontName=self.bold, fontSize=18, leading=22, alignment=2,
            textColor=_accent(),
        )  # fmt: skip
        self.stand = ParagraphStyle(
            "stand", fontName=self.bold, fontSize=15, leading=19, textColor=_accent()
        )


def _accent():
    from reportlab.lib.colors import Color

    return Color(*ACCENT)


def p(text: str, style) -> Paragraph:
    return Paragraph(_esc(text).replace("\n", "<br/>"), style)


def header(st: Styles, settings: Settings, title: str, number: str, facts, lang: str) -> Table:
    """The stand (name, header lines, contact, event) left; title, number, facts and the
    Code128 of the number right."""
    left = [p(settings.stand_name, st.stand)]
    head = settings.receipt_header_for("id" if lang == "id" else "en").strip()
    if head and head != settings.stand_name:
        left.append(p(head, st.sub))
    place = " · ".join(x.strip() for x in (settings.event_name, settings.venue) if x.strip())
    if place:
        left.append(p(place, st.sub))
    if settings.contact.strip():
        left.append(p(settings.contact.strip(), st.sub))
    right = [p(title, st.doc_title), Spacer(1, 2 * mm), Bars(number), p(number, st.right_bold)]
    for label, value in facts:
        sep = " : " if lang == "fr" else ": "  # French puts a space before the colon
        right.append(p(f"{label}{sep}{value}", st.right))
    table = Table([[left, right]], colWidths=[WIDTH * 0.55, WIDTH * 0.45])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def country(code: str, lang: str) -> str:
    """``FR`` -> ``France`` / ``Prancis`` in ``lang`` (CLDR); an unknown code as it is."""
    from babel import Locale

    return Locale.parse(_locale(lang)).territories.get(code.upper(), code) if code else ""


def percent(bp: int, lang: str) -> str:
    """``30%`` (en), ``30 %`` (fr, with its space), ``30%`` (id, decimal comma)."""
    from booth_pos.money import format_percent

    text = format_percent(bp, "en" if lang == "en" else "id")
    return text.replace("%", " %") if lang == "fr" else text


def party_box(st: Styles, label: str, lines: list[str]) -> list:
    out = [p(label, st.label)]
    lines = [x for x in lines if x and x.strip()]
    if lines:
        out.append(p(lines[0], st.cell_bold))
        out += [p(x, st.cell) for x in lines[1:]]
    return out


class _Photo(Flowable):
    """A product photo scaled into a square cell (an ``ImageReader``, already small)."""

    def __init__(self, reader, size: float):
        super().__init__()
        iw, ih = reader.getSize()
        scale = min(size / iw, size / ih)
        self.reader, self.w, self.h = reader, iw * scale, ih * scale

    def wrap(self, available_width, available_height):
        return self.w, self.h

    def draw(self):
        self.canv.drawImage(self.reader, 0, 0, self.w, self.h)


def photo(image: str, image_dir, size: float = 16 * mm):
    """The product's photo for a table cell, or "" (a missing or bad photo is logged)."""
    reader = load_photo(image, image_dir)
    return "" if reader is None else _Photo(reader, size)


def lines_table(st: Styles, rows: list[list], widths: list[float], right_from: int) -> Table:
    """A ruled table of lines; the header's words wrap in their column (never overlap)."""
    head_left = ParagraphStyle("hl", parent=st.cell_bold, fontSize=8, leading=9.5)
    head_right = ParagraphStyle("hr", parent=head_left, alignment=2)
    rows = [
        [p(c, head_right if i >= right_from else head_left) if isinstance(c, str) else c
         for i, c in enumerate(rows[0])],
        *rows[1:],
    ]  # fmt: skip
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), st.bold),
                ("FONTSIZE", (0, 0), (-1, 0), 8),
                ("BACKGROUND", (0, 0), (-1, 0), "#F1E7E2"),
                ("ALIGN", (right_from, 0), (-1, 0), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#C9C9C9"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def build(story: list, title: str, number: str, lang: str) -> bytes:
    """An A4 PDF of ``story`` with ``NUMBER · page N`` at the foot of each page."""
    regular = fonts.register().regular

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, w("page", lang, number=number, n=doc.page))
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=14 * mm,
        bottomMargin=16 * mm, title=f"{title} {number}", author="Booth POS",
        invariant=1,
    )  # fmt: skip
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
