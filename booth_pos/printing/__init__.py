"""Receipt printers, and printing that never holds up or undoes a sale.

Backends: ``PdfFolderPrinter`` (the default: ``RECEIPT_NO.pdf`` in a folder),
``EscPosPrinter`` (a thermal printer by network, USB, serial or device file) and
``SystemPrinter`` (any printer installed in Windows or CUPS, through Qt; in ``system.py`` and
loaded only when chosen). ``printer_from_settings`` picks one from the stand's settings.

The sale is committed before anything is printed: ``print_after_commit`` hands the receipt to
one background worker and reports the outcome through callbacks, and every failure arrives as a
``PrinterError`` (a ``KnownError`` with English and Indonesian text). No Qt here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import Protocol, runtime_checkable

from booth_pos.model import Artisan, Correction, KnownError, Sale, Settings
from booth_pos.workers import SerialWorker

log = logging.getLogger(__name__)

PRINTER_KINDS = ("pdf", "system", "escpos")


class PrinterError(KnownError):
    """A receipt could not be printed; the sale itself is safe and can be reprinted."""


@runtime_checkable
class ReceiptPrinter(Protocol):
    """Something that prints receipts.

    Attributes:
        description: where receipts go, for the settings page ("PDF folder /x/receipts").
    """

    description: str

    def print_receipt(
        self,
        sale: Sale,
        settings: Settings,
        *,
        lang: str | None = None,
        artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
        reprint: bool = False,
        test: bool = False,
    ) -> str:
        """Print ``sale``'s receipt; return where it went. Raise ``PrinterError`` on failure."""
        ...


def default_pdf_folder(db_path: str | os.PathLike | None = None) -> Path:
    """Where PDF receipts go when no folder is set: ``receipts`` beside the database."""
    if db_path is not None:
        return Path(db_path).resolve().parent / "receipts"
    import platformdirs

    return Path(platformdirs.user_data_dir("booth-pos", appauthor=False)) / "receipts"


def printer_from_settings(
    settings: Settings, *, db_path: str | os.PathLike | None = None
) -> ReceiptPrinter:
    """The receipt printer the settings ask for.

    Args:
        settings: ``printer`` is ``pdf``, ``system`` or ``escpos``; ``printer_target`` is the
            folder, the system printer's name (empty: the default printer) or the ESC/POS
            address (``192.168.1.87:9100``, ``usb:04b8:0202``, ``serial:/dev/ttyUSB0``,
            ``/dev/usb/lp0``).
        db_path: the database file; PDF receipts go beside it when no folder is set.

    Returns:
        A printer. Nothing is contacted yet: errors show when printing.
    """
    kind = (settings.printer or "pdf").strip().lower()
    target = (settings.printer_target or "").strip()
    if kind == "pdf":
        from booth_pos.printing.pdf import PdfFolderPrinter

        folder = Path(target).expanduser() if target else default_pdf_folder(db_path)
        return PdfFolderPrinter(folder)
    if kind == "escpos":
        from booth_pos.printing.thermal import EscPosPrinter

        return EscPosPrinter(target, width_mm=settings.receipt_width or 80)
    if kind == "system":
        from booth_pos.printing.system import SystemPrinter  # Qt is loaded only when printing

        return SystemPrinter(target)
    raise PrinterError(
        en=f"Unknown receipt printer kind {kind!r}: use pdf, system or escpos",
        id=f"Jenis printer struk {kind!r} tidak dikenal: pakai pdf, system atau escpos",
    )


def test_print(printer: ReceiptPrinter, settings: Settings, *, lang: str | None = None) -> str:
    """Print a sample receipt marked as a test (no drawer kick); return where it went.

    It includes accented and Korean text, so staff see at once what the printer can render.
    """
    from booth_pos.documents.receipt import sample_sale

    sale = sample_sale(settings)
    return printer.print_receipt(sale, settings, lang=lang or settings.receipt_lang, test=True)


test_print.__test__ = False  # a public name starting with "test": tell pytest it is not a test


# -- background printing ----------------------------------------------------------------

#: One printing thread for the process, so receipts come out one at a time, in order.
_printer_thread = SerialWorker("receipt-printer")


def as_printer_error(exc: BaseException) -> KnownError:
    """``exc`` as something to show a person; unexpected faults keep their traceback in the log."""
    if isinstance(exc, KnownError):
        return exc
    log.error("Printing failed unexpectedly", exc_info=exc)
    return PrinterError(
        en=f"The receipt could not be printed ({type(exc).__name__}: {exc}). "
        "The sale is saved; reprint it from Sales history.",
        id=f"Struk gagal dicetak ({type(exc).__name__}: {exc}). "
        "Penjualan sudah tersimpan; cetak ulang dari Riwayat penjualan.",
    )


