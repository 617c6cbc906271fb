"""Shared fixtures: stores in tmp dirs, ../shared when present (texts and helpers: support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import SHARED


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared not present: evaluation data and seeds are needed for this test")
    return SHARED


@pytest.fixture
def settings_for(tmp_path):
    from eventwire.settings import Settings

    def make(**changes):
        changes.setdefault("db", str(tmp_path / "store.duckdb"))
        changes.setdefault("strict", True)
        return Settings.load(**changes)

    return make


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory):
    """The tests (and the runs they start) keep built structures in a folder of their own, not the user's."""
    import os

    before = os.environ.get("EVENTWIRE_CACHE")
    os.environ["EVENTWIRE_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("EVENTWIRE_CACHE", None)
    else:
        os.environ["EVENTWIRE_CACHE"] = before
