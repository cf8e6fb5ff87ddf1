"""Ringing up: add scanned codes to a cart, settle tenders, commit the sale atomically."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, replace
from enum import StrEnum

from booth_pos.clock import Clock
from booth_pos.model import (
    MAX_QTY,
    MAX_UNIT_PRICE,
    OPEN_PRICE_SKU,
    Artisan,
    Cart,
    CartError,
    CartLine,
    DayError,
    Discount,
    KnownError,
    PaymentError,
    Product,
    Sale,
    SaleLine,
    SaleReference,
    Settings,
    StaffError,
    Tender,
    UnknownCode,
    due_after,
    settle,
)
from booth_pos.model.text import TextProblem, clean_line
from booth_pos.money import format_rupiah
from booth_pos.store import Store

log = logging.getLogger(__name__)

# ASCII digits only: ``\d`` and str.isdecimal also take "٣" (Arabic-Indic three), and
# "٣*SKU" added three units. A quantity is typed on a keyboard's 0-9 or not at all.
_ITEM = re.compile(r"^\s*(?:([0-9]+)\s*[*xX]\s*)?(\S+)\s*$")


# -- what a scan asks for ---------------------------------------------------------------------
# Domain types of the scan grammar; they live here until model.py becomes a package.


@dataclass(frozen=True)
class AddItem:
    """``CODE`` or ``QTY*CODE`` (``QTYxCODE``): add ``qty`` of the product named by ``code``.

    Attributes:
        qty: how many (1 when not given); ``MAX_QTY + 1`` for a run of digits longer than
            any allowed quantity, so the cart refuses it as a typo.
        code: a SKU or a barcode, as typed.
        text: the whole text, stripped: a SKU may itself look like ``QTYxCODE``.
    """

    qty: int
    code: str
    text: str


@dataclass(frozen=True)
class SetQuantity:
    """``*N``: the line in hand (the selected one, else the last) becomes ``qty`` units."""

    qty: int


Scan = AddItem | SetQuantity


def _quantity(digits: str) -> int:
    # More digits than any allowed quantity: the cart refuses it as a typo (and int() would
    # refuse a number of over 4300 digits with a bare ValueError).
    if len(digits.lstrip("0")) > len(str(MAX_QTY)):
        return MAX_QTY + 1
    return int(digits)


def parse_scan(text: str) -> Scan:
    """What the scanner or the cashier typed asks for: the one grammar of the scan field.

    ``CODE`` -> ``AddItem(1, CODE)``; ``3*CODE``, ``3xCODE``, ``3 * CODE`` -> ``AddItem(3,
    CODE)``; ``*5`` -> ``SetQuantity(5)``. Quantity digits are ASCII 0-9 only: "٣*CODE"
    or "*²" is looked up as a code (and is unknown), never three units. Quantities are not
    range-checked here (``0*CODE`` parses): the cart refuses what it cannot hold, with its
    own message.

    Raises:
        CartError: empty text, or text that is not a code (a space inside it, a bare ``3*``).
    """
    stripped = (text or "").strip()
    digits = stripped[1:]
    if stripped.startswith("*") and digits.isascii() and digits.isdigit():
        return SetQuantity(_quantity(digits))
    m = _ITEM.match(stripped)
    if not m:
        raise CartError(en=f"Not a code: {text!r}", id=f"Bukan kode: {text!r}")
    return AddItem(_quantity(m.group(1) or "1"), m.group(2), stripped)


def lookup(store: Store, code: str) -> Product:
    product = store.products.by_code(code)
    if product is None:
        raise UnknownCode(code)
    check_sellable(store, product)
    return product


def check_sellable(store: Store, product: Product) -> None:
    """Refuse a deactivated product, or a product of a deactivated artisan."""
    if not product.active:
        raise CartError(
            en=f"{product.sku} {product.name} is deactivated and no longer sold",
            id=f"{product.sku} {product.name} sudah dinonaktifkan dan tidak dijual lagi",
        )
    if not store.artisans.is_active(product.artisan_code):
        raise CartError(
            en=f"{product.sku}: its artisan {product.artisan_code} is deactivated; it is no "
            "longer sold",
            id=f"{product.sku}: pengrajin {product.artisan_code} sudah dinonaktifkan; produk "
            "ini tidak dijual lagi",
        )


def add(store: Store, cart: Cart, text: str) -> tuple[CartLine, Product | None]:
    """Do what the scanner or the cashier typed (``CODE``, ``QTY*CODE`` or ``*N``) to ``cart``.

    ``*N`` sets the last line's quantity (the window, which knows the selected line, handles
    ``SetQuantity`` itself). Returns the cart line and the product (its stock tells whether
    to warn; None when ``*N`` changed an open-price line). An unknown code raises
    ``UnknownCode`` and leaves the cart as it was.

    Raises:
        CartError: text that is not a code, a refused quantity, ``*N`` on an empty cart.
        UnknownCode: no product has that SKU or barcode.
    """
    scan = parse_scan(text)
    if isinstance(scan, SetQuantity):
        return set_last_quantity(store, cart, scan.qty)
    return add_item(store, cart, scan)


def add_item(store: Store, cart: Cart, item: AddItem) -> tuple[CartLine, Product]:
    """Add ``item.qty`` of the product ``item`` names; see ``add``."""
    if item.code != item.text:
        # A SKU may itself look like QTYxCODE ("40X40-SLM"): if the whole text names a
        # product, it is that product, not 40 of "40-SLM".
        whole = store.products.by_code(item.text)
        if whole is not None:
            check_sellable(store, whole)
            return cart.add(whole, 1), whole
    product = lookup(store, item.code)
    return cart.add(product, item.qty), product


def set_last_quantity(store: Store, cart: Cart, qty: int) -> tuple[CartLine, Product | None]:
    """``*N`` without a selection: the cart's last line becomes ``qty`` units.

    Returns the line and its product (None for an open-price line: it has none)."""
    if not cart.lines:
        raise CartError(
            en="Scan a product first, then *N sets its quantity",
            id="Pindai barang dulu, lalu *N mengatur jumlahnya",
        )
    row = len(cart.lines) - 1
    cart.set_qty(row, qty)
    line = cart.lines[row]
    return line, None if line.open_price else lookup(store, line.sku)


def over_stock(cart: Cart, line: CartLine, product: Product | None) -> bool:
    """Whether the cart now holds more of this product than the recorded stock (never for
    an open-price line: it has no product and no stock)."""
    if product is None or line.open_price:
        return False
    in_cart = sum(ln.qty for ln in cart.lines if ln.sku == line.sku and not ln.open_price)
    return in_cart > product.stock


# -- open-price lines ---------------------------------------------------------------------

#: The most characters of an open-price line's name (the import's limit for a product name).
MAX_OPEN_NAME = 200


def open_price_name(artisan_name: str, lang: str) -> str:
    """The name an open-price line gets when the cashier types none, in ``lang``."""
    return f"{artisan_name} item" if lang == "en" else f"Barang {artisan_name}"


def sellable_artisan(store: Store, code: object) -> Artisan:
    """The active artisan ``code`` names (exact, else in capitals: "eco" is ECO).

    Raises:
        CartError: no artisan has that code, or the artisan is deactivated.
    """
    text = code.strip() if isinstance(code, str) else ""
    artisans = {a.code: a for a in store.artisans.all()}
    artisan = artisans.get(text) or artisans.get(text.upper())
    if artisan is None:
        shown = text if len(text) <= 12 else text[:12] + "..."
        if not text:
            raise CartError(en="Choose the artisan of the goods", id="Pilih pengrajin barang ini")
        known = ", ".join(sorted(c for c, a in artisans.items() if a.active)) or "-"
        raise CartError(
            en=f"No artisan has the code {shown!r} (active: {known})",
            id=f"Tidak ada pengrajin berkode {shown!r} (yang aktif: {known})",
        )
    if not artisan.active:
        raise CartError(
            en=f"Artisan {artisan.code} {artisan.name} is deactivated; its goods are no "
            "longer sold",
            id=f"Pengrajin {artisan.code} {artisan.name} sudah dinonaktifkan; barangnya "
            "tidak dijual lagi",
        )
    return artisan


def check_open_name(name: object) -> str:
    """An open-price line's name as typed, spaces collapsed ("" when none was typed).

    Raises:
        CartError: too long, or holding a control character (it would print as garbage).
    """
    if name is None or (isinstance(name, str) and not name.strip()):
        return ""
    clean, problem = clean_line(name, MAX_OPEN_NAME)
    if problem is TextProblem.TOO_LONG:
        raise CartError(
            en=f"A name has at most {MAX_OPEN_NAME} characters",
            id=f"Nama paling banyak {MAX_OPEN_NAME} karakter",
        )
    if problem is not None:
        raise CartError(
            en="A name cannot hold control characters", id="Nama tidak boleh berisi kode"
        )
    return clean


def check_open_price(price: object) -> int:
    """A typed open price: whole rupiah from Rp 1 up to ``MAX_UNIT_PRICE``.

    Raises:
        CartError: not a whole number, zero or less, or above ``MAX_UNIT_PRICE``.
    """
    if not isinstance(price, int) or isinstance(price, bool):
        raise CartError(
            en="Type the price in whole rupiah, e.g. 150.000",
            id="Ketik harga dalam rupiah utuh, mis. 150.000",
        )
    if price < 1:
        raise CartError(en="An open price must be at least Rp 1", id="Harga terbuka minimal Rp 1")
    if price > MAX_UNIT_PRICE:
        raise CartError(
            en="A price above Rp 1.000.000.000 is surely a typo",
            id="Harga di atas Rp 1.000.000.000 pasti salah ketik",
        )
    return price


def add_open(
    store: Store,
    cart: Cart,
    artisan_code: str,
    price: int,
    name: str = "",
    qty: int = 1,
) -> CartLine:
    """Add unlabelled goods of an artisan at a typed price: an open-price line.

    The line has no product: it moves no stock and has no barcode; it counts for its
    artisan in every report, at the artisan's commission in force when the sale completes
    (as any line). With no name typed it is called after the artisan in the receipt's
    language ("Barang Sekar Ecoprint", "Sekar Ecoprint item"). Its price needs no
    supervisor (nothing is overridden); a discount on it follows the threshold as on any
    line. The cart is unchanged when anything is refused.

    Args:
        store: the open store.
        cart: the cart being rung up.
        artisan_code: whose goods (an active artisan; "eco" finds ECO).
        price: the price per unit in whole rupiah, as typed (``money.parse_rupiah``).
        name: what the goods are ("Tas pandan kecil"); "" for the default name.
        qty: how many.

    Returns:
        The new cart line (``open_price`` set, ``sku`` ``OPEN_PRICE_SKU``).

    Raises:
        CartError: an unknown or deactivated artisan, a price of 0 or less or above
            ``MAX_UNIT_PRICE``, a refused quantity, a name too long or with control codes.
    """
    artisan = sellable_artisan(store, artisan_code)
    price = check_open_price(price)
    clean = check_open_name(name)
    if not clean:
        clean = open_price_name(artisan.name, cart.lang or store.settings().receipt_lang)
    return cart.add_open(artisan.code, clean, price, qty)


def customer_reference(settings: Settings, origin: str, total: int) -> SaleReference:
    """The foreign reference total a customer of ``origin`` is shown for ``total`` rupiah
    today (``customers.reference_for``), stored with the sale.

    Rates the receipt cannot read never stop a sale: logged, and no reference shown.
    """
    from booth_pos.model.customers import reference_for
    from booth_pos.money import RateError

    try:
        return reference_for(settings, origin, total)
    except RateError as exc:
        log.warning("No reference total for this sale: %s", exc.en)
        return SaleReference()


def customer_lang(settings: Settings, origin: str, chosen: str = "") -> str:
    """The receipt language of a sale: the cashier's choice, else the one of the customer's
    origin (KR: ko, FR: fr, ID: id, other foreigners: en), else the stand's setting."""
    from booth_pos.model.customers import lang_for

    return chosen or lang_for(origin) or settings.receipt_lang or "id"


