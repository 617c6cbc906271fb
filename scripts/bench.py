"""Benchmarks of the whole pipeline: HTML against trafilatura, plain-text throughput, Dask, memory.

Reads ../shared/data/extraction/pages (200 HTML pages with expectations), ../shared/data/news_de (JSONL)
and ../shared/data/news_en (text files, turned into a JSONL in a temporary folder); the memory run
generates its articles from the project's own templates (tests/support.py). Everything it writes
goes to a temporary folder, except the table, which is printed and appended to docs/benchmarks.md with
the date, the machine's CPU and cores and the Python version (``--no-append`` skips that).

    python scripts/bench.py                 # everything, full sizes (what `make bench` runs)
    python scripts/bench.py --quick         # smaller memory run (10,000 articles instead of 100,000)
    python scripts/bench.py --only html,text

Rates are given per CPU second of this process (all its threads) and per wall second: on a shared
machine the wall clock measures the neighbours too, so ratios are taken from CPU time where both sides
run in this process. Every in-process run comes after a warm-up run over texts written here, so the
one-time loading of models and codebooks is reported once (``startup``) and not in the rates.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOC = ROOT / "docs" / "benchmarks.md"
SECTIONS = ("html", "text", "dask", "memory")
TARGETS = {"html_ratio": 1.0, "html_f1": 0.92, "text_rate": 150.0, "dask_ratio": 1.8, "memory_mb": 1024.0}
WARM_RECORDS = [  # news-style texts written for this benchmark
    {"title": "Regierung plant neue Gespräche", "text": "Die Bundesregierung will nach Angaben eines "
     "Sprechers am Montag in Berlin mit Vertretern Polens über die Grenzkontrollen sprechen. Der Minister "
     "kritisierte zugleich die Pläne der Opposition und forderte eine rasche Einigung im Parlament."},
    {"title": "Ministers meet in Vienna", "text": "The foreign ministers of Austria and Hungary met on "
     "Tuesday in Vienna to discuss energy supplies, officials said. Both governments agreed to expand "
     "their cooperation and condemned an attack on a pipeline near the border last week."},
]
#: the footer's date is found only by htmldate's free-text search, which loads dateparser's locales
WARM_PAGE = ("<html><head><title>Talks resume</title></head><body><nav>Home | World</nav><article>"
             "<h1>Talks resume</h1><p>{}</p></article><footer><p class='date'>Updated on the 3rd of May, "
             "twenty-four 2019 edition</p></footer></body></html>")


class Timer:
    """Wall and CPU seconds of a block (CPU of every thread of this process)."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def run_ingest(inputs: list[str], db: Path, **settings) -> tuple[dict, Timer]:
    from eventwire import Settings, ingest
    from eventwire.ner import forget_texts

    # each measured run starts without the NER answers of the runs before it in this process (a corpus
    # measured twice would otherwise skip its NER the second time)
    forget_texts()
    with Timer() as timer:
        report = ingest(inputs, Settings.load(db=str(db), **settings))
    return dict(report.stats), timer


def warm_up(tmp: Path) -> float:
    """Load every model and codebook once (a run over texts written here); returns its wall seconds."""
    import trafilatura

    folder = tmp / "warm"
    folder.mkdir()
    (folder / "warm.jsonl").write_text("".join(json.dumps(r) + "\n" for r in WARM_RECORDS), "utf-8")
    (folder / "warm.html").write_text(WARM_PAGE.format(" ".join(r["text"] for r in WARM_RECORDS)), "utf-8")
    started = time.perf_counter()
    run_ingest([str(folder)], tmp / "warm.duckdb")
    trafilatura.extract((folder / "warm.html").read_text("utf-8"))
    return time.perf_counter() - started


# -- (a) HTML ---------------------------------------------------------------------------------
def bench_html(tmp: Path, shared: Path) -> list[tuple[str, str, str]]:
    """The whole pipeline over the 200 pages against trafilatura.extract alone on the same pages."""
    from eventwire.evaluate.extraction import score

    root = shared / "data" / "extraction"
    expectations = json.loads((root / "expectations.json").read_text("utf-8"))
    files = [root / "pages" / name for name in expectations]
    db = tmp / "html.duckdb"
    stats, ours = run_ingest([str(f) for f in files], db)
    outputs, theirs = trafilatura_outputs(files)
    mine = score(stored_texts(db, files), expectations, "x")
    ref = score(outputs, expectations, "x")
    our_rate, their_rate = len(files) / ours.cpu, len(files) / theirs.cpu
    return [
        ("html: eventwire pipeline, pages/s", f"{our_rate:.1f} cpu, {len(files) / ours.wall:.1f} wall",
         f"{stats.get('articles_stored', 0)} stored, {stats.get('events_stored', 0)} events"),
        ("html: trafilatura.extract, pages/s", f"{their_rate:.1f} cpu, {len(files) / theirs.wall:.1f} wall",
         "defaults"),
        ("html: ratio eventwire/trafilatura", f"{our_rate / their_rate:.2f} cpu, "
         f"{theirs.wall / ours.wall:.2f} wall", f"target >= {TARGETS['html_ratio']}"),
        ("html: F1 eventwire / trafilatura", f"{mine['x_f1']:.3f} / {ref['x_f1']:.3f}",
         f"P {mine['x_p']:.3f}/{ref['x_p']:.3f} R {mine['x_r']:.3f}/{ref['x_r']:.3f}, "
         f"target >= {TARGETS['html_f1']}"),
    ]


