"""Receipt printers: PDF folder, ESC/POS bytes, Qt system printing, and sales that survive."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest
from escpos.printer import Dummy
from helpers.documents import decode, rasterise, read_pdf, ring_up, squash

from booth_pos.documents.receipt import receipt_blocks, sample_sale
from booth_pos.model import KnownError, Method, Tender
from booth_pos.printing import (
    PrinterError,
    default_pdf_folder,
    print_after_commit,
    printer_from_settings,
    test_print,
)
from booth_pos.printing.pdf import PdfFolderPrinter
from booth_pos.printing.thermal import (
    PROFILES,
    EscPosPrinter,
    Target,
    parse_target,
    write_receipt,
)

CODE128 = b"\x1dkI"  # GS k 73: the printer's own Code128
DRAWER = b"\x1bp"  # ESC p: kick the cash drawer
RASTER = b"\x1dv0"  # GS v 0: a picture


@pytest.fixture
def cash_sale(demo_store, clock):
    return ring_up(demo_store, clock, ["BKR-01", "2*MNK-01"], [Tender(Method.CASH, 1_500_000)])


@pytest.fixture
def qris_sale(demo_store, clock):
    return ring_up(demo_store, clock, ["ECO-01"], [Tender(Method.QRIS, reference="QR-1")])


def escpos_bytes(sale, settings, width=80, **kwargs) -> bytes:
    """What an ESC/POS printer of ``width`` mm receives for ``sale``, via a fresh Dummy."""
    sent = Dummy()
    printer = EscPosPrinter("192.0.2.1:9100", width_mm=width, connector=lambda target: sent)
    printer.print_receipt(sale, settings, **kwargs)
    return sent.output


# -- PDF folder -----------------------------------------------------------------------------


def test_pdf_folder_saves_each_receipt_under_its_number(demo_store, cash_sale, tmp_path):
    """The default printer writes RECEIPT_NO.pdf; a reprint is a separate copy."""
    printer = PdfFolderPrinter(tmp_path / "struk")
    where = printer.print_receipt(cash_sale, demo_store.settings())
    assert where == str(tmp_path / "struk" / f"{cash_sale.receipt_no}.pdf")
    text = squash(
        read_pdf((tmp_path / "struk" / f"{cash_sale.receipt_no}.pdf").read_bytes())[0].text
    )
    assert cash_sale.receipt_no in text
    printer.print_receipt(cash_sale, demo_store.settings(), reprint=True)
    assert (tmp_path / "struk" / f"{cash_sale.receipt_no}-copy.pdf").exists()
    assert sorted(p.name for p in (tmp_path / "struk").iterdir()) == [
        f"{cash_sale.receipt_no}-copy.pdf",
        f"{cash_sale.receipt_no}.pdf",
    ]


def test_pdf_folder_that_cannot_be_written_says_so_in_both_languages(
    demo_store, cash_sale, tmp_path
):
    """A 'folder' that is really a file gives a PrinterError a cashier can read."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(PrinterError) as info:
        PdfFolderPrinter(blocker).print_receipt(cash_sale, demo_store.settings())
    assert "Cannot save the receipt" in info.value.en
    assert "tidak bisa disimpan" in info.value.text("id")


def test_printer_from_settings(demo_store, db_path, tmp_path):
    """The settings choose the backend; PDFs go beside the database unless a folder is set."""
    settings = demo_store.settings()
    printer = printer_from_settings(settings, db_path=db_path)
    assert isinstance(printer, PdfFolderPrinter)
    assert printer.folder == default_pdf_folder(db_path) == db_path.resolve().parent / "receipts"
    chosen = dataclasses.replace(settings, printer="pdf", printer_target=str(tmp_path / "r"))
    assert printer_from_settings(chosen).folder == tmp_path / "r"
    thermal = printer_from_settings(
        dataclasses.replace(settings, printer="escpos", printer_target="10.0.0.5", receipt_width=58)
    )
    assert isinstance(thermal, EscPosPrinter) and thermal.width_mm == 58
    with pytest.raises(PrinterError):
        printer_from_settings(dataclasses.replace(settings, printer="fax"))


