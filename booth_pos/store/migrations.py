"""Forward-only schema migrations, versioned with ``PRAGMA user_version``.

Each step runs inside one transaction together with the version bump, so a crash mid-way
leaves the previous version intact. Never edit a released step: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported with the first migration (Store._db), not at every start
    import sqlite_utils

Step = Callable[["sqlite_utils.Database"], None]


def _run(db: sqlite_utils.Database, script: str) -> None:
    """Run each statement of ``script`` inside the caller's transaction.

    ``executescript`` would COMMIT first and break the all-or-nothing step.
    """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


#: The columns of a sale line that migration 4's guard keeps unchanged.
_SALE_LINE_COLUMNS = (
    "sale_id",
    "line_no",
    "sku",
    "name",
    "artisan_code",
    "category",
    "unit_price",
    "qty",
    "line_discount",
    "sale_discount_share",
    "net",
)


def _v1_foundation(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE artisans (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            commission_bp INTEGER NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
            story TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE products (
            sku TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            artisan_code TEXT NOT NULL REFERENCES artisans(code),
            category TEXT NOT NULL DEFAULT '',
            price INTEGER NOT NULL CHECK (typeof(price) = 'integer' AND price > 0),
            stock INTEGER NOT NULL CHECK (typeof(stock) = 'integer'),
            barcode TEXT NOT NULL UNIQUE,
            image TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX products_artisan ON products(artisan_code);
        CREATE TABLE stock_moves (
            id INTEGER PRIMARY KEY,
            sku TEXT NOT NULL REFERENCES products(sku),
            qty INTEGER NOT NULL,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        );
        CREATE INDEX stock_moves_sku ON stock_moves(sku, kind);
        CREATE TABLE days (
            id INTEGER PRIMARY KEY,
            till TEXT NOT NULL,
            business_date TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
            closed_at TEXT,
            counted INTEGER,
            z_no INTEGER UNIQUE
        );
        CREATE UNIQUE INDEX days_one_open ON days(till) WHERE closed_at IS NULL;
        CREATE TABLE till_counters (
            till TEXT PRIMARY KEY,
            last_seq INTEGER NOT NULL
        );
        CREATE TABLE sales (
            id TEXT PRIMARY KEY,
            receipt_no TEXT NOT NULL UNIQUE,
            till TEXT NOT NULL,
            seq INTEGER NOT NULL,
            day_id INTEGER NOT NULL REFERENCES days(id),
            created_at TEXT NOT NULL,
            cashier TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL DEFAULT 'id',
            subtotal INTEGER NOT NULL,
            discount INTEGER NOT NULL,
            total INTEGER NOT NULL,
            UNIQUE (till, seq)
        );
        CREATE INDEX sales_day ON sales(day_id);
        CREATE TABLE sale_lines (
            sale_id TEXT NOT NULL REFERENCES sales(id),
            line_no INTEGER NOT NULL,
            sku TEXT NOT NULL,
            name TEXT NOT NULL,
            artisan_code TEXT NOT NULL,
            category TEXT NOT NULL,
            unit_price INTEGER NOT NULL,
            qty INTEGER NOT NULL CHECK (qty > 0),
            line_discount INTEGER NOT NULL CHECK (line_discount >= 0),
            sale_discount_share INTEGER NOT NULL CHECK (sale_discount_share >= 0),
            net INTEGER NOT NULL,
            PRIMARY KEY (sale_id, line_no)
        );
        CREATE INDEX sale_lines_artisan ON sale_lines(artisan_code);
        CREATE TABLE payments (
            sale_id TEXT NOT NULL REFERENCES sales(id),
            seq INTEGER NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'card', 'transfer')),
            amount INTEGER NOT NULL,
            tendered INTEGER NOT NULL CHECK (tendered >= amount),
            reference TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (sale_id, seq)
        );
        CREATE TABLE parked_carts (
            id TEXT PRIMARY KEY,
            parked_at TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL
        );
        """,
    )


