"""The council's central database: ``booth-pos central init|push|report`` (issue 15).

A stand's file holds its own journal and audit chains and the chains of the stand's other
tills it imported by ``sync``. ``push`` sends all of them to the council's PostgreSQL
(``store/central.py``), in ONE transaction:

1. every chain to send is walked first, as ``verify`` walks it (numbers consecutive, each
   entry following the one before, each hash matching its content): a file whose chains
   fail is refused, nothing is sent (the office must only ever hold records that verify);
2. the central database's head of each chain must be an entry this file has with the same
   hash (else two tills share a code, or a file was tampered with): refused, nothing sent;
3. the entries after each head are copied in, raw (payload as ``jsonb``), with the facts
   they make (sale lines with the commission rate recorded in the sale, void and refund
   lines, units in and back per artisan, payouts, days), read from the payloads exactly as
   the main till's event report reads the other tills' (``services/reports._other_tills``);
4. the heads move to each chain's last entry.

Nothing on the till changes, whatever happens: a push only reads the file. A server that
cannot be reached within a few seconds is one line and exit 1; the till never waits.

Each record is filed under the event the pushing file's settings name (``event_name``) at
the push that first sends it (the file is one event, as ``report --event`` assumes): every
till of a stand names the same event, and a file with no event name is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from booth_pos.model import KnownError
from booth_pos.services.sync import _CHAINS, _WHAT_ID, chain_problems
from booth_pos.store import Store
from booth_pos.store import central as db
from booth_pos.store.journal import Entry

__all__ = ["PushError", "PushSummary", "init", "push", "report", "tills"]


class PushError(KnownError):
    """A push refused before anything was sent."""


@dataclass(frozen=True)
class PushSummary:
    """What a push sent: ``entries`` after the office's heads per ``"T2 journal"``, the fact
    rows added per table, each chain's last entry number, and how many entries the office
    did not have (``added``: 0 for a push that changed nothing)."""

    stand_id: str
    event: str
    entries: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    heads: dict[str, int] = field(default_factory=dict)
    added: int = 0

    @property
    def changed(self) -> bool:
        return self.added > 0


def init(dsn: str) -> tuple[int, int]:
    """Create or migrate the central schema: ``(version before, version now)``."""
    with db.connect(dsn) as central:
        return central.init()


def _refuse(en: str, id: str) -> PushError:
    return PushError(en=f"{en}; nothing was sent", id=f"{id}; tidak ada yang terkirim")


@dataclass
class _Local:
    """What a push reads of the file, in one read transaction."""

    stand_id: str
    stand_name: str
    event: str
    till: str
    main: bool
    artisans: list[tuple[str, str, int]]
    maker: dict[str, str]
    chains: dict[tuple[str, str], list[Entry]]


def _read(store: Store) -> _Local:
    with store.snapshot():
        s = store.settings()
        tills = store.tills
        chains = {(s.till, name): tills.own_entries(name) for name in _CHAINS}
        for till in tills.tills():
            if till != s.till:
                for name in _CHAINS:
                    chains[(till, name)] = list(tills.entries(till, name))
        artisans = [(a.code, a.name, a.commission_bp) for a in store.artisans.all()]
        maker = {p["sku"]: p["artisan_code"] for p in tills.catalogue()[1]}
        return _Local(
            store.stand_id(), s.stand_name, s.event_name, s.till, s.till == s.main_till,
            artisans, maker, chains,
        )  # fmt: skip


def _check_chains(local: _Local) -> None:
    for (till, chain), rows in sorted(local.chains.items()):
        broken = chain_problems(rows, chain)
        if broken is not None:
            e, what = broken
            raise _refuse(
                f"Till {till}'s {chain} entry {e.id} ({e.kind} {e.ref}) fails verification "
                f"({what}): run booth-pos verify and restore a good backup before pushing",
                f"Entri {e.id} {chain} kasir {till} ({e.kind} {e.ref}) gagal verifikasi "
                f"({_WHAT_ID.get(what, what)}): jalankan booth-pos verify dan pulihkan cadangan "
                "yang baik sebelum mengirim",
            )


def push(store: Store, dsn: str, *, timeout: int = db.CONNECT_TIMEOUT) -> PushSummary:
    """Send every till's records this file holds to the central database at ``dsn``.

    Raises:
        PushError: a chain fails verification, or differs from what the office holds.
        CentralError: the server cannot be reached or used; nothing was sent.
    """
    local = _read(store)
    if not local.event.strip():
        raise _refuse(
            "This till's event has no name, and the office files records by event: name it "
            "first (booth-pos settings set event_name=\"Ina Craft 2023\"), the same on "
            "every till of the stand",
            "Acara di kasir ini belum bernama, padahal kantor menyimpan catatan per acara: beri "
            "nama dulu (booth-pos settings set event_name=\"Ina Craft 2023\"), sama di semua "
            "kasir stan",
        )
    _check_chains(local)
    with db.connect(dsn, timeout=timeout) as central, central.push(local.stand_id) as tx:
        heads = tx.heads()
        tx.stand(local.stand_name, main=local.main)
        event_id = tx.event(local.event)
        tx.artisans(local.artisans, main=local.main)
        new: dict[tuple[str, str], list[Entry]] = {}
        for (till, chain), rows in sorted(local.chains.items()):
            head = heads.get((till, chain))
            after = 0
            if head is not None:
                _check_head(tx, till, chain, rows, head)
                after = head.seq
            new[(till, chain)] = [e for e in rows if e.id > after]
        for table, rows in _rows(local, new, event_id).items():
            tx.add(table, rows)
        moved = [
            db.Head(till, chain, rows[-1].id, rows[-1].hash)
            for (till, chain), rows in new.items()
            if rows
        ]
        tx.set_heads(moved)
        added = dict(tx.added)
    return PushSummary(
        local.stand_id,
        local.event,
        {f"{t} {c}": len(rows) for (t, c), rows in sorted(new.items()) if rows},
        {k: v for k, v in added.items() if k != "entries"},
        {f"{t} {c}": rows[-1].id for (t, c), rows in sorted(local.chains.items()) if rows},
        added.get("entries", 0),
    )


def _rows(
    local: _Local, new: dict[tuple[str, str], list[Entry]], event_id: int
) -> dict[str, Iterable[tuple]]:
    """The rows of each central table that the ``new`` entries make."""
    sid = local.stand_id
    rates = {code: bp for code, _name, bp in local.artisans}
    out: dict[str, Iterable[tuple]] = {
        "entries": [
            (sid, till, chain, e.id, event_id, e.at, e.kind, e.ref, e.payload, e.prev_hash,
             e.hash)
            for (till, chain), rows in new.items()
            for e in rows
        ],
    }  # fmt: skip
    facts: dict[str, list[tuple]] = {}
    for till in sorted({t for t, _c in local.chains}):
        made = _facts(
            sid, till, event_id, local.chains.get((till, "journal"), []),
            new.get((till, "journal"), []), rates, local.maker,
        )  # fmt: skip
        for table, rows in made.items():
            facts.setdefault(table, []).extend(rows)
    return out | facts


def all_rows(store: Store, event_id: int = 1) -> dict[str, list[tuple]]:
    """Every row a first push of this file sends, by central table (for the benchmark's
    bare copy of the same rows)."""
    local = _read(store)
    return {k: list(v) for k, v in _rows(local, dict(local.chains), event_id).items()}


def _check_head(tx, till: str, chain: str, rows: list[Entry], head: db.Head) -> None:
    """The office's last entry of this chain must be the file's entry of that number, or (the
    file knows less of another till than the office) the file's last entry must be the
    office's entry of that number."""
    if rows and rows[-1].id < head.seq:
        theirs = tx.hash_at(till, chain, rows[-1].id)
        ok = theirs == rows[-1].hash
    else:
        ok = bool(rows) and rows[head.seq - 1].hash == head.hash  # consecutive from 1
    if not ok:
        raise _refuse(
            f"Till {till}'s {chain} differs from what the central database holds (entry "
            f"{head.seq}): two tills use the same till code, or a file was tampered with",
            f"{chain} kasir {till} berbeda dari yang ada di database pusat (entri {head.seq}): "
            "dua kasir memakai kode yang sama, atau sebuah berkas diutak-atik",
        )


