"""Corrections with a supervisor's PIN: voids and refunds (sale-time approvals: ``approvals``).

Nothing is edited or deleted. A void or a refund is a new record pointing at the original
sale, with the reason, the approving supervisor, the cashier, the time and the business day
it happened on; the goods go back into stock and the money counts in THAT day's report (by
artisan, by payment method, and cash refunds lower the expected cash).

- **Void**: the whole sale, only while its business day is still open, and only if nothing
  of it was refunded yet. The money goes back by the methods it was paid with.
- **Refund**: some or all units of any past sale, never more than remain. The money for
  ``k`` units of a line whose ``done`` units were refunded before is the cumulative floor
  ``net*(done+k)//qty - net*done//qty``: the steps add up to exactly the line's net, to the
  rupiah, however the units are split. It goes back by one method (cash by default).
- **Price override** and a **discount above the threshold** (``Settings.discount_threshold_bp``)
  need an approval recorded before the sale; ``selling.complete`` refuses the cart without one
  (see ``cart_approvals``).

Each correction needs a supervisor who is neither the cashier doing it nor the cashier who
rang up the sale. On a stand without staff accounts nothing needs approval, and voids and
refunds are impossible until a supervisor account exists. Each void and refund appends its
entry to the hash-chained journal in its own transaction; each approval goes to the audit log.

Typical use from the window::

    info = corrections.refundable(store, "T1-000042")      # what can still be refunded
    quote = corrections.quote_refund(store, "T1-000042", lines={1: 2})
    done = corrections.refund(store, "T1-000042", lines={1: 2}, reason="broken",
                              supervisor="Dewi", pin=pin, clock=clock, cashier="Rina")
    printing.print_correction_after_commit(done, store.settings(), db_path=store.path)
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from booth_pos.clock import Clock
from booth_pos.model import (
    CartError,
    Correction,
    CorrectionError,
    DayError,
    KnownError,
    Method,
    RefundLine,
    RefundPayment,
    Sale,
    SaleLine,
)
from booth_pos.model.text import TextProblem, clean_line
from booth_pos.services import journal, selling, staff, timeline
from booth_pos.store import Store
from booth_pos.store import journal as journal_rows
from booth_pos.store.rows import correction_rows

MAX_REASON = 200

# -- the money rule ---------------------------------------------------------------------------


def line_refund_amount(net: int, qty: int, done: int, k: int) -> int:
    """Money returned for ``k`` more units of a line of ``qty`` units and ``net`` rupiah,
    after ``done`` units were refunded before.

    Cumulative floor: the line's net is spread over its units so that the first ``m`` units
    are worth ``net*m//qty`` together. Any split into steps therefore sums to exactly
    ``net`` once every unit is back.
    """
    if not 0 <= done <= qty or not 0 <= k <= qty - done:
        raise ValueError(f"cannot refund {k} of {qty} units after {done}")
    return net * (done + k) // qty - net * done // qty


# -- checking what people type ------------------------------------------------------------------


def check_reason(reason: object) -> str:
    """A correction's reason: 1 to 200 printable characters, spaces collapsed."""
    clean, problem = clean_line(reason, MAX_REASON)
    if problem is TextProblem.EMPTY:
        raise CorrectionError(en="Give a reason", id="Alasan wajib diisi")
    if problem is TextProblem.TOO_LONG:
        raise CorrectionError(
            en=f"A reason has at most {MAX_REASON} characters",
            id=f"Alasan paling banyak {MAX_REASON} karakter",
        )
    if problem is TextProblem.CONTROL:
        raise CorrectionError(
            en="A reason cannot hold control characters", id="Alasan tidak boleh berisi kode"
        )
    return clean


def _method(method: object) -> Method:
    try:
        return Method(method)
    except ValueError:
        raise CorrectionError(
            en="Refund by cash, qris, card or transfer",
            id="Pengembalian dengan cash, qris, card atau transfer",
        ) from None


def _sale(store: Store, receipt_no: object) -> Sale:
    key = receipt_no.strip() if isinstance(receipt_no, str) else ""
    sale = store.sales.get(key) if key else None
    if sale is None:
        shown = key[:40]
        raise CorrectionError(
            en=f"No sale has the receipt number {shown!r}",
            id=f"Tidak ada penjualan dengan nomor struk {shown!r}",
        )
    return sale


# -- what a sale still allows -------------------------------------------------------------------


@dataclass(frozen=True)
class LineState:
    """One sale line and how much of it is still refundable.

    Attributes:
        refunded: units already given back (voids included).
        remaining: units that can still be refunded.
        remaining_amount: the money those remaining units would return together.
    """

    line: SaleLine
    refunded: int
    remaining: int
    remaining_amount: int


@dataclass(frozen=True)
class Refundable:
    """A sale as the history page shows it for a correction.

    Attributes:
        voidable: a void is allowed (its day is open and nothing was refunded yet).
        why_not_void: why not, in English and Indonesian (None when voidable).
        corrections: earlier voids and refunds of this sale.
    """

    sale: Sale
    lines: tuple[LineState, ...]
    voidable: bool
    why_not_void: KnownError | None
    corrections: tuple[Correction, ...]

    @property
    def remaining(self) -> int:
        return sum(s.remaining for s in self.lines)

    @property
    def voided(self) -> bool:
        return any(c.kind == "void" for c in self.corrections)


def _states(store: Store, sale: Sale) -> tuple[LineState, ...]:
    done = store.corrections.refunded_units(sale.id)
    out = []
    for line in sale.lines:
        d = done.get(line.line_no, 0)
        rest = line.qty - d
        out.append(LineState(line, d, rest, line_refund_amount(line.net, line.qty, d, rest)))
    return tuple(out)


def _void_refusal(store: Store, sale: Sale, states) -> KnownError | None:
    day = store.days.current(store.settings().till)
    if any(s.refunded for s in states):
        if all(s.remaining == 0 for s in states):
            return CorrectionError(
                en=f"{sale.receipt_no} was already voided or refunded in full",
                id=f"{sale.receipt_no} sudah dibatalkan atau diretur penuh",
            )
        return CorrectionError(
            en=f"Part of {sale.receipt_no} was refunded; refund the rest instead of voiding",
            id=f"Sebagian {sale.receipt_no} sudah diretur; returkan sisanya, jangan dibatalkan",
        )
    if day is None or day.id != sale.day_id:
        return CorrectionError(
            en=f"{sale.receipt_no} is from a closed business day ({sale.business_date}); "
            "refund it instead of voiding",
            id=f"{sale.receipt_no} dari hari yang sudah ditutup ({sale.business_date}); "
            "gunakan retur, bukan pembatalan",
        )
    return None


def refundable(store: Store, receipt_no: str) -> Refundable:
    """What can still be voided or refunded of the sale ``receipt_no`` (or sale id).

    Raises:
        CorrectionError: no such sale.
    """
    sale = _sale(store, receipt_no)
    states = _states(store, sale)
    refusal = _void_refusal(store, sale, states)
    return Refundable(
        sale, states, refusal is None, refusal, tuple(store.corrections.of_sale(sale.id))
    )


