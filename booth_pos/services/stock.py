"""Goods in, goods back and stock counts, as documented moves of the ledger (issue 13).

- ``receive``: an artisan brings goods -> intake note ``IN-0001``.
- ``give_back``: goods handed back to the artisan -> return note ``RT-0001``; with no items,
  everything of that artisan on hand ("Kembalikan semua sisa").
- ``count``: a stock count -> ``SC-0001`` recording, per product, the quantity counted, the
  difference from the stock on hand and the reason; it settles "perlu dihitung".
- ``ledger``: per product the sum of its moves by kind; on hand = their sum.

Each note is ONE transaction with its moves, the products' stock and its journal entry.
Bad input (an unknown or another artisan's SKU, zero or negative quantities, more back than
on hand, no reason for a count) raises ``StockError`` and writes nothing. Selling beyond the
stock on hand stays possible (the item is in the customer's hand); the product then shows
"perlu dihitung" until a count settles it.
"""

from __future__ import annotations

from collections.abc import Sequence

from booth_pos.clock import Clock
from booth_pos.model import (
    MAX_QTY,
    LedgerRow,
    NoteKind,
    NoteLine,
    Product,
    StockError,
    StockNote,
)
from booth_pos.services import timeline
from booth_pos.store import Store

__all__ = [
    "count",
    "give_back",
    "ledger",
    "notes",
    "parse_counts",
    "parse_items",
    "receive",
]

MAX_NOTE_TEXT = 500


def parse_items(texts: Sequence[str]) -> list[tuple[str, int]]:
    """``QTY*SKU`` texts (``3*BTK-001``; a bare ``SKU`` is one unit) as (code, qty) pairs."""
    items = []
    for text in texts:
        qty_text, star, code = str(text).strip().rpartition("*")
        if not star:
            qty_text, code = "1", qty_text or code
        code = code.strip()
        if not code:
            raise StockError(
                en=f"Not an item: {text!r} (give QTY*SKU)",
                id=f"Bukan barang: {text!r} (tulis JUMLAH*SKU)",
            )
        items.append((code, _qty(qty_text.strip(), text)))
    return items


def parse_counts(texts: Sequence[str]) -> list[tuple[str, int]]:
    """``SKU=QTY`` texts (``BTK-001=12``) as (code, counted) pairs; 0 is a valid count."""
    counts = []
    for text in texts:
        code, eq, qty_text = str(text).strip().partition("=")
        if not eq or not code.strip():
            raise StockError(
                en=f"Not a count: {text!r} (give SKU=QTY)",
                id=f"Bukan hitungan: {text!r} (tulis SKU=JUMLAH)",
            )
        counts.append((code.strip(), _qty(qty_text.strip(), text, zero=True)))
    return counts


def _qty(digits: str, text: str, *, zero: bool = False) -> int:
    if not digits.isascii() or not digits.isdigit() or len(digits) > 6:
        raise StockError(
            en=f"Not a quantity in {text!r}: a whole number of units",
            id=f"Bukan jumlah di {text!r}: harus bilangan bulat",
        )
    qty = int(digits)
    if qty > MAX_QTY:
        raise StockError(
            en=f"At most {MAX_QTY} units at a time ({text!r})",
            id=f"Paling banyak {MAX_QTY} unit sekali catat ({text!r})",
        )
    if qty < (0 if zero else 1):
        raise StockError(
            en=f"Quantity must be at least 1 ({text!r})", id=f"Jumlah minimal 1 ({text!r})"
        )
    return qty


def _units(qty: object, code: str, *, zero: bool = False) -> int:
    """A quantity handed to a service (the window calls them without ``parse_items``):
    a whole number (not a bool, float or text), 1 or more (0 or more for a count), at most
    ``MAX_QTY``."""
    least = 0 if zero else 1
    if type(qty) is not int or not least <= qty <= MAX_QTY:
        raise StockError(
            en=f"Not a quantity for {code}: {qty!r} (a whole number from {least} to {MAX_QTY})",
            id=f"Jumlah {code} tidak sah: {qty!r} (bilangan bulat {least} sampai {MAX_QTY})",
        )
    return qty


