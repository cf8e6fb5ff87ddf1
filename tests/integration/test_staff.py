"""Staff accounts at a shared laptop: PINs kept safely, sign-in, lockout, who may approve."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from helpers import raw
from helpers.wall import FakeWall
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booth_pos.model import (
    ApprovalError,
    Cart,
    KnownError,
    LockedError,
    Method,
    PinError,
    Role,
    StaffError,
    Tender,
)
from booth_pos.services import approvals, corrections, days, selling, staff
from booth_pos.store import open_store

CHEAP = staff.PinCost(n=16, r=1, p=1)  # the real cost is the default; tests need speed


def add(store, clock, name, role="cashier", pin="1111", by=("Dewi", "2468")):
    """Add an account with the test's cheap PIN hash (the first one needs no approver)."""
    if not staff.staff_exist(store):
        return staff.add_staff(store, name, role, pin, clock, cost=CHEAP)
    return staff.add_staff(
        store, name, role, pin, clock, supervisor=by[0], supervisor_pin=by[1], cost=CHEAP
    )


@pytest.fixture
def crew(demo_store, clock):
    """Dewi (supervisor, 2468), Bayu (supervisor, 1357) and Rina (cashier, 1111)."""
    add(demo_store, clock, "Dewi", "supervisor", "2468")
    add(demo_store, clock, "Bayu", "supervisor", "1357")
    add(demo_store, clock, "Rina", "cashier", "1111")
    return demo_store


# -- PINs -------------------------------------------------------------------------------------


def test_a_pin_is_stored_only_as_a_salted_slow_hash(crew):
    """Nobody reading the database file learns a PIN, and equal PINs do not look equal."""
    for (stored,) in raw(crew).execute("SELECT pin_hash FROM staff").fetchall():
        assert stored.startswith("scrypt$16$1$1$")
        # hex salt and hash: a field may contain "1111" by chance, but none IS a PIN
        assert not {"2468", "1111", "1357"} & set(stored.split("$"))
        assert all(len(field) >= 32 for field in stored.split("$")[4:])
    a = staff.hash_pin("1234", CHEAP)
    b = staff.hash_pin("1234", CHEAP)
    assert a != b and staff.pin_matches("1234", a) and staff.pin_matches("1234", b)
    assert not staff.pin_matches("1235", a)


def test_the_default_cost_is_the_slow_one_and_is_kept_with_the_hash():
    """A real PIN is hashed with scrypt n=2^14, and the parameters travel with the hash."""
    stored = staff.hash_pin("123456")
    assert stored.split("$")[:4] == ["scrypt", str(2**14), "8", "1"]
    assert staff.pin_matches("123456", stored)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234", "١٢٣٤", "12 34"])
def test_a_pin_is_four_to_eight_plain_digits(demo_store, clock, pin):
    """Short, long, lettered or non-ASCII PINs are refused before anything is written."""
    with pytest.raises(StaffError):
        staff.add_staff(demo_store, "Dewi", "supervisor", pin, clock, cost=CHEAP)
    assert not staff.staff_exist(demo_store)


# -- accounts ---------------------------------------------------------------------------------


def test_a_stand_without_staff_sells_unlocked(demo_store, clock):
    """A fresh install sells at once: no account, no sign-in, any cashier name."""
    assert not staff.staff_exist(demo_store)
    days.open_day(demo_store, clock, 0)
    cart = Cart(cashier="")
    selling.add(demo_store, cart, "ECO-04")
    sale = selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    assert sale.receipt_no == "T1-000001" and sale.cashier == ""


def test_the_first_account_must_be_a_supervisor(demo_store, clock):
    """A stand whose only account is a cashier could never approve anything: refused."""
    with pytest.raises(StaffError, match="first account must be a supervisor"):
        staff.add_staff(demo_store, "Rina", "cashier", "1111", clock, cost=CHEAP)
    add(demo_store, clock, "Dewi", "supervisor", "2468")
    assert [(s.name, s.role) for s in staff.list_staff(demo_store)] == [("Dewi", Role.SUPERVISOR)]