def _picks_from_items(store: Store, sale: Sale, states, items: Sequence[str]) -> dict[int, int]:
    """``QTY*CODE`` texts (SKU or barcode) as units per line number, earlier lines first."""
    wanted: dict[str, int] = {}
    for text in items:
        if not isinstance(text, str):
            raise CorrectionError(
                en="Not an item: give QTY*CODE", id="Bukan barang: tulis QTY*KODE"
            )
        try:
            item = selling.parse_scan(text)
        except CartError as exc:
            raise CorrectionError(en=exc.en, id=exc.id) from None
        if not isinstance(item, selling.AddItem):  # "*N" sets a cart line: no line here
            raise CorrectionError(
                en="Not an item: give QTY*CODE", id="Bukan barang: tulis QTY*KODE"
            )
        qty, code = item.qty, item.code
        if qty < 1:
            raise CorrectionError(en="Quantity must be at least 1", id="Jumlah minimal 1")
        skus = {s.line.sku for s in states}
        sku = code if code in skus else code.upper() if code.upper() in skus else None
        if sku is None:
            product = store.products.by_code(code)
            sku = product.sku if product is not None and product.sku in skus else None
        if sku is None:
            raise CorrectionError(
                en=f"{code} is not on receipt {sale.receipt_no}",
                id=f"{code} tidak ada di struk {sale.receipt_no}",
            )
        wanted[sku] = wanted.get(sku, 0) + qty
    picks: dict[int, int] = {}
    for sku, qty in wanted.items():
        left = qty
        for s in states:
            if s.line.sku == sku and left and s.remaining:
                take = min(left, s.remaining)
                picks[s.line.line_no] = take
                left -= take
        if left:
            have = sum(s.remaining for s in states if s.line.sku == sku)
            raise CorrectionError(
                en=f"Only {have} of {sku} can still be refunded on {sale.receipt_no}",
                id=f"Hanya {have} {sku} yang masih bisa diretur di {sale.receipt_no}",
            )
    return picks


def _refund_lines(
    store: Store,
    sale: Sale,
    states,
    items: Sequence[str],
    lines: Mapping[int, int] | None,
) -> tuple[RefundLine, ...]:
    """The lines a refund gives back; nothing chosen means every remaining unit."""
    if isinstance(items, str):
        items = (items,)
    if items and lines is not None:
        raise CorrectionError(
            en="Choose items by code or by line number, not both",
            id="Pilih barang dengan kode atau nomor baris, jangan keduanya",
        )
    by_no = {s.line.line_no: s for s in states}
    if items:
        picks = _picks_from_items(store, sale, states, items)
    elif lines is not None:
        picks = {}
        for no, qty in lines.items():
            if not isinstance(no, int) or isinstance(no, bool) or no not in by_no:
                raise CorrectionError(
                    en=f"Receipt {sale.receipt_no} has no line {no!r}",
                    id=f"Struk {sale.receipt_no} tidak punya baris {no!r}",
                )
            if not isinstance(qty, int) or isinstance(qty, bool) or qty < 0:
                raise CorrectionError(
                    en="Quantity must be a whole number", id="Jumlah harus bilangan bulat"
                )
            if qty > by_no[no].remaining:
                raise CorrectionError(
                    en=f"Only {by_no[no].remaining} unit(s) of line {no} can still be refunded",
                    id=f"Hanya {by_no[no].remaining} unit baris {no} yang masih bisa diretur",
                )
            if qty:
                picks[no] = qty
    else:
        picks = {s.line.line_no: s.remaining for s in states if s.remaining}
    if not picks:
        raise CorrectionError(
            en=f"Nothing is left to refund on {sale.receipt_no}",
            id=f"Tidak ada lagi yang bisa diretur di {sale.receipt_no}",
        )
    out = []
    for no in sorted(picks):
        s = by_no[no]
        ln = s.line
        amount = line_refund_amount(ln.net, ln.qty, s.refunded, picks[no])
        out.append(
            RefundLine(
                no,
                ln.sku,
                ln.name,
                ln.artisan_code,
                ln.unit_price,
                picks[no],
                amount,
                ln.commission_bp,
            )
        )
    return tuple(out)


