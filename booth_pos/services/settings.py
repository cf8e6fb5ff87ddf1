"""Reading and validating the stand's settings as people type them."""

from __future__ import annotations

import re
from dataclasses import asdict, replace
from datetime import date, datetime
from pathlib import Path

from booth_pos.clock import DEFAULT_TIMEZONE, Clock, ClockError, local, zone
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
        "rates": shown_rates(s),
        "rates_date": s.rates_date,
        "ui_lang": s.ui_lang,
        "origins": ", ".join(s.origins),
        "discount_threshold": format_percent(s.discount_threshold_bp, "en"),
        "printer": s.printer,
        "printer_target": s.printer_target,
        "backup_dir": s.backup_dir,
        "backup_minutes": str(s.backup_minutes),
        "sync_url": s.sync_url,
        "sync_code": s.sync_code,
        "sync_minutes": str(s.sync_minutes),
        "central_dsn": s.central_dsn,
        "qris_payload": s.qris_payload,
        "customer_display": s.customer_display,
        "logo": s.logo,
        "quote_deposit_percent": s.quote_deposit_percent,
        "bank_details": s.bank_details,
    }


def shown_rates(s: Settings) -> str:
    """The rates as the Settings page and ``settings show`` write them: ``rates``, or for a
    file an older version wrote, its single reference currency in the same notation."""
    if s.rates.strip() or not (s.ref_currency.strip() and s.ref_rate.strip()):
        return s.rates
    return f"{s.ref_currency.strip().upper()}={s.ref_rate.strip()}"


def rates_of_day(s: Settings, lang: str = "id") -> tuple[str, str]:
    """The rates as the Day page shows them, ``EUR 17.250 · KRW 11,85``, and their date;
    ``("", "")`` when there are none (or they cannot be read)."""
    from booth_pos.model.customers import stand_rates
    from booth_pos.money import RateError, format_rate

    try:
        rates = stand_rates(s)
    except RateError:
        return "", ""
    shown = " · ".join(f"{code} {format_rate(rate, lang)}" for code, rate in rates.items())
    return shown, s.rates_date if shown else ""


def main_rate(s: Settings) -> tuple[str, str]:
    """The stand's main reference (the first of ``rates``) as ``(code, rate)`` texts, for a
    form to start from (the buyer's catalogue); ``("", "")`` when there is none."""
    from booth_pos.model.customers import stand_rates
    from booth_pos.money import RateError, rate_text

    try:
        rates = stand_rates(s)
    except RateError:
        return "", ""
    for code, rate in rates.items():
        return code, rate_text(rate)
    return "", ""


