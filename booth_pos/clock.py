"""The one source of "now", and the stand's local time.

``BOOTH_POS_NOW`` (ISO 8601 with an offset) fixes "now" for a whole process so that demos and
scripted runs can replay a past event. Money events never go back before the journal's last
entry (``services.timeline``) unless the test-only ``BOOTH_POS_ALLOW_PAST=1`` is set with it.
The replay clock never drives a PIN lockout: that counts the machine's real time.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Jakarta"


class ClockError(ValueError):
    """A time setting that cannot be understood."""


class Clock:
    """Supplies the current time as an aware UTC datetime.

    Attributes:
        allow_past: money events may be dated before the journal's last entry (tests and
            replays that go back on purpose; ``BOOTH_POS_ALLOW_PAST=1``).
    """

    def __init__(self, fixed: datetime | None = None, *, allow_past: bool = False):
        if fixed is not None and fixed.tzinfo is None:
            raise ClockError("a fixed time needs an offset, e.g. 2023-03-01T10:00:00+07:00")
        self._fixed = fixed.astimezone(UTC) if fixed else None
        self.allow_past = allow_past

    @classmethod
    def from_env(cls) -> Clock:
        """The real clock, or the replay clock ``BOOTH_POS_NOW``; only a replay clock may
        go back before the journal, and only with ``BOOTH_POS_ALLOW_PAST=1`` (tests)."""
        text = os.environ.get("BOOTH_POS_NOW", "").strip()
        if not text:
            return cls()
        past = os.environ.get("BOOTH_POS_ALLOW_PAST", "").strip() == "1"
        return cls(parse_instant(text), allow_past=past)

    def now(self) -> datetime:
        return self._fixed if self._fixed is not None else datetime.now(UTC)

    def set(self, when: datetime) -> None:
        """Move a fixed clock (used by the demo to replay sales through the day)."""
        if when.tzinfo is None:
            raise ClockError("time needs an offset")
        self._fixed = when.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self.set(self.now() + delta)


def parse_instant(text: str) -> datetime:
    """Parse ISO 8601 with an offset (``Z`` allowed) into an aware datetime."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ClockError(f"not an ISO 8601 time: {text!r}") from exc
    if value.tzinfo is None:
        raise ClockError(f"time needs an offset such as +07:00: {text!r}")
    return value


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        # OSError: a name that is a folder of the zone database ("America") or too long.
        raise ClockError(f"unknown time zone: {name!r}") from exc


def to_iso(when: datetime) -> str:
    """Store form: UTC ISO 8601 with seconds and microseconds, ending in +00:00."""
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local(when: datetime, tz: str) -> datetime:
    return when.astimezone(zone(tz))


def local_date(when: datetime, tz: str) -> date:
    return local(when, tz).date()
