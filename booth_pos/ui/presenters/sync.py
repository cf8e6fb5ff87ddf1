"""The Sync page's logic without a widget: what to show, when a push may start.

The page shows this till's place at the stand (``lan.status``); on the main till the
pairing code, elsewhere where and how often it pushes. A push runs on a worker (never on
the GUI thread); the presenter only asks for one and shows how it ended.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booth_pos.model import KnownError
from booth_pos.services.lan import LanError, SyncStatus


@dataclass(frozen=True)
class PushOutcome:
    """How one push ended: ``at``, entries ``sent`` and ``received``, or the ``error``."""

    at: datetime
    sent: int = 0
    received: int = 0
    joined: bool = False
    error: KnownError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def changed(self) -> bool:
        return self.received > 0 or self.joined


class SyncView(Protocol):
    def show_status(self, status: SyncStatus) -> None:
        """This till, the main till, the code or the push target, the known tills."""

    def show_busy(self, busy: bool) -> None:
        """A push is under way (the Push button waits)."""

    def show_outcome(self, outcome: PushOutcome) -> None:
        """The last push's line: when, how much, or why not."""

    def show_error(self, error: KnownError) -> None:
        """A refusal of what was asked here (a bad address or code; nothing was saved)."""

    def show_saved(self) -> None:
        """The push target was saved."""


class SyncPresenter:
    """Between the Sync page and the services.

    Args:
        view: the page.
        load: ``lan.status`` of the window's store.
        save: saves ``(url, code, minutes)`` as typed (``lan.save_target``).
        push: starts a push on the worker; False when one is already running.
        renew: makes a new pairing code on the main till and returns it.
    """

    def __init__(
        self,
        view: SyncView,
        *,
        load: Callable[[], SyncStatus],
        save: Callable[[str, str, str], None],
        push: Callable[[], bool],
        renew: Callable[[], str],
    ):
        self.view, self._load, self._save, self._push, self._renew = view, load, save, push, renew
        self.status: SyncStatus | None = None

    def refresh(self) -> None:
        try:
            self.status = self._load()
        except KnownError as exc:
            self.view.show_error(exc)
            return
        self.view.show_status(self.status)

    def save(self, url: str, code: str, minutes: str) -> bool:
        try:
            self._save(url, code, minutes)
        except KnownError as exc:
            self.view.show_error(exc)
            return False
        self.refresh()
        self.view.show_saved()
        return True

    def push_now(self) -> bool:
        """Ask for a push now (the main till does not push; a till needs a URL and a code)."""
        self.refresh()
        s = self.status
        if s is None:
            return False
        if s.is_main:
            self.view.show_error(
                LanError(
                    en="This is the main till: the other tills push to it",
                    id="Ini kasir utama: kasir lain yang mengirim ke sini",
                )
            )
            return False
        if not s.url or not s.has_code:
            self.view.show_error(
                LanError(
                    en="Type the main till's address and pairing code first, then save",
                    id="Isi dulu alamat dan kode pasangan kasir utama, lalu simpan",
                )
            )
            return False
        if not self._push():
            return False  # one is running: its outcome will show
        self.view.show_busy(True)
        return True

    def pushed(self, outcome: PushOutcome) -> None:
        """A push (this page's or the automatic one) ended."""
        self.view.show_busy(False)
        self.view.show_outcome(outcome)
        self.refresh()

    def renew_code(self) -> None:
        try:
            self._renew()
        except KnownError as exc:
            self.view.show_error(exc)
            return
        self.refresh()
