"""Dedup: near-duplicate signatures (MinHash over word 5-shingles) and their clustering.

The worker side (:class:`Fingerprint`) reads ``text`` and writes ``signature``. The driver side
(:class:`NearDuplicates`) holds a banded LSH index over every stored article's signature and sets
``duplicate_of`` to the first article of the cluster; it runs in the driver, in input order, so a run
with one worker and with many gives the same store. Exact duplicates (same id = same normalised text,
or same normalised URL) are the store's business: they are not stored twice. Nothing is dropped here.

The signatures are datasketch's (2.x, scheme ``affine32``: SHA-1 of each shingle, MurmurHash3
finaliser, affine permutations mod 2^32), computed here with numpy in one pass because building a
``MinHash`` per article and importing datasketch (which imports scipy) cost more than the hashing
itself; tests/test_scale.py checks the values against datasketch. The band layout is the one
datasketch's ``MinHashLSH`` chooses for the threshold, so stores written before stay comparable.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from urllib.parse import urlsplit, urlunsplit

import numpy as np

from ..model import Article

NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2 hashing scheme of the signatures stored
_WORD = re.compile(r"\w+")
_FMIX32 = (16, np.uint32(0x85EBCA6B), 13, np.uint32(0xC2B2AE35), 16)


@cache
def permutations(num_perm: int = NUM_PERM, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations (a odd, b) that datasketch draws for ``seed`` in scheme affine32."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def signature(text: str) -> list[int]:
    """MinHash of the text's casefolded word 5-shingles (one shingle for shorter texts)."""
    words = [w.encode("utf-8") for w in _WORD.findall(text.casefold())]
    shingles = {b" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    # the first 4 bytes of SHA-1, little-endian: datasketch's sha1_hash32
    digests = b"".join(hashlib.sha1(s).digest()[:4] for s in shingles)
    hv = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32))
    a, b = permutations()
    with np.errstate(over="ignore"):  # uint32 wraparound is the modulo 2^32 of the scheme
        return (hv[:, None] * a + b).min(axis=0).tolist()


class Fingerprint:
    name = "fingerprint"
    requires = ("text",)
    provides = ("signature",)

    def __call__(self, article: Article, ctx) -> Article:
        article.signature = signature(article.text)
        return article


@cache
def _gauss_legendre() -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights of 40-point Gauss-Legendre quadrature: exact for these polynomials (degree
    <= 64)."""
    return np.polynomial.legendre.leggauss(40)


def _collision_integrals(low: float, high: float, b: np.ndarray, r: np.ndarray, positive: bool) -> np.ndarray:
    """For each layout (b[i] bands of r[i] rows): the integral over [low, high] of the probability that
    some band collides (or, ``positive`` False, that none does)."""
    nodes, weights = _gauss_legendre()
    s = (high - low) / 2 * nodes + (high + low) / 2
    collide = 1 - (1 - s[None, :] ** r[:, None]) ** b[:, None]
    return (high - low) / 2 * ((collide if positive else 1 - collide) @ weights)


@cache
def bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) minimising false positives + false negatives: datasketch MinHashLSH's choice.

    Every layout at once, as arrays: one layout at a time (with the quadrature recomputed for each)
    cost 0.2-0.3 s at the start of every run."""
    layouts = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    b = np.array([x for x, _ in layouts], dtype=float)
    r = np.array([y for _, y in layouts], dtype=float)
    error = (_collision_integrals(0.0, threshold, b, r, True)
             + _collision_integrals(threshold, 1.0, b, r, False))
    return layouts[int(np.argmin(error))]  # the first of equal minima, as datasketch's loop keeps


class NearDuplicates:
    """Banded LSH over stored signatures; ``check`` returns the cluster's first article id.

    A candidate is any article sharing a band with the query (as datasketch's ``MinHashLSH.query``),
    and the answer is the earliest cluster root among the candidates. So each bucket keeps only the
    earliest root seen in it: memory is one small int per band and article, not a set of ids.
    """

    def __init__(self, threshold: float, num_perm: int = NUM_PERM):
        self.num_bands, self.rows = bands(threshold, num_perm)
        self.buckets: list[dict[bytes, int]] = [{} for _ in range(self.num_bands)]
        self.order: dict[str, int] = {}  # article id -> insertion order (roots are looked up here)
        self.roots: list[str] = []  # insertion order -> the article's cluster root

    def _keys(self, sig: list[int]) -> list[bytes]:
        values = np.asarray(sig, dtype=np.uint32).tobytes()
        width = 4 * self.rows
        return [values[i * width:(i + 1) * width] for i in range(self.num_bands)]

    def _rank(self, root: str) -> int:
        return self.order.get(root, -1)  # a root not indexed (no signature) comes first, as before

    def add(self, article_id: str, sig: list[int], duplicate_of: str | None) -> None:
        if article_id in self.order:
            return
        self.order[article_id] = len(self.roots)
        self.roots.append(duplicate_of or article_id)
        position = len(self.roots) - 1
        rank = self._rank(self.roots[position])
        for bucket, key in zip(self.buckets, self._keys(sig), strict=True):
            held = bucket.get(key)
            if held is None or rank < self._rank(self.roots[held]):
                bucket[key] = position

    def check(self, sig: list[int]) -> str | None:
        found = [self.roots[held] for bucket, key in zip(self.buckets, self._keys(sig), strict=True)
                 if (held := bucket.get(key)) is not None]
        return min(found, key=self._rank) if found else None


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
