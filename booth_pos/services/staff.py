"""Staff accounts, PINs, sign-in with lockout, and supervisor approval.

A stand with no staff accounts runs unlocked, as before accounts existed, so a fresh install
sells at once. The first account must be a supervisor (someone has to be able to approve);
each later account needs a supervisor's PIN, or anyone could make themselves a supervisor and
approve their own refunds.

PINs are 4 to 8 digits and kept only as a salted scrypt hash whose parameters are stored
beside it (``scrypt$n$r$p$salt$hash``), so the cost can be raised later without breaking
old PINs. Five wrong PINs lock the account for five minutes; the counter is in the database,
so restarting the program does not reset it. The lock counts the machine's real time
(``wall_now``), never the replay clock, and however many tills try at once at most five
wrong PINs are compared before it (``sign_in``). Every write to a staff row leaves an audit
entry with the row's hash, and ``staff_problems`` (part of ``verify``) names a row that
differs from its last one.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from booth_pos.clock import Clock
from booth_pos.model import LockedError, PinError, Role, Staff, StaffError
from booth_pos.model.text import TextProblem, clean_line
from booth_pos.services import journal
from booth_pos.store import Store
from booth_pos.store.staff import name_key

MAX_FAILED_PINS = 5
LOCK_MINUTES = 5
MAX_NAME = 40


@dataclass(frozen=True)
class PinCost:
    """scrypt parameters. The default costs about 30 ms and 16 MB per check on a laptop:
    slow enough that a copied database cannot be brute-forced in bulk cheaply, fast enough
    for a cashier switch. Tests pass a tiny cost."""

    n: int = 2**14
    r: int = 8
    p: int = 1


DEFAULT_COST = PinCost()
_MAXMEM = 256 * 1024 * 1024


def check_pin_format(pin: object) -> str:
    """Return ``pin`` if it is 4 to 8 ASCII digits, else raise ``StaffError``."""
    if not isinstance(pin, str) or not re.fullmatch(r"[0-9]{4,8}", pin):
        raise StaffError(en="A PIN is 4 to 8 digits", id="PIN berupa 4 sampai 8 angka")
    return pin


def hash_pin(pin: str, cost: PinCost = DEFAULT_COST, *, salt: bytes | None = None) -> str:
    """The stored form of ``pin``: ``scrypt$n$r$p$salt_hex$hash_hex`` with a fresh salt."""
    check_pin_format(pin)
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=_MAXMEM, dklen=32
    )
    return f"scrypt${cost.n}${cost.r}${cost.p}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN hashed in ``stored`` (compared in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        got = hashlib.scrypt(
            pin.encode("ascii"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_MAXMEM,
            dklen=len(expected),
        )
    except (ValueError, UnicodeEncodeError):
        return False
    return hmac.compare_digest(got, expected)


def check_name(name: object) -> str:
    """A person's name as stored: spaces collapsed, 1 to 40 printable characters."""
    clean, problem = clean_line(name, MAX_NAME)
    if problem is TextProblem.EMPTY:
        raise StaffError(en="A name is needed", id="Nama wajib diisi")
    if problem is TextProblem.TOO_LONG:
        raise StaffError(
            en=f"A name has at most {MAX_NAME} characters",
            id=f"Nama paling banyak {MAX_NAME} karakter",
        )
    if problem is TextProblem.CONTROL:
        raise StaffError(
            en="A name cannot hold control characters", id="Nama tidak boleh berisi kode"
        )
    return clean


def _role(role: object) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise StaffError(
            en="The role is cashier or supervisor", id="Peran harus cashier atau supervisor"
        ) from None


def staff_exist(store: Store) -> bool:
    """Whether any account exists; without one the till runs unlocked (no sign-in)."""
    return store.staff.count() > 0


def list_staff(store: Store) -> list[Staff]:
    """Every account, by name (for the sign-in list and ``booth-pos staff list``)."""
    return store.staff.all()


def find_staff(store: Store, name: str) -> Staff | None:
    """The account called ``name`` (any case), or None."""
    if not isinstance(name, str) or not name.strip():
        return None
    found = store.staff.find(name)
    return found[0] if found else None


