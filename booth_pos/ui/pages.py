"""Builds the window's pages by key, so the main window does not import every page.

A page gets what it needs from the window as plain callables, never the window itself:
pages do not know the main window (no import cycle, and each page can be built alone).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from booth_pos.model import Sale
from booth_pos.ui.context import AppContext


def build(
    key: str,
    ctx: AppContext,
    *,
    reprint: Callable[[Sale], object],
    apply_language: Callable[[str], None],
    sync=None,
) -> QWidget:
    """The page for ``key``; its module is imported on first use (fast cold start).

    Args:
        key: "products", "artisans", "history", "settings", "day", "sync" or "quotes".
        ctx: the shared store, clock, language and bus.
        reprint: prints a copy of a sale's receipt (the history page's Reprint).
        apply_language: switches the window's language (the settings page's save).
        sync: the window's ``SyncWorker`` (the sync page shows and drives it).
    """
    if key == "products":
        from booth_pos.ui.products_page import ProductsPage

        return ProductsPage(ctx)
    if key == "artisans":
        from booth_pos.ui.artisans_page import ArtisansPage

        return ArtisansPage(ctx)
    if key == "history":
        from booth_pos.ui.history_page import HistoryPage

        page = HistoryPage(ctx)
        page.reprint_requested.connect(reprint)
        return page
    if key == "settings":
        from booth_pos.ui.settings_page import SettingsPage

        return SettingsPage(ctx, apply_language)
    if key == "day":
        from booth_pos.ui.day_page import DayPage

        return DayPage(ctx)
    if key == "sync":
        from booth_pos.ui.sync_page import SyncPage

        return SyncPage(ctx, sync)
    if key == "quotes":  # issue 17: bulk buyers
        from booth_pos.ui.quotes_page import QuotesPage

        return QuotesPage(ctx)
    raise KeyError(key)
