"""Annotate one text without a store: the analysis stages of the pipeline on a hand-made Article.

Reads a text (and optionally its publication date, title and language); returns the Article with
sentences, mentions, dates, actors, places and events. Used by the evaluation modules, the docs and
Python users who have text rather than files. Stages not installed yet are skipped.
"""

from __future__ import annotations

import hashlib
import importlib

from .model import Article
from .pipeline import Context, Pipeline

#: analysis stages in pipeline order: (module, class)
ANALYSIS_STAGES = (
    ("sentences", "Sentences"),
    ("mentions", "Mentions"),
    ("dates", "Dates"),
    ("actors", "Actors"),
    ("places", "Places"),
    ("events", "Events"),
)


def analysis_stages() -> list:
    stages = []
    for module_name, class_name in ANALYSIS_STAGES:
        try:
            module = importlib.import_module(f"eventwire.stages.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"eventwire.stages.{module_name}":
                continue
            raise
        stages.append(getattr(module, class_name)())
    return stages


_PIPELINE: Pipeline | None = None


def annotate(
    text: str,
    *,
    language: str = "de",
    published: str | None = None,
    title: str | None = None,
    dateline: str | None = None,
    uri: str = "text:",
    strict: bool = True,
) -> Article:
    """Run the analysis stages on ``text`` and return the annotated Article."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline(analysis_stages())
    article = Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16], uri=uri, text=text, title=title,
        language=language, published=published, dateline=dateline,
    )
    if published:
        article.published_precision = {4: "year", 7: "month"}.get(len(published), "day")
        article.published_method = "given"
    result = _PIPELINE(article, Context(strict=strict))
    return result if result is not None else article
