"""Importing the artisans' and products' sheets, as exported from a spreadsheet on a laptop."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import raw

from booth_pos.barcodes import is_valid_gtin
from booth_pos.model import Product
from booth_pos.services import imports
from booth_pos.services.imports import ImportRefused

ARTISANS_HEADER = "code,name,owner,phone,commission_percent"
PRODUCTS_HEADER = "sku,name,artisan_code,category,price,stock,barcode"


def write(path: Path, *lines: str, newline: str = "\n", bom: bool = False, encoding="utf-8"):
    """Write a sheet as a spreadsheet would save it."""
    data = newline.join(lines) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode(encoding))
    return path


def dump(store) -> list[str]:
    """Everything in the database, to prove a refused file wrote nothing."""
    return list(raw(store).conn.iterdump())


@pytest.fixture
def artisans_file(tmp_path):
    return write(
        tmp_path / "artisans.csv",
        ARTISANS_HEADER,
        "ECO,Sekar Ecoprint,Siti Nurhaliza,0812-8765-4321,15",
        'BKR,Batik Krakatau,Hj. Ratna Dewi,0813-1122-3344,"12,5"',
        "PDN,Anyaman Pandan Merak,Dede Kurniawan,0857-2233-4455,10",
    )


@pytest.fixture
def stand(store, artisans_file):
    """A store that already knows the three artisans."""
    imports.import_artisans(store, artisans_file)
    return store


def refusal(store, path: Path, clock=None, kind: str = "products") -> list[str]:
    """Import ``path``, expect a refusal, check nothing was written; return the problems."""
    before = dump(store)
    with pytest.raises(ImportRefused) as info:
        if kind == "products":
            imports.import_products(store, path, clock)
        else:
            imports.import_artisans(store, path)
    assert dump(store) == before, "a refused file must write nothing"
    assert str(info.value).startswith("Nothing imported")
    return [str(p) for p in info.value.problems]


# -- artisans ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "newline", "bom"),
    [(",", "\n", False), (";", "\n", False), (";", "\r\n", True), (",", "\r\n", True)],
)
def test_artisans_sheet_imports_from_any_common_export(store, tmp_path, delimiter, newline, bom):
    """Comma or semicolon, with or without BOM, LF or CRLF: the same artisans come in."""
    rows = [
        ["code", "name", "owner", "phone", "commission_percent"],
        ["ECO", "Sekar Ecoprint", "Siti Nurhaliza", "0812-8765-4321", "15"],
        ["BKR", "Batik Krakatau", "Hj. Ratna Dewi", "0813-1122-3344", "12,5"],
        ["TNB", "Tenun Banten", "Ujang Suryana", "", "12.5"],
        ["DMP", "  Dompet Kulit Ciwandan ", "Ahmad Fauzi", "0878", "12,5%"],
    ]
    lines = [delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in rows]
    result = imports.import_artisans(
        store, write(tmp_path / "a.csv", *lines, newline=newline, bom=bom)
    )
    assert (result.added, result.updated) == (4, 0)
    by_code = {a.code: a for a in store.artisans.all()}
    assert by_code["ECO"].commission_bp == 1500
    assert by_code["BKR"].commission_bp == by_code["TNB"].commission_bp == 1250
    assert by_code["DMP"].commission_bp == 1250
    assert by_code["DMP"].name == "Dompet Kulit Ciwandan"  # trimmed, otherwise as written
    assert by_code["BKR"].owner == "Hj. Ratna Dewi"


def test_reimporting_artisans_updates_by_code_and_never_deletes(store, tmp_path, artisans_file):
    """A corrected sheet updates the named artisans and leaves the others alone."""
    imports.import_artisans(store, artisans_file)
    fixed = write(
        tmp_path / "fixed.csv",
        ARTISANS_HEADER,
        "ECO,Sekar Ecoprint Jaya,Siti N.,0812,17.5",
        "BRD,Bordir Kerudung Cilegon,Fitri Handayani,0815,12",
    )
    result = imports.import_artisans(store, fixed)
    assert (result.added, result.updated) == (1, 1)
    by_code = {a.code: a for a in store.artisans.all()}
    assert set(by_code) == {"ECO", "BKR", "PDN", "BRD"}
    assert by_code["ECO"].name == "Sekar Ecoprint Jaya"
    assert by_code["ECO"].commission_bp == 1750


def test_bad_artisan_rows_refuse_the_whole_sheet(store, tmp_path):
    """Every bad artisan row is listed by line and column, and not one artisan is written."""
    path = write(
        tmp_path / "a.csv",
        ARTISANS_HEADER,
        "ECO,Sekar Ecoprint,Siti,0812,15",
        "BKR,,Ratna,0813,101",
        "ECO,Dupe,Someone,0,10",
        "TN B,Tenun,Ujang,0,12.345",
    )
    assert refusal(store, path, kind="artisans") == [
        "line 3: name: required",
        "line 3: commission_percent: percentage above 100: '101'",
        "line 4: code: duplicate of line 2",
        "line 5: code: must not contain spaces",
        "line 5: commission_percent: not a percentage (0 to 100, two decimals at most): '12.345'",
    ]
    assert store.artisans.all() == []


def test_the_same_refusal_reads_in_indonesian_for_the_indonesian_window(store, tmp_path):
    """Each reason also in Indonesian, by line and column (the window's default language)."""
    path = write(
        tmp_path / "a.csv",
        ARTISANS_HEADER,
        "BKR,,Ratna,0813,101",
        "BKR,Dupe,Someone,0,10",
        "TN B,Tenun,Ujang,0,10",
    )
    with pytest.raises(ImportRefused) as info:
        imports.import_artisans(store, path)
    assert info.value.text("id").splitlines() == [
        "Tidak ada yang diimpor; 4 masalah:",
        "baris 2: name: wajib diisi",
        "baris 2: commission_percent: persentase di atas 100: '101'",
        "baris 3: code: sama dengan baris 2",
        "baris 4: code: tidak boleh berisi spasi",
    ]
    assert [p.listing("en") for p in info.value.problems][0] == "line 2: name: required"


# -- products ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "price",
    ["150000", "150.000", '"150,000"', "Rp 150.000", "Rp150.000", '"Rp 150.000,-"', '"150.000,00"'],
)
def test_every_common_way_of_writing_a_price_means_the_same_rupiah(stand, tmp_path, clock, price):
    """150000, 150.000, 150,000, Rp 150.000 and Rp150.000 all put Rp 150.000 on the tag."""
    path = write(tmp_path / "p.csv", PRODUCTS_HEADER, f"ECO-01,Selendang,ECO,Ecoprint,{price},3,")
    imports.import_products(stand, path, clock)
    [product] = stand.products.all()
    assert product.price == 150_000
    assert type(product.price) is int