def test_a_new_account_needs_a_supervisor_pin(crew, clock):
    """Nobody makes themselves a supervisor: a later account needs a supervisor's PIN."""
    with pytest.raises(StaffError, match="supervisor must approve"):
        staff.add_staff(crew, "Eko", "supervisor", "9999", clock, cost=CHEAP)
    with pytest.raises(StaffError, match="cashier"):
        staff.add_staff(
            crew, "Eko", "supervisor", "9999", clock, supervisor="Rina", supervisor_pin="1111"
        )
    with pytest.raises(PinError):
        staff.add_staff(
            crew, "Eko", "supervisor", "9999", clock, supervisor="Dewi", supervisor_pin="0000"
        )
    assert staff.find_staff(crew, "Eko") is None
    add(crew, clock, "Eko", "cashier", "9999")
    assert staff.find_staff(crew, "eko").role is Role.CASHIER


def test_names_are_unique_whatever_their_case(crew, clock):
    """"rina" is Rina: a second account under her name is refused."""
    with pytest.raises(StaffError, match="already has an account"):
        add(crew, clock, "  rina ", "cashier", "4444")
    assert staff.sign_in(crew, "RINA", "1111", clock).name == "Rina"


# -- sign-in and lockout ----------------------------------------------------------------------


def test_sign_in_with_the_right_pin(crew, clock):
    """The right PIN signs the cashier in; a wrong one says how many tries are left."""
    assert staff.sign_in(crew, "Rina", "1111", clock).role is Role.CASHIER
    with pytest.raises(PinError) as wrong:
        staff.sign_in(crew, "Rina", "1112", clock)
    assert wrong.value.attempts_left == 4
    assert "4" in wrong.value.text("en") and "4" in wrong.value.text("id")
    with pytest.raises(StaffError, match="No staff member"):
        staff.sign_in(crew, "Siapa", "1111", clock)


def test_five_wrong_pins_lock_for_five_minutes_even_after_a_restart(crew, clock, db_path):
    """The fifth wrong PIN locks Rina; closing the program does not open the lock; it opens
    by itself after five minutes of real time."""
    wall = FakeWall()
    for left in (4, 3, 2, 1):
        with pytest.raises(PinError) as wrong:
            staff.sign_in(crew, "Rina", "0000", clock, wall=wall)
        assert wrong.value.attempts_left == left
    with pytest.raises(LockedError) as locked:
        staff.sign_in(crew, "Rina", "0000", clock, wall=wall)
    assert locked.value.minutes_left == 5
    assert "5" in locked.value.text("id")
    crew.close()

    reopened = open_store(db_path)
    try:
        wall.advance(timedelta(minutes=4, seconds=1))
        with pytest.raises(LockedError) as still:
            staff.sign_in(reopened, "Rina", "1111", clock, wall=wall)  # even the right PIN
        assert still.value.minutes_left == 1
        wall.advance(timedelta(seconds=59))
        assert staff.sign_in(reopened, "Rina", "1111", clock, wall=wall).name == "Rina"
        assert staff.find_staff(reopened, "Rina").failed_pins == 0
    finally:
        reopened.close()


def test_after_a_lock_runs_out_a_wrong_pin_says_how_many_tries_are_left(crew, clock):
    """Locked, then five minutes pass: a wrong PIN is 'wrong (4 left)', not 'locked', and
    the audit log does not claim a lock."""
    import json

    wall = FakeWall()
    for _ in range(5):
        with pytest.raises((PinError, LockedError)):
            staff.sign_in(crew, "Rina", "0000", clock, wall=wall)
    wall.advance(timedelta(minutes=5, seconds=1))
    with pytest.raises(PinError) as wrong:
        staff.sign_in(crew, "Rina", "0000", clock, wall=wall)
    assert not isinstance(wrong.value, LockedError)
    assert wrong.value.attempts_left == 4 and "4" in wrong.value.text("en")
    last = crew.audit.latest_of(["pin_failed"])
    assert json.loads(last.payload)["locked"] is False


def _lock(store, clock, wall, name="Rina"):
    for _ in range(staff.MAX_FAILED_PINS):
        with pytest.raises((PinError, LockedError)):
            staff.sign_in(store, name, "0000", clock, wall=wall)


def test_a_replay_clock_a_day_later_does_not_open_a_lock(crew, clock):
    """BOOTH_POS_NOW set a day later (the replay clock) leaves the lock exactly as it was:
    only real time opens it, so the right PIN is still refused."""
    wall = FakeWall()
    _lock(crew, clock, wall)
    clock.advance(timedelta(days=1))
    with pytest.raises(LockedError):
        staff.sign_in(crew, "Rina", "1111", clock, wall=wall)
    wall.advance(timedelta(minutes=5))
    assert staff.sign_in(crew, "Rina", "1111", clock, wall=wall).name == "Rina"


def test_moving_the_replay_clock_between_guesses_finds_no_pin(crew, clock):
    """The attack that found a 4-digit PIN in 71 guesses (six minutes of fake time every
    five guesses) now gets five wrong guesses and a lock, however far the fake clock moves:
    the 71st guess, the right PIN, is refused."""
    wall = FakeWall()
    guesses = [f"{n:04d}" for n in range(2000, 2070)] + ["1111"]
    for i, guess in enumerate(guesses):
        if i % 5 == 0:
            clock.advance(timedelta(minutes=6))
        with pytest.raises((PinError, LockedError)):
            staff.sign_in(crew, "Rina", guess, clock, wall=wall)
    pin_failed = [e for e in crew.audit.entries() if e.kind == "pin_failed"]
    assert len(pin_failed) == staff.MAX_FAILED_PINS


def test_a_clock_turned_back_does_not_open_a_lock(crew, clock):
    """Setting the laptop's clock back (before the last wrong PIN) keeps the account locked
    until real time is past the lock again."""
    wall = FakeWall()
    _lock(crew, clock, wall)
    wall.advance(timedelta(days=-1))
    with pytest.raises(LockedError):
        staff.sign_in(crew, "Rina", "1111", clock, wall=wall)
    wall.advance(timedelta(days=1, minutes=4))
    with pytest.raises(LockedError):
        staff.sign_in(crew, "Rina", "1111", clock, wall=wall)
    wall.advance(timedelta(minutes=1, seconds=1))
    assert staff.sign_in(crew, "Rina", "1111", clock, wall=wall).name == "Rina"


@pytest.mark.parametrize("with_right_pin", [False, True], ids=["all-wrong", "1111-among-them"])
def test_forty_tills_guessing_at_once_compare_at_most_five_pins(demo_store, clock, with_right_pin):
    """40 processes try 40 different PINs for Rina at the same moment (the real, slow hash):
    at most five are ever compared, never a PIN after the lock, and once locked even the
    right PIN is refused (it once took 32 wrong PINs, and 1111 sold on a locked account)."""
    import json
    import multiprocessing
    from collections import Counter

    from helpers.guessing import guess

    staff.add_staff(demo_store, "Dewi", "supervisor", "2468", clock)  # the real cost
    staff.add_staff(
        demo_store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468"
    )
    path = str(demo_store.path)
    ctx = multiprocessing.get_context("fork")  # fast; each child opens its own store
    pins = [f"{n:04d}" for n in range(3000, 3040)]
    if with_right_pin:
        pins[-1] = "1111"  # the last to start, the most likely to come after a lock
    with ctx.Manager() as manager:
        barrier = manager.Barrier(len(pins))
        with ctx.Pool(len(pins)) as pool:
            outcomes = pool.starmap(guess, [(path, "Rina", p, barrier) for p in pins])
    told = Counter(outcomes)
    rina = [e for e in demo_store.audit.entries() if e.ref == "Rina"]
    kinds = Counter(e.kind for e in rina)
    checks = [i for i, e in enumerate(rina) if e.kind == "pin_check"]  # in the order taken
    signed = [json.loads(e.payload) for e in rina if e.kind == "sign_in"]
    if signed:  # the right PIN forgets the tries up to its own, not those taken after it
        mine = next(
            i for i in checks if json.loads(rina[i].payload)["attempt"] == signed[0]["attempt"]
        )
        before = [i for i in checks if i < mine]
        after = [i for i in checks if i > mine]
        assert len(before) < staff.MAX_FAILED_PINS and len(after) <= staff.MAX_FAILED_PINS
    else:
        assert len(checks) <= staff.MAX_FAILED_PINS  # tries taken = hashes compared
    # each try taken settles once: wrong, in, or (the right PIN while the others locked the
    # account) refused after all
    assert kinds["pin_failed"] + kinds["sign_in"] <= kinds["pin_check"]
    assert told["ok"] == kinds["sign_in"] <= (1 if with_right_pin else 0)
    locks = [
        i for i, e in enumerate(rina) if e.kind == "pin_failed" and json.loads(e.payload)["locked"]
    ]
    locked_at = locks[0] if locks else len(rina)
    assert all(e.kind != "sign_in" for e in rina[locked_at:])  # nobody in after the lock
    print(f"parallel PINs: {dict(told)}; audit {dict(kinds)}")
    if told["ok"] == 0:
        with pytest.raises(LockedError):
            staff.sign_in(demo_store, "Rina", "1111", clock)
    assert journal_ok(demo_store)


