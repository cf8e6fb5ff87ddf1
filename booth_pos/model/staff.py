"""Staff accounts and a supervisor's approvals (issue 6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"


@dataclass(frozen=True)
class Staff:
    """A person who may use the till; the PIN itself is never kept, only its slow hash.

    Attributes:
        failed_pins: PIN checks since the last good one that did not succeed, counting
            checks still under way (five lock the account).
        locked_until: real (wall clock) UTC time until which the account is locked, or None.
        last_pin_at: real UTC time of the last PIN check, or None.
    """

    name: str
    role: Role
    created_at: datetime
    failed_pins: int = 0
    locked_until: datetime | None = None
    last_pin_at: datetime | None = None

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR


@dataclass(frozen=True)
class Approval:
    """A supervisor's yes to one change of one cart (a price override or a big discount).

    Attributes:
        id: the token the cart carries in ``Cart.approvals``.
        kind: ``price_override`` or ``discount``.
        terms: exactly what was approved, as canonical JSON (sku and prices, or discount).
    """

    id: str
    kind: str
    cart_id: str
    supervisor: str
    cashier: str
    reason: str
    terms: str
    at: datetime
