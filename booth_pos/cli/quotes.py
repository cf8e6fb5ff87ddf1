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
