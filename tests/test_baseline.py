"""The floors in eval/baseline.json may rise but never fall below what the issues require."""

from __future__ import annotations

import json

from support import ROOT

#: the minimum each figure must keep (issues: articles, actors, events)
REQUIRED = {
    "extraction.html_f1": 0.92,
    "extraction.text_f1": 0.85,
    "actors.code_share": 0.85,
    "events.f1": 0.60,
    "plover.share": 0.60,
    "seeds.seeds_events": 5,
    "actors.seeds_ok": 4,
}


def test_floors_are_not_below_the_requirements():
    floors = json.loads((ROOT / "eval" / "baseline.json").read_text())
    for key, minimum in REQUIRED.items():
        assert key in floors, f"{key} has no floor in eval/baseline.json"
        assert floors[key] >= minimum, f"{key} floor {floors[key]} is below the required {minimum}"
    assert floors["seeds_articles.boilerplate_left"] == {"max": 0}


def test_floor_check_fails_below_a_floor(tmp_path, monkeypatch):
    from eventwire.evaluate import __main__ as runner

    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"fake.score": 0.9, "fake.left": {"max": 0}}))

    class Fake:
        @staticmethod
        def evaluate(shared):
            return {"score": 0.5, "left": 2}

    monkeypatch.setattr(runner, "MODULES", ("fake",))
    monkeypatch.setattr(runner.importlib, "import_module", lambda name: Fake)
    (tmp_path / "data").mkdir()
    assert runner.main(["--shared", str(tmp_path), "--baseline", str(baseline)]) == 1
