"""The ``booth-pos`` command: a thin layer over the services. Never imports Qt.

Exit codes: 0 done, 1 refused input (message on stderr, nothing written), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from booth_pos.clock import Clock, ClockError, zone
from booth_pos.model import Cart, Discount, KnownError, Method, Tender
from booth_pos.money import MoneyError, format_rupiah, parse_percent, parse_rupiah
from booth_pos.store import Store, default_db_path, open_store

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class Refused(KnownError):
    """Bad input found by the command line itself."""


def _amount(text: str, *, allow_zero: bool = True) -> int:
    try:
        return parse_rupiah(text, allow_zero=allow_zero)
    except MoneyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _discount(text: str) -> Discount:
    try:
        if text.strip().endswith("%"):
            return Discount("percent", parse_percent(text))
        return Discount("amount", parse_rupiah(text))
    except MoneyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _tender(text: str) -> Tender:
    method, _, amount = text.partition(":")
    try:
        m = Method(method.strip().lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown payment method {method!r}; use cash, qris, card or transfer"
        ) from None
    return Tender(m, _amount(amount, allow_zero=False) if amount.strip() else None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="booth-pos",
        description="Offline point of sale for exhibition stands. With no command, opens the till.",
    )
    parser.add_argument(
        "--db", type=Path, help="database file (default: $BOOTH_POS_DB or the user data folder)"
    )
    parser.add_argument("--lang", choices=("id", "en"), help="language of the window and messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import artisans or products from a CSV file")
    p.add_argument("kind", choices=("artisans", "products"))
    p.add_argument("file", type=Path)

    p = sub.add_parser("products", help="list products")
    p.add_argument("--json", action="store_true", help="print a JSON list")

    p = sub.add_parser("demo", help="fill an empty database with the demo stand")
    p.add_argument("--days", type=int, default=0, help="also ring up sales on N days")
    p.add_argument("--sales-per-day", type=int, default=120, metavar="M")
    p.add_argument("--seed", type=int, default=2023, help=argparse.SUPPRESS)
    p.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing (exit 0) when the database already has products",
    )

    p = sub.add_parser("day", help="open or close the business day")
    day_sub = p.add_subparsers(dest="day_command", metavar="ACTION", required=True)
    q = day_sub.add_parser("open", help="open a business day with an opening cash float")
    q.add_argument("--float", dest="opening_float", type=_amount, default=0, metavar="AMOUNT")
    q = day_sub.add_parser("close", help="close the business day with the counted cash")
    q.add_argument("--counted", type=_amount, required=True, metavar="AMOUNT")
    day_sub.add_parser("status", help="show the open day and its expected cash")

    p = sub.add_parser("report", help="end-of-day or end-of-event report per artisan")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument(
        "--day", type=_date, metavar="YYYY-MM-DD", help="default: the open or last business day"
    )
    scope.add_argument("--event", action="store_true", help="all business days of the event")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--pdf", type=Path, metavar="OUT", help="write the PDF report (with charts)")
    p.add_argument("--csv", type=Path, metavar="OUT", help="write one row per artisan as CSV")
    p.add_argument(
        "--statements",
        type=Path,
        metavar="OUT",
        help="write the artisans' end-of-event statements (a PDF page each, to sign)",
    )

    p = sub.add_parser("sell", help="ring up a sale without the window")
    p.add_argument("items", nargs="+", metavar="ITEM", help="CODE or QTY*CODE")
    p.add_argument(
        "--cashier",
        default="",
        metavar="NAME",
        help="who sells; required once staff accounts exist (PIN from $BOOTH_POS_PIN or asked)",
    )
    p.add_argument("--discount", type=_discount, metavar="AMOUNT|PERCENT%")
    p.add_argument(
        "--supervisor",
        default="",
        metavar="NAME",
        help="approves a discount above the threshold (PIN from $BOOTH_POS_SUPERVISOR_PIN)",
    )
    p.add_argument("--reason", default="", help="why the big discount (with --supervisor)")
    p.add_argument(
        "--pay",
        type=_tender,
        action="append",
        metavar="METHOD[:AMOUNT]",
        help="cash, qris, card or transfer; no amount means the rest",
    )
    p.add_argument("--origin", default="", help="customer's country code (ID, KR, FR, IN...)")
    p.add_argument(
        "--no-print", action="store_true", help="do not print the receipt after the sale"
    )

    # Staff and corrections. A PIN never comes from the command line (shell history, ps):
    # it is read from $BOOTH_POS_PIN, or asked on the terminal.
    p = sub.add_parser("staff", help="staff accounts: add one, list them")
    staff_sub = p.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    q = staff_sub.add_parser("add", help="add a cashier or supervisor (PIN asked or from env)")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--role", choices=("cashier", "supervisor"), required=True)
    q.add_argument(
        "--supervisor",
        default="",
        metavar="NAME",
        help="approves the new account once any exists (PIN from $BOOTH_POS_SUPERVISOR_PIN)",
    )
    q = staff_sub.add_parser("list", help="list staff accounts and any lockout")
    q.add_argument("--json", action="store_true", help="print a JSON list")

    p = sub.add_parser("void", help="void a sale of the open day (supervisor's PIN)")
    p.add_argument("receipt_no", metavar="RECEIPT_NO")
    p.add_argument("--reason", required=True)
    p.add_argument("--supervisor", required=True, metavar="NAME")
    p.add_argument("--no-print", action="store_true", help="do not print the void receipt")

    p = sub.add_parser("refund", help="refund some or all of a past sale (supervisor's PIN)")
    p.add_argument("receipt_no", metavar="RECEIPT_NO")
    p.add_argument(
        "items", nargs="*", metavar="ITEM", help="QTY*CODE to give back; none: the whole sale"
    )
    p.add_argument("--reason", required=True)
    p.add_argument("--supervisor", required=True, metavar="NAME")
    p.add_argument(
        "--method",
        choices=tuple(m.value for m in Method),
        default="cash",
        help="how the money goes back (default cash)",
    )
    p.add_argument("--no-print", action="store_true", help="do not print the refund receipt")

    # Documents. Their own --lang is stored as doc_lang: a subcommand's default would
    # otherwise overwrite the global --lang.
    p = sub.add_parser("receipt", help="write the receipt of a past sale or refund as a PDF")
    p.add_argument("receipt_no", metavar="RECEIPT_NO", help="T1-000042, or T1-R000001")
    p.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    p.add_argument("--width", type=int, choices=(58, 80), help="paper width in mm")
    p.add_argument("--lang", dest="doc_lang", choices=("id", "en"))

    p = sub.add_parser("labels", help="write price labels with barcodes as a PDF")
    p.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    p.add_argument("--sku", action="append", metavar="SKU", help="only these products")
    p.add_argument("--copies", type=int, default=1, metavar="N", help="labels per product")
    p.add_argument("--layout", choices=("a4", "roll"), default="a4")

    p = sub.add_parser("catalog", help="write the buyer's catalogue as a PDF")
    p.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    p.add_argument("--lang", dest="doc_lang", choices=("id", "en"))
    p.add_argument("--currency", metavar="CODE", help="also show prices in this currency")
    p.add_argument("--rate", metavar="RATE", help="rupiah per unit of --currency, e.g. 17250")

    # Trust (issue 6): the journal, backups.
    p = sub.add_parser("verify", help="check the journal, receipt numbers and totals")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p = sub.add_parser("backup", help="back the database up (online backup API)")
    p.add_argument("dest", type=Path, metavar="DEST", help="a folder, or a file ending in .sqlite")
    p.add_argument("--keep", type=int, metavar="N", help="keep only the newest N manual backups")
    p = sub.add_parser("restore", help="replace the database with a backup that verifies")
    p.add_argument("src", type=Path, metavar="SRC", help="the backup file")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from booth_pos.app import main as run_window  # the only path that loads Qt

        return run_window(db_path=args.db or default_db_path(), lang=args.lang)
    try:
        clock = Clock.from_env()
        store = open_store(args.db or default_db_path())
    except (KnownError, ClockError) as exc:
        print(f"booth-pos: {_text(exc, args)}", file=sys.stderr)
        return EXIT_REFUSED
    handler = COMMANDS[args.command]
    try:
        return handler(store, clock, args)
    except BrokenPipeError:  # `booth-pos products --json | head` closed our output early
        sys.stderr.close()
        return EXIT_OK
    except KnownError as exc:
        print(f"booth-pos: {exc.text(args.lang or 'en')}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()


def _text(exc: Exception, args) -> str:
    return exc.text(args.lang or "en") if isinstance(exc, KnownError) else str(exc)


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_import(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import imports

    if args.kind == "artisans":
        result = imports.import_artisans(store, args.file, actor=CLI_ACTOR, at=clock.now())
    else:
        result = imports.import_products(store, args.file, clock, actor=CLI_ACTOR)
    print(f"{args.kind}: {result.added} added, {result.updated} updated")
    return EXIT_OK


def cmd_products(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import imports

    rows = imports.products_as_dicts(store)
    if args.json:
        _print_json(rows)
        return EXIT_OK
    lang = args.lang or "en"
    for r in rows:
        price = format_rupiah(r["price"], lang)
        print(f"{r['sku']:<10} {r['barcode']:<14} {price:>14} {r['stock']:>5}  {r['name']}")
    print(f"{len(rows)} products")
    return EXIT_OK


def cmd_demo(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import demo

    if args.days < 0 or args.sales_per_day < 0:
        raise Refused(
            en="--days and --sales-per-day must not be negative",
            id="--days dan --sales-per-day tidak boleh negatif",
        )
    if args.if_empty and store.products.count():
        print(f"demo: {store.path} already has products; left as it is", file=sys.stderr)
        return EXIT_OK
    if not store.products.count():
        n_artisans, n_products = demo.load_stand(store, clock)
        print(f"demo stand: {n_artisans} artisans, {n_products} products", file=sys.stderr)
    elif not args.days:
        raise Refused(
            en="The database already has products; the demo needs an empty one (use --db)",
            id="Database sudah berisi produk; demo butuh database kosong (pakai --db)",
        )
    if args.days:
        n = demo.simulate(store, args.days, args.sales_per_day, seed=args.seed)
        print(f"demo sales: {n} on {args.days} day(s)", file=sys.stderr)
    print(store.path)
    return EXIT_OK


def cmd_day(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import days

    lang = args.lang or "en"
    if args.day_command == "open":
        day = days.open_day(store, clock, args.opening_float)
        _print_json({"day": day.business_date.isoformat(), "float": day.opening_float})
    elif args.day_command == "close":
        from booth_pos.services import reports

        day = days.close_day(
            store, clock, args.counted, on_backup=lambda outcome: _told(outcome, lang)
        )
        report = reports.day_report(store, day.business_date)
        expected = days.expected_cash(store, day)
        difference = day.counted - expected
        _print_json(
            {
                "day": day.business_date.isoformat(),
                "z_no": day.z_no,
                "float": day.opening_float,
                "cash_received": report.cash.received,
                "cash_refunds": report.cash.refunds,
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


def cmd_report(store: Store, clock: Clock, args) -> int:
    """Print a day or event report; optionally write its PDF, CSV and artisans' statements."""
    from booth_pos.services import reports

    lang = args.lang or "en"
    report = reports.event_report(store) if args.event else reports.day_report(store, args.day)
    printed_at = clock.now().astimezone(zone(store.settings().timezone)).replace(tzinfo=None)
    if args.json:
        _print_json(reports.report_json(report))
    else:
        print(reports.report_text(report, lang))
    if args.pdf:
        from booth_pos.documents import report as report_pdf

        report_pdf.write_report_pdf(report, args.pdf, lang=lang, now=printed_at)
        _exported(store, clock, "report_pdf", args.pdf)
        print(f"booth-pos: report written to {args.pdf}", file=sys.stderr)
    if args.csv:
        from booth_pos.documents import export

        export.write_artisans_csv(report, args.csv)
        _exported(store, clock, "report_csv", args.csv)
        print(f"booth-pos: CSV written to {args.csv}", file=sys.stderr)
    if args.statements:
        from booth_pos.documents import report as report_pdf

        event = report if isinstance(report, reports.EventReport) else None
        statements = reports.artisan_statements(store, event)
        report_pdf.write_statements_pdf(statements, args.statements, lang=lang, now=printed_at)
        _exported(store, clock, "statements", args.statements)
        print(
            f"booth-pos: {len(statements)} artisan statement(s) written to {args.statements}",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_sell(store: Store, clock: Clock, args) -> int:
    """Ring up a sale; once staff exist, as a signed-in cashier (PIN) with approvals."""
    from booth_pos.services import approvals, days, selling, staff

    cart = Cart(cashier=args.cashier.strip(), origin=args.origin.strip().upper())
    for item in args.items:
        selling.add(store, cart, item)
    if args.discount:
        cart.set_discount(args.discount)
    if staff.staff_exist(store):
        cart.cashier = _sign_in_cashier(store, clock, cart.cashier)
        if approvals.needs_approval(store, cart):
            _approve_sale_discount(store, clock, cart, args)
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
    if days.current_day(store) is None:
        day = days.open_day(store, clock, 0)
        print(f"booth-pos: opened business day {day.business_date} with float 0", file=sys.stderr)
    sale = selling.complete(store, cart, tenders, clock)
    _print_json(sale_json(sale))
    if not args.no_print:
        _print_receipt(store, sale, args)
    return EXIT_OK


def _print_receipt(store: Store, sale, args) -> None:
    """Print a committed sale's receipt; a failure is a warning, never a lost sale."""
    from booth_pos.printing import as_printer_error, printer_from_settings

    settings = store.settings()
    try:
        printer = printer_from_settings(settings, db_path=store.path)
        printer.print_receipt(sale, settings, artisans=store.artisans.all())
    except Exception as exc:  # noqa: BLE001 - the sale is committed whatever happens here
        error = as_printer_error(exc)
        sys.stdout.flush()
        print(
            f"booth-pos: warning: receipt {sale.receipt_no} was not printed: "
            f"{error.text(args.lang or 'en')} "
            f"(booth-pos receipt {sale.receipt_no} --pdf FILE writes it again)",
            file=sys.stderr,
        )


def _write_pdf(path: Path, data: bytes) -> None:
    from booth_pos.printing.pdf import write_atomically

    if not path.parent.is_dir():
        raise Refused(en=f"No such folder: {path.parent}", id=f"Folder tidak ada: {path.parent}")
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise Refused(
            en=f"Cannot write {path}: {exc.strerror or exc}",
            id=f"{path} tidak bisa ditulis: {exc.strerror or exc}",
        ) from exc
    print(path)


def cmd_receipt(store: Store, clock: Clock, args) -> int:
    from booth_pos.documents.receipt import render_receipt

    sale = store.sales.get(args.receipt_no.strip())
    if sale is None:
        from booth_pos.services import corrections

        correction = corrections.find_correction(store, args.receipt_no)
        if correction is not None:  # a void's or refund's receipt, T1-R000001
            from booth_pos.documents.refund_receipt import render_refund_receipt

            pdf = render_refund_receipt(
                correction,
                store.settings(),
                width_mm=args.width,
                lang=args.doc_lang,
                artisans=store.artisans.all(),
            )
            _write_pdf(args.pdf, pdf)
            _exported(store, clock, "receipt", args.pdf, ref=correction.number)
            return EXIT_OK
        raise Refused(
            en=f"No sale has the receipt number {args.receipt_no}",
            id=f"Tidak ada penjualan dengan nomor struk {args.receipt_no}",
        )
    pdf = render_receipt(
        sale,
        store.settings(),
        width_mm=args.width,
        lang=args.doc_lang,
        artisans=store.artisans.all(),
    )
    _write_pdf(args.pdf, pdf)
    _exported(store, clock, "receipt", args.pdf, ref=sale.receipt_no)
    return EXIT_OK


def cmd_labels(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import printouts

    if args.copies < 1:
        raise Refused(en="--copies must be at least 1", id="--copies minimal 1")
    pdf = printouts.labels_pdf(
        store, args.sku or (), copies=args.copies, layout=args.layout, lang=args.lang
    )
    _write_pdf(args.pdf, pdf)
    _exported(store, clock, "labels", args.pdf)
    return EXIT_OK


def cmd_catalog(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import printouts

    if (args.currency is None) != (args.rate is None):
        raise Refused(
            en="--currency and --rate go together (e.g. --currency EUR --rate 17250)",
            id="--currency dan --rate dipakai bersama (contoh --currency EUR --rate 17250)",
        )
    pdf = printouts.catalogue_pdf(
        store, clock, lang=args.doc_lang or args.lang, currency=args.currency, rate=args.rate
    )
    _write_pdf(args.pdf, pdf)
    _exported(store, clock, "catalogue", args.pdf)
    return EXIT_OK


# -- trust: verify, backup, restore (issue 6) ---------------------------------------------------

#: Who the audit log names for what the command line does.
CLI_ACTOR = "cli"


def _exported(store: Store, clock: Clock, what: str, path: Path, ref: str = "") -> None:
    """Record a written export (report, receipt, labels, catalogue) in the audit log."""
    from booth_pos.services import journal

    detail = {"what": what, "path": str(path), "ref": ref}
    journal.append_audit(store, CLI_ACTOR, "export", detail, clock.now())


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


def cmd_verify(store: Store, clock: Clock, args) -> int:
    """Check the database; exit 1 naming the first entry or row that does not hold."""
    from booth_pos.services import journal

    result = journal.verify(store)
    if args.json:
        _print_json(
            {
                "ok": result.ok,
                "journal": result.journal,
                "audit": result.audit,
                "sales": result.sales,
                "corrections": result.corrections,
                "days": result.days,
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

    safety = backup.restore(store, args.src, clock=clock, actor=CLI_ACTOR)
    print(
        f"booth-pos: restored {args.src}; the database as it was is kept in {safety}",
        file=sys.stderr,
    )
    print(store.path)
    return EXIT_OK


def _read_pin(env: str, prompt: str, *, twice: bool = False) -> str:
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


def _sign_in_cashier(store: Store, clock: Clock, name: str) -> str:
    """With staff accounts, a headless sale is rung up by a named cashier who gives a PIN."""
    from booth_pos.services import staff

    if not name:
        raise Refused(
            en="This stand has staff accounts: give --cashier NAME (PIN in BOOTH_POS_PIN)",
            id="Stan ini memakai akun staf: isi --cashier NAMA (PIN di BOOTH_POS_PIN)",
        )
    pin = _read_pin("BOOTH_POS_PIN", f"PIN {name}: ")
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
    pin = _read_pin("BOOTH_POS_SUPERVISOR_PIN", f"PIN supervisor {args.supervisor.strip()}: ")
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


def cmd_staff(store: Store, clock: Clock, args) -> int:
    """Add a staff account (PINs read safely) or list them."""
    from booth_pos.clock import local
    from booth_pos.services import staff

    if args.staff_command == "list":
        people = staff.list_staff(store)
        now = clock.now()
        tz = store.settings().timezone
        rows = [
            {
                "name": s.name,
                "role": str(s.role),
                "locked_until": (
                    local(s.locked_until, tz).isoformat(timespec="minutes")
                    if s.locked_until and s.locked_until > now
                    else None
                ),
            }
            for s in people
        ]
        if args.json:
            _print_json(rows)
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
    pin = staff.check_pin_format(_read_pin("BOOTH_POS_PIN", f"New PIN for {name}: ", twice=True))
    supervisor_pin = ""
    if existing:
        supervisor_pin = _read_pin(
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


def cmd_void(store: Store, clock: Clock, args) -> int:
    """Void a sale of the open day with a supervisor's PIN; print its void receipt."""
    from booth_pos.services import corrections

    info = corrections.refundable(store, args.receipt_no)  # refuse before asking a PIN
    if not info.voidable:
        raise info.why_not_void
    pin = _read_pin("BOOTH_POS_PIN", f"PIN supervisor {args.supervisor}: ")
    done = corrections.void(
        store,
        args.receipt_no,
        reason=args.reason,
        supervisor=args.supervisor,
        pin=pin,
        clock=clock,
    )
    _print_json(correction_json(done))
    if not args.no_print:
        _print_correction(store, done, args)
    return EXIT_OK


def cmd_refund(store: Store, clock: Clock, args) -> int:
    """Refund QTY*CODE items (or the whole sale) with a supervisor's PIN; print the receipt."""
    from booth_pos.services import corrections, days

    corrections.quote_refund(store, args.receipt_no, items=args.items)  # refuse before a PIN
    corrections.check_reason(args.reason)
    if days.current_day(store) is None:
        raise Refused(
            en="No business day is open: open the day first "
            "(a refund counts in the day it is made)",
            id="Belum ada hari yang dibuka: buka hari dulu (retur dihitung pada hari dilakukan)",
        )
    pin = _read_pin("BOOTH_POS_PIN", f"PIN supervisor {args.supervisor}: ")
    done = corrections.refund(
        store,
        args.receipt_no,
        items=args.items,
        method=args.method,
        reason=args.reason,
        supervisor=args.supervisor,
        pin=pin,
        clock=clock,
    )
    _print_json(correction_json(done))
    if not args.no_print:
        _print_correction(store, done, args)
    return EXIT_OK


def _print_correction(store: Store, correction, args) -> None:
    """Print a committed void's or refund's receipt; a failure is only a warning."""
    from booth_pos.printing import as_printer_error, print_correction

    settings = store.settings()
    try:
        print_correction(correction, settings, db_path=store.path, artisans=store.artisans.all())
    except Exception as exc:  # noqa: BLE001 - the correction is committed whatever happens
        error = as_printer_error(exc)
        sys.stdout.flush()
        print(
            f"booth-pos: warning: {correction.number} was not printed: "
            f"{error.text(args.lang or 'en')}",
            file=sys.stderr,
        )


def correction_json(c) -> dict:
    """A void or refund as the command line prints it."""
    return {
        "number": c.number,
        "kind": c.kind,
        "receipt_no": c.receipt_no,
        "day": c.business_date.isoformat(),
        "created_at": c.created_at.isoformat(),
        "cashier": c.cashier,
        "supervisor": c.supervisor,
        "reason": c.reason,
        "items": c.items,
        "amount": c.amount,
        "lines": [
            {
                "line_no": ln.line_no,
                "sku": ln.sku,
                "name": ln.name,
                "artisan_code": ln.artisan_code,
                "qty": ln.qty,
                "amount": ln.amount,
            }
            for ln in c.lines
        ],
        "payments": [{"method": str(p.method), "amount": p.amount} for p in c.payments],
    }


def sale_json(sale) -> dict:
    return {
        "receipt_no": sale.receipt_no,
        "id": sale.id,
        "day": sale.business_date.isoformat(),
        "created_at": sale.created_at.isoformat(),
        "cashier": sale.cashier,
        "items": sale.items,
        "subtotal": sale.subtotal,
        "discount": sale.discount,
        "total": sale.total,
        "paid": sale.paid,
        "tendered": sale.tendered,
        "change": sale.change,
        "verification": sale.verification,
        "lines": [
            {
                "sku": ln.sku,
                "name": ln.name,
                "artisan_code": ln.artisan_code,
                "qty": ln.qty,
                "unit_price": ln.unit_price,
                "line_discount": ln.line_discount,
                "sale_discount_share": ln.sale_discount_share,
                "net": ln.net,
            }
            for ln in sale.lines
        ],
        "payments": [
            {
                "method": str(p.method),
                "amount": p.amount,
                "tendered": p.tendered,
                "reference": p.reference,
            }
            for p in sale.payments
        ],
    }


COMMANDS: dict[str, Callable[[Store, Clock, argparse.Namespace], int]] = {
    "import": cmd_import,
    "products": cmd_products,
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
    "backup": cmd_backup,
    "restore": cmd_restore,
}

if os.name == "nt":  # pragma: no cover - keep Indonesian text readable in a Windows console
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
