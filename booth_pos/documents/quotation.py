"""The quotation ``Q-0001`` for a bulk buyer (issue 17): A4, in the buyer's language.

The stand's header and contact, the buyer, each line with its photo, MOQ and lead time, unit
and line prices in the buyer's currency with the rupiah beside, the validity, the payment
terms (deposit, bank details) and a Code128 of the quote number.
"""

from __future__ import annotations

import os
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from booth_pos.documents import trade
from booth_pos.documents.trade import WIDTH, Styles, p, w
from booth_pos.model import Settings
from booth_pos.model.wholesale import Quote
from booth_pos.money import parse_rate, percent_of


def render_quotation(
    quote: Quote,
    settings: Settings,
    *,
    lang: str,
    ready_by: date,
    deposit_bp: int = 3000,
    bank: str = "",
    image_dir: str | os.PathLike | None = None,
) -> bytes:
    """The quotation as PDF bytes.

    Args:
        quote: the quote, its lines carrying photo paths and MOQs.
        settings: the stand's name, header, contact, event.
        lang: ``en``, ``fr`` or ``id``.
        ready_by: the quote's day plus its longest lead time.
        deposit_bp: the deposit asked on order, in basis points.
        bank: the stand's bank details (several lines).
        image_dir: folder for relative photo paths.
    """
    if lang not in trade.LANGS:
        raise ValueError(f"unknown language {lang!r}")
    st = Styles()
    rate = parse_rate(quote.rate)
    cur = quote.currency

    def fx(amount: int) -> str:
        return trade.foreign(amount, rate, cur, lang)

    def rp(amount: int) -> str:
        return trade.rupiah(amount, lang)

    facts = [
        (w("date", lang), trade.day(quote.created_on, lang)),
        (w("valid_until", lang), trade.day(quote.valid_until, lang)),
    ]
    story: list = [
        trade.header(st, settings, w("quotation", lang), quote.number, facts, lang),
        Spacer(1, 5 * mm),
    ]
    b = quote.buyer
    buyer = trade.party_box(
        st, w("buyer", lang), [b.name, b.company, trade.country(b.country, lang), b.contact]
    )
    story += [Table([[buyer]], colWidths=[WIDTH]), Spacer(1, 4 * mm)]
    story[-2].setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))

    head = [
        "",
        w("product", lang),
        w("qty", lang),
        w("unit_price", lang),
        w("amount", lang),
    ]
    rows: list[list] = [head]
    for line in quote.lines:
        desc = [p(line.name, st.cell_bold), p(f"{line.sku} · {line.artisan_code}", st.small)]
        terms = f"{w('moq', lang)} {line.moq}"
        if line.lead_days:
            terms += f" · {w('lead', lang)} {w('days', lang, n=line.lead_days)}"
        desc.append(p(terms, st.small))
        rows.append(
            [
                trade.photo(line.image, image_dir),
                desc,
                p(str(line.qty), st.right),
                [p(fx(line.unit_price), st.right_bold), p(rp(line.unit_price), st.right_small)],
                [p(fx(line.amount), st.right_bold), p(rp(line.amount), st.right_small)],
            ]
        )
    rows.append(
        [
            "",
            p(w("total", lang), st.cell_bold),
            p(str(sum(ln.qty for ln in quote.lines)), st.right_bold),
            "",
            [p(fx(quote.total), st.right_bold), p(rp(quote.total), st.right_small)],
        ]
    )
    widths = [19 * mm, WIDTH - 19 * mm - 16 * mm - 2 * 34 * mm, 16 * mm, 34 * mm, 34 * mm]
    table = trade.lines_table(st, rows, widths, right_from=2)
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, "#333333"),
                               ("BACKGROUND", (0, -1), (-1, -1), "#F7F3F0")]))  # fmt: skip
    story += [table, Spacer(1, 1.5 * mm)]
    story.append(p(w("rate", lang, code=cur, rate=trade.rate_number(rate, lang)), st.note))
    story.append(Spacer(1, 5 * mm))

    deposit = percent_of(quote.total, deposit_bp)
    pct = trade.percent(deposit_bp, lang)
    terms = [
        p(w("terms", lang), st.h2),
        p(
            w(
                "validity",
                lang,
                date=trade.day(quote.valid_until, lang),
                days=quote.lead_days,
                ready=trade.day(ready_by, lang),
            ),
            st.body,
        ),  # fmt: skip
        Spacer(1, 1.5 * mm),
        p(w("deposit_terms", lang, pct=pct, amount=f"{fx(deposit)} · {rp(deposit)}"), st.body),
    ]
    if bank:
        terms += [Spacer(1, 2 * mm), p(w("bank", lang), st.cell_bold), p(bank, st.body)]
    story.append(KeepTogether(terms))
    return trade.build(story, w("quotation", lang), quote.number, lang)
