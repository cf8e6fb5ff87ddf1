"""Printing the consignment documents from the window: after the commit, off the GUI thread.

An intake or return note, a payout receipt: each is already committed when it reaches
here; the printer's outcome (or failure) comes back as a status-bar message, and a failure
never undoes anything (the document can be printed again from the CLI or the list).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from booth_pos import printing
from booth_pos.services import settings as settings_service
from booth_pos.ui.context import AppContext


def _run(ctx: AppContext, name: str, job) -> None:
    bus, lang = ctx.bus, ctx.lang

    def done(where: str | None) -> None:
        text = QCoreApplication.translate("printing_jobs", "%1 printed: %2")
        bus.message.emit(text.replace("%1", name).replace("%2", str(where)))

    def failed(error) -> None:
        text = QCoreApplication.translate("printing_jobs", "%1 was not printed: %2")
        bus.message.emit(text.replace("%1", name).replace("%2", error.text(lang)))

    printing.run_in_background(job, on_done=done, on_error=failed)


def print_note(ctx: AppContext, note) -> None:
    """Print an intake or return note (80 mm through the receipt printer)."""
    from booth_pos.documents.stock_notes import stock_note_document

    settings = settings_service.current(ctx.store)
    db_path = settings_service.data_path(ctx.store)
    doc = stock_note_document(note, settings, lang=ctx.lang)
    _run(ctx, note.number, lambda: printing.print_document(doc, settings, db_path=db_path))


def print_payout(ctx: AppContext, payout) -> None:
    """Print a payout receipt to sign (80 mm through the receipt printer)."""
    from booth_pos.documents.payout_receipt import payout_document
    from booth_pos.services import payouts

    settings = settings_service.current(ctx.store)
    db_path = settings_service.data_path(ctx.store)
    figures = payouts.event_figures(ctx.store, payout.artisan_code)
    doc = payout_document(payout, figures, settings, lang=ctx.lang)
    _run(ctx, payout.number, lambda: printing.print_document(doc, settings, db_path=db_path))


def test_print(ctx: AppContext, settings, on_done, on_error) -> None:
    """A sample receipt on the printer ``settings`` describe (as typed, not yet saved), in
    the background: the Settings page and the setup's till step both offer it."""
    db_path = settings_service.data_path(ctx.store)
    printing.run_in_background(
        lambda: printing.test_print(
            printing.printer_from_settings(settings, db_path=db_path), settings
        ),
        on_done=on_done,
        on_error=on_error,
    )