def _v2_report_indexes(db: sqlite_utils.Database) -> None:
    """Let the day and event reports read each table once, in index order, without sorting.

    A report groups a day's lines by artisan, product and category, its payments by method
    and its sales by minute and customer origin. Lines and payments only knew their sale, so
    every report joined through ``sales`` (one index seek per sale) and sorted for GROUP BY.
    Each now carries its sale's ``day_id``; the covering indexes below hold every column the
    reports read, in the order they group by, so SQLite scans one range per day and sorts
    nothing (see ``store/reports.py``).

    ``Store.insert_sale`` writes ``day_id``. The database guards it for any other writer: a
    row that leaves it out gets its sale's day (the fill triggers; they UPDATE, so a later
    "no UPDATE on sale rows" trigger of issue 6 should exempt ``OLD.day_id IS NULL`` or such
    writers will be refused loudly), and a row that names another day is refused. So the
    reports cannot disagree with the sales.
    """
    _run(
        db,
        """
        ALTER TABLE sale_lines ADD COLUMN day_id INTEGER REFERENCES days(id);
        UPDATE sale_lines SET day_id = (SELECT s.day_id FROM sales s WHERE s.id = sale_id);
        ALTER TABLE payments ADD COLUMN day_id INTEGER REFERENCES days(id);
        UPDATE payments SET day_id = (SELECT s.day_id FROM sales s WHERE s.id = sale_id);
        CREATE INDEX sale_lines_day ON sale_lines(
            day_id, artisan_code, sku, category,
            qty, unit_price, line_discount, sale_discount_share, net
        );
        CREATE INDEX payments_day ON payments(day_id, method, amount, tendered);
        CREATE INDEX sales_day_minute ON sales(
            day_id, substr(created_at, 1, 16), origin, total, created_at
        );
        """,
    )
    # Trigger bodies hold ";" so they cannot go through ``_run``.
    for table in ("sale_lines", "payments"):
        db.execute(
            f"CREATE TRIGGER {table}_day_check BEFORE INSERT ON {table} "
            "WHEN NEW.day_id IS NOT NULL "
            "AND NEW.day_id IS NOT (SELECT s.day_id FROM sales s WHERE s.id = NEW.sale_id) "
            f"BEGIN SELECT RAISE(ABORT, '{table}.day_id differs from the day of its sale'); END"
        )
        db.execute(
            f"CREATE TRIGGER {table}_day_fill AFTER INSERT ON {table} "
            "WHEN NEW.day_id IS NULL BEGIN "
            f"UPDATE {table} SET day_id = (SELECT s.day_id FROM sales s WHERE s.id = NEW.sale_id) "
            "WHERE rowid = NEW.rowid; END"
        )


def _v3_staff_and_corrections(db: sqlite_utils.Database) -> None:
    """Staff accounts, supervisor approvals, and voids and refunds as rows of their own.

    - ``staff``: one row per person, found by the case-folded name; only the PIN's slow hash
      (with its parameters) is kept. ``failed_pins`` and ``locked_until`` make the lockout
      survive a restart.
    - ``approvals``: a supervisor's yes to a price override or a discount above the
      threshold for one cart; ``sale_approvals`` says which sale used it.
    - ``corrections``: a void or refund pointing at its sale, numbered per till by
      ``correction_counters`` (``T1-R000001``) so sale numbers keep no gaps.
    - ``refund_lines``/``refund_payments``: money returned per sale line and per method;
      ``day_id`` is the day the correction was made. This is the shape ``store/reports.py``
      reads for the refunds column, payments net of refunds and expected cash.

    Corrections and approvals are never updated or deleted (triggers refuse it), a refund
    line can never give back more units than the sale line had, and its day and sale must
    be its correction's.
    """
    _run(
        db,
        """
        CREATE TABLE staff (
            name_key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor')),
            pin_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            failed_pins INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
            locked_until TEXT
        );
        CREATE TABLE approvals (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('price_override', 'discount')),
            cart_id TEXT NOT NULL,
            supervisor TEXT NOT NULL,
            cashier TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            terms TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE sale_approvals (
            sale_id TEXT NOT NULL REFERENCES sales(id),
            approval_id TEXT NOT NULL UNIQUE REFERENCES approvals(id),
            PRIMARY KEY (sale_id, approval_id)
        );
        CREATE TABLE correction_counters (
            till TEXT PRIMARY KEY,
            last_seq INTEGER NOT NULL
        );
        CREATE TABLE corrections (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('void', 'refund')),
            number TEXT NOT NULL UNIQUE,
            till TEXT NOT NULL,
            seq INTEGER NOT NULL,
            sale_id TEXT NOT NULL REFERENCES sales(id),
            day_id INTEGER NOT NULL REFERENCES days(id),
            created_at TEXT NOT NULL,
            cashier TEXT NOT NULL DEFAULT '',
            supervisor TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
            UNIQUE (till, seq)
        );
        CREATE INDEX corrections_sale ON corrections(sale_id);
        CREATE INDEX corrections_day ON corrections(day_id);
        CREATE UNIQUE INDEX corrections_one_void ON corrections(sale_id) WHERE kind = 'void';
        CREATE TABLE refund_lines (
            correction_id TEXT NOT NULL REFERENCES corrections(id),
            sale_id TEXT NOT NULL,
            line_no INTEGER NOT NULL,
            day_id INTEGER NOT NULL REFERENCES days(id),
            artisan_code TEXT NOT NULL,
            sku TEXT NOT NULL,
            qty INTEGER NOT NULL CHECK (qty > 0),
            amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
            PRIMARY KEY (correction_id, line_no),
            FOREIGN KEY (sale_id, line_no) REFERENCES sale_lines(sale_id, line_no)
        );
        CREATE INDEX refund_lines_sale ON refund_lines(sale_id, line_no, qty);
        CREATE INDEX refund_lines_day ON refund_lines(day_id, artisan_code, amount);
        CREATE TABLE refund_payments (
            correction_id TEXT NOT NULL REFERENCES corrections(id),
            seq INTEGER NOT NULL,
            day_id INTEGER NOT NULL REFERENCES days(id),
            method TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'card', 'transfer')),
            amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
            PRIMARY KEY (correction_id, seq)
        );
        CREATE INDEX refund_payments_day ON refund_payments(day_id, method, amount);
        """,
    )
    # Trigger bodies hold ";" so they cannot go through ``_run``.
    for table in (
        "approvals",
        "sale_approvals",
        "corrections",
        "refund_lines",
        "refund_payments",
    ):
        for event in ("UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are never changed: add a new "
                "correction instead'); END"
            )
    db.execute(
        "CREATE TRIGGER refund_lines_check BEFORE INSERT ON refund_lines "
        "WHEN NOT EXISTS (SELECT 1 FROM corrections c WHERE c.id = NEW.correction_id "
        "AND c.sale_id = NEW.sale_id AND c.day_id = NEW.day_id) "
        "OR NEW.qty + coalesce((SELECT sum(r.qty) FROM refund_lines r "
        "WHERE r.sale_id = NEW.sale_id AND r.line_no = NEW.line_no), 0) "
        "> (SELECT l.qty FROM sale_lines l WHERE l.sale_id = NEW.sale_id "
        "AND l.line_no = NEW.line_no) "
        "BEGIN SELECT RAISE(ABORT, 'refund_lines: more units than were sold, or not the "
        "sale and day of its correction'); END"
    )
    db.execute(
        "CREATE TRIGGER refund_payments_check BEFORE INSERT ON refund_payments "
        "WHEN NOT EXISTS (SELECT 1 FROM corrections c WHERE c.id = NEW.correction_id "
        "AND c.day_id = NEW.day_id) "
        "BEGIN SELECT RAISE(ABORT, 'refund_payments: not the day of its correction'); END"
    )


