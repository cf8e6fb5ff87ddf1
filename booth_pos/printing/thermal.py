"""ESC/POS thermal receipt printers through python-escpos.

The receipt is laid out in the printer's own text columns from the same blocks as the PDF,
with the printer's native Code128 command for the receipt number and a cash-drawer kick on
cash sales. Printers only know Latin code pages and print anything else as ``?`` without a
word, so a block with other text (Korean, accented names outside ASCII) is drawn into a
picture with our fonts and printed as an image.

The whole job is composed in memory first and sent in one write, so a printer that drops off
half way never leaves the till waiting on a half-built receipt.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from escpos.printer import Dummy

from booth_pos.documents import fonts
from booth_pos.documents.receipt import Block, Code, Pair, Rule, Sign, Text, receipt_blocks
from booth_pos.model import Artisan, Method, Sale, Settings
from booth_pos.printing import PrinterError

log = logging.getLogger(__name__)

#: python-escpos capability profiles for the two roll widths (Font A columns, dots per line).
PROFILES = {80: "TM-T20II", 58: "POS-5890"}
DRAWER_PIN = 2
SIGN_LINES = 5  # blank lines above a signature line: room for a hand signature
NETWORK_TIMEOUT = 5  # seconds: a printer that is off must not keep the queue for a minute

# Typography that has a plain ASCII stand-in on every printer.
_ASCII = str.maketrans(
    {
        "·": "-",
        "–": "-",
        "—": "-",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "≈": "~",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def plain(text: str) -> str:
    """``text`` with typographic characters replaced by their ASCII stand-ins."""
    return text.translate(_ASCII)


def native(text: str) -> bool:
    """Whether the printer's built-in font can print ``text`` (plain ASCII after ``plain``)."""
    return plain(text).isascii()


# -- where the printer is -----------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A parsed printer address.

    Attributes:
        kind: ``network``, ``usb``, ``serial`` or ``file``.
        host, port: for a network printer.
        vendor, product: USB ids.
        device: serial port or device file.
        baudrate: for a serial printer.
    """

    kind: str
    host: str = ""
    port: int = 9100
    vendor: int = 0
    product: int = 0
    device: str = ""
    baudrate: int = 9600


_HOST = re.compile(r"(?:tcp://)?([A-Za-z0-9][A-Za-z0-9.-]*)(?::(\d{1,5}))?")


def parse_target(text: str) -> Target:
    """Parse ``Settings.printer_target`` for an ESC/POS printer.

    Forms: ``192.168.1.87`` or ``host:9100`` (network), ``usb:04b8:0202`` (USB vendor and
    product ids in hex), ``serial:/dev/ttyUSB0``, ``serial:COM3@19200`` or ``COM3`` (serial),
    ``/dev/usb/lp0`` or ``file:/dev/usb/lp0`` (device file).

    Raises:
        PrinterError: the text is none of these.
    """
    s = (text or "").strip()
    if not s:
        raise PrinterError(
            en="No address is set for the ESC/POS printer "
            "(e.g. 192.168.1.87:9100 or usb:04b8:0202)",
            id="Alamat printer ESC/POS belum diisi (contoh 192.168.1.87:9100 atau usb:04b8:0202)",
        )
    low = s.lower()
    if low.startswith("usb:"):
        m = re.fullmatch(r"usb:([0-9a-f]{1,4}):([0-9a-f]{1,4})", low)
        if m:
            return Target("usb", vendor=int(m.group(1), 16), product=int(m.group(2), 16))
    elif low.startswith("serial:") or re.fullmatch(r"com\d+(@\d+)?", low):
        dev, _, baud = s.removeprefix("serial:").removeprefix("SERIAL:").partition("@")
        if dev and (not baud or baud.isdigit()):
            return Target("serial", device=dev, baudrate=int(baud) if baud else 9600)
    elif low.startswith("file:"):
        if s[5:]:
            return Target("file", device=s[5:])
    elif s.startswith(("/", "\\\\")):
        return Target("file", device=s)
    else:
        m = _HOST.fullmatch(s)
        if m and (m.group(2) is None or 0 < int(m.group(2)) < 65536):
            return Target("network", host=m.group(1), port=int(m.group(2) or 9100))
    raise PrinterError(
        en=f"Not an ESC/POS printer address: {text!r} "
        "(use host:9100, usb:VID:PID, serial:PORT or a device file)",
        id=f"Bukan alamat printer ESC/POS: {text!r} "
        "(pakai host:9100, usb:VID:PID, serial:PORT atau file perangkat)",
    )


def connect(target: Target):
    """Open a python-escpos connection to ``target`` (fails fast when it is not there)."""
    from escpos import printer as backends

    if target.kind == "network":
        device = backends.Network(target.host, target.port, timeout=NETWORK_TIMEOUT)
    elif target.kind == "usb":
        device = backends.Usb(target.vendor, target.product, timeout=NETWORK_TIMEOUT * 1000)
    elif target.kind == "serial":
        device = backends.Serial(target.device, baudrate=target.baudrate)
    else:
        device = backends.File(target.device)
    device.open()
    return device


# -- composing the job ------------------------------------------------------------------


class _Picture:
    """Draws text that the printer's font lacks into a 1-bit image as wide as the paper."""

    def __init__(self, dots: int, size_px: int = 24):
        from PIL import ImageFont

        fs = fonts.register()
        self.dots = dots
        self.size = size_px
        self._fonts = {name: ImageFont.truetype(str(path), size_px) for name, path in fs.files}

    def measure(self, text: str, font: str) -> float:
        return sum(self._fonts[f].getlength(piece) for piece, f in fonts.runs(text, font))

    def wrap(self, text: str, font: str, width: float) -> list[str]:
        return fonts.wrap_by(text, lambda s: self.measure(s, font), width)

    def draw(self, rows: list[tuple[str, str, str, bool]]):
        """``rows`` of ``(left, right, font, centred)``; returns a PIL image."""
        from PIL import Image, ImageDraw

        line_h = int(self.size * 1.25)
        image = Image.new("1", (self.dots, line_h * len(rows)), 1)
        pen = ImageDraw.Draw(image)
        for i, (left, right, font, centred) in enumerate(rows):
            y = i * line_h
            x = (self.dots - self.measure(left, font)) / 2 if centred else 0.0
            for piece, f in fonts.runs(left, font):
                pen.text((x, y), piece, font=self._fonts[f], fill=0)
                x += self._fonts[f].getlength(piece)
            if right:
                x = self.dots - self.measure(right, font)
                for piece, f in fonts.runs(right, font):
                    pen.text((x, y), piece, font=self._fonts[f], fill=0)
                    x += self._fonts[f].getlength(piece)
        return image


