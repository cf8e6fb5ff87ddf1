"""The close dialog's rules with a fake view: the live difference comes from the cash check,
the day closes only with an amount; no Qt, no database (the service calls are faked)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime

from booth_pos.model import Day, DayError
from booth_pos.services.days import DENOMINATIONS, CashCheck
from booth_pos.ui.presenters.close_day import CloseDayPresenter

EXPECTED = 665_000  # float 500.000 + a cash sale of 165.000
NOTE_100K, NOTE_50K, COIN_500 = DENOMINATIONS[0], DENOMINATIONS[1], DENOMINATIONS[8]


class FakeView:
    def __init__(self):
        self.calls: list[tuple] = []
        self.confirm = None
        self.check: CashCheck | None = None
        self.counted_shown = None
        self.amounts = {}
        self.closed = None

    def show_expected(self, expected):
        self.calls.append(("expected", expected))

    def show_piece_amounts(self, amounts):
        self.amounts = dict(amounts)

    def show_counted(self, counted):
        self.counted_shown = counted

    def show_difference(self, check):
        self.check = check

    def enable_confirm(self, enabled):
        self.confirm = enabled

    def show_count_needed(self):
        self.calls.append(("count_needed",))

    def show_error(self, error):
        self.calls.append(("error", error.en))

    def show_closed(self, day):
        self.closed = day


class FakeDays:
    """Stands in for ``days.check_cash`` and ``days.close_day`` on the open day."""

    def __init__(self, *failures):
        self.checked: list[int] = []
        self.closes: list[int] = []
        self.failures = list(failures)

    def check(self, counted):
        self.checked.append(counted)
        return CashCheck(EXPECTED, counted)

    def close(self, counted):
        self.closes.append(counted)
        if self.failures:
            raise self.failures.pop(0)
        opened = datetime(2023, 3, 1, 2, 0, tzinfo=UTC)
        return Day(1, date(2023, 3, 1), opened, 500_000, opened, counted, 1)


def closing(*failures):
    view, service = FakeView(), FakeDays(*failures)
    presenter = CloseDayPresenter(view, service.check, service.close)
    presenter.start()
    return presenter, view, service


def test_the_dialog_opens_with_the_expected_cash_and_no_close_allowed():
    """Before any count: the expected cash is shown, the difference waits, no close."""
    presenter, view, _ = closing()
    assert view.calls == [("expected", EXPECTED)]
    assert view.check is None and view.confirm is False and presenter.counted is None


def test_a_typed_total_short_of_expected_shows_the_check_from_the_service():
    """Typing 600.000 against 665.000: the service's check says short by 65.000."""
    presenter, view, service = closing()
    presenter.type_total("600.000")
    assert service.checked[-1] == 600_000
    assert view.check == CashCheck(EXPECTED, 600_000)
    assert view.check.difference == -65_000 and view.check.short
    assert view.confirm is True


def test_counting_notes_and_coins_fills_the_total_and_the_difference():
    """6 x 100.000 + 1 x 50.000 + 30 x 500 = 665.000: balanced, each line's amount shown."""
    presenter, view, _ = closing()
    presenter.count({NOTE_100K: 6, NOTE_50K: 1, COIN_500: 30})
    assert view.amounts == {NOTE_100K: 600_000, NOTE_50K: 50_000, COIN_500: 15_000}
    assert view.counted_shown == 665_000 and presenter.counted == 665_000
    assert view.check.difference == 0 and view.confirm is True


def test_text_that_is_no_amount_cannot_close_the_day():
    """'enam ratus' is not an amount: no difference, no close, the person is asked to count."""
    presenter, view, service = closing()
    presenter.type_total("600.000")
    presenter.type_total("enam ratus")
    assert view.check is None and view.confirm is False
    presenter.confirm()
    assert view.calls[-1] == ("count_needed",) and service.closes == []


def test_an_empty_drawer_is_a_count_of_zero_but_an_empty_field_is_not():
    """'0' closes with nothing counted; an emptied field asks again."""
    presenter, view, _ = closing()
    presenter.type_total("0")
    assert view.check == CashCheck(EXPECTED, 0) and view.confirm is True
    presenter.type_total("  ")
    assert view.check is None and view.confirm is False


def test_confirm_closes_with_the_counted_cash():
    """The day is closed with exactly the counted amount and the view is told."""
    presenter, view, service = closing()
    presenter.type_total("665.000")
    presenter.confirm()
    assert service.closes == [665_000] and view.closed.counted == 665_000


def test_a_refused_close_says_why_and_can_be_tried_again():
    """The close fails (a day closed elsewhere): the reason shows; a second try closes."""
    presenter, view, service = closing(DayError(en="No business day is open", id="x"))
    presenter.type_total("665.000")
    presenter.confirm()
    assert view.calls[-1] == ("error", "No business day is open") and view.closed is None
    presenter.confirm()
    assert service.closes == [665_000, 665_000] and view.closed is not None


def test_presenters_never_load_qt():
    """The checkout and close-day logic import no Qt: they run in a headless process."""
    code = (
        "import sys, booth_pos.ui.presenters.checkout, booth_pos.ui.presenters.close_day;"
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
