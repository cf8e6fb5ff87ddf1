"""A fake real-time clock for the lockout: moved by the test, never by ``BOOTH_POS_NOW``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeWall:
    """Pass as ``wall=`` to ``services.staff.sign_in``; ``advance`` moves it (or back)."""

    def __init__(self, start: datetime | None = None):
        self.now = start or datetime(2026, 12, 1, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta
