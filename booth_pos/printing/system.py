"""Receipts on a printer the operating system knows (Windows or CUPS), through Qt.

The receipt PDF is rasterised with pdfium at the printer's own resolution (203 dpi on a
thermal printer, so barcode modules land on whole dots) and painted on a ``QPrinter`` whose
page is exactly the receipt's size. PySide6 is imported inside the functions only: the command
line and the other printers never load Qt.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable, Mapping

from booth_pos.documents.receipt import render_receipt
from booth_pos.model import Artisan, Sale, Settings
from booth_pos.printing import PrinterError

MAX_DPI = 600  # enough for any receipt; keeps a page image small


def _ensure_gui_app():
    """Qt printing needs a Qt application; the window has one, the command line makes one.

    A full ``QApplication``, not a ``QGuiApplication``: the process may build widgets after
    printing (a test run, a window opened later), and Qt aborts the whole process when a
    widget is made under a bare QGuiApplication.
    """
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if threading.current_thread() is not threading.main_thread():
        raise PrinterError(
            en="System printing needs the Booth POS window (no Qt application is running)",
            id="Cetak ke printer sistem butuh jendela Booth POS (aplikasi Qt belum berjalan)",
        )
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # printing needs no screen
    return QApplication([sys.argv[0] if sys.argv else "booth-pos"])


def available_printers() -> list[str]:
    """Names of the printers installed on this computer (empty without CUPS or drivers)."""
    _ensure_gui_app()
    from PySide6.QtPrintSupport import QPrinterInfo

    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def _printer_info(name: str):
    from PySide6.QtPrintSupport import QPrinterInfo

    infos = QPrinterInfo.availablePrinters()
    if not infos:
        raise PrinterError(
            en="No printer is installed on this computer. Install the receipt printer's driver, "
            "or choose the PDF folder or ESC/POS printer in Settings.",
            id="Tidak ada printer terpasang di komputer ini. Pasang driver printer struk, atau "
            "pilih folder PDF atau printer ESC/POS di Pengaturan.",
        )
    if not name:
        default = QPrinterInfo.defaultPrinter()
        return default if not default.isNull() else infos[0]
    for info in infos:
        if info.printerName() == name:
            return info
    names = ", ".join(info.printerName() for info in infos)
    raise PrinterError(
        en=f"The printer {name!r} is not installed (installed: {names})",
        id=f"Printer {name!r} tidak terpasang (yang ada: {names})",
    )


def print_pdf(pdf: bytes, *, printer_name: str = "", output_file: str | None = None) -> str:
    """Print every page of ``pdf`` at its own size.

    Args:
        pdf: the document (a receipt: one page as tall as its content).
        printer_name: an installed printer; empty means the default printer.
        output_file: write through Qt's PDF engine into this file instead (tests, previews).

    Returns:
        The printer's name, or the output file.
    """
    _ensure_gui_app()
    import pypdfium2 as pdfium
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrinter

    if output_file:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(output_file)
        printer.setResolution(203)  # as a thermal printer's driver reports it
        where = output_file
    else:
        info = _printer_info(printer_name)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        where = info.printerName()
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        for index in range(len(document)):
            page = document[index]
            w_pt, h_pt = page.get_size()
            size = QPageSize(
                QSizeF(w_pt * 25.4 / 72, h_pt * 25.4 / 72),
                QPageSize.Unit.Millimeter,
                "Receipt",
                QPageSize.SizeMatchPolicy.ExactMatch,
            )
            layout = QPageLayout(
                size,
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
                QPageLayout.Unit.Millimeter,
            )
            printer.setFullPage(True)
            if not printer.setPageLayout(layout):
                printer.setPageSize(size)
            if index == 0:
                if not painter.begin(printer):
                    raise PrinterError(
                        en=f"The printer {where!r} refused the job (is it on and connected?). "
                        "The sale is saved; reprint it from Sales history.",
                        id=f"Printer {where!r} menolak pekerjaan cetak (menyala dan tersambung?). "
                        "Penjualan sudah tersimpan; cetak ulang dari Riwayat penjualan.",
                    )
            elif not printer.newPage():
                raise PrinterError(
                    en="The printer stopped mid-job", id="Printer berhenti di tengah"
                )
            dpi = min(printer.resolution(), MAX_DPI)
            bitmap = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            data = bitmap.tobytes()
            image = QImage(
                data, bitmap.width, bitmap.height, bitmap.width, QImage.Format.Format_Grayscale8
            )
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(target), image)
    finally:
        if painter.isActive():
            painter.end()
        document.close()
    return where


class SystemPrinter:
    """An installed printer (Windows, CUPS), used through Qt.

    Attributes:
        name: the printer's name; empty means the system's default printer.
        description: for the settings page.
    """

    def __init__(self, name: str = "", *, output_file: str | None = None):
        self.name = name
        self.output_file = output_file
        self.description = f"System printer: {name or 'default'}"

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
        pdf = render_receipt(
            sale, settings, lang=lang, artisans=artisans, reprint=reprint, test=test
        )
        return print_pdf(pdf, printer_name=self.name, output_file=self.output_file)

    def print_blocks(
        self, blocks: list, *, name: str, width_mm: int = 80, kick_drawer: bool = False
    ) -> str:
        """Print any receipt-like document (a refund receipt) at its own size."""
        from booth_pos.documents.receipt import render_blocks

        pdf = render_blocks(blocks, width_mm=width_mm, title=name)
        return print_pdf(pdf, printer_name=self.name, output_file=self.output_file)
