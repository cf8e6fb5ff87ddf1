"""The replay clock and the test-only setting that lets it go back in time."""

from __future__ import annotations

from booth_pos.clock import Clock


def test_allow_past_needs_both_settings(monkeypatch):
    """BOOTH_POS_ALLOW_PAST=1 only takes effect with a replay clock (BOOTH_POS_NOW): the
    real clock never dates a sale before the journal."""
    monkeypatch.delenv("BOOTH_POS_NOW", raising=False)
    monkeypatch.setenv("BOOTH_POS_ALLOW_PAST", "1")
    assert not Clock.from_env().allow_past
    monkeypatch.setenv("BOOTH_POS_NOW", "2023-03-01T10:00:00+07:00")
    assert Clock.from_env().allow_past
    monkeypatch.setenv("BOOTH_POS_ALLOW_PAST", "yes")
    assert not Clock.from_env().allow_past
    monkeypatch.delenv("BOOTH_POS_ALLOW_PAST")
    assert not Clock.from_env().allow_past
