"""QRIS with the amount: the stand's static QRIS (Settings) filled in for one tender.

The window's customer display and payment dialog, and ``booth-pos qris``, all build the
payload here, so they show and print the same text for the same amount.
"""

from __future__ import annotations

from booth_pos.model import KnownError, Settings
from booth_pos.model import qris as qris_model
from booth_pos.store import Store


class NoQris(KnownError):
    """The stand has no usable static QRIS in its settings."""


def static_payload(settings: Settings) -> str:
    """The stand's static QRIS, checked; ``NoQris`` when it is not set or no longer valid."""
    if not settings.qris_payload.strip():
        raise NoQris(
            en="No QRIS set: paste the stand's static QRIS into Settings (qris_payload)",
            id="QRIS belum diatur: tempel QRIS statis stan di Pengaturan (qris_payload)",
        )
    try:
        return qris_model.validate_static(settings.qris_payload)
    except qris_model.QrisError as exc:
        raise NoQris(en=f"Settings: {exc.en}", id=f"Pengaturan: {exc.id}") from None


def has_qris(settings: Settings) -> bool:
    """Whether QRIS tenders can show a code (a valid static QRIS is set)."""
    try:
        static_payload(settings)
    except NoQris:
        return False
    return True


def payload_for(settings: Settings, amount: int) -> str:
    """The stand's QRIS with ``amount`` (whole rupiah) filled in."""
    return qris_model.with_amount(static_payload(settings), amount)


def payload(store: Store, amount: int) -> str:
    """``payload_for`` with the stand's saved settings."""
    return payload_for(store.settings(), amount)
