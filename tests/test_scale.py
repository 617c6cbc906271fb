"""Scale: memory stays flat over a long run; the fast dedup path keeps datasketch's results.

The slow test runs 20,000 articles generated from the project's templates (conftest.generated_articles)
through ``ingest`` in a child process and reads its peak RSS there (VmHWM + children's): it must
stay under 1 GB, and the RSS at the end must not have grown much past the RSS at a quarter of the
input (what the driver keeps per article - ids, URLs, LSH buckets - is small; whole articles are not).
``EVENTWIRE_SCALE_N`` changes the size (default 8,000 in the test suite; `make bench` measures 100,000).
The other tests pin the dedup fast path to datasketch, whose values the stores hold: the same signatures,
the same band layout, the same clusters.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from eventwire.stages import dedup
from support import ENGLISH_ARTICLE, GERMAN_ARTICLE, generated_articles, write_jsonl

PEAK_LIMIT_MB = 1024
GROWTH_LIMIT_MB = 150

CHILD = r"""
import json, os, resource, sys
from eventwire import Settings, ingest

source, db, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
seen, samples = 0, []

def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

def progress(result):
    global seen
    seen += result.stats.get("sources", 0)
    if not samples and seen >= total // 4:
        samples.append(rss_mb())

report = ingest([source], Settings.load(db=db, workers=1), progress=progress)
samples.append(rss_mb())
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking parent (pytest)
with open("/proc/self/status") as status:
    own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
peak = (own + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
print(json.dumps({"peak_mb": peak, "rss_mb": samples, "stored": report.stats.get("articles_stored", 0)}))
"""


@pytest.mark.slow
def test_generated_run_stays_under_1gb(tmp_path):
    n = int(os.environ.get("EVENTWIRE_SCALE_N", "8000"))  # make bench runs 100,000
    source = write_jsonl(tmp_path / "generated.jsonl", generated_articles(n))
    child = subprocess.run([sys.executable, "-c", CHILD, str(source), str(tmp_path / "scale.duckdb"), str(n)],
                           capture_output=True, text=True, timeout=3600)
    assert child.returncode == 0, child.stderr[-3000:]
    found = json.loads(child.stdout.strip().splitlines()[-1])
    assert found["stored"] == n
    assert found["peak_mb"] < PEAK_LIMIT_MB, found
    quarter, end = found["rss_mb"]
    assert end - quarter < GROWTH_LIMIT_MB, f"RSS grew from {quarter:.0f} to {end:.0f} MB over the run"


def test_signatures_are_datasketch_minhashes():
    datasketch = pytest.importorskip("datasketch")
    texts = [GERMAN_ARTICLE, ENGLISH_ARTICLE, "", "zu kurz", "Ärger über Straßenbau in Köln", "東京 会談"]
    texts += [r["text"] for r in generated_articles(20)]
    for text in texts:
        words, size = dedup._WORD.findall(text.casefold()), dedup.SHINGLE
        shingles = {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}
        expected = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=1, scheme=dedup.SCHEME)
        expected.update_batch([s.encode("utf-8") for s in shingles])
        assert dedup.signature(text) == [int(v) for v in expected.hashvalues], text[:40]


def test_bands_are_datasketch_lsh_parameters():
    lsh = pytest.importorskip("datasketch.lsh")
    for threshold in (0.5, 0.7, 0.8, 0.9):
        for num_perm in (64, 128):
            index = lsh.MinHashLSH(threshold=threshold, num_perm=num_perm)
            assert dedup.bands(threshold, num_perm) == (index.b, index.r)


def _variants(seed: int) -> list[tuple[str, str]]:
    """Generated articles, some repeated with one inserted word or cut in half, in shuffled order."""
    rng = random.Random(seed)
    stream = []
    for i, record in enumerate(generated_articles(150, seed=seed)):
        stream.append((f"a{i}", record["text"]))
        words = record["text"].split()
        if rng.random() < 0.4:
            k = rng.randrange(len(words))
            stream.append((f"v{i}", " ".join(words[:k] + ["zusätzlich"] + words[k:])))
        if rng.random() < 0.2:
            stream.append((f"h{i}", " ".join(words[: len(words) // 2])))
    rng.shuffle(stream)
    return stream


def test_near_duplicate_clusters_match_datasketch_lsh():
    datasketch = pytest.importorskip("datasketch")
    import numpy as np

    for seed in (1, 2):
        ours = dedup.NearDuplicates(0.8)
        lsh, root, order = datasketch.MinHashLSH(threshold=0.8, num_perm=dedup.NUM_PERM), {}, {}
        clustered = 0
        for article_id, text in _variants(seed):
            sig = dedup.signature(text)
            minhash = datasketch.LeanMinHash(seed=1, hashvalues=np.array(sig, dtype=np.uint32),
                                             scheme=dedup.SCHEME)
            found = lsh.query(minhash)
            expected = min((root[f] for f in found), key=order.__getitem__) if found else None
            assert ours.check(sig) == expected, article_id
            ours.add(article_id, sig, expected)
            root[article_id], order[article_id] = expected or article_id, len(order)
            lsh.insert(article_id, minhash)
            clustered += expected is not None
        assert clustered > 10  # the stream does hold near-duplicates, so the comparison means something
