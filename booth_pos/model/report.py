"""The figures of a report: what the stand settles with its artisans on, to the rupiah.

These are the domain's types; ``services.reports`` builds them from the stored lines,
payments and refunds, ``documents`` draws them and the command line prints them. All
figures are whole rupiah:

- per artisan: items, gross (unit price x qty), discounts (line discounts + shares of sale
  discounts), refunds, net = gross - discounts - refunds, commission = net x the artisan's
  commission rounded half up (on the period's net), payout = net - commission. The totals
  are the sums over artisans, so they agree to the rupiah.
- per payment method: what was kept (cash net of change) minus what was paid back.
- per category, local hour, customer origin and product: sales rung up (before refunds).
- cash: float, expected = float + cash received - cash refunded - cash paid to artisans,
  counted, difference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from booth_pos.model.sale import OPEN_PRICE_SKU, Day, Method
from booth_pos.model.stock import Payout, StockNote
from booth_pos.money import percent_text

TOP_PRODUCTS = 10
METHOD_KEYS = tuple(m.value for m in Method)  # cash, qris, card, transfer

#: One artisan's figures as a row, in this order: the JSON ``by_artisan`` keys and the CSV
#: columns, so the two exports cannot drift apart.
ARTISAN_COLUMNS = (
    "code",
    "name",
    "items",
    "gross",
    "discounts",
    "refunds",
    "net",
    "commission_percent",
    "commission",
    "payout",
    "received_qty",
    "returned_qty",
    "paid_out",
    "balance",
)


@dataclass(frozen=True)
class ArtisanFigures:
    """One artisan's settlement for the period.

    Attributes:
        commission_bp: the artisan's commission in basis points (12.5 % = 1250) recorded
            with the period's sale lines; if the rate changed within the period, the one
            most of the net was sold at (``rates`` has them all).
        discounts: line discounts plus the artisan's shares of sale discounts.
        net: gross - discounts - refunds; commission is taken from it, half up (on each
            recorded rate's share of the net, then summed).
        rates: every commission rate recorded in the period, lowest first (one, unless the
            rate was changed during it).
        received_qty: units brought in the period (intake notes and stock set by imports).
        returned_qty: units handed back to the artisan in the period (return notes).
        paid_out: money paid to the artisan in the period (payouts, cash and transfer).
        balance: payout owed for the period minus ``paid_out`` (for the event: what the stand
            still owes the artisan, to the rupiah).
    """

    code: str
    name: str
    commission_bp: int
    items: int
    gross: int
    discounts: int
    refunds: int
    net: int
    commission: int
    payout: int
    rates: tuple[int, ...] = ()
    received_qty: int = 0
    returned_qty: int = 0
    paid_out: int = 0

    @property
    def balance(self) -> int:
        return self.payout - self.paid_out

    @property
    def commission_percent(self) -> str:
        return percent_text(self.commission_bp)

    @property
    def all_rates(self) -> tuple[int, ...]:
        """The rates to show: ``rates``, or the one ``commission_bp`` when none are listed."""
        return self.rates or (self.commission_bp,)


@dataclass(frozen=True)
class PaymentFigures:
    """Money by one payment method: kept from sales (cash net of change), refunded, net."""

    method: str
    received: int
    refunds: int

    @property
    def net(self) -> int:
        return self.received - self.refunds


@dataclass(frozen=True)
class CategoryFigures:
    category: str
    items: int
    gross: int
    discounts: int
    net: int


@dataclass(frozen=True)
class HourFigures:
    """Sales that started in one local hour (``hour`` 0-23 in the event's time zone)."""

    hour: int
    sales: int
    net: int


@dataclass(frozen=True)
class OriginFigures:
    """Sales to customers from one origin ("ID" local, "KR", ...; "" not recorded)."""

    origin: str
    sales: int
    net: int


@dataclass(frozen=True)
class ProductFigures:
    """One product's sales in the period; or, with ``sku`` ``OPEN_PRICE_SKU`` and ``name``
    "", every open-price line of the artisan ``artisan_code`` (unlabelled goods) together."""

    sku: str
    name: str
    artisan_code: str
    items: int
    net: int

    @property
    def open_price(self) -> bool:
        """The row of an artisan's open-price lines (documents label it "Harga terbuka")."""
        return self.sku == OPEN_PRICE_SKU


@dataclass(frozen=True)
class CashFigures:
    """The drawer: ``counted`` and ``difference`` are None until every day covered is closed.

    Attributes:
        opening_float: cash put in at opening (JSON key ``float``).
        received: cash kept from sales (tendered - change).
        tendered: cash handed over by customers; ``change`` = tendered - received.
        refunds: cash paid back.
        payouts: cash paid to artisans out of the drawer.
        expected: opening_float + received - refunds - payouts + deposits.
        difference: counted - expected; negative means the drawer is short.
    """

    opening_float: int
    received: int
    tendered: int
    refunds: int
    expected: int
    counted: int | None
    difference: int | None
    payouts: int = 0
    #: Bulk orders' cash deposits received, less those refunded or applied to a delivery
    #: sale of these days (issue 17); part of ``expected``, never of an artisan's net.
    deposits: int = 0

    @property
    def change(self) -> int:
        return self.tendered - self.received


@dataclass(frozen=True)
class TillFigures:
    """One till's part of a report: how far this file knows it, and its own drawer.

    Attributes:
        till: the till code (``T1``).
        own: this file's own till (its figures are live; nothing is "received").
        last_receipt: the receipt number of the till's last sale in the report's period as
            this file knows it (None: no sale).
        received_at: when this file last imported a bundle carrying the till's records
            (None for this till, or a till known only through a join).
        exported_at: when the till wrote the last bundle this file holds (read from the
            till's own ``sync_export`` audit entry, under its chain).
        sales, net: the till's own sales and net in the period.
        cash: the till's own drawer (each till counts and closes its own); ``counted`` is
            None until every day of the till in the period is closed.
        days: the till's business days in the period.
        close_codes: (Z number, verification code) of the till's closes in the period,
            from its own journal (Z numbers are per till).
        pending: another till whose day in the period is still open in what this file
            received: it may have sold since its last bundle, so its figures may be short.
    """

    till: str
    own: bool
    last_receipt: str | None
    received_at: datetime | None
    exported_at: datetime | None
    sales: int
    net: int
    cash: CashFigures
    days: tuple[Day, ...] = ()
    close_codes: tuple[tuple[int, str], ...] = ()
    pending: bool = False


@dataclass(frozen=True)
class Report:
    """Figures common to a day report and an event report.

    Attributes:
        sales: number of sales rung up.
        average_sale: sales' total / sales, rounded half up (0 with no sales).
        by_product: every product sold, best net first; ``top_products`` is its head.
    """

    stand_name: str
    event_name: str
    venue: str
    timezone: str
    sales: int
    items: int
    gross: int
    discounts: int
    refunds: int
    net: int
    commission: int
    payout: int
    average_sale: int
    by_artisan: tuple[ArtisanFigures, ...]
    by_payment: tuple[PaymentFigures, ...]
    by_category: tuple[CategoryFigures, ...]
    by_hour: tuple[HourFigures, ...]
    by_origin: tuple[OriginFigures, ...]
    by_product: tuple[ProductFigures, ...]
    cash: CashFigures
    #: One line per till the report covers (this till first), see ``TillFigures``; empty on
    #: a till that never received another till's records.
    tills: tuple[TillFigures, ...] = ()

    @property
    def pending_tills(self) -> tuple[TillFigures, ...]:
        """The tills whose figures may be incomplete (``TillFigures.pending``)."""
        return tuple(t for t in self.tills if t.pending)

    @property
    def top_products(self) -> tuple[ProductFigures, ...]:
        return self.by_product[:TOP_PRODUCTS]

    def payment(self, method: str) -> PaymentFigures:
        return next(p for p in self.by_payment if p.method == method)

    def artisan(self, code: str) -> ArtisanFigures:
        return next(a for a in self.by_artisan if a.code == code)


@dataclass(frozen=True)
class DayReport(Report):
    """One business date (normally one ``days`` row; more if the day was reopened).

    Attributes:
        close_codes: (Z number, verification code) of each close of the date: the short
            code of its ``day_close`` journal entry, the chain's head at that close (its
            hash covers every entry before it), printed on the Z report like a receipt's.
    """

    business_date: date = date.min
    days: tuple[Day, ...] = ()
    close_codes: tuple[tuple[int, str], ...] = ()

    @property
    def is_open(self) -> bool:
        return any(d.is_open for d in self.days)

    @property
    def z_numbers(self) -> tuple[int, ...]:
        return tuple(d.z_no for d in self.days if d.z_no is not None)


@dataclass(frozen=True)
class EventReport(Report):
    """Every business day so far, with each day's own report."""

    day_reports: tuple[DayReport, ...] = field(default=())

    @property
    def first_date(self) -> date | None:
        return self.day_reports[0].business_date if self.day_reports else None

    @property
    def last_date(self) -> date | None:
        return self.day_reports[-1].business_date if self.day_reports else None


# -- end-of-event statements -----------------------------------------------------------------


@dataclass(frozen=True)
class StatementDay:
    """One day's line on an artisan's statement (commission rounded on that day's net)."""

    business_date: date
    figures: ArtisanFigures


@dataclass(frozen=True)
class StockLine:
    """A product's stock on the artisan's statement: the sum of its moves over the event.

    Attributes:
        received: intakes plus stock set by imports.
        sold: units sold over the event.
        refunded: units customers brought back.
        returned: units handed back to the artisan.
        counted_diff: count differences (negative: missing).
        left: on hand now = received - sold + refunded - returned + counted_diff.
        needs_count: sold beyond what was on hand since the last count ("perlu dihitung").
    """

    sku: str
    name: str
    received: int
    sold: int
    refunded: int
    returned: int
    counted_diff: int
    left: int
    needs_count: bool = False


@dataclass(frozen=True)
class ArtisanStatement:
    """What the stand owes one artisan at the end of the event, ready to sign.

    Attributes:
        total: the event's figures; its commission is rounded once on the event's net;
            ``total.balance`` is what the stand still owes (payout - paid out).
        days: the same per business day.
        stock: one line per product of the artisan.
        intakes: the artisan's intake notes, oldest first.
        returns: the artisan's return notes, oldest first.
        counts: the stock counts that touched the artisan's goods (only its lines).
        payouts: the payments made to the artisan, oldest first.
        open_price: the artisan's open-price lines over the event (units and net sold,
            before refunds), None when there were none: goods without a label, sold at a
            typed price; they are in ``total`` but in no stock line.
    """

    stand_name: str
    event_name: str
    venue: str
    total: ArtisanFigures
    days: tuple[StatementDay, ...]
    stock: tuple[StockLine, ...]
    intakes: tuple[StockNote, ...] = ()
    returns: tuple[StockNote, ...] = ()
    counts: tuple[StockNote, ...] = ()
    payouts: tuple[Payout, ...] = ()
    open_price: ProductFigures | None = None

    @property
    def needs_count(self) -> tuple[StockLine, ...]:
        """The products to count before settling (sold beyond what was on hand)."""
        return tuple(s for s in self.stock if s.needs_count)


@dataclass(frozen=True)
class SlipLine:
    """One product sold today on an artisan's day slip (open-price lines by their name)."""

    sku: str
    name: str
    qty: int
    net: int


@dataclass(frozen=True)
class DaySlip:
    """The 80 mm slip an artisan's family member takes home in the evening.

    Attributes:
        lines: what sold on the day, product by product (qty and net after discounts); the
            day's refunds are in ``day`` (its ``refunds`` and ``net``).
        day: the artisan's figures of the day (net, commission, payout, paid_out).
        balance: what the stand owes the artisan over the event up to the end of this day
            (payouts owed so far minus payments made so far).
    """

    stand_name: str
    event_name: str
    business_date: date
    artisan_code: str
    artisan_name: str
    lines: tuple[SlipLine, ...]
    day: ArtisanFigures
    balance: int
