"""The consignment cycle's papers: intake and return notes, payout receipts, day slips and the
settlement statement, read back as the artisan, the coordinator, a scanner and a printer would.

Built from domain objects made here (the documents never see the store), so every figure the
test looks for is one it put in, formatted as the reader expects it.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from escpos.printer import Dummy
from helpers.documents import decode, rasterise, read_pdf, squash

from booth_pos.documents import receipt
from booth_pos.documents.day_slip import day_slip_document, render_day_slips
from booth_pos.documents.payout_receipt import (
    payout_blocks,
    payout_document,
    render_payout_receipt,
)
from booth_pos.documents.report import render_statements_pdf
from booth_pos.documents.stock_notes import (
    render_stock_note,
    stock_note_blocks,
    stock_note_document,
)
from booth_pos.model import KnownError, Settings
from booth_pos.model.report import (
    ArtisanFigures,
    ArtisanStatement,
    DaySlip,
    SlipLine,
    StatementDay,
    StockLine,
)
from booth_pos.model.stock import NoteKind, NoteLine, Payout, PayoutMethod, StockNote
from booth_pos.money import format_rupiah
from booth_pos.printing import (
    PrinterError,
    default_pdf_folder,
    print_document,
    print_document_after_commit,
    save_pdf,
)
from booth_pos.printing.pdf import PdfFolderPrinter
from booth_pos.printing.thermal import EscPosPrinter

CODE128 = b"\x1dkI"
DRAWER = b"\x1bp"
LONG = (
    "Kain Batik Krakatau Tulis Motif Badak Bercula Satu dengan Pewarna Alam Indigo dan Soga (2,5 m)"
)
SETTINGS = Settings(
    stand_name="Stan Kriya Nusantara",
    event_name="Ina Craft 2023",
    venue="JCC Senayan, Jakarta",
    receipt_header="Dekranasda Provinsi Banten",
)
AT_10_WIB = datetime(2023, 3, 1, 3, 0, tzinfo=UTC)  # 10:00 in Jakarta
WHEN = {"id": "1 Mar 2023 10:00 WIB", "en": "1 Mar 2023 10:00 WIB"}


def rp(amount: int, lang: str) -> str:
    return squash(format_rupiah(amount, lang))


def intake(**kw) -> StockNote:
    """Batik Krakatau brings three products on the first morning; Dewi receives them."""
    lines = (
        NoteLine("BKR-01", "Kain batik tulis", 3, 850_000),
        NoteLine("BKR-02", "Selendang batik cap", 10, 175_000),
        NoteLine("BKR-03", "Masker Batik", 25, 25_000),
    )
    values = dict(
        number="IN-0001",
        kind=NoteKind.INTAKE,
        artisan_code="BKR",
        artisan_name="Batik Krakatau",
        created_at=AT_10_WIB,
        staff="Dewi",
        note="Dibawa Bu Siti, dua tas",
        lines=lines,
    )
    values.update(kw)
    return StockNote(**values)


def return_note() -> StockNote:
    """The end of the event: what was left goes home (moves are negative on a return)."""
    return intake(
        number="RT-0001",
        kind=NoteKind.RETURN,
        note="",
        lines=(
            NoteLine("BKR-01", "Kain batik tulis", -2, 850_000),
            NoteLine("BKR-03", "Masker Batik", -4, 25_000),
        ),
    )


def payout(method=PayoutMethod.TRANSFER, **kw) -> Payout:
    values = dict(
        number="PO-0002",
        artisan_code="BKR",
        artisan_name="Batik Krakatau",
        amount=2_000_000,
        method=method,
        reference="BCA 0123 4567 89" if method is PayoutMethod.TRANSFER else "",
        day_id=3,
        created_at=AT_10_WIB,
        staff="Dewi",
        supervisor="Agus",
        owed_before=3_466_875,
    )
    values.update(kw)
    return Payout(**values)


FIGURES = ArtisanFigures(
    "BKR", "Batik Krakatau", 1250, 14, 5_400_000, 120_000, 175_000, 5_105_000, 638_125,
    4_466_875, paid_out=1_000_000,
)  # fmt: skip


def slips() -> list[DaySlip]:
    day = ArtisanFigures(
        "BKR", "Batik Krakatau", 1250, 17, 1_870_000, 50_000, 0, 1_820_000, 227_500, 1_592_500,
        paid_out=500_000,
    )  # fmt: skip
    quiet = ArtisanFigures("ECO", "Sekar Ecoprint", 1500, 0, 0, 0, 0, 0, 0, 0)
    lines = (
        SlipLine("BKR-01", LONG, 1, 850_000),
        SlipLine("BKR-02", "Selendang batik cap", 4, 670_000),
        SlipLine("BKR-03", "Masker Batik", 12, 300_000),
    )
    return [
        DaySlip(
            "Stan Kriya Nusantara",
            "Ina Craft 2023",
            date(2023, 3, 2),
            "BKR",
            "Batik Krakatau",
            lines,
            day,
            2_466_875,
        ),  # fmt: skip
        DaySlip(
            "Stan Kriya Nusantara",
            "Ina Craft 2023",
            date(2023, 3, 2),
            "ECO",
            "Sekar Ecoprint",
            (),
            quiet,
            750_000,
        ),  # fmt: skip
    ]


def line_gaps_mm(page) -> list[float]:
    """Blank heights between consecutive lines of text on a page, top to bottom."""
    tops = sorted({round(box[3], 1) for _, box in page.boxes}, reverse=True)
    bottoms = {}
    for _, (_, bottom, _, top) in page.boxes:
        key = round(top, 1)
        bottoms[key] = min(bottoms.get(key, bottom), bottom)
    return [bottoms[a] - b for a, b in zip(tops, tops[1:], strict=False)]


def inside_the_roll(page, width: int) -> None:
    margin = (width - receipt.PRINTABLE_MM[width]) / 2
    for ch, (left, _bottom, right, _top) in page.boxes:
        assert margin - 0.2 <= left and right <= width - margin + 0.2, (ch, left, right)


def escpos(doc, width: int = 80) -> bytes:
    sent = Dummy()
    printer = EscPosPrinter("192.0.2.1:9100", width_mm=width, connector=lambda target: sent)
    print_document(doc, dataclasses.replace(SETTINGS, receipt_width=width), printer=printer)
    return sent.output


# -- intake and return notes ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_intake_note_on_a4_names_the_goods_their_value_and_both_signers(lang):
    """The A4 intake note: stand, title, artisan, time in WIB, staff, note, every line at
    selling price, totals to the rupiah, two places to sign, and its number as Code128."""
    note = intake()
    pdf = render_stock_note(note, SETTINGS, lang=lang, paper="a4")
    (page,) = read_pdf(pdf)
    assert round(page.width_mm) == 210 and round(page.height_mm) == 297
    text = squash(page.text)
    words = {
        "id": ("Nota Barang Masuk", "Pengrajin", "Koordinator", "Petugas", "Harga jual"),
        "en": ("Intake note", "Artisan", "Coordinator", "Staff", "Selling price"),
    }[lang]
    for word in words:
        assert word in text, word
    for part in (
        "Stan Kriya Nusantara",
        "Dekranasda Provinsi Banten",
        "Ina Craft 2023 · JCC Senayan, Jakarta",
        "BKR · Batik Krakatau",
        WHEN[lang],
        "Dewi",
        "Dibawa Bu Siti, dua tas",
    ):
        assert part in text, part
    for line in note.lines:
        price, value = rp(line.unit_price, lang), rp(line.value, lang)
        row = f"{line.sku} {line.name} {line.units} {price} {value}"
        assert row in text, row
    assert note.qty == 38 and note.value == 4_925_000
    assert f"TOTAL 38 {rp(4_925_000, lang)}" in text
    for image in rasterise(pdf, dpi=300).values():
        assert decode(image) == [("Code128", "IN-0001")]


@pytest.mark.parametrize("width", [80, 58])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_return_note_on_the_roll_counts_units_going_home(width, lang):
    """On roll paper the return note fits the print head, counts units as positive and its
    barcode scans as its number."""
    note = return_note()
    paper = f"{width}mm"
    pdf = render_stock_note(note, SETTINGS, lang=lang, paper=paper)
    (page,) = read_pdf(pdf)
    assert page.width_mm == pytest.approx(width, abs=0.1)
    inside_the_roll(page, width)
    text = squash(page.text)
    title, units = {"id": ("NOTA BARANG KEMBALI", "6 unit"), "en": ("RETURN NOTE", "6 units")}[lang]
    assert title in text and units in text
    assert f"BKR-01 · 2 x {rp(850_000, lang)} {rp(1_700_000, lang)}" in text
    assert rp(1_800_000, lang) in text  # 2 x 850.000 + 4 x 25.000
    assert "-" + rp(1_700_000, lang) not in text
    for image in rasterise(pdf, dpi=300).values():
        assert ("Code128", "RT-0001") in decode(image)


def test_a_long_product_name_wraps_whole_on_every_paper():
    """A long name is printed in full: wrapped in its cell on A4, over lines on the rolls,
    never past the margins."""
    note = intake(lines=(NoteLine("BKR-01", LONG, 3, 850_000),))
    (a4,) = read_pdf(render_stock_note(note, SETTINGS, lang="id"))
    assert LONG in squash(a4.text)
    for _ch, (left, _b, right, _t) in a4.boxes:
        assert 14 <= left and right <= 196
    for width in (80, 58):
        (page,) = read_pdf(render_stock_note(note, SETTINGS, lang="en", paper=f"{width}mm"))
        assert LONG in squash(page.text)
        inside_the_roll(page, width)


@pytest.mark.parametrize("paper", ["80mm", "58mm"])
def test_each_signer_gets_room_to_sign_on_the_roll(paper):
    """Artisan and coordinator each have at least 15 mm of blank paper above their line."""
    (page,) = read_pdf(render_stock_note(intake(), SETTINGS, lang="id", paper=paper))
    assert len([gap for gap in line_gaps_mm(page) if gap >= 15]) >= 2


def test_a4_signature_space_is_at_least_two_centimetres():
    (page,) = read_pdf(render_stock_note(intake(), SETTINGS, lang="id", paper="a4"))
    assert max(line_gaps_mm(page)) >= 20


def test_escpos_note_carries_its_number_as_native_code128_and_never_opens_the_drawer():
    """Through a thermal printer: the title, the figures, room to sign, GS k Code128 of
    IN-0001, and no drawer kick (no money moves with goods)."""
    doc = stock_note_document(intake(), SETTINGS, lang="en")
    assert doc.name == "IN-0001" and not doc.kick_drawer
    for width in (80, 58):
        out = escpos(doc, width)
        data = b"{BIN-0001"
        assert CODE128 + bytes([len(data)]) + data in out
        assert b"INTAKE NOTE" in out and b"IDR 4,925,000" in out and b"Coordinator" in out
        assert b"_" * 20 in out and b"\n\n\n\n\n" in out
        assert DRAWER not in out


def test_only_intake_and_return_notes_are_printed():
    """A count or an import has no paper of its own: asking for one is a bug."""
    with pytest.raises(ValueError, match="intake and return"):
        stock_note_blocks(intake(kind=NoteKind.COUNT), SETTINGS, "id")
    with pytest.raises(ValueError, match="a4"):
        render_stock_note(intake(), SETTINGS, lang="id", paper="letter")


def test_the_note_language_defaults_to_the_stands_receipt_language():
    english = dataclasses.replace(SETTINGS, receipt_lang="en")
    assert "Intake note" in squash(read_pdf(render_stock_note(intake(), english))[0].text)
    assert "Nota Barang Masuk" in squash(read_pdf(render_stock_note(intake(), SETTINGS))[0].text)


def test_a4_note_is_saved_in_the_pdf_folder_whatever_the_receipt_printer(tmp_path):
    """A thermal roll cannot print A4: the note goes beside the database, or to the PDF
    printer's folder when that is the printer chosen."""
    pdf = render_stock_note(intake(), SETTINGS, lang="id")
    thermal = dataclasses.replace(SETTINGS, printer="escpos", printer_target="10.0.0.5")
    db = tmp_path / "booth.sqlite"
    where = save_pdf(pdf, "IN-0001", thermal, db_path=db)
    assert where == str(default_pdf_folder(db) / "IN-0001.pdf")
    folder = dataclasses.replace(SETTINGS, printer="pdf", printer_target=str(tmp_path / "nota"))
    assert save_pdf(pdf, "IN-0001", folder) == str(tmp_path / "nota" / "IN-0001.pdf")
    assert (tmp_path / "nota" / "IN-0001.pdf").read_bytes() == pdf


