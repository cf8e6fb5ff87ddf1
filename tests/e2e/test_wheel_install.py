"""The app as a coordinator installs it: a built wheel, not the source checkout.

The wheel is built from a copy of the package, installed (not editable) into a fresh
virtual environment with its dependencies, and run from a folder that has no source in it:
the fonts, translations and demo data must travel inside the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
BIN = "Scripts" if os.name == "nt" else "bin"


def _run(*cmd, cwd: Path | None = None, env: dict | None = None, timeout: float = 900):
    out = subprocess.run(
        [str(c) for c in cmd],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
    assert out.returncode == 0, f"{cmd}: {out.stdout[-2000:]}\n{out.stderr[-4000:]}"
    return out


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """A wheel built from a clean copy of the package, installed into a fresh venv."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    shutil.copytree(
        REPO / "booth_pos",
        source / "booth_pos",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", root / "dist", source)
    (wheel,) = (root / "dist").glob("booth_pos-*.whl")
    venv = root / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / BIN / "python"
    _run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel)
    work = root / "elsewhere"
    work.mkdir()
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BOOTH_POS_DB")
    }
    env.update(QT_QPA_PLATFORM="offscreen", BOOTH_POS_NOW="2023-03-01T10:00:00+07:00")
    return {"wheel": wheel, "venv": venv, "python": python, "work": work, "env": env}


def booth_pos(installed: dict, *args: str):
    exe = installed["venv"] / BIN / "booth-pos"
    return _run(exe, *args, cwd=installed["work"], env=installed["env"], timeout=120)


def test_the_wheel_carries_fonts_translations_and_demo_data(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for needed in (
        "booth_pos/resources/fonts/DejaVuSans.ttf",
        "booth_pos/resources/fonts/DejaVuSans-Bold.ttf",
        "booth_pos/resources/i18n/booth_pos_id.qm",
        "booth_pos/resources/i18n/qt_extra_id.qm",
        "booth_pos/resources/demo/artisans.csv",
        "booth_pos/resources/demo/products.csv",
        "booth_pos/resources/style.qss",
    ):
        assert needed in names
    assert not any(n.startswith("tests/") for n in names)


def test_the_installed_copy_runs_from_its_own_folder(installed):
    """The code that runs is the venv's, not a checkout's (no editable finder, no path)."""
    out = _run(
        installed["python"],
        "-c",
        "import booth_pos, booth_pos.resources as r; print(booth_pos.__file__); print(r.ROOT)",
        cwd=installed["work"],
        env=installed["env"],
    )
    module, resources = out.stdout.split()
    venv = installed["venv"].resolve()
    assert Path(module).resolve().is_relative_to(venv)
    assert Path(resources).resolve().is_relative_to(venv)
    assert not Path(module).resolve().is_relative_to(REPO)


def test_a_sale_labels_and_the_catalogue_from_the_installed_command(installed):
    """demo, sell (receipt PDF beside the stand), labels and the catalogue, each a PDF with
    the shipped DejaVu fonts embedded."""
    stand = installed["work"] / "stand" / "booth.sqlite"
    stand.parent.mkdir()
    booth_pos(installed, "--db", str(stand), "demo")
    sold = json.loads(booth_pos(installed, "--db", str(stand), "sell", "BKR-01").stdout)
    receipt = stand.parent / "receipts" / f"{sold['receipt_no']}.pdf"
    labels, catalogue = installed["work"] / "labels.pdf", installed["work"] / "catalogue.pdf"
    booth_pos(installed, "--db", str(stand), "labels", "--pdf", str(labels), "--sku", "BKR-01")
    booth_pos(installed, "--db", str(stand), "catalog", "--pdf", str(catalogue), "--lang", "en")
    for pdf in (receipt, labels, catalogue):
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and b"DejaVuSans" in data, pdf


def test_the_installed_window_rings_a_sale_in_indonesian(installed):
    """`booth-pos self-test`: the window starts (with the shipped translations), a barcode
    typed into the scan field and a cash payment make a sale, and its receipt PDF prints."""
    folder = installed["work"] / "self-test"
    out = booth_pos(installed, "self-test", "--folder", str(folder))
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["receipt_no"] == "T1-000001" and result["total"] > 0
    assert result["fonts"] == ["DejaVuSans", "DejaVuSans-Bold"]
    assert Path(result["receipt_pdf"]).is_relative_to(folder)
    assert Path(result["receipt_pdf"]).read_bytes().startswith(b"%PDF")
