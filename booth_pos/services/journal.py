"""The journal of money events, the audit log, and ``verify``: money records that cannot
be changed silently.

What cash-register laws ask of certified tills (NF525, KassenSichV, RKSV) is the model:
consecutive receipt numbers whose gaps show, an append-only hash-chained journal written in
the same transaction as the event, corrections as new entries, and a check anyone can run.

- ``append(store, kind, ref, payload, at)``: a money event's entry, inside its transaction.
  ``record_sale``, ``record_day_open`` and ``record_day_close`` build the payloads of the
  events this module knows; voids and refunds call ``append`` with their own.
- ``append_audit(store, actor, action, detail, at)``: an audit log entry (own transaction
  if the caller has none).
- ``verify(store)``: the whole database checked; the first problem found is named.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from booth_pos.clock import from_iso, to_iso
from booth_pos.model import Day, Sale
from booth_pos.store import Store
from booth_pos.store import journal as journal_rows
from booth_pos.store.journal import AUDIT, JOURNAL, Entry, verification_code
from booth_pos.store.rows import CorrectionRow, SaleRow, sale_rows

if TYPE_CHECKING:
    from booth_pos.services.anchors import Anchor

log = logging.getLogger(__name__)

__all__ = [
    "Entry",
    "VerifyProblem",
    "Verification",
    "append",
    "append_audit",
    "record_day_close",
    "record_day_open",
    "record_sale",
    "verification_code",
    "verify",
]


def append(store: Store, kind: str, ref: str, payload: Mapping, at: datetime) -> Entry:
    """Append a money event to the journal, inside the caller's ``store.atomic()`` block.

    The entry commits or rolls back with the event itself, so the journal never holds an
    event that did not happen nor misses one that did.

    Args:
        store: the open store, inside a transaction.
        kind: ``sale``, ``day_open``, ``day_close``, ``void``, ``refund``...
        ref: the event's own number: a receipt number, ``Z3``, a correction number.
        payload: its money figures: str, int, bool, None, lists and dicts (never floats).
        at: when it happened (aware datetime).

    Returns:
        The entry written; ``verification_code(entry.hash)`` is what a receipt prints.

    Raises:
        RuntimeError: called outside a transaction (a bug: the entry must share it).
        TypeError: a payload value that cannot be hashed exactly (a float).
    """
    return store.journal.append_in_transaction(kind, ref, dict(payload), to_iso(at))


def append_audit(
    store: Store, actor: str, action: str, detail: Mapping | str, at: datetime
) -> Entry:
    """Append an entry to the audit log (who did what, outside the money path).

    Inside a transaction it joins it (the action and its trace commit together); outside,
    it makes its own.

    Args:
        store: the open store.
        actor: who: a staff name, ``cli``, or "" when nobody is signed in.
        action: ``sign_in``, ``pin_failed``, ``settings``, ``prices``, ``export``,
            ``backup``, ``backup_failed``, ``restore``...
        detail: what exactly (a dict, or a sentence).
        at: when (aware datetime).

    Returns:
        The entry written.
    """
    detail = {"text": detail} if isinstance(detail, str) else dict(detail)
    return store.audit.append(action, actor, detail, to_iso(at))


def audit_entries(
    store: Store, *, kinds: Sequence[str] = (), since: datetime | None = None
) -> list[dict]:
    """The audit log as plain records (``at``, ``kind``, ``actor``, ``detail``), oldest
    first, optionally only ``kinds`` and only at or after ``since``."""
    wanted = set(kinds)
    out = []
    for e in store.audit.entries():
        if wanted and e.kind not in wanted:
            continue
        if since is not None and from_iso(e.at) < since:
            continue
        out.append({"at": e.at, "kind": e.kind, "actor": e.ref, "detail": json.loads(e.payload)})
    return out


def last_audit(store: Store, *actions: str) -> Entry | None:
    """The latest audit entry of one of ``actions`` (one index seek)."""
    return store.audit.latest_of(actions)


def record_sale(store: Store, sale: Sale, seq: int) -> Entry:
    """The journal entry of a sale just written by ``store.sales.insert`` (same transaction).

    Built from ``rows.sale_rows``: the very rows the insert wrote.
    """
    shown = sale.reference
    reference = (shown.currency, shown.rate, shown.amount) if shown is not None else None
    payload = journal_rows.sale_payload(*sale_rows(sale, seq), reference)
    return store.journal.append_in_transaction(
        "sale", sale.receipt_no, payload, to_iso(sale.created_at)
    )


def record_day_open(store: Store, day: Day) -> Entry:
    """The journal entry of a day just opened (same transaction)."""
    row = store.records.day_row(day.id)
    return store.journal.append_in_transaction(
        "day_open",
        journal_rows.day_open_ref(row),
        journal_rows.day_open_payload(row),
        row.opened_at,
    )


def record_day_close(store: Store, day_id: int) -> Entry:
    """The journal entry of a day just closed (same transaction), with its totals.

    Besides the day's own sales it records the perpetual grand total of every sale so far,
    so a later deletion of a whole day's sales would not add up.
    """
    row = store.records.day_row(day_id)
    payload = journal_rows.day_close_payload(row, store.records.day_figures(day_id))
    return store.journal.append_in_transaction(
        "day_close", journal_rows.day_close_ref(row), payload, row.closed_at
    )


# -- verify ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyProblem:
    """One thing that does not hold: ``where`` names the entry or row, ``what`` says why."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class Verification:
    """The outcome of ``verify``.

    Attributes:
        problems: in the order found (file, chains, then rows); empty when all holds.
        journal, audit, sales, corrections, days: how many entries and rows were checked.
        tills, till_entries: how many other tills' chains (imported by ``sync``) were
            walked, and their entries.
        anchors: how many anchors outside the file were checked (None: none were given);
            ``superseded``: how many of them a later restore left behind.
    """

    problems: list[VerifyProblem] = field(default_factory=list)
    journal: int = 0
    audit: int = 0
    sales: int = 0
    corrections: int = 0
    days: int = 0
    anchors: int | None = None
    superseded: int = 0
    tills: int = 0
    till_entries: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first(self) -> VerifyProblem | None:
        return self.problems[0] if self.problems else None

    def summary(self) -> str:
        text = (
            f"{self.journal} journal entries, {self.audit} audit entries, "
            f"{self.sales} sales, {self.corrections} corrections, {self.days} business days"
        )
        if self.tills:
            text += f", {self.till_entries} entries of {self.tills} other till(s)"
        if self.anchors is not None:
            text += f", {self.anchors} anchors outside the file"
            if self.superseded:
                text += f" ({self.superseded} superseded by a restore)"
        return text