def quote_refund(
    store: Store,
    receipt_no: str,
    *,
    items: Sequence[str] = (),
    lines: Mapping[int, int] | None = None,
) -> tuple[RefundLine, ...]:
    """The lines and money a refund WOULD return, without writing anything (for the dialog
    to show before asking for the supervisor's PIN).

    Args:
        receipt_no: the sale's receipt number (or id).
        items: ``QTY*CODE`` texts (SKU or barcode), or
        lines: units per sale line number; neither (``()`` and None) means every remaining
            unit, while an empty mapping chooses nothing and is refused.

    Raises:
        CorrectionError: no such sale, an unknown item or line, more units than remain.
    """
    sale = _sale(store, receipt_no)
    return _refund_lines(store, sale, _states(store, sale), items, lines)


# -- void and refund ----------------------------------------------------------------------------


def _check_approver(store: Store, sale: Sale, supervisor: str, cashier: str) -> None:
    if not staff.staff_exist(store):
        raise CorrectionError(
            en="Corrections need a supervisor's PIN: create a supervisor account first",
            id="Koreksi butuh PIN supervisor: buat akun supervisor dulu",
        )
    staff.check_supervisor(store, supervisor)
    if staff.same_person(supervisor, sale.cashier):
        raise CorrectionError(
            en=f"{sale.cashier} rang up {sale.receipt_no} and cannot approve its correction; "
            "ask another supervisor",
            id=f"{sale.cashier} yang mencatat {sale.receipt_no} dan tidak boleh menyetujui "
            "koreksinya; minta supervisor lain",
        )
    if cashier and staff.find_staff(store, cashier) is None:
        raise CorrectionError(
            en=f"No staff member called {cashier!r}", id=f"Tidak ada staf bernama {cashier!r}"
        )


def open_day_for_corrections(store: Store):
    """The open business day a correction counts in; refuses when none is open."""
    day = store.days.current(store.settings().till)
    if day is None:
        raise DayError(
            en="No business day is open; open the day first "
            "(a refund counts in the day it is made)",
            id="Belum ada hari yang dibuka; buka hari dulu (retur dihitung pada hari dilakukan)",
        )
    return day


def _commit(
    store: Store,
    sale: Sale,
    kind: str,
    build,
    *,
    reason: str,
    supervisor: str,
    cashier: str,
    clock: Clock,
) -> Correction:
    """Write one correction in ONE transaction, checking again what may have changed."""
    settings = store.settings()
    with store.atomic():
        day = open_day_for_corrections(store)
        states = _states(store, sale)
        if kind == "void":
            refusal = _void_refusal(store, sale, states)
            if refusal is not None:
                raise refusal
        lines, payments = build(states)
        now = clock.now()
        timeline.check_not_before_journal(store, now, clock)
        seq = store.corrections.next_seq(settings.till)
        correction = Correction(
            id=str(uuid.uuid4()),
            kind=kind,
            number=f"{settings.till}-R{seq:06d}",
            till=settings.till,
            sale_id=sale.id,
            receipt_no=sale.receipt_no,
            day_id=day.id,
            business_date=day.business_date,
            created_at=now,
            cashier=cashier,
            supervisor=supervisor,
            reason=reason,
            lang=sale.lang,
            lines=lines,
            payments=payments,
        )
        store.corrections.insert(correction, seq)
        entry = _journal(store, correction)
    # The receipt prints the entry's code, as a sale's does: checkable with `booth-pos verify`.
    # No entry only where the journal is stubbed out (a store from before migration 4).
    code = journal.verification_code(entry.hash) if entry is not None else ""
    return replace(correction, verification=code)


