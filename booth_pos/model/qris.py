"""QRIS payloads (EMVCo Merchant-Presented Mode): read the stand's static QRIS, fill in an amount.

A QRIS payload is a string of tag-length-value fields: a two-digit tag, a two-digit length
and that many characters of value. The merchant account templates (tags 26 to 51) and the
additional data template (62) hold their own fields in the same format. The last field is
the CRC (tag 63, length 04): CRC-16/CCITT-FALSE over everything before its value, the
``6304`` included, written as four upper-case hex digits.

What the stand pastes into Settings is its static QRIS (the sticker's text: tag 01 = ``11``).
For a tender the app writes that payload again with tag 01 = ``12`` and tag 54 = the amount,
placed in tag order, and a new CRC: every other field is kept as it was. This is the stand's
own static QRIS with an amount filled in, not a dynamic QRIS issued by an acquirer.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from booth_pos.errors import KnownError

#: Templates whose value is itself TLV: merchant account information and additional data.
TEMPLATE_TAGS = frozenset({*(f"{n:02d}" for n in range(26, 52)), "62"})

STATIC = "11"
DYNAMIC = "12"
TAG_FORMAT = "00"
TAG_METHOD = "01"
TAG_AMOUNT = "54"
TAG_COUNTRY = "58"
TAG_NAME = "59"
TAG_CITY = "60"
TAG_CRC = "63"

#: EMVCo caps a merchant-presented payload at 512 characters.
MAX_PAYLOAD = 512

#: A rupiah amount QRIS can carry: tag 54 holds at most 13 characters.
MAX_AMOUNT = 10**13 - 1


class QrisError(KnownError):
    """A QRIS payload that cannot be used, saying what is wrong with it (both languages)."""


@dataclass(frozen=True)
class Field:
    """One TLV field: its two-digit ``tag`` and its ``value`` (the length is ``len(value)``)."""

    tag: str
    value: str

    def encode(self) -> str:
        return f"{self.tag}{len(self.value):02d}{self.value}"


def crc16(text: str) -> str:
    """CRC-16/CCITT-FALSE of ``text`` (UTF-8): poly 0x1021, init 0xFFFF, no reflection, no
    final XOR; four upper-case hex digits (``crc16("123456789") == "29B1"``)."""
    crc = 0xFFFF
    for byte in text.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return f"{crc:04X}"


def parse_tlv(text: str, *, where: str = "") -> list[Field]:
    """Split ``text`` into its TLV fields, in order; raise ``QrisError`` naming the first field
    whose tag or length is malformed or whose value runs past the end.

    Args:
        text: the TLV string (a whole payload or a template's value).
        where: the template it is inside (``"26"``), for the message.
    """
    fields: list[Field] = []
    pos = 0
    inside_en = f" inside tag {where}" if where else ""
    inside_id = f" di dalam tag {where}" if where else ""
    while pos < len(text):
        head = text[pos : pos + 4]
        if len(head) < 4 or not head.isdigit() or not head.isascii():
            raise QrisError(
                en=f"QRIS: broken field at character {pos + 1}{inside_en} "
                f"(expected a 2-digit tag and a 2-digit length, got {head!r})",
                id=f"QRIS: field rusak pada karakter {pos + 1}{inside_id} "
                f"(seharusnya tag 2 digit dan panjang 2 digit, tertulis {head!r})",
            )
        tag, length = head[:2], int(head[2:])
        value = text[pos + 4 : pos + 4 + length]
        if len(value) < length:
            raise QrisError(
                en=f"QRIS: tag {tag}{inside_en} says {length} characters but only "
                f"{len(value)} follow (a wrong length or a cut-off payload)",
                id=f"QRIS: tag {tag}{inside_id} menyebut {length} karakter tetapi hanya "
                f"ada {len(value)} (panjang salah atau payload terpotong)",
            )
        fields.append(Field(tag, value))
        pos += 4 + length
    return fields


def encode(fields: list[Field]) -> str:
    """The TLV string of ``fields``, in the order given."""
    return "".join(f.encode() for f in fields)


def _one(fields: list[Field], tag: str) -> Field | None:
    found = [f for f in fields if f.tag == tag]
    if len(found) > 1:
        raise QrisError(
            en=f"QRIS: tag {tag} appears {len(found)} times",
            id=f"QRIS: tag {tag} muncul {len(found)} kali",
        )
    return found[0] if found else None


def _missing(tag: str, what_en: str, what_id: str) -> QrisError:
    return QrisError(
        en=f"QRIS: tag {tag} ({what_en}) is missing",
        id=f"QRIS: tag {tag} ({what_id}) tidak ada",
    )


def parse(payload: str) -> list[Field]:
    """Check a whole QRIS payload's structure and CRC; return its fields (CRC included).

    Checks: TLV well formed (the templates 26-51 and 62 too), tag 00 = ``01`` first, the
    CRC field last as ``6304`` + the right CRC, tag 58 = ``ID``, merchant name (59) and city
    (60) present, and the point of initiation (01) ``11`` or ``12``. Raises ``QrisError``
    naming the first problem.
    """
    text = payload.strip()
    if not text:
        raise QrisError(en="QRIS: the payload is empty", id="QRIS: payload kosong")
    if len(text) > MAX_PAYLOAD:
        raise QrisError(
            en=f"QRIS: {len(text)} characters is longer than any QRIS ({MAX_PAYLOAD} at most)",
            id=f"QRIS: {len(text)} karakter lebih panjang dari QRIS mana pun (maks. {MAX_PAYLOAD})",
        )
    if not text.isprintable():
        raise QrisError(
            en="QRIS: the payload has characters a QRIS never holds (paste the QR text only)",
            id="QRIS: payload berisi karakter yang bukan QRIS (tempel teks QR saja)",
        )
    fields = parse_tlv(text)
    for f in fields:
        if f.tag in TEMPLATE_TAGS:
            parse_tlv(f.value, where=f.tag)
    if fields[0].tag != TAG_FORMAT or fields[0].value != "01":
        raise QrisError(
            en="QRIS: it must start with tag 00 = 01 (payload format indicator)",
            id="QRIS: harus diawali tag 00 = 01 (penanda format payload)",
        )
    last = fields[-1]
    if last.tag != TAG_CRC:
        raise _missing(TAG_CRC, "CRC, the last field", "CRC, field terakhir")
    _one(fields, TAG_CRC)
    if len(last.value) != 4:
        raise QrisError(
            en=f"QRIS: the CRC (tag 63) must be 4 characters, not {len(last.value)}",
            id=f"QRIS: CRC (tag 63) harus 4 karakter, bukan {len(last.value)}",
        )
    expected = crc16(text[:-4])
    if last.value.upper() != expected:
        raise QrisError(
            en=f"QRIS: wrong CRC {last.value} (the payload computes {expected}): "
            "a character was changed or lost",
            id=f"QRIS: CRC salah {last.value} (hasil hitung {expected}): "
            "ada karakter yang berubah atau hilang",
        )
    method = _one(fields, TAG_METHOD)
    if method is None:
        raise _missing(TAG_METHOD, "point of initiation", "metode inisiasi")
    if method.value not in (STATIC, DYNAMIC):
        raise QrisError(
            en=f"QRIS: tag 01 must be 11 (static) or 12 (with amount), not {method.value!r}",
            id=f"QRIS: tag 01 harus 11 (statis) atau 12 (dengan nominal), bukan {method.value!r}",
        )
    if not any(f.tag in TEMPLATE_TAGS - {"62"} for f in fields):
        raise _missing("26-51", "merchant account", "akun merchant")
    country = _one(fields, TAG_COUNTRY)
    if country is None:
        raise _missing(TAG_COUNTRY, "country code", "kode negara")
    if country.value != "ID":
        raise QrisError(
            en=f"QRIS: tag 58 (country) must be ID, not {country.value!r}",
            id=f"QRIS: tag 58 (negara) harus ID, bukan {country.value!r}",
        )
    for tag, en, id_ in ((TAG_NAME, "merchant name", "nama merchant"), (TAG_CITY, "city", "kota")):
        field = _one(fields, tag)
        if field is None or not field.value.strip():
            raise _missing(tag, en, id_)
    return fields


def validate_static(payload: str) -> str:
    """The stand's static QRIS, checked (see ``parse``) and returned stripped.

    A payload with an amount already in it (tag 01 = ``12``, or a tag 54) is refused: it is
    one customer's payment, not the stand's sticker.
    """
    fields = parse(payload)
    method = _one(fields, TAG_METHOD)
    if method is not None and method.value != STATIC:
        raise QrisError(
            en="QRIS: this is a dynamic QRIS (tag 01 = 12, made for one payment); "
            "paste the stand's static QRIS (tag 01 = 11), the text of its printed sticker",
            id="QRIS: ini QRIS dinamis (tag 01 = 12, untuk satu pembayaran); tempel QRIS "
            "statis stan (tag 01 = 11), teks dari stiker cetaknya",
        )
    if _one(fields, TAG_AMOUNT) is not None:
        raise QrisError(
            en="QRIS: a static QRIS carries no amount (tag 54)",
            id="QRIS: QRIS statis tidak memuat nominal (tag 54)",
        )
    return payload.strip()


def with_amount(static_payload: str, amount: int) -> str:
    """The stand's static QRIS with ``amount`` filled in: tag 01 = ``12``, tag 54 = the whole
    rupiah amount (no decimals) placed in tag order, a new CRC; every other field unchanged.

    Args:
        static_payload: the stand's static QRIS (validated here again).
        amount: whole rupiah, at least 1.
    """
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError("amount is whole rupiah (int)")
    if not 1 <= amount <= MAX_AMOUNT:
        raise QrisError(
            en=f"QRIS: the amount must be 1 to {MAX_AMOUNT} rupiah",
            id=f"QRIS: nominal harus 1 sampai {MAX_AMOUNT} rupiah",
        )
    fields = parse(validate_static(static_payload))[:-1]  # without the CRC
    out: list[Field] = []
    placed = False
    for f in fields:
        if not placed and f.tag > TAG_AMOUNT:
            out.append(Field(TAG_AMOUNT, str(amount)))
            placed = True
        out.append(Field(TAG_METHOD, DYNAMIC) if f.tag == TAG_METHOD else f)
    if not placed:
        out.append(Field(TAG_AMOUNT, str(amount)))
    body = encode(out) + TAG_CRC + "04"
    return body + crc16(body)


def amount_of(payload: str) -> int | None:
    """The amount (tag 54) a payload carries, in whole rupiah, or None."""
    field = _one(parse(payload), TAG_AMOUNT)
    if field is None:
        return None
    whole, _, cents = field.value.partition(".")
    if not whole.isdigit() or (cents and set(cents) != {"0"}):
        raise QrisError(
            en=f"QRIS: amount {field.value!r} is not whole rupiah",
            id=f"QRIS: nominal {field.value!r} bukan rupiah bulat",
        )
    return int(whole)


def merchant_name(payload: str) -> str:
    """The merchant name (tag 59) of a payload."""
    field = _one(parse(payload), TAG_NAME)
    return field.value if field else ""