#: Triggers that keep money rows final (migration 4); a missing one was dropped on purpose
#: and is named as "protection removed" (the rest of the schema is compared as a whole).
GUARDS = (
    "sales_no_update",
    "sales_no_delete",
    "sale_lines_no_update",
    "sale_lines_no_delete",
    "payments_no_update",
    "payments_no_delete",
    "journal_no_update",
    "journal_no_delete",
    "audit_log_no_update",
    "audit_log_no_delete",
    "days_final",
    "days_no_delete",
    "corrections_no_update",
    "corrections_no_delete",
    "refund_lines_no_update",
    "refund_lines_no_delete",
    "refund_lines_check",
    "refund_payments_no_update",
    "refund_payments_no_delete",
    "refund_payments_check",
    "stock_moves_no_update",
    "stock_moves_no_delete",
    "stock_notes_no_update",
    "stock_notes_no_delete",
    "payouts_no_update",
    "payouts_no_delete",
    "till_entries_no_update",
    "till_entries_no_delete",
    "till_stock_moves_no_update",
    "till_stock_moves_no_delete",
)


def _where(entry: Entry) -> str:
    return f"journal entry {entry.id} ({entry.kind} {entry.ref})"


def _walk(
    entries: Iterator[Entry], chain: journal_rows.Chain, label
) -> Iterator[tuple[Entry, VerifyProblem | None]]:
    """Each entry with the first chain rule it breaks, if any."""
    expected_id, prev = 1, journal_rows.GENESIS
    for e in entries:
        problem = None
        if e.id != expected_id:
            if e.id == expected_id + 1:
                what = f"entry {expected_id} before it is missing (deleted)"
            elif e.id > expected_id:
                what = f"entries {expected_id} to {e.id - 1} before it are missing (deleted)"
            else:
                what = "is out of order"
            problem = VerifyProblem(label(e), what)
        elif e.prev_hash != prev:
            problem = VerifyProblem(label(e), "does not follow the entry before it (chain broken)")
        elif (
            journal_rows.entry_hash(chain, e.id, e.kind, e.ref, e.at, e.prev_hash, e.payload)
            != e.hash
        ):
            problem = VerifyProblem(label(e), "hash does not match its content (edited)")
        yield e, problem
        expected_id, prev = e.id + 1, e.hash


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


def verify(
    store: Store,
    *,
    limit: int = 50,
    progress: Callable[[int, int], None] | None = None,
    anchors: Sequence[Anchor] | None = None,
) -> Verification:
    """Check the database the way an auditor would; nothing is written.

    Every check reads ONE snapshot (one read transaction): a sale committed by another
    till while verify runs is either wholly seen (row and journal entry) or not at all, so
    sellers at work never make it cry wolf. See ``_verify`` for what is checked.

    Args:
        store: the open store.
        limit: stop collecting after this many problems.
        progress: told (days checked, days in all).
        anchors: where the chains stood outside the file (``anchors.find(store)``): the
            live journal and audit log must extend each; None checks none (a backup being
            restored is older than the anchors in its folder).
    """
    with store.snapshot():
        result = _verify(store, limit=limit, progress=progress)
        if anchors is not None:
            from booth_pos.services import anchors as anchoring

            checked = anchoring.check(store, list(anchors))
            result.anchors, result.superseded = checked.anchors, checked.superseded
            result.problems.extend(VerifyProblem(w, what) for w, what in checked.problems)
            del result.problems[limit:]
        return result