def _v4_journal(db: sqlite_utils.Database) -> None:
    """The tamper-evident journal and audit log; sales and their money rows become final.

    - ``journal``: one hash-chained entry per committed money event (sale, day opened, day
      closed, void, refund), written in the event's own transaction (``store/journal.py``).
      Existing days and sales get their entries here, so an upgraded database verifies.
    - ``audit_log``: the same chain for sign-ins, wrong PINs, settings, price changes,
      exports, backups and restores.
    - Sales, their lines and payments, and both chains refuse UPDATE and DELETE: a mistake
      is corrected by a new entry (void, refund), never by editing history. The one UPDATE
      still allowed is migration 2's fill of a NULL ``day_id`` with its sale's day, changing
      nothing else. A business day may be closed once and its opening never changes; a till's
      receipt counter only goes up.
    """
    _run(
        db,
        """
        CREATE TABLE journal (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            payload TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX journal_ref ON journal(kind, ref);
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX audit_log_action ON audit_log(action, id);
        """,
    )

    def refuse(name: str, event: str, table: str, message: str, when: str = "") -> None:
        db.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON {table} {when} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )

    final = _FINAL
    for table in ("sales", "journal", "audit_log"):
        refuse(f"{table}_no_update", "UPDATE", table, f"{table} rows {final}")
        refuse(f"{table}_no_delete", "DELETE", table, f"{table} rows {final}")
    unchanged = {
        "sale_lines": _SALE_LINE_COLUMNS,
        "payments": ("sale_id", "seq", "method", "amount", "tendered", "reference"),
    }
    for table, columns in unchanged.items():
        _final_unless_day_fill(db, table, columns)
        refuse(f"{table}_no_delete", "DELETE", table, f"{table} rows {final}")
    opening_changed = " OR ".join(
        f"NEW.{c} IS NOT OLD.{c}"
        for c in ("id", "till", "business_date", "opened_at", "opening_float")
    )
    refuse(
        "days_final",
        "UPDATE",
        "days",
        "a closed business day is final and a day keeps its opening",
        f"WHEN OLD.closed_at IS NOT NULL OR {opening_changed}",
    )
    refuse("days_no_delete", "DELETE", "days", "business days are never deleted")
    refuse(
        "till_counters_up",
        "UPDATE",
        "till_counters",
        "receipt numbers only go up",
        "WHEN NEW.last_seq < OLD.last_seq OR NEW.till IS NOT OLD.till",
    )
    refuse("till_counters_no_delete", "DELETE", "till_counters", "receipt numbers only go up")

    from booth_pos.store import journal

    _refuse_rebuilt_journal(db)
    journal.backfill(db.conn)


