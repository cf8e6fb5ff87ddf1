"""The report command: a day's or the event's figures as text or JSON, PDF, CSV, statements."""

from __future__ import annotations

import sys

from booth_pos.cli.output import EXIT_OK, print_json, record_export, report_json, report_text
from booth_pos.clock import Clock, zone
from booth_pos.store import Store


def cmd_report(store: Store, clock: Clock, args) -> int:
    """Print a day or event report; optionally write its PDF, CSV and artisans' statements."""
    from booth_pos.services import reports

    lang = args.lang or "en"
    report = reports.event_report(store) if args.event else reports.day_report(store, args.day)
    printed_at = clock.now().astimezone(zone(store.settings().timezone)).replace(tzinfo=None)
    if args.json:
        print_json(report_json(report))
    else:
        print(report_text(report, lang))
    if args.pdf:
        from booth_pos.documents import report as report_pdf

        report_pdf.write_report_pdf(report, args.pdf, lang=lang, now=printed_at)
        record_export(store, clock, "report_pdf", args.pdf)
        print(f"booth-pos: report written to {args.pdf}", file=sys.stderr)
    if args.csv:
        from booth_pos.documents import export

        export.write_artisans_csv(report, args.csv)
        record_export(store, clock, "report_csv", args.csv)
        print(f"booth-pos: CSV written to {args.csv}", file=sys.stderr)
    if args.statements:
        from booth_pos.documents import report as report_pdf

        event = report if isinstance(report, reports.EventReport) else None
        statements = reports.artisan_statements(store, event)
        report_pdf.write_statements_pdf(statements, args.statements, lang=lang, now=printed_at)
        record_export(store, clock, "statements", args.statements)
        print(
            f"booth-pos: {len(statements)} artisan statement(s) written to {args.statements}",
            file=sys.stderr,
        )
    return EXIT_OK
