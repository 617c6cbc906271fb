"""The cache of built structures (gazetteer, language identifier, stoplists): reused, keyed, never
required."""

from __future__ import annotations

import os
import stat

import pytest

from eventwire import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_loaded(folder):
    build, calls = counting({"Brüssel": [("Brussels", "BEL")]})
    first = cache.cached("thing", ["a", b"b"], build)
    second = cache.cached("thing", ["a", b"b"], build)
    assert first == second == {"Brüssel": [("Brussels", "BEL")]}
    assert len(calls) == 1 and len(list(folder.glob("thing-*.pickle"))) == 1


def test_a_new_key_builds_again_and_replaces_the_stale_file(folder):
    build, calls = counting([1, 2])
    cache.cached("thing", ["v1"], build)
    old = list(folder.glob("thing-*.pickle"))
    cache.cached("thing", ["v2"], build)
    new = list(folder.glob("thing-*.pickle"))
    assert len(calls) == 2 and len(new) == 1 and new != old
    # parts are length-prefixed: ("ab", "c") and ("a", "bc") are different keys
    assert cache.key(["ab", "c"]) != cache.key(["a", "bc"])


def test_a_broken_file_is_built_again(folder, caplog):
    build, calls = counting("value")
    cache.cached("thing", ["k"], build)
    (path,) = folder.glob("thing-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")
    assert cache.cached("thing", ["k"], build) == "value"
    assert len(calls) == 2 and "unreadable" in caplog.text
    assert cache.cached("thing", ["k"], build) == "value" and len(calls) == 2  # the rebuilt file serves


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_only_means_building_every_time(folder):
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        build, calls = counting(7)
        assert cache.cached("thing", ["k"], build) == 7 and cache.cached("thing", ["k"], build) == 7
        assert len(calls) == 2 and not list(folder.iterdir())
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_file_in_the_way_only_means_building_every_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("EVENTWIRE_CACHE", str(blocker / "cache"))
    build, calls = counting(7)
    assert cache.cached("thing", ["k"], build) == 7 and cache.cached("thing", ["k"], build) == 7
    assert len(calls) == 2 and not list(tmp_path.glob(".thing-*"))


@pytest.mark.parametrize("off", ["off", "", "0"])
def test_caching_can_be_turned_off(folder, monkeypatch, off):
    monkeypatch.setenv("EVENTWIRE_CACHE", off)
    assert cache.folder() is None
    build, calls = counting(1)
    cache.cached("thing", ["k"], build)
    cache.cached("thing", ["k"], build)
    assert len(calls) == 2 and not folder.exists()


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("EVENTWIRE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "eventwire"


def kept_then_loaded(folder, name: str, accessor, fresh) -> None:
    """``accessor()`` (an lru-cached loader) builds and keeps ``name``, then loads it: equal to ``fresh``."""
    for _ in range(2):
        accessor.cache_clear()
        assert accessor() == fresh
    assert {p.name.split("-")[0] for p in folder.glob("*.pickle")} == {name}
    accessor.cache_clear()


def test_gazetteer_from_the_cache_equals_a_fresh_one(folder):
    from eventwire import geo

    kept_then_loaded(folder, "gazetteer", geo.gazetteer, geo.build_gazetteer())


def test_identifier_from_the_cache_classifies_as_a_fresh_one(folder):
    from eventwire.stages import language

    texts = ["Die Bundesregierung kündigte am Montag neue Sanktionen an.",
             "The foreign ministers met in Brussels on Tuesday.", "Le gouvernement a annoncé des mesures."]
    expected = [language._build_identifier().classify(t) for t in texts]
    for _ in range(2):  # built and kept, then loaded
        language._identifier.cache_clear()
        assert [language._identifier().classify(t) for t in texts] == expected
    assert {p.name.split("-")[0] for p in folder.glob("*.pickle")} == {"langid"}
    language._identifier.cache_clear()


def test_stoplist_index_from_the_cache_equals_a_fresh_one(folder):
    from eventwire.stages.clean import lines

    fresh = lines._build_stopword_index()
    kept_then_loaded(folder, "stoplists", lines._stopword_index, fresh)
    assert "German" in fresh[0] and fresh[0].index("German") in fresh[1]["und"]


def test_no_home_means_no_cache(monkeypatch):
    from pathlib import Path

    def homeless():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("EVENTWIRE_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(homeless))
    assert cache.folder() is None
    build, calls = counting(3)
    assert cache.cached("thing", ["k"], build) == 3 and len(calls) == 1
