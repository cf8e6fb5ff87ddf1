"""Where the shipped resources (demo data, fonts, translations, style) live.

They are package data inside ``booth_pos/resources`` so that a built wheel or a PyInstaller
bundle carries them: nothing is looked up beside a source checkout.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
