"""The QRIS slip a cashier prints when there is no customer screen, and the QR images."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
import zxingcpp
from helpers.qris_sample import STATIC
from PIL import Image

from booth_pos.documents import qr
from booth_pos.model import Settings, qris
from booth_pos.printing.qr_slip import escpos_slip, print_slip


def gs_k_commands(data: bytes) -> list[tuple[int, int, bytes]]:
    """Every ``GS ( k pL pH cn fn ...`` command in an ESC/POS job: (cn, fn, parameters),
    read by the byte count pL + 256 * pH the command itself gives."""
    out, pos = [], 0
    while (pos := data.find(b"\x1d(k", pos)) != -1:
        length = data[pos + 3] + 256 * data[pos + 4]
        body = data[pos + 5 : pos + 5 + length]
        assert len(body) == length
        out.append((body[0], body[1], body[2:]))
        pos += 5 + length
    return out


@pytest.mark.parametrize("width", [80, 58])
@pytest.mark.parametrize("amount", [1, 150_000, 10_000_000])
def test_escpos_slip_stores_the_exact_payload_as_a_native_qr(width, amount):
    """The printer is told: model 2, error correction M, store exactly the payload, print."""
    payload = qris.with_amount(STATIC, amount)
    job = escpos_slip(payload, amount, width_mm=width)
    commands = gs_k_commands(job)
    assert commands[0] == (0x31, 0x41, b"2\x00")  # function 165: model 2
    assert commands[1][:2] == (0x31, 0x43) and 1 <= commands[1][2][0] <= 16  # module size
    assert commands[2] == (0x31, 0x45, b"1")  # function 169: error correction M (49)
    stored = [c for c in commands if c[:2] == (0x31, 0x50)]
    assert len(stored) == 1 and stored[0][2] == b"0" + payload.encode("ascii")
    assert commands[-1][:2] == (0x31, 0x51)  # function 181: print it
    text = job.decode("ascii", errors="replace")
    digits = f"{amount:,}".replace(",", ".")
    assert f"Rp {digits}" in text
    assert qris_words(amount) in text


def qris_words(amount: int) -> str:
    from booth_pos.model.words import rupiah_in_words

    return rupiah_in_words(amount, "id")


def test_escpos_slip_fits_the_paper():
    """The code at its module size, quiet zone included, fits the roll's printable width."""
    payload = qris.with_amount(STATIC, 10_000_000)
    for width, dots in ((80, 576), (58, 384)):
        size = gs_k_commands(escpos_slip(payload, 1, width_mm=width))[1][2][0]
        assert (qr.modules(payload) + 8) * size <= dots


def test_png_decodes_back_to_the_exact_payload():
    """What the customer display shows decodes (zxing-cpp) to exactly the payload."""
    import io

    for amount in (1, 150_000, 10_000_000):
        payload = qris.with_amount(STATIC, amount)
        image = Image.open(io.BytesIO(qr.png(payload, scale=4)))
        found = zxingcpp.read_barcodes(image)
        assert [r.text for r in found] == [payload]
        assert qr.make(payload).error == "M"


def test_pdf_slip_decodes_and_says_the_amount(tmp_path):
    """The PDF slip (PDF folder / system printer): the code at 203 dpi reads back to the
    payload, and the amount is written in digits and words."""
    payload = qris.with_amount(STATIC, 150_000)
    settings = Settings(printer="pdf", printer_target=str(tmp_path))
    where = print_slip(payload, 150_000, settings)
    pdf = open(where, "rb").read()
    page = pdfium.PdfDocument(pdf)[0]
    text = re.sub(r"\s+", " ", page.get_textpage().get_text_range())
    assert "Rp 150.000" in text.replace("\u00a0", " ")
    assert "seratus lima puluh ribu rupiah" in text
    image = page.render(scale=203 / 72, grayscale=True).to_pil()
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [payload]


def test_slip_goes_to_the_escpos_printer_in_one_write(tmp_path):
    """With an ESC/POS device file configured, the slip's bytes land there whole."""
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    payload = qris.with_amount(STATIC, 25_000)
    settings = Settings(printer="escpos", printer_target=str(device), receipt_width=58)
    print_slip(payload, 25_000, settings)
    assert device.read_bytes() == escpos_slip(payload, 25_000, width_mm=58)