def journal_ok(store) -> bool:
    from booth_pos.services import journal

    return journal.verify(store).ok


def test_the_lock_holds_with_the_real_clock(crew, clock):
    """Without a fake wall clock the lock counts the machine's real time (five minutes)."""
    _lock(crew, clock, staff.wall_now)
    clock.advance(timedelta(days=30))
    with pytest.raises(LockedError) as locked:
        staff.sign_in(crew, "Rina", "1111", clock)
    assert locked.value.minutes_left == 5


def test_a_right_pin_does_not_forgive_the_guesses_made_while_it_was_checked(
    crew, clock, monkeypatch
):
    """Rina's right PIN is being compared while another till sends three wrong ones: they
    stay counted, so two more wrong PINs lock the account (the count once went back to
    zero, and around one right PIN ten wrong ones were compared)."""
    import threading

    real = staff.pin_matches
    comparing, go_on = threading.Event(), threading.Event()

    def slow_for_the_right_pin(pin, stored):
        if pin == "1111":
            comparing.set()
            assert go_on.wait(30)
        return real(pin, stored)

    monkeypatch.setattr(staff, "pin_matches", slow_for_the_right_pin)
    result = {}
    path = crew.path

    def rina_signs_in():
        from booth_pos.store import open_store

        own = open_store(path, timeout=30)
        try:
            result["who"] = staff.sign_in(own, "Rina", "1111", clock).name
        finally:
            own.close()

    till = threading.Thread(target=rina_signs_in)
    till.start()
    assert comparing.wait(30)
    for _ in range(3):
        with pytest.raises(PinError):
            staff.sign_in(crew, "Rina", "9999", clock)
    go_on.set()
    till.join(30)
    assert result == {"who": "Rina"}
    with pytest.raises(PinError) as slip:
        staff.sign_in(crew, "Rina", "9998", clock)
    assert slip.value.attempts_left == 1
    with pytest.raises(LockedError):
        staff.sign_in(crew, "Rina", "9997", clock)
    with pytest.raises(LockedError):
        staff.sign_in(crew, "Rina", "1111", clock)


def test_a_good_pin_forgets_earlier_mistakes(crew, clock):
    """Four slips then the right PIN: the count starts again, no lock."""
    for _ in range(4):
        with pytest.raises(PinError):
            staff.sign_in(crew, "Rina", "9999", clock)
    staff.sign_in(crew, "Rina", "1111", clock)
    for _ in range(4):
        with pytest.raises(PinError):
            staff.sign_in(crew, "Rina", "9999", clock)
    assert staff.sign_in(crew, "Rina", "1111", clock).name == "Rina"


