"""Several tills at one stand, merged by files: ``booth-pos sync export`` and ``sync import``.

Each till keeps its own file, receipt numbers (``T1-``, ``T2-``), drawer, days and its own
journal and audit chains. A **bundle** (``store/sync.py``) carries a till's chains, entry
for entry, and every other till's chain it had imported; the main till's bundle also carries
the catalogue. Importing one:

1. reads the bundle and checks, before anything is written, that it is of this stand (a
   blank file adopts the stand of a main till's bundle instead), that it does not come from
   this till's own code, and that every chain in it holds: numbers consecutive, each entry
   following the one before, each hash matching its content, joining what this file already
   knows of that till (an entry known before must be the very same);
2. then, in ONE transaction, keeps the entries it did not know (``till_entries``), the stock
   moves they made (``till_stock_moves``, added to each product's stock), the catalogue if
   the bundle is the main till's, and one ``sync_import`` audit entry.

Records are append-only and carry their till's numbers, so merging is a union: importing the
same bundle twice, or an older one after a newer, finds nothing new and writes nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from booth_pos.clock import to_iso
from booth_pos.model import KnownError
from booth_pos.model.sale import OPEN_PRICE_SKU
from booth_pos.services import journal
from booth_pos.store import Store
from booth_pos.store import journal as journal_rows
from booth_pos.store.journal import AUDIT, GENESIS, JOURNAL, Entry
from booth_pos.store.sync import BUNDLE_FORMAT, Bundle, read_bundle, write_bundle

__all__ = [
    "ExportSummary",
    "ImportSummary",
    "SyncError",
    "catalogue_digest",
    "chain_problems",
    "export_bundle",
    "import_bundle",
    "stock_moves_of",
    "till_problems",
]

_CHAINS = {"journal": JOURNAL, "audit_log": AUDIT}


class SyncError(KnownError):
    """A bundle that is refused; nothing was written."""


@dataclass(frozen=True)
class ExportSummary:
    """What a bundle holds: ``entries`` per ``"T2 journal"``, whether the catalogue."""

    path: str
    till: str
    stand_id: str
    entries: dict[str, int]
    catalogue: bool
    #: How far each chain (``"T2 journal"``) went: the marks of the next export after it.
    heads: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportSummary:
    """What an import added: new ``entries`` per ``"T2 journal"``, stock ``moves``, whether
    the catalogue was taken and whether this file joined the stand with it."""

    path: str
    till: str
    entries: dict[str, int] = field(default_factory=dict)
    moves: int = 0
    catalogue: bool = False
    joined: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.entries) or self.catalogue or self.joined


def is_main(store: Store) -> bool:
    """Whether this till is the stand's main till (it owns the catalogue)."""
    s = store.settings()
    return s.till == s.main_till