def _note_text(text: str, *, required: bool = False, what: tuple[str, str]) -> str:
    text = " ".join(str(text or "").split())
    if required and not text:
        raise StockError(en=f"Give {what[0]}", id=f"Isi {what[1]}")
    if len(text) > MAX_NOTE_TEXT:
        raise StockError(
            en=f"The {what[0]} is too long (at most {MAX_NOTE_TEXT} characters)",
            id=f"{what[1].capitalize()} terlalu panjang (paling banyak {MAX_NOTE_TEXT} karakter)",
        )
    return text


def _artisan(store: Store, code: str, *, active: bool):
    wanted = str(code or "").strip()
    found = next((a for a in store.artisans.all() if a.code.upper() == wanted.upper()), None)
    if found is None:
        raise StockError(
            en=f"No artisan with code {wanted!r}", id=f"Tidak ada pengrajin dengan kode {wanted!r}"
        )
    if active and not found.active:
        raise StockError(
            en=f"{found.name} ({found.code}) is deactivated: activate it before taking goods in",
            id=f"{found.name} ({found.code}) nonaktif: aktifkan dulu sebelum menerima barang",
        )
    return found


def _product(store: Store, code: str) -> Product:
    product = store.products.by_sku(code) or store.products.by_code(code)
    if product is None and code.upper() != code:
        product = store.products.by_sku(code.upper())
    if product is None:
        raise StockError(
            en=f"No product with SKU or barcode {code!r}",
            id=f"Tidak ada produk dengan SKU atau barcode {code!r}",
        )
    return product


def _lines_of(store: Store, artisan, items: Sequence[tuple[str, int]]) -> dict[str, list]:
    """sku -> [product, qty] of ``items`` (duplicates added up), all of ``artisan``."""
    merged: dict[str, list] = {}
    for code, qty in items:
        product = _product(store, code)
        qty = _units(qty, product.sku)
        if product.artisan_code != artisan.code:
            raise StockError(
                en=f"{product.sku} ({product.name}) belongs to artisan {product.artisan_code}, "
                f"not {artisan.code}",
                id=f"{product.sku} ({product.name}) milik pengrajin {product.artisan_code}, "
                f"bukan {artisan.code}",
            )
        merged.setdefault(product.sku, [product, 0])[1] += qty
    if any(qty > MAX_QTY for _p, qty in merged.values()):
        raise StockError(
            en=f"At most {MAX_QTY} units of one product at a time",
            id=f"Paling banyak {MAX_QTY} unit satu produk sekali catat",
        )
    return merged


def _record(store: Store, clock: Clock, kind: NoteKind, lines, **header) -> StockNote:
    """Write the note now (inside the caller's transaction), never dated before the journal."""
    now = clock.now()
    timeline.check_not_before_journal(store, now, clock)
    return store.stock.record(kind, lines, now, **header)


def receive(
    store: Store,
    clock: Clock,
    artisan_code: str,
    items: Sequence[tuple[str, int]],
    *,
    note: str = "",
    staff: str = "",
) -> StockNote:
    """Record goods an artisan brings: an intake note ``IN-0001`` (one transaction).

    Args:
        items: (SKU or barcode, units) pairs, units >= 1; one SKU twice is added up.
        note: free text printed on the note ("tas kedua, warna biru").
        staff: who signs for the stand.

    Raises:
        StockError: no items, an unknown SKU, another artisan's SKU, a deactivated artisan or
            product, a bad quantity. Nothing is written.
    """
    text = _note_text(note, what=("note", "catatan"))
    artisan = _artisan(store, artisan_code, active=True)
    if not items:
        raise StockError(
            en="Give the goods brought: QTY*SKU ...", id="Tulis barang yang dibawa: JUMLAH*SKU ..."
        )
    with store.atomic():
        merged = _lines_of(store, artisan, items)
        for product, _units in merged.values():
            if not product.active:
                raise StockError(
                    en=f"{product.sku} ({product.name}) is deactivated: activate it first",
                    id=f"{product.sku} ({product.name}) nonaktif: aktifkan dulu",
                )
        lines = [NoteLine(p.sku, p.name, qty, p.price) for p, qty in merged.values()]
        return _record(
            store, clock, NoteKind.INTAKE, lines,
            artisan_code=artisan.code, artisan_name=artisan.name, staff=staff, note=text,
        )  # fmt: skip