# -- payout receipts ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_payout_receipt_shows_the_money_what_it_settles_and_the_balance_left(lang):
    """Amount, method and reference, the event's net, commission and payout owed, what was
    paid before, the balance before and after, who paid and approved, two signatures."""
    done = payout()
    pdf = render_payout_receipt(done, FIGURES, SETTINGS, lang=lang)
    (page,) = read_pdf(pdf)
    text = squash(page.text)
    words = {
        "id": (
            "BUKTI PEMBAYARAN", f"DIBAYAR {rp(2_000_000, 'id')}", "Cara bayar Transfer bank",
            f"Neto penjualan {rp(5_105_000, 'id')}", f"Komisi stan (12,5%) -{rp(638_125, 'id')}",
            f"Hak pengrajin {rp(4_466_875, 'id')}",
            f"Sudah dibayar sebelumnya -{rp(1_000_000, 'id')}",
            f"Saldo sebelum pembayaran {rp(3_466_875, 'id')}",
            f"Dibayar sekarang -{rp(2_000_000, 'id')}", f"SISA SALDO {rp(1_466_875, 'id')}",
            "Disetujui Agus", "Petugas Dewi", "Penerima (pengrajin)", "Dibayar oleh",
        ),
        "en": (
            "PAYOUT RECEIPT", f"PAID {rp(2_000_000, 'en')}", "Method Bank transfer",
            f"Net sales {rp(5_105_000, 'en')}", f"Stand commission (12.5%) -{rp(638_125, 'en')}",
            f"Owed to the artisan {rp(4_466_875, 'en')}", f"Paid before -{rp(1_000_000, 'en')}",
            f"Balance before payment {rp(3_466_875, 'en')}",
            f"BALANCE LEFT {rp(1_466_875, 'en')}", "Approved by Agus", "Received by (artisan)",
        ),
    }[lang]  # fmt: skip
    for word in words:
        assert word in text, word
    assert "BCA 0123 4567 89" in text and "BKR · Batik Krakatau" in text and WHEN[lang] in text
    assert len([gap for gap in line_gaps_mm(page) if gap >= 15]) >= 2
    for image in rasterise(pdf, dpi=300).values():
        assert ("Code128", "PO-0002") in decode(image)


