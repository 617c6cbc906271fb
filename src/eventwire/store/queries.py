"""The web's read queries over the store: filtered, paged, faceted and counted per week.

Reads the ``events``, ``articles``, annotation, ``runs`` and ``rejects`` tables; writes nothing. Event
and article records are the JSONL contract (``EVENT_FIELDS`` / ``ARTICLE_FIELDS``), the same the CLI
prints. Every filter is a bound parameter, never SQL text: column names and sort orders come from
fixed tables here, not from the caller.

An event's day is its own date when that is a full day, else its article's publication day; weeks
start on Monday (ISO weeks).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ..model import ARTICLE_FIELDS
from . import read
from .rows import event_from_row

DAY = "coalesce(TRY_CAST(e.date AS DATE), TRY_CAST(substr(a.published, 1, 10) AS DATE))"
WEEK = f"CAST(date_trunc('week', {DAY}) AS DATE)"
CODES = "list_distinct(list_concat(coalesce(e.actor_codes, []), coalesce(e.recipient_codes, [])))"
#: sort key -> ORDER BY expression (the caller names a key, never an expression)
EVENT_SORTS = {"date": f"{DAY} {{order}} NULLS LAST, e.id",
               "goldstein": "e.goldstein {order} NULLS LAST, e.id"}
_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"


@dataclass(frozen=True)
class EventFilter:
    """What /api/events, /api/stats and the /events page filter on; every field optional."""

    actor: str | None = None
    side: str = "any"  # any | actor | recipient: which side of the event ``actor`` must be on
    event: str | None = None
    quad_class: int | None = None
    country: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    article_id: str | None = None
    q: str | None = None  # words in the event's sentence (case-insensitive substring)

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["TRUE"], []
        if self.actor:
            sides = {"actor": ["e.actor_codes"], "recipient": ["e.recipient_codes"]}.get(
                self.side, ["e.actor_codes", "e.recipient_codes"])
            clauses.append("(" + " OR ".join(f"list_contains(coalesce({s}, []), ?)" for s in sides) + ")")
            params += [self.actor] * len(sides)
        for column, value in (("e.event", self.event), ("e.quad_class", self.quad_class),
                              ("e.country", self.country), ("e.article_id", self.article_id)):
            if value is not None and value != "":
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.date_from:
            clauses.append(f"{DAY} >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{DAY} <= ?")
            params.append(self.date_to)
        if self.q:
            clauses.append("contains(lower(e.sentence), lower(?))")
            params.append(self.q)
        return " AND ".join(clauses), params

    def query_items(self) -> dict[str, Any]:
        """The non-empty filters as URL query parameters (for links that keep the filters)."""
        out = {k: v for k, v in asdict(self).items() if v not in (None, "")}
        if out.get("side") == "any":
            del out["side"]
        return {k: str(v) for k, v in out.items()}


def _dicts(cursor) -> list[dict[str, Any]]:
    return read._dicts(cursor)


def events(store, f: EventFilter, sort: str = "date", order: str = "desc", limit: int = 50,
           offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of events) for filter ``f``."""
    where, params = f.where()
    total = store.con.execute(f"SELECT count(*) {_FROM} WHERE {where}", params).fetchone()[0]
    order_sql = EVENT_SORTS[sort].format(order="ASC" if order == "asc" else "DESC")
    rows = _dicts(store.con.execute(
        f"SELECT e.* {_FROM} WHERE {where} ORDER BY {order_sql} LIMIT ? OFFSET ?", params + [limit, offset]))
    return total, [event_from_row(r) for r in rows]


def event(store, event_id: str) -> dict[str, Any] | None:
    rows = _dicts(store.con.execute("SELECT * FROM events WHERE id = ?", [event_id]))
    return event_from_row(rows[0]) if rows else None


