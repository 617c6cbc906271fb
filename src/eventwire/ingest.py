"""The one orchestration function: plan shards, run them on an executor, load results, record the run.

Workers (any executor) turn a shard of input units into articles and rejections
(:func:`process_shard`) and send back the store's rows of the articles; the driver alone dedups and
writes, in plan order, whole shards in one transaction, then writes each shard's done-marker in the
run directory. ``--resume RUN_DIR`` skips the shards marked done; exact dedup makes a shard written
just before a crash harmless.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .collect import fewer_collections
from .model import Article, Rejection
from .pipeline import Context, Drop, Pipeline
from .settings import ANALYSED_LANGUAGES, Settings

log = logging.getLogger(__name__)


@dataclass
class ShardResult:
    """What a worker sends back: the store's rows of the shard's articles (:func:`store.rows.pack`),
    its rejections and stats."""

    number: int
    rows: dict[str, list] = field(default_factory=dict)
    rejects: list[Rejection] = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)

    @property
    def n_articles(self) -> int:
        return len(self.rows.get("articles", ()))


@dataclass
class RunReport:
    run_id: str
    stats: Counter
    run_dir: str | None = None

    def table(self) -> list[tuple[str, int]]:
        return sorted(self.stats.items())


_WORKER: dict[str, Any] = {}


def _pipelines(settings: Settings) -> tuple[Pipeline, Pipeline | None]:
    key = json.dumps(settings.to_json(), sort_keys=True)
    if _WORKER.get("key") != key:
        from .annotate import analysis_stages
        from .stages.dedup import Fingerprint
        from .stages.language import Language

        base = Pipeline([Language(), Fingerprint()])
        analysis = Pipeline(analysis_stages()) if settings.analyse else None
        _WORKER.update(key=key, base=base, analysis=analysis, fetcher=None)
    return _WORKER["base"], _WORKER["analysis"]


def _fetcher(settings: Settings):
    if _WORKER.get("fetcher") is None:
        from .fetch import Fetcher

        _WORKER["fetcher"] = Fetcher(settings)
    return _WORKER["fetcher"]


def process_shard(job: tuple[int, list, Settings]) -> ShardResult:
    """Read, extract, clean and analyse one shard (runs in a worker; writes nothing)."""
    number, shard_units, settings = job
    with fewer_collections():
        return _process(number, shard_units, settings)


def _process(number: int, shard_units: list, settings: Settings) -> ShardResult:
    from .stages.read import read_unit
    from .store.rows import pack

    base, analysis = _pipelines(settings)
    ctx = Context(settings=settings, strict=settings.strict)
    result = ShardResult(number)
    needs_net = any(u[0] == "url" for u in shard_units) or settings.fetch
    fetcher = _fetcher(settings) if needs_net else None
    batch: list[Article] = []
    done: list[Article] = []
    for unit in shard_units:
        ctx.stats["inputs"] += 1
        for item in read_unit(unit, settings, fetcher):
            if isinstance(item, Rejection):
                ctx.reject(item.uri, item.reason, item.detail, item.stage)
                continue
            ctx.stats["sources"] += 1
            article = _extract(item, settings, ctx)
            if article is not None:
                batch.append(article)
            if len(batch) >= BATCH:
                done += _analyse(batch, ctx, base, analysis)
                batch = []
    done += _analyse(batch, ctx, base, analysis)
    result.rows = pack(done)
    result.rejects, result.stats = ctx.rejects, ctx.stats
    return result


#: articles analysed together (the stages' batched work, e.g. the NER, runs over this many at once)
BATCH = 128


def _extract(source, settings, ctx) -> Article | None:
    from .stages.extract import to_article

    try:
        return to_article(source, settings)
    except Drop as drop:
        ctx.reject(source.uri, drop.reason, drop.detail, "extract")
    except Exception as exc:
        if ctx.strict:
            raise
        log.exception("extracting %s failed", source.uri)
        ctx.reject(source.uri, "stage_error", f"{type(exc).__name__}: {exc}", "extract")
    return None


def _analyse(articles: list[Article], ctx, base, analysis) -> list[Article]:
    """Base stages on every article, the analysis on those in an analysed language; input order kept."""
    articles = base.run_many(articles, ctx)
    if analysis is None:
        return articles
    chosen = [k for k, a in enumerate(articles) if a.language in ANALYSED_LANGUAGES]
    slots: list[Article | None] = list(articles)
    for k, done in zip(chosen, analysis.run_slots([articles[k] for k in chosen], ctx), strict=True):
        slots[k] = done
    return [a for a in slots if a is not None]


def ingest(inputs: list[str], settings: Settings, *, store=None, progress=None, stdin=None,
           resume: str | None = None) -> RunReport:
    """Run the pipeline over ``inputs`` into the store at ``settings.db``; returns the run's stats."""
    from .driver import Driver

    driver = Driver(settings, store=store, resume=resume)
    try:
        return driver.run(inputs, progress=progress, stdin=stdin)
    finally:
        driver.close()
