"""scripts/bench.py runs: its memory section end to end on a few generated articles (the speed sections
need ../shared and minutes; `make bench` runs them). Figures are not checked here: timing belongs in
the benchmark, not in tests."""

import importlib.util

from support import ROOT


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_memory_section_runs(tmp_path):
    rows = load_bench().bench_memory(tmp_path, 40)
    names = [name for name, _, _ in rows]
    assert names[0] == "memory: 40 generated articles, peak RSS"
    assert rows[2][2].startswith("40 stored")


def test_table_renders_rows():
    bench = load_bench()
    text = bench.table([("a", "1", "n")], "## head")
    assert "| a | 1 | n |" in text
