"""What the command line prints and how it ends: JSON shapes, exit codes, refusals.

Exit codes: 0 done, 1 refused input (message on stderr, nothing written), 2 usage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from booth_pos.clock import Clock
from booth_pos.model import KnownError
from booth_pos.money import format_number
from booth_pos.store import Store

if TYPE_CHECKING:
    from booth_pos.model.report import ArtisanFigures, Report


def _figures():
    """``model.report``, loaded when a report is printed (the window's start needs none)."""
    from booth_pos.model import report

    return report


EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

#: Who the audit log names for what the command line does.
CLI_ACTOR = "cli"


class Refused(KnownError):
    """Bad input found by the command line itself."""


def error_text(exc: Exception, args) -> str:
    """A refusal in the language asked for (English by default); other errors as they are."""
    return exc.text(args.lang or "en") if isinstance(exc, KnownError) else str(exc)


def print_json(data) -> None:
    """Print ``data`` as indented JSON, keeping Indonesian text readable (no escapes)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def save_export(
    store: Store, clock: Clock, path: Path, content: bytes, *, what: str, ref: str = ""
) -> Path:
    """Save an export through ``services.exports`` (atomic, one audit entry) as ``cli``."""
    from booth_pos.services import exports

    return exports.write_export(
        store, path, content, what=what, actor=CLI_ACTOR, at=clock.now(), ref=ref
    )


def _reference_json(shown) -> dict | None:
    """The reference total the customer was shown: currency, rate and amount as exact
    decimal strings (``"20.87"``), or None."""
    if not shown:
        return None
    from booth_pos.money import minor_text

    return {
        "currency": shown.currency,
        "rate": shown.rate,
        "amount": minor_text(shown.amount, shown.currency),
    }


def sale_json(sale) -> dict:
    return {
        "receipt_no": sale.receipt_no,
        "id": sale.id,
        "day": sale.business_date.isoformat(),
        "created_at": sale.created_at.isoformat(),
        "cashier": sale.cashier,
        "items": sale.items,
        "subtotal": sale.subtotal,
        "discount": sale.discount,
        "total": sale.total,
        "paid": sale.paid,
        "tendered": sale.tendered,
        "change": sale.change,
        "verification": sale.verification,
        "origin": sale.origin,
        "lang": sale.lang,
        "reference": _reference_json(sale.reference),
        "lines": [
            {
                "sku": ln.sku,
                "name": ln.name,
                "artisan_code": ln.artisan_code,
                "qty": ln.qty,
                "unit_price": ln.unit_price,
                "line_discount": ln.line_discount,
                "sale_discount_share": ln.sale_discount_share,
                "net": ln.net,
            }
            for ln in sale.lines
        ],
        "payments": [
            {
                "method": str(p.method),
                "amount": p.amount,
                "tendered": p.tendered,
                "reference": p.reference,
            }
            for p in sale.payments
        ],
    }


def correction_json(c) -> dict:
    """A void or refund as the command line prints it."""
    return {
        "number": c.number,
        "kind": c.kind,
        "receipt_no": c.receipt_no,
        "day": c.business_date.isoformat(),
        "created_at": c.created_at.isoformat(),
        "cashier": c.cashier,
        "supervisor": c.supervisor,
        "reason": c.reason,
        "items": c.items,
        "amount": c.amount,
        "lines": [
            {
                "line_no": ln.line_no,
                "sku": ln.sku,
                "name": ln.name,
                "artisan_code": ln.artisan_code,
                "qty": ln.qty,
                "amount": ln.amount,
            }
            for ln in c.lines
        ],
        "payments": [{"method": str(p.method), "amount": p.amount} for p in c.payments],
    }


# -- reports ----------------------------------------------------------------------------------


def artisan_json(a: ArtisanFigures) -> dict:
    """One artisan's figures under the ``ARTISAN_COLUMNS`` keys, the CSV's columns too."""
    return {column: getattr(a, column) for column in _figures().ARTISAN_COLUMNS}


def report_json(report: Report) -> dict:
    """The report as the issue's JSON object (plus a few extra keys after the required ones).

    Required: ``day`` (ISO date) or ``event`` (event name), ``sales``, ``items``, ``gross``,
    ``discounts``, ``refunds``, ``net``, ``by_artisan`` (objects with exactly ``code, name,
    items, gross, discounts, refunds, net, commission_percent, commission, payout``),
    ``by_payment`` (``cash, qris, card, transfer``: kept minus refunded) and ``cash``
    (``float, expected, counted, difference``; the last two null while a day is open).
    ``commission_percent`` is a string such as ``"12.5"``. Every amount is an integer.
    """
    if isinstance(report, _figures().DayReport):
        head: dict = {"day": report.business_date.isoformat()}
    else:
        head = {"event": report.event_name}
    data = {
        **head,
        "sales": report.sales,
        "items": report.items,
        "gross": report.gross,
        "discounts": report.discounts,
        "refunds": report.refunds,
        "net": report.net,
        "by_artisan": [artisan_json(a) for a in report.by_artisan],
        "by_payment": {p.method: p.net for p in report.by_payment},
        "cash": {
            "float": report.cash.opening_float,
            "expected": report.cash.expected,
            "counted": report.cash.counted,
            "difference": report.cash.difference,
        },
        # Extra keys.
        "commission": report.commission,
        "payout": report.payout,
        "average_sale": report.average_sale,
        "cash_received": report.cash.received,
        "cash_refunds": report.cash.refunds,
        "cash_payouts": report.cash.payouts,
        "change_given": report.cash.change,
        "by_category": [
            {"category": c.category, "items": c.items, "gross": c.gross, "net": c.net}
            for c in report.by_category
        ],
        "by_hour": [{"hour": h.hour, "sales": h.sales, "net": h.net} for h in report.by_hour],
        "by_origin": [
            {"origin": o.origin, "sales": o.sales, "net": o.net} for o in report.by_origin
        ],
        "top_products": [
            {
                "sku": p.sku,
                "name": p.name,
                "artisan": p.artisan_code,
                "items": p.items,
                "net": p.net,
                "open_price": p.open_price,
            }
            for p in report.top_products
        ],
    }
    if report.tills:  # several tills: which are covered, how far, and each drawer
        data["tills"] = [till_json(t) for t in report.tills]
        data["warnings"] = [
            {"till": t.till, "pending": True, "message": w_en, "message_id": w_id}
            for t, w_en, w_id in zip(
                report.pending_tills,
                _tills().warnings(report, "en"),
                _tills().warnings(report, "id"),
                strict=True,
            )
        ]
    if isinstance(report, _figures().DayReport):
        data["open"] = report.is_open
        data["z_numbers"] = list(report.z_numbers)
    else:
        data["from"] = report.first_date.isoformat() if report.first_date else None
        data["to"] = report.last_date.isoformat() if report.last_date else None
        data["days"] = [
            {
                "day": d.business_date.isoformat(),
                "sales": d.sales,
                "net": d.net,
                "open": d.is_open,
                "z_numbers": list(d.z_numbers),
            }
            for d in report.day_reports
        ]
    return data


def _tills():
    from booth_pos.documents import tills

    return tills


def till_json(t) -> dict:
    """One till's line of a report (``report --json`` ``tills``)."""
    return {
        "till": t.till,
        "this_till": t.own,
        "last_receipt": t.last_receipt,
        "received_at": t.received_at.isoformat() if t.received_at else None,
        "exported_at": t.exported_at.isoformat() if t.exported_at else None,
        "sales": t.sales,
        "net": t.net,
        "open": any(d.is_open for d in t.days),
        "pending": t.pending,
        "cash_float": t.cash.opening_float,
        "cash_received": t.cash.received,
        "cash_refunds": t.cash.refunds,
        "cash_payouts": t.cash.payouts,
        "cash_expected": t.cash.expected,
        "cash_counted": t.cash.counted,
        "cash_difference": t.cash.difference,
        "z": [{"z_no": z, "code": code} for z, code in t.close_codes],
    }


def report_text(report: Report, lang: str = "en") -> str:
    """A terminal-width summary: totals, one line per artisan, payments and cash."""

    def rp(amount: int | None) -> str:
        return "-" if amount is None else format_number(amount, lang)

    if isinstance(report, _figures().DayReport):
        state = "open" if report.is_open else "closed, Z " + ", ".join(map(str, report.z_numbers))
        title = f"Day {report.business_date} ({state})"
    else:
        title = f"Event {report.event_name} {report.first_date} .. {report.last_date}".strip()
    out = [
        f"{report.stand_name} - {title}",
        f"sales {report.sales}, items {report.items}, average sale {rp(report.average_sale)}",
        f"gross {rp(report.gross)}  discounts {rp(report.discounts)}  "
        f"refunds {rp(report.refunds)}  net {rp(report.net)}",
        "",
        f"{'code':<6}{'artisan':<28}{'items':>6}{'gross':>14}{'disc.':>11}{'refunds':>10}"
        f"{'net':>14}{'comm.%':>7}{'commission':>12}{'payout':>14}",
    ]
    for a in report.by_artisan:
        out.append(
            f"{a.code:<6}{a.name[:27]:<28}{a.items:>6}{rp(a.gross):>14}{rp(a.discounts):>11}"
            f"{rp(a.refunds):>10}{rp(a.net):>14}{a.commission_percent:>7}"
            f"{rp(a.commission):>12}{rp(a.payout):>14}"
        )
    out.append(
        f"{'':<6}{'TOTAL':<28}{report.items:>6}{rp(report.gross):>14}{rp(report.discounts):>11}"
        f"{rp(report.refunds):>10}{rp(report.net):>14}{'':>7}{rp(report.commission):>12}"
        f"{rp(report.payout):>14}"
    )
    out.append("")
    out.append("  ".join(f"{p.method} {rp(p.net)}" for p in report.by_payment))
    c = report.cash
    # Cash paid to artisans is its own term, so the line adds up (shown once there is any).
    paid = f" - payouts {rp(c.payouts)}" if c.payouts else ""
    out.append(
        f"cash: float {rp(c.opening_float)} + received {rp(c.received)} - refunds "
        f"{rp(c.refunds)}{paid} = expected {rp(c.expected)}; counted {rp(c.counted)}, "
        f"difference {rp(c.difference)}"
    )
    if report.tills:
        tills = _tills()
        out.append("")
        out.append(tills.coverage_line(report, lang))
        out.extend(tills.cash_lines(report, lang))
        out.extend(f"! {w}" for w in tills.warnings(report, lang))
    return "\n".join(out)


class Progress:
    """A progress bar on stderr for long work, only when a person watches a terminal.

    Nothing is drawn when stderr is not a terminal (a pipe, a log file, CI) or the output is
    ``--json``, so scripts see exactly what they saw before. Use as a callback
    ``progress(done, total)`` and close it (or use ``with``).
    """

    def __init__(self, label: str, args):
        self._bar = None
        self._label = label
        self._quiet = getattr(args, "json", False) or not sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self._quiet:
            return
        if self._bar is None:
            from tqdm import tqdm  # loaded only when a bar is really drawn

            self._bar = tqdm(total=total, desc=self._label, file=sys.stderr, leave=False)
        self._bar.total = total
        self._bar.n = done
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
