"""The first run's rules on a real database: what counts as a new stand, how far its setup
got, and that a refused step saves nothing."""

from __future__ import annotations

import pytest

from booth_pos.model import Cart, KnownError, Method, Tender
from booth_pos.services import days, demo, selling, setup
from booth_pos.services import settings as settings_service


def test_a_new_database_is_empty_and_starts_at_the_first_step(store):
    """No artisans, products or sales: the setup opens at the stand step."""
    assert setup.is_empty(store)
    assert setup.step(store) == "stand"
    assert not setup.started(store)


def test_a_filled_database_never_asks_to_be_set_up(demo_store):
    """The demo stand (loaded by the command line, say) opens the till."""
    assert not setup.is_empty(demo_store)
    assert setup.step(demo_store) == setup.DONE


def test_a_database_with_only_sales_history_is_not_empty(demo_store, clock):
    """Sales count: a stand that sold is never taken for a new one."""
    days.open_day(demo_store, clock, 0)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-01")
    selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    assert demo_store.sales.count() == 1
    assert not setup.is_empty(demo_store)


def test_each_step_saves_its_settings_and_the_next_step_is_kept(store, clock):
    """The stand step saves the names (audited as settings) and the store remembers the
    event step; a second open of the file would come back to it."""
    nxt = setup.save_step(
        store, "stand", {"stand_name": "Dekranasda Kota Serang", "event_name": "Ina Craft"},
        actor="", at=clock.now(),
    )  # fmt: skip
    assert nxt == "event"
    assert setup.step(store) == "event" and setup.started(store)
    assert store.settings().stand_name == "Dekranasda Kota Serang"
    assert [e.kind for e in store.audit.entries()][-1] == "settings"


def test_a_refused_step_saves_nothing_and_names_the_field(store, clock):
    """A bad till code is refused naming `till`; the step reached and the settings stay."""
    setup.save_step(store, "stand", {"stand_name": "Stan"}, at=clock.now())
    setup.save_step(store, "event", {"event_start": "2023-03-01"}, at=clock.now())
    before = settings_service.as_texts(store.settings())
    with pytest.raises(settings_service.SettingsError) as refused:
        setup.save_step(store, "till", {"till": "T 1"}, at=clock.now())
    assert refused.value.key == "till"
    assert setup.step(store) == "till"
    assert settings_service.as_texts(store.settings()) == before


def test_a_step_saves_only_its_own_fields(store, clock):
    """Texts of another step handed in by mistake are not saved by this one."""
    setup.save_step(store, "stand", {"stand_name": "Stan", "till": "T9"}, at=clock.now())
    assert store.settings().till == "T1"


def test_finishing_needs_an_artisan_and_a_product(store, clock):
    """The till would sell nothing: finishing an empty stand is refused, in both languages."""
    with pytest.raises(KnownError) as refused:
        setup.finish(store)
    assert "artisan" in refused.value.en and "pengrajin" in refused.value.id
    demo.load_stand(store, clock)
    setup.finish(store)
    assert setup.step(store) == setup.DONE


def test_back_returns_one_step_and_never_before_the_first(store):
    """Back from the till step is the event step; from the first it stays."""
    assert setup.go_back(store, "till") == "event"
    assert setup.go_back(store, "stand") == "stand"
