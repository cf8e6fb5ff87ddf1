"""Words printed on receipts, labels and catalogues: one table per language.

Documents are printed outside Qt (command line, background printing thread), so they carry
their own small dictionary instead of Qt's translation files. Every language's table has
every key (a unit test holds it); the receipt's words are kept short for 58 mm paper (48 mm
of print: a unit test measures them). The stand's own documents (catalogue, notes, slips,
reports) are printed in Indonesian or English; the customer's receipt and refund receipt
also in Korean and French (``RECEIPT_LANGS``), the languages of the stand's tourists.
"""

from __future__ import annotations

from booth_pos.model import Method

#: Languages of the stand's own documents.
LANGS = ("id", "en")
#: Languages of the customer's receipts (sale and refund).
RECEIPT_LANGS = ("id", "en", "ko", "fr")
#: Babel's locale of each language (dates and amounts as its readers write them).
LOCALES = {"id": "id_ID", "en": "en", "ko": "ko_KR", "fr": "fr_FR"}

_ID: dict[str, str] = {
    "receipt_no": "No. struk",
    "date": "Waktu",
    "cashier": "Kasir",
    "discount": "Diskon",
    "subtotal": "Subtotal",
    "sale_discount": "Diskon transaksi",
    "total": "TOTAL",
    "items": "{n} barang",
    "item": "{n} barang",
    "change": "Kembalian",
    "paid": "Dibayar",
    "ref": "Ref.",
    "reference_label": "Dalam {code}",
    "reference_note": "Hanya sebagai referensi, bukan tagihan. Kurs {rate} per 1 {code}.",
    "artisans": "Pengrajin",
    "reprint": "SALINAN STRUK",
    "verification": "Kode verifikasi",
    "test_print": "CETAK UJI",
    "test_print_note": "Printer siap. Struk ini bukan transaksi.",
    # The refund and void receipt.
    "refund_title": "STRUK RETUR",
    "void_title": "STRUK PEMBATALAN",
    "copy": "SALINAN",
    "refund_no": "No. retur",
    "original": "Struk asal",
    "supervisor": "Disetujui",
    "returned": "DIKEMBALIKAN",
    "paid_back": "Dibayar kembali",
    "reason": "Alasan",
    "signature": "Tanda tangan pembeli",
    # Payment methods.
    "method_cash": "Tunai",
    "method_qris": "QRIS",
    "method_card": "Kartu (EDC)",
    "method_transfer": "Transfer bank",
    # The buyer's catalogue.
    "catalogue": "Katalog Produk",
    "bulk_orders": "Pemesanan grosir",
    "bulk_orders_text": "Untuk pesanan dalam jumlah besar, hubungi kami:",
    "prices_in": "Harga dalam rupiah (IDR).",
    "foreign_prices": "Harga {code} hanya perkiraan: kurs Rp {rate} per 1 {code}, dapat berubah.",
    "printed_on": "Dicetak {date}",
    "page": "Halaman {n}",
    "category": "Kategori",
    "sku": "Kode",
    "products": "{n} produk",
    "product": "{n} produk",
    "artisan_by": "oleh {name}",
    "contents": "Pengrajin dalam katalog ini",
    "moq": "Min. pesan",
    "lead_days": "{n} hari produksi",
    # The consignment documents (intake and return notes, payout receipts, day slips).
    "artisan": "Pengrajin",
    "staff": "Petugas",
    "sign_artisan": "Pengrajin",
    "sign_coordinator": "Koordinator",
    "sign_caption": "Nama dan tanda tangan",
    "units": "{n} unit",
    "unit": "{n} unit",
}

