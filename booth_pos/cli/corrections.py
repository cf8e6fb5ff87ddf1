"""Commands that correct or reprint a past sale: void, refund, receipt."""

from __future__ import annotations

import sys

from booth_pos.cli.output import (
    EXIT_OK,
    Refused,
    correction_json,
    print_json,
    save_export,
)
from booth_pos.cli.staff import read_pin
from booth_pos.clock import Clock
from booth_pos.store import Store


def cmd_void(store: Store, clock: Clock, args) -> int:
    """Void a sale of the open day with a supervisor's PIN; print its void receipt."""
    from booth_pos.services import corrections

    info = corrections.refundable(store, args.receipt_no)  # refuse before asking a PIN
    if not info.voidable:
        raise info.why_not_void
    pin = read_pin("BOOTH_POS_PIN", f"PIN supervisor {args.supervisor}: ")
    done = corrections.void(
        store,
        args.receipt_no,
        reason=args.reason,
        supervisor=args.supervisor,
        pin=pin,
        clock=clock,
    )
    print_json(correction_json(done))
    if not args.no_print:
        _print_correction(store, done, args)
    return EXIT_OK


def cmd_refund(store: Store, clock: Clock, args) -> int:
    """Refund QTY*CODE items (or the whole sale) with a supervisor's PIN; print the receipt."""
    from booth_pos.services import corrections

    corrections.quote_refund(store, args.receipt_no, items=args.items)  # refuse before a PIN
    corrections.check_reason(args.reason)
    corrections.open_day_for_corrections(store)
    pin = read_pin("BOOTH_POS_PIN", f"PIN supervisor {args.supervisor}: ")
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
    print_json(correction_json(done))
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
            save_export(store, clock, args.pdf, pdf, what="receipt", ref=correction.number)
            print(args.pdf)
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
    save_export(store, clock, args.pdf, pdf, what="receipt", ref=sale.receipt_no)
    print(args.pdf)
    return EXIT_OK
