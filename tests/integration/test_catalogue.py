"""The buyer's catalogue: A4 pages, artisans with their products, prices, photos, contact."""

from __future__ import annotations

import dataclasses
import logging
from datetime import date

import pytest
from helpers.documents import read_pdf, squash
from PIL import Image

from booth_pos.documents.catalogue import render_catalogue
from booth_pos.money import format_rupiah

DAY = date(2023, 3, 1)


def text_of(pages) -> str:
    return squash(" ".join(page.text for page in pages))


def test_catalogue_has_a_cover_and_every_product_under_its_artisan(demo_store):
    """A4 pages; the cover carries the stand's contact; each product follows its artisan."""
    settings = demo_store.settings()
    products, artisans = demo_store.products.all(), demo_store.artisans.all()
    pages = read_pdf(render_catalogue(products, artisans, settings, today=DAY))
    assert len(pages) > 2
    for page in pages:
        assert (round(page.width_mm), round(page.height_mm)) == (210, 297)
    cover = squash(pages[0].text)
    assert settings.stand_name in cover and "Katalog Produk" in cover
    assert "Pemesanan grosir" in cover and settings.contact in cover
    assert "1 Maret 2023" in cover
    body = text_of(pages[1:])
    last = -1
    for artisan in artisans:
        heading = body.index(artisan.name, last + 1)
        assert heading > last
        for product in (p for p in products if p.artisan_code == artisan.code):
            at = body.index(product.name, heading)
            assert format_rupiah(product.price) in body[at : at + 200]
        last = heading
    assert artisans[0].story in body
    # The contact is on every page, for a buyer who keeps only one sheet.
    assert all("0812-1000-2023" in page.text for page in pages)


def test_prices_in_the_buyers_currency_are_indicative(demo_store):
    """With EUR at 17250 the catalogue shows both prices and says the euro ones are indicative."""
    product = demo_store.products.by_code("BKR-01")  # Rp 850.000 -> €49.28 (49.275... half up)
    pdf = render_catalogue(
        [product],
        demo_store.artisans.all(),
        demo_store.settings(),
        lang="en",
        currency="EUR",
        rate="17250",
        today=DAY,
    )
    text = text_of(read_pdf(pdf))
    assert "IDR 850,000" in text and "≈ €49.28" in text
    assert "EUR prices are indicative only, at Rp 17,250 per 1 EUR" in text
    assert "Product Catalogue" in text and "Bulk orders" in text


def test_currency_needs_a_rate(demo_store):
    """Asking for a currency without a rate is refused before anything is drawn."""
    with pytest.raises(ValueError):
        render_catalogue([], demo_store.artisans.all(), demo_store.settings(), currency="EUR")


def test_product_photos_are_embedded_and_bad_ones_are_skipped(demo_store, tmp_path, caplog):
    """A readable photo appears on its card; a broken file leaves a placeholder and a warning."""
    photo = tmp_path / "batik.jpg"
    Image.new("RGB", (1600, 1200), (140, 60, 30)).save(photo)
    broken = tmp_path / "broken.jpg"
    broken.write_text("not a picture")
    a, b, c = demo_store.products.all()[:3]
    products = [
        dataclasses.replace(a, image=str(photo)),
        dataclasses.replace(b, image="broken.jpg"),  # relative to image_dir
        dataclasses.replace(c, image=""),
    ]
    with caplog.at_level(logging.WARNING):
        pdf = render_catalogue(
            products,
            demo_store.artisans.all(),
            demo_store.settings(),
            image_dir=tmp_path,
            today=DAY,
        )
    pages = read_pdf(pdf)
    assert sum(page.images for page in pages) == 1
    assert "broken.jpg" in caplog.text
    assert len(pdf) < 400_000  # the 1600 px photo was scaled down, not embedded raw
    assert all(p.name in text_of(pages) for p in products)


def test_products_of_an_unknown_artisan_are_not_lost(demo_store):
    """A product whose artisan is missing from the list still appears, at the end."""
    orphan = dataclasses.replace(
        demo_store.products.all()[0], artisan_code="ZZZ", name="Produk Yatim"
    )
    text = text_of(read_pdf(render_catalogue([orphan], [], demo_store.settings(), today=DAY)))
    assert "Produk Yatim" in text and "ZZZ" in text


def test_a_long_list_of_artisans_on_the_cover_is_never_cut_silently(demo_store):
    """With forty artisans the cover lists as many as fit and says how many more there are."""
    base_products, base_artisans = demo_store.products.all(), demo_store.artisans.all()
    artisans = [
        dataclasses.replace(a, code=f"{a.code}{i}", name=f"{a.name} {i}")
        for i in range(4)
        for a in base_artisans
    ][:40]
    products = [
        dataclasses.replace(p, artisan_code=f"{p.artisan_code}{i}")
        for i in range(4)
        for p in base_products
        if f"{p.artisan_code}{i}" in {a.code for a in artisans}
    ]
    cover = squash(
        read_pdf(render_catalogue(products, artisans, demo_store.settings(), lang="en", today=DAY))[
            0
        ].text
    )
    listed = sum(a.name in cover for a in artisans)
    assert 12 < listed < 40
    assert f"+ {40 - listed} more" in cover
