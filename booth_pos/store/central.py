"""The council's central PostgreSQL database: the only module that imports ``psycopg``.

Several stands (each a till file, with the other tills' chains it imported) push their
records here; the office queries them with SQL. This module is the door, as ``store/door.py``
is SQLite's: every psycopg error that leaves it is a ``CentralError`` (a ``KnownError`` in
English and Indonesian, never naming the password) or, for a programming fault, the original
error with its traceback.

The schema (version ``SCHEMA_VERSION``, migrated by ``init``; each step in one transaction):

- ``stands`` (stand id, name) and ``events`` (name): the dimensions; ``stand_events`` the
  pairs that pushed records; ``artisans`` each stand's catalogue (code, name, rate today).
- ``entries``: every chain entry as the till wrote it, payload as ``jsonb``, keyed by its
  natural key ``(stand_id, till, chain, seq)``; the raw truth, its hashes kept.
- ``heads``: the last entry received of each till's chain (seq and hash), and the view
  ``z_codes``: each day close's verification code, the code printed on the Z report.
- the derived facts, one row per line, keyed by the entry they come from
  (``stand_id, till, seq, line_no``): ``days``, ``sale_lines`` (with the commission rate
  recorded in the sale), ``refund_lines`` (voids and refunds), ``stock_lines`` (units in
  and back per artisan) and ``payouts``. Reports are SQL aggregates over them.

A push is ONE transaction under a per-stand advisory lock, sending only what follows the
office's heads: rows are COPYed in (inside a savepoint; should any be there already, through
a temporary table and ``INSERT ... ON CONFLICT DO NOTHING`` on the natural key instead); a
killed push leaves nothing, a repeated one adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from psycopg import sql

from booth_pos.model import KnownError

SCHEMA_VERSION = 1

#: Seconds to wait for the server before saying it cannot be reached (the till never waits).
CONNECT_TIMEOUT = 5


class CentralError(KnownError):
    """The central database cannot be used (unreachable, refused, not set up, read-only).

    Attributes:
        code: PostgreSQL's SQLSTATE, or a word of ours ("unreachable", "auth", "schema").
    """

    def __init__(self, *, en: str, id: str, code: str = ""):
        super().__init__(en=en, id=id)
        self.code = code


def where(dsn: str) -> str:
    """``host:port/db`` of a DSN, for messages: never the user's password."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.Error:
        return "(an unreadable address)"
    host = info.get("host") or info.get("hostaddr") or "localhost"
    port = info.get("port") or "5432"
    return f"{host}:{port}/{info.get('dbname') or info.get('user') or ''}"


_NOTHING = ("nothing was sent or changed", "tidak ada yang terkirim atau berubah")


def _connect_error(exc: psycopg.Error, dsn: str) -> CentralError:
    """Sort a failed connection: wrong credentials, no such database, or unreachable.

    libpq gives no SQLSTATE for a failed connection, so its message is the only clue.
    """
    text = str(exc)
    reason = " ".join(text.split("failed:")[-1].split())[:160]
    at = where(dsn)
    if "password" in text or "authentication" in text or "role" in text:
        return CentralError(
            en=f"The central database {at} refused the user or password ({reason}); "
            f"{_NOTHING[0]}. Check the DSN the office gave you",
            id=f"Database pusat {at} menolak pengguna atau kata sandinya ({reason}); "
            f"{_NOTHING[1]}. Periksa DSN dari kantor",
            code="auth",
        )
    if "does not exist" in text:
        return CentralError(
            en=f"The central database {at} does not exist ({reason}); {_NOTHING[0]}. "
            "The office creates it (createdb) and runs booth-pos central init",
            id=f"Database pusat {at} tidak ada ({reason}); {_NOTHING[1]}. Kantor membuatnya "
            "(createdb) lalu menjalankan booth-pos central init",
            code="3D000",
        )
    return CentralError(
        en=f"Cannot reach the central database {at} ({reason}); {_NOTHING[0]}. "
        "Try again when the network is back",
        id=f"Database pusat {at} tidak bisa dihubungi ({reason}); {_NOTHING[1]}. "
        "Ulangi saat jaringan tersedia",
        code="unreachable",
    )


