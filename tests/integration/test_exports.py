"""Writing an export: the file is whole or absent, and the audit log has exactly one entry."""

from __future__ import annotations

import json

import pytest

from booth_pos.documents import export
from booth_pos.documents import report as report_pdf
from booth_pos.model import Cart, KnownError, Method, Tender
from booth_pos.services import days, exports, reports, selling


def _export_entries(store) -> list[tuple[str, str, dict]]:
    return [
        (e.ref, e.kind, json.loads(e.payload)) for e in store.audit.entries() if e.kind == "export"
    ]


def _usb(tmp_path):
    """A folder of its own for exports, away from the database and its -wal file."""
    folder = tmp_path / "usb"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def day_sold(demo_store, clock):
    """The first day open with one sale, so the report has figures to draw."""
    days.open_day(demo_store, clock, 200_000)
    cart = Cart(cashier="Rina")
    cart.add(demo_store.products.by_code("BKR-01"), 2)
    selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    return demo_store


def test_a_report_pdf_export_leaves_exactly_one_audit_entry(day_sold, clock, tmp_path):
    """Saving the day's PDF writes the file and one entry saying what, where and which day."""
    report = reports.day_report(day_sold)
    target = _usb(tmp_path) / "day.pdf"
    pdf = report_pdf.render_report_pdf(report, lang="id")
    ref = exports.report_ref(report)
    written = exports.write_export(
        day_sold, target, pdf, what="report_pdf", actor="Rina", at=clock.now(), ref=ref
    )
    assert written == target and target.read_bytes() == pdf and pdf.startswith(b"%PDF")
    assert _export_entries(day_sold) == [
        ("Rina", "export", {"what": "report_pdf", "path": str(target), "ref": "2023-03-01"})
    ]
    assert [p.name for p in target.parent.iterdir()] == ["day.pdf"]  # no temp file left


def test_a_csv_export_is_the_sheet_and_one_audit_entry(day_sold, clock, tmp_path):
    """The artisans' CSV is saved with its byte-order mark and leaves one export entry."""
    report = reports.day_report(day_sold)
    target = _usb(tmp_path) / "day.csv"
    data = export.artisans_csv_bytes(report)
    exports.write_export(
        day_sold, target, data, what="report_csv", actor="cli", at=clock.now(), ref="2023-03-01"
    )
    assert target.read_bytes() == data and data.startswith("\ufeff".encode())
    assert target.read_text(encoding="utf-8-sig").startswith("code;name;items;")
    assert _export_entries(day_sold) == [
        ("cli", "export", {"what": "report_csv", "path": str(target), "ref": "2023-03-01"})
    ]
    assert [p.name for p in target.parent.iterdir()] == ["day.csv"]


def test_a_render_that_fails_midway_leaves_no_file_no_temp_and_no_entry(day_sold, clock, tmp_path):
    """Half a PDF never appears under the target's name, and nothing claims it was exported."""
    target = tmp_path / "out" / "day.pdf"
    target.parent.mkdir()

    def render(tmp):
        tmp.write_bytes(b"%PDF-1.4 half a report")
        raise RuntimeError("the renderer broke midway")

    with pytest.raises(RuntimeError):
        exports.write_export(
            day_sold, target, render, what="report_pdf", actor="Rina", at=clock.now()
        )
    assert list(target.parent.iterdir()) == []
    assert _export_entries(day_sold) == []


def test_a_failed_export_keeps_the_previous_file_whole(day_sold, clock, tmp_path):
    """Yesterday's sheet on the USB stick survives a failed save over it, byte for byte."""
    target = _usb(tmp_path) / "day.csv"
    target.write_bytes(b"yesterday's sheet")

    def render(tmp):
        tmp.write_bytes(b"code;name\r\nhalf")
        raise OSError(28, "No space left on device")

    with pytest.raises(KnownError) as info:
        exports.write_export(day_sold, target, render, what="report_csv", actor="", at=clock.now())
    assert "No space left on device" in info.value.text("en") and str(target) in info.value.en
    assert target.read_bytes() == b"yesterday's sheet"
    assert [p.name for p in target.parent.iterdir()] == ["day.csv"]
    assert _export_entries(day_sold) == []


def test_a_rename_that_fails_records_nothing(day_sold, clock, tmp_path):
    """When the file cannot take its name, the audit entry rolls back with it."""
    target = _usb(tmp_path) / "taken"
    target.mkdir()  # a folder already has the name: the rename is refused
    with pytest.raises(KnownError):
        exports.write_export(day_sold, target, b"%PDF", what="labels", actor="", at=clock.now())
    assert target.is_dir() and list(target.iterdir()) == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["taken"]
    assert _export_entries(day_sold) == []


def test_an_export_into_a_missing_folder_is_refused_in_words(day_sold, clock, tmp_path):
    """An unplugged USB stick is a message for the person, and nothing is recorded."""
    target = tmp_path / "unplugged" / "labels.pdf"
    with pytest.raises(KnownError) as info:
        exports.write_export(day_sold, target, b"%PDF", what="labels", actor="", at=clock.now())
    assert info.value.en == f"No such folder: {target.parent}"
    assert _export_entries(day_sold) == []


def test_an_unknown_kind_of_export_is_a_bug(day_sold, clock, tmp_path):
    """The audit log keeps one vocabulary: a kind outside it fails loudly, before writing."""
    with pytest.raises(ValueError):
        exports.write_export(
            day_sold, tmp_path / "x.pdf", b"%PDF", what="pdf", actor="", at=clock.now()
        )
    assert not (tmp_path / "x.pdf").exists() and _export_entries(day_sold) == []