def test_a_lock_is_per_person(crew, clock):
    """Rina locked out does not stop Dewi."""
    for _ in range(5):
        with pytest.raises(StaffError):
            staff.sign_in(crew, "Rina", "0000", clock)
    assert staff.sign_in(crew, "Dewi", "2468", clock).name == "Dewi"


# -- approval ---------------------------------------------------------------------------------


def test_a_cashier_cannot_approve(crew, clock):
    """Only a supervisor's PIN approves; a cashier's is refused without costing a try."""
    with pytest.raises(StaffError, match="only a supervisor"):
        staff.approve(crew, "Rina", "1111", "Eko", clock)
    assert staff.find_staff(crew, "Rina").failed_pins == 0


def test_a_supervisor_cannot_approve_their_own_work(crew, clock):
    """Dewi ringing up and approving her own change is refused; Bayu may."""
    with pytest.raises(StaffError, match="own work"):
        staff.approve(crew, "dewi", "2468", "Dewi", clock)
    assert staff.approve(crew, "Bayu", "1357", "Dewi", clock).name == "Bayu"


def test_a_supervisor_cannot_void_their_own_sale(crew, clock):
    """A supervisor who rang up a sale cannot approve its void, even with Rina at the till."""
    days.open_day(crew, clock, 0)
    cart = Cart(cashier="Dewi")
    selling.add(crew, cart, "ECO-04")
    sale = selling.complete(crew, cart, [Tender(Method.CASH)], clock)
    with pytest.raises(KnownError, match="rang up"):
        corrections.void(
            crew, sale.receipt_no, reason="x", supervisor="Dewi", pin="2468", clock=clock,
            cashier="Rina",
        )  # fmt: skip
    done = corrections.void(
        crew, sale.receipt_no, reason="x", supervisor="Bayu", pin="1357", clock=clock,
        cashier="Rina",
    )  # fmt: skip
    assert done.supervisor == "Bayu" and done.cashier == "Rina"


def test_with_staff_every_sale_needs_a_signed_in_cashier(crew, clock):
    """Once accounts exist a cart without a staff member's name is refused, writing nothing."""
    days.open_day(crew, clock, 0)
    for cashier in ("", "Stranger"):
        cart = Cart(cashier=cashier)
        selling.add(crew, cart, "ECO-04")
        with pytest.raises(StaffError, match="Sign in"):
            selling.complete(crew, cart, [Tender(Method.CASH)], clock)
    assert crew.sales.count() == 0
    cart = Cart(cashier="Rina")
    selling.add(crew, cart, "ECO-04")
    assert selling.complete(crew, cart, [Tender(Method.CASH)], clock).cashier == "Rina"


def test_without_staff_corrections_ask_for_a_supervisor_account(demo_store, clock):
    """No accounts: a refund cannot be approved, so it says to create a supervisor."""
    days.open_day(demo_store, clock, 0)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-04")
    sale = selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    with pytest.raises(KnownError, match="create a supervisor"):
        corrections.refund(
            demo_store, sale.receipt_no, reason="x", supervisor="Dewi", pin="2468", clock=clock
        )
    with pytest.raises(ApprovalError):
        approvals.approve_price_override(
            demo_store, cart, 0, 100, supervisor="Dewi", pin="2468", reason="x", clock=clock
        )


# -- fuzz -------------------------------------------------------------------------------------

