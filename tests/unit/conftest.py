"""Unit tests are pure: no database file. A test that needs the store belongs in
tests/integration; asking for one of its fixtures here fails at once."""

from __future__ import annotations

import pytest


def _refuse(name: str):
    @pytest.fixture(name=name)
    def refused():
        pytest.fail(f"tests/unit is pure: fixture {name!r} opens a database; move the test to "
                    "tests/integration")  # fmt: skip

    return refused


db_path = _refuse("db_path")
store = _refuse("store")
demo_store = _refuse("demo_store")