def check_origin(settings: Settings, origin: str) -> str:
    """The customer's origin as a sale records it: one of the stand's codes, or "" for none.

    One rule for the window's origin picker, ``booth-pos sell --origin`` and ``complete``:
    the day and event reports count sales per origin, so free text (a typo, 100,000
    characters, a right-to-left override) would become a row of its own there.

    Args:
        settings: the stand's settings; ``settings.origins`` are the codes allowed.
        origin: what was picked or typed ("kr" is "KR"); empty means not recorded.

    Raises:
        CartError: a code that is not one of ``settings.origins`` (the message names them).
    """
    code = (origin or "").strip().upper()
    if not code or code in settings.origins:
        return code
    shown = code if len(code) <= 12 else code[:12] + "..."
    allowed = ", ".join(settings.origins)
    raise CartError(
        en=f"Unknown customer origin {shown!r}: use one of {allowed} (or none)",
        id=f"Asal pembeli tidak dikenal {shown!r}: pakai salah satu dari {allowed} (atau kosong)",
    )


# -- what stands between a cart and its payment -------------------------------------------


class BlockerKind(StrEnum):
    """Why a cart cannot be paid now; each names what would clear it."""

    EMPTY_CART = "empty_cart"  # scan something
    NO_DAY = "no_day"  # open the business day (the CLI may open one itself)
    SIGN_IN = "sign_in"  # a staff member signs in (staff accounts exist)
    APPROVAL = "approval"  # a supervisor approves a price change or a big discount


