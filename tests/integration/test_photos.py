"""Product photos: refused when chosen if they would stop the catalogue, and never able to
stop it when a bad one is already in the database."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from helpers.documents import read_pdf
from helpers.photos import png_claiming
from PIL import Image

from booth_pos.documents.photos import MAX_PHOTO_BYTES, PhotoError, check_photo
from booth_pos.services import imports, printouts


def photo_of(store, sku: str) -> str:
    return store.products.by_code(sku).image


def test_a_20000_pixel_square_png_is_refused_before_it_can_crash_the_catalogue(
    demo_store, tmp_path
):
    """The 400-megapixel PNG that used to crash the catalogue with DecompressionBombError is
    refused by name when chosen; the product keeps no photo."""
    bomb = png_claiming(tmp_path / "selendang.png", 20_000, 20_000)
    with pytest.raises(PhotoError) as refused:
        imports.set_photo(demo_store, "ECO-01", bomb)
    assert "selendang.png" in refused.value.en and "40 megapixels" in refused.value.en
    assert "selendang.png" in refused.value.id and "40 megapiksel" in refused.value.id
    assert photo_of(demo_store, "ECO-01") == ""


def test_a_bomb_photo_already_in_the_database_leaves_the_catalogue_whole(
    demo_store, tmp_path, clock, caplog
):
    """A photo set before the check (or replaced on disk since) is left out with a warning:
    the catalogue still has every product, and the good photo beside it."""
    good = tmp_path / "good.jpg"
    Image.new("RGB", (1200, 900), (140, 60, 30)).save(good)
    imports.set_photo(demo_store, "BKR-05", good)
    bomb = png_claiming(tmp_path / "bomb.png", 20_000, 20_000)
    demo_store.products.set_image("ECO-01", str(bomb))  # behind the check's back
    undecodable = png_claiming(tmp_path / "header-only.png", 400, 300)  # passes verify()
    demo_store.products.set_image("ECO-02", str(undecodable))
    with caplog.at_level(logging.WARNING):
        pdf = printouts.catalogue_pdf(demo_store, clock)
    pages = read_pdf(pdf)
    assert sum(page.images for page in pages) == 1
    assert "bomb.png" in caplog.text and "header-only.png" in caplog.text
    assert "Selendang" in " ".join(page.text for page in pages)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: png_claiming(d / "wide.png", 8000, 6000), "40 megapixels"),  # 48 MP
        (lambda d: png_claiming(d / "huge.png", 10_000, 10_000), "40 megapixels"),  # Pillow warns
        (lambda d: _write(d / "notes.jpg", b"sku,name\nECO-01,Selendang\n"), "not a JPEG, PNG"),
        (lambda d: _gif(d / "anim.jpg"), "not a JPEG, PNG"),
        (lambda d: _truncated_png(d / "cut.png"), "damaged or incomplete"),
        (lambda d: _sparse(d / "raw.jpg", MAX_PHOTO_BYTES + 1), "at most 10 MB"),
        (lambda d: d / "missing.jpg", "Cannot read"),
    ],
)
def test_a_file_that_is_not_a_usable_photo_is_refused_naming_the_problem(
    demo_store, tmp_path, make, words
):
    """Too many pixels, a renamed text file or GIF, a cut-off PNG, 10 MB or more: refused."""
    path = make(tmp_path)
    with pytest.raises(PhotoError, match=words):
        imports.set_photo(demo_store, "ECO-01", path)
    assert photo_of(demo_store, "ECO-01") == ""


@pytest.mark.parametrize(("kind", "suffix"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_a_phone_photo_in_jpeg_png_or_webp_is_kept(demo_store, tmp_path, kind, suffix):
    """An ordinary photo (up to 40 megapixels) is accepted and stored by its full path."""
    path = tmp_path / f"tas.{suffix}"
    Image.new("RGB", (4000, 3000), (20, 90, 60)).save(path, kind)
    imports.set_photo(demo_store, "ECO-01", path)
    assert photo_of(demo_store, "ECO-01") == str(path.resolve())
    assert check_photo(path).size == (4000, 3000)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _gif(path: Path) -> Path:
    Image.new("P", (10, 10)).save(path, "GIF")
    return path


def _truncated_png(path: Path) -> Path:
    Image.effect_noise((300, 300), 64).convert("RGB").save(path, "PNG")
    path.write_bytes(path.read_bytes()[:-400])  # the end of the picture data is gone
    return path


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
    return path
