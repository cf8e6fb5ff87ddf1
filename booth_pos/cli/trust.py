"""Commands that keep the stand's records trustworthy: verify, backup, restore (issue 6)."""

from __future__ import annotations

import json
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


def cmd_backup(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import backup

    if args.keep is not None and args.keep < 1:
        raise Refused(en="--keep must be at least 1", id="--keep minimal 1")
    print(backup.backup(store, args.dest, clock=clock, keep=args.keep, actor=CLI_ACTOR))
    return EXIT_OK


def cmd_restore(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import backup

    with Progress("restore: verify", args) as progress:
        safety = backup.restore(store, args.src, clock=clock, actor=CLI_ACTOR, progress=progress)
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
