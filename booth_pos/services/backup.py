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

import dataclasses
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
from booth_pos.files import create_private, make_dirs
from booth_pos.model import Day, KnownError
from booth_pos.services import anchors, encryption, journal
from booth_pos.store import Store, StoreError, open_store
from booth_pos.store.backup import online_copy
from booth_pos.workers import SerialWorker

log = logging.getLogger(__name__)

#: How many backups of each kind a folder keeps (None: all). Periodic ones cover the last
#: six hours at the default 30 minutes; day closes cover a five-day fair twice.
KEEP: dict[str, int | None] = {"auto": 12, "close": 10, "safety": 10, "manual": None}
SUFFIXES = (".sqlite", ".sqlite3", ".db", ".bak")
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z]+)(?:-(?P<n>\d+))?\.sqlite(?:\.enc)?$"
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
    passphrase: str | None = None,
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
        passphrase: encrypt the backup with it (``services.encryption``; the name ends in
            ``.enc``); the plain copy exists only in a 0700 folder beside the database.

    Returns:
        The backup file written.

    Raises:
        BackupError: the destination cannot be written (full, unplugged, read-only) or is
            the database itself; nothing half-written is left under the backup's name.
        EncryptionError: the passphrase is too short.
    """
    if passphrase is not None:
        encryption.check_passphrase(passphrase)
    clock = clock or Clock.from_env()
    now = clock.now()
    dest = Path(dest) if dest is not None else backup_folder(store)
    target = _target(store, dest, now, kind, encrypted=passphrase is not None)
    partial = target.with_name(target.name + ".partial")
    try:
        if passphrase is None:
            store.backup.copy_to(partial)
        else:
            _encrypted_copy(store, partial, passphrase)
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
        {
            "kind": kind,
            "path": str(target),
            "journal": head,
            "bytes": target.stat().st_size,
            "encrypted": passphrase is not None,
        },
        now,
    )
    log.info("Backup (%s) written to %s", kind, target)
    return target


def _encrypted_copy(store: Store, dest: Path, passphrase: str) -> None:
    """An online copy encrypted into ``dest``; the plain copy lives only in a 0700 folder
    beside the database (never on the stick) and goes at once (or at the next start)."""
    with tempfile.TemporaryDirectory(prefix="booth-encrypt-", dir=store.path.parent) as tmp:
        plain = Path(tmp) / "plain.sqlite"
        store.backup.copy_to(plain)
        encryption.encrypt_file(plain, dest, passphrase)


def _target(store: Store, dest: Path, now: datetime, kind: str, *, encrypted: bool) -> Path:
    if not re.fullmatch(r"[a-z]+", kind):
        raise ValueError(f"backup kind is lowercase letters: {kind!r}")
    dest = dest.expanduser()
    named = dest.suffix.lower() in SUFFIXES or (
        encrypted and dest.suffix.lower() == encryption.SUFFIX
    )
    if named and not dest.is_dir():
        if dest.exists() and dest.resolve() == store.path.resolve():
            raise BackupError(
                en="A backup cannot overwrite the database itself",
                id="Cadangan tidak boleh menimpa database itu sendiri",
            )
        folder, name = dest.parent, dest.name
        if encrypted and not name.lower().endswith(encryption.SUFFIX):
            name += encryption.SUFFIX  # the name says what it is: booth.sqlite.enc
        if not folder.is_dir():
            raise BackupError(en=f"No such folder: {folder}", id=f"Folder tidak ada: {folder}")
        return folder / name
    try:
        make_dirs(dest)  # a folder it creates is the owner's only (0700)
    except OSError as exc:
        raise BackupError(
            en=f"Cannot use the backup folder {dest}: {exc.strerror or exc}",
            id=f"Folder cadangan {dest} tidak bisa dipakai: {exc.strerror or exc}",
        ) from exc
    stamp = local(now, store.settings().timezone or DEFAULT_TIMEZONE).strftime("%Y%m%d-%H%M%S")
    base = f"{store.path.stem}-{stamp}-{kind}"
    ext = ".sqlite" + (encryption.SUFFIX if encrypted else "")
    target, n = dest / f"{base}{ext}", 1
    while target.exists() or target.with_name(target.name + ".partial").exists():
        n += 1
        target = dest / f"{base}-{n}{ext}"
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
    their ``-journal``) in the backup folders, ``booth-restore-*`` and ``booth-encrypt-*``
    folders (their plain copies) beside the database. Only debris older than
    ``DEBRIS_AGE``: a younger one may be another process's backup in progress.
    Never raises; returns what was removed.
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
                if path.is_dir() and path.name.startswith(("booth-restore-", "booth-encrypt-")):
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


class RestoreRefused(BackupError):
    """A file that must never replace this stand's database; ``--force`` changes nothing."""


