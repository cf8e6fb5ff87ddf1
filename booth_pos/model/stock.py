"""The consignment cycle: goods in, goods back, counts, and money out to the artisan.

Stock on hand is the sum of a product's moves; every move belongs to a document (an intake
note ``IN-0001``, a return note ``RT-0001``, a stock count ``SC-0001``, an import ``IM-0001``,
or a sale or refund as before). A payout ``PO-0001`` is money the stand hands an artisan
against the balance it owes. Pure data: no Qt, no SQL; amounts are whole rupiah.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from booth_pos.errors import KnownError


class StockError(KnownError):
    """A stock move that cannot be recorded (too many back, another artisan's SKU, zero)."""


class PayoutError(KnownError):
    """A payout that cannot be recorded (zero, unknown method, no open day for cash)."""


class NoteKind(StrEnum):
    INTAKE = "intake"  # the artisan brings goods
    RETURN = "return"  # goods handed back to the artisan
    COUNT = "count"  # a stock count settles the difference, with a reason
    IMPORT = "import"  # a product import that set stock


#: Each document kind's number prefix: ``IN-0001``.
NOTE_PREFIX = {
    NoteKind.INTAKE: "IN",
    NoteKind.RETURN: "RT",
    NoteKind.COUNT: "SC",
    NoteKind.IMPORT: "IM",
}


def note_number(kind: NoteKind, seq: int) -> str:
    return f"{NOTE_PREFIX[kind]}-{seq:04d}"


@dataclass(frozen=True)
class NoteLine:
    """One product on a stock document.

    Attributes:
        qty: the move, signed as it changes stock: positive for an intake, negative for a
            return; for a count the difference (counted - on hand before).
        unit_price: the selling price in force when the document was made (a note's totals
            are at selling price and never follow a later price change).
        counted: for a count, the quantity counted; None otherwise.
    """

    sku: str
    name: str
    qty: int
    unit_price: int
    counted: int | None = None

    @property
    def units(self) -> int:
        """The quantity as the note prints it (always positive for intake and return)."""
        return abs(self.qty)

    @property
    def value(self) -> int:
        return self.units * self.unit_price


@dataclass(frozen=True)
class StockNote:
    """An intake note, return note, count or import as recorded (append-only).

    Attributes:
        number: ``IN-0001``, ``RT-0001``, ``SC-0001``, ``IM-0001``.
        artisan_code: the artisan (intake, return); '' when a count or import spans several.
        artisan_name: the artisan's name when the note was made ('' when none).
        staff: who recorded it (the coordinator signing for the stand).
        note: free text typed with an intake or return; a count's reason.
    """

    number: str
    kind: NoteKind
    artisan_code: str
    artisan_name: str
    created_at: datetime
    staff: str
    note: str
    lines: tuple[NoteLine, ...]

    @property
    def qty(self) -> int:
        """Units on the note (positive)."""
        return sum(ln.units for ln in self.lines)

    @property
    def value(self) -> int:
        """Total at the selling prices recorded on the note."""
        return sum(ln.value for ln in self.lines)


class PayoutMethod(StrEnum):
    CASH = "cash"  # out of the drawer: lowers the open day's expected cash
    TRANSFER = "transfer"


@dataclass(frozen=True)
class Payout:
    """Money paid to an artisan, as recorded (append-only).

    Attributes:
        number: ``PO-0001``.
        day_id: the business day open when it was paid (a cash payout always has one).
        owed_before: the event balance the stand owed the artisan just before paying.
    """

    number: str
    artisan_code: str
    artisan_name: str
    amount: int
    method: PayoutMethod
    reference: str
    day_id: int | None
    created_at: datetime
    staff: str
    supervisor: str
    owed_before: int

    @property
    def owed_after(self) -> int:
        return self.owed_before - self.amount


@dataclass(frozen=True)
class LedgerRow:
    """One product's stock as the sum of its moves (``booth-pos stock ledger``).

    Attributes:
        received: intakes plus stock set by imports.
        sold: units sold (positive).
        refunded: units that came back from customers.
        returned: units handed back to the artisan (positive).
        counted_diff: the sum of count differences (negative: missing).
        needs_count: stock went below zero since the last count ("perlu dihitung").
        reserved: units held for bulk orders (issue 17), out of the sellable stock.
    """

    sku: str
    name: str
    artisan_code: str
    price: int
    received: int
    sold: int
    refunded: int
    returned: int
    counted_diff: int
    needs_count: bool = False
    reserved: int = 0

    @property
    def on_hand(self) -> int:
        """Sellable units: what the moves leave, less what is reserved for orders."""
        return (
            self.received - self.sold + self.refunded - self.returned + self.counted_diff
            - self.reserved
        )  # fmt: skip
