"""The pro-forma invoice of a bulk order (issue 17): what a buyer's bank or customs needs.

Seller and buyer, per product an HS code and description, quantities, unit and line prices
in the agreed currency and in rupiah, the incoterm, the country of origin, the deposit
received and the balance, the payment terms and bank details. Not a tax invoice.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from booth_pos.documents import trade
from booth_pos.documents.report import signatures
from booth_pos.documents.trade import WIDTH, Styles, p, w
from booth_pos.model import Settings
from booth_pos.model.wholesale import Order, Quote
from booth_pos.money import parse_rate


def render_proforma(
    order: Order,
    quote: Quote,
    settings: Settings,
    *,
    lang: str,
    descriptions: dict[str, tuple[str, str]],
    incoterm: str = "EXW Jakarta",
    bank: str = "",
    image_dir=None,
) -> bytes:
    """The pro-forma invoice as PDF bytes.

    Args:
        order: the order (its lines and the deposit received).
        quote: its quote (buyer, currency, rate; lines with photos).
        descriptions: ``sku -> (hs_code, category)``.
        incoterm: e.g. ``EXW Jakarta``, ``FOB Tanjung Priok``.
    """
    st = Styles()
    rate = parse_rate(quote.rate)
    cur = quote.currency

    def fx(amount: int) -> str:
        return trade.foreign(amount, rate, cur, lang)

    def rp(amount: int) -> str:
        return trade.rupiah(amount, lang)

    number = f"PF-{order.number}"
    facts = [
        (w("date", lang), trade.day(order.created_on, lang)),
        (w("order", lang), order.number),
        (w("quote", lang), quote.number),
        (w("incoterm", lang), incoterm),
    ]
    s = settings
    seller = trade.party_box(
        st, w("seller", lang), [s.stand_name, s.receipt_header_for("en"), s.venue, s.contact]
    )
    b = quote.buyer
    buyer = trade.party_box(
        st, w("buyer", lang), [b.name, b.company, trade.country(b.country, lang), b.contact]
    )
    parties = Table([[seller, buyer]], colWidths=[WIDTH / 2, WIDTH / 2])
    parties.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    story: list = [
        trade.header(st, settings, w("proforma", lang), number, facts, lang),
        Spacer(1, 5 * mm),
        parties,
        Spacer(1, 4 * mm),
    ]
    images = {ln.sku: ln.image for ln in quote.lines}
    rows: list[list] = [["", w("hs", lang), w("qty", lang), w("unit_price", lang),
                         w("amount", lang)]]  # fmt: skip
    for line in order.lines:
        hs, category = descriptions.get(line.sku, ("", ""))
        desc = [p(line.name, st.cell_bold)]
        desc.append(p(" · ".join(x for x in (f"HS {hs}" if hs else "", category, line.sku) if x),
                      st.small))  # fmt: skip
        rows.append([
            trade.photo(images.get(line.sku, ""), image_dir, 12 * mm),
            desc,
            p(str(line.qty), st.right),
            [p(fx(line.unit_price), st.right_bold), p(rp(line.unit_price), st.right_small)],
            [p(fx(line.amount), st.right_bold), p(rp(line.amount), st.right_small)],
        ])  # fmt: skip

    def money_row(label: str, amount: int, bold: bool = False):
        style = st.right_bold if bold else st.right
        return ["", p(label, st.cell_bold if bold else st.cell), "", "",
                [p(fx(amount), style), p(rp(amount), st.right_small)]]  # fmt: skip

    rows.append(money_row(w("total", lang), order.total, bold=True))
    rows.append(money_row(w("deposit_paid", lang), order.deposit))
    if order.paid:
        rows.append(money_row(w("paid_delivery", lang), order.paid))
    rows.append(money_row(w("balance", lang), order.balance, bold=True))
    first_total = -4 if order.paid else -3
    widths = [15 * mm, WIDTH - 15 * mm - 16 * mm - 2 * 34 * mm, 16 * mm, 34 * mm, 34 * mm]
    table = trade.lines_table(st, rows, widths, right_from=2)
    table.setStyle(TableStyle([("LINEABOVE", (0, first_total), (-1, first_total), 0.8, "#333333"),
                               ("BACKGROUND", (0, first_total), (-1, -1), "#F7F3F0")]))  # fmt: skip
    story += [
        table,
        Spacer(1, 1.5 * mm),
        p(w("rate", lang, code=cur, rate=trade.rate_number(rate, lang)), st.note),
        p(w("origin", lang), st.note),
        Spacer(1, 4 * mm),
    ]
    terms = [p(w("terms", lang), st.h2), p(f"{w('incoterm', lang)}: {incoterm}", st.body)]
    if bank:
        terms += [Spacer(1, 2 * mm), p(w("bank", lang), st.cell_bold), p(bank, st.body)]
    terms += [Spacer(1, 2 * mm), p(w("proforma_note", lang), st.note), Spacer(1, 8 * mm),
              signatures(st, WIDTH, [(w("sign_seller", lang), settings.stand_name, ""),
                                     (w("sign_buyer", lang), b.name, "")])]  # fmt: skip
    story.append(KeepTogether(terms))
    return trade.build(story, w("proforma", lang), number, lang)
