"""Artisans and products one at a time: the CLI's ``artisan``/``product`` commands (and the
forms of issue 13), with exactly the import's validation and messages.

``add_artisan``/``edit_artisan`` and ``add_product``/``edit_product`` build the same cells an
import row has and pass them through ``imports.artisan_from_row`` / ``product_from_row``, so
a commission typed ``12,5%`` or a price typed ``Rp 175.000`` is read the same way and refused
with the same words. A change of price or commission is in the audit log with its old and
new value and applies from the next sale on (each sale line records the rate and the price
in force). A new product starts with stock 0: goods arrive by intake.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from booth_pos.barcodes import in_store_ean13s
from booth_pos.clock import Clock
from booth_pos.errors import KnownError
from booth_pos.model import Artisan, Product
from booth_pos.money import format_rupiah, percent_text
from booth_pos.services import journal
from booth_pos.services.imports import ImportProblem, artisan_from_row, product_from_row
from booth_pos.services.tills import require_main_till
from booth_pos.store import Store

__all__ = [
    "RecordRefused",
    "add_artisan",
    "add_product",
    "artisan_json",
    "edit_artisan",
    "edit_product",
    "product_json",
]


class RecordRefused(KnownError):
    """An artisan or product that breaks the import's rules; nothing was saved."""

    def __init__(self, problems: list[ImportProblem]):
        listing = "; ".join(f"{p.column}: {p.reason}" for p in problems)
        super().__init__(en=f"Nothing saved: {listing}", id=f"Tidak ada yang disimpan: {listing}")
        self.problems = problems


def _checked_artisan(cells: dict[str, str]) -> Artisan:
    problems: list[ImportProblem] = []
    artisan = artisan_from_row(problems, 0, cells)
    if artisan is None:
        raise RecordRefused(problems)
    return artisan


def _artisan_cells(a: Artisan) -> dict[str, str]:
    return {
        "code": a.code,
        "name": a.name,
        "owner": a.owner,
        "phone": a.phone,
        "commission_percent": percent_text(a.commission_bp),
    }


def _overlay(cells: dict[str, str], given: dict[str, str | None]) -> dict[str, str]:
    """``cells`` with each value that was given (not None) in its place, stripped."""
    return {**cells, **{k: v.strip() for k, v in given.items() if v is not None}}


def _changed(old, new, fields: tuple[str, ...]) -> dict[str, list]:
    """``field -> [old, new]`` of each of ``fields`` that differs (for the audit log)."""
    return {
        f: [getattr(old, f), getattr(new, f)] for f in fields if getattr(old, f) != getattr(new, f)
    }


def _find_artisan(store: Store, code: str) -> Artisan | None:
    return next((a for a in store.artisans.all() if a.code == code), None)


def add_artisan(
    store: Store,
    code: str,
    *,
    name: str,
    commission: str,
    owner: str = "",
    phone: str = "",
    story: str = "",
    actor: str = "",
    at: datetime,
) -> Artisan:
    """A new artisan (``commission`` as the import takes it: ``12,5``, ``12.5``, ``12,5%``).

    Raises:
        RecordRefused: a cell breaks the import's rules, or the code is taken.
    """
    require_main_till(store)
    artisan = _checked_artisan(
        {
            "code": code.strip(),
            "name": name.strip(),
            "owner": owner.strip(),
            "phone": phone.strip(),
            "commission_percent": commission.strip(),
        }
    )
    with store.atomic():
        if _find_artisan(store, artisan.code) is not None:
            raise RecordRefused(
                [ImportProblem(0, "code", f"{artisan.code} exists already (use artisan edit)")]
            )
        artisan = replace(artisan, story=_story(story))
        store.artisans.upsert([artisan])
        journal.append_audit(store, actor, "artisan_added", {"artisan": artisan_json(artisan)}, at)
    return artisan


MAX_STORY = 600


def _story(text: str | None) -> str:
    """The catalogue's short story of an artisan: one paragraph, at most ``MAX_STORY``."""
    story = " ".join(str(text or "").split())
    if len(story) > MAX_STORY:
        raise RecordRefused(
            [ImportProblem(0, "story", f"too long ({len(story)} characters, at most {MAX_STORY})")]
        )
    return story