def void(
    store: Store,
    receipt_no: str,
    *,
    reason: str,
    supervisor: str,
    pin: str,
    clock: Clock,
    cashier: str = "",
) -> Correction:
    """Void a sale of the open day: every unit back in stock, every payment paid back by
    the method it came in with.

    Args:
        store: the open store.
        receipt_no: the sale's receipt number (scanned from its barcode) or id.
        reason: why, as the supervisor agreed it.
        supervisor: who approves; not the cashier doing it nor the one who sold it.
        pin: the supervisor's PIN.
        clock: supplies "now".
        cashier: who does it at the till ("" from the command line).

    Returns:
        The void as stored (print it with ``printing.print_correction_after_commit``).

    Raises:
        CorrectionError: no such sale, a closed day's sale, already voided or refunded.
        StaffError: a wrong or locked PIN, not a supervisor, the same person.
        DayError: no business day is open.
        StoreError: the file is damaged (``Store.check_sound``): restore a backup first.
    """
    store.check_sound()  # no correction on a damaged file (nor a PIN tried on it)
    reason = check_reason(reason)
    cashier = staff.check_name(cashier) if isinstance(cashier, str) and cashier.strip() else ""
    sale = _sale(store, receipt_no)
    refusal = _void_refusal(store, sale, _states(store, sale))
    if refusal is not None:
        raise refusal
    _check_approver(store, sale, supervisor, cashier)
    approver = staff.approve(store, supervisor, pin, cashier, clock)

    def build(states):
        lines = tuple(
            RefundLine(
                s.line.line_no,
                s.line.sku,
                s.line.name,
                s.line.artisan_code,
                s.line.unit_price,
                s.line.qty,
                s.line.net,
                s.line.commission_bp,
            )
            for s in states
        )
        by_method: dict[Method, int] = {}
        for p in sale.payments:
            by_method[Method(p.method)] = by_method.get(Method(p.method), 0) + p.amount
        payments = tuple(RefundPayment(m, a) for m, a in by_method.items() if a)
        return lines, payments

    return _commit(
        store, sale, "void", build,
        reason=reason, supervisor=approver.name, cashier=cashier, clock=clock,
    )  # fmt: skip


def refund(
    store: Store,
    receipt_no: str,
    *,
    items: Sequence[str] = (),
    lines: Mapping[int, int] | None = None,
    method: Method | str = Method.CASH,
    reason: str,
    supervisor: str,
    pin: str,
    clock: Clock,
    cashier: str = "",
) -> Correction:
    """Refund some or all units of any past sale; the money counts on the open day.

    Args:
        store: the open store.
        receipt_no: the sale's receipt number (scanned from its barcode) or id.
        items: ``QTY*CODE`` texts (SKU or barcode), or
        lines: units per sale line number; neither means every unit still refundable.
        method: how the money goes back: cash (default), qris, card or transfer.
        reason: why, as the supervisor agreed it.
        supervisor: who approves; not the cashier doing it nor the one who sold it.
        pin: the supervisor's PIN.
        clock: supplies "now".
        cashier: who does it at the till ("" from the command line).

    Returns:
        The refund as stored (print it with ``printing.print_correction_after_commit``).

    Raises:
        CorrectionError: no such sale, an unknown item or line, more units than remain.
        StaffError: a wrong or locked PIN, not a supervisor, the same person.
        DayError: no business day is open.
        StoreError: the file is damaged (``Store.check_sound``): restore a backup first.
    """
    store.check_sound()  # no correction on a damaged file (nor a PIN tried on it)
    reason = check_reason(reason)
    method = _method(method)
    cashier = staff.check_name(cashier) if isinstance(cashier, str) and cashier.strip() else ""
    sale = _sale(store, receipt_no)
    _refund_lines(store, sale, _states(store, sale), items, lines)  # refuse before the PIN
    open_day_for_corrections(store)
    _check_approver(store, sale, supervisor, cashier)
    approver = staff.approve(store, supervisor, pin, cashier, clock)

    def build(states):
        chosen = _refund_lines(store, sale, states, items, lines)
        total = sum(ln.amount for ln in chosen)
        return chosen, (RefundPayment(method, total),) if total else ()

    return _commit(
        store, sale, "refund", build,
        reason=reason, supervisor=approver.name, cashier=cashier, clock=clock,
    )  # fmt: skip


class SaleStatus(StrEnum):
    """What became of a sale after it was rung up (the history's status column)."""

    KEPT = ""
    VOIDED = "voided"
    PARTLY_REFUNDED = "partly_refunded"
    REFUNDED = "refunded"