_EN: dict[str, str] = {
    "receipt_no": "Receipt no.",
    "date": "Date",
    "cashier": "Cashier",
    "discount": "Discount",
    "subtotal": "Subtotal",
    "sale_discount": "Sale discount",
    "total": "TOTAL",
    "items": "{n} items",
    "item": "{n} item",
    "change": "Change",
    "paid": "Paid",
    "ref": "Ref.",
    "reference_label": "In {code}",
    "reference_note": "For reference only, not a charge. Rate {rate} per 1 {code}.",
    "artisans": "Artisans",
    "reprint": "RECEIPT COPY",
    "verification": "Verification code",
    "test_print": "TEST PRINT",
    "test_print_note": "The printer works. This is not a sale.",
    "refund_title": "REFUND RECEIPT",
    "void_title": "VOID RECEIPT",
    "copy": "COPY",
    "refund_no": "Refund no.",
    "original": "Original receipt",
    "supervisor": "Approved by",
    "returned": "RETURNED",
    "paid_back": "Paid back",
    "reason": "Reason",
    "signature": "Customer's signature",
    "method_cash": "Cash",
    "method_qris": "QRIS",
    "method_card": "Card (EDC)",
    "method_transfer": "Bank transfer",
    "catalogue": "Product Catalogue",
    "bulk_orders": "Bulk orders",
    "bulk_orders_text": "For orders in quantity, please contact us:",
    "prices_in": "Prices in Indonesian rupiah (IDR).",
    "foreign_prices": "{code} prices are indicative only, at Rp {rate} per 1 {code}; subject to change.",  # noqa: E501
    "printed_on": "Printed {date}",
    "page": "Page {n}",
    "category": "Category",
    "sku": "Code",
    "products": "{n} products",
    "product": "{n} product",
    "artisan_by": "by {name}",
    "contents": "Artisans in this catalogue",
    "moq": "MOQ",
    "lead_days": "{n} days to make",
    "artisan": "Artisan",
    "staff": "Staff",
    "sign_artisan": "Artisan",
    "sign_coordinator": "Coordinator",
    "sign_caption": "Name and signature",
    "units": "{n} units",
    "unit": "{n} unit",
}

_KO: dict[str, str] = {
    "receipt_no": "영수증 번호",
    "date": "일시",
    "cashier": "계산원",
    "discount": "할인",
    "subtotal": "소계",
    "sale_discount": "전체 할인",
    "total": "합계",
    "items": "{n}개",
    "item": "{n}개",
    "change": "거스름돈",
    "paid": "결제",
    "ref": "참조",
    "reference_label": "{code} 참고 금액",
    "reference_note": "참고용이며 청구 금액이 아닙니다. 환율 1 {code} = {rate}.",
    "artisans": "장인",
    "reprint": "영수증 사본",
    "verification": "확인 코드",
    "test_print": "테스트 인쇄",
    "test_print_note": "프린터 정상. 판매가 아닙니다.",
    "refund_title": "환불 영수증",
    "void_title": "취소 영수증",
    "copy": "사본",
    "refund_no": "환불 번호",
    "original": "원 영수증",
    "supervisor": "승인자",
    "returned": "환불 금액",
    "paid_back": "환불",
    "reason": "사유",
    "signature": "고객 서명",
    "method_cash": "현금",
    "method_qris": "QRIS",
    "method_card": "카드 (EDC)",
    "method_transfer": "계좌 이체",
    "catalogue": "제품 카탈로그",
    "bulk_orders": "대량 주문",
    "bulk_orders_text": "대량 주문은 연락 주세요:",
    "prices_in": "가격은 인도네시아 루피아(IDR)입니다.",
    "foreign_prices": "{code} 가격은 참고용입니다 (1 {code} = Rp {rate}). 변동될 수 있습니다.",
    "printed_on": "인쇄일 {date}",
    "page": "{n}쪽",
    "category": "분류",
    "sku": "코드",
    "products": "제품 {n}개",
    "product": "제품 {n}개",
    "artisan_by": "{name} 제작",
    "contents": "이 카탈로그의 장인",
    "moq": "최소 주문",
    "lead_days": "제작 {n}일",
    "artisan": "장인",
    "staff": "직원",
    "sign_artisan": "장인",
    "sign_coordinator": "코디네이터",
    "sign_caption": "성명 및 서명",
    "units": "{n}개",
    "unit": "{n}개",
}

