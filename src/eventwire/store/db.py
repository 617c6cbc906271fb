"""Opening, migrating and writing the store (the one writer)."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Self

import duckdb

from ..errors import StoreBusy, StoreError
from ..model import Rejection

log = logging.getLogger(__name__)


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every migration shipped in store/migrations, in order."""
    folder = resources.files("eventwire.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            found.append((number, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class Store:
    def __init__(self, path: str | Path, read_only: bool = False, wait: float = 0.0):
        """Open (and, for writing, migrate) the store. ``wait``: seconds to keep trying while another
        process holds the file (a reading command holds it for a moment); then ``StoreBusy``."""
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}: run `eventwire run INPUT --db {self.path}` first")
        self.con = self._connect(wait)
        if not read_only:
            self.migrate()
        elif self.version() < migrations()[-1][0]:
            # a store written by an older eventwire: migrate it once, then read it
            self.con.close()
            Store(path).close()
            self.con = duckdb.connect(str(self.path), read_only=True)

    def _connect(self, wait: float) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + wait
        pause = 0.02
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise StoreError(f"cannot open {self.path}: {exc}") from exc
                if time.monotonic() + pause > deadline:
                    raise StoreBusy(
                        f"{self.path} is open in another process (a run writing it, or a reader such as "
                        f"`eventwire serve` when this process wants to write): DuckDB lets one process "
                        f"write at a time. Wait for the run to finish, stop the other process, or read a copy"
                    ) from exc
                time.sleep(pause)
                pause = min(pause * 2, 0.25)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------------------------
    def version(self) -> int:
        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.CatalogException:
            return 0
        return row[0] or 0

    def migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
            "applied TIMESTAMP)"
        )
        current = self.version()
        for number, name, sql in migrations():
            if number <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [number, name, _now()])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
            log.info("store %s migrated to %s", self.path, name)

    # -- the writer --------------------------------------------------------------------------
    def known(self, article_id: str, url_norm: str | None) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM articles WHERE id = ? OR (? IS NOT NULL AND url_norm = ?) LIMIT 1",
            [article_id, url_norm, url_norm],
        ).fetchone()
        return row is not None

    def signatures(self):
        """(id, signature, duplicate_of) of every stored article, in storage order."""
        return self.con.execute(
            "SELECT id, signature, duplicate_of FROM articles WHERE signature IS NOT NULL ORDER BY seq"
        ).fetchall()

    def write_shards(self, shards: list[tuple[dict, dict[int, str | None]]], rejects: list[Rejection],
                     run_id: str) -> None:
        """Write shards' kept articles (with annotations and events; :func:`rows.write_packed`) and
        rejects in one transaction."""
        from .rows import write_packed, write_rejects

        self.con.execute("BEGIN TRANSACTION")
        try:
            write_packed(self.con, shards, run_id)
            write_rejects(self.con, rejects, run_id)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def start_run(self, run_id: str, version: str, settings: dict, inputs: list[str]) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO runs (id, started, version, settings, inputs, status) "
            "VALUES (?, ?, ?, ?, ?, 'running')",
            [run_id, _now(), version, json.dumps(settings), json.dumps(inputs)],
        )

    def finish_run(self, run_id: str, stats: dict[str, Any], status: str = "done") -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, stats = ?, status = ? WHERE id = ?",
            [_now(), json.dumps(stats), status, run_id],
        )

    def checkpoint(self) -> None:
        self.con.execute("CHECKPOINT")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
