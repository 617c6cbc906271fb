"""Dedup: near-duplicate signatures (MinHash over word 5-shingles, datasketch) and their clustering.

The worker side (:class:`Fingerprint`) reads ``text`` and writes ``signature``. The driver side
(:class:`NearDuplicates`) holds an LSH index over every stored article's signature and sets
``duplicate_of`` to the first article of the cluster; it runs in the driver, in input order, so a run
with one worker and with many gives the same store. Exact duplicates (same id = same normalised text,
or same normalised URL) are the store's business: they are not stored twice.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import numpy as np

from ..model import Article

NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2 hashing scheme of the signatures stored
_WORD = re.compile(r"\w+")


def signature(text: str) -> list[int]:
    from datasketch import MinHash

    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in minhash.hashvalues]


class Fingerprint:
    name = "fingerprint"
    requires = ("text",)
    provides = ("signature",)

    def __call__(self, article: Article, ctx) -> Article:
        article.signature = signature(article.text)
        return article


class NearDuplicates:
    """LSH over the signatures of stored articles; ``check`` returns the cluster's first article id."""

    def __init__(self, threshold: float):
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.root: dict[str, str] = {}
        self.order: dict[str, int] = {}

    def add(self, article_id: str, sig: list[int], duplicate_of: str | None) -> None:
        from datasketch import LeanMinHash

        if article_id in self.root:
            return
        self.root[article_id] = duplicate_of or article_id
        self.order[article_id] = len(self.order)
        minhash = LeanMinHash(seed=1, hashvalues=np.array(sig, dtype=np.uint64), scheme=SCHEME)
        self.lsh.insert(article_id, minhash)

    def check(self, sig: list[int]) -> str | None:
        from datasketch import LeanMinHash

        found = self.lsh.query(LeanMinHash(seed=1, hashvalues=np.array(sig, dtype=np.uint64), scheme=SCHEME))
        if not found:
            return None
        return min((self.root[f] for f in found), key=lambda a: self.order.get(a, -1))


def normalise_url(url: str | None) -> str | None:
    """Scheme/host lower-cased, "www." and fragment dropped, tracking parameters removed."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    query = "&".join(q for q in parts.query.split("&")
                     if q and not q.lower().startswith(("utm_", "fbclid", "gclid", "ref=")))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https" if parts.scheme in ("http", "https") else parts.scheme, host, path, query, ""))
