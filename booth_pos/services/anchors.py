"""Anchors of the two chains outside the database file: what ``verify`` checks the live
journal and audit log still extend.

The journal proves that no entry was changed *inside* the chain; someone who deletes the
last sale together with its journal entry (or the last audit entries) leaves a shorter chain
that is still perfectly valid. So the chain's head (how many entries, the last one's hash) is
also written down outside the file, where that someone would have to find and change it too:

- every backup file is itself an anchor: read-only, its last journal and audit entries are
  where the chains stood when it was taken;
- every backup and every Z close adds one line to ``anchors.jsonl`` in the backup's folder
  (a Z close: ``backups/`` beside the database), created readable by the owner only::

      {"at": "...", "kind": "z_close"|"backup", "stand_id": "...",
       "journal": [count, hash], "audit": [count, hash], "file": "..."}

  written after the commit, never able to undo or block the sale or close (a failure is
  logged, not raised).

``find(store)`` gathers the anchors of this stand from the configured backup folder and
``backups/`` beside the database; ``check(store, anchors)`` says which the live chains no
longer extend. A legitimate restore of an older backup leaves later anchors unreachable:
``restore`` adds a ``restore`` line (the chains as restored) beside the database, and the
anchors taken before the latest such line are counted as superseded, not as a problem (the
summary says how many). A ``restore`` entry in the audit log alone supersedes nothing: it
could have been forged into the file.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from booth_pos.clock import DEFAULT_TIMEZONE, Clock, from_iso, local, to_iso, zone
from booth_pos.store import Store
from booth_pos.store.journal import FileHeads, file_heads

log = logging.getLogger(__name__)

#: The anchors file in a backup folder.
FILE_NAME = "anchors.jsonl"
#: What a backup file can be called (``services.backup.SUFFIXES``).
_BACKUP_SUFFIXES = (".sqlite", ".sqlite3", ".db", ".bak")


@dataclass(frozen=True)
class Anchor:
    """Where the two chains stood at a moment recorded outside the file.

    Attributes:
        at: when (aware).
        label: how a person knows it: "the backup of 2023-03-01 21:05", "the Z3 close".
        stand_id: whose chains these are.
        journal, audit: (entry count, last entry's hash) of each chain.
    """

    at: datetime
    label: str
    stand_id: str
    journal: tuple[int, str]
    audit: tuple[int, str]
    kind: str = "backup"  # "backup", "z_close" or "restore"


@dataclass
class Checked:
    """What ``check`` found: the problems (at most one per chain), how many anchors were
    checked and how many were superseded by a restore."""

    problems: list[tuple[str, str]]
    anchors: int = 0
    superseded: int = 0


# -- writing -----------------------------------------------------------------------------------


def record(
    folder: Path,
    kind: str,
    heads: FileHeads,
    at: datetime,
    *,
    file: str | None = None,
    **extra: object,
) -> bool:
    """Append one anchor line to ``folder/anchors.jsonl``; never raises (a failure is logged).

    Returns whether the line was written.
    """
    line = {
        "at": to_iso(at),
        "kind": kind,
        "stand_id": heads.stand_id,
        "journal": list(heads.journal),
        "audit": list(heads.audit),
        "file": file,
        **extra,
    }
    data = (json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n").encode()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / FILE_NAME, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, data)  # one write: lines of two writers never interleave
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        log.warning("Could not write the %s anchor to %s: %s", kind, folder, exc)
        return False
    return True


def after_backup(store: Store, target: Path, kind: str, at: datetime) -> None:
    """The anchor of a backup just written: the heads the backup file itself holds."""
    try:
        heads = file_heads(target)
        if heads is None:
            log.warning("The backup %s has no chains to anchor", target)
            return
        record(target.parent, "backup", heads, at, file=target.name, backup_kind=kind)
    except Exception:  # noqa: BLE001 - an anchor must never fail a backup
        log.exception("Could not anchor the backup %s", target)


def after_close(store: Store, z_no: int | None, business_date: str, clock: Clock) -> None:
    """The anchor of a Z close just committed, in ``backups/`` beside the database (a local
    disk: a slow or unplugged USB stick must not hold up the close)."""
    try:
        if store.in_transaction:  # inside a bigger transaction (the demo): not committed yet
            return
        heads = FileHeads(store.stand_id(), store.journal.last(), store.audit.last())
        record(
            local_folder(store),
            "z_close",
            heads,
            clock.now(),
            z_no=z_no,
            business_date=business_date,
        )
    except Exception:  # noqa: BLE001 - an anchor must never fail a close
        log.exception("Could not anchor the close Z%s", z_no)


def after_restore(store: Store, at: datetime) -> None:
    """The anchor of a restore just done, in ``backups/`` beside the database: where the
    chains stand now. Anchors taken before it that the restored chains no longer extend are
    superseded by it (``check``); a restore known only to the audit log supersedes nothing."""
    try:
        heads = FileHeads(store.stand_id(), store.journal.last(), store.audit.last())
        record(local_folder(store), "restore", heads, at)
    except Exception:  # noqa: BLE001 - an anchor must never fail a restore
        log.exception("Could not anchor the restore")


def local_folder(store: Store) -> Path:
    """``backups/`` beside the database."""
    return store.path.parent / "backups"


# -- finding -----------------------------------------------------------------------------------


def folders(store: Store) -> list[Path]:
    """Where anchors are looked for: the configured backup folder and ``backups/``."""
    found = [local_folder(store)]
    configured = store.settings().backup_dir.strip()
    if configured:
        found.append(Path(configured).expanduser())
    out: list[Path] = []
    for folder in found:
        try:
            key = folder.resolve()
        except OSError:
            continue
        if key not in out:
            out.append(key)
    return out


def find(store: Store) -> list[Anchor]:
    """Every anchor of this stand in its backup folders, oldest first: anchors.jsonl lines
    and backup files. Another stand's anchors are left out; nothing here raises."""
    stand = store.stand_id()
    tz_name = store.settings().timezone or DEFAULT_TIMEZONE
    tz = zone(tz_name)
    live = _resolved(store.path)
    anchors: list[Anchor] = []
    for folder in folders(store):
        anchors.extend(_lines(folder / FILE_NAME, tz_name))
        try:
            names = sorted(p for p in folder.iterdir() if p.suffix.lower() in _BACKUP_SUFFIXES)
        except OSError:
            continue
        for path in names:
            if _resolved(path) == live or not path.is_file():
                continue
            heads = file_heads(path)
            if heads is not None:
                at = _file_time(path, tz)
                label = f"the backup of {local(at, tz_name):%Y-%m-%d %H:%M} ({path.name})"
                anchors.append(Anchor(at, label, heads.stand_id, heads.journal, heads.audit))
    anchors = [a for a in anchors if stand and a.stand_id == stand]
    anchors.sort(key=lambda a: a.at)
    return anchors


def _lines(path: Path, tz: str) -> list[Anchor]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("Could not read the anchors in %s: %s", path, exc)
        return []
    out = []
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            at = from_iso(data["at"])
            journal = (int(data["journal"][0]), str(data["journal"][1]))
            audit = (int(data["audit"][0]), str(data["audit"][1]))
            stand = str(data["stand_id"])
        except (ValueError, KeyError, TypeError, IndexError):
            log.warning("%s line %d is not an anchor; left out", path, no)
            continue
        when = f"{local(at, tz):%Y-%m-%d %H:%M}"
        kind = data.get("kind")
        if kind == "z_close":
            label = f"the Z{data.get('z_no', '?')} close of {when}"
        elif kind == "restore":
            label = f"the restore of {when}"
        else:
            label = f"the backup of {when} ({data.get('file') or path.parent})"
        out.append(Anchor(at, label, stand, journal, audit, str(kind or "backup")))
    return out


def _file_time(path: Path, tz) -> datetime:
    """When a backup was taken: the time in its name (``booth-20230301-210500-close``), else
    the file's modification time."""
    import re

    m = re.search(r"-(\d{8}-\d{6})-[a-z]+(?:-\d+)?$", path.stem)
    if m:
        try:
            return datetime.strptime(m[1], "%Y%m%d-%H%M%S").replace(tzinfo=tz)
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime).astimezone(tz)


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except OSError:
        return None