#: SQLSTATEs a person can act on: (English, Indonesian), ``{at}`` the database.
_KNOWN = {
    "42501": (
        "The central database {at} does not let this user write there (permission denied); "
        "nothing was changed. The office grants it (GRANT) or gives another user",
        "Database pusat {at} tidak mengizinkan pengguna ini menulis (izin ditolak); tidak ada "
        "yang berubah. Kantor memberi izin (GRANT) atau pengguna lain",
    ),
    "25006": (
        "The central database {at} is read-only (a standby or a read-only user); nothing was "
        "changed. Use the office's main server",
        "Database pusat {at} hanya-baca (server cadangan atau pengguna hanya-baca); tidak ada "
        "yang berubah. Pakai server utama kantor",
    ),
    "53100": (
        "The central database {at} is out of disk space; nothing was changed",
        "Disk database pusat {at} penuh; tidak ada yang berubah",
    ),
    "57P01": (
        "The central database {at} was shut down during the push; nothing was changed. "
        "Push again",
        "Database pusat {at} dimatikan saat pengiriman; tidak ada yang berubah. Kirim ulang",
    ),
    "57014": (
        "The central database {at} took too long; nothing was changed. Push again",
        "Database pusat {at} terlalu lama menjawab; tidak ada yang berubah. Kirim ulang",
    ),
}


def translate(exc: psycopg.Error, dsn: str) -> Exception:
    """What to raise for ``exc``: a ``CentralError`` for a known condition, else ``exc``."""
    state = getattr(exc, "sqlstate", None) or ""
    at = where(dsn)
    if state in _KNOWN:
        en, id_ = _KNOWN[state]
        return CentralError(en=en.format(at=at), id=id_.format(at=at), code=state)
    if state == "42P01" or state == "3F000":  # undefined table / schema: not set up
        return _not_set_up(at)
    if state.startswith("22"):  # a value the server will not take (a NUL in a text...)
        why = " ".join(str(exc).split())[:200]
        return CentralError(
            en=f"The central database {at} refused a record of this file ({why}); nothing was "
            "changed. Tell support",
            id=f"Database pusat {at} menolak sebuah catatan dari berkas ini ({why}); tidak ada "
            "yang berubah. Hubungi dukungan",
            code=state,
        )
    if (isinstance(exc, psycopg.OperationalError) and not state) or state.startswith("08"):
        return CentralError(
            en=f"The connection to the central database {at} was lost ({exc}); nothing was "
            "changed. Push again",
            id=f"Sambungan ke database pusat {at} terputus ({exc}); tidak ada yang berubah. "
            "Kirim ulang",
            code=state or "unreachable",
        )
    return exc


def _not_set_up(at: str) -> CentralError:
    return CentralError(
        en=f"The database {at} is not a Booth POS central database yet: run "
        "booth-pos central init DSN first; nothing was changed",
        id=f"Database {at} belum menjadi database pusat Booth POS: jalankan dulu "
        "booth-pos central init DSN; tidak ada yang berubah",
        code="schema",
    )


# -- the schema, step by step -----------------------------------------------------------------

