"""One settings object for a run. Precedence: CLI flags > environment (``EVENTWIRE_*``) > defaults.

Every field can be set from the environment by its upper-case name, e.g. ``EVENTWIRE_MAX_BYTES=5000000``
or ``EVENTWIRE_ALLOW_PRIVATE=1``. docs/operations.md lists them (a test checks the list is complete).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

#: languages the analysis stages (mentions, actors, events) support; others are archived only
ANALYSED_LANGUAGES = ("de", "en")
#: languages the identifier chooses from (its model ships in the py3langid wheel)
DETECTED_LANGUAGES = ("de", "en", "fr", "es", "it", "nl", "pl", "pt", "ru", "tr", "uk", "cs", "sv", "da")


#: the default shard size per executor. Dask's is half the local one: workers end up to one shard's
#: time apart, one of them idle meanwhile (with 32, 2.3 s of the 2-worker benchmark's 18 s; with 16,
#: 0.3 s). The local executor keeps 32: there smaller shards only add transactions (1-2% of the
#: plain-text rate).
SHARD_SIZES = {"local": 32, "dask": 16}


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "eventwire.duckdb"
    workers: int = 1
    executor: str = "local"  # local | dask
    scheduler: str | None = None
    shard_size: int = 0  # inputs (files, URLs, JSONL lines / 8) per shard; 0: SHARD_SIZES[executor]
    run_dir: str | None = None
    fetch: bool = False  # fetch the pages a feed links to
    allow_private: bool = False  # allow fetching loopback/private/link-local addresses
    max_bytes: int = 10_000_000  # one input file, record or response; larger ones are rejected too_large
    timeout: float = 20.0  # seconds per HTTP request
    max_redirects: int = 5
    respect_robots: bool = True
    user_agent: str = "eventwire/0.1 (+https://github.com/eventwire)"
    near_duplicate_threshold: float = 0.8  # estimated Jaccard of word 5-shingles
    min_words: int = 20  # articles with fewer words are rejected too_short
    analyse: bool = True  # run mentions, actors, dates, places, events
    ner: str = "events"  # statistical NER over: "events" (headline + trigger sentences), "all", "off"
    lock_wait: float = 10.0  # seconds a run waits for readers holding the store to close it
    strict: bool = False  # an unexpected exception in a stage stops the run (tests use it)

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then ``EVENTWIRE_*`` environment variables, then the non-None ``overrides``."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"EVENTWIRE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.name, f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ConfigError(f"unknown settings: {sorted(unknown)}")
        settings = cls(**values)
        settings.check()
        return settings

    def check(self) -> None:
        if self.workers < 1:
            raise ConfigError("--workers must be at least 1")
        if self.executor not in ("local", "dask"):
            raise ConfigError(f"--executor must be 'local' or 'dask', not {self.executor!r}")
        if self.ner not in ("events", "all", "off"):
            raise ConfigError(f"ner must be 'events', 'all' or 'off', not {self.ner!r}")
        if self.shard_size < 0:
            raise ConfigError("shard_size must be at least 1 (or 0 for the executor's default)")
        if self.max_bytes < 1000:
            raise ConfigError("max_bytes must be at least 1000")

    @property
    def planned_shard_size(self) -> int:
        """``shard_size``, or where it is 0 (the default) the executor's: :data:`SHARD_SIZES`."""
        return self.shard_size or SHARD_SIZES[self.executor]

    def replace(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def db_path(self) -> Path:
        return Path(self.db)


def _parse(name: str, type_: Any, raw: str) -> Any:
    kind = str(type_)
    try:
        if "bool" in kind:
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if "int" in kind:
            return int(raw)
        if "float" in kind:
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"EVENTWIRE_{name.upper()}={raw!r} is not a valid {kind}") from exc
    return raw