_FINAL = "are final: record a void or refund instead"


def _final_unless_day_fill(db: sqlite_utils.Database, table: str, columns: tuple) -> None:
    """``{table}_no_update``: rows of ``table`` never change, except migration 2's fill of a
    NULL ``day_id`` with its sale's day, which must leave every one of ``columns`` as it was."""
    same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns)
    fill = (
        "OLD.day_id IS NULL AND NEW.day_id IS "
        f"(SELECT s.day_id FROM sales s WHERE s.id = OLD.sale_id) AND {same}"
    )
    db.execute(
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} WHEN NOT ({fill}) "
        f"BEGIN SELECT RAISE(ABORT, '{table} rows {_FINAL}'); END"
    )


def _refuse_rebuilt_journal(db: sqlite_utils.Database) -> None:
    """Refuse to build a journal over money rows of a file that once had one.

    The one-time backfill is for files written before the journal existed (schema 3 and
    older). Such a file never had a stand id (Booth POS writes one from schema 5 on) and no
    chain anchors beside it (every Z close and backup writes one since). So a file that says
    "schema 3" but carries a stand id, or has anchors beside it, had its journal dropped and
    its version turned back, the way one would rebuild a clean chain over edited sales; it
    is refused.
    """
    has_money = db.execute("SELECT EXISTS (SELECT 1 FROM days) OR EXISTS (SELECT 1 FROM sales)")
    if not has_money.fetchone()[0]:
        return
    stamped = db.execute("SELECT 1 FROM settings WHERE key = 'stand_id'").fetchone()
    # Inside the file a stand id says so; outside it, anchors (written by every Z close and
    # backup since the journal exists) say so even if the stand id was deleted too.
    if stamped is not None or _context["anchored"]:
        from booth_pos.store import StoreError

        raise StoreError(
            en="This database was tampered with: its journal was removed and its version "
            "turned back (it has sales and a stand id, but no journal). Nothing was changed; "
            "restore a backup.",
            id="Database ini telah diutak-atik: jurnalnya dihapus dan versinya dimundurkan "
            "(ada penjualan dan ID stan, tetapi tidak ada jurnal). Tidak ada yang diubah; "
            "pulihkan cadangan.",
            code="TAMPERED",
        )


def _v5_stand_id(db: sqlite_utils.Database) -> None:
    """Give the stand an identity: a random UUID in ``settings`` under ``stand_id``.

    A backup is restored only over the stand it came from (``services.backup.restore``),
    and a till joins a stand by adopting its id. Written once, at the first open of a new
    file or by this step on an existing one; the settings dialog never shows or changes it.
    """
    import json
    import uuid

    db.execute(
        "INSERT INTO settings(key, value) VALUES ('stand_id', ?) ON CONFLICT(key) DO NOTHING",
        [json.dumps(str(uuid.uuid4()))],
    )


def _v6_commission_per_line(db: sqlite_utils.Database) -> None:
    """The commission in force is recorded with each sale line and each refund line.

    Until now every report took today's ``artisans.commission_bp``, so changing a rate
    rewrote the commission and payout of days already closed and settled. From here on a sale
    line keeps the rate in force when it was sold (``services.selling.complete``) and a
    refund line its sale line's; reports, statements and the journal use those.

    Existing lines get the rates in force now (what every report showed until today), and one
    journal entry, ``rates_recorded``, says which rates were given, so ``verify`` can check
    the lines journaled before rates were part of a sale's entry. The reports' covering
    indexes gain the rate (reports group by artisan and rate), the guards are remade with
    the new column, and new lines without a rate, or a refund line with another rate than
    its sale line, are refused.
    """
    _run(
        db,
        """
        ALTER TABLE sale_lines ADD COLUMN commission_bp INTEGER;
        ALTER TABLE refund_lines ADD COLUMN commission_bp INTEGER;
        DROP TRIGGER sale_lines_no_update;
        DROP TRIGGER refund_lines_no_update;
        UPDATE sale_lines SET commission_bp = coalesce(
            (SELECT a.commission_bp FROM artisans a WHERE a.code = sale_lines.artisan_code), 0);
        UPDATE refund_lines SET commission_bp = (
            SELECT l.commission_bp FROM sale_lines l
            WHERE l.sale_id = refund_lines.sale_id AND l.line_no = refund_lines.line_no);
        DROP INDEX sale_lines_day;
        CREATE INDEX sale_lines_day ON sale_lines(
            day_id, artisan_code, commission_bp, sku, category,
            qty, unit_price, line_discount, sale_discount_share, net
        );
        DROP INDEX refund_lines_day;
        CREATE INDEX refund_lines_day ON refund_lines(day_id, artisan_code, commission_bp, amount)
        """,
    )
    _final_unless_day_fill(db, "sale_lines", (*_SALE_LINE_COLUMNS, "commission_bp"))
    db.execute(
        "CREATE TRIGGER refund_lines_no_update BEFORE UPDATE ON refund_lines "
        "BEGIN SELECT RAISE(ABORT, 'refund_lines rows are never changed: add a new "
        "correction instead'); END"
    )
    db.execute(
        "CREATE TRIGGER sale_lines_commission BEFORE INSERT ON sale_lines "
        "WHEN NEW.commission_bp IS NULL OR typeof(NEW.commission_bp) != 'integer' "
        "OR NEW.commission_bp NOT BETWEEN 0 AND 10000 "
        "BEGIN SELECT RAISE(ABORT, 'sale_lines: the commission in force must be recorded "
        "(0 to 10000 bp)'); END"
    )
    db.execute(
        "CREATE TRIGGER refund_lines_commission BEFORE INSERT ON refund_lines "
        "WHEN NEW.commission_bp IS NOT (SELECT l.commission_bp FROM sale_lines l "
        "WHERE l.sale_id = NEW.sale_id AND l.line_no = NEW.line_no) "
        "BEGIN SELECT RAISE(ABORT, 'refund_lines: a refund settles at its sale line''s "
        "commission'); END"
    )
    _journal_rates(db)


