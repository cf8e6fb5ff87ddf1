"""Product photos: what a photo must be before the stand keeps it or draws it.

A photo is set once (Products page) and drawn later, in every catalogue. The checks run at
both moments, with the same limits, so a file that would stop a catalogue is refused when
it is chosen, and one that went bad on disk afterwards is left out of the catalogue with a
warning instead of stopping it.

Limits (documented in the README): the file at most ``MAX_PHOTO_BYTES`` (10 MB), the
picture at most ``MAX_PHOTO_PIXELS`` (40 megapixels, e.g. 8000 x 5000: every phone's normal
photo fits; a 108-megapixel "high resolution" shot must be saved smaller), a JPEG, PNG or
WebP that Pillow reads and ``verify()`` accepts. The catalogue scales photos down to 800
pixels anyway, so nothing a buyer sees is lost by these limits; a 20000 x 20000 PNG (a
decompression bomb: a few kilobytes on disk, 1.2 GB once decoded) is refused by name.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from booth_pos.errors import KnownError

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
#: Pillow's names of the formats a photo may have (MPO: a phone's JPEG with a preview inside).
FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}


class PhotoError(KnownError):
    """A file that cannot be a product photo; nothing was changed."""


@dataclass(frozen=True)
class PhotoInfo:
    """What a checked photo is: ``format`` ("JPEG", "PNG", "WebP") and ``size`` in pixels."""

    format: str
    size: tuple[int, int]


def check_photo(path: str | os.PathLike) -> PhotoInfo:
    """Check that ``path`` is a photo the catalogue can draw, reading only its header and
    checksums (not decoding the picture).

    Raises:
        PhotoError: unreadable, larger than ``MAX_PHOTO_BYTES``, not a JPEG/PNG/WebP (a text
            file renamed ``.jpg``), more than ``MAX_PHOTO_PIXELS``, or damaged.
    """
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    name = path.name
    try:
        nbytes = path.stat().st_size
    except OSError as exc:
        raise PhotoError(
            en=f"Cannot read {path}: {exc.strerror}", id=f"Tidak bisa membaca {path}"
        ) from exc
    if nbytes > MAX_PHOTO_BYTES:
        mb = f"{nbytes / 1024 / 1024:.1f}"
        raise PhotoError(
            en=f"{name} is {mb} MB; a product photo may be at most 10 MB (save it smaller)",
            id=f"{name} berukuran {mb} MB; foto produk paling besar 10 MB (simpan lebih kecil)",
        )
    too_many = PhotoError(
        en=f"{name} is too large: a product photo may be at most 40 megapixels "
        "(e.g. 8000 x 5000); save it smaller",
        id=f"{name} terlalu besar: foto produk paling besar 40 megapiksel "
        "(mis. 8000 x 5000); simpan lebih kecil",
    )
    try:
        with warnings.catch_warnings():
            # Over Pillow's MAX_IMAGE_PIXELS it only warns (over twice that it refuses): a
            # photo that big is refused either way, before anything decodes it.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                kind = FORMATS.get(im.format or "")
                if kind is None:
                    raise _not_a_photo(name)
                width, height = im.size
                if width * height > MAX_PHOTO_PIXELS:
                    raise too_many
                im.verify()  # checksums and structure, without decoding the pixels
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many from None
    except UnidentifiedImageError:
        raise _not_a_photo(name) from None
    except PhotoError:
        raise
    except OSError as exc:
        if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
            raise PhotoError(
                en=f"Cannot read {path}: {exc.strerror}", id=f"Tidak bisa membaca {path}"
            ) from exc
        raise _damaged(name, exc) from exc
    except (ValueError, SyntaxError, EOFError) as exc:  # Pillow's ways of saying "damaged"
        raise _damaged(name, exc) from exc
    return PhotoInfo(kind, (width, height))


def _not_a_photo(name: str) -> PhotoError:
    return PhotoError(
        en=f"{name} is not a JPEG, PNG or WebP photo", id=f"{name} bukan foto JPEG, PNG atau WebP"
    )


def _damaged(name: str, exc: Exception) -> PhotoError:
    return PhotoError(
        en=f"{name} is damaged or incomplete ({exc}); choose another copy of the photo",
        id=f"{name} rusak atau tidak lengkap ({exc}); pilih salinan foto yang lain",
    )
