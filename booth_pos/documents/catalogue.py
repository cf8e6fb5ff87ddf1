"""The buyer's catalogue: an A4 PDF of the stand's products, grouped by artisan.

Bulk buyers leave the stand with it and order later, so the cover carries the stand's contact
details and every page repeats them. Prices are in rupiah and, when asked, also in the buyer's
currency at a rate the stand chose (integer arithmetic; shown as indicative).
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path

from babel.dates import format_date
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from booth_pos.documents import fonts
from booth_pos.documents.photos import PhotoError, check_photo
from booth_pos.documents.strings import check_receipt_lang, count, locale, t
from booth_pos.model import Artisan, Product, Settings
from booth_pos.money import (
    format_foreign,
    format_rate,
    format_rupiah,
    parse_currency,
    parse_rate,
    to_minor_units,
)

log = logging.getLogger(__name__)

PAGE_W, PAGE_H = A4
MARGIN = 14 * mm
FOOTER_H = 10 * mm
COLS = 3
GAP = 6 * mm
CARD_W = (PAGE_W - 2 * MARGIN - (COLS - 1) * GAP) / COLS
PHOTO_H = CARD_W * 0.7
ACCENT = (0.55, 0.22, 0.13)  # batik brown
GREY = 0.45
#: Wholesale tiers shown on a card (``--wholesale``); a product has at most 9.
MAX_TIER_LINES = 4
#: Photos are scaled down to this many pixels on the long side (about 300 dpi on the card).
PHOTO_PIXELS = 800


def load_photo(image: str, image_dir: str | os.PathLike | None = None) -> ImageReader | None:
    """A product photo ready to embed, or None (and a logged warning) when the file is
    missing, not an image, too large (``photos.check_photo``) or damaged.

    Phone photos are turned upright (EXIF) and scaled down to ``PHOTO_PIXELS`` as JPEG so a
    catalogue of fifty products stays small enough to e-mail.

    Args:
        image: the path stored on the product; a relative path is taken from ``image_dir``.
        image_dir: folder for relative paths (default: the current folder).
    """
    if not image or not image.strip():
        return None
    path = Path(image.strip()).expanduser()
    if not path.is_absolute() and image_dir is not None:
        path = Path(image_dir) / path
    try:
        check_photo(path)  # the file may have changed on disk since it was chosen
    except PhotoError as exc:
        log.warning("Product photo %s left out of the catalogue: %s", path, exc.en)
        return None
    try:
        from PIL import Image, ImageOps

        with Image.open(path) as im:
            im = ImageOps.exif_transpose(im)
            im.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
            if im.mode not in ("RGB", "L"):
                background = Image.new("RGB", im.size, "white")
                rgba = im.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                im = background
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=85)
        buf.seek(0)
        return ImageReader(buf)
    except Exception as exc:  # noqa: BLE001 - a bad photo never stops a catalogue
        # Pillow says "damaged" with OSError, ValueError, SyntaxError, EOFError, zlib.error,
        # struct.error or MemoryError, depending on the format and where the data ends.
        log.warning("Product photo %s left out of the catalogue: %r", path, exc)
        return None


#: Words of the catalogue outside the shared tables, per buyer's language.
_MORE = {"id": "pengrajin lainnya", "en": "more", "fr": "autres", "ko": "명 더"}
_OTHERS = {"id": "Lainnya", "en": "Others", "fr": "Autres", "ko": "기타"}


class _Catalogue:
    """Draws pages top-down, starting a new page when a block does not fit."""

    def __init__(
        self,
        settings: Settings,
        lang: str,
        currency: str | None,
        rate: Fraction | None,
        image_dir,
        today: date,
    ):
        self.settings = settings
        self.lang = lang
        self.currency = currency
        self.rate = rate
        self.image_dir = image_dir
        self.today = today
        self.buf = io.BytesIO()
        self.c = Canvas(self.buf, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setTitle(f"{t('catalogue', lang)} · {settings.stand_name}")
        self.c.setAuthor(settings.stand_name)
        self.c.setCreator("Booth POS")
        self.page = 1
        self.y = PAGE_H - MARGIN
        self.wholesale: dict = {}  # sku -> Wholesale (``--wholesale``)

    # -- helpers ------------------------------------------------------------------------

    def text(self, x, y, text, font=fonts.REGULAR, size=10, align="left", gray=0.0):
        self.c.setFillGray(gray)
        fonts.draw(self.c, x, y, text, font, size, align)
        self.c.setFillGray(0)

    def paragraph(
        self, x, text, width, font=fonts.REGULAR, size=10, leading=1.35, align="left", gray=0.0
    ) -> None:
        for line in fonts.wrap(text, font, size, width):
            self.y -= size
            ax = x + width / 2 if align == "center" else x
            self.text(ax, self.y, line, font, size, align, gray)
            self.y -= size * (leading - 1)

    def footer(self) -> None:
        s = self.settings
        y = MARGIN - 2 * mm
        self.c.setStrokeGray(0.75)
        self.c.setLineWidth(0.5)
        self.c.line(MARGIN, y + 4.5 * mm, PAGE_W - MARGIN, y + 4.5 * mm)
        left = " · ".join(part for part in (s.stand_name, s.contact) if part.strip())
        page = t("page", self.lang, n=self.page)
        left = fonts.ellipsize(left, fonts.REGULAR, 8, PAGE_W - 2 * MARGIN - 25 * mm)
        self.text(MARGIN, y, left, size=8, gray=GREY)
        self.text(PAGE_W - MARGIN, y, page, size=8, align="right", gray=GREY)

    def new_page(self) -> None:
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = PAGE_H - MARGIN

    def room(self) -> float:
        return self.y - (MARGIN + FOOTER_H)

    def money(self, price: int) -> list[str]:
        lines = [format_rupiah(price, self.lang)]
        if self.currency and self.rate:
            minor = to_minor_units(price, self.rate, self.currency)
            amount = format_foreign(minor, self.currency, self.lang)
            if fonts.missing_chars(amount):
                amount = format_foreign(minor, self.currency, self.lang, symbol=False)
            lines.append(f"≈ {amount}")
        return lines

    # -- cover ---------------------------------------------------------------------------

    def cover(self, groups: list[tuple[str, str, list[Product]]]) -> None:
        s, lang, c = self.settings, self.lang, self.c
        width = PAGE_W - 2 * MARGIN
        c.setFillColorRGB(*ACCENT)
        c.rect(0, PAGE_H - 95 * mm, PAGE_W, 95 * mm, stroke=0, fill=1)
        c.setFillGray(1)
        self.y = PAGE_H - 30 * mm
        for line in fonts.wrap(s.stand_name, fonts.BOLD, 28, width):
            self.y -= 28
            fonts.draw(c, MARGIN, self.y, line, fonts.BOLD, 28)
            self.y -= 8
        c.setFillGray(1)
        header = s.receipt_header_for(lang).strip()
        if header:
            self.y -= 14
            fonts.draw(c, MARGIN, self.y, header, fonts.REGULAR, 14)
            self.y -= 6
        self.y -= 6 * mm
        self.y -= 22
        fonts.draw(c, MARGIN, self.y, t("catalogue", lang), fonts.BOLD, 22)
        c.setFillGray(0)
        self.y = PAGE_H - 95 * mm - 12 * mm
        event = " · ".join(p for p in (s.event_name.strip(), self.event_dates()) if p)
        if event:
            self.paragraph(MARGIN, event, width, fonts.BOLD, 13)
        if s.venue.strip():
            self.paragraph(MARGIN, s.venue.strip(), width, size=11, gray=GREY)
        self.y -= 8 * mm
        # Who is inside: one column, two when the stand has many artisans, never cut silently.
        self.paragraph(MARGIN, t("contents", lang), width, fonts.BOLD, 12)
        self.y -= 2 * mm
        row_h, bottom = 14.5, 95 * mm
        rows = max(1, int((self.y - bottom) // row_h))
        cols = 1 if len(groups) <= rows else 2
        col_w = (width - (cols - 1) * 8 * mm) / cols
        shown = groups[: rows * cols]
        if len(shown) < len(groups):
            shown = groups[: rows * cols - 1]
        top = self.y
        for i, (name, _story, products) in enumerate(shown):
            col, row = divmod(i, rows)
            x, y = MARGIN + col * (col_w + 8 * mm), top - (row + 1) * row_h + 4
            label = count(len(products), "products", lang)
            label_w = fonts.width(label, fonts.REGULAR, 10.5)
            name = fonts.ellipsize(name, fonts.REGULAR, 10.5, col_w - label_w - 3 * mm)
            self.text(x, y, name, size=10.5)
            self.text(x + col_w, y, label, size=10.5, align="right", gray=GREY)
        if len(shown) < len(groups):
            more = len(groups) - len(shown)
            col, row = divmod(len(shown), rows)
            x, y = MARGIN + col * (col_w + 8 * mm), top - (row + 1) * row_h + 4
            self.text(
                x,
                y,
                f"+ {more} " + _MORE.get(lang, "more"),
                size=10.5,
                gray=GREY,
            )
        # Bulk orders box at the bottom of the cover.
        box_h = 48 * mm
        box_y = MARGIN + FOOTER_H
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.5)
        c.roundRect(MARGIN, box_y, width, box_h, 3 * mm, stroke=1, fill=0)
        self.y = box_y + box_h - 7 * mm
        inner = width - 12 * mm
        c.setFillColorRGB(*ACCENT)
        self.y -= 15
        fonts.draw(c, MARGIN + 6 * mm, self.y, t("bulk_orders", lang), fonts.BOLD, 15)
        c.setFillGray(0)
        self.y -= 3 * mm
        self.paragraph(MARGIN + 6 * mm, t("bulk_orders_text", lang), inner, size=11)
        if s.contact.strip():
            self.paragraph(MARGIN + 6 * mm, s.contact.strip(), inner, fonts.BOLD, 13)
        self.y -= 2 * mm
        note = t("prices_in", lang)
        if self.currency and self.rate:
            rate = format_rate(self.rate, lang)
            note += " " + t("foreign_prices", lang, code=self.currency, rate=rate)
        note += " " + t("printed_on", lang, date=self.fmt_date(self.today)) + "."
        self.paragraph(MARGIN + 6 * mm, note, inner, size=8.5, gray=GREY)

    def fmt_date(self, day: date) -> str:
        return format_date(day, "d MMMM y", locale=locale(self.lang))

    def event_dates(self) -> str:
        s = self.settings
        try:
            start = date.fromisoformat(s.event_start) if s.event_start else None
            end = date.fromisoformat(s.event_end) if s.event_end else None
        except ValueError:
            return ""
        if start and end and end != start:
            return f"{self.fmt_date(start)} – {self.fmt_date(end)}"
        return self.fmt_date(start or end) if (start or end) else ""

    # -- artisans and products ------------------------------------------------------------

    def card_height(self) -> float:
        return PHOTO_H + (28 * mm if self.currency else 23 * mm) + self.wholesale_height()

    def wholesale_height(self) -> float:
        if not self.wholesale:
            return 0
        tiers = max((len(w.tiers) for w in self.wholesale.values()), default=0)
        return (min(tiers, MAX_TIER_LINES) + 1) * 11 + 2 * mm

    def wholesale_lines(self, p: Product) -> list[str]:
        """``10+ Rp 135.000 (≈ €7,83)`` per tier, then ``MOQ 5 · 14 days``."""
        w = self.wholesale.get(p.sku)
        if w is None:
            return []
        lines = []
        for tier in w.tiers[:MAX_TIER_LINES]:
            money = self.money(tier.unit_price)
            extra = f" ({money[1]})" if len(money) > 1 else ""
            lines.append(f"{tier.min_qty}+  {money[0]}{extra}")
        terms = [f"{t('moq', self.lang)} {w.moq}"]
        if w.lead_days:
            terms.append(t("lead_days", self.lang, n=w.lead_days))
        lines.append(" · ".join(terms))
        return lines

    def section(self, name: str, story: str, products: list[Product]) -> None:
        width = PAGE_W - 2 * MARGIN
        story_lines = fonts.wrap(story, fonts.REGULAR, 10, width) if story.strip() else []
        head_h = 20 + len(story_lines) * 13.5 + 6 * mm
        if self.room() < head_h + self.card_height():
            self.new_page()
        self.y -= 18
        self.c.setFillColorRGB(*ACCENT)
        fonts.draw(self.c, MARGIN, self.y, name, fonts.BOLD, 18)
        self.c.setFillGray(0)
        self.y -= 3 * mm
        self.c.setStrokeColorRGB(*ACCENT)
        self.c.setLineWidth(1)
        self.c.line(MARGIN, self.y, PAGE_W - MARGIN, self.y)
        self.y -= 2 * mm
        if story_lines:
            self.paragraph(MARGIN, story.strip(), width, size=10, gray=0.2)
        self.y -= 4 * mm
        for start in range(0, len(products), COLS):
            if self.room() < self.card_height():
                self.new_page()
            row = products[start : start + COLS]
            for i, product in enumerate(row):
                self.card(product, MARGIN + i * (CARD_W + GAP), self.y)
            self.y -= self.card_height() + 3 * mm

    def card(self, p: Product, x: float, top: float) -> None:
        c = self.c
        photo = load_photo(p.image, self.image_dir)
        py = top - PHOTO_H
        if photo is not None:
            iw, ih = photo.getSize()
            scale = min(CARD_W / iw, PHOTO_H / ih)
            w, h = iw * scale, ih * scale
            c.drawImage(photo, x + (CARD_W - w) / 2, py + (PHOTO_H - h) / 2, w, h)
        else:
            c.setFillGray(0.93)
            c.rect(x, py, CARD_W, PHOTO_H, stroke=0, fill=1)
            self.text(
                x + CARD_W / 2,
                py + PHOTO_H / 2 - 4,
                p.category or p.name[:1],
                size=11,
                align="center",
                gray=0.6,
            )
        y = py - 3 * mm
        lines = fonts.wrap(p.name, fonts.BOLD, 10, CARD_W)
        if len(lines) > 2:
            lines = [lines[0], fonts.ellipsize(" ".join(lines[1:]), fonts.BOLD, 10, CARD_W)]
        for line in lines:
            y -= 10
            self.text(x, y, line, fonts.BOLD, 10)
            y -= 3
        y -= 8.5
        category = f"{p.category} · {t('sku', self.lang)} {p.sku}" if p.category else p.sku
        self.text(x, y, fonts.ellipsize(category, fonts.REGULAR, 8.5, CARD_W), size=8.5, gray=GREY)
        y -= 3.5 * mm
        prices = self.money(p.price)
        y -= 12
        c.setFillColorRGB(*ACCENT)
        fonts.draw(c, x, y, prices[0], fonts.BOLD, 12)
        c.setFillGray(0)
        for extra in prices[1:]:
            y -= 13
            self.text(x, y, extra, size=10, gray=0.25)
        if self.wholesale:
            y -= 2 * mm
        for line in self.wholesale_lines(p):
            y -= 11
            self.text(x, y, fonts.ellipsize(line, fonts.REGULAR, 8.5, CARD_W), size=8.5, gray=0.2)

    def finish(self) -> bytes:
        self.footer()
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def group_by_artisan(
    products: Iterable[Product], artisans: Iterable[Artisan], lang: str = "id"
) -> list[tuple[str, str, list[Product]]]:
    """``(artisan name, story, products)`` in the artisans' order; unknown codes go last."""
    by_code: dict[str, list[Product]] = {}
    for p in products:
        by_code.setdefault(p.artisan_code, []).append(p)
    groups = []
    for a in artisans:
        if a.code in by_code:
            groups.append((a.name, a.story, by_code.pop(a.code)))
    for code, items in by_code.items():
        groups.append((code or _OTHERS.get(lang, "Others"), "", items))
    return groups


