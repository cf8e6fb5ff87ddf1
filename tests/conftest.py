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


# -- the council's central PostgreSQL (issue 15) ------------------------------------------------


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the whole run (temp folder, free port, stopped at
    the end). No server installed: skipped outside CI, a failure in CI (``CI`` set)."""
    from booth_pos.bench.postgres import start_cluster

    cluster = start_cluster()
    if cluster is None:
        if os.environ.get("CI"):
            pytest.fail("CI: no PostgreSQL server (initdb) installed; .ci/run installs it")
        pytest.skip("no PostgreSQL server (initdb) installed: apt-get install postgresql")
    yield cluster
    cluster.stop()


@pytest.fixture
def central_dsn(pg_cluster, request):
    """A fresh, empty database of its own for each test: its DSN."""
    import re
    import uuid

    import psycopg

    name = "t_" + re.sub(r"\W", "_", request.node.name)[:40].lower() + "_" + uuid.uuid4().hex[:6]
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_cluster.dsn(name)
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
