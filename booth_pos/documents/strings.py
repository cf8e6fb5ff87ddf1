"""Words printed on receipts, labels and catalogues, in Indonesian and English.

Documents are printed outside Qt (command line, background printing thread), so they carry
their own small dictionary instead of Qt's translation files.
"""

from __future__ import annotations

from booth_pos.model import Method

LANGS = ("id", "en")

_STRINGS: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "receipt_no": ("No. struk", "Receipt no."),
    "date": ("Waktu", "Date"),
    "cashier": ("Kasir", "Cashier"),
    "discount": ("Diskon", "Discount"),
    "subtotal": ("Subtotal", "Subtotal"),
    "sale_discount": ("Diskon transaksi", "Sale discount"),
    "total": ("TOTAL", "TOTAL"),
    "items": ("{n} barang", "{n} items"),
    "item": ("{n} barang", "{n} item"),
    "change": ("Kembalian", "Change"),
    "paid": ("Dibayar", "Paid"),
    "ref": ("Ref.", "Ref."),
    "reference_label": ("Referensi {code}", "Reference in {code}"),
    "reference_note": (
        "Hanya sebagai referensi, bukan tagihan. Kurs {rate} per 1 {code}.",
        "For reference only, not a charge. Rate {rate} per 1 {code}.",
    ),
    "artisans": ("Pengrajin", "Artisans"),
    "reprint": ("SALINAN STRUK", "RECEIPT COPY"),
    "verification": ("Kode verifikasi", "Verification code"),
    "test_print": ("CETAK UJI", "TEST PRINT"),
    "test_print_note": (
        "Printer siap. Struk ini bukan transaksi.",
        "The printer works. This is not a sale.",
    ),
    "catalogue": ("Katalog Produk", "Product Catalogue"),
    "moq": ("Min. pesan", "MOQ"),
    "lead_days": ("{n} hari produksi", "{n} days to make"),
    "bulk_orders": ("Pemesanan grosir", "Bulk orders"),
    "bulk_orders_text": (
        "Untuk pesanan dalam jumlah besar, hubungi kami:",
        "For orders in quantity, please contact us:",
    ),
    "prices_in": ("Harga dalam rupiah (IDR).", "Prices in Indonesian rupiah (IDR)."),
    "foreign_prices": (
        "Harga {code} hanya perkiraan: kurs Rp {rate} per 1 {code}, dapat berubah.",
        "{code} prices are indicative only, at Rp {rate} per 1 {code}; subject to change.",
    ),
    "printed_on": ("Dicetak {date}", "Printed {date}"),
    "page": ("Halaman {n}", "Page {n}"),
    "category": ("Kategori", "Category"),
    "sku": ("Kode", "Code"),
    "products": ("{n} produk", "{n} products"),
    "product": ("{n} produk", "{n} product"),
    "artisan_by": ("oleh {name}", "by {name}"),
    "contents": ("Pengrajin dalam katalog ini", "Artisans in this catalogue"),
    # The consignment documents (intake and return notes, payout receipts, day slips).
    "artisan": ("Pengrajin", "Artisan"),
    "staff": ("Petugas", "Staff"),
    "sign_artisan": ("Pengrajin", "Artisan"),
    "sign_coordinator": ("Koordinator", "Coordinator"),
    "sign_caption": ("Nama dan tanda tangan", "Name and signature"),
    "units": ("{n} unit", "{n} units"),
    "unit": ("{n} unit", "{n} unit"),
}

_METHODS = {
    Method.CASH: ("Tunai", "Cash"),
    Method.QRIS: ("QRIS", "QRIS"),
    Method.CARD: ("Kartu (EDC)", "Card (EDC)"),
    Method.TRANSFER: ("Transfer bank", "Bank transfer"),
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if documents can be printed in it, else raise ``ValueError``."""
    if lang not in LANGS:
        raise ValueError(f"documents are printed in 'id' or 'en', not {lang!r}")
    return lang


def t(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang`` (``id`` or ``en``) with ``values`` filled in."""
    idn, eng = _STRINGS[key]
    text = idn if check_lang(lang) == "id" else eng
    return text.format(**values) if values else text


def count(n: int, key: str, lang: str) -> str:
    """``3 barang`` / ``3 items``; ``key`` is the plural key, its singular drops the s."""
    singular = {"items": "item", "products": "product", "units": "unit"}[key]
    return t(key if n != 1 else singular, lang, n=n)


def method(m: Method | str, lang: str) -> str:
    """A payment method as the customer reads it."""
    idn, eng = _METHODS[Method(m)]
    return idn if check_lang(lang) == "id" else eng
