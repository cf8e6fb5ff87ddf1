"""The per-till lines of a report with several tills, in Indonesian and English.

A report on a till that received other tills' records (``booth-pos sync``) carries one
``TillFigures`` per till. These texts say which tills it covers and how far ("T1 sampai
T1-000231, T2 sampai T2-000187 diterima 20:55"), each till's own drawer, and a warning for a
till that may have sold after its last bundle. The command line, the PDF and the workbook
print them; the window builds its own through Qt's translations.
"""

from __future__ import annotations

from datetime import datetime

from booth_pos.clock import zone
from booth_pos.model import DayReport, Report, TillFigures
from booth_pos.money import format_number

_WORDS: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "up_to": ("{till} sampai {receipt}", "{till} up to {receipt}"),
    "no_sales": ("{till} tanpa penjualan", "{till} no sales"),
    "received": (" diterima {at}", " received {at}"),
    "covered": ("Kasir tercakup", "Tills covered"),
    "pending": (
        "{till}: belum diterima sejak penjualan terakhir (harinya masih terbuka di bundel "
        "terakhir{exported})",
        "{till}: not received since its last sale (its day is still open in the last "
        "bundle{exported})",
    ),
    "exported": (", diekspor {at}", ", exported {at}"),
    "cash_line": (
        "{till}: modal {float} + tunai {received} - refund {refunds}{payouts} = seharusnya "
        "{expected}; dihitung {counted}, selisih {difference}{z}",
        "{till}: float {float} + received {received} - refunds {refunds}{payouts} = expected "
        "{expected}; counted {counted}, difference {difference}{z}",
    ),
    "payouts": (" - setoran {amount}", " - payouts {amount}"),
    "no_day": (
        "{till}: tidak ada hari usaha di periode ini",
        "{till}: no business day in this period",
    ),
    "z": ("; Z {codes}", "; Z {codes}"),
    "cash_per_till": ("Kas per kasir", "Cash per till"),
    "till": ("Kasir", "Till"),
    "last_receipt": ("Struk terakhir", "Last receipt"),
    "received_at": ("Diterima", "Received"),
    "sales": ("Transaksi", "Sales"),
    "net": ("Neto", "Net"),
    "float": ("Modal", "Float"),
    "expected": ("Seharusnya", "Expected"),
    "counted": ("Dihitung", "Counted"),
    "difference": ("Selisih", "Difference"),
    "z_codes": ("Z (kode)", "Z (code)"),
    "open": ("buka", "open"),
    "this_till": ("kasir ini", "this till"),
}


def word(key: str, lang: str = "id") -> str:
    """One of this module's words in ``lang`` (``id`` or ``en``)."""
    ind, eng = _WORDS[key]
    return eng if lang == "en" else ind


def when_text(at: datetime | None, report: Report) -> str:
    """A local time: "20:55" on a day report's own date, else "2023-03-01 20:55"."""
    if at is None:
        return ""
    local = at.astimezone(zone(report.timezone))
    if isinstance(report, DayReport) and local.date() == report.business_date:
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def till_part(t: TillFigures, report: Report, lang: str = "id") -> str:
    """One till's part of the coverage line: "T2 sampai T2-000187 diterima 20:55"."""
    if t.last_receipt:
        text = word("up_to", lang).format(till=t.till, receipt=t.last_receipt)
    else:
        text = word("no_sales", lang).format(till=t.till)
    if t.received_at is not None:
        text += word("received", lang).format(at=when_text(t.received_at, report))
    return text


def coverage_line(report: Report, lang: str = "id") -> str:
    """Which tills the report covers and how far ("" for a till's report of its own)."""
    return ", ".join(till_part(t, report, lang) for t in report.tills)


def warnings(report: Report, lang: str = "id") -> list[str]:
    """One line per till that may have sold after the bundle this report has of it."""
    out = []
    for t in report.pending_tills:
        exported = (
            word("exported", lang).format(at=when_text(t.exported_at, report))
            if t.exported_at is not None
            else ""
        )
        out.append(word("pending", lang).format(till=t.till, exported=exported))
    return out


def z_text(t: TillFigures) -> str:
    """The till's own closes: "3 ABCD-1234, 4 ..." ("" while none)."""
    return ", ".join(f"{z} {code}" for z, code in t.close_codes)


def cash_lines(report: Report, lang: str = "id") -> list[str]:
    """Each till's own drawer, as the till counted and closed it."""

    def rp(amount: int | None) -> str:
        return "-" if amount is None else format_number(amount, lang)

    out = []
    for t in report.tills:
        if not t.days:
            out.append(word("no_day", lang).format(till=t.till))
            continue
        c = t.cash
        codes = z_text(t)
        out.append(
            word("cash_line", lang).format(
                till=t.till,
                float=rp(c.opening_float),
                received=rp(c.received),
                refunds=rp(c.refunds),
                payouts=word("payouts", lang).format(amount=rp(c.payouts)) if c.payouts else "",
                expected=rp(c.expected),
                counted=rp(c.counted),
                difference=rp(c.difference),
                z=word("z", lang).format(codes=codes) if codes else "",
            )
        )
    return out


def table_rows(report: Report, lang: str = "id") -> list[list]:
    """The per-till table (header first) for the PDF and the workbook: amounts as ints."""
    head = [
        word(k, lang)
        for k in (
            "till",
            "last_receipt",
            "received_at",
            "sales",
            "net",
            "float",
            "expected",
            "counted",
            "difference",
            "z_codes",
        )
    ]
    rows: list[list] = [head]
    for t in report.tills:
        rows.append(
            [
                t.till + (f" ({word('this_till', lang)})" if t.own else ""),
                t.last_receipt or "-",
                when_text(t.received_at, report) or "-",
                t.sales,
                t.net,
                t.cash.opening_float,
                t.cash.expected,
                t.cash.counted,
                t.cash.difference,
                z_text(t) or (word("open", lang) if any(d.is_open for d in t.days) else "-"),
            ]
        )
    return rows