def run_in_background(
    job: Callable[[], str],
    *,
    on_done: Callable[[str], None] | None = None,
    on_error: Callable[[KnownError], None] | None = None,
) -> Future:
    """Run a printing ``job`` on the printing thread and report how it went.

    Callbacks run on the printing thread: a Qt caller should emit a signal from them (a
    queued connection brings the message to the window) rather than touch widgets.

    Returns:
        A future whose result is the job's result, or None after a failure (reported).
    """

    def run() -> str | None:
        try:
            result = job()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none escapes
            error = as_printer_error(exc)
            log.warning("Printing failed: %s", error.en)
            if on_error is not None:
                try:
                    on_error(error)
                except Exception:  # noqa: BLE001
                    log.exception("on_error callback failed")
            return None
        if on_done is not None:
            try:
                on_done(result)
            except Exception:  # noqa: BLE001
                log.exception("on_done callback failed")
        return result

    return _printer_thread.submit(run)


def print_after_commit(
    sale: Sale,
    settings: Settings,
    *,
    printer: ReceiptPrinter | None = None,
    db_path: str | os.PathLike | None = None,
    lang: str | None = None,
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    reprint: bool = False,
    on_done: Callable[[str], None] | None = None,
    on_error: Callable[[KnownError], None] | None = None,
) -> Future:
    """Print a committed sale's receipt in the background; the caller never waits.

    Call it after ``selling.complete`` returned: the sale is already in the database, so a
    printer that is off, absent or out of paper only produces an ``on_error`` report.

    Args:
        sale: the committed sale.
        settings: the stand's settings (also chooses the printer when ``printer`` is None).
        printer: a printer to use instead of the one in the settings.
        db_path: the database file (PDF receipts default to a folder beside it).
        lang: receipt language; default the sale's, then the settings'.
        artisans: artisans to name on the receipt.
        reprint: mark the receipt as a copy (and never kick the cash drawer).
        on_done: called with where the receipt went.
        on_error: called with a ``KnownError`` (``.text("id")``/``.text("en")``).

    Returns:
        A future (tests and shutdown code may wait on it; the till should not).
    """

    def job() -> str:
        chosen = printer or printer_from_settings(settings, db_path=db_path)
        return chosen.print_receipt(sale, settings, lang=lang, artisans=artisans, reprint=reprint)

    return run_in_background(job, on_done=on_done, on_error=on_error)


def print_correction(
    correction: Correction,
    settings: Settings,
    *,
    printer: ReceiptPrinter | None = None,
    db_path: str | os.PathLike | None = None,
    lang: str | None = None,
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    reprint: bool = False,
) -> str:
    """Print a void's or refund's receipt now (on this thread); return where it went.

    The cash drawer opens when cash goes out (never for a copy). A PDF-folder printer saves
    it as ``T1-R000001.pdf`` (``T1-R000001-copy.pdf`` for a copy).

    Raises:
        PrinterError: the printer failed, or cannot print roll-paper documents.
    """
    from booth_pos.documents.refund_receipt import refund_document

    doc = refund_document(correction, settings, lang=lang, artisans=artisans, reprint=reprint)
    name = doc.name + ("-copy" if reprint else "")
    return print_document(doc, settings, printer=printer, db_path=db_path, name=name)


def print_correction_after_commit(
    correction: Correction,
    settings: Settings,
    *,
    printer: ReceiptPrinter | None = None,
    db_path: str | os.PathLike | None = None,
    lang: str | None = None,
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    reprint: bool = False,
    on_done: Callable[[str], None] | None = None,
    on_error: Callable[[KnownError], None] | None = None,
) -> Future:
    """Print a committed void's or refund's receipt in the background, like
    ``print_after_commit`` does for a sale: the correction is already stored, so a printer
    failure only produces an ``on_error`` report.

    Args:
        correction: the committed void or refund (``corrections.void``/``refund``).
        settings: the stand's settings (also chooses the printer when ``printer`` is None).
        printer: a printer to use instead of the one in the settings.
        db_path: the database file (PDF receipts default to a folder beside it).
        lang: receipt language; default the original sale's, then the settings'.
        artisans: artisans to name on the receipt.
        reprint: mark it as a copy (and never kick the cash drawer).
        on_done: called with where the receipt went.
        on_error: called with a ``KnownError``.

    Returns:
        A future (tests may wait on it; the till should not).
    """

    def job() -> str:
        return print_correction(
            correction,
            settings,
            printer=printer,
            db_path=db_path,
            lang=lang,
            artisans=artisans,
            reprint=reprint,
        )

    return run_in_background(job, on_done=on_done, on_error=on_error)


