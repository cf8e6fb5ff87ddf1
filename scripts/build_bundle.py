"""Build the one-folder desktop bundle with PyInstaller, smoke-test it, time its start.

    python scripts/build_bundle.py            # build dist/booth-pos/, smoke-test, time
    python scripts/build_bundle.py --quick    # time on the small store (CI)
    python scripts/build_bundle.py --no-build # test and time an existing dist/booth-pos/

The smoke test runs the bundle the way a laptop without Python would: a stripped
environment (no PYTHONPATH, PATH without this venv, HOME in a temporary folder), offscreen,
from a folder with no source in it: ``demo``, one ``sell`` and its receipt PDF with the
shipped fonts, then ``self-test`` (the window rings a sale). Then it times the bundle's start
to a focused scan field against the same start from the installed package and against the
benchmark suite's bare Qt window (``booth_pos.bench.qt_child cold_baseline``), median of
five interleaved runs each. Exit 0 only if every step passed.

``.ci/run`` calls this only when ``BUILD_BUNDLE=1`` (it takes a few minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "booth-pos.spec"
EXE = "booth-pos.exe" if os.name == "nt" else "booth-pos"


def build(dist: Path, work: Path) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.10"], check=True
        )
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work),
        ],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    return dist / "booth-pos" / EXE


def stripped_env(home: Path) -> dict[str, str]:
    """What a fresh laptop has: no Python on the path, nothing of this checkout."""
    path = os.pathsep.join(
        p
        for p in os.environ.get("PATH", "").split(os.pathsep)
        if p and not Path(p).resolve().is_relative_to(Path(sys.prefix).resolve())
    )
    env = {"PATH": path, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    for key in ("SYSTEMROOT", "TEMP", "TMP", "USERPROFILE", "APPDATA", "LOCALAPPDATA"):
        if key in os.environ:  # Windows cannot start a process without these
            env[key] = os.environ[key]
    return env


def run(cmd: list[str], env: dict, cwd: Path, what: str) -> subprocess.CompletedProcess:
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
    status = "ok" if out.returncode == 0 else f"FAILED (exit {out.returncode})"
    print(f"  {what}: {status}")
    if out.returncode != 0:
        print(out.stdout[-2000:], out.stderr[-4000:], sep="\n")
        raise SystemExit(1)
    return out


def smoke(exe: Path, folder: Path) -> dict:
    env = stripped_env(folder)
    stand = folder / "stand" / "booth.sqlite"
    stand.parent.mkdir(parents=True)
    run([str(exe), "--db", str(stand), "demo"], env, folder, "demo stand")
    sold = json.loads(run([str(exe), "--db", str(stand), "sell", "BKR-01"], env, folder, "sell")
                      .stdout)  # fmt: skip
    pdf = stand.parent / "receipts" / f"{sold['receipt_no']}.pdf"
    data = pdf.read_bytes() if pdf.exists() else b""
    if not (data.startswith(b"%PDF") and b"DejaVuSans" in data):
        print(f"  receipt PDF: FAILED ({pdf} missing or without the shipped fonts)")
        raise SystemExit(1)
    print(f"  receipt PDF: ok ({pdf.name}, {len(data):,} bytes, DejaVu Sans embedded)")
    tested = run([str(exe), "self-test", "--folder", str(folder / "self-test")], env, folder,
                 "self-test (window, scan, cash, receipt)")  # fmt: skip
    return json.loads(tested.stdout.strip().splitlines()[-1])


def time_start(exe: Path, folder: Path, quick: bool) -> dict:
    """Seconds from process start to a focused scan field (the ``ready`` line, as the
    suite's cold_start): the bundle, the installed package and the suite's bare Qt window,
    medians of five interleaved runs."""
    sys.path.insert(0, str(ROOT))
    from booth_pos.bench.suite import _CHILD_ENV, Sizes, build_store, copy_store, seconds_to_ready

    sizes = Sizes.quick() if quick else Sizes.full()
    db = copy_store(build_store(sizes.products, sizes.sales), folder)
    env = {**_CHILD_ENV, "BOOTH_POS_EXIT_WHEN_READY": "1"}  # bytecode cached, offscreen
    commands = {
        "bundle": [str(exe), "--db", str(db)],
        "installed": [sys.executable, "-m", "booth_pos", "--db", str(db)],
        "bare_qt": [sys.executable, "-m", "booth_pos.bench.qt_child", "cold_baseline"],
    }
    samples: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(6):  # the first round warms the disk cache and is dropped
        for name, cmd in commands.items():
            samples[name].append(seconds_to_ready(cmd, env))
    median = {k: statistics.median(v[1:]) for k, v in samples.items()}
    return {
        "products": sizes.products,
        "sales": sizes.sales,
        "seconds": median,
        "bundle_vs_bare": median["bundle"] / median["bare_qt"],
        "installed_vs_bare": median["installed"] / median["bare_qt"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test an existing bundle")
    parser.add_argument("--quick", action="store_true", help="time on the small store")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    exe = args.dist / "booth-pos" / EXE
    if not args.no_build:
        t0 = time.perf_counter()
        exe = build(args.dist, args.work)
        files = [f for f in exe.parent.rglob("*") if f.is_file() and not f.is_symlink()]
        size = sum(f.stat().st_size for f in files)
        print(f"built {exe.parent} in {time.perf_counter() - t0:.0f} s, {size / 2**20:.0f} MB")
    folder = Path(tempfile.mkdtemp(prefix="booth-pos-bundle-"))
    try:
        print("smoke test, stripped environment:")
        result = smoke(exe, folder)
        start = time_start(exe, folder, args.quick)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    s = start["seconds"]
    print(f"cold start ({start['products']:,} products, {start['sales']:,} sales):")
    print(f"  bundle    {s['bundle'] * 1000:7.0f} ms  {start['bundle_vs_bare']:.2f}x bare Qt")
    print(f"  installed {s['installed'] * 1000:7.0f} ms  {start['installed_vs_bare']:.2f}x bare Qt")
    print(f"  bare Qt   {s['bare_qt'] * 1000:7.0f} ms")
    if args.json:
        args.json.write_text(json.dumps({"self_test": result, "cold_start": start}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
