"""Files and folders the program creates are its owner's only (POSIX: 0600 and 0700).

The database holds PIN hashes, sales and the artisans' money; a backup or an exported
report holds the same. On a shared laptop another account must not read them. Every door
that creates such a file goes through here (``open_store``, backups, exports, the receipt
PDF folder), so the rule holds whatever the umask is. SQLite gives a database's ``-wal``,
``-shm`` and ``-journal`` files the database file's own mode, so a 0600 database keeps
them 0600 too.

On Windows the files stay in the user's profile, whose folders are the account's own; the
POSIX mode bits mean nothing there and nothing is changed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

#: A file only its owner may read and write.
PRIVATE_FILE = 0o600
#: A folder only its owner may enter.
PRIVATE_DIR = 0o700

POSIX = os.name == "posix"


def make_private(path: str | os.PathLike) -> None:
    """Make an existing file the owner's only (nothing on Windows; never raises)."""
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FILE)


def create_private(path: str | os.PathLike) -> None:
    """Create ``path`` as an empty owner-only file if it does not exist yet.

    SQLite then opens the empty file as a new database and keeps its mode (and gives it to
    the ``-wal`` and ``-shm`` it makes beside it). Raises ``OSError`` as ``os.open`` does.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    try:
        if POSIX:
            os.fchmod(fd, PRIVATE_FILE)  # the umask may have taken bits off, never added
    finally:
        os.close(fd)


def make_dirs(path: str | os.PathLike) -> Path:
    """``mkdir -p`` whose every folder it creates is the owner's only (0700).

    Folders that exist already keep their mode: the program never changes a folder it did
    not make (a USB stick's root, the user's Documents). Raises ``OSError`` as ``mkdir``.
    """
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue  # made by someone else in the meantime: theirs to keep
        if POSIX:
            with contextlib.suppress(OSError):
                os.chmod(folder, PRIVATE_DIR)
    if not path.is_dir():
        raise NotADirectoryError(f"not a folder: {path}")
    return path


def private_umask() -> int:
    """Make everything this process creates from now on owner-only; returns the old umask.

    A second safety net behind the doors above (a log file, a temporary file a library
    makes): the doors set their modes themselves and never rely on it.
    """
    if not POSIX:
        return 0
    return os.umask(0o077)
