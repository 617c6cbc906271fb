"""The pipeline: build-time checks, drops and errors per article, batched runs with prepare."""

import pytest

from eventwire.errors import PipelineError
from eventwire.model import Article
from eventwire.pipeline import Context, Drop, Pipeline


class Upper:
    name = "upper"
    requires = ("text",)
    provides = ("title",)

    def __init__(self, fail_prepare=False):
        self.fail_prepare = fail_prepare
        self.prepared: dict[int, str] = {}
        self.batches: list[int] = []

    def prepare(self, articles, ctx):
        self.batches.append(len(articles))
        if self.fail_prepare:
            raise RuntimeError("batch broke")
        self.prepared = {id(a): a.text.upper() for a in articles}

    def __call__(self, article, ctx):
        if article.text == "drop me":
            raise Drop("unwanted", "by the test")
        if article.text == "boom":
            raise ValueError("bad article")
        article.title = self.prepared.pop(id(article), None) or article.text.upper()
        return article


def articles(*texts):
    return [Article(id=str(k), uri=f"t:{k}", text=t) for k, t in enumerate(texts)]


def test_missing_field_is_named_when_built():
    class NeedsEvents(Upper):
        requires = ("events",)

    with pytest.raises(PipelineError, match="events"):
        Pipeline([NeedsEvents()])


def test_run_slots_keeps_order_and_records_drops_and_errors():
    stage = Upper()
    ctx = Context()
    slots = Pipeline([stage]).run_slots(articles("a", "drop me", "boom", "b"), ctx)
    assert [s.title if s else None for s in slots] == ["A", None, None, "B"]
    assert stage.batches == [4]
    assert sorted(r.reason for r in ctx.rejects) == ["stage_error", "unwanted"]
    assert ctx.stats["rejected.unwanted"] == 1


def test_a_failing_prepare_falls_back_to_one_article_at_a_time():
    ctx = Context()
    kept = Pipeline([Upper(fail_prepare=True)]).run_many(articles("a", "b"), ctx)
    assert [a.title for a in kept] == ["A", "B"] and not ctx.rejects


def test_a_failing_prepare_stops_a_strict_run():
    with pytest.raises(RuntimeError, match="batch broke"):
        Pipeline([Upper(fail_prepare=True)]).run_many(articles("a", "b"), Context(strict=True))


def test_one_article_is_not_prepared():
    stage = Upper()
    assert Pipeline([stage]).run_many(articles("a"), Context())[0].title == "A"
    assert stage.batches == []