def render_catalogue(
    products: Sequence[Product],
    artisans: Sequence[Artisan],
    settings: Settings,
    *,
    lang: str = "id",
    currency: str | None = None,
    rate: Fraction | str | None = None,
    image_dir: str | os.PathLike | None = None,
    today: date | None = None,
    wholesale: dict | None = None,
) -> bytes:
    """The buyer's catalogue as an A4 PDF: a cover, then each artisan with its products.

    Args:
        products: the products to show (all of them, usually).
        artisans: the artisans, in the order their sections appear.
        settings: stand name, event, venue and contact for the cover and footers.
        lang: ``id`` or ``en``.
        currency: ISO code of the buyer's currency (e.g. ``EUR``), or None for rupiah only.
        rate: rupiah per unit of ``currency``, as a Fraction or as typed (``"17250"``).
        image_dir: folder for relative photo paths.
        today: the date printed on the cover (default: today).
        wholesale: ``sku -> Wholesale``: show each product's tiers, MOQ and lead time.

    Returns:
        PDF bytes.
    """
    check_receipt_lang(lang)  # the buyer's language: id, en, ko or fr
    if (currency is None) != (rate is None):
        raise ValueError("a buyer's currency needs a rate, and a rate needs a currency")
    code = parse_currency(currency) if currency else None
    rate_value = parse_rate(rate) if isinstance(rate, str) else rate
    fonts.register()
    cat = _Catalogue(settings, lang, code, rate_value, image_dir, today or date.today())
    cat.wholesale = dict(wholesale or {})
    groups = group_by_artisan(products, artisans, lang)
    cat.cover(groups)
    if groups:
        cat.new_page()
    for name, story, items in groups:
        cat.section(name, story, items)
    return cat.finish()