names = st.one_of(st.text(max_size=50), st.sampled_from(["Dewi", "rina", " RINA ", "Bayu"]))
pins = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"[0-9]{3,9}", fullmatch=True),
    st.sampled_from(["1111", "2468", "1357"]),
    st.none(),
    st.integers(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    actions=st.lists(
        st.tuples(st.sampled_from(["add", "sign_in", "approve"]), names, pins, names), max_size=8
    ),
    role=st.one_of(st.sampled_from(["cashier", "supervisor"]), st.text(max_size=12)),
)
def test_no_typed_name_or_pin_crashes_or_half_writes(tmp_path_factory, actions, role):
    """Whatever is typed as a name, role or PIN, the answer is a clear refusal or success,
    and the staff table stays whole (a hash for everyone, counters in range)."""
    from booth_pos.clock import Clock, parse_instant

    path = tmp_path_factory.mktemp("fuzz") / "booth.sqlite"
    store = open_store(path)
    clock = Clock(parse_instant("2023-03-01T10:00:00+07:00"))
    try:
        add(store, clock, "Dewi", "supervisor", "2468")
        add(store, clock, "Rina", "cashier", "1111")
        for action, name, pin, other in actions:
            try:
                if action == "add":
                    staff.add_staff(
                        store, name, role, pin, clock, supervisor=other, supervisor_pin=pin,
                        cost=CHEAP,
                    )  # fmt: skip
                elif action == "sign_in":
                    staff.sign_in(store, name, pin, clock)
                else:
                    staff.approve(store, name, pin, other, clock)
            except KnownError as exc:
                assert exc.text("en") and exc.text("id")
        for row in raw(store).execute(
            "SELECT name, role, pin_hash, failed_pins, locked_until FROM staff"
        ):
            assert row[0] == " ".join(row[0].split()) and 0 < len(row[0]) <= 40
            assert row[1] in ("cashier", "supervisor") and row[2].startswith("scrypt$")
            assert 0 <= row[3] <= staff.MAX_FAILED_PINS
    finally:
        store.close()


def test_the_database_refuses_a_role_it_does_not_know(crew):
    """Even behind the program's back, a staff row has a known role."""
    with pytest.raises(sqlite3.IntegrityError):
        raw(crew).execute(
            "INSERT INTO staff(name_key, name, role, pin_hash, created_at) "
            "VALUES ('x', 'X', 'owner', 'h', 't')"
        )


def test_sign_ins_and_wrong_pins_are_in_the_audit_log(crew, clock):
    """Who signed in, who typed a wrong PIN and who got locked is in the chained audit log."""
    from booth_pos.services import journal

    staff.sign_in(crew, "Rina", "1111", clock)
    for _ in range(5):
        with pytest.raises(StaffError):
            staff.sign_in(crew, "Bayu", "0000", clock)
    log = [(e.kind, e.ref) for e in crew.audit.entries()]
    added = [name for kind, name in log if kind == "staff_added"]
    assert added == ["Dewi", "Bayu", "Rina"]
    assert ("sign_in", "Rina") in log
    assert log.count(("pin_failed", "Bayu")) == 5
    assert '"locked":true' in journal.last_audit(crew, "pin_failed").payload
    assert journal.verify(crew).ok


# -- verify covers the accounts ---------------------------------------------------------------


def _staff_findings(store) -> list[str]:
    from booth_pos.services import journal

    return [str(p) for p in journal.verify(store).problems if p.where.startswith("staff ")]


def test_a_cashier_promoted_to_supervisor_by_sql_is_found(crew):
    """Rina made a supervisor behind the program's back (to approve her own refunds) is
    named by verify."""
    raw(crew).execute("UPDATE staff SET role = 'supervisor' WHERE name_key = 'rina'")
    assert _staff_findings(crew) == ["staff Rina: changed behind the app's back (role/PIN/lockout)"]


def test_a_replaced_pin_hash_is_found(crew):
    """Dewi's PIN hash swapped for one whose PIN someone knows is named by verify."""
    known = staff.hash_pin("0000", CHEAP)
    raw(crew).execute("UPDATE staff SET pin_hash = ? WHERE name_key = 'dewi'", [known])
    assert _staff_findings(crew) == ["staff Dewi: changed behind the app's back (role/PIN/lockout)"]


def test_a_lock_reset_by_sql_is_found(crew, clock):
    """Locked after five wrong PINs, then the counter and the lock cleared by SQL to guess on:
    verify names it."""
    wall = FakeWall()
    _lock(crew, clock, wall)
    assert _staff_findings(crew) == []
    raw(crew).execute(
        "UPDATE staff SET failed_pins = 0, locked_until = NULL, last_pin_at = NULL "
        "WHERE name_key = 'rina'"
    )
    assert _staff_findings(crew) == ["staff Rina: changed behind the app's back (role/PIN/lockout)"]