def trafilatura_outputs(files: list[Path]) -> tuple[dict[str, str], Timer]:
    import trafilatura

    outputs = {}
    with Timer() as timer:
        for path in files:
            outputs[path.name] = trafilatura.extract(path.read_bytes()) or ""
    return outputs, timer


def stored_texts(db: Path, files: list[Path]) -> dict[str, str]:
    """Each page's text as the store holds it. A page stored under another page's id (its exact
    duplicate) or dropped is extracted again, outside the timing, so it is scored on its own text."""
    import duckdb

    from eventwire.stages.extract import extract_html

    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT uri, text FROM articles").fetchall())
    texts = {}
    for path in files:
        text = rows.get(str(path.absolute()))
        if text is None:
            text = extract_html(path.read_text("utf-8", errors="replace"))["text"]
        texts[path.name] = text
    return texts


# -- (b) plain text and (c) Dask ----------------------------------------------------------------
def news_en_jsonl(shared: Path, target: Path) -> Path:
    """The BBC files as JSONL records: the first line is the headline, the rest the text."""
    with target.open("w", encoding="utf-8") as out:
        for path in sorted((shared / "data" / "news_en").glob("*/*.txt")):
            raw = path.read_text("utf-8", errors="replace").strip()
            title, _, body = raw.partition("\n")
            out.write(json.dumps({"title": title.strip(), "text": body.strip()}, ensure_ascii=False) + "\n")
    return target


def bench_text(tmp: Path, shared: Path) -> tuple[list[tuple[str, str, str]], dict]:
    corpora = {"news_de": shared / "data" / "news_de" / "10kgnad_test.jsonl",
               "news_en": news_en_jsonl(shared, tmp / "news_en.jsonl")}
    rows, runs = [], {}
    for name, path in corpora.items():
        db = tmp / f"{name}.duckdb"
        stats, timer = run_ingest([str(path)], db)
        runs[name] = (db, timer)
        n = stats.get("sources", 0)
        rows.append((f"text: {name}, articles/s", f"{n / timer.cpu:.1f} cpu, {n / timer.wall:.1f} wall",
                     f"{n} articles, {stats.get('events_stored', 0)} events, target >= "
                     f"{TARGETS['text_rate']:.0f}"))
    return rows, runs


def bench_dask(tmp: Path, shared: Path, local: tuple[Path, Timer] | None) -> list[tuple[str, str, str]]:
    """Dask with 2 workers against Dask with 1 worker (what scaling out buys: both start a LocalCluster
    and load the models in their workers), and the local 1-worker run in this process for reference, on
    news_de and news_en together: on news_de alone (4 shards) start-up is most of the run."""
    del local  # the text section's runs are per corpus; this one needs both corpora in one run
    inputs = [str(shared / "data" / "news_de" / "10kgnad_test.jsonl"),
              str(news_en_jsonl(shared, tmp / "news_en.jsonl"))]
    _stats, local_timer = run_ingest(inputs, tmp / "local.duckdb")
    _stats, one_timer = run_ingest(inputs, tmp / "dask1.duckdb", executor="dask", workers=1)
    stats, timer = run_ingest(inputs, tmp / "dask.duckdb", executor="dask", workers=2)
    same = store_digest(tmp / "dask.duckdb") == store_digest(tmp / "local.duckdb") \
        == store_digest(tmp / "dask1.duckdb")
    n = stats.get("articles_stored", 0)
    return [
        ("dask: 2 workers vs 1 worker, wall", f"{one_timer.wall:.1f}s / {timer.wall:.1f}s = "
         f"{one_timer.wall / timer.wall:.2f}x", f"news_de + news_en, {n} articles, cluster start and "
         f"model loading included; target >= {TARGETS['dask_ratio']}"),
        ("dask: 2 workers vs local 1 (warm, in process)", f"{local_timer.wall:.1f}s / {timer.wall:.1f}s = "
         f"{local_timer.wall / timer.wall:.2f}x", "the local run loads nothing: models warm in this process"),
        ("dask: stores identical (dask 2, dask 1, local)", "yes" if same else "NO",
         "every table but runs, run ids aside"),
    ]


def store_digest(db: Path) -> dict[str, str]:
    """A hash of every table's rows (sorted; run ids and load order left out) but the runs table."""
    import duckdb

    digests = {}
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        for table in tables:
            columns = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall() if c not in ("run_id", "seq")]
            if table in ("runs", "schema_version") or not columns:
                continue
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f"SELECT {quoted} FROM {table}").fetchall()
            digests[table] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
    return digests


