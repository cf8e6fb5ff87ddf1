"""Money events only move forward: nothing is dated before the journal's last entry, so a
clock turned back (or a replay clock set earlier) cannot slip a sale into a past day."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import raw

from booth_pos.clock import Clock
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import corrections, days, journal, selling, staff, timeline

CHEAP = staff.PinCost(n=16, r=1, p=1)


@pytest.fixture
def stand(demo_store, clock):
    """The demo stand with Dewi (supervisor 2468) and Rina (cashier 1111), the day open at
    10:00 and one sale rung up at 11:00."""
    staff.add_staff(demo_store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        demo_store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    days.open_day(demo_store, clock, 500_000)
    clock.advance(timedelta(hours=1))
    sell(demo_store, clock)
    return demo_store


def sell(store, clock):
    cart = Cart(cashier="Rina")
    selling.add(store, cart, "ECO-04")
    return selling.complete(store, cart, [Tender(Method.CASH)], clock)


def written(store) -> tuple[int, int, int]:
    rows = raw(store)
    return (
        rows.execute("SELECT count(*) FROM sales").fetchone()[0],
        rows.execute("SELECT count(*) FROM corrections").fetchone()[0],
        store.journal.last()[0],
    )


def test_a_sale_dated_before_the_last_entry_is_refused_and_writes_nothing(stand, clock):
    """A sale at 10:30 after one at 11:00 (the clock turned back to fill a gap in the day)
    is refused in both languages; no sale, no receipt number, no journal entry."""
    before = written(stand)
    earlier = Clock(clock.now() - timedelta(minutes=30))
    with pytest.raises(timeline.PastTimeError) as refused:
        sell(stand, earlier)
    assert "before the last entry" in refused.value.text("en")
    assert "sebelum catatan terakhir" in refused.value.text("id")
    assert written(stand) == before
    assert sell(stand, clock).receipt_no == "T1-000002"  # no number was used up
    assert journal.verify(stand).ok


def test_a_refund_dated_before_the_last_entry_is_refused(stand, clock):
    """A refund timed before the sale it follows in the journal is refused, writing nothing."""
    before = written(stand)
    earlier = Clock(clock.now() - timedelta(seconds=1))
    with pytest.raises(timeline.PastTimeError):
        corrections.refund(
            stand, "T1-000001", reason="rusak", supervisor="Dewi", pin="2468", clock=earlier,
            cashier="Rina",
        )  # fmt: skip
    assert written(stand) == before


def test_a_day_cannot_be_closed_or_opened_in_the_past(stand, clock):
    """Closing the day, then opening one dated yesterday to ring up sales in it, is refused:
    a sale would otherwise follow that backdated opening."""
    days.close_day(stand, clock, 665_000)
    yesterday = Clock(clock.now() - timedelta(days=1))
    with pytest.raises(timeline.PastTimeError):
        days.open_day(stand, yesterday, 0)
    assert days.current_day(stand) is None


def test_the_same_moment_and_later_are_fine(stand, clock):
    """A second sale at the very same instant (a replay clock that does not move) and one
    later both go through."""
    assert sell(stand, clock).receipt_no == "T1-000002"
    clock.advance(timedelta(seconds=1))
    assert sell(stand, clock).receipt_no == "T1-000003"


def test_the_test_only_setting_lets_a_replay_go_back(stand, clock):
    """A clock made with ``allow_past`` (``BOOTH_POS_ALLOW_PAST=1`` with ``BOOTH_POS_NOW``)
    may date a sale before the last entry, as tests replaying an event need."""
    earlier = Clock(clock.now() - timedelta(hours=2), allow_past=True)
    assert sell(stand, earlier).receipt_no == "T1-000002"
    assert journal.verify(stand).ok


def test_the_demo_still_replays_its_days(store, clock):
    """The demo generator rings up two days of sales through the till's code, in time order,
    with no need for the test-only setting."""
    from booth_pos.services import demo

    demo.load_stand(store, clock)
    assert demo.simulate(store, 2, 15) == 30
    assert demo.simulate(store, 1, 5) == 5  # days follow the last one
    assert journal.verify(store).ok
