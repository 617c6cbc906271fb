"""``eventwire serve``: one request with --get, and the --watch poller ingesting into the open store."""

from __future__ import annotations

import json
import threading

from eventwire.web.serve import Watcher, read_watch_list, serve_command

ARTICLE = ("Die Regierung von Norwegen hat am Freitag in Oslo ein Abkommen mit Schweden unterzeichnet. "
           "Beide Seiten lobten die Verhandlungen und kündigten weitere Gespräche über Energie an.")


def _store_with_one_article(tmp_path):
    import eventwire
    from eventwire.settings import Settings

    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"text": ARTICLE, "title": "Abkommen"}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    eventwire.ingest([str(source)], Settings.load(db=str(db), analyse=False, strict=True))
    return db


def test_get_answers_one_request(tmp_path, capsys):
    db = _store_with_one_article(tmp_path)
    assert serve_command(str(db), get="/api/articles?q=Verhandlung") == 0
    body = json.loads(capsys.readouterr().out)
    assert body["total"] == 1 and body["items"][0]["title"] == "Abkommen"
    assert serve_command(str(db), get="/api/events/missing") == 1
    assert json.loads(capsys.readouterr().out)["error"]["status"] == 404


def test_cli_serve_get(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    db = _store_with_one_article(tmp_path)
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--get", "/api/stats"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["totals"]["articles"] == 1


def test_watch_list_skips_comments_and_blanks(tmp_path):
    listing = tmp_path / "watch.txt"
    listing.write_text("# feeds\nhttps://example.org/feed.xml  # world news\n\n   \n/data/x.jsonl\n")
    assert read_watch_list(listing) == ["https://example.org/feed.xml", "/data/x.jsonl"]


def test_watcher_ingests_into_the_served_store(tmp_path):
    from fastapi.testclient import TestClient

    from eventwire.settings import Settings
    from eventwire.store import Store
    from eventwire.web import create_app

    db = _store_with_one_article(tmp_path)
    fresh = tmp_path / "fresh.jsonl"
    fresh.write_text(json.dumps({"text": ARTICLE.replace("Norwegen", "Finnland").replace("Oslo", "Helsinki"),
                                 "title": "Finnland"}) + "\n", encoding="utf-8")
    listing = tmp_path / "watch.txt"
    listing.write_text(f"# local file standing in for a feed\n{fresh}\n")
    store, lock = Store(db), threading.Lock()
    try:
        client = TestClient(create_app(store, lock=lock))
        assert client.get("/api/articles?q=Helsinki").json()["total"] == 0
        watcher = Watcher(listing, store, lock, Settings.load(db=str(db), analyse=False), interval=60)
        stats = watcher.poll_once()
        assert stats["articles_stored"] == 1
        assert client.get("/api/articles?q=Helsinki").json()["total"] == 1
        assert watcher.poll_once().get("articles_stored", 0) == 0  # already stored
        assert len(client.get("/api/runs").json()) == 3
    finally:
        store.close()