def write_receipt(
    p,
    blocks: list[Block],
    *,
    columns: int,
    dots: int,
    kick_drawer: bool = False,
    cut: bool = True,
) -> None:
    """Write receipt ``blocks`` to the escpos printer (or ``Dummy``) ``p``.

    Args:
        p: a python-escpos printer object.
        blocks: from ``receipt_blocks``.
        columns: characters per line in Font A (48 on 80 mm, 32 on 58 mm).
        dots: printable dots per line (576 on 80 mm, 384 on 58 mm), for pictures of text.
        kick_drawer: open the cash drawer first (cash sales).
        cut: cut the paper at the end.
    """
    pictures: list[_Picture] = []

    def picture() -> _Picture:
        if not pictures:  # loads fonts into Pillow: only when a block needs it
            pictures.append(_Picture(dots))
        return pictures[0]

    def image(rows: list[tuple[str, str, str, bool]]) -> None:
        p.set_with_default()
        p.image(picture().draw(rows), impl="bitImageRaster", center=False)

    def text(block: Text) -> None:
        bold = block.style in ("bold", "title")
        if native(block.text):
            p.set_with_default(
                align="center" if block.align == "center" else "left",
                bold=bold,
                double_height=block.style == "title",
            )
            for line in fonts.wrap_by(plain(block.text), len, columns):
                p.text(line + "\n")
        else:
            font = fonts.BOLD if bold else fonts.REGULAR
            lines = picture().wrap(block.text, font, dots)
            image([(line, "", font, block.align == "center") for line in lines])

    if kick_drawer:
        p.cashdraw(DRAWER_PIN)
    for block in blocks:
        if isinstance(block, Rule):
            p.set_with_default()
            p.text("-" * columns + "\n")
        elif isinstance(block, Text):
            text(block)
        elif isinstance(block, Sign):
            # Blank lines to sign on (about 19 mm at Font A's 30-dot lines), then the line.
            p.set_with_default()
            p.text("\n" * SIGN_LINES)
            p.set_with_default(align="center")
            p.text("_" * (columns - 6) + "\n")
            text(Text(block.caption, "center"))
            if block.name:
                text(Text(block.name, "center", "bold"))
        elif isinstance(block, Pair):
            bold = block.style in ("bold", "total")
            indent = "  " if block.indent else ""
            if native(block.left + block.right):
                p.set_with_default(bold=bold, double_height=block.style == "total")
                for line in _pair_lines(plain(block.left), plain(block.right), columns, indent):
                    p.text(line + "\n")
            else:
                font = fonts.BOLD if bold else fonts.REGULAR
                room = dots - picture().measure(block.right, font) - 12
                lines = picture().wrap(indent + block.left, font, room)
                image(
                    [(ln, block.right if i == 0 else "", font, False) for i, ln in enumerate(lines)]
                )
        elif isinstance(block, Code):
            p.set_with_default(align="center")
            p.text("\n")
            native_code128(p, block.value, width=2 if columns < 40 else 3)
            p.text("\n")
    p.set_with_default()
    if cut:
        p.cut()