def _verify(
    store: Store, *, limit: int = 50, progress: Callable[[int, int], None] | None = None
) -> Verification:
    """Check the database (inside the caller's snapshot).

    In order: ``PRAGMA integrity_check`` and ``foreign_key_check``; the journal chain and
    the audit chain (numbers consecutive, each entry follows the one before, each hash
    matches its content); every sale, day opening and day close against its journal entry;
    every void and refund against its journal entry, its lines against its payments, and
    never more units of a sale line given back than were sold, each step returning exactly
    its share of the line's net; receipt and correction numbers per till from 1 without
    gaps or duplicates; each sale's stored totals against its lines and payments; the
    whole schema against the one the migrations make.

    Memory stays small however big the event: the journal is walked once, keeping only
    its days' openings and closes and a count of sale entries per day; then each day's
    sales are streamed and paired with their entries one by one.

    Args:
        store: the open store.
        limit: stop collecting after this many problems.
        progress: told (days checked, days in all) as verify goes (a progress bar).

    Returns:
        The outcome; ``first`` names the first entry or row that does not hold.
    """
    records = store.records
    result = Verification()
    problems = result.problems
    for text in records.integrity_problems():
        problems.append(VerifyProblem("database file", f"integrity check: {text}"))
    if problems:  # a damaged file: reading on could mislead
        return result
    # The foreign keys of sale lines and payments (most of that check's time) are proven by
    # the days' pass when it gives every one of them to its sale, in place; only if it does
    # not are they checked, and named where the check's problems always stand.
    fk_at, proof = len(problems), _Proof()
    if records.foreign_key_problems(skip=_PROVEN_IN_PLACE):
        proof.held = True  # a damaged file: the whole check now, in its own order
        problems.extend(_foreign_key_problems(records))
    _verify_rows(store, result, limit, progress, proof)
    if not proof.held:
        problems[fk_at:fk_at] = _foreign_key_problems(records)
        del problems[limit:]
    return result


#: Tables whose foreign keys verify's in-place pass proves.
_PROVEN_IN_PLACE = ("sale_lines", "payments")


@dataclass
class _Proof:
    """Whether every sale line and payment was given to its sale, in place (so each
    points at an existing sale and day)."""

    held: bool = False


def _foreign_key_problems(records) -> list[VerifyProblem]:
    return [
        VerifyProblem(f"{table} row {rowid}", f"points at a missing {parent} row")
        for table, rowid, parent in records.foreign_key_problems()
    ]