def test_products_sheet_with_semicolons_bom_and_crlf_imports(stand, tmp_path, clock):
    """An Indonesian Excel export (semicolons, BOM, CRLF, dotted prices) imports as written."""
    path = write(
        tmp_path / "p.csv",
        "sku;name;artisan_code;category;price;stock;barcode",
        "ECO-01; Selendang Ecoprint Daun Jati ;ECO;Ecoprint;Rp 285.000;12;",
        "BKR-05;Masker Batik, motif Debus;BKR;Batik Cap;25.000;40;8990001234103",
        "PDN-01;Tas Anyaman Pandan Besar;PDN;Tas;1.235.000;1.000;4006381333931",
        newline="\r\n",
        bom=True,
    )
    result = imports.import_products(stand, path, clock)
    assert (result.added, result.updated) == (3, 0)
    rows = {r["sku"]: r for r in imports.products_as_dicts(stand)}
    assert rows["ECO-01"]["name"] == "Selendang Ecoprint Daun Jati"
    assert rows["ECO-01"]["price"] == 285_000 and rows["ECO-01"]["stock"] == 12
    assert rows["BKR-05"]["name"] == "Masker Batik, motif Debus"
    assert rows["BKR-05"]["barcode"] == "8990001234103"
    assert rows["PDN-01"]["price"] == 1_235_000 and rows["PDN-01"]["stock"] == 1000
    assert rows["PDN-01"]["barcode"] == "4006381333931"


