"""Commands at the till: sell, and day open / close / status."""

from __future__ import annotations

import logging
import sys

from booth_pos.cli.output import EXIT_OK, Refused, print_json, sale_json
from booth_pos.cli.staff import read_pin
from booth_pos.clock import Clock
from booth_pos.model import Cart, CartError, Method, Tender
from booth_pos.money import MoneyError, format_rupiah, parse_rupiah
from booth_pos.store import Store


def cmd_sell(store: Store, clock: Clock, args) -> int:
    """Ring up a sale; once staff exist, as a signed-in cashier (PIN) with approvals."""
    from booth_pos.services import days, selling, staff
    from booth_pos.services.selling import BlockerKind

    # Refused before the PIN is asked or a day opened: nothing is written for a typo.
    origin = selling.check_origin(store.settings(), args.origin)
    cart = Cart(cashier=args.cashier.strip(), origin=origin)
    for item in args.items:
        selling.add(store, cart, item)
    for spec in args.open_lines:  # after the ITEMs, in the order given
        artisan, price, name = open_spec(spec)
        try:
            selling.add_open(store, cart, artisan, price, name)
        except CartError as exc:  # say which --open, there may be several
            shown = spec if len(spec) <= 60 else spec[:60] + "..."
            raise Refused(
                en=f"--open {shown!r}: {exc.en}", id=f"--open {shown!r}: {exc.id}"
            ) from None
    if args.discount:
        cart.set_discount(args.discount)
    if staff.staff_exist(store):  # a headless sale is rung up by someone who gave a PIN
        cart.cashier = _sign_in_cashier(store, clock, cart.cashier)
    # The same checklist as the window's pay button (selling.checkout_blockers), each
    # blocker cleared the command line's way: approvals from --supervisor, a day opened.
    blockers = selling.checkout_blockers(store, cart)
    if any(b.kind is BlockerKind.APPROVAL for b in blockers):
        _approve_sale_discount(store, clock, cart, args)
        blockers = selling.checkout_blockers(store, cart)
    refusals = [b for b in blockers if b.kind is not BlockerKind.NO_DAY]
    if refusals:
        raise refusals[0]
    tenders = args.pay or [Tender(Method.CASH)]
    # Validate payment before opening a day, so a refused sale writes nothing at all.
    from booth_pos.model import due_after, settle

    total = cart.pricing().total
    due = due_after(total, settle(total, tenders))
    if due:
        raise Refused(
            en=f"Payment does not cover the total {format_rupiah(total, 'en')}: "
            f"{format_rupiah(due, 'en')} still due",
            id=f"Pembayaran kurang dari total {format_rupiah(total, 'id')}: "
            f"masih kurang {format_rupiah(due, 'id')}",
        )
    if any(b.kind is BlockerKind.NO_DAY for b in blockers):
        day = days.open_day(store, clock, 0)
        print(f"booth-pos: opened business day {day.business_date} with float 0", file=sys.stderr)
    sale = selling.complete(store, cart, tenders, clock)
    print_json(sale_json(sale))
    if not args.no_print:
        _print_receipt(store, sale, args)
    return EXIT_OK


def open_spec(spec: str) -> tuple[str, int, str]:
    """``--open ARTISAN:PRICE[:NAME]`` as (artisan code, price, name); NAME may hold ":".

    PRICE is read as the import reads prices (``175000``, ``Rp 175.000``); the artisan and
    the name are checked by ``selling.add_open``.

    Raises:
        Refused: no artisan or no price, or a price that is not a whole rupiah amount.
    """
    artisan, _, rest = spec.partition(":")
    price_text, _, name = rest.partition(":")
    shown = spec if len(spec) <= 60 else spec[:60] + "..."
    if not artisan.strip() or not price_text.strip():
        raise Refused(
            en=f"--open {shown!r}: give ARTISAN:PRICE[:NAME], e.g. ECO:175000:Tas kecil",
            id=f"--open {shown!r}: tulis PENGRAJIN:HARGA[:NAMA], mis. ECO:175000:Tas kecil",
        )
    try:
        price = parse_rupiah(price_text, allow_zero=True, allow_negative=True)
    except MoneyError:
        price_shown = price_text.strip()[:40]
        raise Refused(
            en=f"--open {shown!r}: {price_shown!r} is not a price in whole rupiah "
            "(e.g. 175000 or Rp 175.000)",
            id=f"--open {shown!r}: {price_shown!r} bukan harga dalam rupiah utuh "
            "(mis. 175000 atau Rp 175.000)",
        ) from None
    return artisan.strip(), price, name


