"""Money events move forward in time: none is dated before the journal's last entry.

A sale, a void or refund, a day opened or closed is refused when its time would come
before the last journal entry's, so turning back the laptop's clock or setting
``BOOTH_POS_NOW`` to an earlier time cannot slip a sale into a past day. Replaying an old
event on purpose (tests, demos that go back) needs the test-only setting
``BOOTH_POS_ALLOW_PAST=1`` beside ``BOOTH_POS_NOW`` (``Clock.allow_past``).
"""

from __future__ import annotations

from datetime import datetime

from booth_pos.clock import Clock, local
from booth_pos.model import KnownError
from booth_pos.store import Store


class PastTimeError(KnownError):
    """A money event dated before the journal's last entry: nothing was written."""


def check_not_before_journal(store: Store, at: datetime, clock: Clock) -> None:
    """Refuse ``at`` if it is before the journal's last entry; call inside the event's
    transaction (so no other till can write a later entry in between).

    Raises:
        PastTimeError: ``at`` is earlier and ``clock`` does not allow the past.
    """
    if clock.allow_past:
        return
    last = store.sales.last_event_at()
    if last is None or at >= last:
        return
    tz = store.settings().timezone
    when = local(at, tz).isoformat(sep=" ", timespec="seconds")
    then = local(last, tz).isoformat(sep=" ", timespec="seconds")
    raise PastTimeError(
        en=f"The clock says {when}, before the last entry of the journal ({then}): nothing "
        "is recorded before what is already recorded. Check the computer's date and time; "
        "nothing was saved.",
        id=f"Jam menunjukkan {when}, sebelum catatan terakhir di jurnal ({then}): tidak ada "
        "yang dicatat sebelum yang sudah tercatat. Periksa tanggal dan jam komputer; tidak ada "
        "yang tersimpan.",
    )