def test_unlabelled_products_get_unique_in_store_barcodes(stand, tmp_path, clock):
    """Goods without a barcode get valid in-store EAN-13s that clash with nothing already used."""
    lines = [PRODUCTS_HEADER, "ECO-00,Labelled,ECO,,10.000,1,2000000000015"]
    lines += [f"ECO-{i:02d},Barang {i},ECO,,10.000,1," for i in range(1, 21)]
    imports.import_products(stand, write(tmp_path / "p.csv", *lines), clock)
    codes = [p.barcode for p in stand.products.all()]
    assert len(codes) == 21 and len(set(codes)) == 21
    assert all(c.startswith("2") and len(c) == 13 and is_valid_gtin(c) for c in codes)
    # A scanner finds each product by its new label.
    for p in stand.products.all():
        assert imports.find_product(stand, p.barcode).sku == p.sku


def test_reimport_updates_by_sku_keeps_generated_barcodes_and_never_deletes(stand, tmp_path, clock):
    """A corrected price list updates prices, keeps printed labels valid, drops nothing."""
    first = write(
        tmp_path / "p1.csv",
        PRODUCTS_HEADER,
        "ECO-01,Selendang,ECO,Ecoprint,285.000,12,",
        "ECO-02,Kain Sutra,ECO,Ecoprint,650.000,6,",
        "BKR-05,Masker Batik,BKR,Batik Cap,25.000,40,8990001234103",
    )
    imports.import_products(stand, first, clock)
    labels = {p.sku: p.barcode for p in stand.products.all()}

    second = write(
        tmp_path / "p2.csv",
        PRODUCTS_HEADER,
        "ECO-01,Selendang Daun Jati,ECO,Ecoprint,Rp 295.000,10,",
        "PDN-02,Tas Pandan Mini,PDN,Tas,95.000,18,",
    )
    result = imports.import_products(stand, second, clock)
    assert (result.added, result.updated) == (1, 1)
    products = {p.sku: p for p in stand.products.all()}
    assert set(products) == {"ECO-01", "ECO-02", "BKR-05", "PDN-02"}
    assert products["ECO-01"].name == "Selendang Daun Jati"
    assert products["ECO-01"].price == 295_000 and products["ECO-01"].stock == 10
    assert products["ECO-01"].barcode == labels["ECO-01"]  # the printed label still scans
    assert products["ECO-02"] == Product(
        "ECO-02", "Kain Sutra", "ECO", "Ecoprint", 650_000, 6, labels["ECO-02"]
    )
    assert products["PDN-02"].barcode not in labels.values()
    assert is_valid_gtin(products["PDN-02"].barcode)


def test_header_only_file_imports_nothing(stand, tmp_path, clock):
    """A sheet with just the header is not an error: there is simply nothing to add."""
    result = imports.import_products(stand, write(tmp_path / "p.csv", PRODUCTS_HEADER), clock)
    assert result.total == 0 and stand.products.all() == []


# -- one bad row refuses the whole products file ----------------------------------------------

GOOD_ROW = "ECO-01,Selendang,ECO,Ecoprint,285.000,12,"


