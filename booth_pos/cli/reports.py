"""The report command: a day's or the event's figures as text or JSON, PDF, CSV, XLSX,
statements."""

from __future__ import annotations

import sys

from booth_pos.cli.output import EXIT_OK, print_json, report_json, report_text, save_export
from booth_pos.clock import Clock, zone
from booth_pos.model import EventReport
from booth_pos.store import Store


def cmd_report(store: Store, clock: Clock, args) -> int:
    """Print a day or event report; optionally write its PDF, CSV, XLSX and artisans'
    statements."""
    from booth_pos.services import exports, reports

    lang = args.lang or "en"
    waiting = reports.statement_blockers(store) if (args.statements or args.xlsx) else []
    if waiting and args.statements and not args.force:
        reports.check_statements(store)  # refused before anything is printed or written
    report = reports.event_report(store) if args.event else reports.day_report(store, args.day)
    printed_at = clock.now().astimezone(zone(store.settings().timezone)).replace(tzinfo=None)
    if args.json:
        print_json(report_json(report))
    else:
        print(report_text(report, lang))
    if args.pdf:
        from booth_pos.documents import report as report_pdf

        pdf = report_pdf.render_report_pdf(report, lang=lang, now=printed_at)
        save_export(store, clock, args.pdf, pdf, what="report_pdf", ref=exports.report_ref(report))
        print(f"booth-pos: report written to {args.pdf}", file=sys.stderr)
    if args.csv:
        from booth_pos.documents import export

        data = export.artisans_csv_bytes(report)
        save_export(store, clock, args.csv, data, what="report_csv", ref=exports.report_ref(report))
        print(f"booth-pos: CSV written to {args.csv}", file=sys.stderr)
    if args.xlsx:
        from booth_pos.documents.workbook import report_workbook_bytes

        event = report if isinstance(report, EventReport) else None
        if waiting and not args.force:  # the statements' sheets wait like the statements
            statements = None
            print(
                f"booth-pos: XLSX without the Statements and Stock sheets: till "
                f"{', '.join(waiting)} has not sent the bundle of its last close",
                file=sys.stderr,
            )
        else:
            statements = reports.artisan_statements(store, event)
        data = report_workbook_bytes(report, statements)
        ref = exports.report_ref(report)
        save_export(store, clock, args.xlsx, data, what="report_xlsx", ref=ref)
        print(f"booth-pos: XLSX written to {args.xlsx}", file=sys.stderr)
    if args.statements:
        from booth_pos.documents import report as report_pdf

        if waiting:  # --force: written anyway, and the audit log says over which tills
            from booth_pos.services import journal

            journal.append_audit(
                store, "", "statements_forced", {"waiting_for": waiting}, clock.now()
            )
            print(
                "booth-pos: statements written WITHOUT the last bundle of till "
                f"{', '.join(waiting)} (--force)",
                file=sys.stderr,
            )
        event = report if isinstance(report, EventReport) else None
        statements = reports.artisan_statements(store, event)
        pdf = report_pdf.render_statements_pdf(
            statements, lang=lang, now=printed_at, timezone=store.settings().timezone
        )
        save_export(store, clock, args.statements, pdf, what="statements", ref="event")
        print(
            f"booth-pos: {len(statements)} artisan statement(s) written to {args.statements}",
            file=sys.stderr,
        )
    if args.slips:
        from booth_pos.documents.day_slip import render_day_slips

        if isinstance(report, EventReport):
            from booth_pos.model import DayError

            raise DayError(
                en="Day slips are per business day: give --day YYYY-MM-DD, not --event",
                id="Slip harian per hari usaha: isi --day YYYY-MM-DD, bukan --event",
            )
        slips = reports.day_slips(store, report.business_date)
        pdf = render_day_slips(slips, store.settings(), lang=lang)
        save_export(store, clock, args.slips, pdf, what="day_slips", ref=exports.report_ref(report))
        print(f"booth-pos: {len(slips)} day slip(s) written to {args.slips}", file=sys.stderr)
    return EXIT_OK
