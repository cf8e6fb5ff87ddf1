"""The Day page shows the rates of the day the receipts use, and says when they are stale."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QLabel

from booth_pos.services import days
from booth_pos.ui.context import AppContext
from booth_pos.ui.day_page import DayPage

pytestmark = pytest.mark.gui


def page_for(qtbot, store, clock, lang: str = "en") -> DayPage:
    page = DayPage(AppContext(store=store, clock=clock, lang=lang))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.refresh()
    return page


def rates_text(page) -> str:
    return page.findChild(QLabel, "dayRates").text()


def test_the_mornings_rates_are_on_the_day_page(qtbot, demo_store, clock):
    """Entered today: each currency with its rate as people read it, and the date."""
    demo_store.save_settings(
        dataclasses.replace(
            demo_store.settings(), rates="EUR=17250; KRW=11.85", rates_date="2023-03-01"
        )
    )
    days.open_day(demo_store, clock, 0)
    text = rates_text(page_for(qtbot, demo_store, clock))
    assert "2023-03-01" in text and "EUR 17,250" in text and "KRW 11.85" in text
    assert "not today's" not in text
    idn = rates_text(page_for(qtbot, demo_store, clock, "id"))
    assert "EUR 17.250" in idn and "KRW 11,85" in idn


def test_yesterdays_rates_are_pointed_out(qtbot, demo_store, clock):
    """Rates dated another day than the open one: the coordinator is told to update them."""
    demo_store.save_settings(
        dataclasses.replace(demo_store.settings(), rates="EUR=17250", rates_date="2023-02-28")
    )
    days.open_day(demo_store, clock, 0)
    assert "not today's rates" in rates_text(page_for(qtbot, demo_store, clock))


def test_no_rates_says_receipts_show_rupiah_only(qtbot, demo_store, clock):
    """A stand with no rates is told what that means for the receipts."""
    assert "rupiah only" in rates_text(page_for(qtbot, demo_store, clock))
