"""Backups with SQLite's online backup API, and restoring one that verifies.

A backup is read through a connection of its own from the last committed state, page by
page by SQLite itself (never a file copy, which could catch a half-written page or miss the
WAL), so it is consistent even while sales are being rung up. It is written under a
temporary name, flushed to disk and then renamed, so a pulled USB stick leaves either a
whole backup or none, never a half one with a good name.

- ``backup(store, dest)``: one backup now; ``dest`` a folder (timestamped name) or a file.
- ``after_close(store, day, clock)``: the automatic backup after a day close (never raises).
- ``backup_due(store, now)`` and ``periodic(store, clock)``: the window's every-N-minutes
  backup to ``settings.backup_dir``; cheap enough for a timer that ticks every minute.
- ``restore(store, src, clock)``: replace the database with a verified backup, keeping a
  safety backup of what it replaces.

Backups go to ``settings.backup_dir`` (e.g. a USB stick), else to ``backups/`` beside the
database. Each kind is rotated on its own: the newest ``KEEP[kind]`` stay.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from booth_pos.clock import DEFAULT_TIMEZONE, Clock, from_iso, local
from booth_pos.model import Day, KnownError
from booth_pos.services import anchors, journal
from booth_pos.store import Store, StoreError, open_store
from booth_pos.store.backup import online_copy
from booth_pos.workers import SerialWorker

log = logging.getLogger(__name__)

#: How many backups of each kind a folder keeps (None: all). Periodic ones cover the last
#: six hours at the default 30 minutes; day closes cover a five-day fair twice.
KEEP: dict[str, int | None] = {"auto": 12, "close": 10, "safety": 10, "manual": None}
SUFFIXES = (".sqlite", ".sqlite3", ".db", ".bak")
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z]+)(?:-(?P<n>\d+))?\.sqlite$"
)


class BackupError(KnownError):
    """A backup or restore that could not be done; the database is as it was."""


@dataclass(frozen=True)
class Outcome:
    """How an automatic backup went, for the window or the command line to tell.

    Attributes:
        kind: ``close`` or ``auto``.
        path: the backup written, or None when it failed.
        error: what went wrong, or None.
    """

    kind: str
    path: Path | None = None
    error: KnownError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def backup_folder(store: Store) -> Path:
    """Where automatic backups go: the configured folder, else ``backups/`` by the database."""
    configured = store.settings().backup_dir.strip()
    return Path(configured).expanduser() if configured else store.path.parent / "backups"


def backup(
    store: Store,
    dest: str | os.PathLike | None = None,
    *,
    clock: Clock | None = None,
    kind: str = "manual",
    keep: int | None = None,
    actor: str = "",
) -> Path:
    """Back the database up now, through SQLite's online backup API.

    Args:
        store: the open store (it may be in use: the backup reads the last commit).
        dest: a folder (created if missing; the file gets a timestamped name such as
            ``booth-20230301-210500-close.sqlite``), or a file path ending in ``.sqlite``,
            ``.sqlite3``, ``.db`` or ``.bak``. None: ``backup_folder(store)``.
        clock: for the timestamp and the audit log; default the process clock.
        kind: ``manual``, ``close``, ``auto`` or ``safety``; names and rotates the file.
        keep: keep only the newest ``keep`` backups of this kind in the folder (None: all).
        actor: who asked, for the audit log.

    Returns:
        The backup file written.

    Raises:
        BackupError: the destination cannot be written (full, unplugged, read-only) or is
            the database itself; nothing half-written is left under the backup's name.
    """
    clock = clock or Clock.from_env()
    now = clock.now()
    target = _target(store, Path(dest) if dest is not None else backup_folder(store), now, kind)
    partial = target.with_name(target.name + ".partial")
    try:
        store.backup.copy_to(partial)
        _fsync(partial)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except (OSError, StoreError) as exc:
        _unlink(partial)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise BackupError(
            en=f"Backup to {target.parent} failed: {reason}",
            id=f"Pencadangan ke {target.parent} gagal: {reason}",
        ) from exc
    if keep is not None:
        rotate(target.parent, store.path.stem, kind, keep)
    anchors.after_backup(store, target, kind, now)  # the chains' heads, outside the file
    head, _ = store.journal.last()
    journal.append_audit(
        store,
        actor,
        "backup",
        {"kind": kind, "path": str(target), "journal": head, "bytes": target.stat().st_size},
        now,
    )
    log.info("Backup (%s) written to %s", kind, target)
    return target


def _target(store: Store, dest: Path, now: datetime, kind: str) -> Path:
    if not re.fullmatch(r"[a-z]+", kind):
        raise ValueError(f"backup kind is lowercase letters: {kind!r}")
    dest = dest.expanduser()
    if dest.suffix.lower() in SUFFIXES and not dest.is_dir():
        if dest.exists() and dest.resolve() == store.path.resolve():
            raise BackupError(
                en="A backup cannot overwrite the database itself",
                id="Cadangan tidak boleh menimpa database itu sendiri",
            )
        folder, name = dest.parent, dest.name
        if not folder.is_dir():
            raise BackupError(en=f"No such folder: {folder}", id=f"Folder tidak ada: {folder}")
        return folder / name
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            en=f"Cannot use the backup folder {dest}: {exc.strerror or exc}",
            id=f"Folder cadangan {dest} tidak bisa dipakai: {exc.strerror or exc}",
        ) from exc
    stamp = local(now, store.settings().timezone or DEFAULT_TIMEZONE).strftime("%Y%m%d-%H%M%S")
    base = f"{store.path.stem}-{stamp}-{kind}"
    target, n = dest / f"{base}.sqlite", 1
    while target.exists() or target.with_name(target.name + ".partial").exists():
        n += 1
        target = dest / f"{base}-{n}.sqlite"
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder to sync it
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def rotate(folder: Path, stem: str, kind: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``kind`` for ``stem`` in ``folder``.

    Only files named by ``backup`` are touched. Returns the files deleted.
    """
    found = []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if m and m["stem"] == stem and m["kind"] == kind:
            found.append(((m["stamp"], int(m["n"] or 1)), path))
    found.sort()
    doomed = [path for _, path in found[: max(0, len(found) - keep)]]
    for path in doomed:
        _unlink(path)
    return doomed