# -- ESC/POS --------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 58])
def test_escpos_uses_native_code128_with_the_receipt_number(demo_store, cash_sale, width):
    """The receipt number goes out as GS k Code128, code set B, on both roll widths."""
    out = escpos_bytes(cash_sale, demo_store.settings(), width)
    data = ("{B" + cash_sale.receipt_no).encode()
    assert CODE128 + bytes([len(data)]) + data in out
    assert b"TOTAL" in out and b"Rp 1.090.000" in out
    if width == 80:
        assert b"\x1dV" in out[-8:]  # the TM-T20 cuts the paper
    else:
        assert out.endswith(b"\x1bd\x06")  # a cutter-less 58 mm printer feeds to the tear bar


def test_cash_sale_kicks_the_drawer_and_qris_sale_does_not(demo_store, cash_sale, qris_sale):
    """Only a sale with cash opens the drawer; a reprint never does."""
    settings = demo_store.settings()
    cash = escpos_bytes(cash_sale, settings)
    assert cash.count(DRAWER) == 1 and cash.index(DRAWER) < cash.index(b"TOTAL")
    assert DRAWER not in escpos_bytes(qris_sale, settings)
    assert DRAWER not in escpos_bytes(cash_sale, settings, reprint=True)


def test_split_tender_with_cash_kicks_the_drawer(demo_store, clock):
    """QRIS plus cash is still a cash sale at the drawer."""
    sale = ring_up(
        demo_store, clock, ["BKR-01"], [Tender(Method.QRIS, 800_000), Tender(Method.CASH, 100_000)]
    )
    assert DRAWER in escpos_bytes(sale, demo_store.settings())


def test_columns_fit_the_paper(demo_store, cash_sale):
    """Text lines never exceed Font A's columns: 48 on 80 mm, 32 on 58 mm."""
    for width, columns in ((80, 48), (58, 32)):
        p = Dummy(profile=PROFILES[width])
        blocks = receipt_blocks(cash_sale, demo_store.settings(), lang="id")
        write_receipt(p, blocks, columns=columns, dots=576 if width == 80 else 384)
        for chunk in p.output.split(b"\n"):
            printable = chunk.split(b"\x00")[-1]  # text after the last style command
            assert len(printable.decode("ascii", "replace")) <= columns, printable


def test_indonesian_receipt_is_all_native_text(demo_store, cash_sale):
    """An everyday receipt prints in the printer's font: fast, no pictures."""
    assert RASTER not in escpos_bytes(cash_sale, demo_store.settings())


