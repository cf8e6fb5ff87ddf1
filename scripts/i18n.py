"""Keep the Indonesian translation in step with the code.

    python scripts/i18n.py update   # collect tr() strings into booth_pos_id.ts
    python scripts/i18n.py release  # compile the .ts files into the .qm files the app loads
    python scripts/i18n.py fill     # translate unfinished strings from glossary_id.tsv
    python scripts/i18n.py check    # exit 1 if any string lacks an Indonesian translation

Translate new strings with Qt Linguist (pyside6-linguist) or by editing the .ts file, then
release. ``qt_extra_id.ts`` is hand-kept: Qt's own standard buttons (OK, Cancel, Yes, No)
and its file dialog (contexts QFileDialog, QFileSystemModel), for which Qt ships no
Indonesian catalogue (``qtbase_id.qm``; ``ui/i18n.py`` loads it if a later Qt does). Source
texts must match Qt's exactly, accelerators included ("&Look in:").
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "booth_pos" / "resources" / "i18n"
MAIN_TS = I18N / "booth_pos_id.ts"
EXTRA_TS = I18N / "qt_extra_id.ts"
GLOSSARY = I18N / "glossary_id.tsv"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def sources() -> list[Path]:
    return sorted((ROOT / "booth_pos" / "ui").glob("*.py"))


def update(ts: Path = MAIN_TS) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def release() -> None:
    for ts in (MAIN_TS, EXTRA_TS):
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            capture_output=True,
        )


def unfinished(ts: Path = MAIN_TS) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                missing.append((name, message.findtext("source")))
    return missing


def glossary() -> dict[str, str]:
    """English -> Indonesian, one tab-separated pair a line."""
    pairs = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            english, indonesian = line.split("\t", 1)
            pairs[english] = indonesian
    return pairs


def fill(ts: Path = MAIN_TS) -> None:
    """Translate unfinished messages whose English text the glossary knows."""
    pairs = glossary()
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is not None and translation.get("type") == "unfinished":
            if source in pairs:
                translation.text = pairs[source]
                del translation.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "fill":
        fill()
    elif command == "release":
        release()
    missing = unfinished()
    if command == "check":
        for context, source in missing:
            print(f"untranslated: {context}: {source!r}")
    elif missing:
        print(f"{len(missing)} strings still need an Indonesian translation (run check)")
    return 1 if (command == "check" and missing) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