_STEPS: dict[int, str] = {
    1: """
CREATE TABLE stands (
    stand_id   text PRIMARY KEY,
    name       text NOT NULL,
    first_push timestamptz NOT NULL DEFAULT now(),
    last_push  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE events (
    event_id serial PRIMARY KEY,
    name     text NOT NULL UNIQUE
);
CREATE TABLE stand_events (
    stand_id text NOT NULL REFERENCES stands,
    event_id int  NOT NULL REFERENCES events,
    PRIMARY KEY (stand_id, event_id)
);
CREATE TABLE artisans (
    stand_id      text NOT NULL REFERENCES stands,
    code          text NOT NULL,
    name          text NOT NULL,
    commission_bp int  NOT NULL,
    PRIMARY KEY (stand_id, code)
);
CREATE TABLE entries (
    stand_id  text   NOT NULL REFERENCES stands,
    till      text   NOT NULL,
    chain     text   NOT NULL CHECK (chain IN ('journal', 'audit_log')),
    seq       bigint NOT NULL,
    event_id  int    NOT NULL REFERENCES events,
    at        text   NOT NULL,
    kind      text   NOT NULL,
    ref       text   NOT NULL,
    payload   jsonb  NOT NULL,
    prev_hash text   NOT NULL,
    hash      text   NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stand_id, till, chain, seq)
);
CREATE TABLE heads (
    stand_id  text   NOT NULL REFERENCES stands,
    till      text   NOT NULL,
    chain     text   NOT NULL,
    seq       bigint NOT NULL,
    hash      text   NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stand_id, till, chain)
);
CREATE TABLE days (
    stand_id      text   NOT NULL,
    till          text   NOT NULL,
    day           bigint NOT NULL,
    event_id      int    NOT NULL REFERENCES events,
    business_date date   NOT NULL,
    opened_at     text   NOT NULL,
    opening_float bigint NOT NULL,
    seq           bigint NOT NULL,
    PRIMARY KEY (stand_id, till, day)
);
CREATE TABLE sale_lines (
    stand_id      text   NOT NULL,
    till          text   NOT NULL,
    seq           bigint NOT NULL,
    line_no       int    NOT NULL,
    event_id      int    NOT NULL REFERENCES events,
    business_date date   NOT NULL,
    sale_id       text   NOT NULL,
    receipt_no    text   NOT NULL,
    artisan       text   NOT NULL,
    commission_bp int    NOT NULL,
    sku           text   NOT NULL,
    category      text   NOT NULL,
    qty           bigint NOT NULL,
    gross         bigint NOT NULL,
    line_discount bigint NOT NULL,
    share         bigint NOT NULL,
    net           bigint NOT NULL,
    PRIMARY KEY (stand_id, till, seq, line_no)
);
CREATE TABLE refund_lines (
    stand_id      text   NOT NULL,
    till          text   NOT NULL,
    seq           bigint NOT NULL,
    line_no       int    NOT NULL,
    event_id      int    NOT NULL REFERENCES events,
    business_date date   NOT NULL,
    kind          text   NOT NULL CHECK (kind IN ('void', 'refund')),
    number        text   NOT NULL,
    artisan       text   NOT NULL,
    commission_bp int    NOT NULL,
    sku           text   NOT NULL,
    qty           bigint NOT NULL,
    amount        bigint NOT NULL,
    PRIMARY KEY (stand_id, till, seq, line_no)
);
CREATE TABLE stock_lines (
    stand_id      text   NOT NULL,
    till          text   NOT NULL,
    seq           bigint NOT NULL,
    line_no       int    NOT NULL,
    event_id      int    NOT NULL REFERENCES events,
    business_date date   NOT NULL,
    number        text   NOT NULL,
    artisan       text   NOT NULL,
    sku           text   NOT NULL,
    received      bigint NOT NULL,
    returned      bigint NOT NULL,
    PRIMARY KEY (stand_id, till, seq, line_no)
);
CREATE TABLE payouts (
    stand_id      text   NOT NULL,
    till          text   NOT NULL,
    seq           bigint NOT NULL,
    event_id      int    NOT NULL REFERENCES events,
    business_date date   NOT NULL,
    number        text   NOT NULL,
    artisan       text   NOT NULL,
    method        text   NOT NULL,
    amount        bigint NOT NULL,
    PRIMARY KEY (stand_id, till, seq)
);
CREATE INDEX sale_lines_scope ON sale_lines (event_id, stand_id, artisan, commission_bp);
CREATE INDEX refund_lines_scope ON refund_lines (event_id, stand_id, artisan);
CREATE VIEW z_codes AS
    SELECT stand_id, till, (payload->>'z_no')::int AS z_no,
           (payload->>'business_date')::date AS business_date, seq,
           upper(substr(hash, 1, 4) || '-' || substr(hash, 5, 4)) AS code, hash
    FROM entries WHERE chain = 'journal' AND kind = 'day_close';
""",
}


