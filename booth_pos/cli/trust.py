"""Commands that keep the stand's records trustworthy: verify, backup, restore (issue 6)."""

from __future__ import annotations

import json
import os
import sys

from booth_pos.cli.output import CLI_ACTOR, EXIT_OK, EXIT_REFUSED, Progress, Refused, print_json
from booth_pos.clock import Clock
from booth_pos.store import Store


def cmd_verify(store: Store, clock: Clock, args) -> int:
    """Check the database; exit 1 naming the first entry or row that does not hold."""
    from booth_pos.services import anchors, journal

    with Progress("verify", args) as progress:
        result = journal.verify(store, progress=progress, anchors=anchors.find(store))
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "journal": result.journal,
                "audit": result.audit,
                "sales": result.sales,
                "corrections": result.corrections,
                "days": result.days,
                "anchors": result.anchors,
                "superseded": result.superseded,
                "problems": [str(p) for p in result.problems],
            }
        )
    if result.ok:
        if not args.json:
            print(f"verified: {result.summary()}; everything holds")
        return EXIT_OK
    print(f"booth-pos: verify FAILED: {result.first}", file=sys.stderr)
    for problem in result.problems[1:10]:
        print(f"booth-pos:   also: {problem}", file=sys.stderr)
    return EXIT_REFUSED


#: Where a script gives the passphrase of an encrypted backup (a person types it).
PASSPHRASE_ENV = "BOOTH_POS_PASSPHRASE"


def read_passphrase(prompt: str, *, twice: bool = False) -> str:
    """The passphrase from ``BOOTH_POS_PASSPHRASE``, else asked on the terminal (never an
    argument: it would stay in the shell's history and in the process list)."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise Refused(
            en=f"No passphrase: set {PASSPHRASE_ENV} or run the command in a terminal",
            id=f"Frasa sandi belum ada: isi {PASSPHRASE_ENV} atau jalankan perintah di terminal",
        )
    import getpass

    try:
        passphrase = getpass.getpass(prompt)
        if twice and getpass.getpass("Again / Ulangi: ") != passphrase:
            raise Refused(en="The two passphrases differ", id="Kedua frasa sandi berbeda")
    except (EOFError, KeyboardInterrupt):
        raise Refused(en="No passphrase given", id="Frasa sandi tidak diisi") from None
    return passphrase


def cmd_backup(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import backup, encryption

    if args.keep is not None and args.keep < 1:
        raise Refused(en="--keep must be at least 1", id="--keep minimal 1")
    passphrase = None
    if args.encrypt:
        passphrase = encryption.check_passphrase(
            read_passphrase("Passphrase for the backup / Frasa sandi cadangan: ", twice=True)
        )
    written = backup.backup(
        store, args.dest, clock=clock, keep=args.keep, actor=CLI_ACTOR, passphrase=passphrase
    )
    print(written)
    return EXIT_OK


def cmd_restore(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import backup, encryption

    passphrase = None
    if encryption.is_encrypted(args.src):
        passphrase = read_passphrase(f"Passphrase of {args.src} / Frasa sandi: ")
    try:
        with Progress("restore: verify", args) as progress:
            safety = backup.restore(
                store,
                args.src,
                force=args.force,
                passphrase=passphrase,
                clock=clock,
                actor=CLI_ACTOR,
                progress=progress,
            )
    except backup.RestoreNeedsConfirmation as exc:
        raise Refused(
            en=f"{exc.en}. Nothing was restored; to restore it anyway: booth-pos restore "
            f"--force {args.src} (the database as it is is kept in a safety backup)",
            id=f"{exc.id}. Tidak ada yang dipulihkan; untuk tetap memulihkannya: booth-pos "
            f"restore --force {args.src} (database saat ini disimpan di cadangan pengaman)",
        ) from exc
    print(
        f"booth-pos: restored {args.src}; the database as it was is kept in {safety}",
        file=sys.stderr,
    )
    print(store.path)
    return EXIT_OK


def cmd_audit(store: Store, clock: Clock, args) -> int:
    """The audit log, oldest first: every entry, or those of ``--kind`` since ``--since``."""
    from booth_pos.clock import ClockError, parse_instant
    from booth_pos.services import journal

    since = None
    if args.since:
        try:
            since = parse_instant(args.since)
        except ClockError as exc:
            raise Refused(
                en=f"--since takes an ISO 8601 time such as 2023-03-01T10:00:00+07:00 ({exc})",
                id=f"--since perlu waktu ISO 8601 seperti 2023-03-01T10:00:00+07:00 ({exc})",
            ) from exc
    entries = journal.audit_entries(store, kinds=args.kind, since=since)
    if args.json:
        print_json(entries)
        return EXIT_OK
    for e in entries:
        detail = json.dumps(e["detail"], ensure_ascii=False, sort_keys=True)
        print(f"{e['at']}  {e['kind']:<14} {e['actor'] or '-':<12} {detail}")
    return EXIT_OK
