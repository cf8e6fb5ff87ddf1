"""A real-looking static QRIS for tests, built here field by field with an independent CRC.

The CRC is ``binascii.crc_hqx`` (CRC-CCITT, poly 0x1021, not reflected) started at 0xFFFF,
which is CRC-16/CCITT-FALSE: not the program's own ``crc16``, so a bug there cannot hide.
"""

from __future__ import annotations

import binascii


def tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def with_crc(body: str) -> str:
    """``body`` + ``6304`` + its CRC-16/CCITT-FALSE (four upper-case hex digits)."""
    body += "6304"
    return body + f"{binascii.crc_hqx(body.encode(), 0xFFFF):04X}"


def split_tlv(text: str) -> list[tuple[str, str]]:
    """An independent TLV reader: (tag, value) pairs; asserts the lengths add up."""
    out, pos = [], 0
    while pos < len(text):
        tag, length = text[pos : pos + 2], int(text[pos + 2 : pos + 4])
        value = text[pos + 4 : pos + 4 + length]
        assert len(value) == length, (tag, length, value)
        out.append((tag, value))
        pos += 4 + length
    return out


MERCHANT_26 = (
    tlv("00", "ID.CO.BANKBPD.WWW")
    + tlv("01", "936001230000123456")
    + tlv("02", "000123456789")
    + tlv("03", "UMI")
)
MERCHANT_51 = tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1023123456789") + tlv("03", "UMI")
ADDITIONAL_62 = tlv("07", "T1")

FIELDS = [
    ("00", "01"),
    ("01", "11"),
    ("26", MERCHANT_26),
    ("51", MERCHANT_51),
    ("52", "5945"),
    ("53", "360"),
    ("58", "ID"),
    ("59", "DEKRANASDA JATENG"),
    ("60", "SEMARANG"),
    ("61", "50241"),
    ("62", ADDITIONAL_62),
]


def static_payload(fields=None) -> str:
    """The sample stand's static QRIS (or one made of ``fields``), with a correct CRC."""
    return with_crc("".join(tlv(t, v) for t, v in (fields or FIELDS)))


STATIC = static_payload()
