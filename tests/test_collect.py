"""The run's garbage-collection policy is set for the block only and respects the caller's own."""

import gc

import pytest

from eventwire.collect import RUN_THRESHOLDS, fewer_collections


@pytest.fixture
def thresholds():
    before, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.set_threshold(*before)
    (gc.enable if enabled else gc.disable)()


def test_thresholds_inside_and_restored_after(thresholds):
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == RUN_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_when_the_block_raises(thresholds):
    gc.set_threshold(700, 10, 10)
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a shard failed")
    assert gc.get_threshold() == (700, 10, 10)


def test_never_collects_more_often_than_the_caller_asked(thresholds):
    gc.set_threshold(50_000, 5, 500)
    with fewer_collections():
        assert gc.get_threshold() == (50_000, 20, 500)


def test_a_process_without_collection_is_left_alone(thresholds):
    gc.set_threshold(700, 10, 10)
    gc.disable()
    with fewer_collections():
        assert gc.get_threshold() == (700, 10, 10) and not gc.isenabled()
    gc.enable()
    gc.set_threshold(0)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0


def test_a_shard_runs_under_the_policy(thresholds, monkeypatch):
    import importlib

    ingest = importlib.import_module("eventwire.ingest")
    seen = []
    monkeypatch.setattr(ingest, "_process", lambda *args: seen.append(gc.get_threshold()))
    gc.set_threshold(700, 10, 10)
    ingest.process_shard((0, [], None))
    assert seen == [RUN_THRESHOLDS] and gc.get_threshold() == (700, 10, 10)
