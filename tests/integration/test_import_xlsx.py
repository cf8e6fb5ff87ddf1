"""Importing the coordinator's XLSX workbooks: the same stand as from the CSV, or nothing."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from helpers import raw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booth_pos.barcodes import check_digit
from booth_pos.errors import KnownError
from booth_pos.services import imports, spreadsheets
from booth_pos.services.imports import ImportRefused

ARTISANS = ["code", "name", "owner", "phone", "commission_percent"]
PRODUCTS = ["sku", "name", "artisan_code", "category", "price", "stock", "barcode"]


def workbook(path: Path, *sheets: tuple[str, list[list]], formats=None) -> Path:
    """Save a workbook as a spreadsheet would: ``sheets`` are (title, rows); ``formats``
    maps (sheet title, "E4") to a cell's number format."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    for (title, ref), number_format in (formats or {}).items():
        book[title][ref].number_format = number_format
    book.save(path)
    return path


def dump(store) -> list[str]:
    """Everything in the database, to prove a refused file wrote nothing."""
    return list(raw(store).conn.iterdump())


@pytest.fixture
def stand(store, tmp_path):
    """A store that knows the artisans ECO and BKR (imported from a workbook)."""
    rows = [ARTISANS, ["ECO", "Sekar Ecoprint", "", "", 15], ["BKR", "Batik", "", "", "12,5"]]
    imports.import_artisans(store, workbook(tmp_path / "pengrajin.xlsx", ("Pengrajin", rows)))
    assert [a.commission_bp for a in store.artisans.all()] == [1250, 1500]
    return store


def ean13(first12: int) -> str:
    digits = f"{first12:012d}"
    return digits + check_digit(digits)


# -- every way a cell holds a figure ---------------------------------------------------------

PRICE_CELLS = [
    lambda v: v,  # a number cell
    lambda v: float(v),  # the double Excel actually stores
    lambda v: str(v),  # text
    lambda v: f"{v:,}".replace(",", "."),  # 150.000
    lambda v: "Rp " + f"{v:,}".replace(",", "."),  # Rp 150.000
    lambda v: "Rp" + f"{v:,}".replace(",", ".") + ",-",  # Rp150.000,-
]


@st.composite
def product_rows(draw):
    """Up to four products with unique SKUs and barcodes, each cell typed some way."""
    n = draw(st.integers(min_value=1, max_value=4))
    codes = draw(
        st.lists(
            st.integers(min_value=10**11, max_value=10**12 - 1), min_size=n, max_size=n,
            unique=True,
        )
    )  # fmt: skip
    rows, expected, formats = [], [], {}
    for i, first12 in enumerate(codes, start=2):
        price = draw(st.integers(min_value=1, max_value=50_000_000))
        stock = draw(st.integers(min_value=0, max_value=1000))
        barcode = ean13(first12)
        how = draw(st.sampled_from(["int", "float", "text"]))
        barcode_cell = {"int": int(barcode), "float": float(barcode), "text": barcode}[how]
        if how != "text":
            formats[("Produk", f"G{i}")] = draw(st.sampled_from(["General", "0", "0.00E+00"]))
        stock_cell = draw(st.sampled_from([stock, float(stock), str(stock)]))
        rows.append(
            [f"P-{i}", f"Produk {i}", "ECO", "", draw(st.sampled_from(PRICE_CELLS))(price),
             stock_cell, barcode_cell]
        )  # fmt: skip
        expected.append((f"P-{i}", price, stock, barcode))
    return rows, expected, formats


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(product_rows())
def test_products_typed_any_way_read_as_the_rupiah_and_barcodes_shown(stand, tmp_path, data):
    """Numbers, Indonesian-formatted text and numeric barcodes (even floats) read exactly."""
    rows, expected, formats = data
    path = workbook(tmp_path / "produk.xlsx", ("Produk", [PRODUCTS, *rows]), formats=formats)
    plan = imports.plan_products(stand, path)
    assert [(p.sku, p.price, p.stock, p.barcode) for p in plan.products] == expected
    assert plan.encoding == "xlsx"


