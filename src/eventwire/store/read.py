"""Reads over the store, returning plain JSON-ready records (the JSONL contract of docs/data-model.md).

Every query is parameterised; filters are values, never SQL text.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import ARTICLE_FIELDS
from .rows import event_from_row

_ARTICLE_COLS = ", ".join(ARTICLE_FIELDS)


def _dicts(cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def articles(store, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    sql = f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY seq"
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [limit, offset]
    return _dicts(store.con.execute(sql, params))


def article(store, article_id: str) -> dict[str, Any] | None:
    rows = _dicts(store.con.execute(f"SELECT {_ARTICLE_COLS}, dateline FROM articles WHERE id = ?",
                                    [article_id]))
    return rows[0] if rows else None


def annotations(store, article_id: str) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for table in ("mentions", "actor_mentions", "places", "dates"):
        rows = _dicts(store.con.execute(
            f"SELECT * EXCLUDE (article_id) FROM {table} WHERE article_id = ? ORDER BY start_char",
            [article_id]))
        for row in rows:
            row["start"], row["end"] = row.pop("start_char"), row.pop("end_char")
        out["actors" if table == "actor_mentions" else table] = rows
    out["events"] = events(store, article_id=article_id)
    return out


def rejects(store) -> list[dict[str, Any]]:
    return _dicts(store.con.execute("SELECT uri, reason, detail, stage, run_id FROM rejects ORDER BY uri"))


def runs(store) -> list[dict[str, Any]]:
    rows = _dicts(store.con.execute(
        "SELECT id, started, finished, version, status, stats, inputs FROM runs ORDER BY started"))
    for row in rows:
        row["stats"] = json.loads(row["stats"]) if row["stats"] else {}
        row["inputs"] = json.loads(row["inputs"]) if row["inputs"] else []
        row["started"] = str(row["started"])
        row["finished"] = str(row["finished"]) if row["finished"] else None
    return rows


def stats(store) -> dict[str, Any]:
    con = store.con

    def one(sql: str) -> int:
        return con.execute(sql).fetchone()[0]

    return {
        "articles": one("SELECT count(*) FROM articles"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "rejects": one("SELECT count(*) FROM rejects"),
        "events": one("SELECT count(*) FROM events"),
        "actors": one("SELECT count(DISTINCT coalesce(code, '') || name) FROM actor_mentions"),
        "runs": one("SELECT count(*) FROM runs"),
        "languages": dict(con.execute(
            "SELECT language, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall()),
        "rejects_by_reason": dict(con.execute(
            "SELECT reason, count(*) FROM rejects GROUP BY 1 ORDER BY 2 DESC").fetchall()),
        "events_by_type": dict(con.execute(
            "SELECT event, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall()),
    }


def actors(store) -> list[dict[str, Any]]:
    """Actors as resolved in the articles: one row per (name, code, sector, role)."""
    return _dicts(store.con.execute(
        "SELECT * FROM actors ORDER BY mentions DESC, name, code, sector NULLS FIRST, role NULLS FIRST"))


def events(store, article_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    sql, params = "SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id", []
    if article_id:
        sql += " WHERE e.article_id = ?"
        params.append(article_id)
    sql += " ORDER BY a.seq, e.sentence_span[1], e.trigger_span[1], e.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [event_from_row(r) for r in _dicts(store.con.execute(sql, params))]