def give_back(
    store: Store,
    clock: Clock,
    artisan_code: str,
    items: Sequence[tuple[str, int]] | None = None,
    *,
    note: str = "",
    staff: str = "",
) -> StockNote:
    """Record goods handed back to the artisan: a return note ``RT-0001``.

    Args:
        items: (SKU or barcode, units) pairs; None or empty: everything of the artisan on
            hand (each product with stock above zero), as at the end of the event.

    Raises:
        StockError: more back than on hand, another artisan's SKU, nothing on hand to give
            back, a bad quantity. Nothing is written.
    """
    text = _note_text(note, what=("note", "catatan"))
    artisan = _artisan(store, artisan_code, active=False)
    with store.atomic():
        if items:
            merged = _lines_of(store, artisan, items)
            hand = store.stock.on_hand(list(merged))
            for sku, (product, qty) in merged.items():
                if qty > hand.get(sku, 0):
                    left = hand.get(sku, 0)
                    raise StockError(
                        en=f"Only {max(left, 0)} of {sku} ({product.name}) on hand; "
                        f"cannot give back {qty}",
                        id=f"Stok {sku} ({product.name}) hanya {max(left, 0)}; "
                        f"tidak bisa mengembalikan {qty}",
                    )
            lines = [NoteLine(p.sku, p.name, -qty, p.price) for p, qty in merged.values()]
        else:
            lines = [
                NoteLine(p.sku, p.name, -p.stock, p.price)
                for p in store.products.all()
                if p.artisan_code == artisan.code and p.stock > 0
            ]
            if not lines:
                raise StockError(
                    en=f"Nothing of {artisan.name} ({artisan.code}) is on hand to give back",
                    id=f"Tidak ada barang {artisan.name} ({artisan.code}) yang tersisa",
                )
        return _record(
            store, clock, NoteKind.RETURN, lines,
            artisan_code=artisan.code, artisan_name=artisan.name, staff=staff, note=text,
        )  # fmt: skip


def count(
    store: Store,
    clock: Clock,
    counts: Sequence[tuple[str, int]],
    *,
    reason: str,
    staff: str = "",
) -> StockNote:
    """Record a stock count ``SC-0001``: per product the quantity counted and the difference
    from the stock on hand (which becomes the count). Settles "perlu dihitung".

    Raises:
        StockError: no reason, an unknown SKU, one SKU counted twice, a bad quantity.
    """
    why = _note_text(reason, required=True, what=("a reason for the count", "alasan hitung"))
    if not counts:
        raise StockError(
            en="Give what was counted: SKU=QTY ...", id="Tulis hasil hitungan: SKU=JUMLAH ..."
        )
    with store.atomic():
        seen: dict[str, tuple[Product, int]] = {}
        for code, counted in counts:
            product = _product(store, code)
            counted = _units(counted, product.sku, zero=True)
            if product.sku in seen:
                raise StockError(
                    en=f"{product.sku} is counted twice", id=f"{product.sku} dihitung dua kali"
                )
            seen[product.sku] = (product, counted)
        hand = store.stock.on_hand(list(seen))
        lines = [
            NoteLine(p.sku, p.name, counted - hand.get(p.sku, 0), p.price, counted)
            for p, counted in seen.values()
        ]
        codes = {p.artisan_code for p, _c in seen.values()}
        only = next(iter(codes)) if len(codes) == 1 else ""
        name = next((a.name for a in store.artisans.all() if a.code == only), "") if only else ""
        return _record(
            store, clock, NoteKind.COUNT, lines,
            artisan_code=only, artisan_name=name, staff=staff, note=why,
        )  # fmt: skip


def ledger(store: Store, artisan_code: str | None = None) -> list[LedgerRow]:
    """Per product the moves summed by kind (one artisan's, if given)."""
    if artisan_code is not None:
        artisan_code = _artisan(store, artisan_code, active=False).code
    with store.snapshot():
        return store.stock.ledger(artisan_code)


def notes(
    store: Store, *, kind: NoteKind | None = None, artisan_code: str | None = None
) -> list[StockNote]:
    """Stock notes oldest first (of one artisan: only its goods' lines)."""
    return store.stock.notes(kind=kind, artisan_code=artisan_code)


def needing_count(store: Store) -> set[str]:
    """SKUs that sold beyond what was on hand since their last count ("perlu dihitung")."""
    return store.stock.needing_count()