@st.composite
def artisan_rows(draw):
    """Artisans whose commission is typed as 12,5 or 12.5 % or a percent-formatted cell."""
    bps = draw(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=4))
    rows, formats = [], {}
    for i, bp in enumerate(bps, start=2):
        text = f"{bp // 100}.{bp % 100:02d}"
        how = draw(st.sampled_from(["comma", "point %", "percent cell", "number"]))
        if how == "comma":
            cell = text.replace(".", ",")
        elif how == "point %":
            cell = text + " %"
        elif how == "number":
            cell = float(Decimal(text))
        else:
            cell = float(Decimal(bp) / 10_000)
            formats[("Pengrajin", f"E{i}")] = draw(st.sampled_from(["0%", "0.0%", "0.00%"]))
        rows.append([f"A{i}", f"Pengrajin {i}", "", "", cell])
    return rows, bps, formats


@settings(max_examples=40, deadline=None)
@given(artisan_rows())
def test_commissions_typed_any_way_are_the_percent_shown(tmp_path_factory, data):
    """A 12,5 % commission is 1250 bp whether typed as text or held as a fraction."""
    rows, bps, formats = data
    path = tmp_path_factory.mktemp("a") / "pengrajin.xlsx"
    workbook(path, ("Pengrajin", [ARTISANS, *rows]), formats=formats)
    assert [a.commission_bp for a in imports.parse_artisans(path)] == bps


# -- where the table is ------------------------------------------------------------------------


def test_a_title_above_the_header_is_skipped_and_lines_are_the_sheet_s_rows(stand, tmp_path, clock):
    """A sheet headed "Daftar produk" with the header on row 3 imports; problems name rows."""
    rows = [
        ["Daftar produk Ina Craft 2023"],
        [],
        PRODUCTS,
        ["ECO-01", "Selendang", "ECO", "Kain", 150000, 3, 8991234567891],
        ["ECO-02", "Masker", "ECO", "Kain", "Rp 25.000", 12],  # trailing cells left empty
    ]
    path = workbook(tmp_path / "produk.xlsx", ("Produk", rows))
    result = imports.import_products(stand, path, clock)
    assert (result.added, result.encoding) == (2, "xlsx")
    assert stand.products.by_code("ECO-01").barcode == "8991234567891"
    assert stand.products.by_code("ECO-02").price == 25_000

    rows[4][4] = "Rp 25.000,50"
    rows.append(["ECO-03", "Tas", "XXX", "", 1, 1])
    path = workbook(tmp_path / "bad.xlsx", ("Produk", rows))
    before = dump(stand)
    with pytest.raises(ImportRefused) as info:
        imports.import_products(stand, path, clock)
    assert [str(p) for p in info.value.problems] == [
        "line 5: price: rupiah have no cents: 'Rp 25.000,50'",
        "line 6: artisan_code: no artisan with code 'XXX'",
    ]
    assert dump(stand) == before


def test_a_missing_column_is_named_at_the_header_s_row(stand, tmp_path, clock):
    """The header problems name the row the header is on, as the CSV's name line 1."""
    path = workbook(tmp_path / "p.xlsx", ("Produk", [["Produk"], PRODUCTS[:-1], ["X", "Y"]]))
    with pytest.raises(ImportRefused) as info:
        imports.import_products(stand, path, clock)
    assert [str(p) for p in info.value.problems] == [
        "line 2: barcode: column missing from the header"
    ]


def test_sheet_picks_the_named_sheet_and_the_first_is_the_default(stand, tmp_path, clock):
    """A workbook with a notes sheet first imports the named sheet with --sheet."""
    path = workbook(
        tmp_path / "stand.xlsx",
        ("Catatan", [["Harga sudah termasuk PPN"]]),
        ("Produk", [PRODUCTS, ["ECO-01", "Selendang", "ECO", "", 150000, 3, ""]]),
    )
    with pytest.raises(ImportRefused):  # the first sheet has no header
        imports.import_products(stand, path, clock)
    assert imports.import_products(stand, path, clock, sheet="Produk").added == 1
    with pytest.raises(KnownError, match="no sheet named 'Barang'; its sheets are: Catatan, Pro"):
        imports.import_products(stand, path, clock, sheet="Barang")


def test_a_sheet_asked_of_a_csv_is_refused(stand, tmp_path, clock):
    """--sheet on a CSV says a CSV has no sheets rather than ignoring it."""
    path = tmp_path / "p.csv"
    path.write_text(",".join(PRODUCTS) + "\n", encoding="utf-8")
    with pytest.raises(KnownError, match="has no sheets"):
        imports.import_products(stand, path, clock, sheet="Produk")