def _rates(current: Settings, t: dict[str, str]) -> tuple[str, str]:
    """``rates`` and ``rates_date`` from the form: the rates parsed strictly and written back
    the one way (``EUR=17250; KRW=11.85``); a change of rates without a date is dated today
    (the coordinator enters them in the morning: the Day page shows which day's they are)."""
    from booth_pos.money import RateError, exchange_rates_text, parse_exchange_rates

    if "rates" not in t:
        return current.rates, current.rates_date
    try:
        rates = exchange_rates_text(parse_exchange_rates(t["rates"]))
    except RateError as exc:
        raise SettingsError(en=exc.en, id=exc.id, key="rates") from None
    day = _date(t.get("rates_date", ""), "Rates date", "rates_date")
    if not rates:
        return "", ""
    if not day:
        day = current.rates_date if rates == current.rates else ""
    if not day or (rates != current.rates and day == current.rates_date):
        day = local(Clock.from_env().now(), current.timezone or DEFAULT_TIMEZONE).date()
        day = day.isoformat()
    return rates, day


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
    # A form of an older layout (ref_currency and ref_rate, no rates) still saves.
    rates, rates_date = _rates(current, t)
    currency = t.get("ref_currency", "").upper()
    rate = t.get("ref_rate", "")
    if rates:  # the main rate of ``rates``, mirrored for readers of the old pair
        currency, _, rate = rates.split(";")[0].strip().partition("=")
    if bool(currency) != bool(rate):
        raise SettingsError(
            en="Give both the reference currency and its rate, or neither",
            id="Isi mata uang acuan beserta kursnya, atau kosongkan keduanya",
            key="ref_rate" if currency else "ref_currency",
        )
    if currency and not rates:
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
    sync_url, sync_code, sync_minutes = _sync_texts(current, t)
    qris_payload, customer_display = _customer_side(current, t)
    return replace(
        current,
        sync_url=sync_url,
        sync_code=sync_code,
        sync_minutes=sync_minutes,
        central_dsn=_central_dsn(current, t),
        qris_payload=qris_payload,
        customer_display=customer_display,
        logo=_logo(current, t),
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
        rates=rates,
        rates_date=rates_date,
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


def _sync_texts(current: Settings, t: dict[str, str]) -> tuple[str, str, int]:
    """``sync_url``, ``sync_code``, ``sync_minutes`` checked (a form without them keeps
    what is saved)."""
    from booth_pos.services import lan

    url = t.get("sync_url", current.sync_url)
    if url:
        try:
            url = lan.normal_url(url)
        except KnownError as exc:
            raise SettingsError(en=exc.en, id=exc.id, key="sync_url") from None
    code = t.get("sync_code", current.sync_code)
    if code:
        try:
            code = lan.normal_code(code)
        except KnownError as exc:
            raise SettingsError(en=exc.en, id=exc.id, key="sync_code") from None
    minutes = t.get("sync_minutes", str(current.sync_minutes))
    if not re.fullmatch(r"[0-9]{1,4}", minutes) or not 1 <= int(minutes) <= 1440:
        raise SettingsError(
            en="Push to the main till: every 1 to 1440 minutes",
            id="Kirim ke kasir utama: setiap 1 sampai 1440 menit",
            key="sync_minutes",
        )
    return url, code, int(minutes)


#: Settings the audit log records as changed without their values (the pairing code: the
#: audit log travels in every bundle, on USB sticks too).
SECRET_KEYS = frozenset({"sync_code", "central_dsn"})


def _central_dsn(current: Settings, t: dict[str, str]) -> str:
    """``central_dsn``: empty, or one line starting ``postgresql://`` (or ``postgres://``)."""
    dsn = t.get("central_dsn", current.central_dsn).strip()
    if dsn and (
        not re.fullmatch(r"postgres(ql)?://\S{1,1000}", dsn) or any(ord(c) < 32 for c in dsn)
    ):
        raise SettingsError(
            en="Central database: a PostgreSQL address such as "
            "postgresql://stand@office.example/council",
            id="Database pusat: alamat PostgreSQL seperti "
            "postgresql://stand@office.example/council",
            key="central_dsn",
        )
    return dsn


def _logo(current: Settings, t: dict[str, str]) -> str:
    """``logo``: empty, or a photo the display can draw (checked as catalogue photos are)."""
    from booth_pos.documents.photos import PhotoError, check_photo

    path = t.get("logo", current.logo).strip()
    if path:
        try:
            check_photo(path)
        except PhotoError as exc:
            raise SettingsError(en=exc.en, id=exc.id, key="logo") from None
    return path


def _customer_side(current: Settings, t: dict[str, str]) -> tuple[str, str]:
    """The static QRIS and the customer display switch; a form without them keeps what is
    saved. A QRIS payload is checked as the tender will use it: a bad one is refused here,
    not at the counter with a customer waiting."""
    from booth_pos.model import qris

    payload = t.get("qris_payload", current.qris_payload)
    if payload:
        try:
            payload = qris.validate_static(payload)
        except qris.QrisError as exc:
            raise SettingsError(en=exc.en, id=exc.id, key="qris_payload") from None
    display = t.get("customer_display", current.customer_display).lower()
    if display not in ("on", "off"):
        raise SettingsError(
            en="Customer display: on or off",
            id="Layar pelanggan: on atau off",
            key="customer_display",
        )
    return payload, display


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
    from booth_pos.services.tills import till_change_refusal

    refusal = till_change_refusal(store, settings.till)
    if refusal is not None:  # the old chain would travel under the new code
        raise refusal
    before = asdict(store.settings())
    after = asdict(settings)
    changed = {
        key: ["…", "…"] if key in SECRET_KEYS else [_plain(before.get(key)), _plain(value)]
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