def facets(store, f: EventFilter, top: int = 12) -> dict[str, list[tuple[Any, int]]]:
    """Counts of the filtered events by event type, quad class, actor code and country."""
    where, params = f.where()
    out = {}
    for name, expr in (("event", "e.event"), ("quad_class", "e.quad_class"), ("country", "e.country")):
        out[name] = store.con.execute(
            f"SELECT {expr}, count(*) {_FROM} WHERE {where} AND {expr} IS NOT NULL "
            f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", params + [top]).fetchall()
    out["actor"] = store.con.execute(
        f"SELECT code, count(*) FROM (SELECT unnest({CODES}) AS code {_FROM} WHERE {where}) "
        f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", params + [top]).fetchall()
    return out


def weekly(store, f: EventFilter) -> dict[str, Any]:
    """Events per week by quad class and by event type (weeks without events are left out)."""
    where, params = f.where()
    by_quad = store.con.execute(
        f"SELECT {WEEK} AS week, e.quad_class, count(*) {_FROM} WHERE {where} AND {DAY} IS NOT NULL "
        f"GROUP BY 1, 2 ORDER BY 1, 2", params).fetchall()
    by_event = store.con.execute(
        f"SELECT {WEEK} AS week, e.event, count(*) {_FROM} WHERE {where} AND {DAY} IS NOT NULL "
        f"GROUP BY 1, 2 ORDER BY 1, 2", params).fetchall()
    total = store.con.execute(f"SELECT count(*) {_FROM} WHERE {where}", params).fetchone()[0]
    return {
        "total": total,
        "weeks": sorted({str(w) for w, _, _ in by_quad}),
        "by_quad_class": [{"week": str(w), "quad_class": q, "events": n} for w, q, n in by_quad],
        "by_event": [{"week": str(w), "event": t, "events": n} for w, t, n in by_event],
    }


def articles(store, hits=None, language: str | None = None, site: str | None = None,
             date_from: date | None = None, date_to: date | None = None, limit: int = 20,
             offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of articles): ``hits`` (from the search index) ranks and restricts them."""
    cols = ", ".join(f"a.{c}" for c in ARTICLE_FIELDS)
    sql, params, order = "FROM articles a", [], "a.published DESC NULLS LAST, a.seq DESC"
    if hits is not None:
        sql += (" JOIN (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::DOUBLE[]) AS score) h "
                "ON h.id = a.id")
        params += [hits.ids, hits.scores]
        order = "h.score DESC, a.seq"
    clauses = ["TRUE"]
    for column, value in (("a.language", language), ("a.site", site)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    published = "TRY_CAST(substr(a.published, 1, 10) AS DATE)"
    if date_from:
        clauses.append(f"{published} >= ?")
        params.append(date_from)
    if date_to:
        clauses.append(f"{published} <= ?")
        params.append(date_to)
    sql += " WHERE " + " AND ".join(clauses)
    total = store.con.execute(f"SELECT count(*) {sql}", params).fetchone()[0]
    rows = _dicts(store.con.execute(f"SELECT {cols} {sql} ORDER BY {order} LIMIT ? OFFSET ?",
                                    params + [limit, offset]))
    return total, rows


def article_detail(store, article_id: str) -> dict[str, Any] | None:
    """The article (contract fields) with its mentions, actors, places, dates and events."""
    found = read.article(store, article_id)
    if found is None:
        return None
    out = {"article": {name: found[name] for name in ARTICLE_FIELDS}}
    out.update(read.annotations(store, article_id))
    return out


def actors(store, q: str | None = None, limit: int = 50, offset: int = 0,
           partners: int = 5) -> tuple[int, list[dict[str, Any]]]:
    """Actor codes with their event counts (as actor, as recipient) and their top partners."""
    sides = ("SELECT e.id, unnest(coalesce(e.actor_codes, [])) AS code, 'actor' AS side FROM events e "
             "UNION ALL SELECT e.id, unnest(coalesce(e.recipient_codes, [])), 'recipient' FROM events e")
    where, params = ("WHERE starts_with(lower(code), lower(?))", [q]) if q else ("", [])
    grouped = (f"SELECT code, count(DISTINCT id) AS events, count(*) FILTER (side = 'actor') AS as_actor, "
               f"count(*) FILTER (side = 'recipient') AS as_recipient FROM ({sides}) {where} GROUP BY code")
    total = store.con.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    rows = _dicts(store.con.execute(f"{grouped} ORDER BY events DESC, code LIMIT ? OFFSET ?",
                                    params + [limit, offset]))
    mates = _partners(store, [r["code"] for r in rows], partners) if partners else {}
    for row in rows:
        row["partners"] = mates.get(row["code"], [])
    return total, rows


def _pairs_sql() -> str:
    parts = f"SELECT DISTINCT e.id, unnest({CODES}) AS code FROM events e"
    return (f"SELECT p1.code AS code, p2.code AS partner, count(*) AS events FROM ({parts}) p1 "
            f"JOIN ({parts}) p2 ON p1.id = p2.id AND p1.code <> p2.code")


def _partners(store, codes: list[str], top: int) -> dict[str, list[dict[str, Any]]]:
    """Codes met in the same events as each of ``codes``, most frequent first."""
    if not codes:
        return {}
    rows = store.con.execute(
        f"{_pairs_sql()} WHERE list_contains(?, p1.code) GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2", [codes]
    ).fetchall()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for code, partner, n in rows:
        if len(out[code]) < top:
            out[code].append({"code": partner, "events": n})
    return dict(out)


def actor(store, code: str, partners: int = 20) -> dict[str, Any] | None:
    """One actor code: its event counts, the names it was resolved from, partners and the dyads among them."""
    found = store.con.execute(
        "SELECT count(*), count(*) FILTER (list_contains(coalesce(actor_codes, []), ?)), "
        "count(*) FILTER (list_contains(coalesce(recipient_codes, []), ?)) FROM events "
        "WHERE list_contains(coalesce(actor_codes, []), ?) "
        "OR list_contains(coalesce(recipient_codes, []), ?)",
        [code] * 4).fetchone()
    if not found[0]:
        return None
    names = store.con.execute(
        "SELECT name, sector, count(*) FROM actor_mentions WHERE code = ? GROUP BY 1, 2 "
        "ORDER BY 3 DESC, 1 LIMIT 10", [code]).fetchall()
    mates = _partners(store, [code], partners).get(code, [])
    return {
        "code": code, "events": found[0], "as_actor": found[1], "as_recipient": found[2],
        "names": [{"name": n, "sector": s, "mentions": c} for n, s, c in names],
        "partners": mates, "dyads": dyads(store, [code] + [m["code"] for m in mates]),
    }


def dyads(store, codes: list[str]) -> list[dict[str, Any]]:
    """Undirected pairs among ``codes`` that share events, with their counts (the network's edges)."""
    rows = store.con.execute(
        f"{_pairs_sql()} WHERE list_contains(?, p1.code) AND list_contains(?, p2.code) "
        f"AND p1.code < p2.code GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2", [codes, codes]).fetchall()
    return [{"a": a, "b": b, "events": n} for a, b, n in rows]


def rejects(store, limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    total = store.con.execute("SELECT count(*) FROM rejects").fetchone()[0]
    rows = _dicts(store.con.execute(
        "SELECT uri, reason, detail, stage, run_id FROM rejects ORDER BY run_id, uri LIMIT ? OFFSET ?",
        [limit, offset]))
    return total, rows


def runs(store) -> list[dict[str, Any]]:
    return list(reversed(read.runs(store)))


def totals(store) -> dict[str, Any]:
    return read.stats(store)