# -- automatic backups ------------------------------------------------------------------------


def _automatic(store: Store, clock: Clock, kind: str) -> Outcome:
    """One automatic backup; every failure is caught, logged, audited and returned."""
    try:
        path = backup(store, backup_folder(store), clock=clock, kind=kind, keep=KEEP[kind])
    except Exception as exc:  # noqa: BLE001 - a backup must never take the till down
        error = (
            exc
            if isinstance(exc, KnownError)
            else BackupError(en=f"Backup failed: {exc}", id=f"Pencadangan gagal: {exc}")
        )
        log.error("Automatic backup (%s) failed: %s", kind, error.en, exc_info=exc)
        try:
            journal.append_audit(
                store, "", "backup_failed", {"kind": kind, "error": error.en}, clock.now()
            )
        except Exception:  # noqa: BLE001 - the database itself may be what failed
            log.exception("Could not record the failed backup in the audit log")
        return Outcome(kind, None, error)
    return Outcome(kind, path)


def after_close(store: Store, day: Day, clock: Clock) -> Outcome | None:
    """The backup taken after a day close has committed; never raises.

    Returns None (no backup) when the close is part of a bigger transaction still open
    (the demo's simulated days): what is not committed cannot be backed up.
    """
    if store.in_transaction:
        log.info("Day %s closed inside a larger transaction: no backup yet", day.business_date)
        return None
    return _automatic(store, clock, "close")


# -- what a killed backup or restore leaves behind ---------------------------------------------

#: Debris younger than this may belong to a backup running right now in another process.
DEBRIS_AGE = timedelta(minutes=10)


