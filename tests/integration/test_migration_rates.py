"""Migration 11 on files older programs wrote: every sale kept, the old reference moved."""

from __future__ import annotations

import sqlite3

import pytest

from booth_pos.documents.receipt import render_receipt
from booth_pos.services import journal
from booth_pos.services import settings as settings_service
from booth_pos.store import open_store, schema
from booth_pos.store.migrations import latest_version
from tests.helpers import old_file
from tests.helpers.documents import read_pdf, squash


def rows(path) -> tuple[list, int]:
    conn = sqlite3.connect(path)
    try:
        sales = conn.execute("SELECT id, receipt_no, total FROM sales ORDER BY rowid").fetchall()
        return sales, conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["v10_demo.sqlite", "v4_demo.sqlite", "v3_corrections.sqlite"])
def test_an_older_file_keeps_every_sale_and_verifies_after_migration_11(tmp_path, name):
    """The sales, their totals and numbers are those of the old file; verify holds; the
    schema is exactly the new one; its old sales have no kept reference (they had none)."""
    path = old_file(tmp_path, name)
    before, version = rows(path)
    assert before and version < 11
    store = open_store(path)
    try:
        assert store.schema_version() == latest_version()  # 11 and what came after
        assert schema.differences(store._conn) == []
        result = journal.verify(store)
        assert result.ok, [str(p) for p in result.problems]
        assert result.sales == len(before)
        for sale_id, receipt_no, total in before:
            sale = store.sales.get(sale_id)
            assert (sale.receipt_no, sale.total, sale.reference) == (receipt_no, total, None)
    finally:
        store.close()
    assert rows(path)[0] == before


def test_the_old_single_reference_currency_becomes_the_rates(tmp_path):
    """The schema-10 stand sold with EUR at 17250: after the upgrade ``rates`` says
    ``EUR=17250``, the Settings page and ``settings show`` show it, the old keys still read
    EUR for older readers, and its old receipts reprint with the euro line as before."""
    path = old_file(tmp_path, "v10_demo.sqlite")
    store = open_store(path)
    try:
        settings = store.settings()
        assert settings.rates == "EUR=17250"
        assert (settings.ref_currency, settings.ref_rate) == ("EUR", "17250")
        assert settings_service.as_texts(settings)["rates"] == "EUR=17250"
        old_sale = store.sales.get("T1-000001")
        text = squash(read_pdf(render_receipt(old_sale, settings, lang="en"))[0].text)
        assert "In EUR" in text and "For reference only, not a charge" in text
        # Saved once more through the form: unchanged, and the old pair mirrors it.
        again = settings_service.from_texts(settings, settings_service.as_texts(settings))
        assert (again.rates, again.ref_currency, again.ref_rate) == ("EUR=17250", "EUR", "17250")
    finally:
        store.close()


def test_an_unreadable_old_rate_is_left_for_the_coordinator(tmp_path):
    """17.250 (17250 or 17,25?) is not guessed into ``rates``: the migration leaves it,
    and the Settings page shows it to be corrected."""
    path = old_file(tmp_path, "v10_demo.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE settings SET value = '\"17.250\"' WHERE key = 'ref_rate'")
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        settings = store.settings()
        assert settings.rates == ""
        texts = settings_service.as_texts(settings)
        assert texts["rates"] == "EUR=17.250"
        with pytest.raises(settings_service.SettingsError) as refused:
            settings_service.from_texts(settings, texts)
        assert refused.value.key == "rates" and "17.250" in refused.value.en
    finally:
        store.close()


def test_rates_already_set_are_not_overwritten_by_the_old_pair(tmp_path):
    """A file that has ``rates`` keeps them (the migration only fills an empty one)."""
    path = old_file(tmp_path, "v10_demo.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO settings(key, value) VALUES ('rates', '\"KRW=11.85\"')")
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        assert store.settings().rates == "KRW=11.85"
    finally:
        store.close()