def _verify_rows(store: Store, result: Verification, limit: int, progress, proof: _Proof) -> None:
    """The chains, the days, the corrections, the numbering and the schema (``_verify``)."""
    records = store.records
    problems = result.problems

    def full() -> bool:
        return len(problems) >= limit

    # The journal: the chain, and what each entry says, kept small. Sale entries are not
    # held (300,000 of them would be hundreds of MB): only how many claim each business day
    # and the span of their numbers; the day's sales are paired with them below.
    repeated = records.repeated_sale_entries()
    claimed: dict[object, int] = {}  # business day -> sale entries recording it
    spans: dict[object, list[int]] = {}  # business day -> [first, last] of those entries
    correction_entries: dict[str, tuple[Entry, bytes]] = {}
    opens: dict[int, Entry] = {}
    closes: dict[int, tuple[Entry, dict, int]] = {}
    grand_total = 0
    stock_entries: dict[str, tuple[Entry, bytes]] = {}  # note number -> entry
    payout_entries: dict[str, tuple[Entry, bytes]] = {}
    sealed: list[tuple[Entry, dict]] = []  # migration 9's seal over the older stock moves
    order_entries: list[tuple[Entry, dict]] = []  # bulk orders' money (services.orders)
    # Migration 6 gave the lines journaled before it the rates of that day: entries before
    # ``rates_recorded`` have no rate in their lines, and their lines must carry those rates.
    legacy = _LegacyRates()
    for e, problem in _walk(store.journal.entries(), JOURNAL, _where):
        result.journal += 1
        if problem:
            problems.append(problem)
        if full():
            return
        try:
            payload = json.loads(e.payload) if e.kind in ("day_open", "day_close") else None
            if e.kind == "sale":
                if e.id in repeated:
                    problems.append(VerifyProblem(_where(e), "a second entry for the same sale"))
                day, total = _sale_facts(e.payload)
                claimed[day] = claimed.get(day, 0) + 1
                span = spans.get(day)
                if span is None:
                    spans[day] = [e.id, e.id]
                else:
                    span[1] = e.id
                grand_total += total
            elif e.kind in CORRECTION_KINDS:
                # Paired by the correction's id, so a renumbered one is still found.
                key = json.loads(e.payload)["id"]
                if key in correction_entries:
                    problems.append(
                        VerifyProblem(_where(e), "a second entry for the same correction")
                    )
                correction_entries[key] = (e, _digest(e.payload))
            elif e.kind == "day_open":
                opens[payload["day"]] = e
            elif e.kind == "day_close":
                closes[payload["day"]] = (e, payload, grand_total)
            elif e.kind == "rates_recorded":
                legacy.recorded(e, problems)
            elif e.kind in ("stock_note", "payout"):
                kept = stock_entries if e.kind == "stock_note" else payout_entries
                if e.ref in kept:
                    problems.append(VerifyProblem(_where(e), "a second entry for the same record"))
                kept[e.ref] = (e, _digest(e.payload))
            elif e.kind == "stock_recorded":
                sealed.append((e, json.loads(e.payload)))
            elif e.kind in ("order", "order_delivery", "order_cancel"):  # issue 17
                order_entries.append((e, json.loads(e.payload)))
        except (ValueError, KeyError, TypeError):
            problems.append(VerifyProblem(_where(e), "its content is not a valid record"))
    for _entry, problem in _walk(store.audit.entries(), AUDIT, _audit_where):
        result.audit += 1
        if problem:
            problems.append(problem)
        if full():
            return

    # Sales and days against the journal, and each sale's figures against its lines: one
    # day at a time, one sale at a time (``records.day_sales`` streams them), first reading
    # each day's rows where the app writes them, by index if they are not all there.
    for receipt in records.sales_without_day():
        problems.append(VerifyProblem(f"sale {receipt}", "belongs to no business day"))
    walked = _Walked(opens, closes, claimed, spans, legacy)
    day_rows = records.day_rows()
    start, in_place = len(problems), not repeated  # a repeated entry: pair all by index
    while True:
        del problems[start:]
        result.sales, result.days, given, placed = 0, 0, (0, 0), True
        for day in day_rows:
            result.days += 1
            if progress is not None:
                progress(result.days, len(day_rows))
            found, (sales, lines, payments), in_place_here = _check_day(
                records, day, walked, limit - len(problems), in_place=in_place
            )
            problems.extend(found)
            result.sales += sales
            given = (given[0] + lines, given[1] + payments)
            placed = placed and in_place_here
            if full():
                return
        if not in_place:
            break
        if records.line_count() == given:
            # Every line and payment went to its sale; read in place, each also names an
            # existing day: their foreign keys hold.
            proof.held = proof.held or placed
            break
        in_place = False  # a line or payment stands outside its day's rows: all by index
    day_ids = {day.id for day in day_rows}
    for day_key in claimed:  # sale entries of days that no longer exist
        if day_key in day_ids:
            continue
        for entry_id, ref in _entries_of_day(records, day_key, spans.get(day_key)):
            problems.append(
                VerifyProblem(
                    f"journal entry {entry_id} (sale {ref})",
                    "its business day is missing (deleted)",
                )
            )
    for key, entry in opens.items():
        if key not in day_ids:
            problems.append(VerifyProblem(_where(entry), "its business day is missing (deleted)"))
    for key, (entry, _, _) in closes.items():
        if key not in day_ids:
            problems.append(VerifyProblem(_where(entry), "its business day is missing (deleted)"))
    if full():
        return

    # Voids and refunds against the journal, and each against the sale lines it gives back.
    # A deleted one is named first: the corrections after it no longer add up without it.
    stored = records.corrections()
    kept = {c.id for c, _, _ in stored}
    for key, (entry, _) in list(correction_entries.items()):
        if key not in kept:
            problems.append(VerifyProblem(_where(entry), "its correction is missing (deleted)"))
            del correction_entries[key]
    sold = records.refunded_sale_lines()
    given_back: dict[tuple[str, int], int] = {}  # units of a sale line returned so far
    for c, lines, payments in stored:
        result.corrections += 1
        where = f"correction {c.number}"
        found = correction_entries.pop(c.id, None)
        if found is None:
            problems.append(VerifyProblem(where, "has no journal entry (written behind its back)"))
        else:
            entry, digest = found
            old = legacy.applies(entry)
            text = journal_rows.canonical(
                journal_rows.correction_payload(
                    c, journal_rows.without_commission(lines) if old else lines, payments
                ),
                check=False,
            )
            if _digest(text) != digest or (entry.kind, entry.at) != (c.kind, c.created_at):
                problems.append(VerifyProblem(where, f"differs from its {_where(entry)} (edited)"))
            elif old:
                problems.extend(legacy.check(where, entry, lines))
        problems.extend(_correction_figures(c, lines, payments, sold, given_back))
        if full():
            return

    problems.extend(_stock_problems(store, stock_entries, payout_entries, sealed))
    from booth_pos.services.orders import money_problems  # (orders imports this module)

    problems.extend(VerifyProblem(w, what) for w, what in money_problems(store, order_entries))
    if full():
        return
    from booth_pos.services.sync import till_problems  # (sync imports this module)

    problems.extend(till_problems(store, result))
    if full():
        return
    problems.extend(_numbering(records))
    problems.extend(_correction_numbering(records))
    problems.extend(_schema_problems(store))
    from booth_pos.services.staff import staff_problems  # (staff imports this module)

    problems.extend(staff_problems(store))
    del problems[limit:]