def clean_debris(store: Store, *, now: datetime | None = None) -> list[Path]:
    """Remove what a backup or restore killed half-way left: ``*.partial`` backups (and
    their ``-journal``) in the backup folders, ``booth-restore-*`` folders beside the
    database. Only debris older than ``DEBRIS_AGE``: a younger one may be another
    process's backup in progress. Never raises; returns what was removed.
    """
    import shutil

    cutoff = (now or datetime.now().astimezone()).timestamp() - DEBRIS_AGE.total_seconds()
    removed: list[Path] = []
    folders = {store.path.parent, store.path.parent / "backups"}
    try:
        folders.add(backup_folder(store))
    except Exception:  # noqa: BLE001 - unreadable settings must not stop the start
        log.exception("Could not read the backup folder setting")
    for folder in folders:
        try:
            found = list(folder.iterdir()) if folder.is_dir() else []
        except OSError:
            continue
        for path in found:
            try:
                if path.stat().st_mtime > cutoff:
                    continue
                if path.is_dir() and path.name.startswith("booth-restore-"):
                    shutil.rmtree(path)
                elif path.is_file() and path.name.endswith((".partial", ".partial-journal")):
                    path.unlink()
                else:
                    continue
            except OSError as exc:
                log.warning("Could not remove %s: %s", path, exc)
                continue
            removed.append(path)
            log.info("Removed what a killed backup or restore left: %s", path)
    return removed


# -- off the till's thread ---------------------------------------------------------------------

#: One backup thread for the process: backups run one at a time, never on the GUI's.
_backup_thread = SerialWorker("backup")


def _in_background(
    db_path: Path,
    kind: str,
    job: Callable[[Store], Outcome | None],
    on_done: Callable[[Outcome], None] | None,
) -> Future:
    """Run ``job`` on the backup thread with a connection of its own (never the till's: its
    audit entry must not join a sale's transaction); ``on_done`` hears the outcome there."""

    def run() -> Outcome | None:
        try:
            own = open_store(db_path)
        except KnownError as exc:
            log.error("Automatic backup (%s) could not open %s: %s", kind, db_path, exc.en)
            outcome = Outcome(kind, None, exc)
        else:
            try:
                outcome = job(own)
            finally:
                own.close()
        if outcome is not None and on_done is not None:
            try:
                on_done(outcome)
            except Exception:  # noqa: BLE001 - a listener's fault must not lose the outcome
                log.exception("on_done of a backup failed")
        return outcome

    return _backup_thread.submit(run)


def periodic_in_background(
    db_path: Path, clock: Clock, on_done: Callable[[Outcome], None] | None = None
) -> Future:
    """``periodic`` on the backup thread; the future's result is None when none was due."""
    return _in_background(Path(db_path), "auto", lambda own: periodic(own, clock), on_done)


def after_close_in_background(
    db_path: Path, clock: Clock, on_done: Callable[[Outcome], None] | None = None
) -> Future:
    """The close's backup on the backup thread (the close has committed before)."""
    return _in_background(
        Path(db_path), "close", lambda own: _automatic(own, clock, "close"), on_done
    )


def clean_debris_in_background(db_path: Path) -> Future:
    """``clean_debris`` on the backup thread (the window, a moment after it starts)."""

    def run() -> list[Path]:
        try:
            own = open_store(db_path)
        except KnownError:
            return []
        try:
            return clean_debris(own)
        finally:
            own.close()

    return _backup_thread.submit(run)


def wait_for_backups(timeout: float = 30.0) -> bool:
    """Wait until queued backups are done (the window calls it when it closes)."""
    return _backup_thread.wait(timeout)


