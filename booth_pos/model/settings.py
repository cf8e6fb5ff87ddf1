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
    #: The till code of the stand's main till: it owns the catalogue and settles with the
    #: artisans; the other tills take the catalogue from its bundles (``booth-pos sync``).
    main_till: str = "T1"
    #: Lines above and below a receipt, per receipt language: ``receipt_header`` and
    #: ``receipt_footer`` are the Indonesian ones (what a stand saved before receipts had an
    #: English footer), ``*_en`` the English ones.
    receipt_header: str = ""
    receipt_footer: str = "Terima kasih / Thank you"
    receipt_header_en: str = ""  # empty: the Indonesian header (usually the stand's own name)
    receipt_footer_en: str = "Thank you"
    contact: str = ""
    ui_lang: str = "id"
    receipt_lang: str = "id"
    receipt_width: int = 80
    origins: tuple[str, ...] = DEFAULT_ORIGINS
    #: Before ``rates``: one reference currency for the whole stand. Migration 11 moves them
    #: into ``rates``; read only where ``rates`` is empty (a file written by an older till).
    ref_currency: str = ""
    ref_rate: str = ""  # rupiah per unit of ref_currency, as text ("17250")
    #: The rates of the day, ``EUR=17250; USD=15300; KRW=11.85`` (rupiah per unit; the first
    #: is the stand's main reference), and the day they were entered (YYYY-MM-DD).
    rates: str = ""
    rates_date: str = ""
    printer: str = "pdf"  # pdf | system | escpos
    printer_target: str = ""  # folder, printer name, or escpos address
    discount_threshold_bp: int = 2000
    backup_dir: str = ""
    backup_minutes: int = 30
    #: Over the stand's network (``booth-pos sync serve`` / ``sync push``): the main till's
    #: address as the other tills push to it (``http://192.168.43.10:8765``), the pairing
    #: code (on the main till: the one it hands out; elsewhere: the one it was given) and
    #: how often the window pushes (minutes; only a non-main till with a URL and a code).
    sync_url: str = ""
    sync_code: str = ""
    sync_minutes: int = 5
    #: The council's central PostgreSQL (``booth-pos central push``), as a DSN
    #: (``postgresql://stand:secret@office.example/council``); when set, the window pushes
    #: there in the background every ``sync_minutes``. Holds a password: never audited.
    central_dsn: str = ""
    #: The stand's own static QRIS (the text inside its printed sticker), checked by
    #: ``model.qris.validate_static``; each QRIS tender shows it with the amount filled in.
    qris_payload: str = ""
    #: Whether the customer display was open when the till last ran ("on"/"off").
    customer_display: str = "off"
    #: The stand's logo (a JPEG, PNG or WebP file), shown on the customer display.
    logo: str = ""
    #: Bulk buyers (issue 17): the deposit a quotation asks, and the bank details it prints.
    quote_deposit_percent: str = "30"
    bank_details: str = ""

    def receipt_header_for(self, lang: str) -> str:
        """The header lines of a receipt in ``lang``; English (Korean, French) falls back to
        the Indonesian header, which is usually a name (an organisation, a council) rather
        than a sentence."""
        if lang != "id" and self.receipt_header_en.strip():
            return self.receipt_header_en
        return self.receipt_header

    def receipt_footer_for(self, lang: str) -> str:
        """The footer lines of a receipt in ``lang`` (a tourist's receipt never gets the
        Indonesian "Terima kasih! Pesanan grosir…")."""
        return self.receipt_footer if lang == "id" else self.receipt_footer_en
