"""Rows of the model objects as the store's tables hold them (writes and the reverse for reads)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Article, Event, Rejection
from ..stages.dedup import normalise_url

ARTICLE_COLUMNS = (
    "id", "uri", "url", "url_norm", "title", "text", "language", "published", "published_precision",
    "published_method", "site", "duplicate_of", "n_chars", "dateline", "signature", "run_id",
)


def write_articles(con, articles: list[Article], run_id: str) -> None:
    if not articles:
        return
    marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
    con.executemany(
        f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({marks})",
        [[a.id, a.uri, a.url, normalise_url(a.url), a.title, a.text, a.language, a.published,
          a.published_precision, a.published_method, a.site, a.duplicate_of, a.n_chars, a.dateline,
          a.signature, run_id] for a in articles],
    )
    _many(con, "mentions", 6, [[a.id, m.start, m.end, m.text, m.label, m.source]
                               for a in articles for m in a.mentions])
    _many(con, "actor_mentions", 10, [[a.id, r.start, r.end, r.text, r.name, r.code, r.sector, r.role,
                                       r.evidence, a.published] for a in articles for r in a.actors])
    _many(con, "places", 9, [[a.id, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonameid]
                             for a in articles for p in a.places])
    _many(con, "dates", 7, [[a.id, d.start, d.end, d.text, d.value, d.precision, d.method]
                            for a in articles for d in a.dates])
    _many(con, "events", 23, [event_row(e) for a in articles for e in a.events])


#: tables with a primary key: a row already there (an event re-coded, a reject seen again) is kept
_KEYED = ("events", "rejects")


def _many(con, table: str, width: int, rows: list[list[Any]]) -> None:
    if rows:
        verb = "INSERT OR IGNORE" if table in _KEYED else "INSERT"
        con.executemany(f"{verb} INTO {table} VALUES ({', '.join('?' * width)})", rows)


def event_row(e: Event) -> list[Any]:
    return [
        e.id, e.article_id, e.event, e.mode, json.dumps(e.context), e.cameo, e.quad_class, e.goldstein,
        json.dumps(e.actor, ensure_ascii=False), json.dumps(e.recipient, ensure_ascii=False),
        [x.get("code") for x in e.actor if x.get("code")],
        [x.get("code") for x in e.recipient if x.get("code")],
        e.date, e.date_precision, json.dumps(e.location, ensure_ascii=False) if e.location else None,
        (e.location or {}).get("country"), e.aux, e.sentence, list(e.sentence_span), e.trigger,
        list(e.trigger_span), e.confidence, e.coder,
    ]


def event_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """The JSONL event (the contract of docs/data-model.md) from an ``events`` row."""
    from ..model import EVENT_FIELDS

    out = dict(row)
    for key in ("context", "actor", "recipient", "location"):
        value = out.get(key)
        out[key] = json.loads(value) if isinstance(value, str) else value
    for key in ("sentence_span", "trigger_span"):
        out[key] = list(out[key]) if out.get(key) is not None else None
    out["context"] = out["context"] or []
    return {name: out.get(name) for name in EVENT_FIELDS}


def write_rejects(con, rejects: list[Rejection], run_id: str) -> None:
    _many(con, "rejects", 5, [[r.uri, r.reason, r.detail, r.stage, run_id] for r in rejects])
