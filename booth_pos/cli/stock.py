"""The consignment commands: ``stock receive|return|count|ledger`` and ``payout``."""

from __future__ import annotations

import sys

from booth_pos.cli.output import EXIT_OK, print_json
from booth_pos.cli.staff import read_pin
from booth_pos.clock import Clock
from booth_pos.store import Store

_NOTE_KEYS = {"intake": "intake_no", "return": "return_no"}


def _note_contract(note) -> dict:
    """An intake or return note as the issue's JSON: number, artisan, lines, qty."""
    return {
        _NOTE_KEYS[note.kind.value]: note.number,
        "artisan": note.artisan_code,
        "lines": [{"sku": ln.sku, "qty": ln.units} for ln in note.lines],
        "qty": note.qty,
    }


def cmd_stock(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import stock

    action = args.stock_command
    if action == "ledger":
        rows = stock.ledger(store, args.artisan)
        if args.json:
            print_json([_ledger_contract(r) for r in rows])
        else:
            print(_ledger_text(rows, args.lang or "en"))
        return EXIT_OK
    if action == "count":
        note = stock.count(store, clock, stock.parse_counts(args.counts), reason=args.reason)
        print_json(
            {
                "count_no": note.number,
                "reason": note.note,
                "lines": [
                    {
                        "sku": ln.sku,
                        "counted": ln.counted,
                        "on_hand_before": ln.counted - ln.qty,
                        "difference": ln.qty,
                    }
                    for ln in note.lines
                ],
            }
        )
        return EXIT_OK
    items = stock.parse_items(args.items)
    if action == "receive":
        note = stock.receive(store, clock, args.artisan, items, note=args.note)
    else:
        note = stock.give_back(store, clock, args.artisan, items or None, note=args.note)
    print_json(_note_contract(note))
    if args.pdf:
        _write_note_pdf(store, clock, note, args)
    return EXIT_OK


def _ledger_contract(row) -> dict:
    return {
        "sku": row.sku,
        "artisan_code": row.artisan_code,
        "received": row.received,
        "sold": row.sold,
        "refunded": row.refunded,
        "returned": row.returned,
        "counted_diff": row.counted_diff,
        "reserved": row.reserved,
        "on_hand": row.on_hand,
    }


def _ledger_text(rows, lang: str) -> str:
    head = ("SKU", "Artisan", "In", "Sold", "Refund", "Back", "Count", "Held", "On hand")
    if lang == "id":
        head = ("SKU", "Pengrajin", "Masuk", "Terjual", "Retur", "Kembali", "Hitung", "Dipesan",
                "Stok")  # fmt: skip
    flag = "perlu dihitung" if lang == "id" else "needs a count"
    width = max([len(r.sku) for r in rows] + [3])
    lines = [f"{head[0]:<{width}}  {head[1]:<9} " + " ".join(f"{h:>7}" for h in head[2:])]
    for r in rows:
        figures = (
            r.received, r.sold, r.refunded, r.returned, r.counted_diff, r.reserved, r.on_hand
        )  # fmt: skip
        line = f"{r.sku:<{width}}  {r.artisan_code:<9} " + " ".join(f"{n:>7}" for n in figures)
        lines.append(line + (f"  ({flag})" if r.needs_count else ""))
    return "\n".join(lines)


def _write_note_pdf(store: Store, clock: Clock, note, args) -> None:
    """The note as an A4 PDF to sign (the note itself is already committed)."""
    from booth_pos.cli.output import save_export
    from booth_pos.documents.stock_notes import render_stock_note

    pdf = render_stock_note(note, store.settings(), lang=args.lang or "id", paper="a4")
    save_export(store, clock, args.pdf, pdf, what="stock_note", ref=note.number)
    print(f"booth-pos: {note.number} written to {args.pdf}", file=sys.stderr)


def cmd_payout(store: Store, clock: Clock, args) -> int:
    """Pay an artisan (supervisor PIN once staff exist); print the receipt to sign."""
    from booth_pos.model import PayoutError
    from booth_pos.money import MoneyError, parse_rupiah
    from booth_pos.services import payouts, staff

    try:  # refused in one line (exit 1) before any PIN
        amount = parse_rupiah(args.amount)
    except MoneyError:  # a ValueError, not a KnownError: it would crash with a traceback
        raise PayoutError(
            en=f"Not an amount to pay: {args.amount!r} (whole rupiah, more than 0)",
            id=f"Bukan jumlah pembayaran: {args.amount!r} (rupiah bulat, lebih dari 0)",
        ) from None
    pin = None
    if staff.staff_exist(store) and args.supervisor:
        staff.check_supervisor(store, args.supervisor)  # a wrong name costs no PIN prompt
        pin = read_pin("BOOTH_POS_SUPERVISOR_PIN", f"PIN supervisor {args.supervisor}: ")
    done = payouts.pay(
        store,
        clock,
        args.artisan,
        amount,
        args.method,
        reference=args.reference,
        supervisor=args.supervisor,
        pin=pin,
    )
    print_json(payouts.payout_json(done))
    if not args.no_print:
        _print_payout(store, done, args)
    return EXIT_OK


def _print_payout(store: Store, payout, args) -> None:
    """Print the committed payout's receipt; a failure is a warning, never a lost payout."""
    from booth_pos.printing import as_printer_error, print_document
    from booth_pos.services import payouts

    settings = store.settings()
    try:
        from booth_pos.documents.payout_receipt import payout_document

        figures = payouts.event_figures(store, payout.artisan_code)
        doc = payout_document(payout, figures, settings, lang=args.lang or "id")
        print_document(doc, settings, db_path=store.path)
    except Exception as exc:  # noqa: BLE001 - the payout is committed whatever happens
        error = as_printer_error(exc)
        sys.stdout.flush()
        print(
            f"booth-pos: warning: {payout.number} was not printed: {error.text(args.lang or 'en')}",
            file=sys.stderr,
        )