def _journal_rates(db: sqlite_utils.Database) -> None:
    """Journal the rates step 6 gave to lines that existed before it (if any did)."""
    from datetime import UTC, datetime

    from booth_pos.clock import from_iso, to_iso
    from booth_pos.store import journal

    lines = db.execute("SELECT count(*) FROM sale_lines").fetchone()[0]
    if not lines:
        return
    refunds = db.execute("SELECT count(*) FROM refund_lines").fetchone()[0]
    rates = dict(
        db.execute(
            "SELECT artisan_code, commission_bp FROM sale_lines GROUP BY artisan_code "
            "ORDER BY artisan_code"
        ).fetchall()
    )
    now = datetime.now(UTC)
    last = db.execute("SELECT at FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    at = max(now, from_iso(last[0])) if last else now
    journal.append_entry(
        db.conn,
        journal.JOURNAL,
        "rates_recorded",
        "migration 6",
        {"rates": rates, "sale_lines": lines, "refund_lines": refunds},
        to_iso(at),
    )


def _v7_staff_lockout(db: sqlite_utils.Database) -> None:
    """A lockout that holds, and staff rows that cannot change unseen (issue 12).

    - ``staff.last_pin_at``: the machine's real time of the last PIN check. With
      ``locked_until`` (now also real time, never the replay clock ``BOOTH_POS_NOW``) it
      keeps an account locked when the clock is set forward by the replay setting or back.
    - Every existing staff row gets a ``staff_recorded`` audit entry carrying its
      ``row_hash``, so an upgraded file verifies; from here on each change to a row records
      the hash of the row it leaves, and ``verify`` compares the live rows with them.
    """
    from datetime import UTC, datetime

    from booth_pos.clock import to_iso
    from booth_pos.store import staff

    db.execute("ALTER TABLE staff ADD COLUMN last_pin_at TEXT")
    staff.record_existing(db.conn, to_iso(datetime.now(UTC)))


def _v8_active_flags(db: sqlite_utils.Database) -> None:
    """Artisans and products are deactivated, never deleted (issue 13).

    A deactivated product (or any product of a deactivated artisan) cannot be sold and
    leaves the quick grid; its sales, statements and history stay as they were.
    """
    _run(
        db,
        """
        ALTER TABLE artisans ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
        ALTER TABLE products ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        """,
    )


def _v9_stock_ledger_and_payouts(db: sqlite_utils.Database) -> None:
    """Stock as a ledger of documented moves, and payouts to artisans (issue 13).

    - ``stock_notes``: intake notes ``IN-0001``, return notes ``RT-0001``, stock counts
      ``SC-0001`` and imports ``IM-0001``; each of their moves carries the note's number in
      ``stock_moves.ref``, the selling price in force (``unit_price``) and, for a count, the
      quantity counted (``counted``).
    - ``payouts``: money paid to an artisan ``PO-0001``, cash (out of the drawer of the open
      day) or transfer.
    - Both, and every stock move, are append-only (guard triggers) and journaled; a product's
      ``stock`` stays the sum of its moves. The moves imports wrote before (kind ``count``,
      no reference) become kind ``import``; a product whose recorded stock differed from its
      moves gets one balancing ``count`` move; then the moves that have no journal entry of
      their own are sealed by one ``stock_recorded`` entry (their number and digest).
    """
    _run(
        db,
        """
        ALTER TABLE stock_moves ADD COLUMN unit_price INTEGER;
        ALTER TABLE stock_moves ADD COLUMN counted INTEGER;
        ALTER TABLE stock_moves ADD COLUMN name TEXT;
        CREATE TABLE stock_notes (
            number TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('intake', 'return', 'count', 'import')),
            seq INTEGER NOT NULL CHECK (seq > 0),
            artisan_code TEXT NOT NULL DEFAULT '',
            artisan_name TEXT NOT NULL DEFAULT '',
            business_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            staff TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (kind, seq)
        );
        CREATE INDEX stock_notes_artisan ON stock_notes(artisan_code, kind);
        CREATE INDEX stock_moves_ref ON stock_moves(ref);
        CREATE TABLE payouts (
            number TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
            artisan_code TEXT NOT NULL REFERENCES artisans(code),
            artisan_name TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
            method TEXT NOT NULL CHECK (method IN ('cash', 'transfer')),
            reference TEXT NOT NULL DEFAULT '',
            day_id INTEGER REFERENCES days(id),
            business_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            staff TEXT NOT NULL DEFAULT '',
            supervisor TEXT NOT NULL DEFAULT '',
            owed_before INTEGER NOT NULL,
            CHECK (method = 'transfer' OR day_id IS NOT NULL)
        );
        CREATE INDEX payouts_artisan ON payouts(artisan_code, seq);
        CREATE INDEX payouts_day ON payouts(day_id);
        UPDATE stock_moves SET kind = 'import' WHERE kind = 'count' AND ref = ''
        """,
    )
    from datetime import UTC, datetime

    from booth_pos.clock import from_iso, to_iso
    from booth_pos.store import stock

    now = datetime.now(UTC)
    last = db.execute("SELECT at FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    at = to_iso(max(now, from_iso(last[0])) if last else now)
    db.execute(
        "INSERT INTO stock_moves(sku, qty, kind, ref, at) "
        "SELECT p.sku, p.stock - coalesce(sum(m.qty), 0), 'count', 'migration 9', ? "
        "FROM products p LEFT JOIN stock_moves m ON m.sku = p.sku GROUP BY p.sku "
        "HAVING p.stock IS NOT coalesce(sum(m.qty), 0) ORDER BY p.sku",
        (at,),
    )
    for table in ("stock_moves", "stock_notes", "payouts"):
        message = f"{table} rows are final: record a count, return or new payout instead"
        for event in ("UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
    stock.seal_legacy_moves(db.conn, at)


def _v10_tills(db: sqlite_utils.Database) -> None:
    """Several tills at one stand, merged by files (issue 13, part 1: ``sync``).

    - ``till_entries``: the journal and audit chains of the stand's OTHER tills, entry for
      entry as their own files hold them (``chain`` is ``journal`` or ``audit_log``, ``seq``
      the entry's number in its till's chain). Each till's chain is kept whole and apart, so
      its hashes still hold and ``verify`` re-walks every till's chain; this file's own chains
      stay in ``journal`` and ``audit_log``.
    - ``till_stock_moves``: the stock moves another till's sales, corrections and stock notes
      made, read from its journal entries (``seq``: the entry, ``line_no``: the line within
      it). A product's ``stock`` is the sum of this file's moves and these; two tills selling
      the last scarf both succeed and the stock shows -1, "needs a count".

    Both are append-only (guard triggers): an import adds the entries it did not know, never
    changes one.
    """
    _run(
        db,
        """
        CREATE TABLE till_entries (
            till TEXT NOT NULL,
            chain TEXT NOT NULL CHECK (chain IN ('journal', 'audit_log')),
            seq INTEGER NOT NULL CHECK (seq > 0),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            payload TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (till, chain, seq)
        );
        CREATE TABLE till_stock_moves (
            till TEXT NOT NULL,
            seq INTEGER NOT NULL,
            line_no INTEGER NOT NULL,
            sku TEXT NOT NULL,
            qty INTEGER NOT NULL CHECK (typeof(qty) = 'integer'),
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            PRIMARY KEY (till, seq, line_no)
        );
        CREATE INDEX till_stock_moves_sku ON till_stock_moves(sku, kind)
        """,
    )
    for table in ("till_entries", "till_stock_moves"):
        message = f"{table} rows are records of another till: they are never changed"
        for event in ("UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )


def _v11_sale_references(db: sqlite_utils.Database) -> None:
    """Rates of the day for several currencies, and what each customer was shown (issue 16).

    - ``sale_references``: the reference total a sale's customer saw (currency, the rate used
      as text, the amount in the currency's minor units), a row for each sale since that
      showed one. Append-only like the sale itself, and part of the sale's journal entry
      (``reference``), so a reprint shows what the customer saw whatever the rates are
      later, and ``verify`` checks it. ``references_from`` (settings) is the last sale
      written before: a later sale without a row showed none (an Indonesian customer); an
      earlier one kept nothing and reprints with today's main rate, as it always did.
    - The single ``ref_currency``/``ref_rate`` of the settings become the first (main) rate
      of ``rates``; the old keys stay, mirroring that main rate, for older readers.
    """
    _run(
        db,
        """
        CREATE TABLE sale_references (
            sale_id TEXT PRIMARY KEY REFERENCES sales(id),
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            rate TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer')
        ) WITHOUT ROWID
        """,
    )
    message = "sale_references rows are final: they record what the customer was shown"
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER sale_references_no_{event.lower()} BEFORE {event} "
            f"ON sale_references BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )
    db.execute(
        "INSERT INTO settings(key, value) VALUES ('references_from', "
        "(SELECT CAST(coalesce(max(rowid), 0) AS TEXT) FROM sales))"
    )
    _move_reference_rate(db)


def _move_reference_rate(db: sqlite_utils.Database) -> None:
    """``ref_currency``/``ref_rate`` -> ``rates`` (unless ``rates`` is set already). A rate
    the receipt could not read (``17.250``) is left where it was: the Settings page asks."""
    import json

    from booth_pos.money import RateError, parse_currency, parse_rate, rate_text

    saved = {
        key: json.loads(value)
        for key, value in db.execute(
            "SELECT key, value FROM settings WHERE key IN ('ref_currency', 'ref_rate', 'rates')"
        ).fetchall()
    }
    if str(saved.get("rates") or "").strip():
        return
    try:
        code = parse_currency(str(saved.get("ref_currency") or ""))
        rate = parse_rate(str(saved.get("ref_rate") or ""))
    except RateError:
        return
    db.execute(
        "INSERT INTO settings(key, value) VALUES ('rates', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (json.dumps(f"{code}={rate_text(rate)}"),),
    )


# -- issue 17: wholesale prices, buyers, quotations and orders ----------------------------


def _v12_wholesale(db: sqlite_utils.Database) -> None:
    """Wholesale prices, bulk buyers, quotations and orders (issue 17).

    - ``wholesale``: per product its tiers (JSON ``[[min_qty, unit_price], ...]``, minimums
      rising, prices falling, none above retail), minimum order quantity and lead time in
      days (NULL: the artisan's ``artisan_lead_days``), and an HS code for the pro-forma.
    - stock moves ``reserved`` (goods held for an order, ref ``PO-0001``) and ``unreserved``
      (given back at delivery or cancellation); ``verify`` knows them.
    - ``buyers``; ``quotes`` ``Q-0001`` and their ``quote_lines`` (rewritten while the quote
      is open); ``orders`` ``PO-0001`` (one per accepted quote) and their ``order_lines``.
    - ``order_money``: deposits received, deposits applied to a delivery's sale and deposit
      refunds, append-only and journaled. A deposit is a liability of the stand, not an
      artisan's sale: only a delivery makes a sale of the lines, paid by the deposit applied
      (recorded with the deposit's method) and the balance. A cash deposit enters the drawer
      the day it is received; its ``applied`` row on the delivery day takes it back out of
      that day's expected cash, as the sale's payment counts it again.
    - ``order_deliveries``: each handing-over and the sale it made (the lines' figures and
      commission come from that sale, as for any other).
    """
    _run(
        db,
        """
        CREATE TABLE wholesale (
            sku TEXT PRIMARY KEY REFERENCES products(sku),
            tiers TEXT NOT NULL DEFAULT '[]',
            moq INTEGER NOT NULL DEFAULT 1 CHECK (typeof(moq) = 'integer' AND moq >= 1),
            lead_days INTEGER CHECK (lead_days IS NULL OR lead_days >= 0),
            hs_code TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE artisan_lead_days (
            artisan_code TEXT PRIMARY KEY REFERENCES artisans(code),
            lead_days INTEGER NOT NULL CHECK (lead_days >= 0)
        );
        CREATE TABLE buyers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            company TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL DEFAULT 'en',
            currency TEXT NOT NULL DEFAULT '',
            UNIQUE (name, company)
        );
        CREATE TABLE quotes (
            number TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
            buyer_id INTEGER NOT NULL REFERENCES buyers(id),
            currency TEXT NOT NULL,
            rate TEXT NOT NULL,
            lang TEXT NOT NULL,
            created_at TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'accepted', 'expired', 'cancelled')),
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE quote_lines (
            quote_no TEXT NOT NULL REFERENCES quotes(number),
            line_no INTEGER NOT NULL,
            sku TEXT NOT NULL REFERENCES products(sku),
            name TEXT NOT NULL,
            artisan_code TEXT NOT NULL,
            qty INTEGER NOT NULL CHECK (typeof(qty) = 'integer' AND qty > 0),
            unit_price INTEGER NOT NULL CHECK (typeof(unit_price) = 'integer' AND unit_price > 0),
            lead_days INTEGER NOT NULL,
            PRIMARY KEY (quote_no, line_no)
        );
        CREATE TABLE orders (
            number TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
            quote_no TEXT NOT NULL UNIQUE REFERENCES quotes(number),
            created_at TEXT NOT NULL,
            due_date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'delivered', 'cancelled'))
        );
        CREATE TABLE order_lines (
            order_no TEXT NOT NULL REFERENCES orders(number),
            line_no INTEGER NOT NULL,
            sku TEXT NOT NULL REFERENCES products(sku),
            name TEXT NOT NULL,
            artisan_code TEXT NOT NULL,
            qty INTEGER NOT NULL CHECK (qty > 0),
            unit_price INTEGER NOT NULL CHECK (unit_price > 0),
            reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
            PRIMARY KEY (order_no, line_no)
        );
        CREATE TABLE order_money (
            id INTEGER PRIMARY KEY,
            order_no TEXT NOT NULL REFERENCES orders(number),
            kind TEXT NOT NULL CHECK (kind IN ('deposit', 'applied', 'refund')),
            method TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'card', 'transfer')),
            amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
            day_id INTEGER REFERENCES days(id),
            created_at TEXT NOT NULL,
            reference TEXT NOT NULL DEFAULT '',
            supervisor TEXT NOT NULL DEFAULT '',
            CHECK (method != 'cash' OR day_id IS NOT NULL)
        );
        CREATE INDEX order_money_day ON order_money(day_id, method);
        CREATE TABLE order_deliveries (
            order_no TEXT NOT NULL REFERENCES orders(number),
            seq INTEGER NOT NULL,
            sale_id TEXT NOT NULL REFERENCES sales(id),
            created_at TEXT NOT NULL,
            PRIMARY KEY (order_no, seq)
        )
        """,
    )
    for table in ("order_money", "order_deliveries"):
        message = f"{table} rows are final: record a correction instead"
        for event in ("UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )


# Issue 6 is built by two people at once: the staff/corrections step took number 3 because
# the journal's step had not landed yet; the journal's step follows it.
STEPS: list[Step] = [
    _v1_foundation,
    _v2_report_indexes,
    _v3_staff_and_corrections,
    _v4_journal,
    _v5_stand_id,
    _v6_commission_per_line,
    _v7_staff_lockout,
    _v8_active_flags,
    _v9_stock_ledger_and_payouts,
    _v10_tills,
    _v11_sale_references,
    _v12_wholesale,
]


def latest_version() -> int:
    return len(STEPS)


def migrate(
    db: sqlite_utils.Database,
    *,
    anchored: bool = False,
    upto: int | None = None,
    check_schema: bool = True,
) -> int:
    """Bring ``db`` up to the latest version (or ``upto``); return the version it had.

    All pending steps run in ONE transaction: a step that fails leaves the file exactly as
    it was (no half-upgraded file with a journal built and the next step refused).

    Args:
        anchored: chain anchors of a stand exist beside the file (``backups/anchors.jsonl``):
            the file once had a journal, so migration 4 must never build one over its rows.
        upto: stop at this version (``store.schema`` builds the schema of each version).
        check_schema: first compare the file's schema with the one its version must have;
            a file whose tables, columns or triggers are not those of the version it claims
            (a journal dropped and the version turned back, a column of a later version in
            a "schema 3" file) is refused as tampered.
    """
    from booth_pos.store import StoreError

    before = db.execute("PRAGMA user_version").fetchone()[0]
    target = len(STEPS) if upto is None else upto
    if before > len(STEPS):
        raise StoreError(
            en=f"This database was written by a newer Booth POS (schema {before}); "
            "update the program before opening it",
            id=f"Database ini dibuat oleh Booth POS yang lebih baru (skema {before}); "
            "perbarui program sebelum membukanya",
        )
    if before >= target:
        return before
    if check_schema and before > 0:
        from booth_pos.store import schema

        differs = schema.differences(db.conn, reference=schema.expected(before))
        if differs:
            raise StoreError(
                en=f"This database was tampered with or damaged: its schema is not that of "
                f"version {before} ({'; '.join(differs[:3])}). Nothing was changed; restore "
                "a backup.",
                id=f"Database ini telah diutak-atik atau rusak: skemanya bukan skema versi "
                f"{before} ({'; '.join(differs[:3])}). Tidak ada yang diubah; pulihkan "
                "cadangan.",
                code="TAMPERED",
            )
    _context["anchored"] = anchored
    try:
        with db.atomic():
            for version, step in enumerate(STEPS[before:target], start=before + 1):
                step(db)
                db.execute(f"PRAGMA user_version = {version}")
    finally:
        _context["anchored"] = False
    return before


#: What the current ``migrate`` call knows beyond the file (steps take only the database).
_context: dict[str, bool] = {"anchored": False}
