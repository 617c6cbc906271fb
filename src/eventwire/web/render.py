"""Rendering helpers for the pages: the Jinja2 environment (autoescaping on), links, paging, labels.

Reads the templates in web/templates; writes nothing. Article-derived strings reach HTML only through
autoescaping or :mod:`markupsafe`; a link taken from the data is kept only when it is http(s).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link, else None (``javascript:`` and friends never become links)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def query(params: dict[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` from ``params`` with ``changes`` applied (None removes a key)."""
    merged = {**params, **changes}
    items = {k: v for k, v in merged.items() if v not in (None, "")}
    return "?" + urlencode(items) if items else ""


def pager(total: int, limit: int, offset: int, params: dict[str, Any]) -> dict[str, Any]:
    """Links to the previous and next page, keeping the other parameters."""
    prev_offset = max(offset - limit, 0) if offset > 0 else None
    next_offset = offset + limit if offset + limit < total else None
    keep = {**params, "limit": limit if limit else None}
    return {
        "total": total, "first": offset + 1 if total else 0, "last": min(offset + limit, total),
        "prev": query(keep, offset=prev_offset or None) if prev_offset is not None else None,
        "next": query(keep, offset=next_offset) if next_offset is not None else None,
    }


def entity_label(entity: dict[str, Any]) -> str:
    code = entity.get("code") or "?"
    sector = entity.get("sector")
    return f"{code} {sector}" if sector else code


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["entity_label"] = entity_label
    env.globals["QUAD_CLASSES"] = QUAD_CLASSES
    env.globals["query"] = query
    return env


templates = _environment()


def page(name: str, **context: Any) -> str:
    return templates.get_template(name).render(**context)