class RestoreNeedsConfirmation(BackupError):
    """A backup that may be restored, but only when a person says so: it would lose what the
    database recorded since (fewer sales, a journal that does not continue), the database
    cannot be read to compare, or the backup is another stand's over an empty database.

    The command line answers with ``--force``, the window with a dialog defaulting to No.

    Attributes:
        check: what the backup and the database hold (the counts to show).
    """

    def __init__(self, check: BackupCheck):
        en, id_ = check.reason()
        super().__init__(en=en, id=id_)
        self.check = check


@dataclass(frozen=True)
class BackupCheck:
    """What a backup holds beside what the database holds, and whether it may replace it.

    Attributes:
        src: the backup file.
        encrypted: whether it is an encrypted backup (decrypted for the check).
        version: its schema version as it was written (before any migration).
        live_version: the database's schema version.
        stand_id, live_stand_id: the stands each belongs to ("" when it has none).
        sales, live_sales: how many sales each holds.
        journal, live_journal: how many journal entries each holds.
        extends: the backup's journal continues the database's (the same first entries,
            as many or more) and it holds as many sales or more: restoring loses nothing.
        live_error: why the database cannot be read (then nothing could be compared).
        problems: why the file is refused (nothing overrides them); empty if restorable.
        verified: whether ``verify`` passed on it (None: not checked yet).
    """

    src: Path
    encrypted: bool = False
    version: int = 0
    live_version: int = 0
    stand_id: str = ""
    live_stand_id: str = ""
    sales: int = 0
    live_sales: int = 0
    journal: int = 0
    live_journal: int = 0
    live_head: str = ""
    extends: bool = False
    live_error: KnownError | None = None
    problems: tuple[KnownError, ...] = ()
    verified: bool | None = None

    @property
    def ok(self) -> bool:
        """Nothing refuses it (it may still need a confirmation)."""
        return not self.problems

    @property
    def live_readable(self) -> bool:
        return self.live_error is None

    @property
    def other_stand(self) -> bool:
        """Another stand's backup (allowed only over a database that recorded nothing)."""
        return self.live_readable and self.stand_id != self.live_stand_id

    @property
    def needs_confirmation(self) -> bool:
        return self.ok and (not self.live_readable or self.other_stand or not self.extends)

    @property
    def lost_sales(self) -> int:
        """Sales in the database that the backup does not have."""
        return max(0, self.live_sales - self.sales) if self.live_readable else 0

    def reason(self) -> tuple[str, str]:
        """Why restoring needs a confirmation, in English and Indonesian ("" when not)."""
        from booth_pos.money import format_number

        def n(value: int, lang: str) -> str:
            return format_number(value, lang)

        def sales_en(value: int) -> str:
            return f"{n(value, 'en')} sale" + ("" if value == 1 else "s")

        if not self.live_readable:
            err = self.live_error
            return (
                f"The database here cannot be read ({err.en}), so it cannot be compared with "
                f"this backup of {n(self.sales, 'en')} sales; restoring replaces it (a copy "
                "of the damaged file is kept)",
                f"Database di sini tidak bisa dibaca ({err.id}), jadi tidak bisa dibandingkan "
                f"dengan cadangan berisi {n(self.sales, 'id')} penjualan ini; memulihkan akan "
                "menggantinya (salinan berkas yang rusak disimpan)",
            )
        if self.other_stand:
            return (
                f"This backup is of another stand ({self.stand_id[:8]}, {n(self.sales, 'en')} "
                "sales) and the database here has recorded nothing yet: restoring makes this "
                "laptop that stand",
                f"Cadangan ini milik stan lain ({self.stand_id[:8]}, {n(self.sales, 'id')} "
                "penjualan) dan database di sini belum mencatat apa pun: memulihkan menjadikan "
                "laptop ini stan itu",
            )
        if self.extends:
            return "", ""
        if self.lost_sales:
            return (
                f"This backup holds {n(self.sales, 'en')} sales, the database now "
                f"{n(self.live_sales, 'en')}: restoring it loses {sales_en(self.lost_sales)}",
                f"Backup ini berisi {n(self.sales, 'id')} penjualan, database sekarang "
                f"{n(self.live_sales, 'id')}: memulihkannya menghilangkan "
                f"{n(self.lost_sales, 'id')} penjualan",
            )
        if self.journal < self.live_journal:
            return (
                f"This backup holds {n(self.sales, 'en')} sales, the database now "
                f"{n(self.live_sales, 'en')}, but its journal ends earlier "
                f"({n(self.journal, 'en')} entries, the database's "
                f"{n(self.live_journal, 'en')}): what was recorded after it (a day close, a "
                "refund) is lost",
                f"Backup ini berisi {n(self.sales, 'id')} penjualan, database sekarang "
                f"{n(self.live_sales, 'id')}, tetapi jurnalnya berakhir lebih awal "
                f"({n(self.journal, 'id')} entri, database {n(self.live_journal, 'id')}): "
                "yang dicatat sesudahnya (tutup hari, refund) hilang",
            )
        return (
            f"This backup holds {n(self.sales, 'en')} sales, the database now "
            f"{n(self.live_sales, 'en')}, but its journal does not continue the database's: "
            "what the database recorded since they parted is lost",
            f"Backup ini berisi {n(self.sales, 'id')} penjualan, database sekarang "
            f"{n(self.live_sales, 'id')}, tetapi jurnalnya tidak melanjutkan jurnal database: "
            "yang dicatat database sejak keduanya berpisah hilang",
        )


