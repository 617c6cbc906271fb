"""The web application: JSON under /api, HTML pages from the same queries, one error shape, strict headers.

Reads the store it is given (opened by the caller) and the full-text index beside it; writes nothing
to the store. Every response carries a Content-Security-Policy without inline script and
``X-Content-Type-Options: nosniff``. Every error of the API (404, 405, 422 validation, 500) is
``{"error": {"status", "code", "message", "detail"}}``; pages answer the same errors as an HTML page.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store.search import SearchIndex, sync_index
from .render import STATIC_DIR, templates

log = logging.getLogger(__name__)

#: pages and the API: nothing from elsewhere, no inline script, no plugins, no framing
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
#: SVG images (charts, map): their own <style> is allowed, no script at all
IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'self'"

ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter",
               500: "internal_error"}


class Database:
    """The store and its index behind one lock: DuckDB connections are not shared across threads."""

    def __init__(self, store, lock: threading.Lock | None = None):
        self.store = store
        self.lock = lock or threading.Lock()
        self.index = SearchIndex.for_store(store)

    def read(self, query: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            return query(self.store, *args, **kwargs)

    def one(self, query: Callable[..., Any], key: str, missing: str) -> Any:
        """The record ``query`` finds for ``key``; a 404 saying ``missing`` when there is none."""
        found = self.read(query, key)
        if found is None:
            raise StarletteHTTPException(404, missing)
        return found

    def search(self, q: str):
        return self.index.search(q)


def create_app(store, lock: threading.Lock | None = None, sync: bool = True) -> FastAPI:
    """The FastAPI app over an open ``store``; ``lock`` is shared with whoever else uses the store.

    ``sync`` brings the full-text index up to date first (see :func:`eventwire.store.search.sync_index`).
    """
    from .api import router as api_router
    from .pages import router as page_router

    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Articles and PLOVER/CAMEO events of an eventwire store. Every error is "
                              '`{"error": {"status", "code", "message", "detail"}}`.')
    app.state.db = Database(store, lock)
    if sync:
        _sync(app.state.db)
    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _install_errors(app)
    _install_headers(app)
    return app


def _sync(db: Database) -> None:
    try:
        with db.lock:
            sync_index(db.store)
    except OSError as exc:
        # a read-only folder beside the store: pages still work, the text search finds nothing
        log.warning("cannot update the search index beside %s: %s", db.store.path, exc)


def security_headers(response, path: str = "") -> None:
    is_image = path.endswith(".svg")
    response.headers["Content-Security-Policy"] = IMAGE_CSP if is_image else PAGE_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"


def _install_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def add_headers(request: Request, call_next):
        response = await call_next(request)
        security_headers(response, request.url.path)
        return response


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith((".json", ".svg"))


def error_response(request: Request, status: int, message: str, detail: Any = None):
    body = {"error": {"status": status, "code": ERROR_CODES.get(status, "http_error"), "message": message,
                      "detail": detail}}
    if wants_json(request):
        response = JSONResponse(body, status_code=status)
    else:
        response = HTMLResponse(templates.get_template("error.html").render(error=body["error"]),
                                status_code=status)
    security_headers(response, request.url.path)
    return response


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        # the offending input is not echoed back: loc, msg and type say what to fix
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        return error_response(request, 422, "invalid request parameters", detail)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("error answering %s", request.url.path)
        return error_response(request, 500, "internal error: see the server log")
