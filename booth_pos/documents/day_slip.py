"""The artisan's day slip: what sold today and what the stand owes, for the family member
who comes by in the evening.

One 80 mm (or 58 mm) slip per artisan: the stand, the date, what sold product by product
(qty and net after the day's discounts and refunds), the day's net, commission and payout,
what was paid out today, and the running balance of the event. Made of the receipt's blocks:
``render_day_slips`` puts every slip of a day in one PDF, a page each, and each slip prints
on its own through the receipt printer (``day_slip_document``).
"""

from __future__ import annotations

from collections.abc import Sequence

from babel.dates import format_date

from booth_pos.documents.receipt import (
    Block,
    Document,
    Pair,
    Rule,
    Text,
    header_lines,
    render_pages,
)
from booth_pos.documents.strings import check_lang, count, t
from booth_pos.model import OPEN_PRICE_SKU, KnownError, Settings
from booth_pos.model.report import DaySlip
from booth_pos.money import format_percent, format_rates, format_rupiah

# key: (Indonesian, English)
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("SLIP HARIAN PENGRAJIN", "ARTISAN DAY SLIP"),
    "date": ("Tanggal", "Date"),
    "sold": ("Terjual hari ini", "Sold today"),
    "nothing": ("Tidak ada penjualan hari ini.", "Nothing sold today."),
    "net": ("Neto hari ini", "Net today"),
    "commission": ("Komisi stan {rate}", "Stand commission {rate}"),
    "payout": ("Hak pengrajin hari ini", "Owed for today"),
    "paid": ("Dibayar hari ini", "Paid out today"),
    "balance": ("SALDO PAMERAN", "EVENT BALANCE"),
    "balance_note": (
        "Yang masih harus dibayar stan kepada pengrajin untuk seluruh pameran sampai akhir hari "
        "ini.",
        "What the stand still owes the artisan for the whole event up to the end of this day.",
    ),
}


def _w(key: str, lang: str, **values) -> str:
    idn, eng = _WORDS[key]
    text = idn if check_lang(lang) == "id" else eng
    return text.format(**values) if values else text


def day_slip_blocks(slip: DaySlip, settings: Settings, *, lang: str) -> list[Block]:
    """What one artisan's day slip says, in reading order.

    Args:
        slip: the artisan's day (``services.reports.day_slips``).
        settings: stand name, header lines, event, venue.
        lang: ``id`` or ``en``.

    Returns:
        The blocks to lay out.
    """
    check_lang(lang)
    rp = lambda amount: format_rupiah(amount, lang)  # noqa: E731
    day = slip.day
    when = format_date(
        slip.business_date, "EEEE, d MMMM y", locale="id_ID" if lang == "id" else "en"
    )
    artisan = " · ".join(x for x in (slip.artisan_code, slip.artisan_name.strip()) if x)
    out: list[Block] = [Text(slip.stand_name or settings.stand_name, "center", "title")]
    out += header_lines(settings, lang)
    event = slip.event_name.strip() or settings.event_name.strip()
    if event:
        out.append(Text(event, "center"))
    if settings.venue.strip():
        out.append(Text(settings.venue.strip(), "center", "small"))
    out += [
        Text(_w("title", lang), "center", "title"),
        Rule(),
        Pair(_w("date", lang), when),
        Text(f"{t('artisan', lang)}: {artisan}", style="bold"),
        Rule(),
        Text(_w("sold", lang), style="bold"),
    ]
    for line in slip.lines:
        name = line.name if line.sku != OPEN_PRICE_SKU else _OPEN_PRICE[lang == "en"]
        out.append(Pair(f"{line.qty} x {name}", rp(line.net), indent=True))
    if not slip.lines:
        out.append(Text(_w("nothing", lang), style="small"))
    rates = day.all_rates
    rate = format_percent(rates[0], lang) if len(rates) == 1 else format_rates(rates, lang)
    out += [
        Rule(),
        Pair(f"{_w('net', lang)} ({count(day.items, 'items', lang)})", rp(day.net)),
        Pair(_w("commission", lang, rate=f"({rate})"), rp(-day.commission)),
        Pair(_w("payout", lang), rp(day.payout), "bold"),
    ]
    if day.paid_out:
        out.append(Pair(_w("paid", lang), rp(-day.paid_out)))
    out += [
        Rule(),
        Pair(_w("balance", lang), rp(slip.balance), "total"),
        Text(_w("balance_note", lang), style="small"),
    ]
    return out


#: The slip's line for all of a day's open-price sales of the artisan (no product name).
_OPEN_PRICE = ("Barang harga terbuka", "Open-price goods")


def _name(slip: DaySlip) -> str:
    return f"SLIP-{slip.business_date.isoformat()}-{slip.artisan_code}"


def day_slip_document(slip: DaySlip, settings: Settings, *, lang: str | None = None) -> Document:
    """One artisan's slip ready for any roll-paper printer (``printing.print_document``)."""
    lang = lang or settings.receipt_lang or "id"
    return Document(_name(slip), day_slip_blocks(slip, settings, lang=lang))


def render_day_slips(
    slips: Sequence[DaySlip],
    settings: Settings,
    lang: str | None = None,
    *,
    width_mm: int | None = None,
) -> bytes:
    """Every artisan's slip of a day in one PDF for roll paper, a page (a slip) each.

    Args:
        slips: the day's slips, one per artisan.
        settings: the stand's settings.
        lang: ``id`` or ``en``; default the settings' receipt language.
        width_mm: 80 or 58; default ``settings.receipt_width``.

    Raises:
        KnownError: there is no slip to print.
    """
    if not slips:
        raise KnownError(
            en="No artisan sold anything or was paid on this day: no slip to print",
            id="Tidak ada pengrajin yang terjual atau dibayar hari itu: tidak ada slip",
        )
    lang = lang or settings.receipt_lang or "id"
    pages = [day_slip_blocks(s, settings, lang=lang) for s in slips]
    title = f"{_w('title', lang)} {slips[0].business_date.isoformat()}"
    return render_pages(pages, width_mm=width_mm or settings.receipt_width or 80, title=title)
