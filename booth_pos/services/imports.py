"""Artisans and products: CSV and XLSX import (all or nothing), listing and lookup."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from booth_pos.barcodes import BarcodeError, in_store_ean13s, validate_gtin
from booth_pos.clock import Clock
from booth_pos.model import Artisan, KnownError, Product
from booth_pos.model.text import TextProblem, clean_line
from booth_pos.money import MoneyError, parse_percent, parse_rupiah
from booth_pos.services import journal, spreadsheets, timeline
from booth_pos.services.tills import require_main_till
from booth_pos.store import Store

ARTISAN_COLUMNS = ("code", "name", "owner", "phone", "commission_percent")
PRODUCT_COLUMNS = ("sku", "name", "artisan_code", "category", "price", "stock", "barcode")
MAX_CODE = 32
MAX_TEXT = 200


@dataclass(frozen=True)
class ImportProblem:
    """One bad cell: its line (0 for a form or a command), its column and why.

    ``reason`` is English (the import's listing and the command line); ``reason_id`` the
    same in Indonesian, for the form that shows it beside the field (``text(lang)``).
    """

    line: int
    column: str
    reason: str
    reason_id: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.reason}"

    def text(self, lang: str = "id") -> str:
        """The reason in ``lang`` ("id" or "en")."""
        return self.reason_id if lang == "id" and self.reason_id else self.reason

    def listing(self, lang: str = "en") -> str:
        """``line N: column: reason`` in English, ``baris N: column: alasan`` in Indonesian
        (the column keeps the file's header name)."""
        if lang == "id":
            return f"baris {self.line}: {self.column}: {self.text('id')}"
        return str(self)


class ImportRefused(KnownError):
    """A file with at least one bad row; nothing was written."""

    def __init__(self, problems: list[ImportProblem]):
        listing = "\n".join(str(p) for p in problems)
        daftar = "\n".join(p.listing("id") for p in problems)
        super().__init__(
            en=f"Nothing imported; {len(problems)} problem(s):\n{listing}",
            id=f"Tidak ada yang diimpor; {len(problems)} masalah:\n{daftar}",
        )
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    #: How the file was read: "utf-8", "utf-16" (Excel's "Unicode text"), "cp1252"
    #: (Excel's plain "CSV" on Windows, the ANSI code page), or "xlsx" (a workbook): the
    #: summary says so.
    encoding: str = "utf-8"

    @property
    def total(self) -> int:
        return self.added + self.updated


def _decode(raw: bytes) -> tuple[str, str]:
    """The text of a spreadsheet export and how it was read.

    UTF-16 with its byte-order mark (Excel's "Unicode text"), else UTF-8 with or without
    one, else Windows-1252 (Excel's "CSV" on an Indonesian or French Windows: "Écharpe").
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252"), "cp1252"


def _read_rows(
    path: Path, columns: tuple[str, ...], *, sheet: str | None = None
) -> tuple[list[tuple[int, dict[str, str]]], str]:
    """Rows of a spreadsheet export as ``(line_number, {column: trimmed text})``, and how
    the file was read: an encoding (see ``_decode``), or ``"xlsx"`` for a workbook.

    A CSV: ``,`` or ``;``, UTF-8 (with or without BOM), UTF-16 (BOM) or Windows-1252, and
    CRLF; the header is line 1. An XLSX (``spreadsheets.read_sheet``): the first sheet or
    ``sheet``, the header the first row naming the columns (a title may sit above it), line
    numbers the sheet's rows. A column named twice is refused (the last one would win).
    """
    try:
        with Path(path).open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise KnownError(
            en=f"Cannot read {path}: {exc.strerror}", id=f"Tidak bisa membaca {path}"
        ) from exc
    if spreadsheets.looks_like_workbook(path, head):
        return _workbook_rows(path, columns, sheet), "xlsx"
    if sheet is not None:
        raise KnownError(
            en=f"{Path(path).name} is a CSV file: it has no sheets (a sheet is for .xlsx)",
            id=f"{Path(path).name} adalah berkas CSV: tidak punya lembar (lembar untuk .xlsx)",
        )
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise KnownError(
            en=f"Cannot read {path}: {exc.strerror}", id=f"Tidak bisa membaca {path}"
        ) from exc
    try:
        text, encoding = _decode(raw)
    except UnicodeDecodeError as exc:  # not even Windows-1252 (a photo, a zip)
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportRefused(
            [
                ImportProblem(
                    line,
                    "file",
                    "not a text file; save the sheet as CSV UTF-8",
                    "bukan berkas teks; simpan lembar kerja sebagai CSV UTF-8",
                )
            ]
        ) from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused(
            [ImportProblem(1, "header", "the file is empty", "berkasnya kosong")]
        ) from None
    names = _check_header(1, header, columns)
    rows = []
    start = reader.line_num + 1
    try:
        for record in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(names):
                rows.append((line, {"__width__": str(len(record))}))
                continue
            rows.append((line, {n: cell.strip() for n, cell in zip(names, record, strict=True)}))
    except csv.Error as exc:
        raise ImportRefused(
            [ImportProblem(reader.line_num, "file", str(exc), f"CSV rusak: {exc}")]
        ) from exc
    return rows, encoding


def _optional_column(columns: tuple[str, ...], name: str) -> bool:
    """A products file may add the wholesale columns (issue 17, ``services.wholesale``)."""
    from booth_pos.services.wholesale import is_wholesale_column

    return columns == PRODUCT_COLUMNS and is_wholesale_column(name)


def _check_header(line: int, header: list[str], columns: tuple[str, ...]) -> list[str]:
    """The header's column names (trimmed, lower case); raise ``ImportRefused`` naming
    each missing, unknown or repeated one."""
    names = [h.strip().lower() for h in header]
    problems = [
        ImportProblem(line, col, "column missing from the header", "kolom tidak ada di baris judul")
        for col in columns
        if col not in names
    ]
    problems += [
        ImportProblem(
            line,
            name or "(blank)",
            f"unknown column; expected {', '.join(columns)}",
            f"kolom tidak dikenal; seharusnya {', '.join(columns)}",
        )
        for name in names
        if name not in columns and not _optional_column(columns, name)
    ]
    problems += [
        ImportProblem(
            line, name, "column named twice in the header", "kolom disebut dua kali di baris judul"
        )
        for name in dict.fromkeys(names)
        if name and names.count(name) > 1
    ]
    if problems:
        raise ImportRefused(problems)
    return names


#: How far down a workbook's header may sit below a title and notes.
HEADER_SEARCH_ROWS = 20


def _workbook_rows(
    path: Path, columns: tuple[str, ...], sheet: str | None
) -> list[tuple[int, dict[str, str]]]:
    """An XLSX sheet's rows by the CSV's rules; cells already text (``spreadsheets``).

    The header is the first row, among the first ``HEADER_SEARCH_ROWS`` non-blank ones,
    that names at least two of ``columns`` (a title row above it is skipped); failing
    that, the first non-blank row, so its problems are named as a CSV's would be. A row
    shorter than the header has empty cells at its end, as a spreadsheet shows it.
    """
    records = spreadsheets.read_sheet(path, sheet=sheet)
    if not records:
        raise ImportRefused(
            [ImportProblem(1, "header", "the sheet is empty", "lembar kerjanya kosong")]
        )
    at = next(
        (
            i
            for i, (_, cells) in enumerate(records[:HEADER_SEARCH_ROWS])
            if len({c.strip().lower() for c in cells} & set(columns)) >= 2
        ),
        0,
    )
    header_line, header = records[at]
    names = _check_header(header_line, header, columns)
    rows = []
    for line, cells in records[at + 1 :]:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(names):
            rows.append((line, {"__width__": str(len(cells))}))
            continue
        cells = cells + [""] * (len(names) - len(cells))
        rows.append((line, {n: cell.strip() for n, cell in zip(names, cells, strict=True)}))
    return rows


def _width_problem(line: int, row: dict[str, str], expected: int) -> ImportProblem | None:
    if "__width__" in row:
        return ImportProblem(
            line,
            "row",
            f"has {row['__width__']} cells, the header has {expected}",
            f"berisi {row['__width__']} sel, baris judul {expected}",
        )
    return None


def _text(problems, line, row, column, *, required=True, limit=MAX_TEXT) -> str:
    value = row[column]
    if required and not value:
        problems.append(ImportProblem(line, column, "required", "wajib diisi"))
    elif len(value) > limit:
        problems.append(
            ImportProblem(
                line, column, f"longer than {limit} characters", f"lebih dari {limit} karakter"
            )
        )
    elif value and clean_line(value, limit)[1] is TextProblem.CONTROL:
        # a NUL or a right-to-left override in a name would print as garbage or reorder text
        problems.append(
            ImportProblem(line, column, "holds a control character", "berisi karakter kontrol")
        )
    return value


def _code(problems, line, row, column) -> str:
    value = _text(problems, line, row, column, limit=MAX_CODE)
    if value and any(ch.isspace() for ch in value):
        problems.append(
            ImportProblem(line, column, "must not contain spaces", "tidak boleh berisi spasi")
        )
    return value


@dataclass(frozen=True)
class ArtisanPlan:
    """What an artisans import would write, read and checked but not yet written (the
    window's preview): ``added`` and ``updated`` in file order."""

    added: tuple[Artisan, ...]
    updated: tuple[Artisan, ...]
    encoding: str

    @property
    def artisans(self) -> tuple[Artisan, ...]:
        return self.added + self.updated


@dataclass(frozen=True)
class ProductPlan:
    """What a products import would write (see ``ArtisanPlan``); a new product's barcode is
    the in-store EAN-13 it would get, ``prices`` the price changes ``[sku, old, new]``."""

    added: tuple[Product, ...]
    updated: tuple[Product, ...]
    encoding: str
    prices: tuple[tuple[str, int, int], ...] = ()
    #: ``(sku, Wholesale)`` of the rows with wholesale columns (issue 17).
    wholesale: tuple = ()

    @property
    def products(self) -> tuple[Product, ...]:
        return self.added + self.updated


def parse_artisans(path: Path, *, sheet: str | None = None) -> list[Artisan]:
    """Validate an artisans file completely; raise ``ImportRefused`` listing every problem."""
    return _parse_artisans(path, sheet=sheet)[0]


def plan_artisans(store: Store, path: Path, *, sheet: str | None = None) -> ArtisanPlan:
    """Read and check an artisans file against the stand without writing anything.

    Raises ``ImportRefused`` listing every problem, as ``import_artisans`` would.
    """
    require_main_till(store)
    artisans, encoding = _parse_artisans(path, sheet=sheet)
    existing = store.artisans.codes()
    return ArtisanPlan(
        tuple(a for a in artisans if a.code not in existing),
        tuple(a for a in artisans if a.code in existing),
        encoding,
    )


def _parse_artisans(path: Path, *, sheet: str | None = None) -> tuple[list[Artisan], str]:
    problems: list[ImportProblem] = []
    artisans: list[Artisan] = []
    seen: dict[str, int] = {}
    rows, encoding = _read_rows(path, ARTISAN_COLUMNS, sheet=sheet)
    for line, row in rows:
        if p := _width_problem(line, row, len(ARTISAN_COLUMNS)):
            problems.append(p)
            continue
        before = len(problems)
        artisan = artisan_from_row(problems, line, row)
        code = row["code"]
        if code in seen:
            problems.append(
                ImportProblem(
                    line,
                    "code",
                    f"duplicate of line {seen[code]}",
                    f"sama dengan baris {seen[code]}",
                )
            )
        elif code:
            seen[code] = line
        if len(problems) == before and artisan is not None:
            artisans.append(artisan)
    if problems:
        raise ImportRefused(problems)
    return artisans, encoding


def artisan_from_row(
    problems: list[ImportProblem], line: int, row: dict[str, str]
) -> Artisan | None:
    """One artisan from its cells (``ARTISAN_COLUMNS``), by the import's rules; each
    problem is added to ``problems``. The one validator of the import, the CLI and the form."""
    before = len(problems)
    code = _code(problems, line, row, "code")
    name = _text(problems, line, row, "name")
    owner = _text(problems, line, row, "owner", required=False)
    phone = _text(problems, line, row, "phone", required=False, limit=40)
    bp = 0
    try:
        bp = parse_percent(row["commission_percent"])
    except MoneyError as exc:
        problems.append(ImportProblem(line, "commission_percent", str(exc), exc.text("id")))
    if len(problems) != before:
        return None
    return Artisan(code, name, owner, phone, bp)


def import_artisans(
    store: Store,
    path: Path,
    *,
    actor: str = "",
    at: datetime | None = None,
    sheet: str | None = None,
) -> ImportResult:
    """Add or update artisans from a CSV or XLSX file; all rows or none.

    Changed commission percentages are listed in the audit log (they change payouts).
    """
    require_main_till(store)
    artisans, encoding = _parse_artisans(path, sheet=sheet)
    existing = store.artisans.codes()
    commissions = {a.code: a.commission_bp for a in store.artisans.all()}
    with store.atomic():
        store.artisans.upsert(artisans)
        changed = [
            [a.code, commissions[a.code], a.commission_bp]
            for a in artisans
            if commissions.get(a.code, a.commission_bp) != a.commission_bp
        ]
        _audit_import(store, "artisans", path, changed, len(artisans), actor, at)
    updated = sum(1 for a in artisans if a.code in existing)
    return ImportResult(len(artisans) - updated, updated, encoding)


def plan_products(
    store: Store,
    path: Path,
    *,
    sheet: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ProductPlan:
    """Read and check a products file against the stand without writing anything (the
    window's preview; ``import_products`` writes the same plan).

    A product without a barcode keeps the one it already has, or gets the next free
    in-store EAN-13. A given barcode must have a valid check digit and belong to no other SKU.
    Raises ``ImportRefused`` listing every problem.
    """
    require_main_till(store)
    return _plan_products(store, path, sheet=sheet, progress=progress, cancelled=cancelled)[0]


def _plan_products(store, path, *, sheet, progress, cancelled) -> tuple[ProductPlan, int]:
    rows, encoding = _read_rows(path, PRODUCT_COLUMNS, sheet=sheet)
    artisans = store.artisans.codes()
    current = store.products.barcodes()  # barcode -> sku
    barcode_of = {sku: code for code, sku in current.items()}
    problems: list[ImportProblem] = []
    parsed: list[tuple[int, dict]] = []
    seen_sku: dict[str, int] = {}
    seen_barcode: dict[str, tuple[int, str]] = {}
    wholesale: list = []
    total = 2 * len(rows)  # read each row, then write it
    for done, (line, row) in enumerate(rows, start=1):
        if done % 500 == 0:
            _tick(progress, cancelled, done, total)
        if p := _width_problem(line, row, len(PRODUCT_COLUMNS)):
            problems.append(p)
            continue
        before = len(problems)
        fields = product_from_row(problems, line, row, artisans, current)
        sku, barcode = row["sku"], row["barcode"]
        barcode_ok = not any(p.column == "barcode" for p in problems[before:])
        if barcode and barcode_ok:
            if barcode in seen_barcode and seen_barcode[barcode][1] != sku:
                problems.append(
                    ImportProblem(
                        line,
                        "barcode",
                        f"duplicate of line {seen_barcode[barcode][0]}",
                        f"sama dengan baris {seen_barcode[barcode][0]}",
                    )
                )
            else:
                seen_barcode[barcode] = (line, sku)
        if sku in seen_sku:
            problems.append(
                ImportProblem(
                    line,
                    "sku",
                    f"duplicate of line {seen_sku[sku]}",
                    f"sama dengan baris {seen_sku[sku]}",
                )
            )
        elif sku:
            seen_sku[sku] = line
        if len(problems) == before and fields is not None:
            if (terms := _wholesale_terms(store, problems, line, row, fields)) is not None:
                wholesale.append((fields["sku"], terms))
            parsed.append((line, fields))
    if problems:
        raise ImportRefused(problems)

    fresh = in_store_ean13s(set(current) | set(seen_barcode))
    products = []
    for _, fields in parsed:
        if not fields["barcode"]:
            fields["barcode"] = barcode_of.get(fields["sku"]) or next(fresh)
        products.append(Product(**fields))
    prices = {p.sku: p.price for p in store.products.all()}
    plan = ProductPlan(
        tuple(p for p in products if p.sku not in barcode_of),
        tuple(p for p in products if p.sku in barcode_of),
        encoding,
        tuple(
            (p.sku, prices[p.sku], p.price)
            for p in products
            if prices.get(p.sku, p.price) != p.price
        ),
        tuple(wholesale),
    )
    return plan, len(rows)


def _wholesale_terms(store, problems, line, row, fields):
    """A row's wholesale terms (None: it gives none); a broken rule is a problem of the row.
    A row without them keeps the product's, which must still fit its (new) retail price."""
    from booth_pos.model.wholesale import WholesaleError, check_tiers
    from booth_pos.services.wholesale import terms_from_cells

    try:
        found = terms_from_cells(row, fields["price"])
        if found is None:
            check_tiers(store.wholesale.of(fields["sku"]).tiers, fields["price"])
            return None
        return found[1]
    except WholesaleError as exc:
        problems.append(ImportProblem(line, getattr(exc, "column", "price"), exc.en, exc.id))
        return None


def import_products(
    store: Store,
    path: Path,
    clock: Clock,
    *,
    actor: str = "",
    sheet: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Add or update products from a CSV or XLSX file; all rows or none.

    ``progress(done, total)`` hears how far it got (rows read, then rows written);
    ``cancelled()`` is asked as it goes and, when true, the import stops with ``cancel``'s
    error, writing nothing (the rows go in one transaction).

    Every import is in the audit log, with each price that changed (old and new). The rules
    for barcodes are ``plan_products``'.
    """
    require_main_till(store)
    plan, read = _plan_products(store, path, sheet=sheet, progress=progress, cancelled=cancelled)
    products = list(plan.products)
    total = 2 * read

    def written():
        for done, product in enumerate(products, start=1):
            if done % 500 == 0:
                _tick(progress, cancelled, read + done, total)
            yield product

    with store.atomic():
        timeline.check_not_before_journal(store, clock.now(), clock)
        store.products.upsert(written(), clock.now())
        store.wholesale.save(plan.wholesale)
        changed = [list(change) for change in plan.prices]
        _audit_import(store, "products", path, changed, len(products), actor, clock.now())
    return ImportResult(len(plan.added), len(plan.updated), plan.encoding)


def product_from_row(
    problems: list[ImportProblem],
    line: int,
    row: dict[str, str],
    artisans: set[str],
    current: dict[str, str],
) -> dict | None:
    """One product's fields from its cells (``PRODUCT_COLUMNS``), by the import's rules:
    ``artisans`` the codes that exist, ``current`` barcode -> SKU of the products stored.
    Each problem is added to ``problems``; None when there was one. The one validator of
    the import, the CLI and the form."""
    before = len(problems)
    sku = _code(problems, line, row, "sku")
    name = _text(problems, line, row, "name")
    artisan = _text(problems, line, row, "artisan_code", limit=MAX_CODE)
    category = _text(problems, line, row, "category", required=False, limit=60)
    if artisan and artisan not in artisans:
        problems.append(
            ImportProblem(
                line,
                "artisan_code",
                f"no artisan with code {artisan!r}",
                f"tidak ada pengrajin berkode {artisan!r}",
            )
        )
    price = 0
    try:
        price = parse_rupiah(row["price"])
    except MoneyError as exc:
        problems.append(ImportProblem(line, "price", str(exc), exc.text("id")))
    stock = _parse_stock(problems, line, row["stock"])
    barcode = row["barcode"]
    if barcode:
        try:
            validate_gtin(barcode)
        except BarcodeError as exc:
            problems.append(ImportProblem(line, "barcode", str(exc), exc.text("id")))
        else:
            owner = current.get(barcode)
            if owner is not None and owner != sku:
                problems.append(
                    ImportProblem(
                        line,
                        "barcode",
                        f"already belongs to product {owner}",
                        f"sudah dipakai produk {owner}",
                    )
                )
    if len(problems) != before:
        return None
    return dict(
        sku=sku,
        name=name,
        artisan_code=artisan,
        category=category,
        price=price,
        stock=stock,
        barcode=barcode,
    )


def import_products_into(db_path: Path, path: Path, clock: Clock, **options) -> ImportResult:
    """``import_products`` (same ``options``) through a connection of its own, for a worker
    thread: the window imports while the till stays responsive, and a connection is never
    shared between threads."""
    from booth_pos.store import open_store

    own = open_store(db_path)
    try:
        return import_products(own, path, clock, **options)
    finally:
        own.close()


def plan_products_into(db_path: Path, path: Path, **options) -> ProductPlan:
    """``plan_products`` (same ``options``) through a connection of its own, for a worker
    thread: the window's preview of a big file reads it off the GUI thread."""
    from booth_pos.store import open_store

    own = open_store(db_path)
    try:
        return plan_products(own, path, **options)
    finally:
        own.close()


def fingerprint(path: Path) -> str:
    """What the file holds now (a SHA-256 of its bytes; "" when it cannot be read): the
    window compares it before writing what it previewed, so a file saved again in between
    is shown again instead of imported unseen."""
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


class ImportCancelled(KnownError):
    """The person stopped the import; the transaction rolled back, nothing changed."""

    def __init__(self) -> None:
        super().__init__(
            en="Import cancelled: nothing was changed",
            id="Impor dibatalkan: tidak ada yang berubah",
        )


def _tick(progress, cancelled, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    if progress is not None:
        progress(done, total)


def _audit_import(
    store: Store,
    kind: str,
    path: Path,
    changes: list[list],
    rows: int,
    actor: str,
    at: datetime | None,
) -> None:
    """Record an import in the audit log, in its transaction.

    ``changes`` are ``[key, old, new]``: prices of products, commissions (bp) of artisans.
    """
    journal.append_audit(
        store,
        actor,
        "import",
        {"kind": kind, "file": Path(path).name, "rows": rows, "changed": changes},
        at or Clock.from_env().now(),
    )


def _parse_stock(problems: list[ImportProblem], line: int, text: str) -> int:
    s = text.replace(".", "").replace(",", "") if _looks_grouped(text) else text
    if not s.isdigit():
        problems.append(
            ImportProblem(
                line,
                "stock",
                f"must be a whole number of items: {text!r}",
                f"harus bilangan bulat barang: {text!r}",
            )
        )
        return 0
    value = int(s)
    if value > 1_000_000:
        problems.append(
            ImportProblem(
                line,
                "stock",
                "more than a million items is surely a typo",
                "lebih dari sejuta barang, pasti salah ketik",
            )
        )
    return value


def _looks_grouped(text: str) -> bool:
    return re.fullmatch(r"\d{1,3}([.,]\d{3})+", text) is not None


def find_product(store: Store, code: str) -> Product | None:
    return store.products.by_code(code.strip())


def products_as_dicts(store: Store) -> list[dict]:
    """Every product with the keys of ``booth-pos products --json``."""
    return [
        dict(
            sku=p.sku,
            name=p.name,
            artisan_code=p.artisan_code,
            category=p.category,
            price=p.price,
            stock=p.stock,
            barcode=p.barcode,
        )
        for p in store.products.all()
    ]


def set_photo(store: Store, sku: str, image: Path) -> None:
    """Attach a photo to a product (for the buyer's catalogue).

    The file is checked now (``documents.photos.check_photo``: at most 10 MB and 40
    megapixels, a real JPEG, PNG or WebP, not damaged), so a photo that would stop the
    catalogue later is refused while the coordinator still has it in hand.

    Raises:
        KnownError: no such product; ``PhotoError`` naming the file and what is wrong.
    """
    require_main_till(store)
    from booth_pos.documents.photos import check_photo

    image = Path(image)
    if store.products.by_code(sku) is None:
        raise KnownError(en=f"No product {sku}", id=f"Tidak ada produk {sku}")
    check_photo(image)
    store.products.set_image(sku, str(image.resolve()))