@pytest.mark.parametrize(
    ("bad_row", "problem"),
    [
        ("BKR-05,Masker,XYZ,Batik,25.000,40,", "line 3: artisan_code: no artisan with code 'XYZ'"),
        ("BKR-05,Masker,BKR,Batik,murah,40,", "line 3: price: not an amount: 'murah'"),
        ("BKR-05,Masker,BKR,Batik,,40,", "line 3: price: empty amount"),
        ("BKR-05,Masker,BKR,Batik,0,40,", "line 3: price: amount must be more than zero: '0'"),
        (
            'BKR-05,Masker,BKR,Batik,"25.000,50",40,',
            "line 3: price: rupiah have no cents: '25.000,50'",
        ),
        (
            "BKR-05,Masker,BKR,Batik,25.000,40,4006381333932",
            "line 3: barcode: wrong check digit in '4006381333932' (expected 1)",
        ),
        (
            "BKR-05,Masker,BKR,Batik,25.000,40,96385075",
            "line 3: barcode: wrong check digit in '96385075' (expected 4)",
        ),
        (
            "BKR-05,Masker,BKR,Batik,25.000,40,12345",
            "line 3: barcode: barcode must have 8, 12 or 13 digits, not 5: '12345'",
        ),
        ("ECO-01,Selendang lagi,ECO,Ecoprint,285.000,1,", "line 3: sku: duplicate of line 2"),
        (
            "BKR-05,Masker,BKR,Batik,25.000,banyak,",
            "line 3: stock: must be a whole number of items: 'banyak'",
        ),
        (
            "BKR-05,Masker,BKR,Batik,25.000,-3,",
            "line 3: stock: must be a whole number of items: '-3'",
        ),
        ("BKR-05,,BKR,Batik,25.000,40,", "line 3: name: required"),
        ("BKR 05,Masker,BKR,Batik,25.000,40,", "line 3: sku: must not contain spaces"),
        ("BKR-05,Masker,BKR,25.000,40,", "line 3: row: has 6 cells, the header has 7"),
        ("BKR-05,Masker,BKR,Batik,25.000,40,,x", "line 3: row: has 8 cells, the header has 7"),
    ],
)
def test_one_bad_row_refuses_the_whole_file(stand, tmp_path, clock, bad_row, problem):
    """A single bad row means nothing at all is imported, and the row is named by its line."""
    last = "PDN-01,Tas,PDN,Tas,95.000,5,"
    path = write(tmp_path / "p.csv", PRODUCTS_HEADER, GOOD_ROW, bad_row, last)
    assert refusal(stand, path, clock) == [problem]
    assert stand.products.all() == []


def test_two_products_with_one_barcode_are_refused(stand, tmp_path, clock):
    """One barcode on two different goods would ring up the wrong one: refused."""
    path = write(
        tmp_path / "p.csv",
        PRODUCTS_HEADER,
        "ECO-01,Selendang,ECO,,285.000,12,4006381333931",
        "ECO-02,Kain,ECO,,650.000,6,",
        "BKR-05,Masker,BKR,,25.000,40,4006381333931",
    )
    assert refusal(stand, path, clock) == ["line 4: barcode: duplicate of line 2"]


def test_a_barcode_already_on_another_product_is_refused(stand, tmp_path, clock):
    """A new product cannot take the label of a product already in the store."""
    imports.import_products(stand, write(tmp_path / "p1.csv", PRODUCTS_HEADER, GOOD_ROW), clock)
    taken = stand.products.all()[0].barcode
    path = write(tmp_path / "p2.csv", PRODUCTS_HEADER, f"BKR-05,Masker,BKR,Batik,25.000,40,{taken}")
    assert refusal(stand, path, clock) == ["line 2: barcode: already belongs to product ECO-01"]


def test_a_missing_column_is_named(stand, tmp_path, clock):
    """A sheet without the price column is refused at the header, naming the column."""
    path = write(
        tmp_path / "p.csv",
        "sku,name,artisan_code,category,stock,barcode",
        "ECO-01,Selendang,ECO,Ecoprint,12,",
    )
    assert refusal(stand, path, clock) == ["line 1: price: column missing from the header"]


def test_a_windows_ansi_sheet_arrives_with_its_accents(stand, tmp_path, clock):
    """Excel's plain "CSV" on Windows is Windows-1252: Écharpe arrives as Écharpe, and the
    result says how the file was read (before: refused as not UTF-8)."""
    path = write(
        tmp_path / "p.csv",
        PRODUCTS_HEADER,
        GOOD_ROW,
        "FR-01,Écharpe Café au lait,ECO,,25.000,1,",
        encoding="cp1252",
    )
    result = imports.import_products(stand, path, clock)
    assert result.encoding == "cp1252"
    assert stand.products.by_code("FR-01").name == "Écharpe Café au lait"


