"""The refund or void receipt (struk retur / pembatalan) the customer takes with their money.

It says what came back, how much money went out and how, who approved it and why, and which
receipt it corrects, with its own number as a barcode. It is made of the same blocks as the
sale receipt (``documents.receipt``), so the PDF and the ESC/POS printer lay it out alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from booth_pos.documents import artisan_names
from booth_pos.documents.receipt import (
    Block,
    Code,
    Pair,
    Rule,
    Text,
    header_lines,
    local_time,
    render_blocks,
)
from booth_pos.documents.strings import check_receipt_lang, count, method, t
from booth_pos.model import Artisan, Correction, Method, Settings
from booth_pos.money import format_rupiah

#: This document's words in ``strings.TABLES`` (``number`` there is ``refund_no``).
_KEYS = {"number": "refund_no"}


def _w(key: str, lang: str) -> str:
    return t(_KEYS.get(key, key), lang)


def _when(correction: Correction, settings: Settings, lang: str) -> str:
    return local_time(correction.created_at, settings, lang)


def refund_blocks(
    correction: Correction,
    settings: Settings,
    *,
    lang: str,
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    reprint: bool = False,
) -> list[Block]:
    """What the refund or void receipt says, in reading order.

    Args:
        correction: the committed void or refund.
        settings: stand name, event, venue, time zone, contact.
        lang: ``id``, ``en``, ``ko`` or ``fr``.
        artisans: artisans by code (or a list) to name them; optional.
        reprint: mark it as a copy.

    Returns:
        The blocks to lay out (``receipt.render_blocks`` or the ESC/POS printer).
    """
    check_receipt_lang(lang)
    fmt = lambda amount: format_rupiah(amount, lang)  # noqa: E731
    title = "void_title" if correction.kind == "void" else "refund_title"
    out: list[Block] = [Text(settings.stand_name, "center", "title")]
    out += header_lines(settings, lang)  # the stand's header, as on its sale receipts
    if settings.event_name.strip():
        out.append(Text(settings.event_name.strip(), "center"))
    if settings.venue.strip():
        out.append(Text(settings.venue.strip(), "center", "small"))
    out.append(Text(_w(title, lang), "center", "title"))
    if reprint:
        out.append(Text(_w("copy", lang), "center", "bold"))
    out += [
        Rule(),
        Pair(_w("number", lang), correction.number, "bold"),
        Pair(_w("original", lang), correction.receipt_no),
        Pair(t("date", lang), _when(correction, settings, lang)),
    ]
    if correction.cashier.strip():
        out.append(Pair(t("cashier", lang), correction.cashier.strip()))
    out.append(Pair(_w("supervisor", lang), correction.supervisor))
    out.append(Rule())
    for line in correction.lines:
        out.append(Text(line.name, style="bold"))
        qty_text = f"{line.qty} x {fmt(line.unit_price)}"
        if line.artisan_code:
            qty_text = f"{line.artisan_code} · {qty_text}"
        out.append(Pair(qty_text, fmt(line.amount), indent=True))
    out.append(Rule())
    out.append(Pair(count(correction.items, "items", lang), ""))
    out.append(Pair(_w("returned", lang), fmt(correction.amount), "total"))
    for p in correction.payments:
        out.append(Pair(f"{_w('paid_back', lang)}: {method(p.method, lang)}", fmt(p.amount)))
    out.append(Text(f"{_w('reason', lang)}: {correction.reason}", style="small"))
    names = artisan_names(artisans)
    codes = list(dict.fromkeys(ln.artisan_code for ln in correction.lines))
    codes = [c for c in codes if c in names]
    if codes:
        legend = " · ".join(f"{c} {names[c]}".replace(" ", "\u00a0") for c in codes)
        out.append(Text(f"{t('artisans', lang)}: {legend}", style="small"))
    if any(Method(p.method) is Method.CASH for p in correction.payments):
        # Room to sign for the cash, above a line with the caption under it.
        out += [Rule(), Text(" "), Text(" "), Text(" "), Rule()]
        out.append(Text(_w("signature", lang), "center", "small"))
    out.append(Rule())
    if settings.contact.strip():
        out.append(Text(settings.contact.strip(), "center", "small"))
    out += [Code(correction.number), Text(correction.number, "center", "small")]
    if correction.verification:  # its journal entry's code, as on a sale receipt
        out.append(Text(f"{t('verification', lang)} {correction.verification}", "center", "small"))
    return out


def render_refund_receipt(
    correction: Correction,
    settings: Settings,
    *,
    width_mm: int | None = None,
    lang: str | None = None,
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    reprint: bool = False,
) -> bytes:
    """The refund or void receipt as a PDF for roll paper.

    Args:
        correction: the committed void or refund.
        settings: the stand's settings.
        width_mm: 80 or 58; default ``settings.receipt_width``.
        lang: ``id``, ``en``, ``ko`` or ``fr``; default the original sale's language, then
            the setting.
        artisans: artisans to name; optional.
        reprint: mark it as a copy.

    Returns:
        PDF bytes, one page as tall as the content.
    """
    width_mm = width_mm or settings.receipt_width or 80
    lang = lang or correction.lang or settings.receipt_lang or "id"
    blocks = refund_blocks(correction, settings, lang=lang, artisans=artisans, reprint=reprint)
    return render_blocks(blocks, width_mm=width_mm, title=correction.number)


@dataclass(frozen=True)
class RefundDocument:
    """What a printer needs to print a correction: its blocks, a name, and the drawer."""

    name: str
    blocks: list[Block]
    kick_drawer: bool


def refund_document(
    correction: Correction,
    settings: Settings,
    *,
    lang: str | None = None,
    artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
    reprint: bool = False,
) -> RefundDocument:
    """The receipt of ``correction`` ready for any printer backend.

    The drawer opens when cash goes out, never for a copy.
    """
    lang = lang or correction.lang or settings.receipt_lang or "id"
    blocks = refund_blocks(correction, settings, lang=lang, artisans=artisans, reprint=reprint)
    cash = any(Method(p.method) is Method.CASH and p.amount for p in correction.payments)
    return RefundDocument(correction.number, blocks, cash and not reprint)
