"""A realistic demo stand: the Dekranasda Kota Cilegon stand at Ina Craft 2023.

Products come in through the same CSV import as a real stand's; simulated sales go through
the same ``selling.complete`` as the till, so demos, screenshots and benchmarks exercise the
real code.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from booth_pos import resources
from booth_pos.clock import Clock, zone
from booth_pos.model import Cart, Discount, KnownError, Method, Tender
from booth_pos.services import days, imports, selling
from booth_pos.store import Store

STORIES = {
    "ECO": "Daun jati dan ketapang dari kebun sendiri, dicetak langsung di atas kain.",
    "BKR": "Batik tulis bermotif Gunung Krakatau dan debus, dikerjakan ibu-ibu Cilegon.",
    "TNB": "Tenun gedog khas Banten dengan pewarna alam.",
    "PDN": "Anyaman pandan laut dari pesisir Merak.",
    "DMP": "Kulit sapi samak nabati, dijahit tangan.",
    "SLM": "Sarung bantal bersulam tangan dari kelompok perempuan Jombang.",
    "DKR": "Rotan dan makrame untuk rumah tropis.",
    "BMB": "Bambu tali dari Cibeber, diolah tanpa plastik.",
    "UKR": "Ukiran kayu jati dan mahoni, termasuk badak bercula satu Ujung Kulon.",
    "MNK": "Manik kaca dan batu, dirangkai dengan motif Banten.",
    "GRB": "Gerabah tanah liat Bojonegara dibakar tradisional.",
    "BRD": "Bordir kerawang dengan mesin kejei dan tangan.",
}

ORIGINS = (("ID", 86), ("KR", 5), ("FR", 4), ("IN", 3), ("OTHER", 2))
METHODS = ((Method.CASH, 45), (Method.QRIS, 35), (Method.CARD, 12), (Method.TRANSFER, 8))
CASHIERS = ("Rina", "Dimas")


def load_stand(store: Store, clock: Clock) -> tuple[int, int]:
    """Fill an empty database with the demo stand; returns (artisans, products)."""
    if store.products.count() or store.artisans.all():
        raise KnownError(
            en="The database already has products; the demo needs an empty one (use --db)",
            id="Database sudah berisi produk; demo butuh database kosong (pakai --db)",
        )
    settings = store.settings()
    store.save_settings(
        replace(
            settings,
            stand_name="Dekranasda Kota Cilegon",
            event_name="Ina Craft 2023",
            venue="Jakarta Convention Center, Hall B, Stand 112",
            event_start="2023-03-01",
            event_end="2023-03-05",
            receipt_header="Kerajinan IKM Kota Cilegon",
            receipt_footer="Terima kasih! Pesanan grosir: 0812-1000-2023",
            receipt_footer_en="Thank you! Bulk orders: 0812-1000-2023",
            contact="dekranasda.cilegon@example.id · 0812-1000-2023",
        )
    )
    a = imports.import_artisans(store, resources.path("demo", "artisans.csv"))
    if store.sales.last_event_at() is None:  # goods are brought in the morning of day 1
        tz = zone(store.settings().timezone)
        clock = Clock(datetime.combine(date.fromisoformat("2023-03-01"), time(8), tz))
    p = imports.import_products(store, resources.path("demo", "products.csv"), clock)
    with store.atomic():
        for code, story in STORIES.items():
            store.artisans.set_story(code, story)
    return a.total, p.total


def _pick(rng: random.Random, weighted):
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


def simulate(
    store: Store,
    n_days: int,
    per_day: int,
    seed: int = 2023,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Ring up ``per_day`` sales on each of ``n_days`` days through the till's own code.

    Days follow the last day in the database (or start on the event's first day); each is
    opened at 10:00, sold through until 21:00 and closed with the expected cash counted.
    Nothing is sold beyond the stock on hand: when a product an artisan brought runs low
    (below a quarter of what it had at the start), the artisan brings more that morning or,
    if it runs out during the day, at once (an intake note ``IN-0001``, as at a real stand).
    Returns the number of sales written; ``progress`` is told (sales so far, sales in all).
    """
    if n_days < 0 or per_day < 0:
        raise KnownError(
            en="Days and sales per day cannot be negative",
            id="Jumlah hari dan penjualan per hari tidak boleh negatif",
        )
    settings = store.settings()
    tz = zone(settings.timezone)
    if days.current_day(store):
        raise KnownError(
            en="A business day is open; close it before simulating more days",
            id="Ada hari yang masih buka; tutup dulu sebelum simulasi",
        )
    products = store.products.all()
    if not products:
        raise KnownError(
            en="No products: run the demo on an empty database first",
            id="Belum ada produk: jalankan demo pada database kosong dulu",
        )
    rng = random.Random(seed)
    last = store.days.last(settings.till)
    start = (
        last.business_date + timedelta(days=1)
        if last
        else date.fromisoformat(settings.event_start or "2023-03-01")
    )
    clock = Clock(datetime.combine(start, time(10), tz))
    weights = [max(1, 400_000 // p.price) for p in products]
    shelf = _Shelf(store, products)
    written = 0
    with store.bulk():
        for d in range(n_days):
            day_date = start + timedelta(days=d)
            opening = datetime.combine(day_date, time(9, 45), tz)
            clock.set(opening - timedelta(minutes=15))
            shelf.restock(clock, low=True)
            clock.set(opening)
            with store.atomic():
                day = days.open_day(store, clock, 500_000)
                seconds = sorted(rng.randrange(0, 11 * 3600) for _ in range(per_day))
                for s in seconds:
                    clock.set(datetime.combine(day_date, time(10), tz) + timedelta(seconds=s))
                    cart = _random_cart(rng, products, weights)
                    shelf.fill_for(cart, clock)
                    if cart.origin not in settings.origins:  # a stand with its own codes
                        cart.origin = ""
                    selling.complete(store, cart, _tenders(rng, cart.total), clock)
                    written += 1
                    if progress is not None:
                        progress(written, n_days * per_day)
                clock.set(datetime.combine(day_date, time(21, 5), tz))
                expected = days.expected_cash(store, day)
                short = rng.choice((0, 0, 0, -2000, 5000, -10_000))
                days.close_day(store, clock, max(0, expected + short))
    return written


class _Shelf:
    """What is on the demo stand's shelf, so the simulation never sells what is not there."""

    def __init__(self, store: Store, products):
        self.store = store
        self.by_sku = {p.sku: p for p in products}
        #: a full shelf: what each product had when the simulation began (at least 3)
        self.full = {p.sku: max(p.stock, 3) for p in products}

    def restock(self, clock: Clock, *, low: bool, wanted: dict[str, int] | None = None) -> None:
        """Each artisan brings its products that run low (or those ``wanted``) back to a
        full shelf: one intake note per artisan."""
        from booth_pos.services import stock

        hand = self.store.stock.on_hand(list(self.by_sku))
        bring: dict[str, list[tuple[str, int]]] = {}
        for sku, full in self.full.items():
            need = (wanted or {}).get(sku, 0)
            if (low and hand[sku] * 4 < full) or hand[sku] < need:
                qty = max(full, need) - hand[sku]
                bring.setdefault(self.by_sku[sku].artisan_code, []).append((sku, qty))
        for code in sorted(bring):
            stock.receive(self.store, clock, code, bring[code], note="Stok tambahan")

    def fill_for(self, cart: Cart, clock: Clock) -> None:
        """Bring in at once what ``cart`` takes beyond the shelf (the artisan is nearby)."""
        wanted: dict[str, int] = {}
        for line in cart.lines:
            wanted[line.sku] = wanted.get(line.sku, 0) + line.qty
        hand = self.store.stock.on_hand(list(wanted))
        if any(hand[sku] < qty for sku, qty in wanted.items()):
            self.restock(clock, low=False, wanted=wanted)


def _random_cart(rng: random.Random, products, weights) -> Cart:
    cart = Cart(
        cashier=rng.choice(CASHIERS),
        origin=_pick(rng, ORIGINS),
        lang="id",
    )
    cart.lang = "id" if cart.origin == "ID" else "en"
    n_lines = rng.choices((1, 2, 3, 4, 5), (40, 30, 15, 10, 5))[0]
    for product in rng.choices(products, weights, k=n_lines):
        cart.add(product, rng.choices((1, 2, 3), (80, 15, 5))[0])
    for i, line in enumerate(cart.lines):
        if rng.random() < 0.08:
            cart.set_line_discount(i, Discount("percent", rng.choice((500, 1000, 1500))))
        elif rng.random() < 0.03:
            cart.set_line_discount(i, Discount("amount", min(line.gross, 10_000)))
    if rng.random() < 0.06:
        cart.set_discount(Discount("percent", rng.choice((500, 1000))))
    elif rng.random() < 0.03:
        cart.set_discount(Discount("amount", min(cart.pricing().subtotal, 25_000)))
    return cart


def _tenders(rng: random.Random, total: int) -> list[Tender]:
    method = _pick(rng, METHODS)
    if rng.random() < 0.05 and total >= 100_000:
        first = (total // 2) // 1000 * 1000
        return [Tender(Method.QRIS, first, f"QR{rng.randrange(10**8):08d}"), Tender(Method.CASH)]
    if method is Method.CASH:
        note = rng.choice((50_000, 100_000))
        tendered = -(-total // note) * note if rng.random() < 0.7 else total
        return [Tender(Method.CASH, tendered)]
    ref = f"{rng.randrange(10**6):06d}" if method is not Method.TRANSFER else ""
    return [Tender(method, None, ref)]