# -- what a push writes ----------------------------------------------------------------------


@dataclass(frozen=True)
class Head:
    """The last entry the central database holds of one till's chain."""

    till: str
    chain: str
    seq: int
    hash: str


#: The columns of each table a push fills, in the order the rows carry them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "entries": (
        "stand_id", "till", "chain", "seq", "event_id", "at", "kind", "ref", "payload",
        "prev_hash", "hash",
    ),
    "days": (
        "stand_id", "till", "day", "event_id", "business_date", "opened_at", "opening_float",
        "seq",
    ),
    "sale_lines": (
        "stand_id", "till", "seq", "line_no", "event_id", "business_date", "sale_id",
        "receipt_no", "artisan", "commission_bp", "sku", "category", "qty", "gross",
        "line_discount", "share", "net",
    ),
    "refund_lines": (
        "stand_id", "till", "seq", "line_no", "event_id", "business_date", "kind", "number",
        "artisan", "commission_bp", "sku", "qty", "amount",
    ),
    "stock_lines": (
        "stand_id", "till", "seq", "line_no", "event_id", "business_date", "number", "artisan",
        "sku", "received", "returned",
    ),
    "payouts": (
        "stand_id", "till", "seq", "event_id", "business_date", "number", "artisan", "method",
        "amount",
    ),
}  # fmt: skip

_KEYS = {
    "entries": ("stand_id", "till", "chain", "seq"),
    "days": ("stand_id", "till", "day"),
    "sale_lines": ("stand_id", "till", "seq", "line_no"),
    "refund_lines": ("stand_id", "till", "seq", "line_no"),
    "stock_lines": ("stand_id", "till", "seq", "line_no"),
    "payouts": ("stand_id", "till", "seq"),
}