_FR: dict[str, str] = {
    "receipt_no": "Ticket n°",
    "date": "Date",
    "cashier": "Caissier",
    "discount": "Remise",
    "subtotal": "Sous-total",
    "sale_discount": "Remise globale",
    "total": "TOTAL",
    "items": "{n} articles",
    "item": "{n} article",
    "change": "Rendu",
    "paid": "Payé",
    "ref": "Réf.",
    "reference_label": "En {code}",
    "reference_note": "À titre indicatif, pas un montant dû. Taux {rate} pour 1 {code}.",
    "artisans": "Artisans",
    "reprint": "DUPLICATA",
    "verification": "Code de vérification",
    "test_print": "IMPRESSION TEST",
    "test_print_note": "L'imprimante marche. Ceci n'est pas une vente.",
    "refund_title": "REMBOURSEMENT",
    "void_title": "ANNULATION",
    "copy": "DUPLICATA",
    "refund_no": "Rembours. n°",
    "original": "Ticket d'origine",
    "supervisor": "Approuvé par",
    "returned": "REMBOURSÉ",
    "paid_back": "Rendu",
    "reason": "Motif",
    "signature": "Signature du client",
    "method_cash": "Espèces",
    "method_qris": "QRIS",
    "method_card": "Carte (TPE)",
    "method_transfer": "Virement",
    "catalogue": "Catalogue des produits",
    "bulk_orders": "Commandes en gros",
    "bulk_orders_text": "Pour des commandes en quantité, contactez-nous :",
    "prices_in": "Prix en roupies indonésiennes (IDR).",
    "foreign_prices": "Prix en {code} indicatifs, à Rp {rate} pour 1 {code} ; sujets à changement.",
    "printed_on": "Imprimé le {date}",
    "page": "Page {n}",
    "category": "Catégorie",
    "sku": "Code",
    "products": "{n} produits",
    "product": "{n} produit",
    "artisan_by": "par {name}",
    "contents": "Artisans de ce catalogue",
    "moq": "Qté min.",
    "lead_days": "{n} jours de fabrication",
    "artisan": "Artisan",
    "staff": "Personnel",
    "sign_artisan": "Artisan",
    "sign_coordinator": "Coordinateur",
    "sign_caption": "Nom et signature",
    "units": "{n} unités",
    "unit": "{n} unité",
}

#: Each language's words, in one table each (a translator reads one block).
TABLES: dict[str, dict[str, str]] = {"id": _ID, "en": _EN, "ko": _KO, "fr": _FR}


def check_lang(lang: str) -> str:
    """Return ``lang`` if the stand's documents can be printed in it (id, en), else raise
    ``ValueError``."""
    if lang not in LANGS:
        raise ValueError(f"documents are printed in 'id' or 'en', not {lang!r}")
    return lang


def check_receipt_lang(lang: str) -> str:
    """Return ``lang`` if a customer's receipt can be printed in it, else raise
    ``ValueError``."""
    if lang not in RECEIPT_LANGS:
        raise ValueError(f"receipts are printed in {', '.join(RECEIPT_LANGS)}, not {lang!r}")
    return lang


def locale(lang: str) -> str:
    """Babel's locale for ``lang``: ``ko_KR`` for ``ko``."""
    return LOCALES[check_receipt_lang(lang)]


def t(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang`` with ``values`` filled in."""
    text = TABLES[check_receipt_lang(lang)][key]
    return text.format(**values) if values else text


def count(n: int, key: str, lang: str) -> str:
    """``3 barang`` / ``3 items``; ``key`` is the plural key, its singular drops the s."""
    singular = {"items": "item", "products": "product", "units": "unit"}[key]
    return t(key if n != 1 else singular, lang, n=n)


def method(m: Method | str, lang: str) -> str:
    """A payment method as the customer reads it."""
    return t(f"method_{Method(m).value}", lang)