def _stock_problems(
    store: Store,
    note_entries: dict[str, tuple[Entry, bytes]],
    payout_entries: dict[str, tuple[Entry, bytes]],
    sealed: list[tuple[Entry, dict]],
) -> Iterator[VerifyProblem]:
    """Stock notes and payouts against their journal entries, and every stock move against
    its document.

    - each stock note (its header and its moves) and each payout is rebuilt as journaled and
      compared with its entry: an edited, added or deleted move of a note shows here;
    - the moves older than migration 9 against the digest its ``stock_recorded`` entry sealed;
    - every later move belongs to a note, sale or correction that exists, and a sale's (or
      correction's) moves are exactly minus (plus) the units of its lines;
    - each product's recorded stock is the sum of its moves.
    """
    from booth_pos.store import stock as stock_rows

    ledger = store.stock
    for row in ledger.all_note_rows():
        where = f"stock note {row.number}"
        found = note_entries.pop(row.number, None)
        if found is None:
            yield VerifyProblem(where, "has no journal entry (written behind its back)")
            continue
        entry, digest = found
        text = journal_rows.canonical(
            stock_rows.note_payload(row, ledger.moves_of(row.number, row.kind)), check=False
        )
        if _digest(text) != digest or entry.at != row.created_at:
            yield VerifyProblem(where, f"differs from its {_where(entry)} (edited)")
    for entry, _ in note_entries.values():
        yield VerifyProblem(_where(entry), "its stock note is missing (deleted)")
    for row in store.payouts.rows():
        where = f"payout {row.number}"
        found = payout_entries.pop(row.number, None)
        if found is None:
            yield VerifyProblem(where, "has no journal entry (written behind its back)")
            continue
        entry, digest = found
        text = journal_rows.canonical(stock_rows.payout_payload(row), check=False)
        if _digest(text) != digest or entry.at != row.created_at:
            yield VerifyProblem(where, f"differs from its {_where(entry)} (edited)")
    for entry, _ in payout_entries.values():
        yield VerifyProblem(_where(entry), "its payout is missing (deleted)")
    after = 0
    for entry, seal in sealed:
        try:
            after = int(seal["last_id"])
            if ledger.legacy_digest(after) != seal["digest"]:
                yield VerifyProblem(
                    "stock moves", f"those sealed by {_where(entry)} were changed (edited)"
                )
        except (KeyError, TypeError, ValueError):
            yield VerifyProblem(_where(entry), "its content is not a valid record")
    for move_id, kind, ref in ledger.stray_moves(after):
        yield VerifyProblem(
            f"stock move {move_id} ({kind} {ref})".replace(" )", ")"),
            "belongs to no note, sale or correction (written behind its back)",
        )
    # Per product, one pass over the moves: their sum is the recorded stock, the sale moves
    # are minus the units its sale lines sold and the refund moves the units given back. Only
    # where a sum disagrees is the exact comparison run, to name the sale or correction.
    sums = ledger.move_sums()
    totals: dict[str, int] = dict(store.tills.move_totals())  # other tills' moves (sync)
    for (sku, _kind), units in sums.items():
        totals[sku] = totals.get(sku, 0) + units
    sold, back = ledger.line_sums()
    for sku, recorded in sorted(ledger.recorded_stock().items()):
        moved = totals.get(sku, 0)
        if moved != recorded:
            yield VerifyProblem(
                f"product {sku}", f"its stock {recorded} is not the sum of its moves ({moved})"
            )
        if sums.get((sku, "sale"), 0) != -sold.get(sku, 0):
            named = ledger.sale_moves_differing(after, sku) or ledger.sale_moves_differing(0, sku)
            for ref, _sku in named or [("?", sku)]:
                yield VerifyProblem(
                    f"sale {ref}", f"its stock moves of {sku} differ from its lines"
                )
        refunded = sums.get((sku, "void"), 0) + sums.get((sku, "refund"), 0)
        if refunded != back.get(sku, 0):
            named = ledger.refund_moves_differing(0)
            for ref, _sku in [n for n in named if n[1] == sku] or [("?", sku)]:
                yield VerifyProblem(
                    f"correction {ref}", f"its stock moves of {sku} differ from its lines"
                )


def _schema_problems(store: Store) -> Iterator[VerifyProblem]:
    """The file's whole schema against the one the migrations make (names and SQL text).

    A guard trigger that is gone is named as before ("protection removed"); anything else
    the migrations did not make, or made otherwise, is one problem each: an extra trigger
    (``AFTER INSERT ON sale_lines ... UPDATE products SET price = 1``), view, table or
    index, or a guard whose body was rewritten (``... WHEN 0 ...``).
    """
    differences = store.schema_differences()
    removed = [n for n in GUARDS if f"missing trigger {n}" in differences]
    if removed:
        yield VerifyProblem("database schema", f"protection removed: trigger {', '.join(removed)}")
    named = {f"missing trigger {n}" for n in removed}
    for text in differences:
        if text not in named:
            yield VerifyProblem("database schema", text)


@dataclass(frozen=True)
class _Walked:
    """What the journal's walk keeps for the days: their openings and closes (with the
    grand total at each close), and how many sale entries claim each day, in which span."""

    opens: dict[int, Entry]
    closes: dict[int, tuple[Entry, dict, int]]
    claimed: dict[object, int]
    spans: dict[object, list[int]]
    legacy: _LegacyRates