def test_payout_receipt_fits_58mm_and_leaves_out_figures_it_was_not_given():
    done = payout(method=PayoutMethod.CASH)
    pdf = render_payout_receipt(done, None, SETTINGS, lang="id", width_mm=58)
    (page,) = read_pdf(pdf)
    assert page.width_mm == pytest.approx(58, abs=0.1)
    inside_the_roll(page, 58)
    text = squash(page.text)
    assert "Cara bayar Tunai" in text and "Neto penjualan" not in text
    assert f"SISA SALDO {rp(1_466_875, 'id')}" in text


def test_a_cash_payout_opens_the_drawer_a_transfer_or_a_copy_does_not():
    """The money of a cash payout comes out of the drawer; nothing else opens it."""
    cash = payout_document(payout(method=PayoutMethod.CASH), FIGURES, SETTINGS, lang="id")
    assert cash.kick_drawer and escpos(cash).count(DRAWER) == 1
    assert b"BUKTI PEMBAYARAN" in escpos(cash) and b"{BPO-0002" in escpos(cash)
    transfer = payout_document(payout(), FIGURES, SETTINGS, lang="id")
    assert not transfer.kick_drawer and DRAWER not in escpos(transfer)
    copy = payout_document(payout(method=PayoutMethod.CASH), FIGURES, SETTINGS, reprint=True)
    assert not copy.kick_drawer and "SALINAN" in [b.text for b in copy.blocks if hasattr(b, "text")]