class Push:
    """One push's transaction, under the stand's advisory lock (``CentralDb.push``)."""

    def __init__(self, conn: psycopg.Connection, stand_id: str):
        self._conn = conn
        self.stand_id = stand_id
        self.added: dict[str, int] = {}

    def heads(self) -> dict[tuple[str, str], Head]:
        rows = self._conn.execute(
            "SELECT till, chain, seq, hash FROM heads WHERE stand_id = %s", (self.stand_id,)
        )
        return {(r[0], r[1]): Head(*r) for r in rows}

    def hash_at(self, till: str, chain: str, seq: int) -> str | None:
        row = self._conn.execute(
            "SELECT hash FROM entries WHERE stand_id = %s AND till = %s AND chain = %s "
            "AND seq = %s",
            (self.stand_id, till, chain, seq),
        ).fetchone()
        return row[0] if row else None

    def stand(self, name: str, *, main: bool) -> None:
        """The stand's row; its name is the main till's (another till only adds it)."""
        self._conn.execute(
            "INSERT INTO stands (stand_id, name) VALUES (%s, %s) ON CONFLICT (stand_id) DO "
            + ("UPDATE SET name = excluded.name, last_push = now()" if main else
               "UPDATE SET last_push = now()"),
            (self.stand_id, name),
        )  # fmt: skip

    def event(self, name: str) -> int:
        """The event's id (added if new), and this stand marked as selling at it."""
        self._conn.execute(
            "INSERT INTO events (name) VALUES (%s) ON CONFLICT (name) DO NOTHING", (name,)
        )
        (event_id,) = self._conn.execute(
            "SELECT event_id FROM events WHERE name = %s", (name,)
        ).fetchone()
        self._conn.execute(
            "INSERT INTO stand_events VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (self.stand_id, event_id),
        )
        return event_id

    def artisans(self, rows: Iterable[tuple[str, str, int]], *, main: bool) -> None:
        """``(code, name, commission_bp)``: the main till's catalogue is the truth; another
        till's only adds artisans the office has not heard of."""
        conflict = (
            "UPDATE SET name = excluded.name, commission_bp = excluded.commission_bp"
            if main
            else "NOTHING"
        )
        with self._conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO artisans (stand_id, code, name, commission_bp) VALUES "
                f"(%s, %s, %s, %s) ON CONFLICT (stand_id, code) DO {conflict}",
                [(self.stand_id, *r) for r in rows],
            )

    def add(self, table: str, rows: Iterable[Sequence]) -> int:
        """Copy ``rows`` (``COLUMNS[table]`` order) in; those already there are left as they
        were. Returns how many were new.

        The push sends only what follows the office's heads, under the stand's lock, so the
        rows are normally all new: they are COPYed straight into the table inside a
        savepoint. Should any be there already (heads lost, a repair by hand), that
        savepoint is rolled back and the rows go through a temporary table and
        ``INSERT ... ON CONFLICT DO NOTHING`` on the natural key instead.
        """
        rows = list(rows)
        self.added.setdefault(table, 0)
        if not rows:
            return 0
        cols = COLUMNS[table]
        ident = sql.Identifier(table)
        col_list = sql.SQL(", ").join(map(sql.Identifier, cols))
        try:
            with self._conn.transaction(), self._conn.cursor() as cur:
                with cur.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(ident, col_list)) as copy:
                    for row in rows:
                        copy.write_row(row)
            added = len(rows)
        except psycopg.errors.UniqueViolation:
            added = self._add_missing(table, rows)
        self.added[table] = self.added.get(table, 0) + added
        return added

    def _add_missing(self, table: str, rows: list[Sequence]) -> int:
        cols = COLUMNS[table]
        stage = sql.Identifier(f"stage_{table}")
        ident = sql.Identifier(table)
        col_list = sql.SQL(", ").join(map(sql.Identifier, cols))
        self._conn.execute(
            sql.SQL(
                "CREATE TEMP TABLE IF NOT EXISTS {} (LIKE {} INCLUDING DEFAULTS) ON COMMIT DROP"
            ).format(stage, ident)
        )
        with self._conn.cursor() as cur:
            with cur.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(stage, col_list)) as copy:
                for row in rows:
                    copy.write_row(row)
            cur.execute(
                sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} ON CONFLICT ({}) DO NOTHING").format(
                    ident,
                    col_list,
                    col_list,
                    stage,
                    sql.SQL(", ").join(map(sql.Identifier, _KEYS[table])),
                )
            )
            added = cur.rowcount
            cur.execute(sql.SQL("TRUNCATE {}").format(stage))
        return added

    def set_heads(self, heads: Iterable[Head]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO heads (stand_id, till, chain, seq, hash) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (stand_id, till, chain) DO UPDATE SET seq = excluded.seq, "
                "hash = excluded.hash, pushed_at = now() WHERE heads.seq < excluded.seq",
                [(self.stand_id, h.till, h.chain, h.seq, h.hash) for h in heads],
            )


# -- the report: SQL aggregates --------------------------------------------------------------

#: Half up, away from zero, as ``money.percent_of``: sign(x) * floor((|x| + 5000) / 10000).
_PERCENT_OF = "sign({n} * {bp}) * div(abs({n} * {bp}) + 5000, 10000)"

