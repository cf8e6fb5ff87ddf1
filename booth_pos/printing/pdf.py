"""The default receipt printer: each receipt saved as ``RECEIPT_NO.pdf`` in a folder.

Works on every machine, so a stand without a printer still keeps a copy of every receipt it
can e-mail or print later.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from booth_pos.documents.receipt import render_receipt
from booth_pos.files import make_dirs, make_private
from booth_pos.model import Artisan, Sale, Settings
from booth_pos.printing import PrinterError


def safe_name(receipt_no: str) -> str:
    """A file name from a receipt number (keeps letters, digits, ``-`` and ``_``)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", receipt_no) or "receipt"


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a crash never leaves half a file under that name."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        make_private(tmp)  # mkstemp's 0600 already; said here so no refactor loses it
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class PdfFolderPrinter:
    """Saves receipts as PDF files.

    Attributes:
        folder: where the files go (created when first needed).
        description: for the settings page.
    """

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.description = f"PDF: {self.folder}"

    def path_for(self, sale: Sale, *, reprint: bool = False) -> Path:
        """``RECEIPT_NO.pdf``; a reprint is ``RECEIPT_NO-copy.pdf`` so the original stays."""
        return self.folder / f"{safe_name(sale.receipt_no)}{'-copy' if reprint else ''}.pdf"

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
        return self._save(pdf, self.path_for(sale, reprint=reprint))

    def print_blocks(
        self, blocks: list, *, name: str, width_mm: int = 80, kick_drawer: bool = False
    ) -> str:
        """Save any receipt-like document (a refund receipt) as ``NAME.pdf``."""
        from booth_pos.documents.receipt import render_blocks

        pdf = render_blocks(blocks, width_mm=width_mm, title=name)
        return self._save(pdf, self.folder / f"{safe_name(name)}.pdf")

    def save_pdf(self, pdf: bytes, name: str) -> str:
        """Save a finished PDF (an A4 note) as ``NAME.pdf``; return its path."""
        return self._save(pdf, self.folder / f"{safe_name(name)}.pdf")

    def _save(self, pdf: bytes, path: Path) -> str:
        try:
            make_dirs(self.folder)  # a folder it creates is the owner's only
            write_atomically(path, pdf)
        except OSError as exc:
            raise PrinterError(
                en=f"Cannot save the receipt in {self.folder}: {exc.strerror or exc}. "
                "The sale is saved; choose another folder in Settings and reprint it.",
                id=f"Struk tidak bisa disimpan di {self.folder}: {exc.strerror or exc}. "
                "Penjualan sudah tersimpan; pilih folder lain di Pengaturan lalu cetak ulang.",
            ) from exc
        return str(path)