class Blocker(KnownError):
    """One thing that stops a checkout, with a message for a person in both languages.

    Attributes:
        kind: a ``BlockerKind``: what the caller should offer (open the day, sign in...).
    """

    def __init__(self, kind: BlockerKind, *, en: str, id: str):
        super().__init__(en=en, id=id)
        self.kind = kind


def checkout_blockers(store: Store, cart: Cart) -> list[Blocker]:
    """Everything that would stop ``cart`` being paid now, in the order to deal with it.

    The one checklist before taking payment, for the window and the command line alike;
    ask it before collecting tenders so nobody counts money for a sale that cannot be
    committed. An empty list means the checkout may go ahead. It writes nothing.

    Order (each present only when it applies):
        1. ``EMPTY_CART``: the cart has no lines (nothing else is checked then).
        2. ``NO_DAY``: this till has no open business day.
        3. ``SIGN_IN``: staff accounts exist and ``cart.cashier`` is not one of them
           (set ``cart.cashier`` to whoever is signed in before asking).
        4. ``APPROVAL``: one per price override or over-threshold discount that has no valid
           supervisor approval (``approvals.needs_approval``), in cart order; only asked
           once a cashier is known, since an approval is given to a cashier.

    Callers show the first (or all) and offer what its kind names: the window opens the
    open-day or sign-in dialog; the CLI may open a day with a zero float on ``NO_DAY`` and
    ask for a supervisor's PIN on ``APPROVAL``, then ask again. ``complete`` checks the
    same rules inside its transaction, so a blocker that appears in between still refuses
    the sale there (with a ``DayError``, ``StaffError`` or ``ApprovalError``).

    Args:
        store: the open store.
        cart: the cart about to be paid, with ``cashier`` set.

    Returns:
        The blockers, first to clear first; each is a ``KnownError`` (``raise`` it to refuse).

    Raises:
        StoreError: the database cannot be read, or ``PRAGMA quick_check`` found it damaged
            (``Store.check_sound``: restore a backup before selling).
    """
    # Imported here, not at the top: the sell screen opens before anything is paid.
    from booth_pos.services import approvals, days, staff

    if not cart.lines:
        return [Blocker(BlockerKind.EMPTY_CART, en="The cart is empty", id="Keranjang kosong")]
    store.check_sound()  # a damaged file takes no more sales: nothing else to clear first
    blockers: list[Blocker] = []
    if days.current_day(store) is None:
        blockers.append(
            Blocker(
                BlockerKind.NO_DAY,
                en="Open the business day before selling",
                id="Buka hari penjualan sebelum berjualan",
            )
        )
    try:
        staff.check_cashier(store, cart.cashier)
    except StaffError:
        blockers.append(
            Blocker(
                BlockerKind.SIGN_IN,
                en="Sign in before taking payment",
                id="Masuk dulu sebelum menerima pembayaran",
            )
        )
    else:
        blockers.extend(
            Blocker(BlockerKind.APPROVAL, en=missing.en, id=missing.id)
            for missing in approvals.needs_approval(store, cart)
        )
    return blockers