# -- (d) memory -----------------------------------------------------------------------------------
def bench_memory(tmp: Path, n: int) -> list[tuple[str, str, str]]:
    """A generated run of ``n`` articles in a child process; its peak RSS (self + its children)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from support import generated_articles, write_jsonl

    source = write_jsonl(tmp / "generated.jsonl", generated_articles(n))  # the parent holds the list
    child = subprocess.run([sys.executable, __file__, "--memory-child", str(source), str(tmp / "mem.duckdb")],
                           capture_output=True, text=True, check=True)
    found = json.loads(child.stdout.strip().splitlines()[-1])
    peak = found["peak_mb"]
    return [
        (f"memory: {n:,} generated articles, peak RSS", f"{peak:.0f} MB",
         f"self {found['self_mb']:.0f} + children {found['children_mb']:.0f}, target < "
         f"{TARGETS['memory_mb']:.0f} MB"),
        ("memory: RSS at 10% / 50% / 100% of input", " / ".join(f"{v:.0f}" for v in found["rss_mb"]) + " MB",
         f"highest while shards ran {found['shards_mb']:.0f} MB, after the last shard (text index, "
         f"closing) {found['finish_mb']:.0f} MB"),
        ("memory: throughput of that run", f"{found['articles'] / found['cpu']:.0f}/s cpu",
         f"{found['articles']:,} stored in {found['wall']:.0f}s"),
    ]


def memory_child(source: Path, db: Path) -> None:
    """(In the child) ingest ``source``; print peak RSS, the RSS at 10/50/100% of the shards, and the
    highest RSS seen (sampled every 0.2 s) while shards ran and after the last one (index, closing)."""
    import threading

    from eventwire import Settings, ingest

    total = sum(1 for _ in source.open("rb"))
    state = {"seen": 0, "phase": "shards", "shards": 0.0, "finish": 0.0}
    marks, samples = [0.1, 0.5], []

    def progress(result) -> None:
        state["seen"] += result.stats.get("sources", 0)
        while marks and state["seen"] >= marks[0] * total:
            marks.pop(0)
            samples.append(current_rss_mb())
        if state["seen"] >= total:
            state["phase"] = "finish"

    def watch() -> None:
        while state["phase"] != "done":
            state[state["phase"]] = max(state[state["phase"]], current_rss_mb())
            time.sleep(0.2)

    threading.Thread(target=watch, daemon=True).start()
    with Timer() as timer:
        report = ingest([str(source)], Settings.load(db=str(db), workers=1), progress=progress)
    samples.append(current_rss_mb())
    state["phase"] = "done"
    own, children = peak_rss_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"peak_mb": own + children, "self_mb": own, "children_mb": children, "rss_mb": samples,
                      "shards_mb": state["shards"], "finish_mb": state["finish"],
                      "articles": report.stats.get("articles_stored", 0), "wall": timer.wall,
                      "cpu": timer.cpu}))


def peak_rss_mb() -> float:
    """This process's peak RSS. Not ``ru_maxrss``: Linux carries that over ``exec`` from the forking
    parent, so a child of a big process would report the parent's size; VmHWM starts afresh."""
    with open("/proc/self/status") as status:
        line = next((line for line in status if line.startswith("VmHWM:")), None)
    if line is None:  # not Linux: the portable figure, an upper bound
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return int(line.split()[1]) / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


# -- report ---------------------------------------------------------------------------------------
def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = ", load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    return f"{cpu}, {os.cpu_count()} cores{load}, Python {platform.python_version()}"


def table(rows: list[tuple[str, str, str]], header: str) -> str:
    lines = [header, "", "| measure | figure | notes |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="memory run over 10,000 articles, not 100,000")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated: {', '.join(SECTIONS)}")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--no-append", action="store_true", help=f"do not append to {DOC.relative_to(ROOT)}")
    parser.add_argument("--memory-child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(*args.memory_child)
        return 0
    only = [s for s in args.only.split(",") if s]
    if any(s not in SECTIONS for s in only):
        parser.error(f"--only takes {', '.join(SECTIONS)}")
    if set(only) & {"html", "text", "dask"} and not (args.shared / "data").is_dir():
        print(f"{args.shared}/data not found: run with --only memory", file=sys.stderr)
        return 2
    rows = run_sections(only, args.shared, 10_000 if args.quick else 100_000)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    mode = "quick" if args.quick else "full"
    text = table(rows, f"## {stamp} ({mode}: {', '.join(only)})\n\n{machine()}")
    print(text)
    if not args.no_append:
        with DOC.open("a", encoding="utf-8") as doc:
            doc.write("\n" + text)
    return 0


def run_sections(only: list[str], shared: Path, memory_n: int) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as name:
        tmp = Path(name)
        if set(only) & {"html", "text", "dask"}:
            rows.append(("startup (models, codebooks, first run)", f"{warm_up(tmp):.1f}s wall", "once"))
        if "html" in only:
            rows += bench_html(tmp, shared)
        runs: dict = {}
        if "text" in only:
            text_rows, runs = bench_text(tmp, shared)
            rows += text_rows
        if "dask" in only:
            rows += bench_dask(tmp, shared, runs.get("news_de"))
        if "memory" in only:
            rows += bench_memory(tmp, memory_n)
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