def _print_receipt(store: Store, sale, args) -> None:
    """Print a committed sale's receipt; a failure is a warning, never a lost sale."""
    from booth_pos.printing import as_printer_error, printer_from_settings

    settings = store.settings()
    try:
        printer = printer_from_settings(settings, db_path=store.path)
        printer.print_receipt(sale, settings, artisans=store.artisans.all())
    except Exception as exc:  # noqa: BLE001 - the sale is committed whatever happens here
        error = as_printer_error(exc)
        logging.getLogger(__name__).warning("Receipt %s not printed: %s", sale.receipt_no, error.en)
        sys.stdout.flush()
        print(
            f"booth-pos: warning: receipt {sale.receipt_no} was not printed: "
            f"{error.text(args.lang or 'en')} "
            f"(booth-pos receipt {sale.receipt_no} --pdf FILE writes it again)",
            file=sys.stderr,
        )


def _sign_in_cashier(store: Store, clock: Clock, name: str) -> str:
    """With staff accounts, a headless sale is rung up by a named cashier who gives a PIN."""
    from booth_pos.services import staff

    if not name:
        raise Refused(
            en="This stand has staff accounts: give --cashier NAME (PIN in BOOTH_POS_PIN)",
            id="Stan ini memakai akun staf: isi --cashier NAMA (PIN di BOOTH_POS_PIN)",
        )
    pin = read_pin("BOOTH_POS_PIN", f"PIN {name}: ")
    return staff.sign_in(store, name, pin, clock).name


def _approve_sale_discount(store: Store, clock: Clock, cart: Cart, args) -> None:
    """A discount above the threshold, approved by --supervisor with a --reason."""
    from booth_pos.services import approvals

    if not args.supervisor.strip() or not args.reason.strip():
        missing = approvals.needs_approval(store, cart)[0]
        raise Refused(
            en=f"{missing.en} (give --supervisor NAME --reason TEXT)",
            id=f"{missing.id} (isi --supervisor NAMA --reason TEKS)",
        )
    discount = cart.discount
    cart.set_discount(None)
    pin = read_pin("BOOTH_POS_SUPERVISOR_PIN", f"PIN supervisor {args.supervisor.strip()}: ")
    approvals.approve_discount(
        store,
        cart,
        discount,
        supervisor=args.supervisor.strip(),
        pin=pin,
        reason=args.reason,
        clock=clock,
    )
    still = approvals.needs_approval(store, cart)
    if still:
        raise still[0]


def cmd_day(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import days

    lang = args.lang or "en"
    if args.day_command == "open":
        day = days.open_day(store, clock, args.opening_float)
        print_json({"day": day.business_date.isoformat(), "float": day.opening_float})
    elif args.day_command == "close":
        from booth_pos.services import reports

        day = days.close_day(
            store, clock, args.counted, on_backup=lambda outcome: _told(outcome, lang)
        )
        report = reports.day_report(store, day.business_date, tills=False)  # own drawer
        expected = days.expected_cash(store, day)
        difference = day.counted - expected
        print_json(
            {
                "day": day.business_date.isoformat(),
                "z_no": day.z_no,
                "float": day.opening_float,
                "cash_received": report.cash.received,
                "cash_refunds": report.cash.refunds,
                "cash_payouts": report.cash.payouts,
                "expected": expected,
                "counted": day.counted,
                "difference": difference,
                "sales": report.sales,
                "net": report.net,
            }
        )
        if difference:
            word = "SHORT" if difference < 0 else "OVER"
            print(
                f"booth-pos: Z {day.z_no}: cash {word} by {format_rupiah(abs(difference), lang)}",
                file=sys.stderr,
            )
    else:
        day = days.current_day(store)
        if day is None:
            print("no business day is open")
        else:
            expected = format_rupiah(days.expected_cash(store, day), lang)
            print(f"open: {day.business_date}, expected cash {expected}")
    return EXIT_OK


def _told(outcome, lang: str) -> None:
    """Say where the automatic backup went, or warn that it failed (the close stands)."""
    if outcome.ok:
        print(f"booth-pos: backup written to {outcome.path}", file=sys.stderr)
    else:
        print(
            f"booth-pos: warning: {outcome.error.text(lang)} (the day is closed all the same; "
            "run booth-pos backup DEST)",
            file=sys.stderr,
        )
