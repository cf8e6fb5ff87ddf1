"""The rules of a stand with several tills: who owns the catalogue, and a till's code.

- The main till (setting ``main_till``) owns the catalogue: artisans, products, prices,
  commission, photos and their imports. On any other till that has joined the stand (it
  holds another till's records, ``booth-pos sync import``) an edit is refused with one
  message naming the main till, and nothing changes; the catalogue reaches it with the
  main till's next bundle. A till that has not joined anything is a stand of its own.
- A till's code travels with its records: every bundle carries this file's chains under
  ``till``. Once the file has recorded anything (a journal entry: a day, a sale, a note),
  changing ``till`` would send the old chain under the new code, so it is refused.
"""

from __future__ import annotations

from booth_pos.model import KnownError
from booth_pos.store import Store

__all__ = ["NotMainTill", "main_till_refusal", "require_main_till", "till_change_refusal"]


class NotMainTill(KnownError):
    """A catalogue edit on a till that is not the stand's main till; nothing was changed."""


def main_till_refusal(store: Store) -> NotMainTill | None:
    """The refusal a catalogue edit gets on this till (None: this till may edit)."""
    s = store.settings()
    if s.till == s.main_till:
        return None
    joined = any(t != s.till for t in store.tills.tills())
    if not joined:
        return None
    return NotMainTill(
        en=f"This is till {s.till}: the catalogue (artisans, products, prices, commission) "
        f"is edited on the main till {s.main_till} only; nothing was changed",
        id=f"Ini kasir {s.till}: katalog (pengrajin, produk, harga, komisi) hanya diubah di "
        f"kasir utama {s.main_till}; tidak ada yang diubah",
    )


def require_main_till(store: Store) -> None:
    """Refuse a catalogue edit on a till that is not the main till.

    Raises:
        NotMainTill: naming the main till.
    """
    refusal = main_till_refusal(store)
    if refusal is not None:
        raise refusal


def till_change_refusal(store: Store, new_till: str):
    """The refusal a change of this file's till code gets once it has recorded anything."""
    old = store.settings().till
    if new_till == old:
        return None
    recorded = store.journal.last()[0] > 0 or bool(store.days.all())
    if not recorded:
        return None
    from booth_pos.services.settings import SettingsError

    return SettingsError(
        key="till",
        en=f"Till code: this file has recorded days and sales as till {old}; changing it to "
        f"{new_till} would send them under another code. Keep {old}, or start {new_till} on "
        "a new file",
        id=f"Kode kasir: file ini sudah mencatat hari dan penjualan sebagai kasir {old}; "
        f"mengubahnya ke {new_till} akan mengirimnya dengan kode lain. Tetap {old}, atau "
        f"mulai {new_till} di file baru",
    )
