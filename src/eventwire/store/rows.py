"""Rows of the model objects as the store's tables hold them (writes and the reverse for reads)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from ..model import Article, Event, Rejection
from ..stages.dedup import normalise_url

ARTICLE_COLUMNS = (
    "id", "uri", "url", "url_norm", "title", "text", "language", "published", "published_precision",
    "published_method", "site", "duplicate_of", "n_chars", "dateline", "signature", "run_id",
)


TABLE_COLUMNS = {
    "mentions": ("article_id", "start_char", "end_char", "text", "label", "source"),
    "actor_mentions": ("article_id", "start_char", "end_char", "text", "name", "code", "sector", "role",
                       "evidence", "published"),
    "places": ("article_id", "start_char", "end_char", "text", "name", "country", "lat", "lon", "geonameid"),
    "dates": ("article_id", "start_char", "end_char", "text", "value", "precision", "method"),
    "events": ("id", "article_id", "event", "mode", "context", "cameo", "quad_class", "goldstein", "actor",
               "recipient", "actor_codes", "recipient_codes", "date", "date_precision", "location", "country",
               "aux", "sentence", "sentence_span", "trigger", "trigger_span", "confidence", "coder"),
    "rejects": ("uri", "reason", "detail", "stage", "run_id"),
}
#: tables with a primary key (first column(s)): a row already there (an event re-coded, a reject seen
#: again) is kept
_KEYS = {"events": 1, "rejects": 2}


def write_articles(con, articles: list[Article], run_id: str) -> None:
    if not articles:
        return
    _insert(con, "articles", ARTICLE_COLUMNS, [
        [a.id, a.uri, a.url, normalise_url(a.url), a.title, a.text, a.language, a.published,
         a.published_precision, a.published_method, a.site, a.duplicate_of, a.n_chars, a.dateline,
         a.signature, run_id] for a in articles])
    _many(con, "mentions", [[a.id, m.start, m.end, m.text, m.label, m.source]
                            for a in articles for m in a.mentions])
    _many(con, "actor_mentions", [[a.id, r.start, r.end, r.text, r.name, r.code, r.sector, r.role,
                                   r.evidence, a.published] for a in articles for r in a.actors])
    _many(con, "places", [[a.id, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonameid]
                          for a in articles for p in a.places])
    _many(con, "dates", [[a.id, d.start, d.end, d.text, d.value, d.precision, d.method]
                         for a in articles for d in a.dates])
    _many(con, "events", [event_row(e) for a in articles for e in a.events])


def _many(con, table: str, rows: list[list[Any]]) -> None:
    if not rows:
        return
    keys = _KEYS.get(table)
    if keys:  # the batch itself must not hold a key twice
        rows = list({tuple(r[:keys]): r for r in reversed(rows)}.values())[::-1]
    _insert(con, table, TABLE_COLUMNS[table], rows, ignore=bool(keys))


def _insert(con, table: str, columns: tuple[str, ...], rows: list[list[Any]], ignore: bool = False) -> None:
    """One INSERT ... SELECT over the batch as registered columns.

    ``executemany`` runs one statement per row (0.5-9 ms each for these tables); scanning the whole
    batch as numpy object columns is 50-250x faster and keeps list and JSON cells as they are.
    """
    batch = {}
    for n, name in enumerate(columns):
        column = np.empty(len(rows), dtype=object)
        for i, row in enumerate(rows):
            column[i] = row[n]
        batch[name] = column
    view = f"_batch_{table}"
    con.register(view, batch)
    try:
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        names = ", ".join(columns)
        con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM {view}")
    finally:
        con.unregister(view)


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
    _many(con, "rejects", [[r.uri, r.reason, r.detail, r.stage, run_id] for r in rejects])