def _facts(
    stand_id: str,
    till: str,
    event_id: int,
    journal: list[Entry],
    new: Iterable[Entry],
    rates: dict[str, int],
    maker: dict[str, str],
) -> dict[str, list[tuple]]:
    """The fact rows the ``new`` journal entries of ``till`` make (``journal`` is the whole
    chain: a sale's business date is its day's, opened earlier)."""
    dates: dict[object, date] = {}
    for e in journal:
        if e.kind == "day_open":
            r = json.loads(e.payload)
            dates[r["day"]] = date.fromisoformat(r["business_date"])
    out: dict[str, list[tuple]] = {
        "days": [], "sale_lines": [], "refund_lines": [], "stock_lines": [], "payouts": [],
    }  # fmt: skip
    key = (stand_id, till)
    for e in new:
        if e.kind not in ("day_open", "sale", "void", "refund", "stock_note", "payout"):
            continue
        r = json.loads(e.payload)
        try:
            if e.kind == "day_open":
                out["days"].append(
                    (*key, r["day"], event_id, dates[r["day"]], r["at"], r["opening_float"], e.id)
                )
            elif e.kind == "sale":
                when = dates[r["day"]]
                for no, ln in enumerate(r["lines"], start=1):
                    bp = ln.get("commission_bp", rates.get(ln["artisan"], 0))
                    out["sale_lines"].append(
                        (*key, e.id, no, event_id, when, r["id"], r["receipt_no"],
                         ln["artisan"], bp, ln["sku"], ln["category"], ln["qty"],
                         ln["unit_price"] * ln["qty"], ln["line_discount"], ln["share"],
                         ln["net"])
                    )  # fmt: skip
            elif e.kind in ("void", "refund"):
                when = dates[r["day"]]
                for no, ln in enumerate(r["lines"], start=1):
                    bp = ln.get("commission_bp", rates.get(ln["artisan"], 0))
                    out["refund_lines"].append(
                        (*key, e.id, no, event_id, when, e.kind, r["number"], ln["artisan"],
                         bp, ln["sku"], ln["qty"], ln["amount"])
                    )  # fmt: skip
            elif e.kind == "stock_note" and r["kind"] in ("intake", "import", "return"):
                when = date.fromisoformat(r["business_date"])
                for no, line in enumerate(r["lines"], start=1):
                    sku, qty = line[0], line[2]
                    got, back = (qty, 0) if r["kind"] != "return" else (0, -qty)
                    out["stock_lines"].append(
                        (*key, e.id, no, event_id, when, e.ref, maker.get(sku, r["artisan"]),
                         sku, got, back)
                    )  # fmt: skip
            elif e.kind == "payout":
                out["payouts"].append(
                    (*key, e.id, event_id, date.fromisoformat(r["business_date"]), e.ref,
                     r["artisan"], r["method"], r["amount"])
                )  # fmt: skip
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise _refuse(
                f"Till {till}'s journal entry {e.id} ({e.kind} {e.ref}) is not a record this "
                f"Booth POS can read ({exc!r})",
                f"Entri jurnal {e.id} kasir {till} ({e.kind} {e.ref}) bukan catatan yang bisa "
                f"dibaca Booth POS ini ({exc!r})",
            ) from None
    return out


def report(
    dsn: str, *, event: str | None = None, first: date | None = None, last: date | None = None
) -> list[dict[str, object]]:
    """Per stand, event and artisan: the figures of ``report --json``'s ``by_artisan``,
    computed by PostgreSQL (``event``: one event by name; ``first``..``last``: business
    dates, inclusive)."""
    with db.connect(dsn) as central:
        return central.report(event=event, first=first, last=last)


def tills(dsn: str) -> list[dict[str, object]]:
    """Each till's chain heads the office holds, with the code of its last Z."""
    with db.connect(dsn) as central:
        return central.tills()
