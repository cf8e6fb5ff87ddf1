"""Price labels: sheet and roll sizes, the words on them, and barcodes a scanner reads back."""

from __future__ import annotations

import dataclasses

import pytest
from helpers.documents import decode, rasterise, read_pdf, squash

from booth_pos.documents.labels import LAYOUTS, label_code, render_labels
from booth_pos.model import Product
from booth_pos.money import format_rupiah

MM = 72 / 25.4


def cells(image, layout: str = "a4"):
    """Crop a rasterised page into its labels, in reading order."""
    spec = LAYOUTS[layout]
    scale = image.width / (spec.page[0] / MM)  # pixels per mm
    for slot in range(spec.per_page):
        row, col = divmod(slot, spec.cols)
        x = (spec.origin[0] + col * spec.pitch[0]) / MM
        y = (spec.origin[1] + row * spec.pitch[1]) / MM
        w, h = spec.label[0] / MM, spec.label[1] / MM
        yield image.crop(
            (int(x * scale), int(y * scale), int((x + w) * scale), int((y + h) * scale))
        )


def test_a4_sheet_holds_24_labels_that_all_scan(demo_store):
    """Every label of a full A4 sheet decodes, at 203 dpi, to its own product's EAN-13."""
    products = demo_store.products.all()[:24]
    pdf = render_labels(products, artisans=demo_store.artisans.all())
    (page,) = read_pdf(pdf)
    assert (round(page.width_mm), round(page.height_mm)) == (210, 297)
    for renderer, image in rasterise(pdf).items():
        read = [decode(cell) for cell in cells(image)]
        assert read == [[("EAN13", p.barcode)] for p in products], renderer


def test_copies_repeat_each_product_in_order_and_spill_onto_a_new_sheet(demo_store):
    """Ten copies of three products make 30 labels: a full sheet and six on the next."""
    products = demo_store.products.all()[:3]
    pdf = render_labels(products, copies=10)
    pages = read_pdf(pdf)
    assert len(pages) == 2
    second = [decode(cell) for cell in cells(rasterise(pdf, page=1)["pdfium"])]
    expected = [p.barcode for p in products for _ in range(10)][24:]
    assert [r[0][1] for r in second[:6]] == expected
    assert second[6:] == [[]] * 18


def test_copies_per_sku_follow_the_stock_brought(demo_store):
    """A mapping of copies per SKU (e.g. stock) prints that many labels of each."""
    products = demo_store.products.all()[:2]
    pdf = render_labels(products, copies={products[0].sku: 2, products[1].sku: 1}, layout="roll")
    codes = [decode(rasterise(pdf, page=i)["pdfium"]) for i in range(3)]
    assert codes == [[("EAN13", products[0].barcode)]] * 2 + [[("EAN13", products[1].barcode)]]


def test_roll_label_is_50_by_30_mm_with_name_artisan_price_and_digits(demo_store):
    """A label-printer roll gets one 50 x 30 mm label per page with everything on it."""
    product = demo_store.products.by_code("BKR-01")
    pdf = render_labels([product], copies=2, layout="roll", artisans=demo_store.artisans.all())
    pages = read_pdf(pdf)
    assert len(pages) == 2
    for page in pages:
        assert page.width_mm == pytest.approx(50, abs=0.05)
        assert page.height_mm == pytest.approx(30, abs=0.05)
        text = squash(page.text)
        assert product.name in text
        assert "Batik Krakatau" in text
        assert format_rupiah(product.price) in squash(text)
        assert "".join(ch for ch in text if ch.isdigit()).endswith(product.barcode)
        for _, (left, bottom, right, top) in page.boxes:
            assert -0.01 <= left and right <= 50.01 and -0.01 <= bottom and top <= 30.01
    for renderer, image in rasterise(pdf).items():
        assert decode(image) == [("EAN13", product.barcode)], renderer


def test_long_name_is_cut_to_two_lines_inside_the_label(demo_store):
    """A name too long for two lines ends in an ellipsis and stays inside its label."""
    product = dataclasses.replace(
        demo_store.products.by_code("PDN-01"),
        name="Tas Anyaman Pandan Laut Motif Gelombang Selat Sunda Ukuran Besar dengan Tali Kulit",
    )
    (page,) = read_pdf(render_labels([product], layout="roll"))
    assert "…" in page.text
    for _, (left, _b, right, _t) in page.boxes:
        assert 0 <= left and right <= 50


def test_codes_that_are_not_ean13_still_scan_to_what_the_till_looks_up(demo_store):
    """A UPC-A is printed as Code128 of the stored digits; no code at all prints the SKU."""
    base = demo_store.products.by_code("BKR-01")
    upc = dataclasses.replace(base, sku="UPC-1", barcode="036000291452")
    bare = dataclasses.replace(base, sku="NOCODE-1", barcode="")
    assert label_code(upc) == ("code128", "036000291452")
    assert label_code(bare) == ("code128", "NOCODE-1")
    pdf = render_labels([upc, bare], layout="roll")
    assert decode(rasterise(pdf, page=0)["pdfium"]) == [("Code128", "036000291452")]
    assert decode(rasterise(pdf, page=1)["pdfium"]) == [("Code128", "NOCODE-1")]


def test_english_labels_show_idr(demo_store):
    """Labels for an English-speaking stand show the price as IDR 850,000."""
    product = demo_store.products.by_code("BKR-01")
    text = squash(read_pdf(render_labels([product], layout="roll", lang="en"))[0].text)
    assert "IDR 850,000" in text


def test_skip_starts_on_a_partly_used_sheet(demo_store):
    """Skipping five used stickers puts the first label in the sixth position."""
    product = demo_store.products.by_code("BKR-01")
    image = rasterise(render_labels([product], skip=5))["pdfium"]
    found = [i for i, cell in enumerate(cells(image)) if decode(cell)]
    assert found == [5]


def test_nothing_to_label_still_makes_a_valid_pdf():
    """An empty selection gives one blank page, not a crash."""
    assert len(read_pdf(render_labels([]))) == 1


def test_wrong_layout_is_refused():
    """An unknown layout name is a programming error, reported clearly."""
    product = Product("X", "X", "A", "C", 1000, 1, "")
    with pytest.raises(ValueError, match="a4 or roll"):
        render_labels([product], layout="a5")