def _check_day(
    records, day, walked: _Walked, room: int, *, in_place: bool
) -> tuple[list[VerifyProblem], tuple[int, int, int], bool]:
    """One business day against the journal: its opening, each sale (paired with its entry,
    and its figures), entries whose sale is gone, and its close.

    Returns the problems (at most about ``room``), how many sales, lines and payments were
    checked, and whether its rows were all read in place (or it has none). With
    ``in_place``, the day's rows are read where the app writes them; a sale that shows a
    problem is read again by index (so what is named is exact), and a day whose rows stand
    elsewhere is checked again by index.
    """
    span = walked.spans.get(day.id)
    if in_place and span is not None:
        try:
            return (*_check_day_once(records, day, walked, room, in_place=tuple(span)), True)
        except journal_rows.OutOfOrder:
            log.info("Business day %s: rows out of place, read by index", day.id)
    found, tally = _check_day_once(records, day, walked, room, in_place=None)
    return found, tally, tally[1] == tally[2] == 0


def _check_day_once(records, day, walked: _Walked, room: int, *, in_place):
    found: list[VerifyProblem] = []
    where_day = f"business day {day.business_date} ({day.till}, id {day.id})"
    entry = walked.opens.get(day.id)
    if entry is None:
        found.append(VerifyProblem(where_day, "has no journal entry for its opening"))
    elif json.loads(entry.payload) != journal_rows.day_open_payload(day):
        found.append(
            VerifyProblem(where_day, f"differs from its opening in {_where(entry)} (edited)")
        )
    matched = count = sales_total = cash = lines_given = payments_given = 0
    shown = records.references_of_day(day.id)  # what each customer was shown (issue 16)
    for sale, lines, payments, entries in records.day_sales(day.id, in_place=in_place):
        ref = shown.get(sale.id)
        paired, problems = _check_sale(sale, lines, payments, entries, walked.legacy, ref)
        if problems and in_place:  # the rows in place may not be all of them: by index
            lines, payments = records.sale_lines_and_payments(sale.id)
            paired, problems = _check_sale(sale, lines, payments, entries, walked.legacy, ref)
        count += 1
        sales_total += sale.total
        cash += sum(p.amount for p in payments if p.method == "cash")
        lines_given += len(lines)
        payments_given += len(payments)
        matched += paired
        found.extend(problems)
        if len(found) >= room:
            return found, (count, lines_given, payments_given)
    tally = (count, lines_given, payments_given)
    if matched != walked.claimed.get(day.id, 0):  # recorded for this day, no longer in it
        receipts = records.receipts_of_day(day.id)
        for entry_id, ref in _entries_of_day(records, day.id, walked.spans.get(day.id)):
            if ref not in receipts:
                found.append(
                    VerifyProblem(
                        f"journal entry {entry_id} (sale {ref})",
                        "its sale is missing from the day (deleted)",
                    )
                )
    closed = walked.closes.get(day.id)
    if day.closed_at is None:
        if closed is not None:
            found.append(VerifyProblem(_where(closed[0]), "records a close of a day that is open"))
        return found, tally
    if closed is None:
        found.append(VerifyProblem(where_day, "is closed but its close has no journal entry"))
        return found, tally
    entry, payload, running = closed
    figures = journal_rows.DayFigures(count, sales_total, cash, running)
    if payload != journal_rows.day_close_payload(day, figures):
        found.append(VerifyProblem(where_day, f"its close differs from {_where(entry)} (edited)"))
    return found, tally


def _check_sale(
    sale: SaleRow, lines, payments, entries, legacy: _LegacyRates, reference=None
) -> tuple[bool, list[VerifyProblem]]:
    """A sale against its journal entry and the money rules: (paired with an entry of its
    day, the problems). ``reference``: its ``sale_references`` row, if any."""
    where = f"sale {sale.receipt_no}"
    text = journal_rows.sale_text(sale, lines, payments, reference)
    entry = _entry_of_day(entries, sale.day_id, text)
    problems = []
    if entry is None:
        problems.append(VerifyProblem(where, "has no journal entry (written behind its back)"))
    elif entry[1] != text:
        old = legacy.applies_to(entry[1])
        if old:  # journaled before rates were recorded: compared without them, then them
            text = journal_rows.sale_text(
                sale, journal_rows.without_commission(lines), payments, reference
            )
        if entry[1] != text:
            problems.append(
                VerifyProblem(where, f"differs from its {_sale_where(entry[0], sale)} (edited)")
            )
        elif old:
            problems.extend(legacy.check(where, entry[0], lines))
    if not _figures_hold(sale, lines, payments):
        problems.extend(_sale_figures(sale, lines, payments))
    return entry is not None, problems


