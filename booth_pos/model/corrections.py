"""Voids and refunds: new records pointing at a sale, never edits of it (issue 6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from booth_pos.model.sale import OPEN_PRICE_SKU, Method


@dataclass(frozen=True)
class RefundLine:
    """Units of one sale line given back, and the money returned for them."""

    line_no: int
    sku: str
    name: str
    artisan_code: str
    unit_price: int
    qty: int
    amount: int
    #: Its sale line's recorded commission (a refund settles at the rate of the sale).
    commission_bp: int | None = None

    @property
    def open_price(self) -> bool:
        """A unit of an open-price line: no product, so no stock comes back."""
        return self.sku == OPEN_PRICE_SKU


@dataclass(frozen=True)
class RefundPayment:
    """Money paid back by one method."""

    method: Method
    amount: int


@dataclass(frozen=True)
class Correction:
    """A void or a refund: a new record pointing at the original sale, never an edit of it.

    Attributes:
        number: its own consecutive number per till (``T1-R000001``), printed on its receipt.
        receipt_no: the original sale's receipt number.
        day_id, business_date: the business day the correction was made (its report).
        cashier: who did it at the till ("" from the command line).
        supervisor: who approved it with their PIN.
        verification: the short code of its journal entry's hash (``3F2A-9C1B``), printed on
            its receipt as a sale's is; "" when not read back with it.
    """

    id: str
    kind: str  # "void" | "refund"
    number: str
    till: str
    sale_id: str
    receipt_no: str
    day_id: int
    business_date: date
    created_at: datetime
    cashier: str
    supervisor: str
    reason: str
    lang: str
    lines: tuple[RefundLine, ...]
    payments: tuple[RefundPayment, ...]
    verification: str = ""

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def items(self) -> int:
        return sum(line.qty for line in self.lines)
