"""Telling a barcode scanner from a person by the rhythm of the keys: pure, no Qt.

A USB scanner types like a keyboard: a dozen characters a millisecond or two apart, then
Enter. A person types at best one key every 80 ms or so (measured, see ``ScanGuard``). So a
run of at least ``MIN_CHARS`` characters, each within ``GAP_MS`` of the one before, ended by
an Enter that also comes within ``GAP_MS``, is a scan. A key repeated by the keyboard itself
(a held-down key) is never part of a scan: scanners do not auto-repeat.

The first characters of a scan arrive before anyone can know it is one, so they reach the
field; the detector remembers the text the field had before the run began, and when the
Enter shows the run was a scan, the guard puts that text back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

#: Longest pause between two keys of one scan, ms. A scanner measured 1-6 ms between keys
#: (QTest at 1-2 ms, plus the window's own work per key); a fast person 80-200 ms.
GAP_MS = 30
#: Fewest characters before Enter for a run to count as a scan (EAN-8 is 8, a SKU about 6).
MIN_CHARS = 4
#: A scan's first keys may be split from the rest by one slow gap (measured: 39 ms once,
#: the window's first paint); a short run this recent before a scan is undone with it.
JOIN_MS = 3 * GAP_MS


class Verdict(Enum):
    """What to do with one key."""

    PASS = "pass"  # deliver it: a person's key, or a character of a run not yet known
    SCAN_ENTER = "scan_enter"  # the Enter that ends a scan: swallow it and undo the run
    SWALLOW = "swallow"  # a key inside a known scan run that must not act (Space, Enter)


@dataclass
class Run:
    """Characters that came fast, one after the other.

    Attributes:
        chars: the characters so far.
        before: what the field held before the run's first character (None if unknown).
        last_ms: when the last key of the run came.
    """

    chars: str
    before: object
    last_ms: float


class BurstDetector:
    """Feed it every key press with its time; it says which Enter ends a scan.

    Attributes:
        gap_ms: the longest pause between keys of one scan.
        min_chars: the fewest characters of a scan.
        run: the current fast run, if any.
        last_scan: the characters of the last scan recognised (for the message).
        before_scan: what the field held before the last scan began (what to put back).
    """

    def __init__(self, gap_ms: float = GAP_MS, min_chars: int = MIN_CHARS):
        self.gap_ms = gap_ms
        self.min_chars = min_chars
        self.run: Run | None = None
        self._last_ms: float | None = None
        self.last_scan = ""
        self.before_scan: object = None

    def _fast(self, now_ms: float) -> bool:
        return self._last_ms is not None and 0 <= now_ms - self._last_ms < self.gap_ms

    def starts_run(self, now_ms: float, repeat: bool = False) -> bool:
        """Whether a character at ``now_ms`` would begin a new run (snapshot the field then)."""
        return self.run is None or repeat or not self._fast(now_ms)

    def char(self, text: str, now_ms: float, before: object = None, repeat: bool = False):
        """A printable key. ``before`` is the field's content just before it is typed.

        Returns:
            ``Verdict.SWALLOW`` for a Space inside a scan-length fast run (it would press a
            focused button); ``Verdict.PASS`` otherwise.
        """
        fast = self._fast(now_ms) and not repeat
        self._last_ms = now_ms
        if repeat:
            self.run = None
            return Verdict.PASS
        if fast and self.run is not None:
            self.run.chars += text
            self.run.last_ms = now_ms
        else:
            prev = self.run
            if (
                prev is not None
                and len(prev.chars) < self.min_chars
                and (0 <= now_ms - prev.last_ms < JOIN_MS)
            ):
                # A hiccup after a scan's first keys (the window was busy for a moment):
                # if this turns out to be a scan, those keys go too.
                before = prev.before
            self.run = Run(text, before, now_ms)
        if text.isspace() and self.is_scanning():
            return Verdict.SWALLOW
        return Verdict.PASS

    def enter(self, now_ms: float, repeat: bool = False) -> Verdict:
        """An Enter (Return) key: ``SCAN_ENTER`` if it ends a scan, else ``PASS``."""
        fast = self._fast(now_ms) and not repeat
        self._last_ms = now_ms
        run, self.run = self.run, None
        if fast and run is not None and len(run.chars) >= self.min_chars:
            self.last_scan = run.chars
            self.before_scan = run.before
            return Verdict.SCAN_ENTER
        return Verdict.PASS

    def other(self, now_ms: float) -> None:
        """Any other key (arrows, F-keys, Backspace): a scan never contains one."""
        self._last_ms = now_ms
        self.run = None

    def is_scanning(self) -> bool:
        """Whether the current run is already long and fast enough to be a scan."""
        return self.run is not None and len(self.run.chars) >= self.min_chars