def add_staff(
    store: Store,
    name: str,
    role: Role | str,
    pin: str,
    clock: Clock,
    *,
    supervisor: str = "",
    supervisor_pin: str = "",
    cost: PinCost = DEFAULT_COST,
) -> Staff:
    """Create an account.

    Args:
        store: the open store.
        name: the person's name, unique whatever its case.
        role: ``cashier`` or ``supervisor``.
        pin: 4 to 8 digits.
        clock: supplies "now".
        supervisor: a supervisor's name; required once any account exists.
        supervisor_pin: that supervisor's PIN (a wrong one counts towards their lockout).
        cost: scrypt parameters (tests pass a cheap one).

    Returns:
        The new account.

    Raises:
        StaffError: bad name, role or PIN; the name is taken; the first account is not a
            supervisor; no or a wrong supervisor for a later account (``PinError``,
            ``LockedError``).
    """
    clean = check_name(name)
    role = _role(role)
    check_pin_format(pin)
    if store.staff.find(clean) is not None:
        raise StaffError(en=f"{clean} already has an account", id=f"{clean} sudah punya akun")
    if staff_exist(store):
        if not isinstance(supervisor, str) or not supervisor.strip():
            raise StaffError(
                en="A supervisor must approve a new account (give the supervisor and their PIN)",
                id="Akun baru harus disetujui supervisor (isi nama supervisor dan PIN-nya)",
            )
        approve(store, supervisor, supervisor_pin, "", clock)
    elif role is not Role.SUPERVISOR:
        raise StaffError(
            en="The first account must be a supervisor, so someone can approve corrections",
            id="Akun pertama harus supervisor, agar ada yang bisa menyetujui koreksi",
        )
    pin_hash = hash_pin(pin, cost)
    now = clock.now()
    with store.atomic():
        if store.staff.find(clean) is not None:  # another till made it meanwhile
            raise StaffError(en=f"{clean} already has an account", id=f"{clean} sudah punya akun")
        store.staff.insert(clean, role, pin_hash, now)
        _audit(store, "staff_added", clean, clock, role=str(role), by=supervisor)
    return Staff(clean, role, now)


Wall = Callable[[], datetime]


def wall_now() -> datetime:
    """The machine's real time (UTC), whatever ``BOOTH_POS_NOW`` says.

    Lockouts count real elapsed time: the replay clock is for replaying an event's sales,
    and letting it drive a lock would let anyone open one by setting a later "now".
    """
    return datetime.now(UTC)


def _lock_end(staff: Staff, now: datetime) -> datetime | None:
    """When the account's lock ends by the real clock ``now``, or None if it is not locked.

    Locked while ``locked_until`` is ahead; also while all five tries are taken but not yet
    settled (checks under way, or abandoned by a killed process: five minutes from the last
    one). A clock that went back before the last PIN check never opens a lock early: the
    lock then holds until the clock is past that check again.
    """
    end = staff.locked_until
    if end is None and staff.failed_pins >= MAX_FAILED_PINS and staff.last_pin_at is not None:
        end = staff.last_pin_at + timedelta(minutes=LOCK_MINUTES)
    if end is None:
        return None
    if staff.last_pin_at is not None and now < staff.last_pin_at:
        end = max(end, staff.last_pin_at + timedelta(minutes=LOCK_MINUTES))
    return end if now < end else None


def locked_until(staff: Staff, *, wall: Wall = wall_now) -> datetime | None:
    """When ``staff``'s lock ends by the real clock, or None if the account is not locked
    (``booth-pos staff list``)."""
    return _lock_end(staff, wall())


def _locked_error(staff: Staff, minutes: int) -> LockedError:
    return LockedError(
        en=f"{staff.name} is locked after {MAX_FAILED_PINS} wrong PINs; try again in "
        f"{minutes} minute(s)",
        id=f"{staff.name} terkunci setelah {MAX_FAILED_PINS} kali PIN salah; coba lagi "
        f"{minutes} menit lagi",
        minutes_left=minutes,
    )


def _minutes(end: datetime, now: datetime) -> int:
    return max(1, math.ceil((end - now).total_seconds() / 60))


