"""Qt start-up: the window comes with the sell issue; until then say so clearly."""

from __future__ import annotations

import sys


def main(db_path, lang=None) -> int:
    print(
        "booth-pos: the till window is not built yet; use the commands (booth-pos --help)",
        file=sys.stderr,
    )
    return 1
