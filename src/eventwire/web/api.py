"""The JSON API under /api: events, articles, actors, weekly stats, runs and rejects.

Reads the store through :mod:`eventwire.store.queries` and the full-text index; writes nothing. Every
query parameter is validated here (type, range, pattern, enum, ISO date) before it reaches a query,
where it is bound as a parameter. Event and article objects are the JSONL contract; lists are
``{"total", "limit", "offset", "items"}``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from ..store import queries

router = APIRouter(prefix="/api", tags=["api"])

#: entity codes: ISO3 states, IGO acronyms (UN, ARAB_LEAGUE, CoE, G7), groups (ISIL)
CODE = r"^[A-Za-z0-9_]{1,24}$"
ID = r"^[A-Za-z0-9_.:-]{1,80}$"
EVENT_TYPE = r"^[A-Z_]{2,24}$"

Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
From = Annotated[date | None, Query(description="first day, YYYY-MM-DD")]
To = Annotated[date | None, Query(description="last day, YYYY-MM-DD")]


def event_filter(
    actor: Annotated[str | None, Query(pattern=CODE, description="entity code on either side")] = None,
    side: Annotated[Literal["any", "actor", "recipient"], Query(description="side of `actor`")] = "any",
    event: Annotated[str | None, Query(pattern=EVENT_TYPE, description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$", description="ISO3 of the location")] = None,
    date_from: From = None,
    date_to: To = None,
    article_id: Annotated[str | None, Query(pattern=ID)] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the event's sentence")] = None,
) -> queries.EventFilter:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "date_from is after date_to")
    return queries.EventFilter(actor=actor, side=side, event=event, quad_class=quad_class, country=country,
                               date_from=date_from, date_to=date_to, article_id=article_id,
                               q=q.strip() if q else None)


def _db(request: Request):
    return request.app.state.db


def _page(total: int, limit: int, offset: int, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events", summary="Events, filtered, sorted and paged")
def list_events(request: Request, f: Annotated[queries.EventFilter, Depends(event_filter)],
                sort: Literal["date", "goldstein"] = "date", order: Literal["asc", "desc"] = "desc",
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    total, items = _db(request).read(queries.events, f, sort=sort, order=order, limit=limit, offset=offset)
    return _page(total, limit, offset, items)


@router.get("/events/{event_id}", summary="One event")
def get_event(request: Request, event_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    return _db(request).one(queries.event, event_id, f"no event {event_id!r}")


@router.get("/articles", summary="Articles: full-text search (German and English stemming), filters, paging")
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="words in title or text")] = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    site: Annotated[str | None, Query(max_length=200, pattern=r"^[A-Za-z0-9.:_-]+$")] = None,
    date_from: From = None, date_to: To = None, limit: Limit = 20, offset: Offset = 0,
) -> dict[str, Any]:
    db = _db(request)
    hits = db.search(q) if q and q.strip() else None
    total, items = db.read(queries.articles, hits, language=language, site=site, date_from=date_from,
                           date_to=date_to, limit=limit, offset=offset)
    return _page(total, limit, offset, items)


@router.get("/articles/{article_id}", summary="One article with its mentions, actors, places, dates, events")
def get_article(request: Request, article_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    return _db(request).one(queries.article_detail, article_id, f"no article {article_id!r}")


@router.get("/actors", summary="Actor codes with event counts and partners")
def list_actors(request: Request,
                q: Annotated[str | None, Query(pattern=CODE, description="code prefix")] = None,
                partners: Annotated[int, Query(ge=0, le=50)] = 5,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    total, items = _db(request).read(queries.actors, q=q, limit=limit, offset=offset, partners=partners)
    return _page(total, limit, offset, items)


@router.get("/actors/{code}", summary="One actor code: counts, names, partners, dyads")
def get_actor(request: Request, code: Annotated[str, Path(pattern=CODE)]) -> dict[str, Any]:
    return _db(request).one(queries.actor, code, f"no events with actor {code!r}")


@router.get("/stats", summary="Events per week by quad class and by event type (the /api/events filters)")
def stats(request: Request, f: Annotated[queries.EventFilter, Depends(event_filter)]) -> dict[str, Any]:
    db = _db(request)
    weekly = db.read(queries.weekly, f)
    weekly["totals"] = db.read(queries.totals)
    return weekly


@router.get("/runs", summary="Runs, newest first")
def runs(request: Request) -> list[dict[str, Any]]:
    return _db(request).read(queries.runs)


@router.get("/rejects", summary="Rejected inputs with their reasons")
def rejects(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    total, items = _db(request).read(queries.rejects, limit=limit, offset=offset)
    return _page(total, limit, offset, items)