_REPORT = """
WITH scope AS (
    SELECT se.stand_id, se.event_id
    FROM stand_events se JOIN events e USING (event_id)
    WHERE (%(event)s::text IS NULL OR e.name = %(event)s::text)
      AND (%(first)s::date IS NULL OR EXISTS (
            SELECT 1 FROM days d WHERE d.stand_id = se.stand_id AND d.event_id = se.event_id
              AND d.business_date BETWEEN %(first)s::date AND %(last)s::date))
),
lines AS (
    SELECT l.stand_id, l.event_id, l.artisan, l.commission_bp,
           sum(l.qty) AS items, sum(l.gross) AS gross,
           sum(l.line_discount + l.share) AS discounts, sum(l.net) AS net
    FROM sale_lines l JOIN scope USING (stand_id, event_id)
    WHERE %(first)s::date IS NULL OR l.business_date BETWEEN %(first)s::date AND %(last)s::date
    GROUP BY 1, 2, 3, 4
),
refunds AS (
    SELECT r.stand_id, r.event_id, r.artisan, r.commission_bp, sum(r.amount) AS amount
    FROM refund_lines r JOIN scope USING (stand_id, event_id)
    WHERE %(first)s::date IS NULL OR r.business_date BETWEEN %(first)s::date AND %(last)s::date
    GROUP BY 1, 2, 3, 4
),
at_rate AS (
    SELECT stand_id, event_id, artisan, commission_bp,
           coalesce(l.items, 0) AS items, coalesce(l.gross, 0) AS gross,
           coalesce(l.discounts, 0) AS discounts, coalesce(r.amount, 0) AS refunds,
           coalesce(l.net, 0) - coalesce(r.amount, 0) AS net
    FROM lines l FULL JOIN refunds r USING (stand_id, event_id, artisan, commission_bp)
),
sold AS (
    SELECT stand_id, event_id, artisan,
           sum(items) AS items, sum(gross) AS gross, sum(discounts) AS discounts,
           sum(refunds) AS refunds,
           sum(""" + _PERCENT_OF.format(n="net", bp="commission_bp") + """) AS commission,
           (array_agg(commission_bp ORDER BY net DESC, commission_bp DESC))[1] AS main_rate
    FROM at_rate GROUP BY 1, 2, 3
),
moved AS (
    SELECT m.stand_id, m.event_id, m.artisan,
           sum(m.received) AS received, sum(m.returned) AS returned
    FROM stock_lines m JOIN scope USING (stand_id, event_id)
    WHERE %(first)s::date IS NULL OR m.business_date BETWEEN %(first)s::date AND %(last)s::date
    GROUP BY 1, 2, 3
),
paid AS (
    SELECT p.stand_id, p.event_id, p.artisan, sum(p.amount) AS amount
    FROM payouts p JOIN scope USING (stand_id, event_id)
    WHERE %(first)s::date IS NULL OR p.business_date BETWEEN %(first)s::date AND %(last)s::date
    GROUP BY 1, 2, 3
),
keys AS (
    SELECT scope.stand_id, scope.event_id, a.code AS artisan
    FROM scope JOIN artisans a USING (stand_id)
    UNION SELECT stand_id, event_id, artisan FROM sold
    UNION SELECT stand_id, event_id, artisan FROM moved
    UNION SELECT stand_id, event_id, artisan FROM paid
),
figures AS (
    SELECT k.stand_id, k.event_id, k.artisan AS code, coalesce(a.name, k.artisan) AS name,
           coalesce(s.main_rate, a.commission_bp, 0) AS bp,
           coalesce(s.items, 0) AS items, coalesce(s.gross, 0) AS gross,
           coalesce(s.discounts, 0) AS discounts, coalesce(s.refunds, 0) AS refunds,
           coalesce(s.gross, 0) - coalesce(s.discounts, 0) - coalesce(s.refunds, 0) AS net,
           coalesce(s.commission, 0) AS commission,
           coalesce(m.received, 0) AS received_qty, coalesce(m.returned, 0) AS returned_qty,
           coalesce(p.amount, 0) AS paid_out
    FROM keys k
    LEFT JOIN artisans a ON a.stand_id = k.stand_id AND a.code = k.artisan
    LEFT JOIN sold s
        ON s.stand_id = k.stand_id AND s.event_id = k.event_id AND s.artisan = k.artisan
    LEFT JOIN moved m
        ON m.stand_id = k.stand_id AND m.event_id = k.event_id AND m.artisan = k.artisan
    LEFT JOIN paid p
        ON p.stand_id = k.stand_id AND p.event_id = k.event_id AND p.artisan = k.artisan
)
SELECT st.name AS stand, ev.name AS event, f.code, f.name,
       f.items::bigint, f.gross::bigint, f.discounts::bigint, f.refunds::bigint, f.net::bigint,
       CASE WHEN f.bp %% 100 = 0 THEN (f.bp / 100)::text
            ELSE (f.bp / 100)::text || '.' || rtrim(lpad((f.bp %% 100)::text, 2, '0'), '0')
       END AS commission_percent,
       f.commission::bigint, (f.net - f.commission)::bigint AS payout,
       f.received_qty::bigint, f.returned_qty::bigint, f.paid_out::bigint,
       (f.net - f.commission - f.paid_out)::bigint AS balance
FROM figures f JOIN stands st USING (stand_id) JOIN events ev USING (event_id)
ORDER BY ev.name, st.name, f.stand_id, f.code
"""

