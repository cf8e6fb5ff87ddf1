"""The stand's domain: artisans, products, carts, payments, sales and reports, with their rules.

Pure Python: no Qt, no SQL, no services. Every amount is whole rupiah (``int``); every
percentage is integer basis points (12.5 % is ``1250``). The names are re-exported here, so
``from booth_pos.model import Cart`` works whichever module of the package holds ``Cart``.
"""

from __future__ import annotations

from booth_pos.model.catalogue import Artisan, Product
from booth_pos.model.corrections import Correction, RefundLine, RefundPayment
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
from booth_pos.model.report import (
    ARTISAN_COLUMNS,
    METHOD_KEYS,
    ArtisanFigures,
    ArtisanStatement,
    CashFigures,
    CategoryFigures,
    DayReport,
    EventReport,
    HourFigures,
    OriginFigures,
    PaymentFigures,
    ProductFigures,
    Report,
    StatementDay,
    StockLine,
)
from booth_pos.model.sale import (
    MAX_QTY,
    MAX_UNIT_PRICE,
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
    Tender,
    due_after,
    settle,
)
from booth_pos.model.settings import DEFAULT_ORIGINS, Settings
from booth_pos.model.staff import Approval, Role, Staff

__all__ = [
    "ARTISAN_COLUMNS",
    "DEFAULT_ORIGINS",
    "MAX_QTY",
    "MAX_UNIT_PRICE",
    "METHOD_KEYS",
    "Approval",
    "ApprovalError",
    "Artisan",
    "ArtisanFigures",
    "ArtisanStatement",
    "Cart",
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
