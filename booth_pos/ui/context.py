"""What every page of the window shares: the store, the clock, the language and a signal bus."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from booth_pos.clock import Clock
from booth_pos.store import Store


class Bus(QObject):
    """Window-wide signals so pages stay independent of each other.

    Signals:
        sale_committed(object): a Sale was committed (history, day page, printing react).
        data_changed(): products, artisans or settings changed (pages reload).
        day_changed(): a business day was opened or closed.
        message(str): a short status-bar message for the cashier.
        correction_committed(object): a void or refund was committed (reports, printing).
        cashier_changed(): someone signed in or out.
    """

    correction_committed = Signal(object)
    cashier_changed = Signal()

    sale_committed = Signal(object)
    data_changed = Signal()
    day_changed = Signal()
    message = Signal(str)


@dataclass
class AppContext:
    """Handed to every page: ``ctx.store``, ``ctx.clock``, ``ctx.lang`` ("id"/"en"), ``ctx.bus``."""

    store: Store
    clock: Clock
    lang: str = "id"
    cashier: str = ""  # who is signed in ("" on a stand without staff accounts)
    bus: Bus = field(default_factory=Bus)
