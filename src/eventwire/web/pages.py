"""The HTML pages (server-rendered, no script needed) and their SVG pictures.

Reads the store through :mod:`eventwire.store.queries` (the same queries as the API) and the search
index; writes nothing. Query parameters are validated by the API's declarations; article-derived text
is escaped by the templates and by :mod:`eventwire.web.highlight`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..store import queries
from . import charts
from .api import CODE, ID, From, Limit, Offset, To, event_filter
from .highlight import article_spans, event_spans, mark
from .render import page, pager

router = APIRouter(include_in_schema=False)
Filter = Annotated[queries.EventFilter, Depends(event_filter)]


def _html(name: str, request: Request, **context: Any) -> HTMLResponse:
    return HTMLResponse(page(name, path=request.url.path, **context))


def _svg(text: str) -> Response:
    return Response(text, media_type="image/svg+xml", headers={"Cache-Control": "no-cache"})


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    db = request.app.state.db
    totals = db.read(queries.totals)
    _, latest = db.read(queries.events, queries.EventFilter(), limit=10)
    return _html("home.html", request, totals=totals, events=latest)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: Filter, sort: Literal["date", "goldstein"] = "date",
                order: Literal["asc", "desc"] = "desc", limit: Limit = 50, offset: Offset = 0):
    db = request.app.state.db
    total, items = db.read(queries.events, f, sort=sort, order=order, limit=limit, offset=offset)
    params = {**f.query_items(), "sort": sort if sort != "date" else None,
              "order": order if order != "desc" else None}
    return _html("events.html", request, events=items, facets=db.read(queries.facets, f), f=f,
                 params=params, filters=f.query_items(), pages=pager(total, limit, offset, params),
                 sort=sort, order=order)


@router.get("/timeline.svg")
def timeline(request: Request, f: Filter):
    weekly = request.app.state.db.read(queries.weekly, f)
    return _svg(charts.timeline_svg(weekly))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Annotated[str, Path(pattern=ID)]):
    db = request.app.state.db
    event = db.one(queries.event, event_id, f"no event {event_id!r}")
    detail = db.read(queries.article_detail, event["article_id"])
    sentence = event["sentence"] or ""
    marked = mark(sentence, event_spans(event, detail["actors"]), offset=event["sentence_span"][0])
    location = event.get("location") or {}
    view = None
    if location.get("lat") is not None and location.get("lon") is not None:
        view = charts.map_view(float(location["lat"]), float(location["lon"]))
    return _html("event.html", request, event=event, article=detail["article"], sentence=marked,
                 location=location, view=view, country2=charts.alpha2(location.get("country")))


@router.get("/map/world.svg")
def world_map(country: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None):
    return _svg(charts.world_svg(country))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, q: Annotated[str | None, Query(pattern=CODE)] = None,
                limit: Limit = 50, offset: Offset = 0):
    total, items = request.app.state.db.read(queries.actors, q=q, limit=limit, offset=offset)
    params = {"q": q}
    return _html("actors.html", request, actors=items, q=q, pages=pager(total, limit, offset, params))


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: Annotated[str, Path(pattern=CODE)]):
    db = request.app.state.db
    found = db.one(queries.actor, code, f"no events with actor {code!r}")
    total, recent = db.read(queries.events, queries.EventFilter(actor=code), limit=20)
    return _html("actor.html", request, actor=found, events=recent, total=total)


@router.get("/actors/{code}/network.svg")
def actor_network(request: Request, code: Annotated[str, Path(pattern=CODE)]):
    found = request.app.state.db.one(queries.actor, code, f"no events with actor {code!r}")
    return _svg(charts.network_svg(code, found["partners"], found["dyads"]))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
                  language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
                  date_from: From = None, date_to: To = None, limit: Limit = 20, offset: Offset = 0):
    db = request.app.state.db
    hits = db.search(q) if q and q.strip() else None
    total, items = db.read(queries.articles, hits, language=language, date_from=date_from,
                           date_to=date_to, limit=limit, offset=offset)
    params = {"q": q, "language": language, "date_from": date_from, "date_to": date_to}
    return _html("articles.html", request, articles=items, q=q or "", language=language or "",
                 pages=pager(total, limit, offset, params))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Annotated[str, Path(pattern=ID)]):
    detail = request.app.state.db.one(queries.article_detail, article_id, f"no article {article_id!r}")
    text = mark(detail["article"]["text"], article_spans(detail))
    return _html("article.html", request, article=detail["article"], detail=detail, text=text)


@router.get("/runs", response_class=HTMLResponse)
def runs_page(request: Request, limit: Limit = 100, offset: Offset = 0):
    db = request.app.state.db
    total, rejects = db.read(queries.rejects, limit=limit, offset=offset)
    return _html("runs.html", request, runs=db.read(queries.runs), rejects=rejects,
                 pages=pager(total, limit, offset, {}))


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The OpenAPI description as a page (Swagger UI would need a CDN and inline script)."""
    spec = request.app.openapi()
    operations = [{"method": method.upper(), "path": path, **op}
                  for path, item in spec["paths"].items() for method, op in item.items()]
    return _html("docs.html", request, spec=spec, operations=operations)