def test_payout_receipt_goes_to_the_pdf_folder_in_the_background(tmp_path):
    """Printed after the commit: PO-0002.pdf in the folder, the future gives where."""
    doc = payout_document(payout(), FIGURES, SETTINGS, lang="en")
    printer = PdfFolderPrinter(tmp_path / "receipts")
    where = print_document_after_commit(doc, SETTINGS, printer=printer).result(timeout=20)
    assert where == str(tmp_path / "receipts" / "PO-0002.pdf")
    assert "PAYOUT RECEIPT" in squash(
        read_pdf((tmp_path / "receipts" / "PO-0002.pdf").read_bytes())[0].text
    )


def test_a_printer_that_cannot_print_documents_says_so_and_reports_in_the_background():
    class SaleReceiptsOnly:
        description = "Old printer"

        def print_receipt(self, *args, **kwargs):  # pragma: no cover - never called
            return ""

    doc = payout_document(payout(), FIGURES, SETTINGS)
    with pytest.raises(PrinterError) as info:
        print_document(doc, SETTINGS, printer=SaleReceiptsOnly())
    assert "PO-0002" in info.value.en and "PO-0002" in info.value.text("id")
    errors = []
    future = print_document_after_commit(
        doc, SETTINGS, printer=SaleReceiptsOnly(), on_error=errors.append
    )
    assert future.result(timeout=20) is None and errors


