"""What the stand sells, as the screens read it: products and the artisans they belong to.

Reads only; importing products is ``services.imports``. The window asks through here, never
the store, so a change in how the store keeps products changes nothing in ``ui/``.
"""

from __future__ import annotations

from booth_pos.model import Artisan, Product
from booth_pos.store import Store


def all_products(store: Store) -> list[Product]:
    """Every product, by SKU."""
    return store.products.all()


def artisans(store: Store) -> list[Artisan]:
    """Every artisan, by code."""
    return store.artisans.all()


def of_artisan(store: Store, artisan_code: str, limit: int = 200) -> list[Product]:
    """Up to ``limit`` products of one artisan, by name (the sell screen's touch grid)."""
    return store.products.of_artisan(artisan_code, limit=limit)


def search(store: Store, text: str, limit: int = 50) -> list[Product]:
    """Products whose name or SKU contains ``text`` (the search dialog, F2)."""
    return store.products.search(text, limit=limit)