#: The report's columns: the local report's ``by_artisan`` keys, after ``stand`` and ``event``.
REPORT_COLUMNS = (
    "stand", "event", "code", "name", "items", "gross", "discounts", "refunds", "net",
    "commission_percent", "commission", "payout", "received_qty", "returned_qty", "paid_out",
    "balance",
)  # fmt: skip

_TILLS = """
SELECT st.name, h.stand_id, h.till, h.chain, h.seq, h.hash, h.pushed_at,
       z.z_no, z.business_date, z.code
FROM heads h JOIN stands st USING (stand_id)
LEFT JOIN LATERAL (
    SELECT z_no, business_date, code FROM z_codes
    WHERE z_codes.stand_id = h.stand_id AND z_codes.till = h.till AND h.chain = 'journal'
    ORDER BY seq DESC LIMIT 1
) z ON true
ORDER BY st.name, h.stand_id, h.till, h.chain
"""


class CentralDb:
    """An open connection to the central database (use as a context manager)."""

    def __init__(self, conn: psycopg.Connection, dsn: str):
        self._conn = conn
        self._dsn = dsn

    def __enter__(self) -> CentralDb:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as exc:
            raise translate(exc, self._dsn) from exc

    def version(self) -> int:
        """The schema's version; 0 for a database that was never set up."""
        with self._errors(), self._conn.transaction():
            found = self._conn.execute(
                "SELECT to_regclass('booth_schema') IS NOT NULL"
            ).fetchone()[0]
            if not found:
                return 0
            return self._conn.execute("SELECT max(version) FROM booth_schema").fetchone()[0] or 0

    def init(self) -> tuple[int, int]:
        """Create or migrate the schema; ``(version before, version now)``. Idempotent:
        each step runs in its own transaction, under an advisory lock (two ``init`` at once
        wait for each other)."""
        with self._errors():
            with self._conn.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(hashtext('booth_pos init'))")
                self._conn.execute(
                    "CREATE TABLE IF NOT EXISTS booth_schema (version int PRIMARY KEY, "
                    "applied_at timestamptz NOT NULL DEFAULT now())"
                )
                before = self._conn.execute(
                    "SELECT coalesce(max(version), 0) FROM booth_schema"
                ).fetchone()[0]
                if before > SCHEMA_VERSION:
                    raise _too_new(where(self._dsn), before)
                for version in range(before + 1, SCHEMA_VERSION + 1):
                    self._conn.execute(_STEPS[version])
                    self._conn.execute("INSERT INTO booth_schema (version) VALUES (%s)", (version,))
        return before, SCHEMA_VERSION

    def _check_schema(self) -> None:
        found = self._conn.execute(
            "SELECT CASE WHEN to_regclass('booth_schema') IS NULL THEN 0 "
            "ELSE (SELECT coalesce(max(version), 0) FROM booth_schema) END"
        ).fetchone()[0]
        if found == 0:
            raise _not_set_up(where(self._dsn))
        if found > SCHEMA_VERSION:
            raise _too_new(where(self._dsn), found)
        if found < SCHEMA_VERSION:
            raise CentralError(
                en=f"The central database {where(self._dsn)} has schema {found}, this Booth "
                f"POS needs {SCHEMA_VERSION}: run booth-pos central init DSN; nothing changed",
                id=f"Database pusat {where(self._dsn)} berskema {found}, Booth POS ini perlu "
                f"{SCHEMA_VERSION}: jalankan booth-pos central init DSN; tidak ada yang berubah",
                code="schema",
            )

    @contextmanager
    def push(self, stand_id: str) -> Iterator[Push]:
        """ONE transaction for a whole push, pushes of the same stand one after the other
        (an advisory lock): committed when the block ends, rolled back on any error."""
        with self._errors(), self._conn.transaction():
            self._check_schema()
            self._conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (stand_id,))
            yield Push(self._conn, stand_id)

    def report(
        self, *, event: str | None = None, first=None, last=None
    ) -> list[dict[str, object]]:
        """Per stand, event and artisan, the local report's ``by_artisan`` figures, computed
        by one SQL statement of aggregates."""
        with self._errors(), self._conn.transaction():
            self._check_schema()
            rows = self._conn.execute(
                _REPORT, {"event": event, "first": first, "last": last}
            ).fetchall()
        return [dict(zip(REPORT_COLUMNS, r, strict=True)) for r in rows]

    def tills(self) -> list[dict[str, object]]:
        """Each till's chain heads as received, with the code of its last Z (day close)."""
        with self._errors(), self._conn.transaction():
            self._check_schema()
            rows = self._conn.execute(_TILLS).fetchall()
        keys = ("stand", "stand_id", "till", "chain", "seq", "hash", "pushed_at", "last_z",
                "last_z_date", "last_z_code")  # fmt: skip
        out = []
        for r in rows:
            d = dict(zip(keys, r, strict=True))
            d["pushed_at"] = d["pushed_at"].isoformat()
            d["last_z_date"] = d["last_z_date"].isoformat() if d["last_z_date"] else None
            out.append(d)
        return out


