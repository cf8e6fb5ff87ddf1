"""PDF documents: receipts, labels, the buyer's catalogue (reportlab; never Qt).

Every document embeds the fonts in ``booth_pos/resources/fonts`` (see ``fonts``), formats
rupiah only through ``booth_pos.money.format_rupiah`` and prints its words from ``strings``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from booth_pos.model import Artisan


def artisan_names(
    artisans: Mapping[str, Artisan | str] | Iterable[Artisan] | None,
) -> dict[str, str]:
    """Artisan code -> name, from a mapping by code, a list of artisans, or None."""
    if artisans is None:
        return {}
    if isinstance(artisans, Mapping):
        return {code: a.name if isinstance(a, Artisan) else str(a) for code, a in artisans.items()}
    return {a.code: a.name for a in artisans}