def _figures_hold(sale: SaleRow, lines, payments) -> bool:
    """Whether ``_sale_figures`` has nothing to say, found in one pass without messages
    (it is asked of every sale; ``_sale_figures`` names what does not hold)."""
    if not lines:
        return False
    day = sale.day_id
    subtotal = shares = paid = 0
    for ln in lines:
        amount = ln.unit_price * ln.qty - ln.line_discount
        if ln.net != amount - ln.sale_discount_share or ln.day_id not in (None, day):
            return False
        subtotal += amount
        shares += ln.sale_discount_share
    for p in payments:
        if p.day_id not in (None, day):
            return False
        paid += p.amount
    return (
        sale.subtotal == subtotal
        and sale.total == sale.subtotal - sale.discount
        and shares == sale.discount
        and paid == sale.total
    )


def _sale_facts(payload: str) -> tuple:
    """(business day, total) a sale entry records; raises ValueError, KeyError or TypeError
    when it is not a valid record."""
    facts = journal_rows.sale_facts(payload)
    if facts is not None:
        return facts
    sale = json.loads(payload)  # not in the canonical shape: read it the long way
    return sale["day"], sale["total"] + 0


def _claimed_day(payload: str) -> object:
    """The business day a sale entry records (None if it records none)."""
    facts = journal_rows.sale_facts(payload)
    if facts is not None:
        return facts[0]
    try:
        return json.loads(payload)["day"]
    except (ValueError, KeyError, TypeError):
        return None


def _entry_of_day(entries, day_id: int, text: str):
    """The sale's journal entry among ``entries`` (``(id, payload)``, oldest first): the
    latest that records this business day; one with the very text of the rows does."""
    found = None
    for entry in entries:
        if entry[1] == text or _claimed_day(entry[1]) == day_id:
            found = entry
    return found


def _entries_of_day(records, day, span) -> list[tuple[int, str]]:
    """``(id, receipt)`` of the latest sale entry per receipt that records ``day``, by first
    appearance (only read when a day's entries and sales do not pair up: a tampered file)."""
    if span is None:
        return []
    latest: dict[str, int] = {}
    for entry_id, ref, payload in records.sale_entries_between(*span):
        if _claimed_day(payload) == day:
            latest[ref] = entry_id
    return [(entry_id, ref) for ref, entry_id in latest.items()]


def _sale_where(entry_id: int, sale: SaleRow) -> str:
    return f"journal entry {entry_id} (sale {sale.receipt_no})"


class _LegacyRates:
    """The ``rates_recorded`` entry of migration 6 and the journal entries it covers.

    Entries written before it hold no commission in their lines (none was recorded then);
    the migration gave those lines the rates in force that day and journaled them. A line
    journaled before with another rate than the recorded one was edited; an entry without
    rates after it (or with no such entry at all) is not a record the program writes.
    """

    def __init__(self):
        self.entry: Entry | None = None
        self.rates: dict[str, int] = {}

    def recorded(self, entry: Entry, problems: list) -> None:
        if self.entry is not None:
            problems.append(VerifyProblem(_where(entry), "a second record of the old rates"))
            return
        self.entry = entry
        self.rates = dict(json.loads(entry.payload)["rates"])

    def applies(self, entry: Entry) -> bool:
        """Whether ``entry`` was journaled before rates were part of a line's record."""
        return self.applies_to(entry.payload)

    @staticmethod
    def applies_to(payload: str) -> bool:
        return '"commission_bp"' not in payload

    def check(self, where: str, entry: Entry | int, lines) -> Iterator[VerifyProblem]:
        entry_id = entry if isinstance(entry, int) else entry.id
        if self.entry is None or entry_id > self.entry.id:
            yield VerifyProblem(where, "its lines have no commission on record (rates missing)")
            return
        for ln in lines:
            if ln.commission_bp != self.rates.get(ln.artisan_code):
                yield VerifyProblem(
                    f"{where} line {ln.line_no}",
                    f"commission {ln.commission_bp} bp is not the {self.rates.get(ln.artisan_code)}"
                    f" bp recorded in {_where(self.entry)} (edited)",
                )


#: Journal kinds of the corrections (``services.corrections`` writes them).
CORRECTION_KINDS = ("void", "refund")


def _audit_where(entry: Entry) -> str:
    return f"audit entry {entry.id} ({entry.kind} by {entry.ref or 'nobody'})"


def _sale_figures(sale: SaleRow, lines, payments) -> Iterator[VerifyProblem]:
    """The money rules a stored sale must satisfy, whatever its journal says."""
    where = f"sale {sale.receipt_no}"
    if not lines:
        yield VerifyProblem(where, "has no lines")
    for ln in lines:
        amount = ln.unit_price * ln.qty - ln.line_discount
        if ln.net != amount - ln.sale_discount_share:
            yield VerifyProblem(
                f"{where} line {ln.line_no}",
                f"net {ln.net} is not amount {amount} - discount share {ln.sale_discount_share}",
            )
        if ln.day_id is not None and ln.day_id != sale.day_id:
            yield VerifyProblem(f"{where} line {ln.line_no}", "claims another business day")
    subtotal = sum(ln.unit_price * ln.qty - ln.line_discount for ln in lines)
    if sale.subtotal != subtotal:
        yield VerifyProblem(
            where, f"subtotal {sale.subtotal} is not the sum of its lines {subtotal}"
        )
    if sale.total != sale.subtotal - sale.discount:
        yield VerifyProblem(
            where, f"total {sale.total} is not subtotal {sale.subtotal} - discount {sale.discount}"
        )
    shares = sum(ln.sale_discount_share for ln in lines)
    if shares != sale.discount:
        yield VerifyProblem(
            where, f"discount {sale.discount} is not the sum of its shares {shares}"
        )
    paid = sum(p.amount for p in payments)
    if paid != sale.total:
        yield VerifyProblem(where, f"payments {paid} do not cover the total {sale.total}")
    for p in payments:
        if p.day_id is not None and p.day_id != sale.day_id:
            yield VerifyProblem(f"{where} payment {p.seq}", "claims another business day")