def export_bundle(
    store: Store,
    path: str | os.PathLike,
    *,
    since_last: bool = False,
    at: datetime,
    marks: dict[str, int] | None = None,
    label: str | None = None,
    skip: Collection[str] = (),
) -> ExportSummary:
    """Write a bundle of this till's chains (and the other tills' it knows) to ``path``.

    Args:
        store: the open store.
        path: the bundle file to write (replaced if it exists).
        since_last: only the entries after the last ``since_last`` export of each chain
            (a smaller file; the till that imports it must have had the earlier ones).
        at: when (the bundle says so, for people).
        marks: leave out the entries up to these (``"T2 journal"`` -> number) instead of
            the ``since_last`` ones, and remember nothing (``sync push`` keeps its own per
            main till, see ``services.lan``).
        label: what the audit entry names instead of ``path`` (the push's URL).
        skip: tills whose chains to leave out (the till asking for the bundle: it has its
            own).
    """
    settings = store.settings()
    tills = store.tills
    if marks is None:
        marks = tills.export_marks() if since_last else {}
    else:
        since_last = False
    entries: list[tuple[str, str, Entry]] = []
    counts: dict[str, int] = {}
    heads: dict[str, int] = {}
    artisans, products = store.tills.catalogue() if is_main(store) else ([], [])
    # The export is audited in this till's own chain, with the catalogue's digest: the
    # catalogue travels under the chain's hashes like the records do.
    detail: dict = {"path": label or str(path), "since_last": since_last or bool(marks)}
    if artisans or products:
        detail |= {
            "catalogue": catalogue_digest(artisans, products),
            "artisans": len(artisans),
            "products": len(products),
        }
    journal.append_audit(store, "", "sync_export", detail, at)
    with store.snapshot():
        chains = [(settings.till, name, None) for name in _CHAINS]
        # Another till's chains travel on (through the main till); a chain under this till's
        # own code is this till's, never one imported before a code was changed.
        chains += [
            (t, name, t)
            for t in tills.tills()
            if t != settings.till and t not in skip
            for name in _CHAINS
        ]
        for till, name, other in chains:
            key = f"{till} {name}"
            after = marks.get(key, 0)
            found = (
                tills.own_entries(name, after)
                if other is None
                else list(tills.entries(other, name, after))
            )
            entries.extend((till, name, e) for e in found)
            counts[key] = len(found)
            heads[key] = found[-1].id if found else after
        stand_id = store.stand_id()
    meta = {
        "format": str(BUNDLE_FORMAT),
        "stand_id": stand_id,
        "till": settings.till,
        "main_till": settings.main_till,
        "exported_at": to_iso(at),
    }
    write_bundle(path, Bundle(meta, entries, artisans, products))
    if since_last:
        tills.save_export_marks(heads)
    return ExportSummary(
        str(path), settings.till, stand_id, counts, bool(artisans or products), heads
    )


