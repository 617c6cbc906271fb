"""Fixtures of the web tests: one store built by the real pipeline over the articles in fixtures.py,
plus a few events inserted directly (so paging, sorting and the hostile-text checks do not depend on
what the event coder finds), and the app and a TestClient over it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixtures import ARTICLES, HOSTILE_IMG, HOSTILE_MARK

INSERTED_CODER = "test-fixture/1"


def _inserted_events(con) -> None:
    """Three events written by hand: a hostile entity name and sentence, an ASSAULT, a REQUEST."""
    from eventwire.model import Event
    from eventwire.store.rows import event_row

    ids = dict(con.execute("SELECT url, id FROM articles").fetchall())
    texts = dict(con.execute("SELECT id, text FROM articles").fetchall())
    hostile = ids["https://wire.example.com/en/hostile"]
    strikes = ids["https://wire.example.com/en/israel-strikes"]

    def make(eid, article_id, sentence_words, trigger, **fields):
        text = texts[article_id]
        start = text.index(sentence_words)
        t_start = text.index(trigger, start)
        base = {"mode": None, "context": [], "aux": None, "confidence": 0.9, "coder": INSERTED_CODER,
                "sentence": text[start:start + len(sentence_words)],
                "sentence_span": [start, start + len(sentence_words)],
                "trigger": trigger, "trigger_span": [t_start, t_start + len(trigger)]}
        base.update(fields)
        return Event(id=eid, article_id=article_id, **base)

    events = [
        make("t-assault", strikes, "Israeli forces attacked several targets", "attacked", event="ASSAULT",
             cameo="190", quad_class=4, goldstein=-10.0,
             actor=[{"text": "Israeli forces", "name": "Israel military", "code": "ISR", "sector": "MIL"}],
             recipient=[{"text": "Lebanon", "name": "Lebanon", "code": "LBN", "sector": None}],
             date="2024-03-26", date_precision="day",
             location={"name": "Beirut", "country": "LBN", "lat": 33.89, "lon": 35.5}),
        make("t-hostile", hostile, f"in Paris {HOSTILE_MARK} over the budget", "over", event="ACCUSE",
             cameo="111", quad_class=3, goldstein=-2.0,
             actor=[{"text": "Paris", "name": f"Evil {HOSTILE_IMG}", "code": "DEU", "sector": "GOV"}],
             recipient=[{"text": HOSTILE_MARK, "name": HOSTILE_MARK, "code": "FRA", "sector": "GOV"}],
             date="2024-03", date_precision="month", location=None),
        make("t-request", strikes, "called on the United Nations to intervene", "called on", event="REQUEST",
             cameo="100", quad_class=3, goldstein=-0.1,
             actor=[{"text": "Lebanon", "name": "Lebanon", "code": "LBN", "sector": "GOV"}],
             recipient=[{"text": "United Nations", "name": "United Nations", "code": "UN", "sector": "IGO"}],
             date="2024-03-27", date_precision="day", location=None),
    ]
    con.executemany(f"INSERT OR IGNORE INTO events VALUES ({', '.join('?' * 23)})",
                    [event_row(e) for e in events])


@pytest.fixture(scope="session")
def web_store(tmp_path_factory):
    """A writable store (with its search index) built once for the web tests."""
    import eventwire
    from eventwire.settings import Settings
    from eventwire.store import Store

    folder = tmp_path_factory.mktemp("web")
    source = folder / "news.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "store.duckdb"
    eventwire.ingest([str(source)], Settings.load(db=str(db), strict=True))
    store = Store(db)
    _inserted_events(store.con)
    yield store
    store.close()


@pytest.fixture(scope="session")
def app(web_store):
    from eventwire.web import create_app

    return create_app(web_store)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def article_ids(web_store) -> dict[str, str]:
    """url -> article id of the fixture articles."""
    return dict(web_store.con.execute("SELECT url, id FROM articles").fetchall())
