"""The main till's side of the LAN sync: a small WSGI app served by ``waitress``.

``GET /v1/hello`` says which stand and main till this is (no secret: a blank till needs the
stand's id to derive the key). ``POST /v1/bundle`` takes another till's bundle and imports
it into this till's file; ``GET /v1/bundle`` hands out this till's bundle (the catalogue and
every till's chains it holds). Both need the pairing code's MAC (``services.lan``), and both
answers carry one.

Bounds: waitress refuses a body above ``MAX_BUNDLE`` with 413 as soon as it reads the
Content-Length (before the body), headers above 16 KiB with 431, and closes connections
idle for ``CHANNEL_TIMEOUT`` seconds; waitress buffers a request completely before a worker
thread sees it, so a slow client ties up a socket, never a worker. All store work runs on
one thread with its own connection (``SerialWorker``): one import at a time, in order.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import shutil
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from booth_pos.clock import Clock
from booth_pos.model import KnownError
from booth_pos.services import lan, sync
from booth_pos.store import Store, open_store
from booth_pos.workers import SerialWorker

#: Seconds a connection may sit idle (a half-sent request) before waitress drops it.
CHANNEL_TIMEOUT = 20
MAX_HEADER = 16 * 1024
CONNECTIONS = 32
#: How long a request waits for its turn at the store (an import of a big bundle).
STORE_WAIT = 120.0

_HEX = re.compile(r"[0-9a-f]{32,128}")
log = logging.getLogger("booth_pos.lan")


class SyncApp:
    """The WSGI application over one till's database file.

    Attributes:
        db_path: the file it imports into and exports from.
        received: how many bundles it imported that changed something (for tests, the page).
    """

    def __init__(
        self,
        db_path: str | Path,
        clock: Clock,
        *,
        max_body: int = lan.MAX_BUNDLE,
        on_import: Callable[[sync.ImportSummary], None] | None = None,
    ):
        self.db_path = Path(db_path)
        self.on_import = on_import
        self.clock = clock
        self.max_body = max_body
        self.received = 0
        self._work = SerialWorker("sync-serve")
        self._store: Store | None = None
        self._keys: dict[tuple[str, str], bytes] = {}
        self._nonces: dict[str, float] = {}
        self._nonce_lock = threading.Lock()
        self._folder = Path(tempfile.mkdtemp(prefix="booth-pos-serve-"))

    # -- the store, on its own thread -----------------------------------------------------

    def _on_store(self, job: Callable[[Store], object]):
        def run():
            if self._store is None:
                self._store = open_store(self.db_path)
            # `sync pair --new` in another process: the code is read from the file each time.
            self._store.forget_settings()
            return job(self._store)

        return self._work.submit(run).result(timeout=STORE_WAIT)

    def close(self) -> None:
        def shut():
            if self._store is not None:
                self._store.close()
                self._store = None

        self._work.submit(shut).result(timeout=STORE_WAIT)
        shutil.rmtree(self._folder, ignore_errors=True)

    def _key(self, store: Store) -> bytes | None:
        s = store.settings()
        if s.till != s.main_till or not s.sync_code:
            return None
        ident = (s.sync_code, store.stand_id())
        if ident not in self._keys:
            self._keys = {ident: lan.derive_key(*ident)}  # the old code's key goes
        return self._keys[ident]

    # -- WSGI ------------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        try:
            status, headers, body = self._answer(environ)
        except FutureTimeout:
            status, headers, body = _error(503, "The till is busy; try again", "Kasir sibuk")
        except Exception:  # a bug: logged with its traceback, the client gets a plain 500
            log.exception("sync serve")
            status, headers, body = _error(500, "Internal error", "Kesalahan internal")
        headers = [*headers, ("Content-Length", str(len(body)))]
        if not any(name == lan.H_TIME for name, _ in headers):
            headers.append((lan.H_TIME, _now()))  # a refused till can tell its clock is off
        start_response(f"{status} {_REASONS.get(status, 'Error')}", headers)
        return [body]

    def _answer(self, environ):
        method, path = environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")
        if path == lan.HELLO_PATH and method == "GET":
            return self._on_store(_hello)
        if path != lan.BUNDLE_PATH or method not in ("GET", "POST"):
            return _error(404, "Not found", "Tidak ditemukan")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _error(400, "Bad Content-Length", "Content-Length salah")
        if length > self.max_body or length < 0:  # waitress already refuses most of these
            return _error(413, "The bundle is too large", "Bundel terlalu besar")
        if method == "GET" and length:
            return _error(400, "A GET has no body", "GET tanpa isi")
        stamp = environ.get("HTTP_X_BOOTH_TIME", "")
        nonce = environ.get("HTTP_X_BOOTH_NONCE", "")
        mac = environ.get("HTTP_X_BOOTH_MAC", "")
        if not (stamp.isdigit() and _HEX.fullmatch(nonce) and _HEX.fullmatch(mac)):
            return _unauthorised("no pairing code (MAC) on the request")
        if abs(int(stamp) - time.time()) > lan.SKEW:
            return _unauthorised("the clocks of the two tills differ by more than 5 minutes")
        body = environ["wsgi.input"].read(length) if length else b""
        if len(body) != length:
            return _error(400, "The bundle arrived cut short", "Bundel terpotong")
        query = environ.get("QUERY_STRING", "")
        full_path = path + (f"?{query}" if query else "")
        return self._on_store(
            lambda store: self._signed(store, method, full_path, stamp, nonce, mac, body, environ)
        )

    def _signed(self, store, method, path, stamp, nonce, mac, body, environ):
        key = self._key(store)
        if key is None:
            return _unauthorised("this till is not serving (not the main till, or no code)")
        want = lan.request_mac(key, method, path, stamp, nonce, body)
        if not hmac.compare_digest(mac.encode(), want.encode()):
            return _unauthorised("wrong pairing code")
        if not self._fresh(nonce):
            return _unauthorised("this request was seen before (replayed)")
        if method == "POST":
            status, headers, out = self._import(store, body)
        else:
            status, headers, out = self._export(store, environ.get("QUERY_STRING", ""))
        stamp_out = _now()
        headers = [
            *headers,
            (lan.H_TIME, stamp_out),
            (lan.H_MAC, lan.response_mac(key, status, nonce, stamp_out, out)),
        ]
        return status, headers, out

    def _fresh(self, nonce: str) -> bool:
        """Whether ``nonce`` is new (kept for twice the allowed skew, then forgotten)."""
        now = time.time()
        with self._nonce_lock:
            if len(self._nonces) > 1000:
                self._nonces = {n: t for n, t in self._nonces.items() if t > now}
            if nonce in self._nonces:
                return False
            self._nonces[nonce] = now + 2 * lan.SKEW
            return True

    def _import(self, store: Store, body: bytes):
        path = self._folder / "received.bundle"
        path.write_bytes(body)
        try:
            got = sync.import_bundle(store, path, at=self.clock.now())
        except sync.SyncError as exc:
            return _error(409, exc.en, exc.id)
        except KnownError as exc:  # not a bundle at all
            return _error(400, exc.en, exc.id)
        finally:
            path.unlink(missing_ok=True)
        if got.changed:
            self.received += 1
            if self.on_import is not None:
                self.on_import(got)  # the window reloads (it is told on the store's thread)
        data = {
            "from": got.till,
            "changed": got.changed,
            "entries": got.entries,
            "moves": got.moves,
        }
        return 200, [("Content-Type", "application/json")], _json(data)

    def _export(self, store: Store, query: str):
        """The main till's bundle without what the asking till says it has.

        ``query``: ``till`` (the asking till: its own chains are left out) and ``heads``
        (JSON: ``"T1 journal"`` -> the last entry it has of each chain) and ``catalogue``
        (the digest of its catalogue). When it has everything, 304 and nothing is written
        (an export writes its ``sync_export`` audit entry: quiet tills stay quiet).
        """
        if not sync.is_main(store):
            return _error(409, "This till is not the main till", "Kasir ini bukan kasir utama")
        asked = urllib.parse.parse_qs(query, max_num_fields=5)
        till = asked.get("till", [""])[0]
        try:
            heads = json.loads(asked.get("heads", ["{}"])[0])
            if not isinstance(heads, dict) or len(heads) > 500:
                raise ValueError
            heads = {str(k): int(v) for k, v in heads.items() if type(v) is int}
        except (ValueError, TypeError):
            return _error(400, "Bad heads", "Heads salah")
        state = _state(store)
        own = store.settings().till
        mine = {
            (f"{own} {k}" if " " not in k else k): v
            for k, v in state.items()
            if k != "catalogue" and not k.startswith(f"{till} ")
        }
        has_all = all(heads.get(k, 0) >= v for k, v in mine.items())
        if has_all and asked.get("catalogue", [""])[0] == state["catalogue"]:
            return 304, [], b""
        path = self._folder / "main.bundle"
        try:
            sync.export_bundle(
                store,
                path,
                at=self.clock.now(),
                marks={k: v for k, v in heads.items() if not k.startswith(f"{till} ")},
                label=f"sync serve: {till}" if till else "sync serve",
                skip=(till,) if till else (),
            )
            content = path.read_bytes()
        finally:
            path.unlink(missing_ok=True)
        return 200, [("Content-Type", "application/octet-stream")], content


def _state(store: Store) -> dict:
    """Every chain's head (``tills.heads``) and the catalogue's digest."""
    with store.snapshot():
        heads = store.tills.heads()
        heads["catalogue"] = sync.catalogue_digest(*store.tills.catalogue())
    return heads


def _hello(store: Store):
    s = store.settings()
    data = {
        "protocol": lan.PROTOCOL,
        "stand_id": store.stand_id(),
        "till": s.till,
        "main_till": s.main_till,
    }
    return 200, [("Content-Type", "application/json")], _json(data)


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _now() -> str:
    return str(int(time.time()))


def _error(status: int, en: str, id: str):
    return status, [("Content-Type", "application/json")], _json({"error": {"en": en, "id": id}})


_UNAUTHORISED_ID = {
    "no pairing code (MAC) on the request": "permintaan tanpa kode pasangan (MAC)",
    "the clocks of the two tills differ by more than 5 minutes": "jam kedua kasir berbeda "
    "lebih dari 5 menit",
    "this till is not serving (not the main till, or no code)": "kasir ini tidak melayani "
    "(bukan kasir utama, atau tanpa kode)",
    "wrong pairing code": "kode pasangan salah",
    "this request was seen before (replayed)": "permintaan ini sudah pernah diterima (diulang)",
}


def _unauthorised(why: str):
    return _error(401, why, _UNAUTHORISED_ID.get(why, why))


_REASONS = {
    200: "OK",
    304: "Not Modified",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    409: "Conflict",
    413: "Payload Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


class Running:
    """A server running on a thread of its own (the window's toggle, tests): ``url``,
    ``port``, ``app``; ``stop()`` ends it.

    The loop runs in short rounds and closes its sockets itself once told to stop: closing
    them from another thread while it waits in ``select`` is a race (EBADF).
    """

    def __init__(self, server, app: SyncApp):
        self.server, self.app = server, app
        self.port = server.effective_port
        self.host = server.effective_host
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync-serve-http", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _run(self) -> None:
        from waitress import wasyncore

        server = self.server
        try:
            while not self._stopping.is_set():
                wasyncore.loop(
                    timeout=0.2, map=server._map, use_poll=server.adj.asyncore_use_poll, count=1
                )
        finally:
            wasyncore.close_all(server._map)
            server.task_dispatcher.shutdown(timeout=5)

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=10)
        self.app.close()


def make_server(
    db_path,
    clock: Clock,
    host: str,
    port: int,
    *,
    max_body: int = lan.MAX_BUNDLE,
    on_import: Callable[[sync.ImportSummary], None] | None = None,
):
    """A waitress server for ``SyncApp`` (not yet running): the bounds in one place."""
    from waitress.server import create_server

    app = SyncApp(db_path, clock, max_body=max_body, on_import=on_import)
    server = create_server(
        app,
        host=host,
        port=port,
        threads=4,
        # waitress answers 413 when Content-Length >= this, before reading the body.
        max_request_body_size=max_body + 1,
        max_request_header_size=MAX_HEADER,
        channel_timeout=CHANNEL_TIMEOUT,
        cleanup_interval=5,
        connection_limit=CONNECTIONS,
        expose_tracebacks=False,
        ident="booth-pos",
    )
    return server, app


def start(db_path, clock: Clock, host: str = "127.0.0.1", port: int = 0, **kw) -> Running:
    """Serve on a background thread; returns once the port is bound."""
    server, app = make_server(db_path, clock, host, port, **kw)
    return Running(server, app)
