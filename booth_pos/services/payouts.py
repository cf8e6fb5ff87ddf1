"""Money out: payments to artisans against the balance the stand owes them (issue 13).

The balance is the artisan's payout over the whole event so far (net - commission, as the
event report and the statement compute it) minus every payment already made. A payment is
``PO-0001``: cash comes out of the open day's drawer (it lowers the expected cash and shows
as its own line of the cash panel and the report), a transfer carries its reference. Each is
ONE transaction with its journal entry; a supervisor's PIN approves it once staff exist.
Paying more than the balance, nothing, or by another method is refused and writes nothing.
"""

from __future__ import annotations

from booth_pos.clock import Clock, to_iso
from booth_pos.model import MAX_UNIT_PRICE, ArtisanFigures, Payout, PayoutError, PayoutMethod
from booth_pos.money import format_rupiah
from booth_pos.services import staff as staff_service
from booth_pos.services import timeline
from booth_pos.store import Store
from booth_pos.store.stock import PayoutRow, payout_payload

__all__ = ["owed", "pay", "payout_json", "payouts"]

MAX_REFERENCE = 80
#: A payout larger than this is surely a typo (ten times the dearest price allowed).
MAX_PAYOUT = MAX_UNIT_PRICE * 10


def event_figures(store: Store, artisan_code: str) -> ArtisanFigures | None:
    """The artisan's figures over the whole event so far (None before the first day)."""
    from booth_pos.model import DayError
    from booth_pos.services import reports

    try:
        return reports.event_report(store).artisan(artisan_code)
    except (DayError, KeyError, StopIteration):
        return None


def owed(store: Store, artisan_code: str) -> int:
    """What the stand owes the artisan now: event payout - payments made."""
    figures = event_figures(store, artisan_code)
    return figures.balance if figures is not None else 0


def _method(method: object) -> PayoutMethod:
    try:
        return PayoutMethod(str(method).strip().lower())
    except ValueError:
        raise PayoutError(
            en=f"Unknown payout method {method!r}: cash or transfer",
            id=f"Cara bayar {method!r} tidak dikenal: cash atau transfer",
        ) from None


def pay(
    store: Store,
    clock: Clock,
    artisan_code: str,
    amount: int,
    method: PayoutMethod | str,
    *,
    reference: str = "",
    staff: str = "",
    supervisor: str = "",
    pin: str | None = None,
) -> Payout:
    """Record a payment to an artisan (one transaction, journaled).

    Args:
        amount: whole rupiah, > 0 and at most the balance owed.
        method: ``cash`` (from the open day's drawer) or ``transfer``.
        reference: the bank transfer's reference (printed on the receipt).
        staff: who hands the money over.
        supervisor, pin: the approving supervisor once staff accounts exist.

    Raises:
        PayoutError: not an amount, more than owed, unknown method, cash with no open day.
        StaffError: no or a wrong supervisor PIN once staff exist.
    """
    if type(amount) is not int or amount <= 0:
        raise PayoutError(
            en="A payout must be more than Rp 0", id="Pembayaran harus lebih dari Rp 0"
        )
    if amount > MAX_PAYOUT:
        raise PayoutError(
            en=f"{format_rupiah(amount, 'en')} is too large for one payout",
            id=f"{format_rupiah(amount, 'id')} terlalu besar untuk satu pembayaran",
        )
    how = _method(method)
    ref = " ".join(str(reference or "").split())
    if len(ref) > MAX_REFERENCE:
        raise PayoutError(
            en=f"The reference is too long (at most {MAX_REFERENCE} characters)",
            id=f"Referensi terlalu panjang (paling banyak {MAX_REFERENCE} karakter)",
        )
    wanted = str(artisan_code or "").strip()
    artisan = next((a for a in store.artisans.all() if a.code.upper() == wanted.upper()), None)
    if artisan is None:
        raise PayoutError(
            en=f"No artisan with code {wanted!r}", id=f"Tidak ada pengrajin dengan kode {wanted!r}"
        )
    approver = ""
    if staff_service.staff_exist(store):
        if not supervisor:
            raise PayoutError(
                en="A payout needs a supervisor's PIN (give --supervisor NAME)",
                id="Pembayaran ke pengrajin butuh PIN supervisor (isi --supervisor NAMA)",
            )
        approver = staff_service.approve(store, supervisor, pin or "", staff, clock).name
    till = store.settings().till
    with store.atomic():
        day = store.days.current(till)
        if how is PayoutMethod.CASH and day is None:
            raise PayoutError(
                en="No business day is open: a cash payout comes out of the open day's drawer",
                id="Belum ada hari yang dibuka: pembayaran tunai diambil dari laci hari ini",
            )
        balance = owed(store, artisan.code)
        if amount > balance:
            raise PayoutError(
                en=f"The stand owes {artisan.name} {format_rupiah(max(balance, 0), 'en')}; "
                f"cannot pay {format_rupiah(amount, 'en')}",
                id=f"Sisa tagihan ke {artisan.name} {format_rupiah(max(balance, 0), 'id')}; "
                f"tidak bisa membayar {format_rupiah(amount, 'id')}",
            )
        if how is PayoutMethod.CASH:
            from booth_pos.services import days

            drawer = days.expected_cash(store, day)
            if amount > drawer:
                raise PayoutError(
                    en=f"The drawer should hold only {format_rupiah(drawer, 'en')}; "
                    "pay the rest by transfer",
                    id=f"Laci seharusnya hanya berisi {format_rupiah(drawer, 'id')}; "
                    "bayar sisanya lewat transfer",
                )
        now = clock.now()
        timeline.check_not_before_journal(store, now, clock)
        seq = store.payouts.next_seq()
        row = PayoutRow(
            number=f"PO-{seq:04d}",
            seq=seq,
            artisan_code=artisan.code,
            artisan_name=artisan.name,
            amount=amount,
            method=how.value,
            reference=ref,
            day_id=day.id if day is not None else None,
            business_date=store.stock.business_date(now).isoformat(),
            created_at=to_iso(now),
            staff=" ".join(str(staff or "").split()),
            supervisor=approver,
            owed_before=balance,
        )
        store.payouts.insert(row)
        store.journal.append_in_transaction(
            "payout", row.number, payout_payload(row), row.created_at
        )
    found = store.payouts.get(row.number)
    assert found is not None
    return found


def payouts(store: Store, artisan_code: str | None = None) -> list[Payout]:
    return store.payouts.all(artisan_code=artisan_code)


def payout_json(p: Payout) -> dict:
    return {
        "payout_no": p.number,
        "artisan": p.artisan_code,
        "amount": p.amount,
        "method": p.method.value,
        "reference": p.reference,
        "supervisor": p.supervisor,
        "owed_before": p.owed_before,
        "balance": p.owed_after,
    }
