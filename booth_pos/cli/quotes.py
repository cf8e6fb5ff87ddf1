"""``booth-pos quote ...`` and ``booth-pos order ...``: bulk buyers (issue 17)."""

from __future__ import annotations

from booth_pos.cli.output import CLI_ACTOR, EXIT_OK, print_json, save_export
from booth_pos.clock import Clock
from booth_pos.store import Store


def cmd_quote(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import quotes

    action = args.quote_command
    if action == "new":
        quote = quotes.new_quote(
            store, clock, buyer=args.buyer, items=args.items, currency=args.currency,
            rate=args.rate, company=args.company, country=args.country, contact=args.contact,
            lang=args.buyer_lang, valid_days=args.valid_days, actor=CLI_ACTOR,
        )  # fmt: skip
        print_json(quotes.quote_json(quote))
    elif action == "edit":
        quote = quotes.edit_quote(
            store, clock, args.quote_no, items=args.items or None, currency=args.currency,
            rate=args.rate, valid_days=args.valid_days, lang=args.buyer_lang, actor=CLI_ACTOR,
        )  # fmt: skip
        print_json(quotes.quote_json(quote))
    elif action == "show":
        quote = quotes.find(store, args.quote_no)
        status = quotes.status_of(quote, clock, store.settings())
        print_json({**quotes.quote_json(quote), "status": status.value})
    elif action == "list":
        rows = [
            {"quote_no": q.number, "buyer": q.buyer.name, "currency": q.currency,
             "total": q.total, "valid_until": q.valid_until.isoformat(), "status": s.value}
            for q, s in quotes.quotes(store, clock)
        ]  # fmt: skip
        print_json(rows)
    elif action == "status":
        quote = quotes.set_status(store, clock, args.quote_no, args.status, actor=CLI_ACTOR)
        print_json({"quote_no": quote.number, "status": quote.status.value})
    elif action == "pdf":
        pdf = quotes.quotation_pdf(store, clock, args.quote_no, lang=args.doc_lang)
        save_export(store, clock, args.pdf, pdf, what="quotation", ref=args.quote_no)
        print(args.pdf)
    return EXIT_OK


def cmd_order(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import orders

    action = args.order_command
    if action == "from-quote":
        order = orders.from_quote(
            store, clock, args.quote_no, deposit=args.deposit, pay=args.pay,
            reserve=not args.no_reserve, actor=CLI_ACTOR,
        )  # fmt: skip
        print_json(orders.order_json(order))
    elif action == "deliver":
        order, sale = orders.deliver(
            store, clock, args.order_no, args.items, args.pay or [], cashier=args.cashier
        )
        applied = sum(p.amount for p in sale.payments if p.reference.startswith("deposit "))
        print_json({
            "order_no": order.number, "receipt_no": sale.receipt_no, "total": sale.total,
            "deposit_applied": applied, "paid": sale.total - applied,
            "lines": [{"sku": ln.sku, "qty": ln.qty, "amount": ln.gross} for ln in sale.lines],
            "status": order.status.value, "balance": order.balance,
        })  # fmt: skip
    elif action == "cancel":
        from booth_pos.cli.staff import read_pin
        from booth_pos.services import staff

        pin = None
        if staff.staff_exist(store) and args.supervisor:
            staff.check_supervisor(store, args.supervisor)
            pin = read_pin("BOOTH_POS_SUPERVISOR_PIN", f"PIN supervisor {args.supervisor}: ")
        order, refund = orders.cancel(
            store, clock, args.order_no, supervisor=args.supervisor, pin=pin,
            method=args.method, reason=args.reason,
        )  # fmt: skip
        print_json({"order_no": order.number, "status": order.status.value, "refund": refund})
    elif action == "show":
        order = orders.find(store, args.order_no)
        print_json({
            **orders.order_json(order), "status": order.status.value,
            "due_date": order.due_date.isoformat(),
            "lines": [{"sku": ln.sku, "artisan_code": ln.artisan_code, "qty": ln.qty,
                       "unit_price": ln.unit_price, "reserved": ln.reserved,
                       "delivered": ln.delivered} for ln in order.lines],
        })  # fmt: skip
    elif action == "production":
        pdf = orders.production_pdf(store, args.order_no, args.artisan, lang=args.doc_lang or "id")
        save_export(store, clock, args.pdf, pdf, what="production_order", ref=args.order_no)
        print(args.pdf)
    elif action == "proforma":
        pdf = orders.proforma_pdf(store, args.order_no, lang=args.doc_lang, incoterm=args.incoterm)
        save_export(store, clock, args.pdf, pdf, what="proforma", ref=args.order_no)
        print(args.pdf)
    return EXIT_OK
