"""Runs: idempotent re-runs, identical stores across executors, dedup, resume after SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from eventwire import ingest
from eventwire.inputs.warc import write_warc
from support import ENGLISH_ARTICLE, EXAMPLES, GERMAN_ARTICLE, generated_articles, write_jsonl


def dump(db: str) -> dict[str, list]:
    con = duckdb.connect(db, read_only=True)
    try:
        return {
            "articles": con.execute("SELECT * EXCLUDE (run_id) FROM articles ORDER BY seq").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY id").fetchall(),
            "actors": con.execute("SELECT * FROM actor_mentions ORDER BY ALL").fetchall(),
            "rejects": con.execute("SELECT * EXCLUDE (run_id) FROM rejects ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "de.txt").write_text(GERMAN_ARTICLE, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH_ARTICLE, encoding="utf-8")
    write_jsonl(folder / "gen.jsonl", generated_articles(60))
    (folder / "broken.jsonl").write_text('{"text": 1}\n{oops\n')
    return [str(folder), str(EXAMPLES)]


def test_rerun_adds_nothing(inputs, settings_for):
    settings = settings_for()
    first = ingest(inputs, settings)
    before = dump(settings.db)
    second = ingest(inputs, settings)
    assert first.stats["articles_stored"] == len(before["articles"]) > 60
    assert second.stats["articles_stored"] == 0
    assert dump(settings.db) == before


@pytest.mark.slow
def test_executors_give_identical_stores(inputs, settings_for, tmp_path):
    one = settings_for(db=str(tmp_path / "one.duckdb"), workers=1, shard_size=4)
    two = settings_for(db=str(tmp_path / "two.duckdb"), workers=2, shard_size=4)
    ingest(inputs, one)
    ingest(inputs, two)
    reference = dump(one.db)
    assert reference["articles"] and dump(two.db) == reference
    pytest.importorskip("distributed")
    dask = settings_for(db=str(tmp_path / "dask.duckdb"), workers=2, shard_size=4, executor="dask")
    ingest(inputs, dask)
    assert dump(dask.db) == reference


def test_same_article_in_file_and_warc_stored_once(tmp_path, settings_for):
    html = f"<html><body><article><h1>Titel</h1><p>{GERMAN_ARTICLE}</p></article></body></html>"
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz", [("https://example.org/x", html.encode())])
    report = ingest([str(tmp_path / "page.html"), str(tmp_path / "crawl.warc.gz")], settings_for())
    assert report.stats["articles_stored"] == 1
    assert report.stats["duplicates.exact"] + report.stats["duplicates.url"] == 1


def test_a_copy_in_the_same_shard_adds_no_rows(tmp_path, settings_for):
    # two copies of one text share the article id: the copy's annotations must not be written too
    one, two = settings_for(db=str(tmp_path / "one.duckdb")), settings_for(db=str(tmp_path / "two.duckdb"))
    write_jsonl(tmp_path / "one.jsonl", [{"uri": "a", "text": GERMAN_ARTICLE}])
    write_jsonl(tmp_path / "two.jsonl", [{"uri": "a", "text": GERMAN_ARTICLE},
                                         {"uri": "b", "text": GERMAN_ARTICLE}])
    ingest([str(tmp_path / "one.jsonl")], one)
    report = ingest([str(tmp_path / "two.jsonl")], two)
    assert report.stats["articles_stored"] == 1 and report.stats["duplicates.exact"] == 1
    single, double = dump(one.db), dump(two.db)
    assert single["events"] and single["actors"]
    assert double["events"] == single["events"] and double["actors"] == single["actors"]
    for db in (one.db, two.db):
        con = duckdb.connect(db, read_only=True)
        counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("mentions", "places", "dates", "events")]
        con.close()
        if db == one.db:
            expected = counts
    assert counts == expected and counts[0] > 0


def test_near_duplicate_points_to_first(tmp_path, settings_for):
    long_text = GERMAN_ARTICLE + "\n" + " ".join(a["text"] for a in generated_articles(3, seed=3))
    edited = long_text.replace("am Donnerstag", "am Donnerstagabend")
    write_jsonl(tmp_path / "a.jsonl", [{"text": long_text}, {"text": edited}])
    settings = settings_for()
    ingest([str(tmp_path / "a.jsonl")], settings)
    rows = duckdb.connect(settings.db, read_only=True).execute(
        "SELECT id, duplicate_of FROM articles ORDER BY seq").fetchall()
    assert len(rows) == 2 and rows[0][1] is None and rows[1][1] == rows[0][0]


def test_default_shard_size_follows_the_executor_and_is_recorded(tmp_path, settings_for):
    import json

    from eventwire.driver import Driver
    from eventwire.errors import ConfigError
    from eventwire.settings import SHARD_SIZES, Settings

    assert Settings().planned_shard_size == SHARD_SIZES["local"] == 32
    assert Settings(executor="dask").planned_shard_size == SHARD_SIZES["dask"] == 16
    assert Settings(executor="dask", shard_size=5).planned_shard_size == 5
    with pytest.raises(ConfigError):
        Settings.load(shard_size=-1)
    write_jsonl(tmp_path / "a.jsonl", generated_articles(3))
    run_dir = tmp_path / "run"
    ingest([str(tmp_path / "a.jsonl")], settings_for(run_dir=str(run_dir)))
    # the plan's size, not 0, is what a resumed run (with any executor) plans with
    assert json.loads((run_dir / "run.json").read_text())["settings"]["shard_size"] == 32
    driver = Driver(settings_for(executor="dask", db=str(tmp_path / "d.duckdb")), resume=str(run_dir))
    try:
        assert driver._run_dir([])[0] == run_dir and driver.settings.shard_size == 32
    finally:
        driver.close()


def test_shards_are_written_in_groups_and_marked_after_their_write(tmp_path, settings_for, monkeypatch):
    import json

    import eventwire.driver as driver

    monkeypatch.setattr(driver, "WRITE_ARTICLES", 10)
    data = write_jsonl(tmp_path / "a.jsonl", generated_articles(40, seed=3))
    run_dir = tmp_path / "run"
    writes: list[int] = []
    marked_at_write: list[int] = []
    original = driver.Driver._write

    def spy(self, shards, rejects, run_id):
        writes.append(sum(len(kept) for _, kept in shards))
        marked_at_write.append(len(list((run_dir / "shards").glob("*.json"))))
        return original(self, shards, rejects, run_id)

    monkeypatch.setattr(driver.Driver, "_write", spy)
    report = ingest([str(data)], settings_for(run_dir=str(run_dir), shard_size=1))
    markers = sorted((run_dir / "shards").glob("*.json"))
    # 40 lines in 5 shards of one 8-line input: groups of >= 10 articles are 2 shards each (the last alone)
    assert len(markers) == 5 and writes == [16, 16, 8]
    assert marked_at_write == [0, 2, 4]  # a shard is marked done only after its group was written
    assert sum(json.loads(m.read_text())["articles"] for m in markers) == 40
    assert report.stats["articles_stored"] == 40


def test_a_group_is_written_once_it_has_waited_long_enough(tmp_path, settings_for, monkeypatch):
    import eventwire.driver as driver

    monkeypatch.setattr(driver, "WRITE_SECONDS", 0.0)  # a slow input: nothing waits for more shards
    writes: list[int] = []
    original = driver.Driver._write

    def spy(self, shards, rejects, run_id):
        writes.append(len(shards))
        return original(self, shards, rejects, run_id)

    monkeypatch.setattr(driver.Driver, "_write", spy)
    data = write_jsonl(tmp_path / "a.jsonl", generated_articles(24, seed=4))
    report = ingest([str(data)], settings_for(shard_size=1))
    assert writes == [1, 1, 1] and report.stats["articles_stored"] == 24


def test_shards_that_arrived_before_a_failure_are_written(tmp_path, settings_for, monkeypatch):
    import eventwire.driver as driver

    data = write_jsonl(tmp_path / "a.jsonl", generated_articles(24, seed=5))
    run_dir = tmp_path / "run"
    real = driver.process_shard

    def failing(job):
        if job[0] == 2:
            raise RuntimeError("worker lost")
        return real(job)

    monkeypatch.setattr(driver, "process_shard", failing)
    settings = settings_for(run_dir=str(run_dir), shard_size=1)
    with pytest.raises(RuntimeError, match="worker lost"):
        ingest([str(data)], settings)
    assert sorted(p.stem for p in (run_dir / "shards").glob("*.json")) == ["000000", "000001"]
    con = duckdb.connect(settings.db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 16
        assert con.execute("SELECT status FROM runs").fetchone()[0] == "failed"
    finally:
        con.close()


@pytest.mark.slow
def test_resume_after_sigkill(tmp_path):
    data = write_jsonl(tmp_path / "many.jsonl", generated_articles(1200, seed=7))
    db, run_dir = tmp_path / "k.duckdb", tmp_path / "run"
    cmd = [sys.executable, "-m", "eventwire.cli", "run", str(data), "--db", str(db),
           "--run-dir", str(run_dir)]
    env = dict(os.environ, EVENTWIRE_SHARD_SIZE="1")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((run_dir / "shards").glob("*.json"))) < 2:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list((run_dir / "shards").glob("*.json")))
    con = duckdb.connect(str(db), read_only=True)  # the killed store opens, whole shards only
    stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert done_before >= 2 and 0 < stored_before < 1200
    subprocess.run(cmd[:4] + ["--db", str(db), "--resume", str(run_dir)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (1200, 1200)
    con.close()
    (tmp_path / "crash-figures.txt").write_text(f"before {stored_before} after 1200\n")



@pytest.mark.slow
def test_reading_while_a_run_writes_works_or_says_busy(tmp_path):
    from eventwire.errors import StoreBusy
    from eventwire.store import Store, read

    data = write_jsonl(tmp_path / "many.jsonl", generated_articles(400, seed=11))
    db = tmp_path / "busy.duckdb"
    Store(db).close()  # the store exists before the run starts
    env = dict(os.environ, EVENTWIRE_SHARD_SIZE="1")
    log = tmp_path / "run.log"
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "run", str(data), "--db", str(db)],
                                env=env, stdout=subprocess.DEVNULL, stderr=err)
    outcomes = set()
    try:
        while proc.poll() is None and len(outcomes) < 2:
            try:
                with Store(db, read_only=True) as store:
                    read.stats(store)
                outcomes.add("read")
            except StoreBusy as exc:
                assert "another process" in str(exc) and "Wait for the run" in str(exc)
                outcomes.add("busy")
            time.sleep(0.2)
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0, log.read_text()  # readers coming and going never stop the run
    assert outcomes, "the run ended before any read was tried"
    with Store(db, read_only=True) as store:
        assert read.stats(store)["articles"] == 400


def _worker_environ() -> dict:
    import os

    return {k: os.environ.get(k) for k in ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")}


@pytest.mark.slow
def test_local_dask_workers_keep_glibc_default_trimming():
    """Dask's MALLOC_TRIM_THRESHOLD_=65536 slowed the analysis in a worker by 9-10%: not set there."""
    pytest.importorskip("distributed")
    from eventwire.executors import DaskExecutor

    executor = DaskExecutor(workers=1)
    try:
        environ = executor.client.submit(_worker_environ, pure=False).result()
    finally:
        executor.close()
    assert environ == {"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1"}
