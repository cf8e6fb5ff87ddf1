"""Intake and return notes (nota barang masuk / kembali): the paper both sides sign.

An intake note ``IN-0001`` lists what an artisan brought to the stand, a return note
``RT-0001`` what went back home; both at selling price, so artisan and coordinator agree on
the value of the goods that changed hands. Each comes on A4 (platypus, like the reports) and
on 80 or 58 mm roll paper (the receipt's blocks, so the PDF folder, the ESC/POS printer and
the system printer all print it), in the note's language, with the note number as Code128.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from booth_pos.documents import bars, fonts
from booth_pos.documents.receipt import (
    Block,
    Code,
    Document,
    Pair,
    Rule,
    Sign,
    Text,
    header_lines,
    local_time,
    render_blocks,
)
from booth_pos.documents.report import MUTED, _esc, _Styles, _table, signatures
from booth_pos.documents.strings import check_lang, count, t
from booth_pos.model import Settings
from booth_pos.model.stock import NoteKind, StockNote
from booth_pos.money import format_number, format_rupiah

PAPERS = ("a4", "80mm", "58mm")

# key: (Indonesian, English)
_WORDS: dict[str, tuple[str, str]] = {
    "intake_title": ("Nota Barang Masuk", "Intake note"),
    "return_title": ("Nota Barang Kembali", "Return note"),
    "number": ("No. nota", "Note no."),
    "note": ("Catatan", "Note"),
    "line_no": ("No.", "No."),
    "sku": ("Kode", "SKU"),
    "product": ("Produk", "Product"),
    "qty": ("Jumlah", "Qty"),
    "price": ("Harga jual", "Selling price"),
    "value": ("Nilai", "Value"),
    "total": ("TOTAL", "TOTAL"),
    "total_units": ("Jumlah barang", "Units"),
    "total_value": ("NILAI (harga jual)", "VALUE (selling price)"),
    "at_price": (
        "Nilai dihitung dengan harga jual yang berlaku saat nota dibuat.",
        "Values are at the selling prices in force when the note was made.",
    ),
    "intake_agree": (
        "Pengrajin menyerahkan dan koordinator menerima barang di atas untuk dijual secara "
        "konsinyasi di stan.",
        "The artisan hands over, and the coordinator receives, the goods above for sale on "
        "consignment at the stand.",
    ),
    "return_agree": (
        "Koordinator mengembalikan dan pengrajin menerima kembali barang di atas dalam keadaan "
        "baik.",
        "The coordinator hands back, and the artisan receives, the goods above in good order.",
    ),
    "page": ("{number} · halaman {n}", "{number} · page {n}"),
}

_TITLES = {NoteKind.INTAKE: "intake_title", NoteKind.RETURN: "return_title"}
_AGREE = {NoteKind.INTAKE: "intake_agree", NoteKind.RETURN: "return_agree"}


def _w(key: str, lang: str, **values) -> str:
    idn, eng = _WORDS[key]
    text = idn if check_lang(lang) == "id" else eng
    return text.format(**values) if values else text


def _kind(note: StockNote) -> NoteKind:
    kind = NoteKind(note.kind)
    if kind not in _TITLES:
        raise ValueError(f"only intake and return notes are printed, not {kind.value}")
    return kind


def _artisan(note: StockNote) -> str:
    return " · ".join(x for x in (note.artisan_code, note.artisan_name.strip()) if x)


def _lang(settings: Settings, lang: str | None) -> str:
    return check_lang(lang or settings.receipt_lang or "id")


# -- roll paper -------------------------------------------------------------------------------


def stock_note_blocks(note: StockNote, settings: Settings, lang: str) -> list[Block]:
    """What the note says on roll paper, in reading order.

    Args:
        note: an intake or return note as recorded.
        settings: stand name, header lines, event, venue, time zone.
        lang: ``id`` or ``en``.

    Returns:
        The blocks (``receipt.render_blocks`` or the ESC/POS printer lay them out).
    """
    check_lang(lang)
    kind = _kind(note)
    rp = lambda amount: format_rupiah(amount, lang)  # noqa: E731
    out: list[Block] = [Text(settings.stand_name, "center", "title")]
    out += header_lines(settings, lang)
    if settings.event_name.strip():
        out.append(Text(settings.event_name.strip(), "center"))
    if settings.venue.strip():
        out.append(Text(settings.venue.strip(), "center", "small"))
    out += [
        Text(_w(_TITLES[kind], lang).upper(), "center", "title"),
        Rule(),
        Pair(_w("number", lang), note.number, "bold"),
        Pair(t("date", lang), local_time(note.created_at, settings, lang)),
    ]
    if note.staff.strip():
        out.append(Pair(t("staff", lang), note.staff.strip()))
    out.append(Text(f"{t('artisan', lang)}: {_artisan(note)}", style="bold"))
    if note.note.strip():
        out.append(Text(f"{_w('note', lang)}: {note.note.strip()}", style="small"))
    out.append(Rule())
    for line in note.lines:
        out.append(Text(line.name, style="bold"))
        out.append(
            Pair(f"{line.sku} · {line.units} x {rp(line.unit_price)}", rp(line.value), indent=True)
        )
    out += [
        Rule(),
        Pair(_w("total_units", lang), count(note.qty, "units", lang)),
        Pair(_w("total_value", lang), rp(note.value), "total"),
        Text(_w("at_price", lang), style="small"),
        Rule(),
        Text(_w(_AGREE[kind], lang), style="small"),
        Sign(t("sign_artisan", lang), _artisan(note)),
        Sign(t("sign_coordinator", lang), note.staff.strip()),
        Code(note.number),
        Text(note.number, "center", "small"),
    ]
    return out


def stock_note_document(
    note: StockNote, settings: Settings, *, lang: str | None = None
) -> Document:
    """The note ready for any roll-paper printer (``printing.print_document``); never opens
    the drawer."""
    return Document(note.number, stock_note_blocks(note, settings, _lang(settings, lang)))


# -- A4 ---------------------------------------------------------------------------------------


class _Bars(Flowable):
    """A barcode as a platypus flowable (the note's number at the top of the A4 page).

    Here, not in ``bars``: receipts draw on a canvas and never load platypus.
    """

    def __init__(self, code: bars.Barcode, height: float):
        super().__init__()
        self.code = code
        self.height = height

    def wrap(self, available_width, available_height):
        return self.code.width, self.height

    def draw(self):
        bars.draw(self.canv, self.code, 0, 0, self.height)


def _a4_story(note: StockNote, settings: Settings, lang: str) -> list:
    kind = _kind(note)
    st = _Styles()
    width = A4[0] - 30 * mm - 12  # the frame's text width (6 pt padding each side)
    rp = lambda amount: format_rupiah(amount, lang)  # noqa: E731
    name_style = ParagraphStyle("name", fontName=st.regular, fontSize=8.5, leading=10.5)
    label = ParagraphStyle("label", parent=name_style, textColor=MUTED)
    value = ParagraphStyle("value", parent=name_style, fontName=st.bold, fontSize=9.5, leading=12)

    place = [x.strip() for x in (settings.event_name, settings.venue) if x.strip()]
    heads = [h.text for h in header_lines(settings, lang)]
    left = [Paragraph(_esc(settings.stand_name), st.title)]
    left += [Paragraph(_esc(line), st.sub) for line in heads]
    if place:
        left.append(Paragraph(_esc(" · ".join(place)), st.sub))
    left += [Spacer(1, 3 * mm), Paragraph(_esc(_w(_TITLES[kind], lang)), st.title)]
    code = bars.fit_module_dots("code128", note.number, 62 * mm, preferred=3)
    right = [
        _Bars(code, 13 * mm),
        Spacer(1, 1 * mm),
        Paragraph(_esc(note.number), ParagraphStyle("no", parent=st.code, alignment=1)),
    ]
    top = Table([[left, right]], colWidths=[width - code.width - 4, code.width + 4])
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )

    info = [
        (_w("number", lang), note.number),
        (t("artisan", lang), _artisan(note)),
        (t("date", lang), local_time(note.created_at, settings, lang)),
    ]
    if note.staff.strip():
        info.append((t("staff", lang), note.staff.strip()))
    if note.note.strip():
        info.append((_w("note", lang), note.note.strip()))
    info_table = Table(
        [[Paragraph(_esc(k), label), Paragraph(_esc(v), value)] for k, v in info],
        colWidths=[32 * mm, width - 32 * mm],
    )
    info_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )

    rows: list[list] = [
        [
            _w("line_no", lang),
            _w("sku", lang),
            _w("product", lang),
            _w("qty", lang),
            _w("price", lang),
            _w("value", lang),
        ]
    ]
    for i, line in enumerate(note.lines, start=1):
        rows.append(
            [
                str(i),
                line.sku,
                Paragraph(_esc(line.name), name_style),  # a long name wraps in its cell
                format_number(line.units, lang),
                rp(line.unit_price),
                rp(line.value),
            ]
        )
    rows.append(["", "", _w("total", lang), format_number(note.qty, lang), "", rp(note.value)])
    widths = [width * f for f in (0.05, 0.14, 0.41, 0.09, 0.15, 0.16)]
    lines = _table(st, rows, widths, total=True, right_from=3, size=8.5)
    lines.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))

    sign = signatures(
        st,
        width,
        [
            (t("sign_artisan", lang), _artisan(note), t("sign_caption", lang)),
            (t("sign_coordinator", lang), note.staff.strip(), t("sign_caption", lang)),
        ],
    )
    return [
        top,
        Spacer(1, 4 * mm),
        info_table,
        Spacer(1, 4 * mm),
        lines,
        Spacer(1, 1.5 * mm),
        Paragraph(_esc(_w("at_price", lang)), st.note),
        Spacer(1, 6 * mm),
        KeepTogether([Paragraph(_esc(_w(_AGREE[kind], lang)), st.body), Spacer(1, 2 * mm), sign]),
    ]


def _render_a4(note: StockNote, settings: Settings, lang: str) -> bytes:
    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.register().regular, 7)
        canvas.setFillColor(MUTED)
        text = _w("page", lang, number=note.number, n=doc.page)
        canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, text)
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=15 * mm,
        title=f"{_w(_TITLES[_kind(note)], lang)} {note.number}",
        author="Booth POS",
    )
    doc.build(_a4_story(note, settings, lang), onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def render_stock_note(
    note: StockNote, settings: Settings, *, lang: str | None = None, paper: str = "a4"
) -> bytes:
    """An intake or return note as a PDF to sign.

    Args:
        note: the note as recorded (``NoteKind.INTAKE`` or ``NoteKind.RETURN``).
        settings: the stand's settings (header, event, venue, time zone).
        lang: ``id`` or ``en``; default the receipt language of the settings.
        paper: ``a4`` (pages as many as the lines need), ``80mm`` or ``58mm`` (one strip).

    Returns:
        PDF bytes.
    """
    lang = _lang(settings, lang)
    if paper == "a4":
        return _render_a4(note, settings, lang)
    if paper not in PAPERS:
        raise ValueError(f"a note is printed on {', '.join(PAPERS)}, not {paper!r}")
    blocks = stock_note_blocks(note, settings, lang)
    return render_blocks(blocks, width_mm=int(paper.removesuffix("mm")), title=note.number)
