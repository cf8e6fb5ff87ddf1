"""Builds the window's pages by key, so the main window does not import every page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from booth_pos.ui.context import AppContext


def build(key: str, ctx: AppContext, window) -> QWidget:
    if key == "products":
        from booth_pos.ui.products_page import ProductsPage

        return ProductsPage(ctx)
    if key == "artisans":
        from booth_pos.ui.artisans_page import ArtisansPage

        return ArtisansPage(ctx)
    if key == "history":
        from booth_pos.ui.history_page import HistoryPage

        page = HistoryPage(ctx)
        page.reprint_requested.connect(lambda sale: window.print_receipt(sale, reprint=True))
        return page
    if key == "settings":
        from booth_pos.ui.settings_page import SettingsPage

        return SettingsPage(ctx, window)
    if key == "day":
        from booth_pos.ui.day_page import DayPage

        return DayPage(ctx)
    raise KeyError(key)
