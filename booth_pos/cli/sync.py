"""``booth-pos sync export|import|serve|pair|push``: bundles between the tills of one stand
(issues 13 and 15: on a USB stick, or over the stand's network).

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
    if args.sync_command in ("serve", "pair", "push"):
        return _lan(store, clock, args)
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


def _lan(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import lan

    if args.sync_command == "pair":
        code = lan.pairing_code(store, renew=args.new)
        print_json({"code": lan.shown_code(code), "stand_id": store.stand_id()})
        return EXIT_OK
    if args.sync_command == "serve":
        return _serve(store, clock, args)
    settings = store.settings()
    url = args.url or settings.sync_url
    code = args.code or settings.sync_code
    if not url or not code:
        raise lan.LanError(
            en="Give the main till's address and pairing code: booth-pos sync push URL "
            "--code CODE (or settings sync_url and sync_code)",
            id="Beri alamat dan kode pasangan kasir utama: booth-pos sync push URL --code KODE "
            "(atau pengaturan sync_url dan sync_code)",
        )
    url, code = lan.normal_url(url), lan.normal_code(code)
    done = lan.push(store, url, code, at=clock.now, deadline=_deadline(lan))
    lan.remember(store, url, code)  # it worked: the window pushes there from now on
    got = done.received
    print_json(
        {
            "url": done.url,
            "sent": done.sent,
            "received": None
            if got is None
            else {
                "from": got.till,
                "changed": got.changed,
                "entries": got.entries,
                "moves": got.moves,
                "catalogue": got.catalogue,
                "joined": got.joined,
            },
            "joined": done.joined,
        }
    )
    return EXIT_OK


def _deadline(lan):
    import time

    seconds = lan.env_timeout()
    return time.monotonic() + seconds if seconds else None


def _serve(store: Store, clock: Clock, args) -> int:
    import signal
    import sys

    from booth_pos.services import lan, lan_server

    code = lan.pairing_code(store)  # refuses on a till that is not the main till
    try:
        server, app = lan_server.make_server(store.path, clock, args.host, args.port)
    except (OSError, OverflowError, ValueError) as exc:  # the port is taken, or no such address
        why = getattr(exc, "strerror", None) or str(exc)
        raise lan.LanError(
            en=f"Cannot serve on {args.host}:{args.port}: {why}",
            id=f"Tidak bisa melayani di {args.host}:{args.port}: {why}",
        ) from None
    port = server.effective_port
    print_json(
        {
            "stand_id": store.stand_id(),
            "till": store.settings().till,
            "port": port,
            "urls": lan.main_till_url(port, args.host),
            "code": lan.shown_code(code),
        }
    )
    sys.stdout.flush()

    def stop(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        app.close()
    return EXIT_OK
