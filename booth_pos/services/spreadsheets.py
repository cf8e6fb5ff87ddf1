"""Reading the coordinator's XLSX workbooks: each cell as the text a CSV would have held.

The import's rules live in ``services.imports``; this module only opens a workbook
(openpyxl, read-only mode, bounded) and turns every cell into the text the import's parsers
already accept, so an XLSX and a CSV of the same sheet import the same:

- an integer stays its digits; a float with no fraction becomes the exact integer's digits
  (Excel stores every number as a double: a 13-digit barcode typed into a General cell is
  ``8991234567895.0`` and shows as ``8.99123E+12``; any integer below 2**53 is exact in a
  double, so nothing is rounded);
- a cell formatted as a percentage holds the fraction (``0.125`` shows ``12,5 %``): it
  becomes ``12.5``, in exact decimal arithmetic on the stored number's shortest text;
- a float with a fraction stays its text (``150000.5``), so the money parser refuses it
  by name (rupiah have no cents);
- a date becomes ISO text; text stays text.

A sheet is refused, with one line saying why, when the file is not a readable workbook, a
named sheet is missing, or it is larger than an import can sensibly be (``MAX_ROWS``,
``MAX_COLUMNS``, ``MAX_UNPACKED`` bytes once unzipped): a damaged or hostile file never
runs the machine out of memory.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from booth_pos.model import KnownError

#: An XLSX (like every Office Open XML file) is a zip: it starts with a local file header.
ZIP_MAGIC = b"PK\x03\x04"
#: Excel 97-2003 ``.xls`` (an OLE compound file): openpyxl cannot read it.
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
MAX_ROWS = 200_000
MAX_COLUMNS = 50
#: How far right a row's (perhaps only formatted) cells may reach; openpyxl pads each row
#: to its last cell, so this bounds the work per row.
MAX_SPAN = 1024
#: What the whole workbook may unzip to; a real 200,000-row catalogue is about 60 MB.
MAX_UNPACKED = 256 * 1024 * 1024
#: Below this every integer is exact in a double (Excel's only number type).
_EXACT_INTEGERS = 2**53


class WorkbookUnreadable(KnownError):
    """The file is not a workbook the import can read; nothing was written."""

    def __init__(self, path: Path, en: str, id: str):
        super().__init__(
            en=f"Nothing imported: {Path(path).name}: {en}",
            id=f"Tidak ada yang diimpor: {Path(path).name}: {id}",
        )


def looks_like_workbook(path: Path, head: bytes) -> bool:
    """Whether to read ``path`` as a workbook: by its first bytes, or its name (so a
    damaged ``.xlsx`` is refused as a workbook, not misread as a CSV)."""
    return head.startswith((ZIP_MAGIC, OLE_MAGIC)) or Path(path).suffix.lower() in (
        ".xlsx",
        ".xlsm",
        ".xls",
    )


def read_sheet(path: Path, *, sheet: str | None = None) -> list[tuple[int, list[str]]]:
    """The non-blank rows of the first sheet (or ``sheet``) as ``(row number, cell texts)``.

    Trailing empty cells are dropped, so rows differ in length. Row numbers are the
    sheet's own (what Excel shows at the left), so a problem names the row a person sees.

    Raises:
        WorkbookUnreadable: not a workbook, damaged or cut short, no such sheet, or too big.
    """
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise KnownError(
            en=f"Cannot read {path}: {exc.strerror}", id=f"Tidak bisa membaca {path}"
        ) from exc
    if head.startswith(OLE_MAGIC):
        raise WorkbookUnreadable(
            path,
            en="an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV UTF-8",
            id="buku kerja Excel 97-2003 (.xls); simpan sebagai .xlsx atau CSV UTF-8",
        )
    if not head.startswith(ZIP_MAGIC):
        raise _damaged(path, "not an XLSX workbook")
    _check_unpacked_size(path)
    return list(_rows(path, sheet))


def _damaged(path: Path, why: str) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        path,
        en=f"cannot be read as an XLSX workbook ({why}); save it again from the spreadsheet",
        id=f"tidak bisa dibaca sebagai buku kerja XLSX ({why}); simpan ulang dari spreadsheet",
    )


def _too_big(path: Path, en: str, id: str) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        path,
        en=f"{en}; an import takes at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns",
        id=f"{id}; impor menerima paling banyak {MAX_ROWS:,} baris dan {MAX_COLUMNS} kolom",
    )


def _check_unpacked_size(path: Path) -> None:
    """Refuse a zip that would unpack to more than ``MAX_UNPACKED`` (a zip bomb) before
    openpyxl inflates any of it. The zip's own sizes bound what ``zipfile`` will inflate."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _damaged(path, "damaged or cut short") from exc
    if unpacked > MAX_UNPACKED:
        raise _too_big(
            path,
            en=f"it unpacks to {unpacked // 2**20:,} MB",
            id=f"isinya {unpacked // 2**20:,} MB setelah dibuka",
        )


