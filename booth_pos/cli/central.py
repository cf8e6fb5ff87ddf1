"""``booth-pos central init|push|report``: the council's central PostgreSQL (issue 15).

``push`` runs on a till's file (it only reads it); ``init`` and ``report`` are the office's
and open no till file at all. Each prints JSON (``report`` a table without ``--json``); a
server that cannot be reached or used is one line on stderr and exit 1.
"""

from __future__ import annotations

from booth_pos.cli.output import EXIT_OK, print_json
from booth_pos.clock import Clock
from booth_pos.money import format_number
from booth_pos.store import Store


def cmd_central(store: Store, clock: Clock, args) -> int:
    """``central push DSN``: every till's records this file holds, idempotently."""
    from booth_pos.services import central

    done = central.push(store, args.dsn)
    print_json(
        {
            "stand_id": done.stand_id,
            "event": done.event,
            "changed": done.changed,
            "entries": done.entries,
            "facts": done.facts,
            "heads": done.heads,
        }
    )
    return EXIT_OK


def cmd_office(args) -> int:
    """``central init DSN`` and ``central report DSN``: no till file needed."""
    from booth_pos.services import central

    if args.central_command == "init":
        before, now = central.init(args.dsn)
        print_json({"schema_before": before, "schema": now, "changed": before != now})
        return EXIT_OK
    first, last = args.first, args.last
    if first or last:
        from datetime import date

        first, last = first or date.min, last or date.max
    rows = central.report(args.dsn, event=args.event, first=first, last=last)
    if args.json:
        print_json(
            {
                "event": args.event,
                "from": args.first.isoformat() if args.first else None,
                "to": args.last.isoformat() if args.last else None,
                "by_artisan": rows,
                "tills": central.tills(args.dsn),
            }
        )
        return EXIT_OK
    lang = args.lang or "en"
    print(
        f"{'event':<22}{'stand':<22}{'code':<6}{'artisan':<24}{'items':>6}{'net':>14}"
        f"{'comm.%':>7}{'commission':>12}{'payout':>14}{'balance':>14}"
    )
    for r in rows:
        print(
            f"{str(r['event'])[:21]:<22}{str(r['stand'])[:21]:<22}{r['code']:<6}"
            f"{str(r['name'])[:23]:<24}{r['items']:>6}{format_number(r['net'], lang):>14}"
            f"{r['commission_percent']:>7}{format_number(r['commission'], lang):>12}"
            f"{format_number(r['payout'], lang):>14}{format_number(r['balance'], lang):>14}"
        )
    if not rows:
        print("(nothing pushed yet)" if lang == "en" else "(belum ada yang dikirim)")
    # What the office received of each till, to hold against its last printed Z report.
    for h in central.tills(args.dsn):
        z = f", last Z {h['last_z']} {h['last_z_code']}" if h["last_z"] is not None else ""
        print(f"{h['stand']} {h['till']} {h['chain']}: up to entry {h['seq']}{z}")
    return EXIT_OK
