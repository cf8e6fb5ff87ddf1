"""Commands for what the stand sells: import, products, demo, labels, catalog."""

from __future__ import annotations

import sys

from booth_pos.cli.output import CLI_ACTOR, EXIT_OK, Progress, Refused, print_json, save_export
from booth_pos.clock import Clock
from booth_pos.money import format_rupiah
from booth_pos.store import Store


def cmd_import(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import imports

    if args.kind == "artisans":
        result = imports.import_artisans(
            store, args.file, actor=CLI_ACTOR, at=clock.now(), sheet=args.sheet
        )
    else:
        with Progress("import", args) as progress:
            result = imports.import_products(
                store, args.file, clock, actor=CLI_ACTOR, progress=progress, sheet=args.sheet
            )
    read_as = {
        "cp1252": " (read as Windows-1252, Excel's ANSI CSV)",
        "utf-16": " (read as UTF-16)",
        "xlsx": f" (from sheet {args.sheet!r})" if args.sheet else " (from the first sheet)",
    }
    note = read_as.get(result.encoding, "")
    print(f"{args.kind}: {result.added} added, {result.updated} updated{note}")
    return EXIT_OK


def cmd_artisan(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import records

    if args.artisan_command == "add":
        artisan = records.add_artisan(
            store,
            args.code,
            name=args.name,
            commission=args.commission,
            owner=args.owner or "",
            phone=args.phone or "",
            actor=CLI_ACTOR,
            at=clock.now(),
        )
    else:
        artisan = records.edit_artisan(
            store,
            args.code,
            name=args.name,
            commission=args.commission,
            owner=args.owner,
            phone=args.phone,
            active=None if args.active is None else args.active == "yes",
            actor=CLI_ACTOR,
            at=clock.now(),
        )
    print_json(records.artisan_json(artisan))
    return EXIT_OK


def cmd_product(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import records

    if args.product_command == "add":
        product = records.add_product(
            store,
            args.sku,
            name=args.name,
            artisan=args.artisan,
            price=args.price,
            category=args.category,
            barcode=args.barcode,
            actor=CLI_ACTOR,
            clock=clock,
        )
    else:
        from booth_pos.services import wholesale

        product = wholesale.edit_product(
            store,
            args.sku,
            name=args.name,
            price=args.price,
            category=args.category,
            active=None if args.active is None else args.active == "yes",
            tiers=[] if args.no_tiers else args.tier,
            moq=args.moq,
            lead_days=args.lead_days,
            hs_code=args.hs,
            actor=CLI_ACTOR,
            clock=clock,
        )
        row = records.product_json(product)
        row["wholesale"] = wholesale.terms_json(product.sku, store.wholesale.of(product.sku))
        print_json(row)
        return EXIT_OK
    print_json(records.product_json(product))
    return EXIT_OK


def cmd_products(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import imports

    rows = imports.products_as_dicts(store)
    if args.json:
        print_json(rows)
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
        with Progress("demo", args) as progress:
            n = demo.simulate(
                store, args.days, args.sales_per_day, seed=args.seed, progress=progress
            )
        print(f"demo sales: {n} on {args.days} day(s)", file=sys.stderr)
    print(store.path)
    return EXIT_OK


def cmd_labels(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import printouts

    if args.copies < 1:
        raise Refused(en="--copies must be at least 1", id="--copies minimal 1")
    pdf = printouts.labels_pdf(
        store, args.sku or (), copies=args.copies, layout=args.layout, lang=args.lang
    )
    save_export(store, clock, args.pdf, pdf, what="labels", ref=",".join(args.sku or ()))
    print(args.pdf)
    return EXIT_OK


def cmd_catalog(store: Store, clock: Clock, args) -> int:
    from booth_pos.services import printouts

    if (args.currency is None) != (args.rate is None):
        raise Refused(
            en="--currency and --rate go together (e.g. --currency EUR --rate 17250)",
            id="--currency dan --rate dipakai bersama (contoh --currency EUR --rate 17250)",
        )
    pdf = printouts.catalogue_pdf(
        store, clock, lang=args.doc_lang or args.lang, currency=args.currency, rate=args.rate,
        wholesale=args.wholesale,
    )  # fmt: skip
    save_export(store, clock, args.pdf, pdf, what="catalogue")
    print(args.pdf)
    return EXIT_OK