def _rows(path: Path, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    import openpyxl

    # A file object, not the name: openpyxl refuses a name not ending in .xlsx/.xlsm, and a
    # workbook saved as "produk.csv" by mistake is still a workbook.
    # openpyxl warns about what it skips (data validation, conditional formats, a missing
    # default style): nothing an import reads, and a warning would break the CLI's one line.
    with path.open("rb") as f, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(f, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises anything on a damaged file (KeyError...)
            raise _damaged(path, _why(exc)) from exc
        try:
            if sheet is None:
                if not book.sheetnames:
                    raise _damaged(path, "it has no sheet")
                ws = book[book.sheetnames[0]]
            elif sheet in book.sheetnames:
                ws = book[sheet]
            else:
                names = ", ".join(book.sheetnames)
                raise WorkbookUnreadable(
                    path,
                    en=f"no sheet named {sheet!r}; its sheets are: {names}",
                    id=f"tidak ada lembar bernama {sheet!r}; lembarnya: {names}",
                )
            if not hasattr(ws, "iter_rows"):  # a chart sheet
                raise _damaged(path, f"sheet {ws.title!r} holds no cells")
            declared_rows, declared_cols = ws.max_row or 0, ws.max_column or 0
            if declared_rows > MAX_ROWS or declared_cols > MAX_COLUMNS:
                raise _too_big(
                    path,
                    en=f"sheet {ws.title!r} is {declared_rows:,} rows by {declared_cols} columns",
                    id=f"lembar {ws.title!r} berukuran {declared_rows:,} baris x "
                    f"{declared_cols} kolom",
                )
            # The declared size may be wrong (some programs write A1): openpyxl would then
            # silently stop at it, and an import must never lose rows without saying so.
            ws.reset_dimensions()
            yield from _sheet_rows(path, ws)
        except KnownError:
            raise
        except Exception as exc:  # a member cut short or bad XML shows only while reading
            raise _damaged(path, _why(exc)) from exc
        finally:
            book.close()  # read-only mode keeps the archive open until closed


def _sheet_rows(path: Path, ws) -> Iterator[tuple[int, list[str]]]:
    for number, cells in enumerate(ws.iter_rows(), start=1):
        if number > MAX_ROWS:
            raise _too_big(
                path,
                en=f"sheet {ws.title!r} has more than {MAX_ROWS:,} rows",
                id=f"lembar {ws.title!r} lebih dari {MAX_ROWS:,} baris",
            )
        if len(cells) > MAX_SPAN:  # formatting far to the right costs as much as values
            raise _too_big(
                path,
                en=f"row {number} of sheet {ws.title!r} reaches column {len(cells):,}",
                id=f"baris {number} lembar {ws.title!r} sampai kolom {len(cells):,}",
            )
        texts = [cell_text(c.value, c.number_format or "General") for c in cells]
        while texts and not texts[-1].strip():
            texts.pop()
        if len(texts) > MAX_COLUMNS:
            raise _too_big(
                path,
                en=f"row {number} of sheet {ws.title!r} has cells beyond column {MAX_COLUMNS}",
                id=f"baris {number} lembar {ws.title!r} berisi sel di luar kolom {MAX_COLUMNS}",
            )
        if texts:
            yield number, texts


def _why(exc: Exception) -> str:
    """A few words on why openpyxl gave up (its own messages name Python internals)."""
    if isinstance(exc, zipfile.BadZipFile | EOFError | zlib.error):
        return "damaged or cut short"
    if isinstance(exc, KeyError):
        return "a part of the workbook is missing"
    if isinstance(exc, SyntaxError):  # xml.etree's ParseError, lxml's XMLSyntaxError
        return "its contents are not valid XML"
    return f"{type(exc).__name__}"


_QUOTED = re.compile(r'"[^"]*"')


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell's value as the text the import's parsers take (see the module's docstring).

    Args:
        value: what openpyxl read: None, bool, int, float, str, a date or time.
        number_format: the cell's format; a ``%`` in it (outside quotes) means the cell
            holds a fraction; only zeros (``0000000000000``) pads the digits to its width
            (a UPC code kept with its leading zero).

    Returns:
        The text; "" for an empty cell.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, int | float):
        if "%" in _QUOTED.sub("", number_format):
            return _percent_text(value)
        return _number_text(value, number_format)
    return str(value)


def _number_text(value: int | float, number_format: str) -> str:
    if isinstance(value, float):
        if not (value.is_integer() and abs(value) < _EXACT_INTEGERS):
            return repr(value)  # "150000.5", "1e+16", "nan": refused by name downstream
        value = int(value)
    digits = str(value)
    if value >= 0 and re.fullmatch(r"0+", number_format):
        digits = digits.zfill(len(number_format))
    return digits


def _percent_text(value: int | float) -> str:
    """0.125 -> "12.5": the stored number's shortest text (``repr``) times 100, exactly."""
    percent = Decimal(repr(value)) * 100
    if not percent.is_finite():  # inf, nan: refused by name downstream
        return repr(value)
    return format(percent.normalize(), "f")
