"""The command line: each command parses its options, calls one library function, formats the result.

stdout carries data only; progress bars, the run's stats table and messages go to stderr.
"""

from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from .errors import EventwireError
from .model import ARTICLE_FIELDS, EVENT_FIELDS

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: news in, events out. A clean article archive and PLOVER/CAMEO events.")
err = Console(stderr=True)
DB = typer.Option("eventwire.duckdb", "--db", help="DuckDB store (EVENTWIRE_DB).", envvar="EVENTWIRE_DB")


class Fmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class EventFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    gdelt = "gdelt"
    plover = "plover"


def _open(db: str):
    from .store import Store

    return Store(db, read_only=True)


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}")
    raise typer.Exit(2)


@app.command()
def run(
    inputs: list[str] | None = typer.Argument(
        None, help="Files, directories, http(s) URLs, or - for JSONL on stdin (none with --resume)."),
    db: str = DB,
    workers: int = typer.Option(1, help="Worker processes."),
    executor: str = typer.Option("local", help="local (process pool) or dask."),
    scheduler: str | None = typer.Option(None, help="Dask scheduler address (default: a LocalCluster)."),
    run_dir: str | None = typer.Option(None, help="Run directory with per-shard done-markers."),
    resume: str | None = typer.Option(None, help="Resume the run in this run directory."),
    fetch: bool = typer.Option(False, "--fetch", help="Fetch the pages feed entries link to."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow loopback/private addresses."),
    max_bytes: int | None = typer.Option(None, help="Largest input file/record/response in bytes."),
    no_analyse: bool = typer.Option(False, "--no-analyse", help="Archive only: no actors, places, events."),
    ner: str | None = typer.Option(None, "--ner",
                                      help="Statistical NER over: events (default), all, off (faster)."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first unexpected error."),
) -> None:
    """Read INPUTs, clean and analyse them, and store articles, events and rejects."""
    from .ingest import ingest
    from .settings import Settings

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not inputs and not resume:
        _fail(EventwireError("give at least one INPUT (or --resume RUN_DIR)"))
    try:
        settings = Settings.load(db=db, workers=workers, executor=executor, scheduler=scheduler,
                                 run_dir=run_dir, fetch=fetch or None, allow_private=allow_private or None,
                                 max_bytes=max_bytes, analyse=False if no_analyse else None, ner=ner,
                                 strict=strict or None)
        with _progress() as progress:
            report = ingest(list(inputs or []), settings, progress=progress, resume=resume)
    except EventwireError as exc:
        _fail(exc)
    _stats_table(report)


class _progress:
    """A Rich progress line on stderr, only when stderr is a terminal."""

    def __enter__(self):
        self.bar = None
        if sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                console=err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("shards: 0")
            self.done = 0
        return self.update if self.bar else None

    def update(self, result) -> None:
        self.done += 1
        last = result.n_articles
        self.bar.update(self.task, description=f"shards: {self.done}, articles in the last: {last}")

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()


def _stats_table(report) -> None:
    from rich.table import Table

    table = Table(title=f"run {report.run_id}")
    table.add_column("stat")
    table.add_column("count", justify="right")
    stats = report.stats
    rejected = sum(v for k, v in stats.items() if k.startswith("rejected."))
    for key in ("inputs", "sources", "articles_stored", "duplicates.exact", "duplicates.url",
                "duplicates.near", "events_stored"):
        table.add_row(key, str(stats.get(key, 0)))
    table.add_row("rejected", str(rejected))
    for key in sorted(k for k in stats if k.startswith("rejected.")):
        table.add_row("  " + key.split(".", 1)[1], str(stats[key]))
    err.print(table)


@app.command()
def articles(db: str = DB, format: Fmt = typer.Option(Fmt.jsonl, "--format"),
             limit: int | None = typer.Option(None)) -> None:
    """Stored articles (JSONL fields: docs/data-model.md)."""
    from .output import write_records
    from .store import read

    try:
        with _open(db) as store:
            fields = ARTICLE_FIELDS if format != Fmt.table else ("id", "language", "published", "title",
                                                                "site", "duplicate_of", "n_chars")
            write_records(read.articles(store, limit), format.value, fields)
    except EventwireError as exc:
        _fail(exc)


@app.command()
def rejects(db: str = DB, format: Fmt = typer.Option(Fmt.table, "--format")) -> None:
    """Rejected inputs with their reason."""
    from .output import write_records
    from .store import read

    try:
        with _open(db) as store:
            write_records(read.rejects(store), format.value, ("uri", "reason", "detail", "stage"))
    except EventwireError as exc:
        _fail(exc)


@app.command()
def stats(db: str = DB, format: str = typer.Option("table", "--format", help="table or json")) -> None:
    """Counts over the store: articles, duplicates, rejects by reason, events by type."""
    from .store import read

    try:
        with _open(db) as store:
            figures = read.stats(store)
    except EventwireError as exc:
        _fail(exc)
    if format == "json":
        print(json.dumps(figures, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table()
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in figures.items():
        if isinstance(value, dict):
            for sub, count in value.items():
                table.add_row(f"{key}: {sub}", str(count))
        else:
            table.add_row(key, str(value))
    Console().print(table)


@app.command()
def actors(db: str = DB, format: Fmt = typer.Option(Fmt.table, "--format")) -> None:
    """Actors resolved in the stored articles, with mentions, first seen and evidence."""
    from .output import write_records
    from .store import read

    try:
        with _open(db) as store:
            write_records(read.actors(store), format.value,
                          ("name", "code", "sector", "role", "mentions", "first_seen", "evidence"))
    except EventwireError as exc:
        _fail(exc)


@app.command()
def events(db: str = DB, format: EventFmt = typer.Option(EventFmt.jsonl, "--format"),
           limit: int | None = typer.Option(None)) -> None:
    """Coded events: jsonl, csv, table, gdelt (GDELT 2.0 event rows) or plover (PLOVER JSON)."""
    from .store import read

    try:
        with _open(db) as store:
            rows = read.events(store, limit=limit)
            arts = {a["id"]: a for a in read.articles(store)} if format.value in ("gdelt", "plover") else {}
    except EventwireError as exc:
        _fail(exc)
    _write_events(rows, arts, format.value)


def _write_events(rows, arts, fmt: str) -> None:
    from .export import gdelt_rows, plover_record
    from .output import write_records

    if fmt == "gdelt":
        for n, event in enumerate(rows, 1):
            for row in gdelt_rows(event, arts.get(event["article_id"]), n):
                sys.stdout.write("\t".join(row) + "\n")
    elif fmt == "plover":
        for event in rows:
            sys.stdout.write(json.dumps(plover_record(event, arts.get(event["article_id"])),
                                        ensure_ascii=False) + "\n")
    elif fmt == "table":
        for event in rows:
            event["actor_codes"] = ",".join(a.get("code") or "?" for a in event["actor"])
            event["recipient_codes"] = ",".join(a.get("code") or "?" for a in event["recipient"])
        write_records(rows, "table", ("event", "mode", "actor_codes", "recipient_codes", "date", "aux",
                                      "trigger", "cameo", "sentence"), width=40)
    else:
        write_records(rows, fmt, EVENT_FIELDS)


@app.command()
def show(article_id: str, db: str = DB) -> None:
    """One article with its mentions, actors, places, dates and events marked."""
    from .show import render_article
    from .store import read

    try:
        with _open(db) as store:
            article = read.article(store, article_id)
            if article is None:
                _fail(EventwireError(f"no article {article_id!r} in {db}"))
            notes = read.annotations(store, article_id)
    except EventwireError as exc:
        _fail(exc)
    Console().print(render_article(article, notes))


@app.command()
def serve(
    db: str = DB,
    host: str = typer.Option("127.0.0.1", help="Address to bind (default: this machine only)."),
    port: int = typer.Option(8000),
    get: str | None = typer.Option(None, "--get", help="Answer one GET request (path) and exit."),
    watch: Path | None = typer.Option(None, "--watch", help="File listing feeds/URLs to poll and ingest."),
    interval: float = typer.Option(300.0, help="Seconds between polls with --watch."),
) -> None:
    """The JSON API (/api, docs at /docs) and the web UI over the store."""
    from .web.serve import serve_command

    try:
        code = serve_command(db=db, host=host, port=port, get=get, watch=watch, interval=interval)
    except EventwireError as exc:
        _fail(exc)
    raise typer.Exit(code)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # python -m eventwire.cli
    app()
