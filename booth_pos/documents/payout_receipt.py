"""The payout receipt (bukti pembayaran): money the stand hands an artisan, signed for.

It says how much went out and how (cash from the drawer, or a transfer with its reference),
which figures it settles (the artisan's net, commission and payout over the event so far),
what the stand owed before and still owes after, who paid and who approved, with two places
to sign and the payout number as Code128. Made of the receipt's blocks, so the PDF folder,
the ESC/POS printer and the system printer all print it; a cash payout opens the drawer.
"""

from __future__ import annotations

from booth_pos.documents.receipt import (
    Block,
    Code,
    Document,
    Pair,
    Rule,
    Sign,
    Text,
    header_lines,
    local_time,
    render_blocks,
)
from booth_pos.documents.strings import check_lang, method, t
from booth_pos.model import Settings
from booth_pos.model.report import ArtisanFigures
from booth_pos.model.stock import Payout, PayoutMethod
from booth_pos.money import format_percent, format_rates, format_rupiah

# key: (Indonesian, English)
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("BUKTI PEMBAYARAN", "PAYOUT RECEIPT"),
    "subtitle": ("Setoran hasil penjualan pengrajin", "Artisan's share of sales"),
    "copy": ("SALINAN", "COPY"),
    "number": ("No. pembayaran", "Payout no."),
    "supervisor": ("Disetujui", "Approved by"),
    "paid": ("DIBAYAR", "PAID"),
    "method": ("Cara bayar", "Method"),
    "settles": ("Angka pameran sampai saat ini", "Event figures so far"),
    "net": ("Neto penjualan", "Net sales"),
    "commission": ("Komisi stan {rate}", "Stand commission {rate}"),
    "payout": ("Hak pengrajin", "Owed to the artisan"),
    "earlier": ("Sudah dibayar sebelumnya", "Paid before"),
    "before": ("Saldo sebelum pembayaran", "Balance before payment"),
    "now": ("Dibayar sekarang", "Paid now"),
    "after": ("SISA SALDO", "BALANCE LEFT"),
    "agree": (
        "Pengrajin telah menerima uang sejumlah di atas dari stan.",
        "The artisan has received the amount above from the stand.",
    ),
    "receiver": ("Penerima (pengrajin)", "Received by (artisan)"),
    "payer": ("Dibayar oleh", "Paid by"),
}


def _w(key: str, lang: str, **values) -> str:
    idn, eng = _WORDS[key]
    text = idn if check_lang(lang) == "id" else eng
    return text.format(**values) if values else text


def _artisan(payout: Payout) -> str:
    return " · ".join(x for x in (payout.artisan_code, payout.artisan_name.strip()) if x)


def payout_blocks(
    payout: Payout,
    figures: ArtisanFigures | None,
    settings: Settings,
    *,
    lang: str,
    reprint: bool = False,
) -> list[Block]:
    """What the payout receipt says, in reading order.

    Args:
        payout: the payout as recorded.
        figures: the artisan's event figures it settles (net, commission, payout owed), as
            they stood when it was paid; what was paid before is their payout minus
            ``payout.owed_before``. None leaves that part out.
        settings: stand name, header lines, event, venue, time zone.
        lang: ``id`` or ``en``.
        reprint: mark it as a copy.

    Returns:
        The blocks to lay out (``receipt.render_blocks`` or the ESC/POS printer).
    """
    check_lang(lang)
    rp = lambda amount: format_rupiah(amount, lang)  # noqa: E731
    out: list[Block] = [Text(settings.stand_name, "center", "title")]
    out += header_lines(settings, lang)
    if settings.event_name.strip():
        out.append(Text(settings.event_name.strip(), "center"))
    if settings.venue.strip():
        out.append(Text(settings.venue.strip(), "center", "small"))
    out += [Text(_w("title", lang), "center", "title"), Text(_w("subtitle", lang), "center")]
    if reprint:
        out.append(Text(_w("copy", lang), "center", "bold"))
    out += [
        Rule(),
        Pair(_w("number", lang), payout.number, "bold"),
        Pair(t("date", lang), local_time(payout.created_at, settings, lang)),
    ]
    if payout.staff.strip():
        out.append(Pair(t("staff", lang), payout.staff.strip()))
    if payout.supervisor.strip():
        out.append(Pair(_w("supervisor", lang), payout.supervisor.strip()))
    out += [
        Text(f"{t('artisan', lang)}: {_artisan(payout)}", style="bold"),
        Rule(),
        Pair(_w("paid", lang), rp(payout.amount), "total"),
        Pair(_w("method", lang), method(PayoutMethod(payout.method).value, lang)),
    ]
    if payout.reference.strip():
        out.append(Pair(f"{t('ref', lang)} {payout.reference.strip()}", "", "small", indent=True))
    out.append(Rule())
    if figures is not None:
        rates = figures.all_rates
        rate = format_percent(rates[0], lang) if len(rates) == 1 else format_rates(rates, lang)
        out += [
            Text(_w("settles", lang), style="bold"),
            Pair(_w("net", lang), rp(figures.net)),
            Pair(_w("commission", lang, rate=f"({rate})"), rp(-figures.commission)),
            Pair(_w("payout", lang), rp(figures.payout), "bold"),
        ]
        earlier = figures.payout - payout.owed_before  # paid before this payout
        if earlier:
            out.append(Pair(_w("earlier", lang), rp(-earlier)))
    out += [
        Pair(_w("before", lang), rp(payout.owed_before)),
        Pair(_w("now", lang), rp(-payout.amount)),
        Pair(_w("after", lang), rp(payout.owed_after), "total"),
        Rule(),
        Text(_w("agree", lang), style="small"),
        Sign(_w("receiver", lang), _artisan(payout)),
        Sign(_w("payer", lang), payout.staff.strip()),
        Code(payout.number),
        Text(payout.number, "center", "small"),
    ]
    return out


def payout_document(
    payout: Payout,
    figures: ArtisanFigures | None,
    settings: Settings,
    *,
    lang: str | None = None,
    reprint: bool = False,
) -> Document:
    """The payout receipt ready for any roll-paper printer (``printing.print_document``).

    The drawer opens for a cash payout (the money comes out of it), never for a copy.
    """
    lang = lang or settings.receipt_lang or "id"
    blocks = payout_blocks(payout, figures, settings, lang=lang, reprint=reprint)
    cash = PayoutMethod(payout.method) is PayoutMethod.CASH
    return Document(payout.number, blocks, cash and not reprint)


def render_payout_receipt(
    payout: Payout,
    figures: ArtisanFigures | None,
    settings: Settings,
    *,
    lang: str | None = None,
    width_mm: int | None = None,
    reprint: bool = False,
) -> bytes:
    """The payout receipt as a PDF for roll paper.

    Args:
        payout: the payout as recorded.
        figures: the artisan's event figures it settles, or None.
        settings: the stand's settings.
        lang: ``id`` or ``en``; default the settings' receipt language.
        width_mm: 80 or 58; default ``settings.receipt_width``.
        reprint: mark it as a copy.

    Returns:
        PDF bytes, one page as tall as the content.
    """
    lang = lang or settings.receipt_lang or "id"
    blocks = payout_blocks(payout, figures, settings, lang=lang, reprint=reprint)
    return render_blocks(
        blocks, width_mm=width_mm or settings.receipt_width or 80, title=payout.number
    )
