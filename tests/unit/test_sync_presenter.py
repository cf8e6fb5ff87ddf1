"""The Sync page's presenter with a fake view: what it shows and when it pushes."""

from __future__ import annotations

from datetime import datetime

from booth_pos.model import KnownError
from booth_pos.services.lan import LanError, SyncStatus
from booth_pos.ui.presenters.sync import PushOutcome, SyncPresenter

AT = datetime.fromisoformat("2023-03-01T10:00:00+07:00")


class FakeView:
    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        return lambda *args: self.calls.append((name, *args))


def _status(**kw) -> SyncStatus:
    base = dict(
        till="T2", main_till="T1", is_main=False, code="", has_code=True,
        url="http://192.168.43.10:8765", minutes=5, tills=[],
    )  # fmt: skip
    return SyncStatus(**(base | kw))


def _presenter(status, *, push=lambda: True, save=None, renew=lambda: "K7QM4XTR"):
    view = FakeView()
    saved = []

    def default_save(url, code, minutes):
        saved.append((url, code, minutes))

    p = SyncPresenter(view, load=lambda: status, save=save or default_save, push=push, renew=renew)
    return p, view, saved


def test_a_configured_till_pushes_and_shows_it_is_busy():
    """Push now on T2 with an address and a code: the worker is asked, the button waits."""
    asked = []
    p, view, _ = _presenter(_status(), push=lambda: asked.append(1) or True)
    assert p.push_now()
    assert asked == [1] and ("show_busy", True) in view.calls


def test_the_main_till_does_not_push():
    """On the main till Push now says why not and asks the worker nothing."""
    asked = []
    p, view, _ = _presenter(_status(is_main=True, till="T1"), push=lambda: asked.append(1))
    assert not p.push_now()
    assert asked == []
    errors = [c[1] for c in view.calls if c[0] == "show_error"]
    assert "main till" in errors[0].en


def test_no_address_or_no_code_asks_for_them_first():
    """Without sync_url or sync_code nothing starts; the message names what is missing."""
    for status in (_status(url=""), _status(has_code=False)):
        p, view, _ = _presenter(status)
        assert not p.push_now()
        assert (
            "address and pairing code" in [c for c in view.calls if c[0] == "show_error"][0][1].en
        )


def test_a_push_already_running_is_not_started_twice():
    """The worker says it is busy: the presenter does not claim a second push."""
    p, view, _ = _presenter(_status(), push=lambda: False)
    assert not p.push_now()
    assert ("show_busy", True) not in view.calls


def test_an_ended_push_frees_the_button_and_shows_the_outcome():
    """Success or failure, the outcome line is shown and the status reloaded."""
    p, view, _ = _presenter(_status())
    failed = PushOutcome(AT, error=LanError(en="cannot be reached", id="tidak terjangkau"))
    p.pushed(failed)
    assert ("show_busy", False) in view.calls and ("show_outcome", failed) in view.calls
    assert not failed.ok and PushOutcome(AT, received=3).changed


def test_a_refused_target_is_shown_and_the_page_not_reloaded_as_saved():
    """A bad code from the form: the error shows, no "saved"."""

    def refuse(url, code, minutes):
        raise KnownError(en="A pairing code is 8 letters", id="Kode pasangan 8 huruf")

    p, view, _ = _presenter(_status(), save=refuse)
    assert not p.save("192.168.43.10", "ABC", "5")
    assert [c[0] for c in view.calls] == ["show_error"]


def test_a_saved_target_reloads_and_says_saved():
    p, view, saved = _presenter(_status())
    assert p.save("192.168.43.10", "k7qm-4xtr", "5")
    assert saved == [("192.168.43.10", "k7qm-4xtr", "5")]
    assert view.calls[-1] == ("show_saved",)


def test_renewing_the_code_reloads_the_status():
    renewed = []
    p, view, _ = _presenter(_status(is_main=True), renew=lambda: renewed.append(1) or "X")
    p.renew_code()
    assert renewed == [1] and view.calls[-1][0] == "show_status"