def native_code128(p, value: str, *, width: int = 2, height: int = 80) -> None:
    """Print ``value`` with the printer's own Code128 command (code set B, no HRI text).

    python-escpos's profile for cheap 58 mm printers claims no barcode support and would send
    a picture instead; those printers do understand ``GS k``, so it is sent directly then.
    """
    if not value.isascii() or not 0 < len(value) < 250:
        raise PrinterError(
            en=f"Cannot print {value!r} as Code128", id=f"{value!r} tidak bisa Code128"
        )
    data = ("{B" + value).encode("ascii")
    if p.profile.supports("barcodeB"):
        # python-escpos announces its renderer on stdout; keep the command line's JSON clean.
        with contextlib.redirect_stdout(io.StringIO()):
            p.barcode(
                data.decode(), "CODE128", height=height, width=width, pos="OFF", function_type="B"
            )
        return
    p._raw(
        b"\x1ba\x01"  # centre
        + b"\x1dh"
        + bytes([height])
        + b"\x1dw"
        + bytes([width])
        + b"\x1dH\x00"  # no human-readable text: the receipt number follows as text
        + b"\x1dkI"
        + bytes([len(data)])
        + data
    )


def _pair_lines(left: str, right: str, columns: int, indent: str) -> list[str]:
    """A label and an amount in ``columns`` characters: the amount ends the label's last line,
    or gets a line of its own when it does not fit there (as on the PDF receipt)."""
    lines = [indent + ln for ln in fonts.wrap_by(left, len, columns - len(indent))]
    if not right:
        return lines
    if len(lines[-1]) + 1 + len(right) > columns:
        return lines + [right.rjust(columns)]
    return lines[:-1] + [lines[-1].ljust(columns - len(right)) + right]


def is_cash_sale(sale: Sale) -> bool:
    """Whether any cash changed hands (the drawer must open)."""
    return any(Method(p.method) is Method.CASH for p in sale.payments)


class EscPosPrinter:
    """A thermal receipt printer speaking ESC/POS.

    Attributes:
        target: the address as configured (see ``parse_target``).
        width_mm: 80 or 58.
        description: for the settings page.
    """

    def __init__(self, target: str, *, width_mm: int = 80, connector=None):
        """Args:
        target: printer address (``host:9100``, ``usb:VID:PID``, ``serial:PORT``, a device).
        width_mm: paper width, 80 or 58.
        connector: ``callable(Target) -> escpos printer``; tests pass one returning a Dummy.
        """
        self.target = target
        self.width_mm = 58 if width_mm == 58 else 80
        self.description = f"ESC/POS: {target}"
        self._connect = connector or connect

    def compose(
        self,
        sale: Sale,
        settings: Settings,
        *,
        lang: str | None = None,
        artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
        reprint: bool = False,
        test: bool = False,
    ) -> bytes:
        """The bytes of the whole receipt job, drawer kick included for a new cash sale."""
        job = Dummy(profile=PROFILES[self.width_mm])
        media = job.profile.profile_data["media"]["width"]["pixels"]
        columns = int(job.profile.profile_data["fonts"]["0"]["columns"])
        blocks = receipt_blocks(
            sale,
            settings,
            lang=lang or sale.lang or settings.receipt_lang or "id",
            artisans=artisans,
            reprint=reprint,
            test=test,
        )
        kick = is_cash_sale(sale) and not (reprint or test)
        write_receipt(job, blocks, columns=columns, dots=int(media), kick_drawer=kick)
        return job.output

    def print_receipt(
        self,
        sale: Sale,
        settings: Settings,
        *,
        lang: str | None = None,
        artisans: Mapping[str, Artisan] | Iterable[Artisan] | None = None,
        reprint: bool = False,
        test: bool = False,
    ) -> str:
        data = self.compose(
            sale, settings, lang=lang, artisans=artisans, reprint=reprint, test=test
        )
        return self.send(data)

    def compose_blocks(self, blocks: list[Block], *, kick_drawer: bool = False) -> bytes:
        """The bytes of any receipt-like document (a refund receipt) as one job."""
        job = Dummy(profile=PROFILES[self.width_mm])
        media = job.profile.profile_data["media"]["width"]["pixels"]
        columns = int(job.profile.profile_data["fonts"]["0"]["columns"])
        write_receipt(job, blocks, columns=columns, dots=int(media), kick_drawer=kick_drawer)
        return job.output

    def print_blocks(
        self, blocks: list[Block], *, name: str, width_mm: int = 80, kick_drawer: bool = False
    ) -> str:
        """Print a refund receipt (or any blocks); ``width_mm`` is this printer's own."""
        return self.send(self.compose_blocks(blocks, kick_drawer=kick_drawer))

    def send(self, data: bytes) -> str:
        """Send a composed job in one write; every failure becomes a ``PrinterError``."""
        target = parse_target(self.target)
        device = None
        try:
            device = self._connect(target)
            device._raw(data)
        except PrinterError:
            raise
        except Exception as exc:  # noqa: BLE001 - sockets, USB, serial and escpos all differ
            log.info("ESC/POS printer %s failed: %r", self.target, exc)
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise PrinterError(
                en=f"The receipt printer {self.target} is not answering ({reason}). Check that it "
                "is on, connected and has paper. The sale is saved; reprint it from Sales history.",
                id=f"Printer struk {self.target} tidak merespons ({reason}). "
                "Periksa daya, kabel dan kertasnya. "
                "Penjualan sudah tersimpan; cetak ulang dari Riwayat penjualan.",
            ) from exc
        finally:
            if device is not None:
                with contextlib.suppress(Exception):
                    device.close()
        return self.description
