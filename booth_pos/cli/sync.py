"""``booth-pos sync export|import``: bundles between the tills of one stand (issue 13).

Prints JSON: what the bundle holds (export) or what the import added (``changed`` false
when it knew everything already). A refused bundle is one line on stderr, exit 1, nothing
written (the refusal is a ``KnownError`` from ``services.sync``).
"""

from __future__ import annotations

from booth_pos.cli.output import EXIT_OK, print_json
from booth_pos.clock import Clock
from booth_pos.services import sync
from booth_pos.store import Store


def cmd_sync(store: Store, clock: Clock, args) -> int:
    if args.sync_command == "export":
        done = sync.export_bundle(store, args.file, since_last=args.since_last, at=clock.now())
        print_json(
            {
                "bundle": done.path,
                "till": done.till,
                "stand_id": done.stand_id,
                "entries": done.entries,
                "catalogue": done.catalogue,
            }
        )
        return EXIT_OK
    got = sync.import_bundle(store, args.file, at=clock.now())
    print_json(
        {
            "bundle": got.path,
            "from": got.till,
            "changed": got.changed,
            "entries": got.entries,
            "moves": got.moves,
            "catalogue": got.catalogue,
            "joined": got.joined,
        }
    )
    return EXIT_OK
