"""Encrypted backups: a file that is safe to carry on a USB stick or send away.

A backup holds every sale and every PIN hash; a 4-digit PIN falls to an offline search in
a minute whatever the hash, so a backup that leaves the laptop is encrypted with a
passphrase (``booth-pos backup --encrypt``). The format, version 1::

    BOOTHPOS-ENC1\\n                      magic (14 bytes)
    {"chunk":1048576,"cipher":"AES-256-GCM","kdf":"scrypt","n":32768,"r":8,"p":1,
     "salt":"<32 hex>","nonce":"<14 hex>","check":"<64 hex>"}\\n     header (one JSON line)
    chunk 0, chunk 1, ... chunk k         each: AES-256-GCM of 1 MiB of the database + tag

The key comes from scrypt over the passphrase and the header's random salt. Chunk ``i`` is
sealed with nonce ``prefix(7) | i (4 bytes) | last (1 byte)`` and the whole header as
associated data (the STREAM construction): a chunk moved, dropped, edited or cut off, or a
header changed, fails authentication and nothing is written. The last chunk is marked, so
a file cut at a chunk boundary is caught too. ``check`` (an HMAC of a fixed text under the
key) tells a wrong passphrase from a damaged file. Streamed chunk by chunk: a 1 GB event
file never sits in memory.

Everything here is ``cryptography``'s (scrypt, AES-GCM, HMAC); nothing is home-made
cryptography but the framing.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Callable
from pathlib import Path

from booth_pos.files import create_private, make_private
from booth_pos.model import KnownError

MAGIC = b"BOOTHPOS-ENC1\n"
#: How a file name says it is encrypted: ``booth-20230301-210500-manual.sqlite.enc``.
SUFFIX = ".enc"
#: The shortest passphrase accepted.
MIN_PASSPHRASE = 8
#: scrypt's cost: about 0.1 s and 32 MB on a stand laptop, per guess for an attacker too.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
CHUNK = 1024 * 1024
_TAG = 16
_CHECK_TEXT = b"BOOTHPOS-ENC1 passphrase check"
#: The largest header a reader accepts (a real one is about 250 bytes).
_MAX_HEADER = 4096
#: The most memory a header may ask scrypt for.
_MAX_SCRYPT_MEMORY = 128 * 1024 * 1024


class EncryptionError(KnownError):
    """An encrypted backup that cannot be made or opened; nothing was changed."""


class PassphraseNeeded(EncryptionError):
    """The file is encrypted and no passphrase was given (the caller asks for one)."""


class WrongPassphrase(EncryptionError):
    """The passphrase does not open this file."""


def is_encrypted(path: str | os.PathLike) -> bool:
    """Whether ``path`` starts like an encrypted Booth POS backup (False if unreadable)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_passphrase(passphrase: str) -> str:
    """Refuse an empty or short passphrase (fewer than ``MIN_PASSPHRASE`` characters)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise EncryptionError(
            en=f"The passphrase must have at least {MIN_PASSPHRASE} characters "
            "(a few words are easier to remember than a code)",
            id=f"Frasa sandi minimal {MIN_PASSPHRASE} karakter "
            "(beberapa kata lebih mudah diingat daripada kode)",
        )
    return passphrase


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _check_value(key: bytes) -> str:
    return hmac.new(key, _CHECK_TEXT, "sha256").hexdigest()


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def encrypt_file(
    src: str | os.PathLike,
    dest: str | os.PathLike,
    passphrase: str,
    *,
    n: int = SCRYPT_N,
) -> None:
    """Write ``src`` encrypted with ``passphrase`` to ``dest`` (created 0600, replaced).

    Args:
        src: the plain file (a fresh backup).
        dest: where the encrypted file goes.
        passphrase: at least ``MIN_PASSPHRASE`` characters.
        n: scrypt's cost (tests may lower it; the header records it).

    Raises:
        EncryptionError: the passphrase is too short.
        OSError: ``src`` cannot be read or ``dest`` written.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt, prefix = os.urandom(16), os.urandom(7)
    key = _key(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
    header = MAGIC + (
        json.dumps(
            {
                "cipher": "AES-256-GCM",
                "chunk": CHUNK,
                "kdf": "scrypt",
                "n": n,
                "r": SCRYPT_R,
                "p": SCRYPT_P,
                "salt": salt.hex(),
                "nonce": prefix.hex(),
                "check": _check_value(key),
            },
            sort_keys=True,
            separators=(",", ":"),
        ).encode("ascii")
        + b"\n"
    )
    aead = AESGCM(key)
    dest = Path(dest)
    dest.unlink(missing_ok=True)
    create_private(dest)
    with open(src, "rb") as plain, open(dest, "r+b") as out:
        out.write(header)
        index, block = 0, plain.read(CHUNK)
        while True:
            following = plain.read(CHUNK) if len(block) == CHUNK else b""
            last = not following
            out.write(aead.encrypt(_nonce(prefix, index, last), block, header))
            if last:
                break
            index, block = index + 1, following
        out.flush()
        os.fsync(out.fileno())


def _read_header(f) -> tuple[bytes, dict]:
    magic = f.read(len(MAGIC))
    if magic != MAGIC:
        raise _damaged(
            f.name,
            "it is not an encrypted Booth POS backup",
            "bukan cadangan Booth POS terenkripsi",
        )
    line = f.readline(_MAX_HEADER)
    try:
        if not line.endswith(b"\n"):
            raise ValueError("no header line")
        params = json.loads(line)
        if not isinstance(params, dict):
            raise ValueError("header is not an object")
        fields = {
            "salt": bytes.fromhex(params["salt"]),
            "nonce": bytes.fromhex(params["nonce"]),
            "check": str(params["check"]),
            "n": int(params["n"]),
            "r": int(params["r"]),
            "p": int(params["p"]),
            "chunk": int(params["chunk"]),
        }
        if (
            params.get("kdf") != "scrypt"
            or params.get("cipher") != "AES-256-GCM"
            or len(fields["salt"]) != 16
            or len(fields["nonce"]) != 7
            or not (2**10 <= fields["n"] <= 2**17)
            or fields["n"] & (fields["n"] - 1)
            or not (1 <= fields["r"] <= 16 and 1 <= fields["p"] <= 4)
            # A crafted header must not make a restore eat the laptop's memory or minutes of
            # CPU: at most 128 MB and a few times the cost backups are written with.
            or 128 * fields["n"] * fields["r"] > _MAX_SCRYPT_MEMORY
            or fields["n"] * fields["r"] * fields["p"] > 16 * SCRYPT_N * SCRYPT_R * SCRYPT_P
            or not (1024 <= fields["chunk"] <= 64 * CHUNK)
        ):
            raise ValueError("unknown or unsafe parameters")
    except (KeyError, TypeError, ValueError) as exc:
        raise _damaged(
            f.name, f"its header is unreadable ({exc})", f"kepalanya tidak terbaca ({exc})"
        ) from exc
    return magic + line, fields


def decrypt_file(
    src: str | os.PathLike,
    dest: str | os.PathLike,
    passphrase: str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Decrypt the encrypted backup ``src`` into ``dest`` (created 0600).

    ``dest`` is written only as far as the chunks authenticate; on any failure it is
    removed, so nothing unauthenticated is ever left to open.

    Raises:
        WrongPassphrase: the passphrase does not open ``src``.
        EncryptionError: ``src`` is cut short, edited or not an encrypted backup.
        OSError: ``src`` cannot be read or ``dest`` written.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    dest = Path(dest)
    total = os.path.getsize(src)
    with open(src, "rb") as f:
        header, params = _read_header(f)
        try:
            key = _key(passphrase, params["salt"], params["n"], params["r"], params["p"])
        except MemoryError as exc:
            raise _damaged(
                f.name, "its header asks for more memory than this laptop has",
                "kepalanya meminta memori lebih dari yang dimiliki laptop ini",
            ) from exc  # fmt: skip
        if not hmac.compare_digest(_check_value(key), params["check"]):
            raise WrongPassphrase(
                en=f"Wrong passphrase for {src} (or its header was changed); nothing was restored",
                id=f"Frasa sandi salah untuk {src} (atau kepalanya diubah); "
                "tidak ada yang dipulihkan",
            )
        aead = AESGCM(key)
        size = params["chunk"] + _TAG
        dest.unlink(missing_ok=True)
        create_private(dest)
        try:
            with open(dest, "r+b") as out:
                index, sealed = 0, f.read(size)
                while True:
                    following = f.read(size) if len(sealed) == size else b""
                    last = not following
                    if len(sealed) < _TAG:
                        raise _damaged(src, "it is cut short", "berkasnya terpotong")
                    try:
                        out.write(
                            aead.decrypt(_nonce(params["nonce"], index, last), sealed, header)
                        )
                    except InvalidTag:
                        raise _damaged(
                            src,
                            f"part {index + 1} does not authenticate (cut short or edited)",
                            f"bagian {index + 1} tidak sah (terpotong atau diubah)",
                        ) from None
                    if progress is not None:
                        progress(min(f.tell(), total), total)
                    if last:
                        break
                    index, sealed = index + 1, following
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            dest.unlink(missing_ok=True)
            raise
    make_private(dest)


def _damaged(path, en: str, id: str) -> EncryptionError:
    return EncryptionError(
        en=f"{path} cannot be decrypted: {en}; nothing was restored",
        id=f"{path} tidak bisa didekripsi: {id}; tidak ada yang dipulihkan",
    )