def _no_such(name: object) -> StaffError:
    shown = name.strip()[:MAX_NAME] if isinstance(name, str) else ""
    return StaffError(
        en=f"No staff member called {shown!r}", id=f"Tidak ada staf bernama {shown!r}"
    )


def sign_in(store: Store, name: str, pin: str, clock: Clock, *, wall: Wall = wall_now) -> Staff:
    """Check a person's PIN; five wrong ones in a row lock the account for five minutes.

    However many tills or commands try at once, at most five wrong PINs are ever compared
    before the lock. A check takes its try in one write transaction before the (slow) hash
    is compared: it refuses if the account is locked or five tries are already counted,
    else counts this one as failed. The comparison runs outside the lock; a second write
    transaction settles it: a good PIN clears the count up to its own try (unless the
    account was locked meanwhile; tries taken while it was compared stay counted), a wrong
    one stays counted and the fifth locks the account. A process killed
    in between leaves its try counted as wrong, never as a free one.

    Args:
        store: the open store.
        name: who is signing in (any case).
        pin: what they typed.
        clock: supplies "now" for the audit log (may be the replay clock).
        wall: the real time the lockout counts in (tests pass a fake one); never the
            replay clock.

    Returns:
        The account, with its failure count cleared.

    Raises:
        StaffError: no such account. ``PinError``: wrong PIN (``attempts_left``).
        ``LockedError``: the account is locked (``minutes_left``), also on the fifth
        wrong PIN. A correct PIN does not open a locked account before its time.
    """
    if not isinstance(name, str) or not name.strip():
        raise _no_such(name)
    refused: LockedError | None = None
    with store.atomic():  # 1: take one try, or refuse
        found = store.staff.find(name)
        if found is None:
            raise _no_such(name)
        staff, stored = found
        now = wall()
        end = _lock_end(staff, now)
        if end is not None:
            _audit(store, "sign_in_locked", staff.name, clock)
            refused = _locked_error(staff, _minutes(end, now))
        else:
            ran_out = staff.locked_until is not None or staff.failed_pins >= MAX_FAILED_PINS
            failed = 0 if ran_out else staff.failed_pins  # a lock that ran out: five new tries
            taken = failed + 1  # this try's place in the count
            store.staff.set_lockout(
                staff.name, failed_pins=taken, locked_until=None, last_pin_at=now
            )
            _audit(store, "pin_check", staff.name, clock, attempt=taken)
    if refused is not None:
        raise refused
    good = isinstance(pin, str) and re.fullmatch(r"[0-9]{4,8}", pin) and pin_matches(pin, stored)
    with store.atomic():  # 2: settle the try
        current = store.staff.find(staff.name)
        if current is None:  # removed meanwhile (behind the program's back)
            raise _no_such(name)
        person = current[0]
        now = wall()
        if good:
            end = person.locked_until if person.locked_until and person.locked_until > now else None
            if end is None:
                # forget the tries up to and including this one; tries other tills took
                # while this PIN was compared stay counted (clearing them all once let ten
                # wrong PINs through around one right one)
                later = max(person.failed_pins - taken, 0)
                store.staff.set_lockout(
                    person.name,
                    failed_pins=later,
                    locked_until=None,
                    last_pin_at=person.last_pin_at,
                )
                _audit(store, "sign_in", person.name, clock, attempt=taken)
                return Staff(person.name, person.role, person.created_at)
            # locked by tries that failed while this one was compared: checked again, refused
            _audit(store, "sign_in_locked", person.name, clock)
            refused = _locked_error(person, _minutes(end, now))
        else:
            failed, until = person.failed_pins, person.locked_until
            locked = until is not None and until > now
            if failed >= MAX_FAILED_PINS and not locked:
                until, locked = now + timedelta(minutes=LOCK_MINUTES), True
                store.staff.set_lockout(
                    person.name, failed_pins=failed, locked_until=until, last_pin_at=now
                )
            _audit(store, "pin_failed", person.name, clock, locked=locked)
    if refused is not None:
        raise refused
    if locked:
        raise _locked_error(person, _minutes(until, now))
    left = max(MAX_FAILED_PINS - failed, 1)
    raise PinError(
        en=f"Wrong PIN for {staff.name} ({left} tries left before the account locks)",
        id=f"PIN {staff.name} salah (sisa {left} kali sebelum akun terkunci)",
        attempts_left=left,
    )