class RecordingDummy(Dummy):
    """A Dummy that also keeps the text it was asked to print, apart from pictures."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.texts: list[str] = []

    def text(self, txt: str) -> None:
        self.texts.append(txt)
        super().text(txt)


def test_korean_text_is_printed_as_a_picture_not_question_marks(demo_store, cash_sale):
    """A Korean product name goes out as an image; no '?' stands in for it."""
    lines = (
        dataclasses.replace(cash_sale.lines[0], name="Kipas hanji 한지 부채"),
        *cash_sale.lines[1:],
    )
    sale = dataclasses.replace(cash_sale, lines=lines)
    sent = RecordingDummy(profile=PROFILES[80])
    blocks = receipt_blocks(sale, demo_store.settings(), lang="id")
    write_receipt(sent, blocks, columns=48, dots=576)
    assert RASTER in sent.output
    assert not any("?" in text or "Kipas" in text for text in sent.texts)
    assert any("TOTAL" in text for text in sent.texts)


def test_escpos_addresses():
    """Network, USB, serial and device-file printers are told apart; nonsense is refused."""
    assert parse_target("192.168.1.87") == Target("network", host="192.168.1.87", port=9100)
    assert parse_target("printer.local:9101") == Target("network", host="printer.local", port=9101)
    assert parse_target("usb:04b8:0202") == Target("usb", vendor=0x04B8, product=0x0202)
    assert parse_target("serial:/dev/ttyUSB0@19200") == Target(
        "serial", device="/dev/ttyUSB0", baudrate=19200
    )
    assert parse_target("COM3") == Target("serial", device="COM3")
    assert parse_target("/dev/usb/lp0") == Target("file", device="/dev/usb/lp0")
    for bad in ("", "usb:xyz", "host:99999", "serial:"):
        with pytest.raises(PrinterError):
            parse_target(bad)


def test_device_file_printer_receives_the_whole_job_in_one_piece(demo_store, cash_sale, tmp_path):
    """A printer on a device file (/dev/usb/lp0) gets exactly the composed job."""
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    printer = EscPosPrinter(f"file:{device}")
    printer.print_receipt(cash_sale, demo_store.settings())
    assert device.read_bytes() == printer.compose(cash_sale, demo_store.settings())


def test_printer_that_is_off_fails_fast_with_a_clear_message(demo_store, cash_sale):
    """Nobody listening on the port: a PrinterError within the timeout, in both languages."""
    started = time.perf_counter()
    with pytest.raises(PrinterError) as info:
        EscPosPrinter("127.0.0.1:1").print_receipt(cash_sale, demo_store.settings())
    assert time.perf_counter() - started < 6
    assert "not answering" in info.value.en and "tidak merespons" in info.value.id


# -- after the commit ----------------------------------------------------------------------


class Broken:
    description = "broken"

    def print_receipt(self, *args, **kwargs):
        raise OSError("out of paper")


def test_printer_failure_does_not_lose_the_sale(demo_store, cash_sale):
    """The sale stays committed; the failure arrives as a KnownError in both languages."""
    errors = []
    future = print_after_commit(
        cash_sale, demo_store.settings(), printer=Broken(), on_error=errors.append
    )
    assert future.result(timeout=5) is None
    (error,) = errors
    assert isinstance(error, KnownError)
    assert "out of paper" in error.en and "Riwayat penjualan" in error.text("id")
    assert demo_store.sales.get(cash_sale.receipt_no) == cash_sale


def test_the_till_does_not_wait_for_the_printer(demo_store, cash_sale):
    """Handing a receipt to a stuck printer returns at once; receipts come out in order."""
    release = threading.Event()
    printed = []

    class Slow:
        description = "slow"

        def print_receipt(self, sale, settings, **kwargs):
            release.wait(5)
            printed.append(sale.receipt_no)
            return "slow"

    started = time.perf_counter()
    first = print_after_commit(cash_sale, demo_store.settings(), printer=Slow())
    second = print_after_commit(
        dataclasses.replace(cash_sale, receipt_no="T1-999999"),
        demo_store.settings(),
        printer=Slow(),
    )
    assert time.perf_counter() - started < 0.1
    assert not first.done()
    release.set()
    assert first.result(timeout=5) == "slow" and second.result(timeout=5) == "slow"
    assert printed == [cash_sale.receipt_no, "T1-999999"]


def test_print_after_commit_uses_the_configured_printer(demo_store, cash_sale, db_path):
    """Without an explicit printer, the settings' PDF folder beside the database is used."""
    done = []
    future = print_after_commit(
        cash_sale, demo_store.settings(), db_path=db_path, on_done=done.append
    )
    future.result(timeout=10)
    assert done == [str(db_path.resolve().parent / "receipts" / f"{cash_sale.receipt_no}.pdf")]


def test_test_print_marks_the_receipt_and_keeps_the_drawer_shut(demo_store, tmp_path):
    """The settings page's test print is clearly not a sale and never opens the drawer."""
    settings = demo_store.settings()
    where = test_print(PdfFolderPrinter(tmp_path), settings)
    text = squash(read_pdf(open(where, "rb").read())[0].text)
    assert "CETAK UJI" in text and "bukan transaksi" in text
    sent = Dummy()
    test_print(EscPosPrinter("x", connector=lambda target: sent), settings)
    assert DRAWER not in sent.output and b"CETAK UJI" in sent.output
    assert sample_sale(settings).payments[0].method == Method.CASH  # cash, yet no kick


# -- system printer (Qt) --------------------------------------------------------------------


def test_system_printer_without_printers_says_what_to_do(demo_store, cash_sale):
    """On a machine with no installed printer, a KnownError points to the other backends."""
    from booth_pos.printing.system import SystemPrinter, available_printers

    if available_printers():
        pytest.skip("this machine has printers installed")
    with pytest.raises(PrinterError) as info:
        SystemPrinter().print_receipt(cash_sale, demo_store.settings())
    assert "No printer is installed" in info.value.en
    assert "Tidak ada printer" in info.value.id


def test_system_printing_keeps_the_page_size_and_a_scannable_barcode(
    demo_store, cash_sale, tmp_path
):
    """Through Qt's print engine the receipt keeps its 80 mm page and its barcode still scans."""
    from booth_pos.printing.system import SystemPrinter

    out = tmp_path / "qt.pdf"
    SystemPrinter(output_file=str(out)).print_receipt(cash_sale, demo_store.settings())
    (page,) = read_pdf(out.read_bytes())
    assert page.width_mm == pytest.approx(80, abs=0.5)
    for renderer, image in rasterise(out.read_bytes()).items():
        assert decode(image) == [("Code128", cash_sale.receipt_no)], renderer