def inspect_backup(
    store: Store,
    src: str | os.PathLike,
    *,
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackupCheck:
    """Everything ``restore`` would check, verify included, without changing anything.

    Raises:
        BackupError: ``src`` is missing or is the database itself.
        PassphraseNeeded, WrongPassphrase, EncryptionError: an encrypted backup without
            the right passphrase, or one cut short or edited.
    """
    with tempfile.TemporaryDirectory(prefix="booth-restore-", dir=store.path.parent) as tmp:
        check, candidate = _examine(store, src, Path(tmp), passphrase=passphrase)
        if candidate is None:
            return check
        try:
            checked = journal.verify(candidate, progress=progress)
        finally:
            candidate.close()
    if checked.ok:
        return dataclasses.replace(check, verified=True)
    return dataclasses.replace(
        check, verified=False, problems=(*check.problems, _fails_verify(check.src, checked))
    )


def restore(
    store: Store,
    src: str | os.PathLike,
    *,
    force: bool = False,
    passphrase: str | None = None,
    clock: Clock | None = None,
    actor: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Replace the database's contents with the backup ``src``, if it is this stand's.

    ``src`` is never changed: it is decrypted (an encrypted backup) and copied into a
    temporary folder, and the copy is checked before anything is written. Refused, whatever
    ``force`` says: a file that is not a Booth POS database (checked before it is migrated),
    one of a newer or an older schema than the database's, one whose schema differs from
    what the migrations make (an extra trigger, view or table, a guard rewritten), another
    stand's over a database that has recorded something, and one that fails ``verify``.
    Restored only with ``force`` (else ``RestoreNeedsConfirmation``): a backup whose journal
    does not continue the database's (an older one: fewer sales or entries), another
    stand's over an empty database, any backup over a database that cannot be read.

    Then a safety backup of the current database is taken (a plain copy of the file when
    it cannot be read), SQLite's backup API writes the copy over the open database, and the
    restore is recorded in the restored audit log.

    Args:
        store: the open store to replace.
        src: a backup file, plain or encrypted.
        force: restore even though it needs a confirmation.
        passphrase: for an encrypted backup.
        clock: for the safety backup's name and the audit log.
        actor: who asked.
        progress: told (days verified, days in all) while the backup is checked.

    Returns:
        The safety backup of what was replaced.

    Raises:
        RestoreRefused: see above; nothing changed.
        RestoreNeedsConfirmation: see above (``check`` holds the counts); nothing changed.
        PassphraseNeeded, WrongPassphrase, EncryptionError: an encrypted backup without the
            right passphrase, or cut short or edited; nothing changed.
        BackupError: ``src`` is missing, fails verify, or the safety backup or the restore
            itself cannot be written; nothing changed.
    """
    clock = clock or Clock.from_env()
    with tempfile.TemporaryDirectory(prefix="booth-restore-", dir=store.path.parent) as tmp:
        check, candidate = _examine(store, src, Path(tmp), passphrase=passphrase)
        try:
            if check.problems:
                raise check.problems[0]
            if check.needs_confirmation and not force:
                raise RestoreNeedsConfirmation(check)
            checked = journal.verify(candidate, progress=progress)
            if not checked.ok:
                raise _fails_verify(check.src, checked)
            safety = _safety_copy(store, clock, actor, check)
            try:
                store.backup.replace_with(candidate)
            except StoreError as exc:
                raise BackupError(
                    en=f"Restore failed: {exc}; the database is unchanged (safety backup {safety})",
                    id=f"Pemulihan gagal: {exc}; database tidak berubah (cadangan {safety})",
                ) from exc
        finally:
            if candidate is not None:
                candidate.close()
    store.forget_cached()
    journal.append_audit(
        store,
        actor,
        "restore",
        {
            "from": str(check.src),
            "safety_backup": str(safety),
            "encrypted": check.encrypted,
            "sales": check.sales,
            "sales_before": check.live_sales if check.live_readable else None,
            "confirmed": check.needs_confirmation,
        },
        clock.now(),
    )
    # Outside the file too: only a restore recorded there makes older anchors superseded
    # (a "restore" entry forged into the audit log alone does not).
    anchors.after_restore(store, clock.now())
    log.info("Restored %s (safety backup %s)", check.src, safety)
    return safety


def _examine(
    store: Store, src: str | os.PathLike, folder: Path, *, passphrase: str | None
) -> tuple[BackupCheck, Store | None]:
    """Copy ``src`` into ``folder`` and compare it with the database, short of verify.

    Returns the check and the copy opened (None when a problem was found before it could
    be opened); the caller closes it.
    """
    from booth_pos.services import encryption
    from booth_pos.store.backup import facts_of
    from booth_pos.store.migrations import latest_version

    src = Path(src).expanduser()
    if not src.is_file():
        raise BackupError(en=f"No such backup file: {src}", id=f"Berkas cadangan tidak ada: {src}")
    if src.resolve() == store.path.resolve():
        raise BackupError(
            en="That is the database itself, not a backup",
            id="Itu database-nya sendiri, bukan cadangan",
        )
    check = _live_side(store, src)
    plain = src
    if encryption.is_encrypted(src):
        check = dataclasses.replace(check, encrypted=True)
        if passphrase is None:
            raise encryption.PassphraseNeeded(
                en=f"{src} is encrypted: give its passphrase",
                id=f"{src} terenkripsi: masukkan frasa sandinya",
            )
        plain = folder / "decrypted.sqlite"
        try:
            encryption.decrypt_file(src, plain, passphrase)
        except OSError as exc:
            raise BackupError(
                en=f"Cannot decrypt {src}: {exc.strerror or exc}; nothing was restored",
                id=f"{src} tidak bisa didekripsi: {exc.strerror or exc}; tidak ada yang dipulihkan",
            ) from exc

    def refused(en: str, id_: str) -> tuple[BackupCheck, None]:
        problem = RestoreRefused(
            en=f"{src} {en}; nothing was restored", id=f"{src} {id_}; tidak ada yang dipulihkan"
        )
        return dataclasses.replace(check, problems=(problem,)), None

    copy = folder / "candidate.sqlite"
    try:
        online_copy(plain, copy, readonly=True)
        facts = facts_of(copy)  # before any migration could build a schema in it
    except (StoreError, OSError) as exc:
        return refused(f"is not a Booth POS backup ({exc})", f"bukan cadangan Booth POS ({exc})")
    finally:
        if plain != src:
            _unlink(plain)
    check = dataclasses.replace(check, version=facts.version, stand_id=facts.stand_id)
    if not facts.booth_pos or facts.version == 0:
        return refused(
            "is not a Booth POS backup (it has no Booth POS tables: an empty file or another "
            "program's database)",
            "bukan cadangan Booth POS (tidak ada tabel Booth POS: berkas kosong atau database "
            "program lain)",
        )
    if facts.version > latest_version():
        return refused(
            f"was written by a newer Booth POS (schema {facts.version}, this program knows "
            f"{latest_version()}); update the program first",
            f"dibuat oleh Booth POS yang lebih baru (skema {facts.version}, program ini "
            f"mengenal {latest_version()}); perbarui programnya dulu",
        )
    if check.live_readable and facts.version < check.live_version:
        return refused(
            f"has an older schema ({facts.version}) than the database ({check.live_version}): "
            "a restore never turns the schema back",
            f"berskema lebih lama ({facts.version}) daripada database ({check.live_version}): "
            "pemulihan tidak pernah memundurkan skema",
        )
    try:
        candidate = open_store(copy)
    except StoreError as exc:
        return refused(f"cannot be opened ({exc})", f"tidak bisa dibuka ({exc.id})")
    try:
        differences = candidate.schema_differences()
        if differences:
            candidate.close()
            listed = ", ".join(differences[:3]) + (" ..." if len(differences) > 3 else "")
            return refused(
                f"has a schema Booth POS did not make ({listed}): a changed or added trigger, "
                "view or table could rewrite prices or sales",
                f"berskema yang tidak dibuat Booth POS ({listed}): trigger, view atau tabel "
                "yang diubah atau ditambah bisa mengubah harga atau penjualan",
            )
        sales, (entries, _) = candidate.sales.count(), candidate.journal.last()
        check = dataclasses.replace(check, sales=sales, journal=entries)
        if check.other_stand and (check.live_journal or check.live_sales):
            candidate.close()
            return refused(
                f"is another stand's backup (stand {facts.stand_id[:8] or '?'}, this database "
                f"is stand {check.live_stand_id[:8]})",
                f"cadangan stan lain (stan {facts.stand_id[:8] or '?'}, database ini stan "
                f"{check.live_stand_id[:8]})",
            )
        if check.live_readable:
            continues = (
                entries >= check.live_journal
                and candidate.journal.hash_at(check.live_journal) == check.live_head
            )
            check = dataclasses.replace(check, extends=continues and sales >= check.live_sales)
    except BaseException:
        candidate.close()
        raise
    return check, candidate


def _live_side(store: Store, src: Path) -> BackupCheck:
    """What the database holds, read in one snapshot; ``live_error`` when it cannot be read
    or ``PRAGMA quick_check`` finds it damaged (a restore is rare: the seconds it takes on a
    big file buy not comparing against half a database)."""
    try:
        with store.snapshot():
            damage = store.pragma("quick_check")  # its first complaint, or "ok"
            if damage != "ok":
                raise StoreError(
                    en=f"{store.path} is damaged ({damage})",
                    id=f"{store.path} rusak ({damage})",
                    code="SQLITE_CORRUPT",
                )
            entries, head = store.journal.last()
            return BackupCheck(
                src=src,
                live_version=store.schema_version(),
                live_stand_id=store.stand_id(),
                live_sales=store.sales.count(),
                live_journal=entries,
                live_head=head,
            )
    except StoreError as exc:
        log.warning("The database %s cannot be read for a restore: %s", store.path, exc.en)
        return BackupCheck(src=src, live_error=exc)


def _fails_verify(src: Path, checked: journal.Verification) -> BackupError:
    return RestoreRefused(
        en=f"{src} fails verify: {checked.first}; nothing was restored",
        id=f"{src} gagal diverifikasi: {checked.first}; tidak ada yang dipulihkan",
    )


def _safety_copy(store: Store, clock: Clock, actor: str, check: BackupCheck) -> Path:
    """The safety backup of what a restore replaces; a plain copy of the file's bytes
    (and its ``-wal``) when the database is too damaged for SQLite's backup API."""
    try:
        return backup(
            store,
            backup_folder(store),
            clock=clock,
            kind="safety",
            keep=KEEP["safety"],
            actor=actor,
        )
    except (BackupError, StoreError):
        if check.live_readable:
            raise
    import shutil

    folder = store.path.parent / "backups"
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    try:
        make_dirs(folder)
        target = folder / f"{store.path.stem}-{stamp}-damaged.sqlite"
        for suffix in ("", "-wal"):
            source = store.path.with_name(store.path.name + suffix)
            if source.exists():
                copy = target.with_name(target.name + suffix)
                create_private(copy)
                shutil.copyfile(source, copy)
                _fsync(copy)
    except OSError as exc:
        raise BackupError(
            en=f"Cannot keep a copy of the damaged database in {folder}: "
            f"{exc.strerror or exc}; nothing was restored",
            id=f"Salinan database yang rusak tidak bisa disimpan di {folder}: "
            f"{exc.strerror or exc}; tidak ada yang dipulihkan",
        ) from exc
    log.warning("Kept the damaged database as %s before restoring", target)
    return target
