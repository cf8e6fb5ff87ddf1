"""Long commands show a progress bar to a person at a terminal, and nothing to a script."""

from __future__ import annotations

import io
from types import SimpleNamespace

from booth_pos.cli.output import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_the_bar_move(monkeypatch):
    """On a terminal the bar shows how far verify got."""
    screen = _Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with Progress("verify", SimpleNamespace(json=False)) as progress:
        for done in range(1, 6):
            progress(done, 5)
    assert "verify" in screen.getvalue() and "5/5" in screen.getvalue()


def test_a_pipe_or_json_output_gets_no_bar(monkeypatch):
    """Piped or --json: not one extra byte, so scripts read what they always read."""
    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    with Progress("verify", SimpleNamespace(json=False)) as progress:
        progress(1, 2)
    screen = _Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with Progress("verify", SimpleNamespace(json=True)) as progress:
        progress(1, 2)
    assert piped.getvalue() == "" and screen.getvalue() == ""
