"""Stages and the pipeline that chains them.

A stage is a callable ``stage(article, ctx) -> Article`` with a ``name`` and the article fields it
``requires`` and ``provides``; :class:`Pipeline` checks at build time that every required field is
provided by an earlier stage (or is one of the fields a reader always sets). A stage that finds the
article unusable raises :class:`Drop` with a reason; the pipeline turns it into a
:class:`~eventwire.model.Rejection`, counted in the context's stats.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .errors import PipelineError
from .model import Article, Rejection

log = logging.getLogger(__name__)

#: fields every article has when it leaves the extract stage
BASE_FIELDS = frozenset({
    "id", "uri", "text", "url", "title", "published", "published_precision", "published_method", "site",
    "dateline", "language",
})


class Drop(Exception):
    """Raised by a stage: this article leaves the pipeline with ``reason`` (a short snake_case code)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass
class Context:
    """What a run carries through its stages: settings, counters and the rejected inputs."""

    settings: object | None = None
    stats: Counter = field(default_factory=Counter)
    rejects: list[Rejection] = field(default_factory=list)
    strict: bool = False

    def reject(self, uri: str, reason: str, detail: str = "", stage: str = "") -> None:
        self.stats[f"rejected.{reason}"] += 1
        self.rejects.append(Rejection(uri=uri, reason=reason, detail=detail[:500], stage=stage))


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, article: Article, ctx: Context) -> Article: ...


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(self, stages: list[Stage]):
        available = set(BASE_FIELDS)
        for stage in stages:
            missing = [f for f in stage.requires if f not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {missing}, which no earlier stage provides; "
                    f"reorder the stages or add the one that provides them"
                )
            available.update(stage.provides)
        self.stages = list(stages)

    def __call__(self, article: Article, ctx: Context) -> Article | None:
        """Run every stage on one article; None when it was dropped (the reason is in ``ctx``)."""
        for stage in self.stages:
            article = _run(stage, article, ctx)
            if article is None:
                return None
        return article

    def run_many(self, articles: list[Article], ctx: Context) -> list[Article]:
        """Run every stage on many articles, stage by stage; the articles kept, in their order.

        A stage may define ``prepare(articles, ctx)``, called with all articles still in the run before
        its per-article calls, to do batched work (the NER runs one batch for many articles). It only
        prepares: should it fail, each article's own call does the work, so one bad article cannot take
        a batch with it. The result is the same as calling the pipeline on each article.
        """
        return [article for article in self.run_slots(articles, ctx) if article is not None]

    def run_slots(self, articles: list[Article], ctx: Context) -> list[Article | None]:
        """:meth:`run_many`, one slot per input article: None where it was dropped."""
        slots: list[Article | None] = list(articles)
        for stage in self.stages:
            prepare = getattr(stage, "prepare", None)
            alive = [article for article in slots if article is not None]
            if prepare is not None and len(alive) > 1:
                try:
                    prepare(alive, ctx)
                except Exception:
                    if ctx.strict:
                        raise
                    log.exception("stage %s could not prepare a batch; articles run one by one", stage.name)
            slots = [None if article is None else _run(stage, article, ctx) for article in slots]
        return slots


def _run(stage: Stage, article: Article, ctx: Context) -> Article | None:
    try:
        return stage(article, ctx)
    except Drop as drop:
        ctx.reject(article.uri, drop.reason, drop.detail, stage.name)
    except Exception as exc:  # a bug on one article must not kill the run
        if ctx.strict:
            raise
        log.exception("stage %s failed on %s", stage.name, article.uri)
        ctx.reject(article.uri, "stage_error", f"{type(exc).__name__}: {exc}", stage.name)
    return None