def edit_artisan(
    store: Store,
    code: str,
    *,
    name: str | None = None,
    commission: str | None = None,
    owner: str | None = None,
    phone: str | None = None,
    story: str | None = None,
    active: bool | None = None,
    actor: str = "",
    at: datetime,
) -> Artisan:
    """Change what is given of an artisan; the rest stays. A new commission applies from
    the next sale on (closed days keep the rate their lines recorded) and is audited.
    ``active=False`` deactivates the artisan: none of its goods can be sold any more.

    Raises:
        RecordRefused: no such artisan, or a cell breaks the import's rules.
    """
    require_main_till(store)
    with store.atomic():
        old = _find_artisan(store, code.strip())
        if old is None:
            raise RecordRefused([ImportProblem(0, "code", f"no artisan with code {code!r}")])
        cells = _overlay(
            _artisan_cells(old),
            {"name": name, "owner": owner, "phone": phone, "commission_percent": commission},
        )
        new = replace(
            _checked_artisan(cells),
            story=old.story if story is None else _story(story),
            active=bool(old.active if active is None else active),
        )
        store.artisans.upsert([new])
        store.artisans.set_story(new.code, new.story)
        store.artisans.set_active(new.code, new.active)
        fields = ("name", "owner", "phone", "commission_bp", "story", "active")
        changes = _changed(old, new, fields)
        if changes:
            journal.append_audit(
                store, actor, "artisan_edited", {"artisan": new.code, "changed": changes}, at
            )
    return new


def _product_cells(p: Product) -> dict[str, str]:
    return {
        "sku": p.sku,
        "name": p.name,
        "artisan_code": p.artisan_code,
        "category": p.category,
        "price": str(p.price),
        "stock": str(p.stock),
        "barcode": p.barcode,
    }


def _checked_product(store: Store, cells: dict[str, str]) -> dict:
    problems: list[ImportProblem] = []
    fields = product_from_row(problems, 0, cells, store.artisans.codes(), store.products.barcodes())
    if fields is None:
        raise RecordRefused(problems)
    return fields


def add_product(
    store: Store,
    sku: str,
    *,
    name: str,
    artisan: str,
    price: str,
    category: str = "",
    barcode: str = "",
    actor: str = "",
    clock: Clock,
) -> Product:
    """A new product with stock 0 (``price`` as the import takes it: ``175000``,
    ``Rp 175.000``); without ``barcode`` it gets the next free in-store EAN-13.

    Raises:
        RecordRefused: a cell breaks the import's rules, or the SKU is taken.
    """
    require_main_till(store)
    with store.atomic():
        fields = _checked_product(
            store,
            {
                "sku": sku.strip(),
                "name": name.strip(),
                "artisan_code": artisan.strip(),
                "category": category.strip(),
                "price": price.strip(),
                "stock": "0",
                "barcode": barcode.strip(),
            },
        )
        if store.products.by_sku(fields["sku"]) is not None:
            raise RecordRefused(
                [ImportProblem(0, "sku", f"{fields['sku']} exists already (use product edit)")]
            )
        if not fields["barcode"]:
            fields["barcode"] = next(in_store_ean13s(store.products.barcodes()))
        product = Product(**fields)
        store.products.upsert([product], clock.now())
        journal.append_audit(
            store, actor, "product_added", {"product": product_json(product)}, clock.now()
        )
    return product


def edit_product(
    store: Store,
    sku: str,
    *,
    name: str | None = None,
    price: str | None = None,
    category: str | None = None,
    active: bool | None = None,
    actor: str = "",
    clock: Clock,
) -> Product:
    """Change what is given of a product; the rest (stock, barcode, photo) stays. A new
    price applies from the next sale on and is audited with its old value. ``active=False``
    deactivates it (never deleted): it cannot be sold and leaves the quick grid.

    Raises:
        RecordRefused: no such product, or a cell breaks the import's rules.
    """
    require_main_till(store)
    with store.atomic():
        old = store.products.by_sku(sku.strip())
        if old is None:
            raise RecordRefused([ImportProblem(0, "sku", f"no product with SKU {sku!r}")])
        cells = _overlay(_product_cells(old), {"name": name, "price": price, "category": category})
        # An edit never touches stock, and stock sold beyond what was on hand is below zero,
        # which the import's stock rule refuses: check the cells without it, keep the stock.
        cells["stock"] = "0"
        new = replace(
            Product(**_checked_product(store, cells)),
            stock=old.stock,
            image=old.image,
            active=bool(old.active if active is None else active),
        )
        store.products.upsert([new], clock.now())
        store.products.set_active(new.sku, new.active)
        changes = _changed(old, new, ("name", "category", "price", "active"))
        if changes:
            journal.append_audit(
                store, actor, "product_edited", {"product": new.sku, "changed": changes},
                clock.now(),
            )  # fmt: skip
    return new


def artisan_json(a: Artisan) -> dict:
    """An artisan as the CLI prints it (``commission_percent`` a string, as in reports)."""
    return {**_artisan_cells(a), "active": bool(a.active)}


def product_json(p: Product) -> dict:
    """A product as the CLI prints it (``price`` an integer number of rupiah)."""
    return {
        "sku": p.sku,
        "name": p.name,
        "artisan_code": p.artisan_code,
        "category": p.category,
        "price": p.price,
        "price_text": format_rupiah(p.price),
        "stock": p.stock,
        "barcode": p.barcode,
        "active": bool(p.active),
    }
