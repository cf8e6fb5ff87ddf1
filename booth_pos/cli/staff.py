"""Staff accounts from the command line, and the one way a PIN is read.

A PIN never comes from the command line (shell history, ps): it is read from an
environment variable, or asked on the terminal without echo.
"""

from __future__ import annotations

import os
import sys

from booth_pos.cli.output import EXIT_OK, Refused, print_json
from booth_pos.clock import Clock
from booth_pos.store import Store


def read_pin(env: str, prompt: str, *, twice: bool = False) -> str:
    """A PIN from ``env``, else typed at the terminal without echo (never an argument)."""
    value = os.environ.get(env)
    if value is not None:
        return value.strip()
    if not sys.stdin.isatty():
        raise Refused(
            en=f"No PIN: set {env} or run the command in a terminal",
            id=f"PIN belum ada: isi {env} atau jalankan perintah di terminal",
        )
    import getpass

    try:
        pin = getpass.getpass(prompt)
        if twice and getpass.getpass("Again / Ulangi: ") != pin:
            raise Refused(en="The two PINs differ", id="Kedua PIN berbeda")
    except (EOFError, KeyboardInterrupt):
        raise Refused(en="No PIN given", id="PIN tidak diisi") from None
    return pin.strip()


def cmd_staff(store: Store, clock: Clock, args) -> int:
    """Add a staff account (PINs read safely) or list them."""
    from booth_pos.clock import local
    from booth_pos.services import staff

    if args.staff_command == "list":
        people = staff.list_staff(store)
        tz = store.settings().timezone
        rows = []
        for s in people:
            end = staff.locked_until(s)  # by the real clock, never BOOTH_POS_NOW
            rows.append(
                {
                    "name": s.name,
                    "role": str(s.role),
                    "locked_until": local(end, tz).isoformat(timespec="minutes") if end else None,
                }
            )
        if args.json:
            print_json(rows)
            return EXIT_OK
        for r in rows:
            lock = f"  locked until {r['locked_until']}" if r["locked_until"] else ""
            print(f"{r['name']:<28} {r['role']:<10}{lock}")
        print(f"{len(rows)} staff" if rows else "no staff accounts: the till runs unlocked")
        return EXIT_OK
    existing = staff.staff_exist(store)
    if existing and not args.supervisor.strip():
        raise Refused(
            en="A supervisor must approve a new account: give --supervisor NAME "
            "(PIN in BOOTH_POS_SUPERVISOR_PIN)",
            id="Akun baru harus disetujui supervisor: isi --supervisor NAMA "
            "(PIN di BOOTH_POS_SUPERVISOR_PIN)",
        )
    name = staff.check_name(args.name)
    pin = staff.check_pin_format(read_pin("BOOTH_POS_PIN", f"New PIN for {name}: ", twice=True))
    supervisor_pin = ""
    if existing:
        supervisor_pin = read_pin(
            "BOOTH_POS_SUPERVISOR_PIN", f"PIN supervisor {args.supervisor.strip()}: "
        )
    added = staff.add_staff(
        store,
        name,
        args.role,
        pin,
        clock,
        supervisor=args.supervisor.strip(),
        supervisor_pin=supervisor_pin,
    )
    print(f"added {added.name} ({added.role})")
    return EXIT_OK