@runtime_checkable
class RollDocument(Protocol):
    """Any roll-paper document: ``documents.receipt.Document`` (intake and return notes,
    payout receipts, day slips) or a refund receipt's ``RefundDocument``."""

    name: str
    blocks: list
    kick_drawer: bool


def print_document(
    doc: RollDocument,
    settings: Settings,
    *,
    printer: ReceiptPrinter | None = None,
    db_path: str | os.PathLike | None = None,
    name: str | None = None,
) -> str:
    """Print a roll-paper document now (on this thread) through the configured printer.

    The PDF folder saves it as ``NAME.pdf`` (``IN-0001.pdf``, ``PO-0001.pdf``), an ESC/POS
    printer prints it with its native Code128 (opening the drawer when ``doc.kick_drawer``),
    a system printer at its own size.

    Args:
        doc: what to print (its name, blocks and whether cash went out).
        settings: the stand's settings (chooses the printer when ``printer`` is None, and
            the paper width).
        printer: a printer to use instead of the one in the settings.
        db_path: the database file (PDFs default to a folder beside it).
        name: the file name to use instead of ``doc.name`` (``T1-R000001-copy``).

    Returns:
        Where it went.

    Raises:
        PrinterError: the printer failed, or cannot print such documents.
    """
    chosen = printer or printer_from_settings(settings, db_path=db_path)
    print_blocks = getattr(chosen, "print_blocks", None)
    if print_blocks is None:
        raise PrinterError(
            en=f"{chosen.description} can print only sale receipts, not {doc.name}",
            id=f"{chosen.description} hanya bisa mencetak struk penjualan, bukan {doc.name}",
        )
    return print_blocks(
        doc.blocks,
        name=name or doc.name,
        width_mm=settings.receipt_width or 80,
        kick_drawer=doc.kick_drawer,
    )


def print_document_after_commit(
    doc: RollDocument,
    settings: Settings,
    *,
    printer: ReceiptPrinter | None = None,
    db_path: str | os.PathLike | None = None,
    on_done: Callable[[str], None] | None = None,
    on_error: Callable[[KnownError], None] | None = None,
) -> Future:
    """Print a committed document (a note, a payout) in the background: like a receipt, a
    printer failure only produces an ``on_error`` report; what it records is already stored.

    Returns:
        A future (tests may wait on it; the till should not).
    """

    def job() -> str:
        return print_document(doc, settings, printer=printer, db_path=db_path)

    return run_in_background(job, on_done=on_done, on_error=on_error)


def pdf_folder(settings: Settings, *, db_path: str | os.PathLike | None = None) -> Path:
    """Where documents saved as PDF go: the PDF printer's folder when it is the one chosen
    and has one, else ``receipts/`` beside the database."""
    kind = (settings.printer or "pdf").strip().lower()
    target = (settings.printer_target or "").strip()
    if kind == "pdf" and target:
        return Path(target).expanduser()
    return default_pdf_folder(db_path)


def save_pdf(
    pdf: bytes,
    name: str,
    settings: Settings,
    *,
    db_path: str | os.PathLike | None = None,
) -> str:
    """Save an A4 document (an intake or return note to sign) as ``NAME.pdf`` in the PDF
    folder, whatever the receipt printer is: a thermal roll cannot print A4.

    Raises:
        PrinterError: the folder cannot be written.
    """
    from booth_pos.printing.pdf import PdfFolderPrinter

    return PdfFolderPrinter(pdf_folder(settings, db_path=db_path)).save_pdf(pdf, name)


def wait_for_printing(timeout: float = 10.0) -> bool:
    """Wait until queued receipts are printed (call when the window closes).

    Returns:
        Whether the queue drained within ``timeout`` seconds.
    """
    return _printer_thread.wait(timeout)


__all__ = [
    "PRINTER_KINDS",
    "PrinterError",
    "ReceiptPrinter",
    "as_printer_error",
    "default_pdf_folder",
    "RollDocument",
    "pdf_folder",
    "print_after_commit",
    "print_correction",
    "print_correction_after_commit",
    "print_document",
    "print_document_after_commit",
    "printer_from_settings",
    "run_in_background",
    "save_pdf",
    "test_print",
    "wait_for_printing",
]
