"""Reading and validating the stand's settings as people type them."""

from __future__ import annotations

import re
from dataclasses import asdict, replace
from datetime import date, datetime
from pathlib import Path

from booth_pos.clock import DEFAULT_TIMEZONE, Clock, ClockError, zone
from booth_pos.model import KnownError, Settings
from booth_pos.money import MoneyError, format_percent, parse_percent
from booth_pos.services import journal
from booth_pos.store import Store


class SettingsError(KnownError):
    """A setting that cannot be saved; nothing was changed.

    Attributes:
        key: the setting it is about (an ``as_texts`` name), so a form can show the
            message beside that field and the command line can name it.
    """

    def __init__(self, *, en: str, id: str, key: str = ""):
        super().__init__(en=en, id=id)
        self.key = key


RATE = re.compile(r"^\d{1,9}(?:[.,]\d{1,6})?$")


def current(store: Store) -> Settings:
    """The stand's settings as saved now (the window reads them through here)."""
    return store.settings()


def data_path(store: Store) -> Path:
    """The stand's database file: receipts, photos and backups are kept beside it."""
    return store.path


def as_texts(s: Settings) -> dict[str, str]:
    """Every editable setting as the text a form shows."""
    return {
        "stand_name": s.stand_name,
        "event_name": s.event_name,
        "venue": s.venue,
        "event_start": s.event_start,
        "event_end": s.event_end,
        "timezone": s.timezone,
        "till": s.till,
        "main_till": s.main_till,
        "contact": s.contact,
        "receipt_header": s.receipt_header,
        "receipt_footer": s.receipt_footer,
        "receipt_header_en": s.receipt_header_en,
        "receipt_footer_en": s.receipt_footer_en,
        "receipt_lang": s.receipt_lang,
        "receipt_width": str(s.receipt_width),
        "ref_currency": s.ref_currency,
        "ref_rate": s.ref_rate,
        "ui_lang": s.ui_lang,
        "origins": ", ".join(s.origins),
        "discount_threshold": format_percent(s.discount_threshold_bp, "en"),
        "printer": s.printer,
        "printer_target": s.printer_target,
        "backup_dir": s.backup_dir,
        "backup_minutes": str(s.backup_minutes),
        "quote_deposit_percent": s.quote_deposit_percent,
        "bank_details": s.bank_details,
    }


def _date(text: str, label: str, key: str) -> str:
    text = text.strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise SettingsError(
            en=f"{label}: write the date as YYYY-MM-DD, e.g. 2023-03-01",
            id=f"{label}: tulis tanggal sebagai YYYY-MM-DD, mis. 2023-03-01",
            key=key,
        ) from None