def _correction_figures(
    c: CorrectionRow,
    lines,
    payments,
    sold: Mapping[tuple[str, int], tuple[int, int]],
    given_back: dict[tuple[str, int], int],
) -> Iterator[VerifyProblem]:
    """The money rules a stored void or refund must satisfy, whatever its journal says.

    ``given_back`` carries the units of each sale line returned by the corrections before
    this one (they are checked in the order they were written) and is updated.
    """
    where = f"correction {c.number}"
    if c.receipt_no is None:
        yield VerifyProblem(where, "points at a sale that does not exist")
    if not lines:
        yield VerifyProblem(where, "has no lines")
    refunded = sum(ln.amount for ln in lines)
    paid = sum(p.amount for p in payments)
    if c.amount != refunded:
        yield VerifyProblem(where, f"amount {c.amount} is not the sum of its lines {refunded}")
    if paid != refunded:
        yield VerifyProblem(where, f"payments {paid} do not match its lines {refunded}")
    for ln in lines:
        at = f"{where} line {ln.line_no}"
        if ln.sale_id != c.sale_id:
            yield VerifyProblem(at, "belongs to another sale")
            continue
        if ln.day_id != c.day_id:
            yield VerifyProblem(at, "claims another business day")
        line = sold.get((ln.sale_id, ln.line_no))
        if line is None:
            yield VerifyProblem(at, "gives back a line its sale does not have")
            continue
        qty, net = line
        done = given_back.get((ln.sale_id, ln.line_no), 0)
        given_back[(ln.sale_id, ln.line_no)] = done + ln.qty
        if ln.qty < 1 or done + ln.qty > qty:
            left = max(qty - done, 0)
            yield VerifyProblem(
                at, f"gives back {ln.qty} but only {left} of the {qty} units sold remained"
            )
            continue
        # Cumulative floor (``corrections.line_refund_amount``): steps sum to the line's net.
        share = net * (done + ln.qty) // qty - net * done // qty
        if ln.amount != share:
            yield VerifyProblem(
                at, f"amount {ln.amount} is not {share}, its {ln.qty} units' share of net {net}"
            )
    for p in payments:
        if p.day_id != c.day_id:
            yield VerifyProblem(f"{where} payment {p.seq}", "claims another business day")


def _numbering(records) -> Iterator[VerifyProblem]:
    """Receipt numbers per till: 1, 2, 3... with no gap or repeat, up to the till's counter."""
    return _consecutive(
        *records.number_breaks("sales"), records.till_counters(), "sale", "receipt", "{}-{:06d}"
    )


def _correction_numbering(records) -> Iterator[VerifyProblem]:
    """Void and refund numbers per till (``T1-R000001``...), the same way as receipts."""
    return _consecutive(
        *records.number_breaks("corrections"),
        records.correction_counters(),
        "correction",
        "correction",
        "{}-R{:06d}",
    )


def _consecutive(
    breaks, last: Mapping[str, int], counters: Mapping[str, int], what: str, noun: str, fmt: str
):
    """Numbers per till from 1 without gap or repeat, ending at the till's counter.

    Args:
        breaks: (till, seq, number, seq before it) of the rows that may break the run, in
            till and seq order (``Records.number_breaks``: the others hold).
        last: the last seq per till.
        counters: the last number issued per till.
        what: how a row is named (``sale``, ``correction``).
        noun: how its number is called (``receipt``, ``correction``).
        fmt: the number's shape from till and seq.
    """
    for till, seq, number, before in breaks:
        if number != fmt.format(till, seq):
            yield VerifyProblem(f"{what} {number}", f"its number does not match its place {seq}")
        if seq == before:
            yield VerifyProblem(f"{what} {number}", f"{noun} number used twice")
        elif seq != before + 1:
            first, end = fmt.format(till, before + 1), fmt.format(till, seq - 1)
            gap = first if seq == before + 2 else f"{first} to {end}"
            yield VerifyProblem(f"{what} {number}", f"{noun} numbers missing before it: {gap}")
    for till, issued in counters.items():
        if till not in last:
            if issued:
                yield VerifyProblem(
                    f"till {till}", f"{issued} {noun} numbers were issued but no {what} is left"
                )
        elif issued != last[till]:
            yield VerifyProblem(
                f"till {till}",
                f"{issued} {noun} numbers were issued but the last {what} is "
                f"{fmt.format(till, last[till])}",
            )
