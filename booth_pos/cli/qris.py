"""``booth-pos qris --amount AMOUNT [--slip]``: the stand's QRIS with an amount filled in."""

from __future__ import annotations

import sys

from booth_pos.cli.output import EXIT_OK, Refused
from booth_pos.clock import Clock
from booth_pos.money import MoneyError, parse_rupiah
from booth_pos.services import qris
from booth_pos.services import settings as settings_service
from booth_pos.store import Store


def cmd_qris(store: Store, clock: Clock, args) -> int:
    """Print the payload (and with ``--slip`` print the QR slip on the receipt printer)."""
    try:
        amount = parse_rupiah(args.amount)
    except MoneyError as exc:
        raise Refused(en=f"--amount: {exc}", id=f"--amount: {exc.text('id')}") from None
    settings = settings_service.current(store)
    payload = qris.payload_for(settings, amount)
    if args.slip:
        from booth_pos.printing.qr_slip import print_slip

        db_path = settings_service.data_path(store)
        where = print_slip(payload, amount, settings, db_path=db_path)
        print(f"booth-pos: QRIS slip printed: {where}", file=sys.stderr)
    print(payload)
    return EXIT_OK
