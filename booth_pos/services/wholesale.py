"""Wholesale prices (issue 17): tiers, minimum order quantity and lead time per product.

Set by ``booth-pos product edit SKU --tier MIN:PRICE ... --moq N --lead-days N``, by the
products import's optional columns (``tiers`` = ``10:135000;50:120000``, or ``tier1_min``,
``tier1_price``, ... ``tier9_price``; ``moq``; ``lead_days``), and read by quotes and the
wholesale catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from booth_pos.clock import Clock
from booth_pos.model import Product
from booth_pos.model.wholesale import (
    MAX_LEAD_DAYS,
    MAX_TIERS,
    Tier,
    Wholesale,
    WholesaleError,
    check_tiers,
    parse_tier,
    parse_tiers,
    tiers_text,
)
from booth_pos.store import Store

#: The products import's optional wholesale columns.
OPTIONAL_COLUMNS = re.compile(r"^(tiers|moq|lead_days|tier[1-9]_(min|price))$")


def is_wholesale_column(name: str) -> bool:
    return bool(OPTIONAL_COLUMNS.match(name))


def _whole(text: str, what_en: str, what_id: str, *, low: int, high: int) -> int:
    s = (text or "").strip()
    if not re.fullmatch(r"[0-9]{1,6}", s) or not low <= int(s) <= high:
        raise WholesaleError(
            en=f"{what_en}: a whole number from {low} to {high}, not {text!r}",
            id=f"{what_id}: bilangan bulat {low} sampai {high}, bukan {text!r}",
        )
    return int(s)


def parse_moq(text: str) -> int:
    return _whole(text, "Minimum order quantity", "Jumlah pesanan minimum", low=1, high=999_999)


def parse_lead_days(text: str) -> int:
    return _whole(text, "Lead time (days)", "Waktu produksi (hari)", low=0, high=MAX_LEAD_DAYS)


def terms_from_cells(row: dict[str, str], retail: int) -> tuple[str, Wholesale] | None:
    """The wholesale terms an import row gives, or None when it has no wholesale cell.

    Raises:
        WholesaleError: with ``column`` set to the cell at fault.
    """
    cells = {k: (v or "").strip() for k, v in row.items() if is_wholesale_column(k)}
    if not any(cells.values()):
        return None
    column = "tiers"
    try:
        tiers: list[Tier] = list(parse_tiers(cells.get("tiers", "")))
        for i in range(1, MAX_TIERS + 1):
            low, price = cells.get(f"tier{i}_min", ""), cells.get(f"tier{i}_price", "")
            if not low and not price:
                continue
            column = f"tier{i}_min" if not low else f"tier{i}_price"
            if not low or not price:
                raise WholesaleError(
                    en="a tier needs both its minimum and its price",
                    id="tingkat harga butuh jumlah minimum dan harganya",
                )
            tiers.append(parse_tier(f"{low}:{price}"))
        column = "moq"
        moq = parse_moq(cells["moq"]) if cells.get("moq") else 1
        column = "lead_days"
        lead = parse_lead_days(cells["lead_days"]) if cells.get("lead_days") else None
        column = "tiers"
        return column, Wholesale(check_tiers(tuple(tiers), retail, moq), moq, lead)
    except WholesaleError as exc:
        exc.column = column
        raise


def _hs(text: str) -> str:
    """An HS (customs tariff) code: digits and dots, e.g. 6214.90 (empty: none)."""
    s = (text or "").strip()
    if s and not re.fullmatch(r"[0-9][0-9.]{1,13}", s):
        raise WholesaleError(
            en=f"Not an HS code: {text!r} (digits and dots, e.g. 6214.90)",
            id=f"Bukan kode HS: {text!r} (angka dan titik, mis. 6214.90)",
        )
    return s


def terms(store: Store, sku: str) -> Wholesale:
    return store.wholesale.of(sku)


def set_terms(
    store: Store,
    sku: str,
    *,
    tiers: Sequence[str] | None = None,
    moq: str | None = None,
    lead_days: str | None = None,
    hs_code: str | None = None,
    actor: str = "",
    clock: Clock,
) -> Wholesale:
    """Change a product's wholesale terms (what is given; ``tiers`` replaces them all, an
    empty list clears them). Checked against its retail price; audited.

    Raises:
        WholesaleError: no such product, a tier price above retail, tiers not decreasing...
    """
    from booth_pos.services import journal

    with store.atomic():
        product = store.products.by_sku(sku.strip())
        if product is None:
            raise WholesaleError(
                en=f"No product with SKU {sku!r}", id=f"Tidak ada produk dengan SKU {sku!r}"
            )
        old = store.wholesale.of(product.sku)
        new = old
        if tiers is not None:
            new = replace(new, tiers=tuple(parse_tier(t) for t in tiers))
        if moq is not None:
            new = replace(new, moq=parse_moq(moq))
        if lead_days is not None:
            new = replace(new, lead_days=None if lead_days == "" else parse_lead_days(lead_days))
        if hs_code is not None:
            new = replace(new, hs_code=_hs(hs_code))
        new = replace(new, tiers=check_tiers(new.tiers, product.price, new.moq))
        if new != old:
            store.wholesale.save([(product.sku, new)])
            journal.append_audit(
                store, actor, "wholesale_edited",
                {"product": product.sku, "tiers": tiers_text(new.tiers), "moq": new.moq,
                 "lead_days": new.lead_days, "hs_code": new.hs_code},
                clock.now(),
            )  # fmt: skip
    return new


def check_retail_change(store: Store, product: Product) -> None:
    """A new retail price must stay at or above every wholesale tier of the product."""
    check_tiers(store.wholesale.of(product.sku).tiers, product.price)


def lead_days_of(store: Store, product: Product, terms_: Wholesale | None = None) -> int:
    """The product's lead time, else its artisan's, else 0."""
    w = terms_ or store.wholesale.of(product.sku)
    if w.lead_days is not None:
        return w.lead_days
    return store.wholesale.artisan_lead_days().get(product.artisan_code, 0)


def edit_product(
    store: Store,
    sku: str,
    *,
    tiers: Sequence[str] | None = None,
    moq: str | None = None,
    lead_days: str | None = None,
    hs_code: str | None = None,
    clock: Clock,
    actor: str = "",
    **fields,
) -> Product:
    """``records.edit_product`` and the wholesale terms in ONE transaction: a new retail
    price below a tier, or a refused tier, leaves the product as it was."""
    from booth_pos.services import records

    with store.atomic():
        product = records.edit_product(store, sku, clock=clock, actor=actor, **fields)
        set_terms(store, product.sku, tiers=tiers, moq=moq, lead_days=lead_days,
                  hs_code=hs_code, actor=actor, clock=clock)  # fmt: skip
    return product


def add_product(
    store: Store,
    sku: str,
    *,
    tiers: Sequence[str] | None = None,
    moq: str | None = None,
    lead_days: str | None = None,
    clock: Clock,
    actor: str = "",
    **fields,
) -> Product:
    """``records.add_product`` and its wholesale terms in ONE transaction (the product form)."""
    from booth_pos.services import records

    with store.atomic():
        product = records.add_product(store, sku, clock=clock, actor=actor, **fields)
        set_terms(store, product.sku, tiers=tiers, moq=moq, lead_days=lead_days, actor=actor,
                  clock=clock)  # fmt: skip
    return product


def form_texts(w: Wholesale) -> tuple[str, str, str]:
    """The product form's three wholesale fields: tiers, MOQ, lead days ("" for none)."""
    return tiers_text(w.tiers), str(w.moq), "" if w.lead_days is None else str(w.lead_days)


def set_artisan_lead_days(store: Store, code: str, days: str) -> int:
    """An artisan's production lead time, for its products that have none of their own."""
    value = parse_lead_days(days)
    with store.atomic():
        if code not in store.artisans.codes():
            raise WholesaleError(en=f"No artisan {code!r}", id=f"Tidak ada pengrajin {code!r}")
        store.wholesale.set_artisan_lead_days(code, value)
    return value


def terms_json(sku: str, w: Wholesale) -> dict:
    return {
        "sku": sku,
        "tiers": [{"min_qty": t.min_qty, "unit_price": t.unit_price} for t in w.tiers],
        "moq": w.moq,
        "lead_days": w.lead_days,
        "hs_code": w.hs_code,
    }