def test_an_account_inserted_or_deleted_by_sql_is_found(crew):
    """A supervisor account nobody approved, and an account made to vanish, are named."""
    raw(crew).execute(
        "INSERT INTO staff(name_key, name, role, pin_hash, created_at) "
        "VALUES ('eko', 'Eko', 'supervisor', ?, '2023-03-01T03:00:00.000000+00:00')",
        [staff.hash_pin("9999", CHEAP)],
    )
    raw(crew).execute("DELETE FROM staff WHERE name_key = 'bayu'")
    assert sorted(_staff_findings(crew)) == [
        "staff Bayu: deleted behind the app's back",
        "staff Eko: added behind the app's back (no audit entry records this account)",
    ]


def test_a_stands_day_with_sign_ins_slips_and_a_lock_verifies_clean(crew, clock):
    """Normal use writes the staff table many ways (added, signed in, wrong PINs, locked,
    lock run out, approvals); each write is recorded, so verify holds throughout."""
    from booth_pos.services import journal

    wall = FakeWall()
    staff.sign_in(crew, "Rina", "1111", clock, wall=wall)
    with pytest.raises(PinError):
        staff.sign_in(crew, "Bayu", "0000", clock, wall=wall)
    staff.sign_in(crew, "Bayu", "1357", clock, wall=wall)
    _lock(crew, clock, wall)
    with pytest.raises(LockedError):
        staff.sign_in(crew, "Rina", "1111", clock, wall=wall)
    assert journal.verify(crew).ok
    wall.advance(timedelta(minutes=6))
    with pytest.raises(PinError):
        staff.sign_in(crew, "Rina", "0000", clock, wall=wall)
    staff.sign_in(crew, "Rina", "1111", clock, wall=wall)
    staff.approve(crew, "Dewi", "2468", "Rina", clock)
    add(crew, clock, "Eko", "cashier", "4444")
    result = journal.verify(crew)
    assert result.ok, result.problems


def test_an_upgraded_stand_keeps_its_accounts_and_verifies(tmp_path, clock):
    """A file from before staff rows were hashed (accounts, a lock, wrong PINs) upgrades to
    the latest schema with each account recorded, and verifies; a change after that is
    still found."""
    import sqlite_utils

    from booth_pos.services import journal
    from booth_pos.store import migrations
    from booth_pos.store.door import connect

    path = tmp_path / "old.sqlite"
    db = sqlite_utils.Database(connect(path))
    before = migrations.STEPS.index(migrations._v7_staff_lockout)
    for version, step in enumerate(migrations.STEPS[:before], start=1):
        with db.atomic():
            step(db)
            db.execute(f"PRAGMA user_version = {version}")
    for key, name, role, failed, until in (
        ("dewi", "Dewi", "supervisor", 0, None),
        ("rina", "Rina", "cashier", 3, "2023-03-01T03:05:00.000000+00:00"),
    ):
        db.execute(
            "INSERT INTO staff(name_key, name, role, pin_hash, created_at, failed_pins, "
            "locked_until) VALUES (?, ?, ?, ?, '2023-03-01T03:00:00.000000+00:00', ?, ?)",
            [key, name, role, staff.hash_pin("2468", CHEAP), failed, until],
        )
    db.conn.commit()
    db.conn.close()

    store = open_store(path)
    try:
        assert store.schema_version() == migrations.latest_version()
        recorded = [e.ref for e in store.audit.entries() if e.kind == "staff_recorded"]
        assert recorded == ["Dewi", "Rina"]
        assert journal.verify(store).ok
        assert staff.sign_in(store, "Rina", "2468", clock).name == "Rina"
        assert journal.verify(store).ok
        raw(store).execute("UPDATE staff SET role = 'supervisor' WHERE name_key = 'rina'")
        assert not journal.verify(store).ok
    finally:
        store.close()
