"""The ``booth-pos`` command: a thin layer over the services. Never imports Qt.

``main`` parses the arguments (``parser.py``) and runs the command's handler from
``COMMANDS``; each area's handlers live in their own module, what they print in
``output.py``. Exit codes: 0 done, 1 refused input (message on stderr, nothing written),
2 usage.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from booth_pos.cli.output import EXIT_OK, EXIT_REFUSED, error_text
from booth_pos.cli.parser import build_parser, check_args
from booth_pos.clock import Clock, ClockError
from booth_pos.model import KnownError
from booth_pos.store import Store, default_db_path, open_store

__all__ = ["COMMANDS", "build_parser", "main"]


def commands() -> dict[str, Callable[[Store, Clock, argparse.Namespace], int]]:
    """Each command's handler, by name (imported when a command runs: opening the window
    needs none of them)."""
    from booth_pos.cli.catalogue import (
        cmd_artisan,
        cmd_catalog,
        cmd_demo,
        cmd_import,
        cmd_labels,
        cmd_product,
        cmd_products,
    )
    from booth_pos.cli.central import cmd_central
    from booth_pos.cli.corrections import cmd_receipt, cmd_refund, cmd_void
    from booth_pos.cli.qris import cmd_qris
    from booth_pos.cli.quotes import cmd_order, cmd_quote
    from booth_pos.cli.reports import cmd_report
    from booth_pos.cli.selling import cmd_day, cmd_sell
    from booth_pos.cli.settings import cmd_settings
    from booth_pos.cli.staff import cmd_staff
    from booth_pos.cli.stock import cmd_payout, cmd_stock
    from booth_pos.cli.sync import cmd_sync
    from booth_pos.cli.trust import cmd_audit, cmd_backup, cmd_restore, cmd_verify

    return {
        "import": cmd_import,
        "products": cmd_products,
        "artisan": cmd_artisan,
        "product": cmd_product,
        "demo": cmd_demo,
        "day": cmd_day,
        "report": cmd_report,
        "sell": cmd_sell,
        "staff": cmd_staff,
        "void": cmd_void,
        "refund": cmd_refund,
        "receipt": cmd_receipt,
        "labels": cmd_labels,
        "catalog": cmd_catalog,
        "verify": cmd_verify,
        "audit": cmd_audit,
        "backup": cmd_backup,
        "restore": cmd_restore,
        "stock": cmd_stock,
        "payout": cmd_payout,
        "settings": cmd_settings,
        "sync": cmd_sync,
        "qris": cmd_qris,
        "central": cmd_central,
        "quote": cmd_quote,
        "order": cmd_order,
    }


def __getattr__(name: str):
    if name == "COMMANDS":  # ``from booth_pos.cli import COMMANDS`` (the docs' test)
        return commands()
    raise AttributeError(name)


def _window_args(argv: list[str]) -> argparse.Namespace | None:
    """``--db``/``--lang`` and no command: the window, without building every command's
    parser (~20 ms of the till's start). Anything else goes to the full parser."""
    if any(a in ("-h", "--help") or a.startswith("-h") for a in argv):
        return None
    quick = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    quick.add_argument("--db", type=Path)
    quick.add_argument("--lang", choices=("id", "en"))
    try:
        args, rest = quick.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):
        return None
    return None if rest else args


def main(argv: list[str] | None = None) -> int:
    window = _window_args(sys.argv[1:] if argv is None else argv)
    if window is None:
        args = build_parser().parse_args(argv)
        check_args(args)
    from booth_pos import files, logs

    files.private_umask()  # a safety net: the doors set 0600/0700 themselves

    logs.setup()  # warnings and errors also reach the support log (stderr shows them too)
    if window is not None or args.command is None:
        from booth_pos.app import main as run_window  # the only path that loads Qt

        args = window or args
        return run_window(db_path=args.db or default_db_path(), lang=args.lang)
    if args.command == "self-test":  # its own fresh stand: never opens --db
        return _self_test(args)
    if args.command == "central" and args.central_command != "push":  # the office: no till
        return _office(args)
    try:
        clock = Clock.from_env()
        store = open_store(args.db or default_db_path(), existing=_reads_only(args))
    except (KnownError, ClockError) as exc:
        _refused(exc, args)
        return EXIT_REFUSED
    handler = commands()[args.command]
    if not _reads_only(args):  # what a killed backup or restore left behind goes now
        from booth_pos.services import backup

        backup.clean_debris(store)
    try:
        return handler(store, clock, args)
    except BrokenPipeError:  # `booth-pos products --json | head` closed our output early
        sys.stderr.close()
        return EXIT_OK
    except KnownError as exc:
        _refused(exc, args)
        return EXIT_REFUSED
    finally:
        store.close()


def _office(args) -> int:
    """``central init|report``: the office's PostgreSQL only, no till file opened."""
    from booth_pos.cli.central import cmd_office

    try:
        return cmd_office(args)
    except KnownError as exc:
        _refused(exc, args)
        return EXIT_REFUSED


def _self_test(args) -> int:
    """``booth-pos self-test``: the window rings one sale on a throwaway demo stand; prints
    what it did as JSON (exit 0), or one line saying which step failed (exit 1)."""
    import json
    import shutil
    import tempfile

    from booth_pos import app

    if app.no_display():
        print("booth-pos: no display found; set QT_QPA_PLATFORM=offscreen", file=sys.stderr)
        return EXIT_REFUSED
    folder = args.folder or Path(tempfile.mkdtemp(prefix="booth-pos-self-test-"))
    try:
        result = app.self_test(folder, args.lang or "id")
    except (KnownError, ClockError) as exc:
        _refused(exc, args)
        return EXIT_REFUSED
    finally:
        if args.folder is None:
            from booth_pos import printing

            printing.wait_for_printing(10)
            shutil.rmtree(folder, ignore_errors=True)
    if args.folder is None:
        result["receipt_pdf"] = None  # printed and checked, then gone with its folder
    print(json.dumps(result, ensure_ascii=False))
    return EXIT_OK


#: Commands that only read: they never create a database (a typo in --db is refused).
READ_ONLY = {"products", "report", "verify", "receipt", "audit", "qris"}


def _reads_only(args) -> bool:
    if args.command == "staff":
        return getattr(args, "staff_command", "") == "list"
    if args.command == "stock":
        return getattr(args, "stock_command", "") == "ledger"
    if args.command == "settings":
        return getattr(args, "settings_command", "") == "show"
    if args.command == "central":  # a push only reads the till's file
        return True
    return args.command in READ_ONLY


def _refused(exc: Exception, args) -> None:
    """One line on stderr; a file that cannot be used (full, locked...) also goes to the
    support log, bad input does not (it is the person's to fix, not support's)."""
    from booth_pos.store import StoreError

    print(f"booth-pos: {error_text(exc, args)}", file=sys.stderr)
    if isinstance(exc, StoreError):
        logging.getLogger("booth_pos.cli").error("%s: %s", args.command, exc.en)


if os.name == "nt":  # pragma: no cover - keep Indonesian text readable in a Windows console
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