def _too_new(at: str, version: int) -> CentralError:
    return CentralError(
        en=f"The central database {at} has schema {version}, newer than this Booth POS "
        f"knows ({SCHEMA_VERSION}): update the program; nothing was changed",
        id=f"Database pusat {at} berskema {version}, lebih baru dari yang dikenal Booth POS "
        f"ini ({SCHEMA_VERSION}): perbarui program; tidak ada yang berubah",
        code="schema",
    )


def connect(dsn: str, *, timeout: int = CONNECT_TIMEOUT) -> CentralDb:
    """Open the central database at ``dsn`` (``postgresql://user:password@host/db``).

    Raises:
        CentralError: unreachable within ``timeout`` seconds, refused credentials, no such
            database, or an unreadable DSN.
    """
    try:
        conn = psycopg.connect(dsn, connect_timeout=timeout, autocommit=True)
    except psycopg.ProgrammingError as exc:  # a DSN libpq cannot parse
        why = " ".join(str(exc).split())
        raise CentralError(
            en=f"Not a PostgreSQL address: expected postgresql://user@host/db ({why})",
            id=f"Bukan alamat PostgreSQL: seharusnya postgresql://user@host/db ({why})",
            code="dsn",
        ) from None
    except psycopg.Error as exc:
        raise _connect_error(exc, dsn) from None
    return CentralDb(conn, dsn)