def backup_due(store: Store, now: datetime) -> bool:
    """Whether the periodic backup should run now: cheap, for a timer ticking every minute.

    Due when ``settings.backup_minutes`` have passed since the last attempt (a failed one is
    retried after the same wait) and something was recorded since the last good backup (a
    till left idle is not backed up again and again). Two or three index seeks, no disk scan.
    """
    minutes = max(1, store.settings().backup_minutes)
    attempt = journal.last_audit(store, "backup", "backup_failed")
    if attempt is None:
        return True
    if now - from_iso(attempt.at) < timedelta(minutes=minutes):
        return False
    done = attempt if attempt.kind == "backup" else journal.last_audit(store, "backup")
    if done is None:
        return True
    try:
        recorded = json.loads(done.payload).get("journal", 0)
    except ValueError:
        return True
    if store.journal.last()[0] > recorded:
        return True
    return store.audit.any_after(done.id, except_kinds=("backup", "backup_failed"))


def periodic(store: Store, clock: Clock) -> Outcome | None:
    """The every-N-minutes backup, if due (see ``backup_due``); never raises.

    Returns:
        None when not due, else how it went (show ``outcome.error`` to the cashier).
    """
    try:
        if not backup_due(store, clock.now()):
            return None
    except Exception:  # noqa: BLE001 - asking must never take the till down
        log.exception("Could not tell whether a backup is due")
        return None
    return _automatic(store, clock, "auto")


# -- restore ----------------------------------------------------------------------------------


def restore(
    store: Store,
    src: str | os.PathLike,
    *,
    clock: Clock | None = None,
    actor: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Replace the database's contents with the backup ``src``, if ``src`` verifies.

    ``src`` is copied (it is never changed), brought to the current schema and checked with
    ``journal.verify``; one that fails is refused and nothing changes. Otherwise a safety
    backup of the current database is taken first, then SQLite's backup API writes the
    copy over the open database. The restore is recorded in the restored audit log.

    Args:
        store: the open store to replace.
        src: a backup file.
        clock: for the safety backup's name and the audit log.
        actor: who asked.
        progress: told (days verified, days in all) while the backup is checked.

    Returns:
        The safety backup of what was replaced.

    Raises:
        BackupError: ``src`` is missing, not a Booth POS database, fails verify, or the
            safety backup cannot be written.
    """
    clock = clock or Clock.from_env()
    src = Path(src).expanduser()
    if not src.is_file():
        raise BackupError(en=f"No such backup file: {src}", id=f"Berkas cadangan tidak ada: {src}")
    if src.resolve() == store.path.resolve():
        raise BackupError(
            en="That is the database itself, not a backup",
            id="Itu database-nya sendiri, bukan cadangan",
        )
    with tempfile.TemporaryDirectory(prefix="booth-restore-", dir=store.path.parent) as tmp:
        copy = Path(tmp) / "candidate.sqlite"
        try:
            online_copy(src, copy, readonly=True)
            candidate = open_store(copy)
        except (StoreError, OSError) as exc:
            raise BackupError(
                en=f"{src} is not a Booth POS backup ({exc}); nothing was restored",
                id=f"{src} bukan cadangan Booth POS ({exc}); tidak ada yang dipulihkan",
            ) from exc
        try:
            checked = journal.verify(candidate, progress=progress)
            if not checked.ok:
                raise BackupError(
                    en=f"{src} fails verify: {checked.first}; nothing was restored",
                    id=f"{src} gagal diverifikasi: {checked.first}; tidak ada yang dipulihkan",
                )
            safety = backup(
                store,
                backup_folder(store),
                clock=clock,
                kind="safety",
                keep=KEEP["safety"],
                actor=actor,
            )
            try:
                store.backup.replace_with(candidate)
            except StoreError as exc:
                raise BackupError(
                    en=f"Restore failed: {exc}; the database is unchanged (safety backup {safety})",
                    id=f"Pemulihan gagal: {exc}; database tidak berubah (cadangan {safety})",
                ) from exc
        finally:
            candidate.close()
    store.forget_cached()
    journal.append_audit(
        store, actor, "restore", {"from": str(src), "safety_backup": str(safety)}, clock.now()
    )
    log.info("Restored %s (safety backup %s)", src, safety)
    return safety