def test_a_workbook_saved_with_a_csv_name_is_still_read_as_a_workbook(stand, tmp_path, clock):
    """By its content: "produk.csv" that is really an XLSX imports (openpyxl alone refuses)."""
    path = workbook(tmp_path / "p.xlsx", ("P", [PRODUCTS, ["ECO-01", "S", "ECO", "", 1000, 1]]))
    misnamed = path.rename(tmp_path / "produk.csv")
    assert imports.import_products(stand, misnamed, clock).encoding == "xlsx"


# -- files that are not what they say ------------------------------------------------------------


def _good_bytes() -> bytes:
    buf = io.BytesIO()
    book = openpyxl.Workbook()
    for i in range(300):
        book.active.append([f"P-{i}", "Selendang", "ECO", "", 150000 + i, 3, ""])
    book.save(buf)
    return buf.getvalue()


def _damaged_member(good: bytes) -> bytes:
    """The sheet's compressed bytes overwritten in the middle: a USB stick's bad sector."""
    info = zipfile.ZipFile(io.BytesIO(good)).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    middle = start + info.compress_size // 2
    return good[:middle] + b"\x00" * 64 + good[middle + 64 :]


BROKEN = {
    "text named .xlsx": (lambda: b"sku,name\nX,Y\n", "not an XLSX workbook"),
    "cut short": (lambda: _good_bytes()[:2000], "damaged or cut short"),
    # garbled XML or a bad checksum, whichever the inflater meets first
    "bad sector": (lambda: _damaged_member(_good_bytes()), "cannot be read as an XLSX workbook"),
    "Excel 97 .xls": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, ".xls"),
    "empty": (lambda: b"", "not an XLSX workbook"),
    "a zip, not a workbook": (
        lambda: _zip({"hello.txt": b"hi"}),
        "a part of the workbook is missing",
    ),
}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def refused_in_one_line(store, path: Path, clock) -> str:
    """Import ``path``: a one-line known error, nothing written; return the message."""
    before = dump(store)
    with pytest.raises(KnownError) as info:
        imports.import_products(store, path, clock)
    assert dump(store) == before, "a refused file must write nothing"
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"Nothing imported: {path.name}: ")
    return message


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_damaged_or_foreign_file_is_refused_in_one_line(stand, tmp_path, clock, case):
    """A truncated, corrupted, old-format or foreign file: one clear line, nothing written."""
    content, why = BROKEN[case]
    path = tmp_path / "produk.xlsx"
    path.write_bytes(content())
    assert why in refused_in_one_line(stand, path, clock)


def _with_sheet_xml(xml: bytes) -> bytes:
    """A valid workbook whose first sheet is ``xml``."""
    good = zipfile.ZipFile(io.BytesIO(_good_bytes()))
    members = {i.filename: good.read(i) for i in good.infolist()}
    members["xl/worksheets/sheet1.xml"] = xml
    return _zip(members)


SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"%s<sheetData>%s</sheetData></worksheet>"
)


def test_a_sheet_claiming_a_million_rows_is_refused_before_reading(stand, tmp_path, clock):
    """The declared size alone refuses a sheet far beyond any catalogue."""
    path = tmp_path / "huge.xlsx"
    path.write_bytes(_with_sheet_xml(SHEET % (b'<dimension ref="A1:G1048576"/>', b"")))
    assert "1,048,576 rows by 7 columns" in refused_in_one_line(stand, path, clock)


def test_rows_beyond_the_limit_are_refused_even_when_the_size_is_not_declared(
    stand, tmp_path, clock
):
    """A sheet without its size and a row at 1,000,000 is stopped at the limit, not read."""
    far = b'<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row>'
    path = tmp_path / "far.xlsx"
    path.write_bytes(_with_sheet_xml(SHEET % (b"", far)))
    assert "more than 200,000 rows" in refused_in_one_line(stand, path, clock)


