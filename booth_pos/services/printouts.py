"""Labels and the buyer's catalogue as PDF bytes: one path for the window and the CLI."""

from __future__ import annotations

from collections.abc import Sequence

from booth_pos.clock import DEFAULT_TIMEZONE, Clock, local_date
from booth_pos.model import KnownError
from booth_pos.store import Store


def labels_pdf(
    store: Store,
    skus: Sequence[str] = (),
    *,
    copies: int | str = 1,
    layout: str = "a4",
    lang: str | None = None,
) -> bytes:
    """Labels for ``skus`` (all products when empty); ``copies="stock"`` prints one per item.

    Raises:
        KnownError: an unknown SKU, a bad copy count or layout; nothing is produced.
    """
    from booth_pos.documents.labels import render_labels

    if layout not in ("a4", "roll"):
        raise KnownError(en="Layout is a4 or roll", id="Tata letak a4 atau roll")
    products = store.products.all()
    if skus:
        by_sku = {p.sku: p for p in products}
        unknown = [sku for sku in skus if sku not in by_sku]
        if unknown:
            raise KnownError(
                en=f"Unknown SKU: {', '.join(unknown)}",
                id=f"SKU tidak dikenal: {', '.join(unknown)}",
            )
        products = [by_sku[sku] for sku in dict.fromkeys(skus)]
    if copies == "stock":
        count = {p.sku: max(0, p.stock) for p in products}
        products = [p for p in products if count[p.sku] > 0]
        if not products:
            raise KnownError(
                en="None of these products has stock to label",
                id="Tidak ada stok untuk diberi label",
            )
        per: int | dict[str, int] = count
    else:
        if not isinstance(copies, int) or not 1 <= copies <= 500:
            raise KnownError(
                en="Copies: 1 to 500 per product", id="Salinan: 1 sampai 500 per produk"
            )
        per = copies
    settings = store.settings()
    return render_labels(
        products,
        copies=per,
        layout=layout,
        artisans=store.artisans.all(),
        lang=lang or settings.receipt_lang or "id",
    )


def catalogue_pdf(
    store: Store,
    clock: Clock,
    *,
    lang: str | None = None,
    currency: str | None = None,
    rate: str | None = None,
    wholesale: bool = False,
) -> bytes:
    """The buyer's catalogue; prices also in ``currency`` at ``rate`` rupiah per unit if given;
    ``wholesale``: each product's tiers, MOQ and lead time too (issue 17)."""
    from booth_pos.documents.catalogue import render_catalogue
    from booth_pos.money import parse_currency, parse_rate

    if bool(currency) != bool(rate):
        raise KnownError(
            en="Currency and rate go together (e.g. EUR at 17250)",
            id="Mata uang dan kurs dipakai bersama (mis. EUR dengan 17250)",
        )
    settings = store.settings()
    return render_catalogue(
        store.products.all(),
        store.artisans.all(),
        settings,
        lang=lang or settings.receipt_lang or "id",
        currency=parse_currency(currency) if currency else None,
        rate=parse_rate(rate) if rate else None,
        image_dir=store.path.parent,
        today=local_date(clock.now(), settings.timezone or DEFAULT_TIMEZONE),
        wholesale=_wholesale_terms(store) if wholesale else None,
    )


def _wholesale_terms(store: Store) -> dict:
    """Each product's wholesale terms, its lead time resolved (its own, else its artisan's)."""
    from dataclasses import replace

    from booth_pos.model.wholesale import Wholesale

    terms = store.wholesale.all()
    artisan_days = store.wholesale.artisan_lead_days()
    out = {}
    for p in store.products.all():
        w = terms.get(p.sku, Wholesale())
        if w.lead_days is None:
            w = replace(w, lead_days=artisan_days.get(p.artisan_code, 0))
        out[p.sku] = w
    return out