# -- checking ----------------------------------------------------------------------------------


def check(store: Store, anchors: list[Anchor]) -> Checked:
    """Whether the live chains extend every anchor (the entry at each anchor's count exists
    with its hash); call inside the verify's snapshot.

    The first (oldest) anchor the journal does not extend is named, and the first the audit
    log does not; anchors taken before the latest restore recorded outside the file
    (a ``restore`` anchor line) that the chains do not extend are superseded by it, not
    problems.
    """
    restored_at = _last_restore(store, anchors)
    out = Checked([])
    named: set[str] = set()
    for anchor in anchors:
        out.anchors += 1
        broken = [
            (name, why)
            for name, chain, head in (
                ("journal", store.journal, anchor.journal),
                ("audit log", store.audit, anchor.audit),
            )
            if (why := _not_extended(chain, head)) is not None
        ]
        if not broken:
            continue
        if restored_at is not None and anchor.at <= restored_at and anchor.kind != "restore":
            out.superseded += 1
            continue
        for name, why in broken:
            if name not in named:
                named.add(name)
                out.problems.append((f"the {name}", f"no longer extends {anchor.label} ({why})"))
    return out


def _last_restore(store: Store, anchors: list[Anchor]) -> datetime | None:
    """When the latest restore recorded outside the file took place, if it holds up.

    A restore line counts only if the live chains extend the heads it recorded, the audit
    entry at its head is the restore's own, and it is not dated in the future (by the
    machine's real clock): a line forged with a made-up head or a far-off date, to make every
    anchor look superseded, supersedes nothing (and is itself named as not extended).
    """
    from datetime import UTC, timedelta

    latest = None
    soon = datetime.now(UTC) + timedelta(days=1)
    for a in anchors:
        if a.kind != "restore" or a.at > soon:
            continue
        if _not_extended(store.journal, a.journal) or _not_extended(store.audit, a.audit):
            continue
        if store.audit.kind_at(a.audit[0]) != "restore":
            continue
        if latest is None or a.at > latest:
            latest = a.at
    return latest


def _not_extended(chain, head: tuple[int, str]) -> str | None:
    count, digest = head
    if count <= 0:
        return None
    found = chain.hash_at(count)
    if found is None:
        return f"entry {count} is missing"
    if found != digest:
        return f"entry {count} is not the one it recorded (changed)"
    return None
