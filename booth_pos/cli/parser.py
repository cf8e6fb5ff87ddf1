"""The ``booth-pos`` arguments: every command, flag and help text, and how values are read."""

from __future__ import annotations

import argparse
from pathlib import Path

from booth_pos.model import Discount, Method, Tender
from booth_pos.money import MoneyError, parse_percent, parse_rupiah


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


def check_args(args: argparse.Namespace) -> None:
    """What argparse cannot say alone: a sale sells something (an ITEM or an --open line).
    Exits 2 with the command's usage, as argparse does."""
    if args.command == "sell" and not args.items and not args.open_lines:
        args.usage_error("give at least one ITEM or --open ARTISAN:PRICE[:NAME]")
    if args.command == "central" and args.central_command == "report":
        if args.event is not None and (args.first or args.last):
            args.usage_error("give --event NAME or --from/--to dates, not both")
        if args.first and args.last and args.first > args.last:
            args.usage_error("--from is after --to")


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

    p = sub.add_parser("import", help="import artisans or products from a CSV or XLSX file")
    p.add_argument("kind", choices=("artisans", "products"))
    p.add_argument("file", type=Path)
    p.add_argument(
        "--sheet", metavar="NAME", help="the workbook's sheet to read (default: the first)"
    )

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
        "--xlsx",
        type=Path,
        metavar="OUT",
        help="write the settlement as an XLSX workbook (a sheet per artisan, payment, product...)",
    )
    p.add_argument(
        "--statements",
        type=Path,
        metavar="OUT",
        help="write the artisans' end-of-event statements (a PDF page each, to sign)",
    )
    p.add_argument(
        "--slips",
        type=Path,
        metavar="OUT",
        help="write the day's 80 mm slip for each artisan (PDF, a page each)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="write --statements although a till has not sent the bundle of its last close "
        "(audited)",
    )

    p = sub.add_parser("stock", help="goods in, goods back, counts and the stock ledger")
    stock_sub = p.add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    q = stock_sub.add_parser("receive", help="goods an artisan brings: an intake note IN-0001")
    q.add_argument("artisan", metavar="ARTISAN")
    q.add_argument("items", nargs="+", metavar="QTY*SKU")
    q.add_argument("--note", default="", metavar="TEXT", help="printed on the intake note")
    q.add_argument("--pdf", type=Path, metavar="OUT", help="write the intake note (A4 PDF)")
    q = stock_sub.add_parser(
        "return", help="goods handed back to the artisan: a return note RT-0001"
    )
    q.add_argument("artisan", metavar="ARTISAN")
    q.add_argument(
        "items", nargs="*", metavar="QTY*SKU", help="default: everything of ARTISAN on hand"
    )
    q.add_argument("--note", default="", metavar="TEXT", help="printed on the return note")
    q.add_argument("--pdf", type=Path, metavar="OUT", help="write the return note (A4 PDF)")
    q = stock_sub.add_parser("count", help="a stock count: the quantities on the shelf")
    q.add_argument("counts", nargs="+", metavar="SKU=QTY")
    q.add_argument("--reason", required=True, metavar="TEXT", help="why the count")
    q = stock_sub.add_parser("ledger", help="per product: received, sold, returned, on hand")
    q.add_argument("--artisan", metavar="CODE", help="only this artisan's products")
    q.add_argument("--json", action="store_true", help="print a JSON list")

    p = sub.add_parser("payout", help="pay an artisan: cash from the drawer or a transfer")
    p.add_argument("artisan", metavar="ARTISAN")
    p.add_argument("amount", metavar="AMOUNT", help="whole rupiah: 150000 or Rp 150.000")
    p.add_argument("--method", required=True, choices=("cash", "transfer"))
    p.add_argument("--reference", default="", metavar="REF", help="the transfer's reference")
    p.add_argument(
        "--supervisor",
        default="",
        metavar="NAME",
        help="approves the payout once staff exist (PIN from $BOOTH_POS_SUPERVISOR_PIN)",
    )
    p.add_argument("--no-print", action="store_true", help="do not print the payout receipt")

    p = sub.add_parser("sell", help="ring up a sale without the window")
    p.add_argument("items", nargs="*", metavar="ITEM", help="CODE or QTY*CODE")
    p.add_argument(
        "--open",
        dest="open_lines",
        action="append",
        default=[],
        metavar="ARTISAN:PRICE[:NAME]",
        help="goods without a label at a typed price (175000 or 'Rp 175.000'), for an "
        "artisan; NAME may hold ':'; repeatable",
    )
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
    p.add_argument(
        "--origin",
        default="",
        help="customer's origin: one of the stand's codes (Settings; ID, KR, FR, IN, OTHER)",
    )
    p.add_argument(
        "--no-print", action="store_true", help="do not print the receipt after the sale"
    )
    p.set_defaults(usage_error=p.error)

    # One artisan or product at a time, with the import's rules and messages.
    p = sub.add_parser("artisan", help="add or edit one artisan")
    a_sub = p.add_subparsers(dest="artisan_command", metavar="ACTION", required=True)
    for action in ("add", "edit"):
        q = a_sub.add_parser(action, help=f"{action} an artisan; prints it as JSON")
        q.add_argument("code", metavar="CODE")
        q.add_argument("--name", required=action == "add")
        q.add_argument(
            "--commission",
            required=action == "add",
            metavar="PCT",
            help="as the import takes it: 12,5 or 12.5 or 12,5%%",
        )
        q.add_argument("--owner", default=None)
        q.add_argument("--phone", default=None)
        if action == "edit":
            q.add_argument(
                "--active", choices=("yes", "no"), default=None,
                help="no: deactivate (its goods can no longer be sold); never deleted",
            )  # fmt: skip
    p = sub.add_parser("product", help="add or edit one product")
    p_sub = p.add_subparsers(dest="product_command", metavar="ACTION", required=True)
    q = p_sub.add_parser("add", help="add a product with stock 0; prints it as JSON")
    q.add_argument("sku", metavar="SKU")
    q.add_argument("--name", required=True)
    q.add_argument("--artisan", required=True, metavar="CODE")
    q.add_argument("--price", required=True, help="as the import takes it: 175000, Rp 175.000")
    q.add_argument("--category", default="")
    q.add_argument("--barcode", default="", help="EAN-13/UPC; none: an in-store EAN-13")
    q = p_sub.add_parser("edit", help="edit a product; prints it as JSON")
    q.add_argument("sku", metavar="SKU")
    q.add_argument("--name", default=None)
    q.add_argument("--price", default=None)
    q.add_argument("--category", default=None)
    q.add_argument(
        "--tier", action="append", default=None, metavar="MIN:PRICE",
        help="wholesale tier, e.g. 10:135000 (repeatable; replaces the product's tiers)",
    )  # fmt: skip
    q.add_argument("--no-tiers", action="store_true", help="remove the wholesale tiers")
    q.add_argument("--moq", default=None, metavar="N", help="minimum order quantity")
    q.add_argument(
        "--lead-days", default=None, metavar="N", help="production lead time in days"
    )
    q.add_argument("--hs", default=None, metavar="CODE", help="HS code for the pro-forma invoice")
    q.add_argument(
        "--active", choices=("yes", "no"), default=None,
        help="no: deactivate (cannot be sold, leaves the quick grid); never deleted",
    )  # fmt: skip

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
    p.add_argument(
        "--lang",
        dest="doc_lang",
        choices=("id", "en", "ko", "fr"),
        help="the receipt's language (default: the one stored with the sale)",
    )

    p = sub.add_parser("labels", help="write price labels with barcodes as a PDF")
    p.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    p.add_argument("--sku", action="append", metavar="SKU", help="only these products")
    p.add_argument("--copies", type=int, default=1, metavar="N", help="labels per product")
    p.add_argument("--layout", choices=("a4", "roll"), default="a4")

    p = sub.add_parser("catalog", help="write the buyer's catalogue as a PDF")
    p.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    p.add_argument(
        "--lang", dest="doc_lang", choices=("id", "en", "fr", "ko"), help="the buyer's language"
    )
    p.add_argument("--currency", metavar="CODE", help="also show prices in this currency")
    p.add_argument("--rate", metavar="RATE", help="rupiah per unit of --currency, e.g. 17250")
    p.add_argument(
        "--wholesale", action="store_true", help="show wholesale tiers, MOQ and lead times"
    )

    # Bulk buyers (issue 17): quotations and orders.
    p = sub.add_parser("quote", help="quotations for bulk buyers: Q-0001")
    q_sub = p.add_subparsers(dest="quote_command", metavar="ACTION", required=True)
    q = q_sub.add_parser("new", help="price items for a buyer; prints the quote as JSON")
    q.add_argument("items", nargs="+", metavar="QTY*SKU")
    q.add_argument("--buyer", required=True, metavar="NAME")
    q.add_argument("--company", default="", metavar="C")
    q.add_argument("--country", default="", metavar="CC", help="e.g. FR")
    q.add_argument("--contact", default="", metavar="TEXT", help="e-mail or phone")
    q.add_argument("--currency", required=True, metavar="CODE", help="e.g. EUR, USD, KRW")
    q.add_argument("--rate", metavar="RATE", help="rupiah per unit; default the day's rate")
    q.add_argument("--valid-days", type=int, default=30, metavar="N")
    q.add_argument(
        "--buyer-lang", choices=("en", "fr", "id"), help="the documents' language (FR: fr)"
    )
    q = q_sub.add_parser("edit", help="change an open quote; prints it as JSON")
    q.add_argument("quote_no", metavar="QUOTE_NO")
    q.add_argument("items", nargs="*", metavar="QTY*SKU", help="the new lines (all of them)")
    q.add_argument("--currency", metavar="CODE")
    q.add_argument("--rate", metavar="RATE")
    q.add_argument("--valid-days", type=int, metavar="N", help="valid N days from today")
    q.add_argument("--buyer-lang", choices=("en", "fr", "id"))
    q = q_sub.add_parser("show", help="one quote as JSON, with its status")
    q.add_argument("quote_no", metavar="QUOTE_NO")
    q_sub.add_parser("list", help="every quote as a JSON list")
    q = q_sub.add_parser("status", help="cancel, expire or reopen a quote")
    q.add_argument("quote_no", metavar="QUOTE_NO")
    q.add_argument("status", choices=("open", "cancelled", "expired"))
    q = q_sub.add_parser("pdf", help="write the quotation (A4 PDF, the buyer's language)")
    q.add_argument("quote_no", metavar="QUOTE_NO")
    q.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    q.add_argument("--lang", dest="doc_lang", choices=("en", "fr", "id"))

    p = sub.add_parser("order", help="orders from accepted quotes: PO-0001, deposits, delivery")
    o_sub = p.add_subparsers(dest="order_command", metavar="ACTION", required=True)
    q = o_sub.add_parser("from-quote", help="accept a quote: an order with its deposit (JSON)")
    q.add_argument("quote_no", metavar="QUOTE_NO")
    q.add_argument(
        "--deposit", metavar="PCT|AMOUNT",
        help="30%% (or 30: a percent up to 100) or an amount; default Settings' percent",
    )  # fmt: skip
    q.add_argument("--pay", type=_tender, metavar="METHOD[:AMOUNT]", help="how the deposit came")
    q.add_argument(
        "--no-reserve", action="store_true", help="do not reserve the goods the stand holds"
    )
    q = o_sub.add_parser("deliver", help="hand goods over: a sale of those lines (JSON)")
    q.add_argument("order_no", metavar="ORDER_NO")
    q.add_argument("items", nargs="*", metavar="QTY*SKU", help="none: everything left")
    q.add_argument("--pay", type=_tender, action="append", metavar="METHOD[:AMOUNT]")
    q.add_argument("--cashier", default="", metavar="NAME")
    q = o_sub.add_parser("cancel", help="cancel: reserved goods back, deposit refunded")
    q.add_argument("order_no", metavar="ORDER_NO")
    q.add_argument("--reason", required=True)
    q.add_argument("--supervisor", required=True, metavar="NAME")
    q.add_argument("--method", choices=tuple(m.value for m in Method), default="cash")
    q = o_sub.add_parser("show", help="one order as JSON")
    q.add_argument("order_no", metavar="ORDER_NO")
    q = o_sub.add_parser("production", help="write the production order per artisan (A4 PDF)")
    q.add_argument("order_no", metavar="ORDER_NO")
    q.add_argument("--artisan", metavar="CODE", help="only this artisan's page")
    q.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    q.add_argument("--lang", dest="doc_lang", choices=("en", "fr", "id"))
    q = o_sub.add_parser("proforma", help="write the pro-forma invoice (A4 PDF)")
    q.add_argument("order_no", metavar="ORDER_NO")
    q.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    q.add_argument("--lang", dest="doc_lang", choices=("en", "fr", "id"))
    q.add_argument("--incoterm", default="EXW Jakarta", metavar="TEXT")

    p = sub.add_parser("settings", help="show or change the stand's settings")
    set_sub = p.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    q = set_sub.add_parser("show", help="one key=value a line (the Settings page's values)")
    q.add_argument("--json", action="store_true", help="print a JSON object of the keys")
    q = set_sub.add_parser(
        "set", help="change settings as the Settings page does: all keys or none, audited"
    )
    q.add_argument(
        "pairs", nargs="+", metavar="KEY=VALUE", help="e.g. till=T2 event_end=2023-03-05"
    )

    p = sub.add_parser("qris", help="print the stand's static QRIS with an amount filled in")
    p.add_argument("--amount", required=True, metavar="AMOUNT", help="whole rupiah, e.g. 150.000")
    p.add_argument(
        "--slip", action="store_true", help="also print the QR slip on the receipt printer"
    )

    # Several tills at one stand (issue 13): bundles on a USB stick.
    p = sub.add_parser("sync", help="exchange records with the stand's other tills by files")
    sync_sub = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    q = sync_sub.add_parser(
        "export", help="write a bundle of this till's records (the main till: and catalogue)"
    )
    q.add_argument("file", type=Path, metavar="FILE", help="the bundle to write")
    q.add_argument(
        "--since-last",
        action="store_true",
        help="only what was recorded since the last --since-last export",
    )
    q = sync_sub.add_parser("import", help="apply another till's bundle (verified first)")
    q.add_argument("file", type=Path, metavar="FILE", help="the bundle to read")
    # ... and over the stand's network (issue 15): the main till serves, the others push.
    q = sync_sub.add_parser("serve", help="on the main till: take the other tills' pushes")
    q.add_argument("--host", default="0.0.0.0", help="address to listen on (default all)")
    q.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free)")
    q = sync_sub.add_parser("pair", help="on the main till: show (or --new) the pairing code")
    q.add_argument("--new", action="store_true", help="make a new code (old one stops working)")
    q = sync_sub.add_parser(
        "push", help="send this till's records to the main till and take the stand's back"
    )
    q.add_argument("url", metavar="URL", nargs="?", help="the main till's address (sync_url)")
    q.add_argument("--code", help="the pairing code the main till shows (kept as sync_code)")

    # The council's central database (issue 15): PostgreSQL at the office.
    p = sub.add_parser("central", help="push the stand's records to the council's PostgreSQL")
    central_sub = p.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    dsn_help = "the office's database: postgresql://USER:PASSWORD@HOST[:PORT]/DB"
    q = central_sub.add_parser("init", help="create or migrate the central database's schema")
    q.add_argument("dsn", metavar="DSN", help=dsn_help)
    q = central_sub.add_parser(
        "push", help="send every till's records this file holds (twice changes nothing)"
    )
    q.add_argument("dsn", metavar="DSN", help=dsn_help)
    q = central_sub.add_parser(
        "report", help="per-artisan figures across stands and events, computed by PostgreSQL"
    )
    q.add_argument("dsn", metavar="DSN", help=dsn_help)
    q.add_argument("--event", metavar="NAME", help="only this event")
    q.add_argument("--from", dest="first", type=_date, metavar="YYYY-MM-DD",
                   help="only business days from this date")  # fmt: skip
    q.add_argument("--to", dest="last", type=_date, metavar="YYYY-MM-DD",
                   help="only business days up to this date")  # fmt: skip
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(usage_error=q.error)

    # Trust (issue 6): the journal, backups.
    p = sub.add_parser("verify", help="check the journal, receipt numbers and totals")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p = sub.add_parser("audit", help="list the audit log (who did what, when)")
    p.add_argument(
        "--json", action="store_true", help="print JSON objects (at, kind, actor, detail)"
    )
    p.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="KIND",
        help="only entries of this kind (sign_in, pin_failed, export...); repeatable",
    )
    p.add_argument("--since", metavar="ISO", help="only entries at or after this time (ISO 8601)")
    p = sub.add_parser("backup", help="back the database up (online backup API)")
    p.add_argument("dest", type=Path, metavar="DEST", help="a folder, or a file ending in .sqlite")
    p.add_argument("--keep", type=int, metavar="N", help="keep only the newest N manual backups")
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt with a passphrase (asked twice, or BOOTH_POS_PASSPHRASE); .sqlite.enc",
    )
    p = sub.add_parser("restore", help="replace the database with this stand's backup")
    p.add_argument("src", type=Path, metavar="SRC", help="the backup file (.sqlite or .enc)")
    p.add_argument(
        "--force",
        action="store_true",
        help="restore a backup that loses sales (older), or over a database that cannot be read",
    )
    p = sub.add_parser(
        "self-test",
        help="ring one sale through the window on a fresh demo stand (checks an installed copy)",
    )
    p.add_argument(
        "--folder",
        type=Path,
        help="where the test stand and its receipt go (default: a temporary folder, removed)",
    )
    return parser