@dataclass(frozen=True)
class HistoryEntry:
    """One sale as the sales history lists it: the sale, and its voids and refunds since.

    Attributes:
        sale: the committed sale (lines, payments, cashier, origin, time).
        corrections: its voids and refunds, oldest first.
    """

    sale: Sale
    corrections: tuple[Correction, ...] = ()

    @property
    def methods(self) -> tuple[Method, ...]:
        """The payment methods the sale was paid with, each once, in the order tendered."""
        return tuple(dict.fromkeys(p.method for p in self.sale.payments))

    @property
    def returned_items(self) -> int:
        """Units given back by its voids and refunds."""
        return sum(c.items for c in self.corrections)

    @property
    def returned_amount(self) -> int:
        """Money given back by its voids and refunds, in rupiah."""
        return sum(c.amount for c in self.corrections)

    @property
    def status(self) -> SaleStatus:
        if any(c.kind == "void" for c in self.corrections):
            return SaleStatus.VOIDED
        if not self.corrections:
            return SaleStatus.KEPT
        if self.returned_items >= self.sale.items:
            return SaleStatus.REFUNDED
        return SaleStatus.PARTLY_REFUNDED


def sale_history(store: Store, limit: int = 200) -> list[HistoryEntry]:
    """The newest sales, newest first, each with its payments and its voids and refunds.

    Corrections are read per business day (a stand has a handful of days and few
    corrections), not per sale.
    """
    by_receipt: dict[str, list[Correction]] = {}
    for day in store.days.all():
        for c in store.corrections.of_day(day.id):
            by_receipt.setdefault(c.receipt_no, []).append(c)
    entries = []
    for row in store.sales.recent(limit=limit):
        sale = store.sales.get(row[0])
        if sale is not None:
            done = sorted(by_receipt.get(sale.receipt_no, ()), key=lambda c: c.created_at)
            entries.append(HistoryEntry(sale, tuple(done)))
    return entries


def corrections_of(store: Store, receipt_no: str) -> list[Correction]:
    """Every void and refund of a sale, oldest first."""
    return store.corrections.of_sale(_sale(store, receipt_no).id)


def corrections_of_day(store: Store, day_id: int) -> list[Correction]:
    """The voids and refunds made on one business day, in order (the Day page lists them)."""
    return store.corrections.of_day(day_id)


def find_correction(store: Store, number: str) -> Correction | None:
    """A void or refund by its number (``T1-R000001``), e.g. to reprint its receipt; with its
    verification code."""
    if not isinstance(number, str) or not number.strip():
        return None
    found = store.corrections.find(number.strip())
    if found is None:
        return None
    return replace(found, verification=correction_verification(store, found))


def correction_verification(store: Store, correction: Correction) -> str:
    """The verification code of a void's or refund's journal entry ("" if it has none).

    The store looks a sale's hash up by index but has no such lookup for corrections yet, so
    this walks the journal: a reprint is rare, and a fair's journal holds thousands of
    entries, not millions.
    """
    for entry in store.journal.entries():
        if entry.kind == correction.kind and entry.ref == correction.number:
            return journal.verification_code(entry.hash)
    return ""


def correction_payload(c: Correction) -> dict:
    """What the journal keeps of a void or refund: every stored figure, in order.

    Built from ``rows.correction_rows``, the rows the insert writes and ``verify`` reads back
    (the number's place ``seq`` is not part of the payload).
    """
    return journal_rows.correction_payload(*correction_rows(c, 0))


def _journal(store: Store, correction: Correction):
    """Append the void or refund to the hash-chained journal, inside its transaction (the
    one call site: the entry commits or rolls back with the correction); returns the entry."""
    return journal.append(
        store,
        correction.kind,
        correction.number,
        correction_payload(correction),
        correction.created_at,
    )
