"""The production order for one artisan of a bulk order (issue 17): A4, to hand over or send.

What to make (the order's lines of that artisan less what the stand already holds for it),
by when, and what the artisan will be paid for them after the stand's commission at today's
rate (the rate in force at delivery applies; the paper says so).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, TableStyle

from booth_pos.documents import trade
from booth_pos.documents.report import signatures
from booth_pos.documents.trade import WIDTH, Styles, p, w
from booth_pos.model import Settings
from booth_pos.model.wholesale import Order
from booth_pos.money import percent_of


def render_production_orders(
    order: Order,
    settings: Settings,
    artisans: Sequence[tuple[str, str, int]],
    *,
    lang: str = "id",
) -> bytes:
    """One page per artisan ``(code, name, commission_bp)`` of ``order``."""
    st = Styles()
    story: list = []
    for i, (code, name, bp) in enumerate(artisans):
        if i:
            story.append(PageBreak())
        story += _page(st, order, settings, code, name, bp, lang)
    return trade.build(story, w("production", lang), order.number, lang)


def _page(st, order: Order, settings: Settings, code: str, name: str, bp: int, lang: str):
    rp = lambda amount: trade.rupiah(amount, lang)  # noqa: E731
    number = f"{order.number}-{code}"
    facts = [
        (w("order", lang), order.number),
        (w("date", lang), trade.day(order.created_on, lang)),
        (w("due", lang), trade.day(order.due_date, lang)),
    ]
    story = [
        trade.header(st, settings, w("production", lang), number, facts, lang),
        Spacer(1, 5 * mm),
        *trade.party_box(st, w("artisan", lang), [f"{name} ({code})"]),
        Spacer(1, 4 * mm),
    ]
    pct = trade.percent(bp, lang)
    rows = [[w("product", lang), w("qty", lang), w("unit_price", lang), w("amount", lang),
             w("commission", lang, pct=pct), w("artisan_price", lang)]]  # fmt: skip
    totals = [0, 0, 0, 0]
    for line in (ln for ln in order.lines if ln.artisan_code == code):
        make = line.qty - line.reserved
        amount = line.unit_price * line.qty
        commission = percent_of(amount, bp)
        desc = [p(line.name, st.cell_bold), p(line.sku, st.small)]
        if line.reserved:
            held = {"en": "{n} held by the stand, make {m}", "fr": "{n} déjà au stand, à faire {m}",
                    "id": "{n} sudah di stan, dibuat {m}"}[lang]  # fmt: skip
            desc.append(p(held.format(n=line.reserved, m=make), st.small))
        rows.append([desc, p(str(line.qty), st.right), p(rp(line.unit_price), st.right),
                     p(rp(amount), st.right), p(rp(commission), st.right),
                     p(rp(amount - commission), st.right_bold)])  # fmt: skip
        for k, v in enumerate((line.qty, amount, commission, amount - commission)):
            totals[k] += v
    rows.append([p(w("total", lang), st.cell_bold), p(str(totals[0]), st.right_bold), "",
                 p(rp(totals[1]), st.right_bold), p(rp(totals[2]), st.right_bold),
                 p(rp(totals[3]), st.right_bold)])  # fmt: skip
    widths = [WIDTH - 14 * mm - 4 * 29 * mm, 14 * mm, 29 * mm, 29 * mm, 29 * mm, 29 * mm]
    table = trade.lines_table(st, rows, widths, right_from=1)
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, "#333333"),
                               ("BACKGROUND", (0, -1), (-1, -1), "#F7F3F0")]))  # fmt: skip
    sign = signatures(st, WIDTH, [(w("sign_artisan", lang), name, ""),
                                  (w("sign_coordinator", lang), "", "")])  # fmt: skip
    story += [
        table,
        Spacer(1, 4 * mm),
        KeepTogether([p(w("production_note", lang), st.body), Spacer(1, 6 * mm), sign]),
    ]
    return story
