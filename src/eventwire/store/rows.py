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


#: the tables of an article's annotations and events, written with it
ANNOTATIONS = ("mentions", "actor_mentions", "places", "dates", "events")
#: places in an ``articles`` row that only the driver fills: the near-duplicate it points to, the run
_DUPLICATE_OF, _RUN_ID = ARTICLE_COLUMNS.index("duplicate_of"), ARTICLE_COLUMNS.index("run_id")


def pack(articles: list[Article]) -> dict[str, list]:
    """The store's rows of analysed articles (in a worker, at the end of a shard).

    ``articles`` holds one row per article, with ``duplicate_of`` and ``run_id`` left for the driver;
    each annotation table one list of rows per article, so that the driver can keep some articles
    and drop others (two copies of one text share an id, so the rows' article ids cannot tell them
    apart). A shard's result travels to the driver as these tuples of plain values: pickling and
    unpickling them costs a fifth of what the Article objects with their annotations cost
    (docs/benchmarks.md, sixth round), and the driver, the one writer, only picks and inserts them.
    """
    return {
        "articles": [(a.id, a.uri, a.url, normalise_url(a.url), a.title, a.text, a.language, a.published,
                      a.published_precision, a.published_method, a.site, None, a.n_chars, a.dateline,
                      a.signature, None) for a in articles],
        "mentions": [[(a.id, m.start, m.end, m.text, m.label, m.source) for m in a.mentions]
                     for a in articles],
        "actor_mentions": [[(a.id, r.start, r.end, r.text, r.name, r.code, r.sector, r.role, r.evidence,
                             a.published) for r in a.actors] for a in articles],
        "places": [[(a.id, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonameid)
                    for p in a.places] for a in articles],
        "dates": [[(a.id, d.start, d.end, d.text, d.value, d.precision, d.method) for d in a.dates]
                  for a in articles],
        "events": [[event_row(e) for e in a.events] for a in articles],
    }


def write_packed(con, shards: list[tuple[dict[str, list], dict[int, str | None]]], run_id: str) -> None:
    """Write the kept articles of packed shards: per shard its packed rows and, for each article kept,
    its index in the shard -> the article it near-duplicates (or None)."""
    articles: list[list] = []
    tables: dict[str, list] = {table: [] for table in ANNOTATIONS}
    for packed, kept in shards:
        for k, duplicate_of in kept.items():
            row = list(packed["articles"][k])
            row[_DUPLICATE_OF], row[_RUN_ID] = duplicate_of, run_id
            articles.append(row)
            for table, rows in tables.items():
                rows.extend(packed[table][k])
    if not articles:
        return
    _insert(con, "articles", ARTICLE_COLUMNS, articles)
    for table, rows in tables.items():
        _many(con, table, rows)


def _many(con, table: str, rows: list) -> None:
    if not rows:
        return
    keys = _KEYS.get(table)
    if keys:  # the batch itself must not hold a key twice
        rows = list({tuple(r[:keys]): r for r in reversed(rows)}.values())[::-1]
    _insert(con, table, TABLE_COLUMNS[table], rows, ignore=bool(keys))


def _insert(con, table: str, columns: tuple[str, ...], rows: list, ignore: bool = False) -> None:
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


def event_row(e: Event) -> tuple:
    return (
        e.id, e.article_id, e.event, e.mode, json.dumps(e.context), e.cameo, e.quad_class, e.goldstein,
        json.dumps(e.actor, ensure_ascii=False), json.dumps(e.recipient, ensure_ascii=False),
        [x.get("code") for x in e.actor if x.get("code")],
        [x.get("code") for x in e.recipient if x.get("code")],
        e.date, e.date_precision, json.dumps(e.location, ensure_ascii=False) if e.location else None,
        (e.location or {}).get("country"), e.aux, e.sentence, list(e.sentence_span), e.trigger,
        list(e.trigger_span), e.confidence, e.coder,
    )


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
