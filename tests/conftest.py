"""Shared fixtures. Qt runs offscreen; every test gets its own temp-file database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The support log of every command a test runs goes to a folder of the run's own.
os.environ.setdefault("BOOTH_POS_LOG_DIR", __import__("tempfile").mkdtemp(prefix="booth-log-"))

from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from booth_pos.clock import Clock  # noqa: E402
from booth_pos.store import open_store  # noqa: E402

DEMO = Path(__file__).resolve().parent.parent / "booth_pos" / "resources" / "demo"


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "booth.sqlite"


@pytest.fixture
def store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def clock() -> Clock:
    """A fixed clock at 10:00 WIB on the first day of Ina Craft 2023."""
    return Clock(datetime.fromisoformat("2023-03-01T10:00:00+07:00"))


@pytest.fixture
def demo_store(store, clock):
    """The demo stand (12 artisans, 54 products) with no sales yet."""
    from booth_pos.services import demo

    demo.load_stand(store, clock)
    return store