def catalogue_digest(artisans: Sequence[dict], products: Sequence[dict]) -> str:
    """SHA-256 of the catalogue as canonical JSON, by code and SKU."""
    import hashlib

    text = journal_rows.canonical(
        [sorted(artisans, key=lambda a: a["code"]), sorted(products, key=lambda p: p["sku"])]
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _sealed_catalogue(bundle: Bundle, sender: str) -> bool:
    """Whether the bundle's catalogue is the one its main till's last ``sync_export`` audit
    entry (inside the chain just verified) sealed."""
    sealed = None
    for till, chain, e in bundle.entries:
        if till == sender and chain == "audit_log" and e.kind == "sync_export":
            if sealed is None or e.id > sealed.id:
                sealed = e
    if sealed is None:
        return False
    try:
        want = json.loads(sealed.payload).get("catalogue")
        return want == catalogue_digest(bundle.artisans, bundle.products)
    except (ValueError, KeyError, TypeError, AttributeError):
        return False


def _refuse(en: str, id: str) -> SyncError:
    return SyncError(en=f"{en}; nothing was imported", id=f"{id}; tidak ada yang diimpor")


def chain_problems(entries: Sequence[Entry], chain: str, *, prev: str = GENESIS, start: int = 1):
    """The first rule ``entries`` (one till's chain, from number ``start``) break, or None.

    ``prev``: the hash of entry ``start - 1`` (GENESIS for a chain from its first entry).
    """
    expected, before = start, prev
    for e in entries:
        if e.id != expected:
            if e.id > expected:
                return e, f"entry {expected} before it is missing (deleted)"
            return e, "is out of order"
        if e.prev_hash != before:
            return e, "does not follow the entry before it (chain broken)"
        if (
            journal_rows.entry_hash(
                _CHAINS[chain], e.id, e.kind, e.ref, e.at, e.prev_hash, e.payload
            )
            != e.hash
        ):
            return e, "hash does not match its content (edited)"
        expected, before = e.id + 1, e.hash
    return None


def _groups(bundle: Bundle) -> dict[tuple[str, str], list[Entry]]:
    groups: dict[tuple[str, str], list[Entry]] = {}
    for till, chain, e in bundle.entries:
        if chain not in _CHAINS:
            raise _refuse(
                f"The bundle holds an unknown chain {chain!r}",
                f"Bundel berisi rantai tidak dikenal {chain!r}",
            )
        groups.setdefault((till, chain), []).append(e)
    for rows in groups.values():
        rows.sort(key=lambda e: e.id)
    return groups


def _new_entries(store: Store, till: str, chain: str, rows: list[Entry]) -> list[Entry]:
    """The entries of ``rows`` this file did not know, once ``rows`` were checked to hold
    and to join the known part of the chain; ``SyncError`` otherwise."""
    if not rows:
        return []
    own = till == store.settings().till
    first = rows[0].id
    if first < 1:
        raise _refuse(
            f"The bundle's {chain} of till {till} starts at entry {first}",
            f"{chain} kasir {till} di bundel mulai dari entri {first}",
        )
    if own:  # this till's own chain, relayed back by the main till: it must be a prefix
        found = store.tills.own_entries(chain, max(first - 2, 0))
        last = found[-1].id if found else 0
        known = {e.id: e.hash for e in found if e.id <= rows[-1].id}
        before = GENESIS if first == 1 else known.get(first - 1)
    else:
        last, _ = store.tills.head(till, chain)
        known = store.tills.hashes(till, chain, max(first - 1, 1), rows[-1].id)
        before = GENESIS if first == 1 else known.get(first - 1)
    if before is None:
        raise _refuse(
            f"The bundle's {chain} of till {till} starts at entry {first}, but this till has "
            f"only {last} of them: import that till's earlier bundle first (or a full export)",
            f"{chain} kasir {till} di bundel mulai dari entri {first}, tetapi kasir ini baru "
            f"punya {last}: impor dulu bundel sebelumnya dari kasir itu (atau ekspor lengkap)",
        )
    broken = chain_problems(rows, chain, prev=before, start=first)
    if broken is not None:
        e, what = broken
        raise _refuse(
            f"The bundle fails verification: till {till} {chain} entry {e.id} ({e.kind} "
            f"{e.ref}) {what}",
            f"Bundel gagal verifikasi: kasir {till} {chain} entri {e.id} ({e.kind} {e.ref}) "
            f"{_WHAT_ID.get(what, what)}",
        )
    for e in rows:
        if e.id in known and known[e.id] != e.hash:
            raise _refuse(
                f"Till {till}'s {chain} entry {e.id} in the bundle differs from the one this "
                "till already has: two tills use the same till code, or one was tampered with",
                f"Entri {e.id} {chain} kasir {till} di bundel berbeda dari yang sudah ada: dua "
                "kasir memakai kode yang sama, atau salah satunya diutak-atik",
            )
    if own:
        if any(e.id not in known for e in rows):
            raise _clash(till)
        return []
    return [e for e in rows if e.id not in known and e.id > last]


_WHAT_ID = {
    "is out of order": "urutannya salah",
    "does not follow the entry before it (chain broken)": "tidak menyambung entri sebelumnya "
    "(rantai putus)",
    "hash does not match its content (edited)": "hash tidak cocok dengan isinya (diubah)",
}


def _own_hash(store: Store, chain: str, seq: int) -> str | None:
    log = store.journal if chain == "journal" else store.audit
    return log.hash_at(seq)


def _clash(till: str) -> SyncError:
    return _refuse(
        f"The bundle comes from till {till}, this till's own code: give each till its own code "
        "(booth-pos settings set till=T2) before exchanging bundles",
        f"Bundel berasal dari kasir {till}, kode kasir ini sendiri: beri setiap kasir kodenya "
        "sendiri (booth-pos settings set till=T2) sebelum bertukar bundel",
    )


def stock_moves_of(entries: Iterable[Entry]) -> list[tuple[int, int, str, int, str, str]]:
    """The stock moves a till's journal entries made: ``(seq, line_no, sku, qty, kind, ref)``.

    A sale takes its lines' units (open-price lines have no product), a void or refund gives
    its lines' units back, a stock note (intake, return, count, import) moves what its lines
    say. The rule is the one the till applied when it wrote its own ``stock_moves``.

    Raises:
        ValueError: an entry whose payload is not the record its kind says.
    """
    out = []
    for e in entries:
        if e.kind not in ("sale", "void", "refund", "stock_note"):
            continue
        record = json.loads(e.payload)
        lines = record["lines"]
        for no, line in enumerate(lines, start=1):
            if e.kind == "stock_note":
                sku, qty = line[0], line[2]
                kind = record["kind"]
            else:
                sku, qty, kind = line["sku"], line["qty"], e.kind
                qty = -qty if e.kind == "sale" else qty
            if type(sku) is not str or type(qty) is not int:
                raise ValueError(f"entry {e.id}: line {no} is not a stock move")
            if sku == OPEN_PRICE_SKU:
                continue
            out.append((e.id, no, sku, qty, kind, e.ref))
    return out


def import_bundle(store: Store, path: str | os.PathLike, *, at: datetime) -> ImportSummary:
    """Apply another till's bundle; all of it or, when refused, nothing.

    Raises:
        SyncError (a ``KnownError``): another stand's bundle, one from this till's own code,
            one that fails verification or does not join what this till knows; nothing is
            written.
        StoreError: not a bundle, or the file cannot be read.
    """
    bundle = read_bundle(path)
    meta = bundle.meta
    if meta.get("format") != str(BUNDLE_FORMAT):
        raise _refuse(
            f"The bundle is of format {meta.get('format')!r}, this Booth POS reads format "
            f"{BUNDLE_FORMAT}: update the program",
            f"Bundel berformat {meta.get('format')!r}, Booth POS ini membaca format "
            f"{BUNDLE_FORMAT}: perbarui program",
        )
    settings = store.settings()
    sender, stand = meta.get("till", ""), meta.get("stand_id", "")
    if not sender or not stand:
        raise _refuse("The bundle names no till or stand", "Bundel tidak menyebut kasir atau stan")
    if sender == settings.till:
        raise _clash(sender)
    from_main = bool(bundle.artisans or bundle.products) and meta.get("main_till") == sender
    with store.snapshot():
        blank = store.tills.is_blank()
    joining = blank and stand != store.stand_id()
    if joining and not from_main:
        raise _refuse(
            f"This till is new and joins a stand through the main till's bundle; till {sender}'s "
            "bundle has no catalogue",
            f"Kasir ini baru dan bergabung ke stan lewat bundel kasir utama; bundel kasir "
            f"{sender} tidak berisi katalog",
        )
    if not joining and stand != store.stand_id():
        raise _refuse(
            f"The bundle is of another stand (id {stand[:8]}…), not this one "
            f"({store.stand_id()[:8]}…)",
            f"Bundel ini dari stan lain (id {stand[:8]}…), bukan stan ini "
            f"({store.stand_id()[:8]}…)",
        )
    main_till = meta.get("main_till", "") if joining else settings.main_till
    if joining and main_till == settings.till:
        raise _clash(main_till)
    take_catalogue = from_main and sender == main_till and settings.till != main_till
    new: dict[tuple[str, str], list[Entry]] = {}
    moves: dict[str, list] = {}
    # Checked and written in ONE write transaction: no other import slips in between, and a
    # refusal raised anywhere below leaves the file as it was.
    with store.atomic():
        for (till, chain), rows in sorted(_groups(bundle).items()):
            fresh = _new_entries(store, till, chain, rows)
            if fresh:
                new[(till, chain)] = fresh
                if chain == "journal":
                    try:
                        moves[till] = stock_moves_of(fresh)
                    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
                        raise _refuse(
                            f"The bundle fails verification: till {till}'s journal holds an "
                            "entry that is not a valid record",
                            f"Bundel gagal verifikasi: jurnal kasir {till} berisi entri yang "
                            "bukan catatan yang sah",
                        ) from None
        if from_main:
            _check_catalogue(bundle)
            if not _sealed_catalogue(bundle, sender):
                raise _refuse(
                    f"The bundle fails verification: its catalogue is not the one till "
                    f"{sender} exported (edited)",
                    f"Bundel gagal verifikasi: katalognya bukan yang diekspor kasir {sender} "
                    "(diubah)",
                )
        catalogue_changes = take_catalogue and _catalogue_differs(store, bundle)
        summary = ImportSummary(
            str(path),
            sender,
            {f"{t} {c}": len(rows) for (t, c), rows in new.items()},
            sum(len(m) for m in moves.values()),
            catalogue_changes,
            joining,
        )
        if not summary.changed:
            return summary
        if joining:
            store.tills.adopt_stand(stand)
            store.save_settings(replace(store.settings(), main_till=main_till))
        if catalogue_changes:
            store.tills.apply_catalogue(bundle.artisans, bundle.products)
        for (till, chain), rows in new.items():
            store.tills.add(till, chain, rows)
        for till, found in moves.items():
            store.tills.add_moves(till, found)
        journal.append_audit(
            store,
            "",
            "sync_import",
            {
                "from": sender,
                "entries": summary.entries,
                "moves": summary.moves,
                "catalogue": summary.catalogue,
                "joined": joining,
            },
            at,
        )
    store.forget_cached()
    return summary


def _catalogue_differs(store: Store, bundle: Bundle) -> bool:
    artisans, products = store.tills.catalogue()
    key_a = {a["code"]: a for a in artisans}
    key_p = {p["sku"]: p for p in products}
    return any(key_a.get(a.get("code")) != a for a in bundle.artisans) or any(
        key_p.get(p.get("sku")) != p for p in bundle.products
    )


def _check_catalogue(bundle: Bundle) -> None:
    """Refuse a catalogue whose rows miss a column or carry a non-integer price or rate."""
    from booth_pos.store.sync import _ARTISAN_COLS, _PRODUCT_COLS

    for cols, rows in ((_ARTISAN_COLS, bundle.artisans), (_PRODUCT_COLS, bundle.products)):
        for row in rows:
            if any(c not in row for c in cols):
                raise _refuse("The bundle's catalogue is damaged", "Katalog di bundel rusak")
    for row in (*bundle.artisans, *bundle.products):
        if any(type(row[c]) is not int for c in ("commission_bp", "price", "active") if c in row):
            raise _refuse("The bundle's catalogue is damaged", "Katalog di bundel rusak")


def till_problems(store: Store, result=None):
    """What ``verify`` finds wrong in the other tills' records this file keeps.

    Each till's journal and audit chain is walked from its first entry (numbers consecutive,
    each entry following the one before, each hash matching its content), and its stock
    moves must be exactly those its journal entries make. ``result`` (a ``Verification``)
    is told how many tills and entries were walked.
    """
    from booth_pos.services.journal import VerifyProblem

    tills = store.tills
    for till in tills.tills():
        if result is not None:
            result.tills += 1
        journal_entries: list[Entry] = []
        for chain in _CHAINS:
            rows = list(tills.entries(till, chain))
            if result is not None:
                result.till_entries += len(rows)
            broken = chain_problems(rows, chain)
            if broken is not None:
                e, what = broken
                yield VerifyProblem(f"till {till} {chain} entry {e.id} ({e.kind} {e.ref})", what)
            if chain == "journal":
                journal_entries = rows
        try:
            made = stock_moves_of(journal_entries)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            yield VerifyProblem(f"till {till} journal", "holds an entry that is not a valid record")
            continue
        if made != tills.moves(till):
            yield VerifyProblem(
                f"till {till} stock moves", "differ from what its journal entries make (edited)"
            )