def test_an_excel_unicode_text_sheet_is_read_as_utf16(stand, tmp_path, clock):
    """Excel's "Unicode text" is UTF-16 with a byte-order mark: it imports as it is."""
    path = tmp_path / "p.csv"
    text = "\r\n".join([PRODUCTS_HEADER, "FR-02,Écharpe Soie,ECO,,35.000,2,"]) + "\r\n"
    path.write_bytes(text.encode("utf-16"))
    result = imports.import_products(stand, path, clock)
    assert result.encoding == "utf-16" and stand.products.by_code("FR-02").name == "Écharpe Soie"


def test_a_column_named_twice_is_refused_naming_it(stand, tmp_path, clock):
    """`...,barcode,price` with price twice: refused, naming the column (the last one used to
    win silently)."""
    path = write(
        tmp_path / "p.csv",
        PRODUCTS_HEADER + ",price",
        GOOD_ROW + ",1",
    )
    assert "line 1: price: column named twice in the header" in refusal(stand, path, clock)


@pytest.mark.parametrize("bad", ["Selendang\x00Hitam", "Selendang \u202eHitam", "Sel\x1bendang"])
def test_a_control_character_in_a_name_is_refused_naming_the_line(stand, tmp_path, clock, bad):
    """A NUL, an escape or a right-to-left override hidden in a name: refused at its line."""
    path = write(tmp_path / "p.csv", PRODUCTS_HEADER, GOOD_ROW, f"FR-03,{bad},ECO,,25.000,1,")
    assert refusal(stand, path, clock) == ["line 3: name: holds a control character"]


def test_a_file_that_is_not_text_is_refused(stand, tmp_path, clock):
    """Bytes that are not even Windows-1252 (0x81 is undefined there): refused at the line."""
    path = tmp_path / "p.csv"
    path.write_bytes((PRODUCTS_HEADER + "\n").encode() + b"\x81\x8d\x90 not a sheet\n")
    assert refusal(stand, path, clock) == [
        "line 2: file: not a text file; save the sheet as CSV UTF-8"
    ]


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf"])
def test_an_empty_file_is_refused(stand, tmp_path, clock, content):
    """An empty export (even one holding just a BOM) is refused, not taken as 'no products'."""
    path = tmp_path / "p.csv"
    path.write_bytes(content)
    assert refusal(stand, path, clock) == ["line 1: header: the file is empty"]


def test_every_problem_is_listed_with_its_file_line(stand, tmp_path, clock):
    """Blank lines and a name spanning two lines still give each problem its true file line."""
    path = write(
        tmp_path / "p.csv",
        PRODUCTS_HEADER,  # line 1
        '"ECO-01","Selendang',  # line 2: a quoted name with a line break...
        'Daun Jati",ECO,Ecoprint,285.000,12,',  # line 3
        "",  # line 4: blank, skipped
        "BKR-05,Masker,XYZ,Batik,25.000,40,",  # line 5
        "BKR-06,Masker Besar,BKR,Batik,Rp 25.000,5;,",  # line 6
        "PDN-01,Tas,PDN,Tas,95.000,5,1234",  # line 7
    )
    assert refusal(stand, path, clock) == [
        "line 5: artisan_code: no artisan with code 'XYZ'",
        "line 6: stock: must be a whole number of items: '5;'",
        "line 7: barcode: barcode must have 8, 12 or 13 digits, not 4: '1234'",
    ]


def test_a_refused_reimport_leaves_the_existing_catalogue_untouched(stand, tmp_path, clock):
    """A bad corrected sheet changes no price, no stock and no label of what is already there."""
    imports.import_products(stand, write(tmp_path / "p1.csv", PRODUCTS_HEADER, GOOD_ROW), clock)
    path = write(
        tmp_path / "p2.csv",
        PRODUCTS_HEADER,
        "ECO-01,Selendang,ECO,Ecoprint,295.000,20,",
        "BKR-05,Masker,BKR,Batik,25.000,40,4006381333932",
    )
    assert refusal(stand, path, clock) == [
        "line 3: barcode: wrong check digit in '4006381333932' (expected 1)"
    ]
    [product] = stand.products.all()
    assert (product.price, product.stock) == (285_000, 12)
