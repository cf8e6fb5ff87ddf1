"""The support log: warnings, errors and bugs (with their tracebacks) in a rotating file.

A stand laptop started from a desktop shortcut has no terminal to read, so everything worth
telling support goes to ``booth-pos.log`` in the user log folder (``platformdirs``;
``BOOTH_POS_LOG_DIR`` overrides it), kept to five files of 1 MB. The window shows the path
in Settings and the bug dialog offers to open it; the command line also prints to stderr.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

#: Which handler this module added, so calling ``setup`` twice adds nothing.
_HANDLER_NAME = "booth-pos-support-log"


def log_dir() -> Path:
    """Where the support log lives."""
    env = os.environ.get("BOOTH_POS_LOG_DIR", "").strip()
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("booth-pos", appauthor=False))


def log_path() -> Path:
    return log_dir() / "booth-pos.log"


def setup(*, level: int = logging.WARNING) -> Path | None:
    """Send warnings and worse from every ``booth_pos`` logger to the support log.

    Returns:
        The log file, or None when it cannot be written (a read-only profile): the program
        runs on, logging to stderr only.
    """
    root = logging.getLogger("booth_pos")
    for handler in root.handlers:
        if handler.get_name() == _HANDLER_NAME:
            return Path(handler.baseFilename)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path.parent, 0o700)  # it names products, staff and files
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=4, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("No support log at %s: %s", path, exc)
        return None
    handler.set_name(_HANDLER_NAME)
    handler.setLevel(level)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)  # the loggers' own levels stay as they are (warnings pass)
    return path
