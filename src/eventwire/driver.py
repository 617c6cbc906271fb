"""The driver of a run: the only code that writes to the store.

Reads shard results in plan order; drops exact duplicates (same id = same normalised text, or same
normalised URL, against the store and the run so far), marks near-duplicates (``duplicate_of``), writes
the shards in one transaction per group of shards (at least ``WRITE_ARTICLES`` articles, or what has
waited ``WRITE_SECONDS``), then each shard's done-marker ``RUN_DIR/shards/NNNNNN.json`` with its stats.
A run killed before a group's commit has no markers for its shards: a resumed run does them again.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import Counter
from pathlib import Path

from . import __version__
from .collect import fewer_collections
from .executors import make_executor
from .ingest import RunReport, ShardResult, process_shard
from .model import Rejection
from .plan import shards, units
from .settings import Settings
from .stages.dedup import NearDuplicates
from .store import Store
from .store.rows import ARTICLE_COLUMNS

log = logging.getLogger(__name__)

#: places in a packed article row (store.rows.pack) that deduplication reads
ID, URL_NORM, SIGNATURE = (ARTICLE_COLUMNS.index(c) for c in ("id", "url_norm", "signature"))

#: a write to the store has a fixed cost besides its rows (DuckDB plans and commits each statement; the
#: events' primary-key check is per statement too): one transaction per shard of 16-32 inputs cost the
#: driver 1.7 s for news_de + news_en, groups of 500 articles 1.1 s (docs/benchmarks.md, sixth round).
#: A shard's results wait in memory until its group is written (a few MB).
WRITE_ARTICLES = 512
#: ... or until this many seconds after the group's first shard arrived (a slow input, e.g. fetched URLs)
WRITE_SECONDS = 5.0


class Driver:
    def __init__(self, settings: Settings, store: Store | None = None, resume: str | None = None):
        # the plan's shard size is fixed here (run.json records it, resume plans with it)
        self.settings = settings.replace(shard_size=settings.planned_shard_size)
        self.resume = resume
        self.own_store = store is None
        self.store = store or Store(settings.db, wait=settings.lock_wait)
        self.stats: Counter = Counter()
        self.ids: set[str] = set()
        self.urls: set[str] = set()
        self.near = NearDuplicates(settings.near_duplicate_threshold)

    def close(self) -> None:
        if self.own_store:
            self.store.close()

    def _load_known(self) -> None:
        con = self.store.con
        for (article_id, url_norm) in con.execute("SELECT id, url_norm FROM articles").fetchall():
            self.ids.add(article_id)
            if url_norm:
                self.urls.add(url_norm)
        cursor = con.execute(
            "SELECT id, signature, duplicate_of FROM articles WHERE signature IS NOT NULL ORDER BY seq")
        while batch := cursor.fetchmany(5000):
            for article_id, sig, dup in batch:
                self.near.add(article_id, list(sig), dup)

    def run(self, inputs: list[str], progress=None, stdin=None) -> RunReport:
        with fewer_collections():  # the driver's own work; shards set it where they run
            return self._run(inputs, progress, stdin)

    def _run(self, inputs: list[str], progress, stdin) -> RunReport:
        run_dir, inputs = self._run_dir(inputs)
        run_id = run_dir.name if run_dir else uuid.uuid4().hex[:12]
        self.run_id = run_id
        self.store.start_run(run_id, __version__, self.settings.to_json(), inputs)
        self._load_known()
        done = self._done_shards(run_dir)
        planned = units(inputs, stdin=stdin, shard_size=self.settings.shard_size)
        jobs = self._jobs(planned, done)
        executor = make_executor(self.settings.executor, self.settings.workers, self.settings.scheduler)
        status = "failed"
        self.pending: list[tuple[ShardResult, dict[int, str | None]]] = []
        try:
            for result in executor.map(process_shard, jobs):
                self._load(result)
                if self._due():
                    self._flush(run_dir, run_id, progress)
            self._flush(run_dir, run_id, progress)
            status = "done"
        finally:
            try:  # what arrived before a failure is written: its shards need not run again
                self._flush(run_dir, run_id, progress)
            finally:
                executor.close()
                self.store.finish_run(run_id, dict(self.stats), status)
        if status == "done":
            from .store.search import sync_index

            # the text index follows the store in the same run (rebuilt into a fresh folder, swapped whole)
            self.stats["indexed"] = sync_index(self.store)
        return RunReport(run_id=run_id, stats=self.stats, run_dir=str(run_dir) if run_dir else None)

    def _jobs(self, planned, done: set[int]):
        plan_rejects: list[Rejection] = []

        def items():
            for item in planned:
                if isinstance(item, Rejection):
                    plan_rejects.append(item)
                else:
                    yield item

        for number, shard in enumerate(shards(items(), self.settings.shard_size)):
            if number in done:
                self.stats["shards_skipped"] += 1
                continue
            yield (number, shard, self.settings)
        if plan_rejects:
            self.stats["inputs"] += len(plan_rejects)
            for r in plan_rejects:
                self.stats[f"rejected.{r.reason}"] += 1
            self._write([], plan_rejects, self.run_id)

    def _load(self, result: ShardResult) -> None:
        """Deduplicate a shard's articles against the store and the run; keep them for the next write."""
        if not self.pending:
            self.pending_since = time.monotonic()
        self.stats.update(result.stats)
        kept: dict[int, str | None] = {}  # index in the shard -> the article it near-duplicates
        for k, row in enumerate(result.rows.get("articles", ())):
            article_id, url_norm, signature = row[ID], row[URL_NORM], row[SIGNATURE]
            if article_id in self.ids:
                self.stats["duplicates.exact"] += 1
                continue
            if url_norm and url_norm in self.urls:
                self.stats["duplicates.url"] += 1
                continue
            self.ids.add(article_id)
            if url_norm:
                self.urls.add(url_norm)
            duplicate_of = None
            if signature:
                duplicate_of = self.near.check(signature)
                if duplicate_of:
                    self.stats["duplicates.near"] += 1
                self.near.add(article_id, signature, duplicate_of)
            kept[k] = duplicate_of
        self.stats["articles_stored"] += len(kept)
        self.stats["events_stored"] += sum(len(result.rows["events"][k]) for k in kept)
        self.pending.append((result, kept))

    def _due(self) -> bool:
        waiting = sum(len(kept) for _, kept in self.pending)
        return waiting >= WRITE_ARTICLES or time.monotonic() - self.pending_since >= WRITE_SECONDS

    def _flush(self, run_dir: Path | None, run_id: str, progress) -> None:
        """Write the waiting shards in one transaction, then mark each of them done."""
        group, self.pending = self.pending, []
        if not group:
            return
        self._write([(result.rows, kept) for result, kept in group],
                    [r for result, _ in group for r in result.rejects], run_id)
        for result, _ in group:
            self._mark(run_dir, result)
            if progress:
                progress(result)

    def _write(self, shards, rejects, run_id: str) -> None:
        self.store.write_shards(shards, rejects, run_id)

    # -- run directory -----------------------------------------------------------------------
    def _run_dir(self, inputs: list[str]) -> tuple[Path | None, list[str]]:
        if self.resume:
            run_dir = Path(self.resume)
            meta = json.loads((run_dir / "run.json").read_text())
            # shards are numbered by the plan: resume with the shard size the run was planned with
            self.settings = self.settings.replace(shard_size=meta["settings"]["shard_size"])
            return run_dir, meta["inputs"]
        if not self.settings.run_dir:
            return None, inputs
        run_dir = Path(self.settings.run_dir)
        (run_dir / "shards").mkdir(parents=True, exist_ok=True)
        if "-" in inputs:
            log.warning("stdin input cannot be resumed: --resume will skip it")
        (run_dir / "run.json").write_text(json.dumps(
            {"inputs": [i if i == "-" or i.startswith(("http:", "https:")) else str(Path(i).absolute())
                        for i in inputs], "settings": self.settings.to_json(), "version": __version__},
            indent=1))
        return run_dir, inputs

    @staticmethod
    def _done_shards(run_dir: Path | None) -> set[int]:
        if not run_dir or not (run_dir / "shards").is_dir():
            return set()
        return {int(p.stem) for p in (run_dir / "shards").glob("*.json")}

    @staticmethod
    def _mark(run_dir: Path | None, result: ShardResult) -> None:
        if run_dir is None:
            return
        marker = run_dir / "shards" / f"{result.number:06d}.json"
        tmp = marker.with_suffix(".tmp")
        tmp.write_text(json.dumps({"stats": dict(result.stats), "articles": result.n_articles}))
        tmp.replace(marker)
