"""Every command through Typer's CliRunner, on a store built from examples/ and a few bad inputs.

stdout carries data only (checked by parsing it); messages and the run's stats table go to stderr.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.export import GDELT_COLUMNS
from eventwire.model import ARTICLE_FIELDS, EVENT_FIELDS
from support import EXAMPLES

#: small shards, so that a run with two workers really spreads over both
ENV = {"EVENTWIRE_SHARD_SIZE": "2"}
READ_COMMANDS = (["articles"], ["events"], ["rejects"], ["stats"], ["actors"], ["show", "0123abcd"])


def cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})}, prog_name="eventwire")


def bad_inputs(folder: Path) -> Path:
    """Inputs written for this test, each of which must end as a rejection."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.jsonl").write_text('{"text": "Ein Satz."\n{"title": "ohne Text"}\n', encoding="utf-8")
    (folder / "logo.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "short.txt").write_text("Kurz gemeldet: Regen in Bonn.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(store path, the run's CliRunner result, the inputs) of one run over examples/ and bad inputs."""
    root = tmp_path_factory.mktemp("cli")
    inputs = [str(EXAMPLES), str(bad_inputs(root / "bad"))]
    db = str(root / "store.duckdb")
    result = cli("run", *inputs, "--db", db, "--strict")
    return db, result, inputs


@pytest.fixture(scope="module")
def db(built) -> str:
    assert built[1].exit_code == 0, built[1].output
    return built[0]


def lines(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_run_exits_0_with_every_input_stored_or_rejected(built, db):
    result, inputs = built[1], built[2]
    assert result.stdout == ""  # the stats table goes to stderr
    assert "articles_stored" in result.stderr
    uris = [a["uri"] for a in lines(cli("articles", "--db", db))]
    uris += [r["uri"] for r in lines(cli("rejects", "--db", db, "--format", "jsonl"))]
    for folder in inputs:
        for path in Path(folder).iterdir():
            assert any(uri.startswith(str(path.absolute())) for uri in uris), f"{path} left no trace"


def test_articles_jsonl_has_exactly_the_contract_fields(db):
    records = lines(cli("articles", "--db", db))
    assert len(records) >= 8
    for record in records:
        assert tuple(record) == ARTICLE_FIELDS
        assert record["n_chars"] == len(record["text"]) and record["language"] in ("de", "en")
        assert record["published_precision"] in (None, "day", "month", "year")
    assert len(lines(cli("articles", "--db", db, "--limit", "2"))) == 2


def test_articles_csv_and_table(db):
    count = len(lines(cli("articles", "--db", db)))
    result = cli("articles", "--db", db, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ARTICLE_FIELDS and len(rows) == count + 1
    table = cli("articles", "--db", db, "--format", "table")
    assert table.exit_code == 0 and "n_chars" in table.stdout and "language" in table.stdout


def test_events_jsonl_has_exactly_the_contract_fields(db):
    records = lines(cli("events", "--db", db))
    assert records
    for event in records:
        assert tuple(event) == EVENT_FIELDS
        assert isinstance(event["cameo"], str) and event["cameo"].isdigit()
        start, end = event["trigger_span"]
        assert trigger_fits(event["trigger"], event["sentence"], start - event["sentence_span"][0],
                            end - event["sentence_span"][0])
    assert len(lines(cli("events", "--db", db, "--limit", "3"))) == 3


def trigger_fits(trigger: str, text: str, start: int, end: int) -> bool:
    """The trigger's parts (a separable verb is "wies ... zurück") lie in order in text[start:end]."""
    parts, span = trigger.split(" ... "), text[start:end]
    at = 0
    for part in parts:
        at = span.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return span.startswith(parts[0]) and span.endswith(parts[-1])


def test_events_csv_and_table(db):
    count = len(lines(cli("events", "--db", db)))
    result = cli("events", "--db", db, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == EVENT_FIELDS and len(rows) == count + 1
    table = cli("events", "--db", db, "--format", "table")
    assert table.exit_code == 0 and "actor_codes" in table.stdout


def test_events_gdelt_rows_have_61_columns(db):
    result = cli("events", "--db", db, "--format", "gdelt")
    assert result.exit_code == 0
    rows = result.stdout.splitlines()
    assert rows and len(GDELT_COLUMNS) == 61
    for row in rows:
        cells = row.split("\t")
        assert len(cells) == 61
        assert cells[1] == "" or len(cells[1]) == 8 and cells[1].isdigit()  # SQLDATE YYYYMMDD, if dated
        assert cells[26].isdigit()  # EventCode, a CAMEO code


def test_events_plover_records(db):
    events = {e["id"]: e for e in lines(cli("events", "--db", db))}
    records = lines(cli("events", "--db", db, "--format", "plover"))
    assert len(records) == len(events)
    for record in records:
        event = events[record["id"]]
        assert record["event"] == [event["event"]] and record["cameo"] == event["cameo"]
        assert record["cite_info"]["article_id"] == event["article_id"]


def test_rejects_list_the_bad_inputs_with_reasons(db):
    records = lines(cli("rejects", "--db", db, "--format", "jsonl"))
    reasons = {r["uri"].rsplit("/", 1)[-1]: r["reason"] for r in records}
    assert reasons["empty.txt"] == "empty_input" and reasons["logo.txt"] == "binary"
    assert reasons["short.txt"] == "too_short"
    assert reasons["broken.jsonl#L1"] == reasons["broken.jsonl#L2"] == "bad_jsonl_line"
    table = cli("rejects", "--db", db)
    assert table.exit_code == 0 and "bad_jsonl_line" in table.stdout


def test_stats_json_agrees_with_the_listings(db):
    result = cli("stats", "--db", db, "--format", "json")
    assert result.exit_code == 0
    figures = json.loads(result.stdout)
    assert figures["articles"] == len(lines(cli("articles", "--db", db)))
    events = lines(cli("events", "--db", db))
    assert figures["events"] == len(events) == sum(figures["events_by_type"].values())
    rejects = lines(cli("rejects", "--db", db, "--format", "jsonl"))
    assert figures["rejects"] == len(rejects) == sum(figures["rejects_by_reason"].values())
    assert figures["runs"] == 1 and set(figures["languages"]) == {"de", "en"}
    assert cli("stats", "--db", db).exit_code == 0


def test_actors_are_listed_with_codes(db):
    records = lines(cli("actors", "--db", db, "--format", "jsonl"))
    assert records and all(r["mentions"] >= 1 for r in records)
    assert {"DEU", "UKR"} <= {r["code"] for r in records}
    assert cli("actors", "--db", db).exit_code == 0


def test_show_one_article(db):
    article = lines(cli("articles", "--db", db, "--limit", "1"))[0]
    result = cli("show", article["id"], "--db", db)
    assert result.exit_code == 0, result.output
    first_words = " ".join(article["text"].split()[:3])
    assert first_words in " ".join(result.stdout.split())


def test_show_an_unknown_article_is_exit_2(db):
    result = cli("show", "no-such-id", "--db", db)
    assert result.exit_code == 2 and "no-such-id" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_missing_store_is_a_clear_error_and_exit_2(tmp_path, command):
    missing = tmp_path / "nowhere.duckdb"
    result = cli(*command, "--db", str(missing))
    assert result.exit_code == 2 and result.stdout == ""
    message = " ".join(result.stderr.split())
    assert "no store at" in message and "eventwire run" in message
    assert not missing.exists()  # reading never creates a store


def test_db_comes_from_the_environment(db):
    assert lines(cli("articles", env={"EVENTWIRE_DB": db})) == lines(cli("articles", "--db", db))


def test_bad_settings_are_exit_2(tmp_path):
    result = cli("run", str(EXAMPLES), "--db", str(tmp_path / "x.duckdb"), "--workers", "0")
    assert result.exit_code == 2 and "--workers" in result.stderr


def test_serve_answers_one_request(db):
    pytest.importorskip("eventwire.web.serve", reason="the web module is not installed yet")
    result = cli("serve", "--db", db, "--get", "/api/stats")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == len(lines(cli("events", "--db", db)))


def test_help_of_every_command():
    for name in ("run", "articles", "rejects", "stats", "actors", "events", "show", "serve"):
        result = cli(name, "--help")
        assert result.exit_code == 0 and "Usage: eventwire" in result.stdout, name


@pytest.mark.slow
def test_two_workers_give_the_same_store_as_one(db, tmp_path):
    inputs = [str(EXAMPLES), str(bad_inputs(tmp_path / "bad"))]
    two = str(tmp_path / "two.duckdb")
    result = cli("run", *inputs, "--db", two, "--workers", "2", "--strict")
    assert result.exit_code == 0, result.output

    def dump(store: str) -> dict:
        rejects = lines(cli("rejects", "--db", store, "--format", "jsonl"))
        for reject in rejects:  # the same inputs under another folder, and another run
            reject["uri"] = reject["uri"].replace(inputs[1], "BAD")
            reject["uri"] = reject["uri"].replace(str(Path(db).parent / "bad"), "BAD")
            del reject["run_id"]
        return {"articles": lines(cli("articles", "--db", store)),
                "events": lines(cli("events", "--db", store)),
                "actors": lines(cli("actors", "--db", store, "--format", "jsonl")), "rejects": rejects}

    assert dump(two) == dump(db)