def test_payout_blocks_refuse_an_unknown_language():
    with pytest.raises(ValueError):
        payout_blocks(payout(), FIGURES, SETTINGS, lang="fr")


# -- day slips --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_day_slips_one_page_per_artisan_with_the_day_and_the_running_balance(lang):
    """Each artisan's slip on its own 80 mm page: the date, what sold (qty, net), the day's
    net, commission, payout and payment, and what the stand owes over the event."""
    pdf = render_day_slips(slips(), SETTINGS, lang=lang)
    first, second = read_pdf(pdf)
    for page in (first, second):
        assert page.width_mm == pytest.approx(80, abs=0.1)
        inside_the_roll(page, 80)
    text = squash(first.text)
    words = {
        "id": (
            "SLIP HARIAN PENGRAJIN", "Kamis, 2 Maret 2023", "Pengrajin: BKR · Batik Krakatau",
            f"4 x Selendang batik cap {rp(670_000, 'id')}",
            f"12 x Masker Batik {rp(300_000, 'id')}",
            f"Neto hari ini (17 barang) {rp(1_820_000, 'id')}",
            f"Komisi stan (12,5%) -{rp(227_500, 'id')}",
            f"Hak pengrajin hari ini {rp(1_592_500, 'id')}",
            f"Dibayar hari ini -{rp(500_000, 'id')}", f"SALDO PAMERAN {rp(2_466_875, 'id')}",
        ),
        "en": (
            "ARTISAN DAY SLIP", "Thursday, 2 March 2023", "Artisan: BKR · Batik Krakatau",
            f"Net today (17 items) {rp(1_820_000, 'en')}", f"Owed for today {rp(1_592_500, 'en')}",
            f"Paid out today -{rp(500_000, 'en')}", f"EVENT BALANCE {rp(2_466_875, 'en')}",
        ),
    }[lang]  # fmt: skip
    for word in words:
        assert word in text, word
    assert f"1 x {LONG} {rp(850_000, lang)}" in text  # the long name wraps, whole
    assert "Stan Kriya Nusantara" in text and "Dekranasda Provinsi Banten" in text
    quiet = squash(second.text)
    nothing = {"id": "Tidak ada penjualan hari ini.", "en": "Nothing sold today."}[lang]
    assert nothing in quiet and "Sekar Ecoprint" in quiet and rp(750_000, lang) in quiet


def test_day_slip_on_58mm_and_through_the_thermal_printer():
    (page, _) = read_pdf(render_day_slips(slips(), SETTINGS, lang="en", width_mm=58))
    assert page.width_mm == pytest.approx(58, abs=0.1)
    inside_the_roll(page, 58)
    doc = day_slip_document(slips()[0], SETTINGS, lang="en")
    assert doc.name == "SLIP-2023-03-02-BKR" and not doc.kick_drawer
    out = escpos(doc)
    assert b"ARTISAN DAY SLIP" in out and b"IDR 2,466,875" in out


def test_no_slip_to_print_is_said_in_both_languages():
    with pytest.raises(KnownError) as info:
        render_day_slips([], SETTINGS, lang="id")
    assert info.value.text("id") != info.value.text("en")


# -- the statement: the signed settlement -------------------------------------------------------