def complete(store: Store, cart: Cart, tenders: list[Tender], clock: Clock) -> Sale:
    """Commit ``cart`` as a sale in ONE transaction and return it as stored.

    Writes the sale, its lines (name, artisan and price as they are now), payments, stock
    decrements, the next receipt number and the supervisor approvals it used. Completing the
    same cart twice returns the first sale and writes nothing. An open-price line is stored
    with ``sku`` ``OPEN_PRICE_SKU`` and moves no stock; its artisan must still be active.

    Once staff accounts exist, the cart's cashier must be one of them, and a price override
    or a discount above the threshold must carry a supervisor's approval
    (``services.corrections``); otherwise nothing is written.

    Raises:
        CartError, PaymentError, DayError: an empty cart, short payment, no open day, an
            origin that is not one of the stand's codes, an open-price line of an artisan
            deactivated since.
        StaffError, ApprovalError: no signed-in cashier, a missing approval.
        StoreError: the file is damaged (``Store.check_sound``), locked, full or read-only.
    """
    # Imported here, not at the top: the sell screen opens before anything is paid.
    from booth_pos.services import approvals, journal, timeline

    existing = store.sales.get(cart.id)
    if existing is not None:
        return existing
    store.check_sound()
    if not cart.lines:
        raise CartError(en="The cart is empty", id="Keranjang kosong")
    pricing = cart.pricing()
    payments = settle(pricing.total, tenders)
    due = due_after(pricing.total, payments)
    if due:
        raise PaymentError(
            en=f"Payment does not cover the total: {format_rupiah(due, 'en')} still due",
            id=f"Pembayaran belum cukup: kurang {format_rupiah(due, 'id')}",
        )
    settings = store.settings()
    origin = check_origin(settings, cart.origin)
    shown = customer_reference(settings, origin, pricing.total)
    lang = customer_lang(settings, origin, cart.lang)
    with store.atomic():
        # Checked again inside the transaction: a double click may have got here first.
        if not store.sales.exists(cart.id):
            approval_ids = approvals.cart_approvals(store, cart)
            day = store.days.current(settings.till)
            if day is None:
                raise DayError(
                    en="No business day is open; open the day first",
                    id="Belum ada hari yang dibuka; buka hari dulu",
                )
            for line in cart.lines:
                if line.open_price:  # a parked cart may outlive its artisan's deactivation
                    sellable_artisan(store, line.artisan_code)
            now = clock.now()
            timeline.check_not_before_journal(store, now, clock)
            seq = store.sales.next_seq(settings.till)
            # The commission in force now, recorded with each line: a later change of rate
            # applies from the next sale on and never rewrites a settled day.
            rates = store.artisans.commission_rates()
            sale = Sale(
                id=cart.id,
                receipt_no=f"{settings.till}-{seq:06d}",
                till=settings.till,
                day_id=day.id,
                business_date=day.business_date,
                created_at=now,
                cashier=cart.cashier,
                origin=origin,
                lang=lang,
                lines=tuple(
                    SaleLine(
                        line_no=i,
                        sku=OPEN_PRICE_SKU if line.open_price else line.sku,
                        name=line.name,
                        artisan_code=line.artisan_code,
                        category=line.category,
                        unit_price=line.unit_price,
                        qty=line.qty,
                        line_discount=price.line_discount,
                        sale_discount_share=price.sale_discount_share,
                        commission_bp=rates.get(line.artisan_code, 0),
                    )
                    for i, (line, price) in enumerate(
                        zip(cart.lines, pricing.lines, strict=True), start=1
                    )
                ),
                payments=tuple(payments),
                subtotal=pricing.subtotal,
                discount=pricing.sale_discount,
                total=pricing.total,
                reference=shown,
            )
            store.sales.insert(sale, seq)
            store.approvals.link(sale.id, approval_ids)
            entry = journal.record_sale(store, sale, seq)  # same transaction as the sale
            return replace(sale, verification=journal.verification_code(entry.hash))
    return store.sales.get(cart.id)


