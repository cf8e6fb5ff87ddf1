"""What the command line prints and how it ends: JSON shapes, exit codes, refusals.

Exit codes: 0 done, 1 refused input (message on stderr, nothing written), 2 usage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from booth_pos.clock import Clock
from booth_pos.model import KnownError
from booth_pos.store import Store

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


def write_pdf(path: Path, data: bytes) -> None:
    from booth_pos.printing.pdf import write_atomically

    if not path.parent.is_dir():
        raise Refused(en=f"No such folder: {path.parent}", id=f"Folder tidak ada: {path.parent}")
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise Refused(
            en=f"Cannot write {path}: {exc.strerror or exc}",
            id=f"{path} tidak bisa ditulis: {exc.strerror or exc}",
        ) from exc
    print(path)


def record_export(store: Store, clock: Clock, what: str, path: Path, ref: str = "") -> None:
    """Record a written export (report, receipt, labels, catalogue) in the audit log."""
    from booth_pos.services import journal

    detail = {"what": what, "path": str(path), "ref": ref}
    journal.append_audit(store, CLI_ACTOR, "export", detail, clock.now())


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
