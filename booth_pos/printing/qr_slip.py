"""The printed QRIS slip: the stand's QRIS with the amount, for a till without a customer screen.

On an ESC/POS printer the code is the printer's own (``GS ( k``: model 2, error correction
M, the payload stored then printed), sharp at any module size; the PDF folder and a system
printer get ``documents.qr.slip_pdf``. Printed before the payment: nothing is recorded.
"""

from __future__ import annotations

import os

from escpos.constants import QR_ECLEVEL_M, QR_MODEL_2
from escpos.printer import Dummy

from booth_pos.documents import qr
from booth_pos.model import Settings
from booth_pos.printing import PrinterError, default_pdf_folder
from booth_pos.printing.thermal import PROFILES, EscPosPrinter, plain

#: Dots per QR module on the roll: 80 mm paper (576 dots) holds a version 8 code (49
#: modules + quiet zone) at 8 dots, about 5 cm; 58 mm paper (384 dots) at 6.
MODULE_DOTS = {80: 8, 58: 6}


def escpos_slip(payload: str, amount: int, *, width_mm: int = 80) -> bytes:
    """The ESC/POS bytes of the slip: texts in the printer's font (they are plain ASCII),
    the native QR centred, then a cut."""
    width_mm = 58 if width_mm == 58 else 80
    lines = {k: plain(v) for k, v in qr.slip_lines(payload, amount).items()}
    p = Dummy(profile=PROFILES[width_mm])
    p.set(align="center")
    p.text(lines["title"] + "\n")
    if lines["merchant"]:
        p.text(lines["merchant"] + "\n")
    p.text("\n")
    p.qr(payload, ec=QR_ECLEVEL_M, size=MODULE_DOTS[width_mm], model=QR_MODEL_2, native=True)
    p.text("\n")
    p.set(align="center", bold=True, double_height=True, double_width=True)
    p.text(lines["amount"] + "\n")
    p.set(align="center", bold=False, normal_textsize=True)
    for key in ("words_id", "words_en", "check"):
        p.text(lines[key] + "\n")
    p.cut()
    return p.output


def print_slip(
    payload: str,
    amount: int,
    settings: Settings,
    *,
    db_path: str | os.PathLike | None = None,
) -> str:
    """Print the slip on the stand's receipt printer; return where it went.

    Raises:
        PrinterError: the printer failed (nothing else happened: no sale is touched).
    """
    kind = (settings.printer or "pdf").strip().lower()
    target = (settings.printer_target or "").strip()
    width = settings.receipt_width or 80
    if kind == "escpos":
        job = escpos_slip(payload, amount, width_mm=width)
        return EscPosPrinter(target, width_mm=width).send(job)
    pdf = qr.slip_pdf(payload, amount, width_mm=width)
    if kind == "system":
        from booth_pos.printing.system import print_pdf

        return print_pdf(pdf, printer_name=target)
    if kind == "pdf":
        from pathlib import Path

        from booth_pos.printing.pdf import PdfFolderPrinter

        folder = Path(target).expanduser() if target else default_pdf_folder(db_path)
        return PdfFolderPrinter(folder).save_pdf(pdf, f"QRIS-{amount}")
    raise PrinterError(
        en=f"Unknown receipt printer kind {kind!r}: use pdf, system or escpos",
        id=f"Jenis printer struk {kind!r} tidak dikenal: pakai pdf, system atau escpos",
    )
