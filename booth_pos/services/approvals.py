"""Sale-time approvals: a supervisor's PIN for a price override or a discount above the
threshold (``Settings.discount_threshold_bp``).

An approval is recorded (and audited) before payment; ``selling.complete`` refuses a cart
whose overrides and big discounts have no valid approval (``cart_approvals``). On a stand
without staff accounts nothing needs approval.

An open-price line (unlabelled goods, ``selling.add_open``) has no catalogue price, so its
typed price is never an override and needs no supervisor, nor does typing it again. A
discount on it counts against its typed price and needs approval above the threshold, as
on any line.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace

from booth_pos.clock import Clock
from booth_pos.model import Approval, ApprovalError, Cart, CartError, Discount, KnownError
from booth_pos.money import FULL_BP, format_rupiah
from booth_pos.services import journal, staff
from booth_pos.services.corrections import check_reason
from booth_pos.store import Store


def _terms(**values) -> str:
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _override_terms(line) -> str:
    return _terms(sku=line.sku, list_price=line.list_price, unit_price=line.unit_price)


def _line_discount_terms(line) -> str:
    d = line.discount
    if line.open_price:  # no SKU to tell two open-price lines apart: their artisan and name do
        return _terms(
            scope="line", open_price=True, artisan=line.artisan_code, name=line.name,
            unit_price=line.unit_price, kind=d.kind, value=d.value,
        )  # fmt: skip
    return _terms(
        scope="line", sku=line.sku, unit_price=line.unit_price, kind=d.kind, value=d.value
    )


def _sale_discount_terms(discount: Discount) -> str:
    return _terms(scope="sale", kind=discount.kind, value=discount.value)


def over_threshold(cart: Cart, threshold_bp: int) -> tuple[list[int], bool]:
    """Which discounts of ``cart`` exceed the threshold and need a supervisor.

    A line discount counts against its line's gross; the sale discount counts together with
    the line discounts against the cart's gross, so stacking two small discounts into a big
    one still needs approval.

    Returns:
        Indexes of lines whose discount is over, and whether the sale discount is.
    """
    lines = [
        i
        for i, line in enumerate(cart.lines)
        if line.discount and line.discount_amount * FULL_BP > threshold_bp * line.gross
    ]
    pricing = cart.pricing()
    sale = bool(
        cart.discount
        and pricing.sale_discount
        and pricing.discounts * FULL_BP > threshold_bp * pricing.gross
    )
    return lines, sale


def needs_approval(store: Store, cart: Cart) -> list[KnownError]:
    """What in ``cart`` still needs a supervisor before it can be paid (empty: nothing).

    The sell page can call it before opening the payment dialog; ``selling.complete``
    refuses the cart with the first of these.
    """
    if not staff.staff_exist(store):
        return []
    approved = {a.terms for a in _valid_approvals(store, cart)}
    missing: list[KnownError] = []
    for line in cart.lines:
        if line.list_price is not None and _override_terms(line) not in approved:
            missing.append(
                ApprovalError(
                    en=f"The price of {line.name} was changed: a supervisor must approve it",
                    id=f"Harga {line.name} diubah: harus disetujui supervisor",
                )
            )
    threshold = store.settings().discount_threshold_bp
    lines, sale = over_threshold(cart, threshold)
    for i in lines:
        if _line_discount_terms(cart.lines[i]) not in approved:
            missing.append(
                ApprovalError(
                    en=f"The discount on {cart.lines[i].name} is above the threshold: "
                    "a supervisor must approve it",
                    id=f"Diskon {cart.lines[i].name} melebihi batas: harus disetujui supervisor",
                )
            )
    if sale and _sale_discount_terms(cart.discount) not in approved:
        missing.append(
            ApprovalError(
                en="The discount is above the threshold: a supervisor must approve it",
                id="Diskon melebihi batas: harus disetujui supervisor",
            )
        )
    return missing


def _valid_approvals(store: Store, cart: Cart) -> list[Approval]:
    """Stored approvals of THIS cart given by someone other than its current cashier."""
    return [
        a
        for a in store.approvals.get_many(cart.approvals)
        if a.cart_id == cart.id and not staff.same_person(a.supervisor, cart.cashier)
    ]


def cart_approvals(store: Store, cart: Cart) -> list[str]:
    """Check a cart about to be completed; return the approvals to store with its sale.

    Called by ``selling.complete`` inside the sale's transaction. On a stand without staff
    accounts nothing is checked.

    Raises:
        StaffError: accounts exist and the cart's cashier is not one of them.
        ApprovalError: a price override or a discount above the threshold has no valid
            approval.
    """
    if not staff.staff_exist(store):
        return []
    staff.check_cashier(store, cart.cashier)
    missing = needs_approval(store, cart)
    if missing:
        raise missing[0]
    needed = {_override_terms(ln) for ln in cart.lines if ln.list_price is not None}
    lines, sale = over_threshold(cart, store.settings().discount_threshold_bp)
    needed |= {_line_discount_terms(cart.lines[i]) for i in lines}
    if sale:
        needed.add(_sale_discount_terms(cart.discount))
    return [a.id for a in _valid_approvals(store, cart) if a.terms in needed]


def _approval(
    store: Store,
    cart: Cart,
    kind: str,
    terms: str,
    *,
    supervisor: str,
    pin: str,
    reason: str,
    clock: Clock,
) -> Approval:
    reason = check_reason(reason)
    if not staff.staff_exist(store):
        raise ApprovalError(
            en="Approvals need a supervisor account; create one first",
            id="Persetujuan butuh akun supervisor; buat dulu",
        )
    approver = staff.approve(store, supervisor, pin, cart.cashier, clock)
    approval = Approval(
        id=str(uuid.uuid4()),
        kind=kind,
        cart_id=cart.id,
        supervisor=approver.name,
        cashier=cart.cashier,
        reason=reason,
        terms=terms,
        at=clock.now(),
    )
    with store.atomic():
        store.approvals.insert(approval)
        detail = {"kind": kind, "cart": cart.id, "cashier": cart.cashier, "terms": terms}
        journal.append_audit(store, approver.name, "approval", {**detail, "reason": reason},
                             approval.at)  # fmt: skip
    return approval


def approve_price_override(
    store: Store,
    cart: Cart,
    index: int,
    unit_price: int,
    *,
    supervisor: str,
    pin: str,
    reason: str,
    clock: Clock,
) -> Approval:
    """Sell line ``index`` of ``cart`` at ``unit_price``, approved by a supervisor's PIN.

    The change is checked on the cart first (a refused price asks nobody for a PIN), the
    approval is recorded, then the cart line gets the new price and the cart the approval.

    Args:
        store: the open store.
        cart: the cart being rung up; its ``cashier`` is who asks.
        index: the line's position in ``cart.lines``.
        unit_price: the new price per unit, whole rupiah.
        supervisor: who approves (not the cart's cashier).
        pin: the supervisor's PIN.
        reason: why ("damaged", "display piece").
        clock: supplies "now".

    Returns:
        The approval (already added to ``cart.approvals``).

    Raises:
        CartError: no such line, a bad price. CorrectionError: no reason.
        StaffError/ApprovalError: no supervisor account, wrong person, wrong PIN.
    """
    line = _line(cart, index)
    trial = Cart(
        id=cart.id,
        lines=[_copy_line(ln) for ln in cart.lines],
        discount=cart.discount,
        cashier=cart.cashier,
    )
    trial.set_unit_price(index, unit_price)
    new = trial.lines[index]
    if new.list_price is None:
        raise CartError(
            en=f"{line.name} already sells at {format_rupiah(unit_price, 'en')}",
            id=f"{line.name} memang berharga {format_rupiah(unit_price, 'id')}",
        )
    approval = _approval(
        store, cart, "price_override", _override_terms(new),
        supervisor=supervisor, pin=pin, reason=reason, clock=clock,
    )  # fmt: skip
    cart.set_unit_price(index, unit_price)
    cart.approvals.append(approval.id)
    return approval


def approve_discount(
    store: Store,
    cart: Cart,
    discount: Discount,
    *,
    index: int | None = None,
    supervisor: str,
    pin: str,
    reason: str,
    clock: Clock,
) -> Approval:
    """Give a discount above the threshold, approved by a supervisor's PIN.

    Args:
        store: the open store.
        cart: the cart being rung up; its ``cashier`` is who asks.
        discount: the discount (amount or percentage).
        index: the line it applies to; None for a discount on the whole sale.
        supervisor: who approves (not the cart's cashier).
        pin: the supervisor's PIN.
        reason: why ("bulk buyer", "damaged box").
        clock: supplies "now".

    Returns:
        The approval (already added to ``cart.approvals``); the discount is set on the cart.

    Raises:
        CartError: the discount does not fit the line or sale. CorrectionError: no reason.
        StaffError/ApprovalError: no supervisor account, wrong person, wrong PIN.
    """
    if not isinstance(discount, Discount):
        raise CartError(en="Not a discount", id="Bukan diskon")
    trial = Cart(
        id=cart.id,
        lines=[_copy_line(ln) for ln in cart.lines],
        discount=cart.discount,
        cashier=cart.cashier,
    )
    if index is None:
        trial.set_discount(discount)
        terms = _sale_discount_terms(discount)
    else:
        _line(cart, index)
        trial.set_line_discount(index, discount)
        terms = _line_discount_terms(trial.lines[index])
    approval = _approval(
        store, cart, "discount", terms,
        supervisor=supervisor, pin=pin, reason=reason, clock=clock,
    )  # fmt: skip
    if index is None:
        cart.set_discount(discount)
    else:
        cart.set_line_discount(index, discount)
    cart.approvals.append(approval.id)
    return approval


def _line(cart: Cart, index: object):
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(cart.lines):
        raise CartError(en="No such line in the cart", id="Baris itu tidak ada di keranjang")
    return cart.lines[index]


def _copy_line(line):
    return replace(line)
