"""Wholesale tiers, MOQ and lead time (issue 17): set by command, by import, refused when
they would sell wholesale above retail or not get cheaper with quantity."""

from __future__ import annotations

import pytest
from helpers import raw

from booth_pos.model.wholesale import Tier, Wholesale, WholesaleError
from booth_pos.services import imports, wholesale
from booth_pos.services.imports import ImportRefused

HEADER = "sku,name,artisan_code,category,price,stock,barcode"


def dump(store) -> list[str]:
    return list(raw(store).conn.iterdump())


def test_tiers_are_kept_in_order_with_moq_and_lead_days(demo_store, clock):
    """``--tier 50:120000 --tier 10:135000 --moq 5 --lead-days 14`` is stored sorted."""
    w = wholesale.set_terms(
        demo_store, "ECO-01", tiers=["50:120000", "10:Rp 135.000"], moq="5", lead_days="14",
        clock=clock,
    )  # fmt: skip
    assert w == Wholesale((Tier(10, 135000), Tier(50, 120000)), 5, 14)
    assert demo_store.wholesale.of("ECO-01") == w


@pytest.mark.parametrize(
    ("tiers", "words"),
    [
        (["10:300000"], "above the retail price"),  # ECO-01 retails at Rp 285.000
        (["10:135000", "50:140000"], "Tiers must decrease"),
        (["10:135000", "50:135000"], "Tiers must decrease"),
        (["10:135000", "10:120000"], "Two tiers start at 10"),
        (["1:135000"], "starts at 2 units"),
        (["ten:135000"], "Not a tier"),
        (["10:-5"], "Tier '10:-5'"),
    ],
)
def test_bad_tiers_are_refused_and_change_nothing(demo_store, clock, tiers, words):
    """A tier above retail, tiers not decreasing, a bad cell: refused, nothing written."""
    before = dump(demo_store)
    with pytest.raises(WholesaleError, match=words):
        wholesale.set_terms(demo_store, "ECO-01", tiers=tiers, clock=clock)
    assert dump(demo_store) == before


def test_a_retail_price_below_a_tier_is_refused_with_the_edit(demo_store, clock):
    """Lowering the retail price under a tier leaves both the price and the tiers."""
    wholesale.set_terms(demo_store, "ECO-01", tiers=["10:200000"], clock=clock)
    before = dump(demo_store)
    with pytest.raises(WholesaleError, match="above the retail price"):
        wholesale.edit_product(demo_store, "ECO-01", price="150000", clock=clock)
    assert dump(demo_store) == before
    assert demo_store.products.by_sku("ECO-01").price == 285000


def test_product_lead_days_fall_back_to_the_artisans(demo_store, clock):
    """No lead time of its own: the artisan's applies."""
    wholesale.set_artisan_lead_days(demo_store, "ECO", "21")
    product = demo_store.products.by_sku("ECO-02")
    assert wholesale.lead_days_of(demo_store, product) == 21
    wholesale.set_terms(demo_store, "ECO-02", lead_days="7", clock=clock)
    assert wholesale.lead_days_of(demo_store, product) == 7


def test_import_takes_a_tiers_column_or_numbered_tier_columns(demo_store, clock, tmp_path):
    """``tiers`` = ``10:135000;50:120000``, or ``tier1_min, tier1_price, ...``, with moq."""
    one = tmp_path / "one.csv"
    one.write_text(
        f"{HEADER},tiers,moq,lead_days\n"
        "ECO-01,Selendang Ecoprint Daun Jati,ECO,Ecoprint,285000,12,,10:135000;50:120000,5,14\n"
        "ECO-02,Kain Ecoprint Sutra 2 m,ECO,Ecoprint,650000,6,,,,\n",
        encoding="utf-8",
    )
    imports.import_products(demo_store, one, clock)
    assert demo_store.wholesale.of("ECO-01") == Wholesale(
        (Tier(10, 135000), Tier(50, 120000)), 5, 14
    )
    assert demo_store.wholesale.of("ECO-02") == Wholesale()
    two = tmp_path / "two.csv"
    two.write_text(
        f"{HEADER},tier1_min,tier1_price,tier2_min,tier2_price\n"
        'ECO-02,Kain Ecoprint Sutra 2 m,ECO,Ecoprint,650000,6,,10,"Rp 600.000",20,550000\n',
        encoding="utf-8",
    )
    imports.import_products(demo_store, two, clock)
    assert demo_store.wholesale.of("ECO-02").tiers == (Tier(10, 600000), Tier(20, 550000))


def test_import_refuses_a_tier_above_retail_naming_line_and_column(demo_store, clock, tmp_path):
    """A bad tier row refuses the whole file, naming its line and column."""
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"{HEADER},tier1_min,tier1_price\n"
        "ECO-01,Selendang Ecoprint Daun Jati,ECO,Ecoprint,285000,12,,10,135000\n"
        "ECO-02,Kain Ecoprint Sutra 2 m,ECO,Ecoprint,650000,6,,10,700000\n",
        encoding="utf-8",
    )
    before = dump(demo_store)
    with pytest.raises(ImportRefused) as caught:
        imports.import_products(demo_store, bad, clock)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (3, "tiers")
    assert "above the retail price" in problem.reason
    assert dump(demo_store) == before


def test_import_still_refuses_unknown_columns(demo_store, clock, tmp_path):
    """Only the wholesale columns are optional: a typo is still named."""
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER},tier1_prise\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="tier1_prise"):
        imports.import_products(demo_store, bad, clock)