def test_a_row_wider_than_any_import_is_refused(stand, tmp_path, clock):
    """A value in column 60 is refused, by the declared size or, without one, at its row."""
    row = [""] * 59 + ["x"]
    path = workbook(tmp_path / "wide.xlsx", ("P", [PRODUCTS, row]))
    assert "sheet 'P' is 2 rows by 60 columns" in refused_in_one_line(stand, path, clock)
    far = b'<row r="2"><c r="BH2" t="inlineStr"><is><t>x</t></is></c></row>'
    path.write_bytes(_with_sheet_xml(SHEET % (b"", far)))
    assert "row 2 of sheet 'Sheet' has cells beyond column 50" in refused_in_one_line(
        stand, path, clock
    )
    styled = b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="XFD2" s="0"/></row>'
    path.write_bytes(_with_sheet_xml(SHEET % (b"", styled)))
    assert "row 2 of sheet 'Sheet' reaches column 16,384" in refused_in_one_line(stand, path, clock)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(stand, tmp_path, clock):
    """A 1 MB file that would unpack to 260 MB is refused from the zip's own directory."""
    path = tmp_path / "bomb.xlsx"
    good = zipfile.ZipFile(io.BytesIO(_good_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in good.infolist():
            z.writestr(info, good.read(info))
        with z.open("xl/media/padding.bin", "w", force_zip64=True) as f:
            chunk = b" " * 2**20
            for _ in range(260):
                f.write(chunk)
    assert path.stat().st_size < 2 * 2**20
    assert "it unpacks to 260 MB" in refused_in_one_line(stand, path, clock)


def test_the_limits_are_what_the_messages_say():
    """The numbers a refusal quotes are the ones enforced (a typo here would mislead)."""
    assert (spreadsheets.MAX_ROWS, spreadsheets.MAX_COLUMNS) == (200_000, 50)


# -- a workbook made by LibreOffice ----------------------------------------------------------------


def soffice_convert(source: Path, tmp_path: Path, infilter: str) -> Path:
    """``soffice --headless --convert-to xlsx`` with a profile of its own (skip without it)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "lo-out"
    subprocess.run(
        [
            soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
            f"--infilter={infilter}", "--convert-to", "xlsx", "--outdir", str(out), str(source),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / (source.stem + ".xlsx")


def test_a_workbook_saved_by_an_indonesian_libreoffice_imports(stand, tmp_path, clock):
    """LibreOffice in id-ID makes numbers of 25.000, Rp 75.000 and the barcodes: all exact."""
    source = tmp_path / "produk.csv"
    source.write_text(
        "sku,name,artisan_code,category,price,stock,barcode\n"
        "ECO-01,Selendang Ecoprint,ECO,Kain,150000,3,8991234567891\n"
        "ECO-02,Masker Batik,ECO,Kain,25.000,12,4006381333931\n"
        "ECO-03,Tas Pandan,ECO,Anyaman,Rp 75.000,1,\n",
        encoding="utf-8",
    )
    # CSV filter: comma, double quote, UTF-8 (76), from line 1, Indonesian (LCID 1057)
    path = soffice_convert(source, tmp_path, "CSV:44,34,76,1,,1057")
    cells = [c.value for c in next(openpyxl.load_workbook(path).active.iter_rows(min_row=3))]
    assert isinstance(cells[4], int | float) and isinstance(cells[6], int | float)
    assert imports.import_products(stand, path, clock).added == 3
    got = [(p.sku, p.price, p.barcode) for p in stand.products.all() if p.sku != "ECO-03"]
    assert got == [("ECO-01", 150_000, "8991234567891"), ("ECO-02", 25_000, "4006381333931")]
    assert stand.products.by_code("ECO-03").price == 75_000


def test_a_workbook_libreoffice_saved_is_read_on_every_machine(stand, clock):
    """The same sheet as above, converted once by LibreOffice 7.4 (Calc, Indonesian locale)
    and kept as ``tests/helpers/data/produk_libreoffice_id.xlsx``: read where no LibreOffice
    is installed (CI), its numeric price and barcode cells come back exact."""
    path = Path(__file__).resolve().parents[1] / "helpers" / "data" / "produk_libreoffice_id.xlsx"
    assert b"<Application>LibreOffice/7.4" in zipfile.ZipFile(path).read("docProps/app.xml")
    cells = [c.value for c in next(openpyxl.load_workbook(path).active.iter_rows(min_row=3))]
    assert isinstance(cells[4], int | float) and isinstance(cells[6], int | float)
    assert imports.import_products(stand, path, clock).added == 3
    got = {p.sku: (p.price, p.barcode, p.stock) for p in stand.products.all()}
    assert got["ECO-01"] == (150_000, "8991234567891", 3)
    assert got["ECO-02"] == (25_000, "4006381333931", 12)
    assert got["ECO-03"][0] == 75_000 and got["ECO-03"][2] == 1
