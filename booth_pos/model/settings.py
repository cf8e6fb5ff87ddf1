"""The stand's settings, as stored and edited on the Settings page."""

from __future__ import annotations

from dataclasses import dataclass

from booth_pos.clock import DEFAULT_TIMEZONE

DEFAULT_ORIGINS = ("ID", "KR", "FR", "IN", "OTHER")


@dataclass
class Settings:
    """The stand's settings; every field has a sensible default for a fresh install."""

    stand_name: str = "Booth POS"
    event_name: str = ""
    venue: str = ""
    event_start: str = ""  # YYYY-MM-DD
    event_end: str = ""
    timezone: str = DEFAULT_TIMEZONE
    till: str = "T1"
    receipt_header: str = ""
    receipt_footer: str = "Terima kasih / Thank you"
    contact: str = ""
    ui_lang: str = "id"
    receipt_lang: str = "id"
    receipt_width: int = 80
    origins: tuple[str, ...] = DEFAULT_ORIGINS
    ref_currency: str = ""
    ref_rate: str = ""  # rupiah per unit of ref_currency, as text ("17250")
    printer: str = "pdf"  # pdf | system | escpos
    printer_target: str = ""  # folder, printer name, or escpos address
    discount_threshold_bp: int = 2000
    backup_dir: str = ""
    backup_minutes: int = 30