def from_texts(current: Settings, texts: dict[str, str]) -> Settings:
    """Validate form texts into new ``Settings``; raise ``SettingsError`` on the first problem."""
    t = {k: (v or "").strip() for k, v in texts.items()}
    if not t["stand_name"]:
        raise SettingsError(
            en="The stand needs a name", id="Nama stan wajib diisi", key="stand_name"
        )
    start = _date(t["event_start"], "First day", "event_start")
    end = _date(t["event_end"], "Last day", "event_end")
    if start and end and end < start:
        raise SettingsError(
            en="The last day is before the first day",
            id="Hari terakhir sebelum hari pertama",
            key="event_end",
        )
    try:
        zone(t["timezone"] or DEFAULT_TIMEZONE)
    except ClockError:
        raise SettingsError(
            en=f"Unknown time zone {t['timezone']!r} (e.g. Asia/Jakarta, Asia/Makassar)",
            id=f"Zona waktu tidak dikenal {t['timezone']!r} (mis. Asia/Jakarta)",
            key="timezone",
        ) from None
    till = t["till"].upper()
    if not re.fullmatch(r"[A-Z0-9]{1,8}", till):
        raise SettingsError(
            en="Till code: 1 to 8 letters or digits, e.g. T1",
            id="Kode kasir: 1-8 huruf atau angka, mis. T1",
            key="till",
        )
    # A form of an older layout (the Settings page) has no main till: keep what is saved.
    main_till = t.get("main_till", current.main_till).upper()
    if not re.fullmatch(r"[A-Z0-9]{1,8}", main_till):
        raise SettingsError(
            en="Main till: the till code of the stand's main till, e.g. T1",
            id="Kasir utama: kode kasir utama stan, mis. T1",
            key="main_till",
        )
    currency = t["ref_currency"].upper()
    rate = t["ref_rate"]
    if bool(currency) != bool(rate):
        raise SettingsError(
            en="Give both the reference currency and its rate, or neither",
            id="Isi mata uang acuan beserta kursnya, atau kosongkan keduanya",
            key="ref_rate" if currency else "ref_currency",
        )
    if currency:
        # The receipt reads them with these parsers: a rate it would refuse (17.250 could be
        # 17250 or 17,25) must not be saved, or the reference line silently goes missing.
        from booth_pos.money import RateError, parse_currency, parse_rate

        try:
            parse_currency(currency)
        except RateError:
            raise SettingsError(
                en=f"Unknown currency code {currency!r}",
                id=f"Kode mata uang tidak dikenal {currency!r}",
                key="ref_currency",
            ) from None
        if not RATE.match(rate):
            raise SettingsError(
                en="The rate is rupiah per unit, e.g. 17250 or 11,5",
                id="Kurs adalah rupiah per satuan, mis. 17250 atau 11,5",
                key="ref_rate",
            )
        try:
            parse_rate(rate)
        except RateError as exc:
            raise SettingsError(en=exc.en, id=exc.id, key="ref_rate") from None
    origins = tuple(o.strip().upper() for o in t["origins"].split(",") if o.strip())
    if not origins or any(not re.fullmatch(r"[A-Z]{2,8}", o) for o in origins):
        raise SettingsError(
            en="Origins: country codes separated by commas, e.g. ID, KR, FR",
            id="Asal pembeli: kode negara dipisah koma, mis. ID, KR, FR",
            key="origins",
        )
    try:
        threshold = parse_percent(t["discount_threshold"] or "0")
    except MoneyError:
        raise SettingsError(
            en="Discount threshold: a percentage such as 20%",
            id="Batas diskon: persentase seperti 20%",
            key="discount_threshold",
        ) from None
    if not re.fullmatch(r"[0-9]{1,4}", t["backup_minutes"]) or not (
        1 <= int(t["backup_minutes"]) <= 1440
    ):
        raise SettingsError(
            en="Backups: every 1 to 1440 minutes",
            id="Cadangan: setiap 1 sampai 1440 menit",
            key="backup_minutes",
        )
    if t["receipt_width"] not in ("58", "80"):
        raise SettingsError(
            en="Paper width is 58 or 80 mm", id="Lebar kertas 58 atau 80 mm", key="receipt_width"
        )
    if t["printer"] not in ("pdf", "system", "escpos"):
        raise SettingsError(
            en="Printer: pdf, system or escpos",
            id="Printer: pdf, system atau escpos",
            key="printer",
        )
    for key in ("ui_lang", "receipt_lang"):
        if t[key] not in ("id", "en"):
            raise SettingsError(en="Language is id or en", id="Bahasa id atau en", key=key)
    return replace(
        current,
        stand_name=t["stand_name"],
        event_name=t["event_name"],
        venue=t["venue"],
        event_start=start,
        event_end=end,
        timezone=t["timezone"] or DEFAULT_TIMEZONE,
        till=till,
        main_till=main_till,
        contact=t["contact"],
        receipt_header=texts["receipt_header"].strip(),
        receipt_footer=texts["receipt_footer"].strip(),
        # A form of an older layout may lack the English lines: keep what is saved.
        receipt_header_en=texts.get("receipt_header_en", current.receipt_header_en).strip(),
        receipt_footer_en=texts.get("receipt_footer_en", current.receipt_footer_en).strip(),
        receipt_lang=t["receipt_lang"],
        receipt_width=int(t["receipt_width"]),
        ref_currency=currency,
        ref_rate=rate.replace(",", "."),
        ui_lang=t["ui_lang"],
        origins=origins,
        discount_threshold_bp=threshold,
        printer=t["printer"],
        printer_target=t["printer_target"],
        backup_dir=t["backup_dir"],
        backup_minutes=int(t["backup_minutes"]),
        quote_deposit_percent=_deposit_percent(t, current),
        bank_details=texts.get("bank_details", current.bank_details).strip(),
    )


def _deposit_percent(t: dict[str, str], current: Settings) -> str:
    """The quotation's deposit percent (issue 17); a form without it keeps what is saved."""
    text = t.get("quote_deposit_percent", current.quote_deposit_percent) or "30"
    try:
        bp = parse_percent(text)
    except MoneyError:
        bp = -1
    if not 0 <= bp <= 10000:
        raise SettingsError(
            en="Deposit: a percent from 0 to 100, e.g. 30",
            id="Uang muka: persen 0 sampai 100, mis. 30",
            key="quote_deposit_percent",
        )
    return text


def save(store: Store, settings: Settings, *, actor: str = "", at: datetime | None = None) -> None:
    """Save ``settings``; what changed goes to the audit log in the same transaction.

    Args:
        store: the open store.
        settings: the new settings (validated by ``from_texts``).
        actor: who changed them (the signed-in person), for the audit log.
        at: when; default the process clock.
    """
    before = asdict(store.settings())
    after = asdict(settings)
    changed = {
        key: [_plain(before.get(key)), _plain(value)]
        for key, value in after.items()
        if before.get(key) != value
    }
    with store.atomic():
        if changed:
            journal.append_audit(
                store, actor, "settings", {"changed": changed}, at or Clock.from_env().now()
            )
        store.save_settings(settings)


def _plain(value):
    """A setting's value as the audit log keeps it (tuples as lists)."""
    return list(value) if isinstance(value, tuple) else value
