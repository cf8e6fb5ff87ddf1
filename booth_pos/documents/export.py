"""Spreadsheet export of a report: one row per artisan, safe to open in Excel or LibreOffice.

A cell of text that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return)
would be run as a formula by a spreadsheet ("CSV injection"): an artisan named
``=HYPERLINK(...)`` must stay a name. Such a cell gets a leading apostrophe, which
spreadsheets show as plain text. Amounts are written as bare integers (a number is never a
formula), so sums still work.

The file is UTF-8 with a byte-order mark (Excel then reads Indonesian names right) and uses
``;`` between cells, like the stand's import files and Indonesian-locale spreadsheets. Those
spreadsheets (Indonesian, German...) take ``,`` as the decimal mark, so the commission
percentage is written ``12,5``: with a ``.`` LibreOffice and Excel there read it as text.
(JSON keeps its exact string ``"12.5"``.) The file to open in a spreadsheet is the XLSX
export (``documents.workbook``); this CSV is for other programs and quick looks.
"""

from __future__ import annotations

import csv
import io

from booth_pos.model.report import ARTISAN_COLUMNS, Report

#: The CSV columns: the JSON ``by_artisan`` keys, in the same order.
COLUMNS = ARTISAN_COLUMNS
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe.

    Args:
        value: a cell; integers pass unchanged.

    Returns:
        The cell as it is safe to write.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def artisan_rows(report: Report) -> list[list[object]]:
    """The header and one neutralised row per artisan (the JSON ``by_artisan`` keys), the
    commission percentage with a decimal comma (``12,5``) for the ``;`` CSV."""
    rows: list[list[object]] = [list(COLUMNS)]
    for a in report.by_artisan:
        cells = {c: getattr(a, c) for c in COLUMNS}
        cells["commission_percent"] = a.commission_percent.replace(".", ",")
        rows.append([neutralise(cells[c]) for c in COLUMNS])
    return rows


def artisans_csv(report: Report) -> str:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(artisan_rows(report))
    return buf.getvalue()


def artisans_csv_bytes(report: Report) -> bytes:
    """The CSV file's bytes: UTF-8 with a byte-order mark, so Excel reads the names right."""
    return artisans_csv(report).encode("utf-8-sig")
