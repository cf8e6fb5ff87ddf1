"""The domain's errors: each one a ``KnownError`` whose message a person can act on."""

from __future__ import annotations

from booth_pos.errors import KnownError

__all__ = [
    "ApprovalError",
    "CartError",
    "CorrectionError",
    "DayError",
    "KnownError",
    "LockedError",
    "PaymentError",
    "PinError",
    "StaffError",
    "UnknownCode",
]


class UnknownCode(KnownError):
    """A scanned or typed code that matches no product."""

    def __init__(self, code: str):
        super().__init__(en=f"Unknown code: {code}", id=f"Kode tidak dikenal: {code}")
        self.code = code


class CartError(KnownError):
    """A cart change that breaks a rule (quantity, discount)."""


class PaymentError(KnownError):
    """Tenders that do not fit the amount due."""


class DayError(KnownError):
    """No open business day, a day already open, a day already closed."""


class StaffError(KnownError):
    """A staff account that cannot be made or used: bad name, role or PIN, unknown person."""


class PinError(StaffError):
    """A wrong PIN; ``attempts_left`` before the account locks."""

    def __init__(self, *, en: str, id: str, attempts_left: int = 0):
        super().__init__(en=en, id=id)
        self.attempts_left = attempts_left


class LockedError(StaffError):
    """An account locked after too many wrong PINs; ``minutes_left`` until it opens again."""

    def __init__(self, *, en: str, id: str, minutes_left: int = 0):
        super().__init__(en=en, id=id)
        self.minutes_left = minutes_left


class ApprovalError(KnownError):
    """A change that needs a supervisor's approval and does not have a valid one."""


class CorrectionError(KnownError):
    """A void or refund that breaks a rule (wrong day, already voided, too many units)."""