# -- reading sales back ---------------------------------------------------------------------


def find_sale(store: Store, key: str) -> Sale | None:
    """A committed sale by its receipt number (``T1-000042``) or its id; None if there is none."""
    return store.sales.get(key)


def recent_sales(store: Store, limit: int = 200) -> list[tuple]:
    """The newest sales for the history list: (receipt_no, created_at, cashier, items, total)."""
    return store.sales.recent(limit=limit)


# -- parked carts ---------------------------------------------------------------------------


def cart_to_json(cart: Cart) -> str:
    return json.dumps(asdict(cart), ensure_ascii=False)


def cart_from_json(text: str) -> Cart:
    data = json.loads(text)
    lines = []
    for ln in data.pop("lines"):
        disc = ln.pop("discount")
        lines.append(CartLine(**ln, discount=Discount(**disc) if disc else None))
    disc = data.pop("discount")
    return Cart(**data, lines=lines, discount=Discount(**disc) if disc else None)


def park(store: Store, cart: Cart, clock: Clock, label: str = "") -> None:
    """Put a cart aside (it survives a restart) so the next customer can be served."""
    if not cart.lines:
        raise CartError(
            en="Nothing to park: the cart is empty", id="Keranjang kosong, tidak bisa ditunda"
        )
    store.parked.add(cart.id, clock.now(), label, cart_to_json(cart))


def label_parked(store: Store, cart_id: str, label: str) -> None:
    """Name a parked cart after the customer ("Ibu baju merah"), keeping when it was parked.

    The cart is parked first and named after, so the next customer is served at once;
    a cart recalled in between is left alone."""
    for cid, at, _old, data in store.parked.all():
        if cid == cart_id:
            store.parked.add(cid, at, label.strip()[:60], data)
            return


def parked_count(store: Store) -> int:
    """How many carts are parked (shown on the sell page)."""
    return len(store.parked.all())


def parked(store: Store) -> list[tuple[str, object, str, Cart]]:
    return [(cid, at, label, cart_from_json(data)) for cid, at, label, data in store.parked.all()]


def has_parked(store: Store) -> bool:
    """Whether any cart is parked (F8 on an empty cart offers them)."""
    return bool(store.parked.all())


def recall(store: Store, cart_id: str) -> Cart:
    data = store.parked.take(cart_id)
    if data is None:
        raise CartError(en="That parked cart is gone", id="Keranjang tunda itu sudah tidak ada")
    return cart_from_json(data)
