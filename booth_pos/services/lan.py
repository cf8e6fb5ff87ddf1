"""Bundles over the stand's network: ``booth-pos sync serve`` and ``sync push`` (issue 15).

The main till serves (``lan_server``); every other till pushes to it: it POSTs its bundle
(``services.sync``, the same file as on a USB stick), then GETs the main till's bundle (the
catalogue and every till's chains it holds) and imports it. Nothing else travels.

**Pairing.** The main till shows a pairing code (8 characters of ``ALPHABET``, made with
``secrets``, kept in the ``sync_code`` setting). Both sides derive the same HMAC key from
it (PBKDF2-SHA256, the stand's id as salt, ``ITERATIONS``). Every request carries
``X-Booth-Time`` (Unix seconds), ``X-Booth-Nonce`` (random) and ``X-Booth-Mac``, an
HMAC-SHA256 over the method, the path, the time, the nonce and the body's SHA-256; the
server refuses (401) a missing or wrong MAC, a time more than ``SKEW`` seconds off, and a
nonce it has seen. Every answer carries a MAC over its status, the request's nonce, its
time and its body's SHA-256: a till imports nothing from a server that does not know the
code, and an old answer cannot be played back. A blank till does not know the stand's id
yet: it asks ``GET /v1/hello`` (the stand's id and main till; no secret) and derives the
key with that id; a server that lied about it cannot make a valid MAC either.

**Offline stays the rule.** Every network step has a short timeout and an overall
deadline; a push that cannot reach the main till raises ``LanError`` (one line, in both
languages) and has changed nothing on this till. What was sent is remembered per URL only
after the main till said it took it, so a push cut off anywhere is simply done again
(imports are idempotent by record id).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import os
import secrets
import shutil
import socket
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from booth_pos.model import KnownError
from booth_pos.services import sync
from booth_pos.store import Store

#: Pairing code characters: no 0/O, 1/I/L, no lower case; typed from a screen without doubt.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
#: PBKDF2 rounds: ~0.1 s once per push (the server derives once per code).
ITERATIONS = 200_000
#: How far a request's clock may be from the server's, in seconds.
SKEW = 300
#: The largest bundle either side sends or accepts (a big event's full bundle is tens of MB).
MAX_BUNDLE = 256 * 1024 * 1024
#: Connecting, and each read or write: a main till that is gone is known within this.
CONNECT_TIMEOUT = 3.0
IO_TIMEOUT = 15.0
#: A whole push (both bundles) never takes longer than this.
DEADLINE = 300.0
DEFAULT_PORT = 8765
PROTOCOL = "booth-pos-sync-1"

H_TIME, H_NONCE, H_MAC, H_TILL = "X-Booth-Time", "X-Booth-Nonce", "X-Booth-Mac", "X-Booth-Till"
BUNDLE_PATH, HELLO_PATH = "/v1/bundle", "/v1/hello"


class LanError(KnownError):
    """A push that did not happen (main till unreachable, code refused, bundle refused);
    nothing on this till was changed."""


# -- the pairing code and the key -----------------------------------------------------------


def new_code() -> str:
    """A fresh pairing code (about 40 bits, ``secrets``)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(text: str) -> str:
    """``text`` as a pairing code (case, spaces and dashes do not matter); ``LanError`` if
    it is not one."""
    code = "".join(text.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        raise LanError(
            en=f"A pairing code is {CODE_LENGTH} letters and digits as the main till shows it "
            "(e.g. K7QM-4XTR)",
            id=f"Kode pasangan berisi {CODE_LENGTH} huruf dan angka seperti yang tampil di "
            "kasir utama (mis. K7QM-4XTR)",
        )
    return code


def shown_code(code: str) -> str:
    """The code as a person reads it: two groups of four (``K7QM-4XTR``)."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def derive_key(code: str, stand_id: str) -> bytes:
    """The HMAC key both sides derive from the pairing code; the stand's id is the salt."""
    return hashlib.pbkdf2_hmac(
        "sha256", code.encode(), f"{PROTOCOL} {stand_id}".encode(), ITERATIONS
    )


def request_mac(key: bytes, method: str, path: str, stamp: str, nonce: str, body: bytes) -> str:
    text = "\n".join((PROTOCOL, method.upper(), path, stamp, nonce, _sha(body)))
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def response_mac(key: bytes, status: int, nonce: str, stamp: str, body: bytes) -> str:
    text = "\n".join((PROTOCOL + " answer", str(status), nonce, stamp, _sha(body)))
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def _sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def signed_headers(key: bytes, method: str, path: str, body: bytes, till: str) -> dict:
    """The headers that authenticate one request."""
    stamp, nonce = str(int(time.time())), secrets.token_hex(16)
    return {
        H_TIME: stamp,
        H_NONCE: nonce,
        H_TILL: till,
        H_MAC: request_mac(key, method, path, stamp, nonce, body),
    }


# -- addresses ------------------------------------------------------------------------------


def normal_url(text: str) -> str:
    """``192.168.43.10``, ``192.168.43.10:8765`` or ``http://…`` as ``http://host:port``."""
    text = text.strip().rstrip("/")
    if "://" not in text:
        text = "http://" + text
    parts = urllib.parse.urlsplit(text)
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        port = None
    if parts.scheme != "http" or not parts.hostname or port is None or parts.path:
        raise LanError(
            en=f"{text!r} is not a main till's address; write it as the main till shows it, "
            "e.g. http://192.168.43.10:8765",
            id=f"{text!r} bukan alamat kasir utama; tulis seperti yang tampil di kasir utama, "
            "mis. http://192.168.43.10:8765",
        )
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"http://{host}:{port}"


def local_addresses() -> list[str]:
    """This machine's addresses on the networks it is on (best effort; no packet is sent)."""
    found = []
    for probe in ("192.168.43.1", "10.255.255.255", "172.20.10.1"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect((probe, 9))
                address = s.getsockname()[0]
        except OSError:
            continue
        if address not in found and not address.startswith("127."):
            found.append(address)
    return found


# -- the client ----------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def _unreachable(url: str, why: str) -> LanError:
    return LanError(
        en=f"The main till at {url} cannot be reached ({why}); nothing was changed on this "
        "till: check that both are on the stand's network and that sync serve runs there",
        id=f"Kasir utama di {url} tidak terjangkau ({why}); tidak ada yang diubah di kasir "
        "ini: pastikan keduanya di jaringan stan dan sync serve berjalan di sana",
    )


def _exchange(
    url: str,
    method: str,
    path: str,
    body: bytes = b"",
    headers: dict | None = None,
    *,
    deadline: float,
    connect_timeout: float = CONNECT_TIMEOUT,
) -> Answer:
    """One HTTP request with a connect timeout, a per-step timeout and an overall deadline
    (a server that trickles its answer cannot hold the till). No proxy: the main till is on
    this network, whatever ``http_proxy`` says."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=min(connect_timeout, _left(deadline, url))
    )
    try:
        try:
            conn.connect()
            sock = conn.sock  # http.client lets go of it once a closing answer is read
            sock.settimeout(min(IO_TIMEOUT, _left(deadline, url)))
            conn.putrequest(method, path, skip_accept_encoding=True)
            all_headers = {"Content-Length": str(len(body)), **(headers or {})}
            for name, value in all_headers.items():
                conn.putheader(name, value)
            conn.endheaders()
            view = memoryview(body)
            for start in range(0, len(body), 1 << 16):
                _left(deadline, url)
                sock.sendall(view[start : start + (1 << 16)])
            response = conn.getresponse()
            length = response.getheader("Content-Length")
            if length is not None and (not length.isdigit() or int(length) > MAX_BUNDLE):
                raise _unreachable(url, "its answer is too large")
            chunks, size = [], 0
            while True:
                sock.settimeout(min(IO_TIMEOUT, _left(deadline, url)))
                chunk = response.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_BUNDLE:
                    raise _unreachable(url, "its answer is too large")
                chunks.append(chunk)
            return Answer(
                response.status, {k.lower(): v for k, v in response.getheaders()}, b"".join(chunks)
            )
        except TimeoutError:
            raise _unreachable(url, "no answer in time") from None
        except ConnectionRefusedError:
            raise _unreachable(url, "connection refused") from None
        except (OSError, http.client.HTTPException) as exc:
            raise _unreachable(url, str(exc) or type(exc).__name__) from None
    finally:
        conn.close()


def _left(deadline: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _unreachable(url, "no answer in time")
    return left


def _check_answer(key: bytes, nonce: str, answer: Answer, url: str) -> None:
    """Refuse an answer without the MAC only the main till (knowing the code) can make."""
    stamp = answer.headers.get(H_TIME.lower(), "")
    mac = answer.headers.get(H_MAC.lower(), "")
    want = response_mac(key, answer.status, nonce, stamp, answer.body)
    if not hmac.compare_digest(mac.encode(), want.encode()):
        raise LanError(
            en=f"The answer from {url} does not carry this stand's pairing code: it is not "
            "the main till (or the code on this till is wrong); nothing was imported",
            id=f"Jawaban dari {url} tidak membawa kode pasangan stan ini: itu bukan kasir "
            "utama (atau kode di kasir ini salah); tidak ada yang diimpor",
        )


def _refusal(answer: Answer, url: str) -> LanError:
    """What a refused request means for a person."""
    try:
        data = json.loads(answer.body)
        en, id_ = data["error"]["en"], data["error"]["id"]
    except (ValueError, KeyError, TypeError):
        en = id_ = f"HTTP {answer.status}"
    if answer.status == 401:
        skew = ""
        try:
            off = int(answer.headers.get(H_TIME.lower(), "")) - int(time.time())
            if abs(off) > SKEW:
                skew = f" (clocks {abs(off) // 60} min apart)"
        except ValueError:
            pass
        return LanError(
            en=f"The main till at {url} refused this till: {en}{skew}",
            id=f"Kasir utama di {url} menolak kasir ini: {id_}{skew}",
        )
    return LanError(
        en=f"The main till at {url} refused: {en}", id=f"Kasir utama di {url} menolak: {id_}"
    )


@dataclass
class PushResult:
    """What one push did: ``sent`` (the main till's import summary, None when there was
    nothing new to send), ``received`` (this till's import of the main till's bundle, None
    when it had not changed), and the URL."""

    url: str
    sent: dict | None = None
    received: sync.ImportSummary | None = None
    joined: bool = False


def hello(url: str, *, deadline: float | None = None) -> dict:
    """``GET /v1/hello``: the stand id, main till and protocol of the till at ``url``."""
    deadline = deadline or time.monotonic() + DEADLINE
    answer = _exchange(url, "GET", HELLO_PATH, deadline=deadline)
    try:
        data = json.loads(answer.body)
        if answer.status != 200 or data.get("protocol") != PROTOCOL:
            raise ValueError
        if not all(isinstance(data.get(k), str) and data[k] for k in ("stand_id", "main_till")):
            raise ValueError
    except (ValueError, AttributeError):
        raise LanError(
            en=f"{url} does not answer as a Booth POS main till (sync serve)",
            id=f"{url} tidak menjawab sebagai kasir utama Booth POS (sync serve)",
        ) from None
    return data


def _dirty(store: Store, marks: dict[str, int], till: str) -> bool:
    """Whether this till recorded anything the main till has not got (its own syncing
    bookkeeping aside: else two tills would wake each other up forever)."""
    if store.tills.own_entries("journal", marks.get(f"{till} journal", 0)):
        return True
    return any(
        not e.kind.startswith("sync_")
        for e in store.tills.own_entries("audit_log", marks.get(f"{till} audit_log", 0))
    )


def push(
    store: Store,
    url: str,
    code: str,
    *,
    at: Callable[[], datetime],
    deadline: float | None = None,
) -> PushResult:
    """Send this till's new records to the main till at ``url``, then take its bundle.

    Args:
        store: this till's open store.
        url: the main till's address (``normal_url`` is applied).
        code: the pairing code the main till shows.
        at: the clock (``sync`` stamps its audit entries with it).
        deadline: ``time.monotonic()`` by which all is done (default ``DEADLINE`` from now).

    Raises:
        LanError: unreachable, refused, or an answer without the stand's MAC; this till
            changed nothing it was not told was done (imports are all or nothing).
    """
    url, code = normal_url(url), normal_code(code)
    deadline = deadline or time.monotonic() + DEADLINE
    settings = store.settings()
    info = hello(url, deadline=deadline)
    with store.snapshot():
        blank = store.tills.is_blank()
    if not blank and info["stand_id"] != store.stand_id():
        raise LanError(
            en=f"{url} is the main till of another stand; nothing was sent or imported",
            id=f"{url} adalah kasir utama stan lain; tidak ada yang dikirim atau diimpor",
        )
    if info.get("till") == settings.till:
        raise LanError(
            en=f"{url} is this till's own code ({settings.till}): give each till its own code "
            "(booth-pos settings set till=T2)",
            id=f"{url} memakai kode kasir ini sendiri ({settings.till}): beri setiap kasir "
            "kodenya sendiri (booth-pos settings set till=T2)",
        )
    key = derive_key(code, info["stand_id"])
    state = store.tills.push_state(url)
    marks = dict(state.get("marks", {}))
    result = PushResult(url)
    work = Path(tempfile.mkdtemp(prefix="booth-pos-push-"))
    try:
        if not blank and _dirty(store, marks, settings.till):
            result.sent = _send(store, url, key, marks, work, at, deadline)
            marks = result.sent.pop("_heads")
            store.tills.save_push_state(url, {"marks": marks})
        result.received = _take(store, url, key, work, at, deadline)
        result.joined = bool(result.received and result.received.joined)
        # The main till holds what it sent: the next bundle to it leaves that out.
        for name, seq in store.tills.heads().items():
            if " " in name:
                marks[name] = max(marks.get(name, 0), seq)
        store.tills.save_push_state(url, {"marks": marks})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def _send(store, url, key, marks, work: Path, at, deadline) -> dict:
    """POST this till's bundle (after ``marks``; once more in full if the main till lacks
    an earlier part, e.g. after a restore there)."""
    for attempt_marks in (marks, {}) if marks else ({},):
        path = work / "push.bundle"
        done = sync.export_bundle(store, path, at=at(), marks=attempt_marks, label=url)
        body = path.read_bytes()
        if len(body) > MAX_BUNDLE:
            raise LanError(
                en="This till's bundle is too large to push; export it to a file instead",
                id="Bundel kasir ini terlalu besar untuk dikirim; ekspor ke berkas saja",
            )
        headers = signed_headers(key, "POST", BUNDLE_PATH, body, store.settings().till)
        headers["Content-Type"] = "application/octet-stream"
        answer = _exchange(url, "POST", BUNDLE_PATH, body, headers, deadline=deadline)
        if answer.status == 401:
            raise _refusal(answer, url)
        _check_answer(key, headers[H_NONCE], answer, url)
        if answer.status == 409 and attempt_marks:
            continue  # the main till misses an earlier part: send everything once
        if answer.status != 200:
            raise _refusal(answer, url)
        try:
            taken = json.loads(answer.body)
        except ValueError:
            raise _refusal(answer, url) from None
        taken["_heads"] = dict(done.heads)
        return taken
    raise AssertionError("unreachable")  # pragma: no cover


def _take(store, url, key, work: Path, at, deadline):
    """GET what the main till has that this till has not (304: nothing) and import it."""
    settings = store.settings()
    with store.snapshot():
        heads = {k: v for k, v in store.tills.heads().items() if " " in k}
        catalogue = sync.catalogue_digest(*store.tills.catalogue())
    query = urllib.parse.urlencode(
        {"till": settings.till, "heads": json.dumps(heads, sort_keys=True), "catalogue": catalogue}
    )
    path_q = f"{BUNDLE_PATH}?{query}"
    headers = signed_headers(key, "GET", path_q, b"", settings.till)
    answer = _exchange(url, "GET", path_q, b"", headers, deadline=deadline)
    if answer.status == 401:
        raise _refusal(answer, url)
    _check_answer(key, headers[H_NONCE], answer, url)
    if answer.status == 304:
        return None
    if answer.status != 200:
        raise _refusal(answer, url)
    path = work / "main.bundle"
    path.write_bytes(answer.body)
    return sync.import_bundle(store, path, at=at())


def remember(store: Store, url: str, code: str) -> None:
    """Keep ``url`` and ``code`` as this till's ``sync_url``/``sync_code`` (audited, the
    code's value left out)."""
    from dataclasses import replace

    from booth_pos.services import settings as settings_service

    s = store.settings()
    if s.sync_url != url or s.sync_code != code:
        settings_service.save(store, replace(s, sync_url=url, sync_code=code), actor="sync")


def pairing_code(store: Store, *, renew: bool = False) -> str:
    """The main till's pairing code, made (and saved) the first time or when ``renew``.

    Raises:
        LanError: this is not the stand's main till.
    """
    from dataclasses import replace

    from booth_pos.services import settings as settings_service

    s = store.settings()
    if s.till != s.main_till:
        raise LanError(
            en=f"Only the main till ({s.main_till}) hands out the pairing code; on this till "
            "type the code it shows (booth-pos sync push URL --code CODE)",
            id=f"Hanya kasir utama ({s.main_till}) yang memberi kode pasangan; di kasir ini "
            "ketik kode yang tampil di sana (booth-pos sync push URL --code KODE)",
        )
    if renew or not s.sync_code:
        settings_service.save(store, replace(s, sync_code=new_code()), actor="sync")
    return store.settings().sync_code


def main_till_url(port: int, host: str = "0.0.0.0") -> list[str]:
    """Where the other tills find a server on ``host:port`` (for people to type)."""
    if host not in ("0.0.0.0", "", "::"):
        return [normal_url(f"{host}:{port}")]
    return [f"http://{a}:{port}" for a in local_addresses()] or [f"http://127.0.0.1:{port}"]


def env_timeout() -> float | None:
    """``BOOTH_POS_SYNC_DEADLINE`` (seconds) overrides ``DEADLINE`` (tests, slow hotspots)."""
    raw = os.environ.get("BOOTH_POS_SYNC_DEADLINE", "")
    try:
        return float(raw) if raw else None
    except ValueError:
        return None


# -- what the Sync page shows ----------------------------------------------------------------


@dataclass(frozen=True)
class SyncStatus:
    """This till's place at the stand, for the window's Sync page.

    Attributes:
        till, main_till: the codes; ``is_main`` when they are the same.
        code: the pairing code as shown (main till), or whether one is set (``has_code``).
        url, minutes: where and how often this till pushes (non-main tills).
        tills: each other till known here: ``(till, last entry number, its time (local),
            its receipt or reference)``.
    """

    till: str
    main_till: str
    is_main: bool
    code: str
    has_code: bool
    url: str
    minutes: int
    tills: list[tuple[str, int, str, str]]


def status(store: Store) -> SyncStatus:
    from booth_pos.clock import from_iso, local

    s = store.settings()
    with store.snapshot():
        rows = store.tills.received()
    tills = []
    for till, seq, at, ref in rows:
        try:
            when = local(from_iso(at), s.timezone).strftime("%Y-%m-%d %H:%M")
        except (ValueError, KnownError):
            when = at
        tills.append((till, seq, when, ref))
    is_main = s.till == s.main_till
    return SyncStatus(
        till=s.till,
        main_till=s.main_till,
        is_main=is_main,
        code=shown_code(s.sync_code) if is_main and s.sync_code else "",
        has_code=bool(s.sync_code),
        url=s.sync_url,
        minutes=s.sync_minutes,
        tills=tills,
    )


def save_target(store: Store, url: str, code: str, minutes: str, *, actor: str = "") -> None:
    """Save where this till pushes (the Sync page's form), checked as ``settings set`` is."""
    from booth_pos.services import settings as settings_service

    texts = settings_service.as_texts(store.settings())
    texts |= {"sync_url": url.strip(), "sync_code": code.strip(), "sync_minutes": minutes.strip()}
    new = settings_service.from_texts(store.settings(), texts)
    settings_service.save(store, new, actor=actor)
