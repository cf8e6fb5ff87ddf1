"""How long a receipt PDF takes, next to the barest reportlab code drawing the same thing.

    python -m booth_pos.bench.receipts [--runs 50]

The till never waits on this (printing runs after the commit, on its own thread), but a
receipt should still be ready before the customer has put the wallet away.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime

from booth_pos.model import Settings


def _median(fn: Callable[[], object], runs: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _demo_settings() -> Settings:
    return Settings(
        stand_name="Dekranasda Kota Cilegon",
        event_name="Ina Craft 2023",
        venue="Jakarta Convention Center, Hall B, Stand 112",
        receipt_header="Kerajinan IKM Kota Cilegon",
        receipt_footer="Terima kasih! Pesanan grosir: 0812-1000-2023",
        contact="dekranasda.cilegon@example.id · 0812-1000-2023",
    )


def receipt_render_times(runs: int = 50) -> dict[str, float]:
    """Median seconds to render a 5-line receipt, and to draw its text and barcode bare.

    Args:
        runs: timed repetitions of each (after three warm-up runs).

    Returns:
        ``first`` (the first receipt in a fresh process includes registering fonts, when
        this is that process), ``ours`` (``render_receipt``) and ``bare`` (a reportlab canvas
        drawing the same lines in the same regular and bold faces with ``drawString`` and
        reportlab's own Code128 widget, with a fixed page height and no wrapping or
        measuring), all in seconds.
    """
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from booth_pos.documents import fonts
    from booth_pos.documents.receipt import Code, Pair, Text, receipt_blocks, render_receipt
    from booth_pos.documents.receipt import sample_sale as make_sale

    settings = _demo_settings()
    sale = make_sale(settings, lines=5, when=datetime(2023, 3, 1, 3, 0, tzinfo=UTC))
    names = (
        "Batik Tulis Motif Krakatau",
        "Selendang Ecoprint Daun Jati",
        "Tas Anyaman Pandan Laut Motif Gelombang Merak (besar)",
        "Kalung Manik Banten",
        "Gantungan Kunci Badak Bercula Satu",
    )
    lines = tuple(dataclasses.replace(ln, name=n) for ln, n in zip(sale.lines, names, strict=True))
    sale = dataclasses.replace(sale, receipt_no="T1-000042", lines=lines)
    started = time.perf_counter()
    render_receipt(sale, settings, width_mm=80)
    first = time.perf_counter() - started

    blocks = receipt_blocks(sale, settings, lang="id")
    lines = []
    for b in blocks:
        if isinstance(b, Text):
            lines.append((b.text, "", b.style))
        elif isinstance(b, Pair):
            lines.append((b.left, b.right, b.style))
    bold = {"bold", "title", "total"}

    def bare() -> bytes:
        # The same text in the same two faces (regular and bold): what any receipt needs.
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=(80 * mm, 200 * mm), invariant=1, pageCompression=1)
        y = 195 * mm
        for left, right, style in lines:
            c.setFont(fonts.BOLD if style in bold else fonts.REGULAR, 8.5)
            c.drawString(4 * mm, y, left)
            if right:
                c.drawRightString(76 * mm, y, right)
            y -= 10.6
        Code128(
            next(b.value for b in blocks if isinstance(b, Code)),
            barWidth=0.25 * mm,
            barHeight=10 * mm,
        ).drawOn(c, 15 * mm, 8 * mm)
        c.showPage()
        c.save()
        return buf.getvalue()

    ours = _median(lambda: render_receipt(sale, settings, width_mm=80), runs)
    baseline = _median(bare, runs)
    return {"first": first, "ours": ours, "bare": baseline}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    times = receipt_render_times(args.runs)
    print(f"first receipt in this process (fonts registered): {times['first'] * 1000:6.1f} ms")
    print(f"render_receipt, 5 lines, 80 mm (median):          {times['ours'] * 1000:6.1f} ms")
    print(f"bare reportlab canvas, same text + Code128:       {times['bare'] * 1000:6.1f} ms")
    print(f"ratio: {times['ours'] / times['bare']:.1f}x")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
