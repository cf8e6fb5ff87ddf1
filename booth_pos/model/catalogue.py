"""What the stand sells and for whom: artisans and their products."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Artisan:
    code: str
    name: str
    owner: str = ""
    phone: str = ""
    commission_bp: int = 0
    story: str = ""
    active: bool = True  # deactivated: its goods cannot be sold (never deleted)


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    artisan_code: str
    category: str
    price: int
    stock: int
    barcode: str
    image: str = ""
    active: bool = True  # deactivated: cannot be sold, not on the quick grid (never deleted)
