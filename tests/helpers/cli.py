"""Running ``booth-pos`` as the stand would: a subprocess on a database, the clock fixed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: 10:00 WIB on the first day of the demo event.
NOW = "2023-03-01T10:00:00+07:00"


def booth_pos(db: Path, *args: str, now: str = NOW) -> subprocess.CompletedProcess:
    """Run ``booth-pos ARGS`` on ``db`` with the replay clock at ``now``."""
    env = {**os.environ, "BOOTH_POS_DB": str(db), "BOOTH_POS_NOW": now}
    return subprocess.run(
        [sys.executable, "-m", "booth_pos", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
