"""``booth-pos settings show|set``: the coordinator sets the stand up from a terminal, with
the Settings page's rules (a bad value changes nothing) and its audit trail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.cli import booth_pos

from booth_pos.services import settings as settings_service
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "booth.sqlite"
    open_store(path).close()
    return path


def saved(db: Path) -> dict[str, str]:
    store = open_store(db)
    try:
        return settings_service.as_texts(store.settings())
    finally:
        store.close()


def audit(db: Path) -> list[dict]:
    done = booth_pos(db, "audit", "--json", "--kind", "settings")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_show_prints_one_key_value_line_per_setting(db):
    """`settings show` lists every setting the Settings page edits, key=value a line."""
    done = booth_pos(db, "settings", "show")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split("=", 1)[0] for line in lines] == list(saved(db))
    assert "till=T1" in lines and "timezone=Asia/Jakarta" in lines


def test_show_json_is_an_object_of_the_same_keys(db):
    """`settings show --json` gives the same keys and values as an object, for scripts."""
    done = booth_pos(db, "settings", "show", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == saved(db)


def test_set_changes_the_settings_and_audits_old_and_new(db):
    """Setting the event's name, days and till saves them as the page would (the till code
    in capitals) and the audit log says what changed from what."""
    done = booth_pos(db, "settings", "set", "event_name=Ina Craft 2023",
                     "event_start=2023-03-01", "event_end=2023-03-05", "till=t2")  # fmt: skip
    assert done.returncode == 0, done.stderr
    now = saved(db)
    assert (now["event_name"], now["event_start"], now["event_end"], now["till"]) == (
        "Ina Craft 2023", "2023-03-01", "2023-03-05", "T2",
    )  # fmt: skip
    assert "till=T2" in done.stdout.splitlines()
    (entry,) = audit(db)
    assert entry["actor"] == "cli"
    assert entry["detail"]["changed"]["till"] == ["T1", "T2"]
    assert entry["detail"]["changed"]["event_name"] == ["", "Ina Craft 2023"]


@pytest.mark.parametrize(
    "pairs, key",
    [
        (["event_name=Ina Craft", "till=T 1"], "till"),
        (["event_start=2023-03-05", "event_end=2023-03-01"], "event_end"),
        (["event_name=Ina Craft", "event_start=1 Maret"], "event_start"),
        (["timezone=Mars/Olympus"], "timezone"),
        (["receipt_width=76"], "receipt_width"),
        (["stand_name="], "stand_name"),
    ],
)
def test_a_bad_value_exits_1_naming_the_key_and_changes_nothing(db, pairs, key):
    """One bad value among good ones: exit 1, one line naming the key, and not even the
    good values are saved (all keys or none), nothing audited."""
    before = saved(db)
    done = booth_pos(db, "settings", "set", *pairs)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"booth-pos: {key}: ")
    assert saved(db) == before
    assert audit(db) == []


def test_an_unknown_key_exits_1_naming_it(db):
    """A typo in a key (`tll=T2`) is refused by name, nothing saved."""
    before = saved(db)
    done = booth_pos(db, "settings", "set", "till=T2", "tll=T3")
    assert done.returncode == 1
    assert done.stderr.startswith("booth-pos: tll: unknown setting")
    assert saved(db) == before


def test_show_on_a_missing_database_creates_none(tmp_path):
    """A typo in --db is refused by `settings show` instead of creating an empty stand."""
    missing = tmp_path / "typo.sqlite"
    done = booth_pos(missing, "settings", "show")
    assert done.returncode == 1
    assert not missing.exists()
