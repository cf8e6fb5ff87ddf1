"""``booth-pos import ... FILE.xlsx`` and ``report --xlsx`` run as the coordinator runs them."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from helpers.cli import booth_pos

pytestmark = pytest.mark.e2e

ARTISANS = ["code", "name", "owner", "phone", "commission_percent"]
PRODUCTS = ["sku", "name", "artisan_code", "category", "price", "stock", "barcode"]


def save(path: Path, rows: list[list], title: str = "Sheet1", formats=None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    book.save(path)
    return path


def test_a_coordinator_s_workbooks_import_and_list_as_typed(tmp_path):
    """Artisans from a titled sheet, products from a named sheet: the exact rates and codes."""
    db = tmp_path / "booth.sqlite"
    artisans = save(
        tmp_path / "pengrajin.xlsx",
        [["Pengrajin Ina Craft 2023"], ARTISANS, ["ECO", "Sekar Ecoprint", "Siti", "", 0.125],
         ["BKR", "Batik Krakatau", "", "", "15 %"]],
        formats={"E3": "0.0%"},
    )  # fmt: skip
    done = booth_pos(db, "import", "artisans", str(artisans))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "artisans: 2 added, 0 updated (from the first sheet)"

    products = tmp_path / "produk.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Catatan"
    ws = book.create_sheet("Produk")
    for row in [PRODUCTS, ["ECO-01", "Selendang", "ECO", "Kain", "Rp 150.000", 3, 8991234567891.0],
                ["BKR-01", "Batik Tulis", "BKR", "Kain", 450000, 2.0, 4006381333931]]:  # fmt: skip
        ws.append(row)
    ws["G2"].number_format = "0.00E+00"  # Excel shows 8.99E+12
    book.save(products)
    done = booth_pos(db, "import", "products", str(products), "--sheet", "Produk")
    assert done.returncode == 0, done.stderr
    assert "2 added, 0 updated (from sheet 'Produk')" in done.stdout
    listed = {p["sku"]: p for p in json.loads(booth_pos(db, "products", "--json").stdout)}
    assert listed["ECO-01"]["barcode"] == "8991234567891" and listed["ECO-01"]["price"] == 150_000
    assert listed["BKR-01"]["barcode"] == "4006381333931" and listed["BKR-01"]["stock"] == 2


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"PK\x03\x04 not really a zip", "cannot be read as an XLSX workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "Excel 97-2003 workbook (.xls)"),
    ],
)
def test_a_damaged_workbook_is_one_line_exit_1_and_writes_nothing(tmp_path, content, why):
    """No traceback, one line on stderr naming the file, the database untouched."""
    db = tmp_path / "booth.sqlite"
    path = tmp_path / "produk.xlsx"
    path.write_bytes(content)
    assert booth_pos(db, "demo").returncode == 0
    before = booth_pos(db, "products", "--json").stdout
    assert len(json.loads(before)) == 54
    done = booth_pos(db, "import", "products", str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "produk.xlsx" in lines[0] and why in lines[0]
    assert booth_pos(db, "products", "--json").stdout == before


def test_a_missing_sheet_names_the_ones_there(tmp_path):
    """--sheet with a typo lists the workbook's sheets, exit 1."""
    db = tmp_path / "booth.sqlite"
    path = save(tmp_path / "pengrajin.xlsx", [ARTISANS], title="Pengrajin")
    done = booth_pos(db, "import", "artisans", str(path), "--sheet", "Pengrajn")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "no sheet named 'Pengrajn'; its sheets are: Pengrajin" in done.stderr


def test_report_xlsx_holds_the_figures_of_report_json(tmp_path):
    """The workbook written by --xlsx has the JSON's per-artisan figures and payment split."""
    db = tmp_path / "event.sqlite"
    assert booth_pos(db, "demo", "--days", "2", "--sales-per-day", "20").returncode == 0
    out = tmp_path / "event.xlsx"
    done = booth_pos(db, "report", "--event", "--json", "--xlsx", str(out))
    assert done.returncode == 0, done.stderr
    assert f"XLSX written to {out}" in done.stderr
    data = json.loads(done.stdout)
    book = openpyxl.load_workbook(out)
    rows = list(book["Artisans"].iter_rows(values_only=True))
    header = rows[0]
    got = [dict(zip(header, r, strict=True)) for r in rows[1:-1]]
    assert rows[-1][0] == "total"
    for row, want in zip(got, data["by_artisan"], strict=True):
        for key in ("code", "name", "items", "gross", "net", "commission", "payout", "balance"):
            assert row[key] == want[key], key
        rate = (Decimal(repr(row["commission_percent"])) * 100).normalize()
        assert format(rate, "f") == want["commission_percent"]
    payments = {r[0]: r[3] for r in book["Payments"].iter_rows(min_row=2, values_only=True)}
    payments.pop("total")
    assert payments == data["by_payment"]
    audit = json.loads(booth_pos(db, "audit", "--json", "--kind", "export").stdout)
    assert [a["detail"]["what"] for a in audit] == ["report_xlsx"]


def test_a_workbook_openpyxl_warns_about_imports_without_noise(tmp_path):
    """A workbook without a style sheet (some exporters) imports; stderr stays empty."""
    source = save(tmp_path / "plain.xlsx", [ARTISANS, ["ECO", "Sekar Ecoprint", "", "", 15]])
    with zipfile.ZipFile(source) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    members["xl/styles.xml"] = (
        b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    )
    path = tmp_path / "pengrajin.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    done = booth_pos(tmp_path / "booth.sqlite", "import", "artisans", str(path))
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.strip() == "artisans: 1 added, 0 updated (from the first sheet)"
