"""Quotations for bulk buyers (issue 17): the tier of each quantity, MOQ, exact foreign
totals, consecutive numbers, editing while open, statuses and the quotation PDF."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import raw
from helpers.documents import decode, rasterise, read_pdf, squash

from booth_pos.clock import Clock
from booth_pos.model.wholesale import QuoteStatus, WholesaleError
from booth_pos.services import quotes, wholesale


def dump(store) -> list[str]:
    return list(raw(store).conn.iterdump())


@pytest.fixture
def stand(demo_store, clock):
    """ECO-04 (retail Rp 165.000): 10+ at Rp 135.000, 50+ at Rp 120.000, MOQ 5, 21 days;
    ECO-01 (Rp 285.000): no tiers, 14 days from its artisan."""
    wholesale.set_terms(
        demo_store, "ECO-04", tiers=["10:135000", "50:120000"], moq="5", lead_days="21",
        clock=clock,
    )  # fmt: skip
    wholesale.set_artisan_lead_days(demo_store, "ECO", "14")
    return demo_store


def quote(store, clock, *items, currency="EUR", rate="17250", **kw):
    return quotes.new_quote(
        store, clock, buyer="Camille Martin", items=list(items), currency=currency, rate=rate, **kw
    )


@pytest.mark.parametrize(
    ("qty", "unit"), [(9, 165000), (10, 135000), (49, 135000), (50, 120000), (51, 120000)]
)
def test_each_quantity_gets_its_tier(stand, clock, qty, unit):
    """9 units: retail; 10 and 49: the 10+ tier; 50: the 50+ tier."""
    [line] = quote(stand, clock, f"{qty}*ECO-04").lines
    assert (line.qty, line.unit_price, line.amount) == (qty, unit, qty * unit)


def test_a_quantity_under_the_moq_is_refused_naming_it(stand, clock):
    """4 scarves when the MOQ is 5: refused, the message names the MOQ, nothing written."""
    before = dump(stand)
    with pytest.raises(WholesaleError, match=r"ECO-04: 4 is under the minimum order .*MOQ 5"):
        quote(stand, clock, "4*ECO-04")
    assert dump(stand) == before


def test_a_sku_given_twice_is_priced_at_its_whole_quantity(stand, clock):
    """30*ECO-04 and 20*ECO-04: one line of 50 at the 50+ tier."""
    [line] = quote(stand, clock, "30*ECO-04", "20*ECO-04").lines
    assert (line.qty, line.unit_price) == (50, 120000)


@pytest.mark.parametrize(
    ("currency", "rate", "expected"),
    [
        # 60 x 120.000 + 40 x 285.000 = 18.600.000 rupiah
        ("EUR", "17250", "1078.26"),  # 1078.2608... -> cents, half up
        ("USD", "15300", "1215.69"),  # 1215.6862...
        ("KRW", "11,85", "1569620"),  # 1569620.25... -> whole won
        ("EUR", "18600", "1000.00"),  # exact: trailing zeros kept
    ],
)
def test_foreign_total_is_exact_to_the_minor_unit(stand, clock, currency, rate, expected):
    """The total converted at the rate, half up to cents (EUR, USD) or whole won (KRW)."""
    q = quote(stand, clock, "60*ECO-04", "40*ECO-01", currency=currency, rate=rate)
    assert q.total == 18_600_000
    assert quotes.quote_json(q)["total_foreign"] == expected


def test_half_a_cent_rounds_up():
    """Rp 1 at 200 rupiah per euro is 0.005 EUR: half up gives 0.01 (half even would give 0.00)."""
    assert quotes._to_foreign(1, "200", "EUR") == "0.01"
    assert quotes._to_foreign(3, "200", "EUR") == "0.02"  # 0.015 -> 0.02
    assert quotes._to_foreign(5, "10", "KRW") == "1"  # 0.5 won -> 1


def test_the_day_rate_comes_from_settings_and_without_one_it_is_refused(stand, clock):
    """No --rate: the reference rate in Settings for that currency; none: refused."""
    settings = stand.settings()
    settings.ref_currency, settings.ref_rate = "EUR", "17250"
    stand.save_settings(settings)
    q = quote(stand, clock, "10*ECO-04", rate=None)
    assert q.rate == "17250"
    with pytest.raises(WholesaleError, match="No rate for USD"):
        quote(stand, clock, "10*ECO-04", currency="USD", rate=None)


def test_quote_json_has_exactly_the_issues_keys_and_ready_by(stand, clock):
    """The keys of the issue, amounts in rupiah, ready_by from the longest lead time."""
    data = quotes.quote_json(quote(stand, clock, "60*ECO-04", "40*ECO-01", valid_days=30))
    assert list(data) == [
        "quote_no", "buyer", "currency", "rate", "valid_until", "lines", "total",
        "total_foreign", "ready_by",
    ]  # fmt: skip
    assert list(data["lines"][0]) == [
        "sku", "name", "artisan_code", "qty", "unit_price", "amount", "lead_days",
    ]  # fmt: skip
    assert [ln["lead_days"] for ln in data["lines"]] == [21, 14]
    assert data["valid_until"] == "2023-03-31"
    assert data["ready_by"] == "2023-03-22"  # 1 March + 21 days
    assert data["buyer"] == "Camille Martin"


def test_quote_numbers_are_consecutive(stand, clock):
    """Q-0001, Q-0002, Q-0003; a refused quote takes no number."""
    first = quote(stand, clock, "10*ECO-04")
    with pytest.raises(WholesaleError):
        quote(stand, clock, "1*ECO-04")
    second = quote(stand, clock, "10*ECO-04")
    third = quote(stand, clock, "10*ECO-04")
    assert [first.number, second.number, third.number] == ["Q-0001", "Q-0002", "Q-0003"]


def test_an_open_quote_can_be_edited_and_keeps_its_number(stand, clock):
    """New items are priced again; a cancelled quote can no longer change."""
    q = quote(stand, clock, "10*ECO-04")
    edited = quotes.edit_quote(stand, clock, q.number, items=["50*ECO-04"], rate="18000")
    assert (edited.number, edited.total, edited.rate) == ("Q-0001", 50 * 120000, "18000")
    quotes.set_status(stand, clock, q.number, "cancelled")
    before = dump(stand)
    with pytest.raises(WholesaleError, match="cancelled"):
        quotes.edit_quote(stand, clock, q.number, items=["60*ECO-04"])
    assert dump(stand) == before


def test_a_quote_past_its_validity_reads_as_expired(stand, clock):
    """Valid 10 days: on day 11 it is expired and cannot be edited."""
    q = quote(stand, clock, "10*ECO-04", valid_days=10)
    later = Clock(clock.now() + timedelta(days=11))
    assert quotes.status_of(q, later, stand.settings()) is QuoteStatus.EXPIRED
    assert quotes.status_of(q, clock, stand.settings()) is QuoteStatus.OPEN
    with pytest.raises(WholesaleError, match="expired"):
        quotes.edit_quote(stand, later, q.number, items=["20*ECO-04"])


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Quotation", "Valid until: 31 March 2023", "Payment terms", "€417.39"]),
        ("fr", ["Devis", "Valable jusqu'au : 31 mars 2023", "Conditions de paiement", "417,39 €"]),
        ("id", ["Penawaran Harga", "Berlaku sampai: 31 Maret 2023", "Syarat pembayaran"]),
    ],
)
def test_quotation_pdf_in_the_buyers_language_with_its_number_as_code128(stand, clock, lang, words):
    """A4, the buyer's language, euros beside the rupiah, the bank details, the Code128."""
    settings = stand.settings()
    settings.bank_details = "Bank BRI · 0123-01-000123-30-1 · a.n. Dekranasda Kota Cilegon"
    stand.save_settings(settings)
    q = quote(stand, clock, "60*ECO-04", "40*ECO-01", company="Atelier Lumière", country="FR")
    pdf = quotes.quotation_pdf(stand, clock, q.number, lang=lang)
    [page] = read_pdf(pdf)
    assert (round(page.width_mm), round(page.height_mm)) == (210, 297)
    text = squash(page.text)
    for word in words + ["Q-0001", "Atelier Lumière", "0123-01-000123-30-1", "Scarf Ecoprint"]:
        assert word in text
    assert ("Code128", "Q-0001") in decode(rasterise(pdf, dpi=300)["pdfium"])


def test_quotation_shows_the_products_photos(stand, clock, tmp_path):
    """A product with a photo has it on its line."""
    from PIL import Image

    Image.new("RGB", (400, 300), (150, 90, 60)).save(tmp_path / "scarf.jpg")
    from booth_pos.services import imports

    imports.set_photo(stand, "ECO-04", tmp_path / "scarf.jpg")
    q = quote(stand, clock, "10*ECO-04")
    [page] = read_pdf(quotes.quotation_pdf(stand, clock, q.number))
    assert page.images >= 1


def test_hostile_buyer_text_is_refused(stand, clock):
    """A control character in the buyer's name never reaches a document."""
    with pytest.raises(WholesaleError, match="control"):
        quotes.new_quote(stand, clock, buyer="Eve\x00", items=["10*ECO-04"], currency="EUR",
                         rate="17250")  # fmt: skip
