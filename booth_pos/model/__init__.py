"""The stand's domain: artisans, products, carts, payments, sales and reports, with their rules.

Pure Python: no Qt, no SQL, no services. Every amount is whole rupiah (``int``); every
percentage is integer basis points (12.5 % is ``1250``). The names are re-exported here, so
``from booth_pos.model import Cart`` works whichever module of the package holds ``Cart``.

The submodules load on first use (PEP 562): a frozen dataclass costs ~1 ms to create, and the
till's start needs the sale and catalogue types, not the report's or the ledger's fifty.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from booth_pos.model.errors import (
    ApprovalError,
    CartError,
    CorrectionError,
    DayError,
    KnownError,
    LockedError,
    PaymentError,
    PinError,
    StaffError,
    UnknownCode,
)

if TYPE_CHECKING:  # what the names are, for type checkers and readers
    from booth_pos.model.catalogue import (
        Artisan,
        Product,
    )
    from booth_pos.model.corrections import (
        Correction,
        RefundLine,
        RefundPayment,
    )
    from booth_pos.model.report import (
        ARTISAN_COLUMNS,
        METHOD_KEYS,
        ArtisanFigures,
        ArtisanStatement,
        CashFigures,
        CategoryFigures,
        DayReport,
        DaySlip,
        EventReport,
        HourFigures,
        OriginFigures,
        PaymentFigures,
        ProductFigures,
        Report,
        SlipLine,
        StatementDay,
        StockLine,
        TillFigures,
    )
    from booth_pos.model.sale import (
        MAX_QTY,
        MAX_UNIT_PRICE,
        OPEN_PRICE_SKU,
        Cart,
        CartLine,
        Day,
        Discount,
        LinePrice,
        Method,
        Payment,
        Pricing,
        Sale,
        SaleLine,
        SaleReference,
        Tender,
        due_after,
        settle,
    )
    from booth_pos.model.settings import (
        DEFAULT_ORIGINS,
        Settings,
    )
    from booth_pos.model.staff import (
        Approval,
        Role,
        Staff,
    )
    from booth_pos.model.stock import (
        LedgerRow,
        NoteKind,
        NoteLine,
        Payout,
        PayoutError,
        PayoutMethod,
        StockError,
        StockNote,
        note_number,
    )

#: Which submodule holds each name, loaded when the name is first asked for.
_WHERE = {
    "Artisan": "catalogue",
    "Product": "catalogue",
    "Correction": "corrections",
    "RefundLine": "corrections",
    "RefundPayment": "corrections",
    "ARTISAN_COLUMNS": "report",
    "ArtisanFigures": "report",
    "ArtisanStatement": "report",
    "CashFigures": "report",
    "CategoryFigures": "report",
    "DayReport": "report",
    "DaySlip": "report",
    "EventReport": "report",
    "HourFigures": "report",
    "METHOD_KEYS": "report",
    "OriginFigures": "report",
    "PaymentFigures": "report",
    "ProductFigures": "report",
    "Report": "report",
    "SlipLine": "report",
    "StatementDay": "report",
    "StockLine": "report",
    "TillFigures": "report",
    "Cart": "sale",
    "CartLine": "sale",
    "Day": "sale",
    "Discount": "sale",
    "LinePrice": "sale",
    "MAX_QTY": "sale",
    "MAX_UNIT_PRICE": "sale",
    "Method": "sale",
    "OPEN_PRICE_SKU": "sale",
    "Payment": "sale",
    "Pricing": "sale",
    "Sale": "sale",
    "SaleLine": "sale",
    "SaleReference": "sale",
    "Tender": "sale",
    "due_after": "sale",
    "settle": "sale",
    "DEFAULT_ORIGINS": "settings",
    "Settings": "settings",
    "Approval": "staff",
    "Role": "staff",
    "Staff": "staff",
    "LedgerRow": "stock",
    "NoteKind": "stock",
    "NoteLine": "stock",
    "Payout": "stock",
    "PayoutError": "stock",
    "PayoutMethod": "stock",
    "StockError": "stock",
    "StockNote": "stock",
    "note_number": "stock",
}


def __getattr__(name: str):
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{where}"), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "TillFigures",
    "DaySlip",
    "SlipLine",
    "LedgerRow",
    "NoteKind",
    "NoteLine",
    "Payout",
    "PayoutError",
    "PayoutMethod",
    "StockError",
    "StockNote",
    "note_number",
    "ARTISAN_COLUMNS",
    "DEFAULT_ORIGINS",
    "MAX_QTY",
    "MAX_UNIT_PRICE",
    "OPEN_PRICE_SKU",
    "METHOD_KEYS",
    "Approval",
    "ApprovalError",
    "Artisan",
    "ArtisanFigures",
    "ArtisanStatement",
    "Cart",
    "SaleReference",
    "CartError",
    "CartLine",
    "CashFigures",
    "CategoryFigures",
    "Correction",
    "CorrectionError",
    "Day",
    "DayError",
    "DayReport",
    "Discount",
    "EventReport",
    "HourFigures",
    "KnownError",
    "LinePrice",
    "LockedError",
    "Method",
    "OriginFigures",
    "Payment",
    "PaymentError",
    "PaymentFigures",
    "PinError",
    "Pricing",
    "Product",
    "ProductFigures",
    "RefundLine",
    "RefundPayment",
    "Report",
    "Role",
    "Sale",
    "SaleLine",
    "Settings",
    "Staff",
    "StaffError",
    "StatementDay",
    "StockLine",
    "Tender",
    "UnknownCode",
    "due_after",
    "settle",
]
