"""The refund receipt the customer takes home: what came back, how much, how, who approved."""

from __future__ import annotations

import pytest
from escpos.printer import Dummy

from booth_pos.documents.receipt import Code, Pair, Text
from booth_pos.documents.refund_receipt import refund_blocks, render_refund_receipt
from booth_pos.model import Cart, Method, Tender
from booth_pos.printing import print_correction, print_correction_after_commit
from booth_pos.printing.pdf import PdfFolderPrinter
from booth_pos.printing.thermal import EscPosPrinter
from booth_pos.services import corrections, days, selling, staff
from tests.helpers.documents import decode, rasterise, read_pdf, squash

CHEAP = staff.PinCost(n=16, r=1, p=1)
DRAWER = b"\x1bp"
CODE128 = b"\x1dkI"


@pytest.fixture
def sale(demo_store, clock):
    """Rina sold two scarves and a mask for cash; Dewi is the supervisor on duty."""
    staff.add_staff(demo_store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        demo_store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    days.open_day(demo_store, clock, 0)
    cart = Cart(cashier="Rina")
    selling.add(demo_store, cart, "2*ECO-04")
    selling.add(demo_store, cart, "BKR-05")
    return selling.complete(demo_store, cart, [Tender(Method.CASH, 400_000)], clock)


def do_refund(store, clock, sale, **kw):
    return corrections.refund(
        store, sale.receipt_no, items=["ECO-04"], reason="jahitan lepas", supervisor="Dewi",
        pin="2468", clock=clock, cashier="Rina", **kw,
    )  # fmt: skip


def texts(blocks) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Text):
            out.append(b.text)
        elif isinstance(b, Pair):
            out.append(f"{b.left} {b.right}")
    return "\n".join(out).replace("\u00a0", " ")


def test_refund_receipt_says_what_came_back_and_who_approved(demo_store, clock, sale):
    """Title, its own number, the original receipt, the scarf, the money, cash, Dewi and why."""
    done = do_refund(demo_store, clock, sale)
    settings = demo_store.settings()
    idn = texts(refund_blocks(done, settings, lang="id", artisans=demo_store.artisans.all()))
    for words in (
        "STRUK RETUR",
        "No. retur T1-R000001",
        "Struk asal T1-000001",
        "Scarf Ecoprint Katun",
        "1 x Rp 165.000 Rp 165.000",
        "1 barang",
        "DIKEMBALIKAN Rp 165.000",
        "Dibayar kembali: Tunai Rp 165.000",
        "Disetujui Dewi",
        "Kasir Rina",
        "Alasan: jahitan lepas",
        "Sekar Ecoprint",
        "Tanda tangan pembeli",
    ):
        assert words in idn, words
    eng = texts(refund_blocks(done, settings, lang="en"))
    assert "REFUND RECEIPT" in eng and "Original receipt T1-000001" in eng
    assert "1 item" in eng and "RETURNED IDR 165,000" in eng and "Approved by Dewi" in eng
    blocks = refund_blocks(done, settings, lang="en")
    assert Code("T1-R000001") in blocks


def test_void_receipt_is_titled_as_a_void(demo_store, clock, sale):
    """A void prints 'STRUK PEMBATALAN' with the whole sale returned."""
    done = corrections.void(
        demo_store, sale.receipt_no, reason="salah input", supervisor="Dewi", pin="2468",
        clock=clock, cashier="Rina",
    )  # fmt: skip
    idn = texts(refund_blocks(done, demo_store.settings(), lang="id"))
    assert "STRUK PEMBATALAN" in idn and "3 barang" in idn and "DIKEMBALIKAN Rp 355.000" in idn


@pytest.mark.parametrize("width", [80, 58])
def test_refund_receipt_pdf_fits_the_roll_and_its_barcode_scans(demo_store, clock, sale, width):
    """The PDF is as wide as the roll, reads as a refund, and its barcode is its number."""
    done = do_refund(demo_store, clock, sale)
    pdf = render_refund_receipt(done, demo_store.settings(), width_mm=width)
    (page,) = read_pdf(pdf)
    assert round(page.width_mm) == width
    text = squash(page.text)
    assert "STRUK RETUR" in text and "T1-000001" in text and "Rp 165.000" in text
    for image in rasterise(pdf, dpi=300).values():
        assert ("Code128", "T1-R000001") in decode(image)


def test_escpos_refund_opens_the_drawer_only_for_cash(demo_store, clock, sale):
    """Cash going out opens the drawer; a QRIS refund or a copy does not."""
    settings = demo_store.settings()
    cash = do_refund(demo_store, clock, sale)
    qris = do_refund(demo_store, clock, sale, method="qris")

    def sent(correction, **kw) -> bytes:
        out = Dummy()
        printer = EscPosPrinter("192.0.2.1:9100", connector=lambda target: out)
        print_correction(correction, settings, printer=printer, lang="en", **kw)
        return out.output

    data = sent(cash)
    assert data.count(DRAWER) == 1 and b"REFUND RECEIPT" in data
    assert CODE128 + bytes([len("{BT1-R000001")]) + b"{BT1-R000001" in data
    assert DRAWER not in sent(qris) and b"QRIS" in sent(qris)
    assert DRAWER not in sent(cash, reprint=True)


def test_refund_receipt_goes_to_the_pdf_folder_in_the_background(demo_store, clock, sale, tmp_path):
    """Printed after the commit like a sale's receipt: T1-R000001.pdf, and a copy beside it."""
    done = do_refund(demo_store, clock, sale)
    settings = demo_store.settings()
    printer = PdfFolderPrinter(tmp_path / "receipts")
    where = print_correction_after_commit(done, settings, printer=printer).result(timeout=20)
    assert where == str(tmp_path / "receipts" / "T1-R000001.pdf")
    copy = print_correction_after_commit(done, settings, printer=printer, reprint=True)
    assert copy.result(timeout=20).endswith("T1-R000001-copy.pdf")
    assert "SALINAN" in squash(
        read_pdf((tmp_path / "receipts" / "T1-R000001-copy.pdf").read_bytes())[0].text
    )


def test_a_printer_failure_is_reported_not_raised(demo_store, clock, sale, tmp_path):
    """A folder that cannot be written reports in both languages; the refund stays stored."""
    done = do_refund(demo_store, clock, sale)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    errors = []
    future = print_correction_after_commit(
        done, demo_store.settings(), printer=PdfFolderPrinter(blocker / "x"),
        on_error=errors.append,
    )  # fmt: skip
    assert future.result(timeout=20) is None
    assert errors and errors[0].text("id") != errors[0].text("en")
    assert corrections.find_correction(demo_store, done.number) == done