def statement() -> ArtisanStatement:
    """Five days of BKR: two intakes, a count, two payouts, the end-of-event return; the
    masks oversold ('perlu dihitung')."""

    def day(d, net, items):
        commission = (net * 1250 + 5000) // 10000
        figures = ArtisanFigures(
            "BKR", "Batik Krakatau", 1250, items, net + 60_000, 40_000, 20_000, net, commission,
            net - commission,
        )  # fmt: skip
        return StatementDay(date(2023, 3, d), figures)

    days = (day(1, 1_820_000, 9), day(2, 2_405_000, 12), day(3, 990_000, 5))
    total = ArtisanFigures(
        "BKR", "Batik Krakatau", 1250, 26, 5_395_000, 120_000, 60_000, 5_215_000, 651_875,
        4_563_125, received_qty=70, returned_qty=12, paid_out=3_000_000,
    )  # fmt: skip
    stock = (
        StockLine("BKR-01", LONG, 6, 4, 0, 2, 0, 0),
        StockLine("BKR-02", "Selendang batik cap", 20, 15, 1, 4, -1, 1),
        StockLine("BKR-03", "Masker Batik", 10, 14, 0, 0, 0, -4, needs_count=True),
    )
    at = lambda d, h: datetime(2023, 3, d, h, tzinfo=UTC)  # noqa: E731
    intakes = (intake(), intake(number="IN-0014", created_at=at(3, 2)))
    returns = (dataclasses.replace(return_note(), number="RT-0007", created_at=at(3, 10)),)
    counts = (
        StockNote(
            "SC-0002", NoteKind.COUNT, "", "", at(2, 9), "Dewi", "satu selendang hilang di rak",
            (NoteLine("BKR-02", "Selendang batik cap", -1, 175_000, counted=6),),
        ),
    )  # fmt: skip
    payouts = (
        payout(number="PO-0003", amount=1_000_000, method=PayoutMethod.CASH, created_at=at(2, 10)),
        payout(number="PO-0009", created_at=at(3, 10)),
    )
    return ArtisanStatement(
        "Stan Kriya Nusantara", "Ina Craft 2023", "JCC Senayan, Jakarta", total, days, stock,
        intakes, returns, counts, payouts,
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_statement_is_the_settlement_to_sign_on_one_page(lang):
    """Stock as moves (received, sold, refunded, returned, count difference, left), the
    products to count, every note, count and payment, and the balance still owed."""
    s = statement()
    (page,) = read_pdf(render_statements_pdf([s], lang=lang, now=datetime(2023, 3, 3, 18)))
    text = squash(page.text)
    words = {
        "id": (
            "Masuk Terjual Retur pembeli Kembali Selisih hitung Sisa Status",
            "BKR-03 Masker Batik 10 14 0 0 0 -4 perlu dihitung",
            "Perlu dihitung sebelum setoran", "Barang masuk", "Barang kembali",
            "Selisih hitung stok", "Pembayaran ke pengrajin",
            f"Sudah dibayar -{rp(3_000_000, 'id')}",
            f"Sisa yang masih harus dibayar {rp(1_563_125, 'id')}",
            f"Hak pengrajin (setoran) {rp(4_563_125, 'id')}", "Koordinator stan",
        ),
        "en": (
            "Received Sold Refunded Returned Count diff. Left Status",
            "BKR-03 Masker Batik 10 14 0 0 0 -4 needs a count",
            "To count before settling", "Goods received", "Goods returned",
            "Stock count differences", "Payments made", f"Paid out -{rp(3_000_000, 'en')}",
            f"Balance still owed {rp(1_563_125, 'en')}", "Stand coordinator",
        ),
    }[lang]  # fmt: skip
    for word in words:
        assert word in text, word
    assert "BKR-02 Selendang batik cap 20 15 1 4 -1 1" in text
    assert f"IN-0001 2023-03-01 10:00 38 {rp(4_925_000, lang)}" in text
    assert f"RT-0007 2023-03-03 17:00 6 {rp(1_800_000, lang)}" in text
    assert "SC-0002 BKR-02 -1 satu selendang hilang di rak" in text
    cash = {"id": "Tunai", "en": "Cash"}[lang]
    assert f"PO-0003 2023-03-02 17:00 {cash} {rp(1_000_000, lang)}" in text
    assert "BCA 0123 4567 89" in text and rp(3_000_000, lang) in text


def test_statement_dates_follow_the_event_time_zone():
    """A note made at 01:00 UTC is 08:00 in Jakarta and 09:00 in Makassar."""
    s = dataclasses.replace(
        statement(), intakes=(intake(created_at=datetime(2023, 3, 1, 1, tzinfo=UTC)),)
    )
    jakarta = squash(read_pdf(render_statements_pdf([s], lang="en"))[0].text)
    assert "IN-0001 2023-03-01 08:00" in jakarta
    wita = render_statements_pdf([s], lang="en", timezone="Asia/Makassar")
    assert "IN-0001 2023-03-01 09:00" in squash(read_pdf(wita)[0].text)


def test_a_statement_without_moves_says_none_and_still_settles():
    """An artisan that only sold (stock set by import, nothing paid yet) owes the payout."""
    s = dataclasses.replace(statement(), intakes=(), returns=(), counts=(), payouts=())
    s = dataclasses.replace(s, total=dataclasses.replace(s.total, paid_out=0))
    text = squash(read_pdf(render_statements_pdf([s], lang="id"))[0].text)
    assert text.count("tidak ada") == 4
    assert f"Sisa yang masih harus dibayar {rp(4_563_125, 'id')}" in text
