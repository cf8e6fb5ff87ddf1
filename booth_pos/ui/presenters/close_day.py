"""Closing the day: the live cash check of the close dialog, without a widget.

The coordinator counts the drawer note by note (or types the total); each change asks the
service's cash check (``days.check_cash``: counted - expected) and shows the difference, and
the day may be closed only once the count is an amount.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from booth_pos.model import Day, KnownError
from booth_pos.money import MoneyError, parse_rupiah
from booth_pos.services.days import CashCheck, Denomination, count_cash

#: The cash check for a counted amount (``days.check_cash`` on the open day in the window).
Check = Callable[[int], CashCheck]
#: Closes the day with the counted cash and returns it closed (raises KnownError).
Close = Callable[[int], Day]


class CloseDayView(Protocol):
    """What the close-day presenter asks of its view."""

    def show_expected(self, expected: int) -> None:
        """Show the cash the drawer should hold."""

    def show_piece_amounts(self, amounts: Mapping[Denomination, int]) -> None:
        """Show what each note and coin adds up to (rupiah per denomination)."""

    def show_counted(self, counted: int) -> None:
        """Put the total of the piece count in the counted field."""

    def show_difference(self, check: CashCheck | None) -> None:
        """Show counted - expected (red when short); None while the count is no amount."""

    def enable_confirm(self, enabled: bool) -> None:
        """Allow (or not) closing the day."""

    def show_count_needed(self) -> None:
        """Ask for the counted cash: there is no amount to close with."""

    def show_error(self, error: KnownError) -> None:
        """Say why the day could not be closed (it stays open)."""

    def show_closed(self, day: Day) -> None:
        """The day is closed (with its Z number): the dialog's work is done."""


class CloseDayPresenter:
    """Follows the count of the drawer and closes the day with it.

    Attributes:
        counted: the counted cash so far, or None while what was typed is not an amount.
        expected: what the drawer should hold, from the cash check.
    """

    def __init__(self, view: CloseDayView, check: Check, close: Close):
        self.view = view
        self.check = check
        self.close = close
        self.counted: int | None = None
        self.expected = check(0).expected

    def start(self) -> None:
        self.view.show_expected(self.expected)
        self._update()

    def count(self, pieces: Mapping[Denomination, int]) -> None:
        """A piece count changed: the counted total follows the notes and coins."""
        self.view.show_piece_amounts({d: d.value * n for d, n in pieces.items()})
        try:
            self.counted = count_cash(pieces)
        except KnownError as exc:
            self.counted = None
            self.view.show_error(exc)
        else:
            self.view.show_counted(self.counted)
        self._update()

    def type_total(self, text: str) -> None:
        """The total was typed instead of counted."""
        text = text.strip()
        try:
            self.counted = parse_rupiah(text, allow_zero=True) if text else None
        except MoneyError:
            self.counted = None
        self._update()

    def confirm(self) -> None:
        """Close the day with the counted cash; a refusal leaves the day open and says why."""
        if self.counted is None:
            self.view.show_count_needed()
            return
        try:
            closed = self.close(self.counted)
        except KnownError as exc:
            self.view.show_error(exc)
            return
        self.view.show_closed(closed)

    def _update(self) -> None:
        if self.counted is None:
            self.view.show_difference(None)
            self.view.enable_confirm(False)
            return
        check = self.check(self.counted)
        self.expected = check.expected
        self.view.show_difference(check)
        self.view.enable_confirm(True)
