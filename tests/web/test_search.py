"""The full-text index beside the store: incremental sync, atomic swap, rebuild, German/English stemming."""

from __future__ import annotations

import json

import pytest

from eventwire.store.search import SearchIndex, index_path, sync_index

GERMAN = ("Die Regierung in Wien kritisierte am Montag die Angriffe auf Hilfskonvois. Der Kanzler "
          "forderte eine Untersuchung der Vorfälle durch die Vereinten Nationen und rief zur Ruhe auf.")
ENGLISH = ("The government in Canberra welcomed the agreements signed on Friday. The prime minister said "
           "the negotiations had been difficult but that both delegations showed goodwill throughout.")
LATER = ("Die Außenministerin reiste am Mittwoch nach Ottawa. Dort unterzeichnete sie Abkommen über "
         "Energiepartnerschaften und sprach mit Vertretern der kanadischen Regierung über Handelsfragen.")


def _ingest(tmp_path, db, texts):
    import eventwire
    from eventwire.settings import Settings

    source = tmp_path / f"in{len(list(tmp_path.glob('in*.jsonl')))}.jsonl"
    source.write_text("".join(json.dumps({"text": t, "title": t.split(".")[0]}) + "\n" for t in texts),
                      encoding="utf-8")
    eventwire.ingest([str(source)], Settings.load(db=str(db), analyse=False, strict=True))


def _store(db):
    from eventwire.store import Store

    return Store(db, read_only=True)


def test_sync_is_incremental_and_swaps_generations(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest(tmp_path, db, [GERMAN, ENGLISH])  # a run syncs the index when it ends
    with _store(db) as store:
        assert sync_index(store) == 0
        reader = SearchIndex.for_store(store)
        assert len(reader.search("Angriff").ids) == 1
        first = (index_path(store) / "CURRENT").read_text()
    _ingest(tmp_path, db, [LATER])
    with _store(db) as store:
        assert sync_index(store) == 0
        root = index_path(store)
        assert (root / "CURRENT").read_text() != first
        assert [p.name for p in root.glob("gen-*")] == [(root / "CURRENT").read_text()]
        # the reader opened before the sync follows CURRENT to the new generation
        assert len(reader.search("Abkommen").ids) == 1
        assert len(reader.search("Abkommen OR agreement").ids) == 2


def test_half_written_generation_is_never_read_and_is_swept(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest(tmp_path, db, [GERMAN])
    with _store(db) as store:
        sync_index(store)
        root = index_path(store)
        broken = root / "gen-000099"
        broken.mkdir()
        (broken / "meta.json").write_text("{not json")
        assert len(SearchIndex.for_store(store).search("Regierung").ids) == 1
    _ingest(tmp_path, db, [ENGLISH])
    with _store(db) as store:
        assert sync_index(store) == 0
        assert not broken.exists()
        assert len(SearchIndex.for_store(store).search("negotiation").ids) == 1


def test_index_ahead_of_store_is_rebuilt(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest(tmp_path, db, [GERMAN, ENGLISH])
    with _store(db) as store:
        sync_index(store)
    db.unlink()
    _ingest(tmp_path, db, [LATER])
    with _store(db) as store:
        assert sync_index(store) == 0
        index = SearchIndex.for_store(store)
        assert index.search("Regierung").ids == [store.con.execute("SELECT id FROM articles").fetchone()[0]]
        assert index.search("negotiations").ids == []


@pytest.mark.parametrize("query", ["", "   ", "\"", "title_de:(", "AND OR", "-"])
def test_odd_queries_find_nothing_and_do_not_raise(tmp_path, query):
    db = tmp_path / "s.duckdb"
    _ingest(tmp_path, db, [GERMAN])
    with _store(db) as store:
        sync_index(store)
        assert SearchIndex.for_store(store).search(query).ids == []


def test_search_without_an_index_finds_nothing(tmp_path):
    import shutil

    db = tmp_path / "s.duckdb"
    _ingest(tmp_path, db, [GERMAN])
    with _store(db) as store:
        shutil.rmtree(index_path(store))
        assert SearchIndex.for_store(store).search("Regierung").ids == []