def approve(store: Store, supervisor_name: str, pin: str, cashier_name: str, clock: Clock) -> Staff:
    """A supervisor's PIN approving what ``cashier_name`` asked for.

    The approver must have the supervisor role and be a different person from the cashier
    (nobody approves their own correction). Role and person are checked before the PIN, so
    asking the wrong person costs them no lockout attempt.

    Args:
        store: the open store.
        supervisor_name: who approves.
        pin: their PIN.
        cashier_name: who asked (the signed-in cashier; "" from the command line).
        clock: supplies "now".

    Returns:
        The approving supervisor.

    Raises:
        StaffError: unknown person, not a supervisor, the same person as the cashier,
            a wrong PIN (``PinError``) or a locked account (``LockedError``).
    """
    found = check_supervisor(store, supervisor_name)
    if same_person(found.name, cashier_name):
        raise StaffError(
            en=f"{found.name} cannot approve their own work; ask another supervisor",
            id=f"{found.name} tidak boleh menyetujui pekerjaannya sendiri; minta supervisor lain",
        )
    return sign_in(store, found.name, pin, clock)


def check_supervisor(store: Store, name: str) -> Staff:
    """The account ``name`` if it has the supervisor role (no PIN asked yet).

    Raises:
        StaffError: no such account, or a cashier's.
    """
    found = find_staff(store, name)
    if found is None:
        shown = name.strip()[:MAX_NAME] if isinstance(name, str) else ""
        raise StaffError(
            en=f"No staff member called {shown!r}", id=f"Tidak ada staf bernama {shown!r}"
        )
    if not found.is_supervisor:
        raise StaffError(
            en=f"{found.name} is a cashier; only a supervisor can approve",
            id=f"{found.name} adalah kasir; hanya supervisor yang bisa menyetujui",
        )
    return found


def same_person(a: object, b: object) -> bool:
    """Whether two names are one account's name (case and spacing ignored)."""
    if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
        return False
    return name_key(a) == name_key(b)


def check_cashier(store: Store, name: str) -> Staff | None:
    """The staff member a sale is recorded for; None on a stand without accounts.

    Raises:
        StaffError: accounts exist and ``name`` is not one of them (sign in first).
    """
    if not staff_exist(store):
        return None
    found = find_staff(store, name)
    if found is None:
        raise StaffError(
            en="Sign in first: every sale is recorded for a staff member",
            id="Masuk dulu: setiap penjualan dicatat atas nama staf",
        )
    return found


def _audit(store: Store, event: str, name: str, clock: Clock, **details) -> None:
    """Record a staff event (sign-in, wrong PIN, lock, new account) in the chained audit
    log, inside the caller's transaction, with the hash of the account's row as the event
    leaves it: every write to a staff row is followed by one, so ``staff_problems`` can
    tell the program's changes from changes made behind its back."""
    row = store.staff.row_hash(name)
    if row:
        details = {**details, "staff": name_key(name), "row_hash": row}
    journal.append_audit(store, name, event, details, clock.now())


def staff_problems(store: Store) -> list[journal.VerifyProblem]:
    """Staff rows that differ from what the audit log last recorded of them (``verify``).

    Each live row's hash is compared with the latest ``row_hash`` recorded for its name:
    a cashier promoted to supervisor, a PIN hash replaced, a lockout counter or lock reset,
    or an account inserted or deleted by SQL behind the program's back is named.
    """
    live = store.staff.live_rows()
    recorded = store.staff.recorded_rows()
    problems = []
    for key, (name, digest) in live.items():
        where = f"staff {name}"
        if key not in recorded:
            problems.append(
                journal.VerifyProblem(
                    where, "added behind the app's back (no audit entry records this account)"
                )
            )
        elif recorded[key][1] != digest:
            problems.append(
                journal.VerifyProblem(where, "changed behind the app's back (role/PIN/lockout)")
            )
    for key, (name, _digest) in recorded.items():
        if key not in live:
            problems.append(journal.VerifyProblem(f"staff {name}", "deleted behind the app's back"))
    return problems
