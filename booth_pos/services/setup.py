"""The first run: what a new stand is asked before the till opens, and how far it got.

A database is *empty* when it has no artisans, no products and no sales: nothing a
coordinator would lose by being asked to set the stand up. Such a database opens the setup
instead of an empty till; so does one whose setup was started and left (the step reached is
kept in ``settings`` under ``setup_step``, so re-opening the app returns to it). Each step
saves what it set through ``services.settings`` (the Settings page's validation and audit).
"""

from __future__ import annotations

from datetime import datetime

from booth_pos.model import KnownError
from booth_pos.services import settings as settings_service
from booth_pos.store import Store

#: The steps in order, and the settings (``as_texts`` names) each one sets.
STEPS: dict[str, tuple[str, ...]] = {
    "stand": ("stand_name", "event_name", "venue", "ui_lang"),
    "event": ("event_start", "event_end", "timezone"),
    "till": ("till", "receipt_lang", "printer", "printer_target", "receipt_width"),
    "fill": (),
}
ORDER = tuple(STEPS)
DONE = "done"


def is_empty(store: Store) -> bool:
    """No artisans, no products and no sales: a new stand."""
    return not store.artisans.codes() and not store.products.count() and not store.sales.count()


def step(store: Store) -> str:
    """The step to show: the one reached, the first on an empty database never set up, or
    ``DONE`` (the till opens)."""
    reached = store.setup_step()
    if reached in STEPS:
        return reached
    if reached == DONE or not is_empty(store):
        return DONE
    return ORDER[0]


def started(store: Store) -> bool:
    """A person has moved through at least one step (a filled store then stays in setup)."""
    return store.setup_step() in STEPS or store.setup_step() == DONE


def save_step(
    store: Store, name: str, texts: dict[str, str], *, actor: str = "", at: datetime | None = None
) -> str:
    """Validate and save the settings of step ``name`` (as the Settings page does, audited)
    and move to the next step; returns it.

    Raises:
        SettingsError: a value that cannot be saved (``.key`` names it); nothing changed.
    """
    current = settings_service.current(store)
    merged = settings_service.as_texts(current)
    merged.update({key: texts[key] for key in STEPS[name] if key in texts})
    new = settings_service.from_texts(current, merged)
    following = ORDER[min(ORDER.index(name) + 1, len(ORDER) - 1)]
    with store.atomic():
        settings_service.save(store, new, actor=actor, at=at)
        store.save_setup_step(following)
    return following


def go_back(store: Store, name: str) -> str:
    """Return to the step before ``name`` (nothing is saved from ``name``); returns it."""
    before = ORDER[max(ORDER.index(name) - 1, 0)]
    store.save_setup_step(before)
    return before


def finish(store: Store) -> None:
    """End the setup; the till opens from now on.

    Raises:
        KnownError: the stand has no artisan or no product yet (the till would sell nothing).
    """
    if not store.artisans.codes() or not store.products.count():
        raise KnownError(
            en="Add at least one artisan and one product (or open the demo stand) first",
            id="Tambahkan minimal satu pengrajin dan satu produk (atau buka stan demo) dulu",
        )
    store.save_setup_step(DONE)


def open_demo(store: Store, clock) -> tuple[int, int]:
    """Fill the stand with the demo stand (its own names and dates) and end the setup."""
    from booth_pos.services import demo

    counts = demo.load_stand(store, clock)
    store.save_setup_step(DONE)
    return counts
