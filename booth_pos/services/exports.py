"""Writing an export (a report, a CSV or XLSX, statements, a receipt, labels, the catalogue).

The one way the window and the command line save a document for a person: the file
appears whole or not at all (written beside the target, flushed to disk, then renamed over
it), and every export leaves exactly one ``export`` entry in the audit log with the same
keys, whoever wrote it:

- ``what``: one of ``KINDS``;
- ``path``: the file written;
- ``ref``: what it shows: a receipt number, a business date, ``event``, the labelled SKUs,
  or "" when nothing narrower applies.

The audit entry and the rename happen in one transaction: if the rename fails, the entry
rolls back; a render that fails leaves neither a file nor an entry.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from booth_pos.files import make_private
from booth_pos.model import KnownError
from booth_pos.model.report import DayReport, Report
from booth_pos.services import journal
from booth_pos.store import Store

#: The audit log's ``what`` of each export (the names the log has always used).
KINDS = (
    "report_pdf",
    "report_csv",
    "report_xlsx",
    "statements",
    "receipt",
    "labels",
    "catalogue",
    "day_slips",
    "stock_note",
    # Bulk buyers (issue 17).
    "quotation",
    "proforma",
    "production_order",
)

#: The audit log's action for every export.
ACTION = "export"


def report_ref(report: Report) -> str:
    """What a report export shows, for its audit entry: its business date, or ``event``."""
    return report.business_date.isoformat() if isinstance(report, DayReport) else "event"


def write_export(
    store: Store,
    path: str | os.PathLike,
    content: bytes | Callable[[Path], object],
    *,
    what: str,
    actor: str,
    at: datetime,
    ref: str = "",
) -> Path:
    """Save an export at ``path`` atomically and record it once in the audit log.

    Args:
        store: the open store (for the audit log).
        path: the file to create or replace; its folder must exist.
        content: the file's bytes, or ``render(tmp_path)`` that writes the file at
            ``tmp_path`` (a temporary file in the same folder).
        what: one of ``KINDS``.
        actor: who exports: the signed-in cashier, ``cli``, or "".
        at: when (aware datetime, from the clock).
        ref: what the export shows (receipt number, business date...), or "".

    Returns:
        The path written.

    Raises:
        KnownError: the folder does not exist or the file cannot be written; nothing is
            left behind and nothing is recorded.
    """
    if what not in KINDS:
        raise ValueError(f"unknown export kind {what!r}")  # a bug, not the user's doing
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise KnownError(en=f"No such folder: {folder}", id=f"Folder tidak ada: {folder}")
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    tmp = Path(name)
    try:
        try:
            with os.fdopen(fd, "wb") as f:
                if isinstance(content, bytes | bytearray):
                    f.write(content)
            if not isinstance(content, bytes | bytearray):
                content(tmp)
            make_private(tmp)  # a report names artisans and their money: the owner's only
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            detail = {"what": what, "path": str(path), "ref": ref}
            with store.atomic():  # the entry commits only if the rename succeeded
                journal.append_audit(store, actor, ACTION, detail, at)
                os.replace(tmp, path)
        except OSError as exc:
            raise _cannot_write(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(folder)
    return path


def _cannot_write(path: Path, exc: OSError) -> KnownError:
    return KnownError(
        en=f"Cannot write {path}: {exc.strerror or exc}",
        id=f"Tidak bisa menulis {path}: {exc.strerror or exc}",
    )


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk (POSIX); Windows cannot open a folder for it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # the file is in place; a lost sync is no refusal
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
