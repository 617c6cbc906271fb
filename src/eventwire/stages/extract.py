"""Extract: from an HTML page to an article's main text and metadata, through trafilatura.

Reads ``Source(kind="html")`` payloads; writes ``text``, ``title``, ``published`` (+ precision and
method ``html_metadata``), ``site`` and the canonical ``url``. Drop reasons: ``no_main_text`` (the page
has no extractable main text, e.g. only scripts), ``html_parse_error``.

Comments are excluded: with them on, "Leave a Reply" forms and reader comments leak into the text.
Speed: trafilatura's ``fast`` path (no readability/jusText fallback) is tried first; the full path with
its fallbacks runs only where the fast result looks unsure (short or missing text), which keeps the
quality of the full path on the pages that need it at a fraction of its cost.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

#: below this many characters the fast path is "unsure" and the full extraction runs
UNSURE_CHARS = 400


def _bare(html: str, url: str | None, fast: bool) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        fast=fast,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # htmldate works on the parsed tree here; it never fetches (no URL string is handed to it)
        date_extraction_params={"extensive_search": True, "original_date": True},
    )


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata of one HTML page; ``text`` is "" when the page has no main text."""
    doc = _bare(html, url, fast=True)
    if doc is None or len(doc.text or "") < UNSURE_CHARS:
        full = _bare(html, url, fast=False)
        if full is not None and len(full.text or "") > len((doc.text if doc else "") or ""):
            doc = full
    if doc is None:
        return {"text": "", "title": None, "published": None, "site": None, "url": url}
    published = doc.date or None
    return {
        "text": (doc.text or "").strip(),
        "title": doc.title or None,
        "published": published,
        "published_precision": "day" if published else None,
        "published_method": "html_metadata" if published else None,
        "site": doc.sitename or doc.hostname or None,
        "url": doc.url or url,
        "language": doc.language or None,
    }


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised text (identical texts share one id)."""
    import hashlib
    import re

    normal = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def to_article(source, settings):
    """The Article of one Source: HTML through trafilatura, plain text through the cleaner.

    Raises :class:`~eventwire.pipeline.Drop` when nothing of an article remains.
    """
    from ..model import Article
    from ..pipeline import Drop

    meta = source.meta
    title = meta.get("title")
    dateline = None
    published = {k: meta.get(k) for k in ("published", "published_precision", "published_method")}
    url, site = meta.get("url"), meta.get("site")
    if source.kind == "html":
        try:
            found = extract_html(source.payload, url)
        except Exception as exc:  # lxml raises on pathological markup
            raise Drop("html_parse_error", f"{type(exc).__name__}: {exc}") from exc
        text = found["text"]
        if not text:
            raise Drop("no_main_text", "trafilatura found no main text")
        title = title or found["title"]
        url = found["url"] or url
        site = site or found["site"]
        if found["published"] and not published["published"]:
            published = {k: found[k] for k in published}
    elif source.kind == "text":
        from .clean import clean_text

        cleaned = clean_text(source.payload)
        text, title, dateline = cleaned.body, title or cleaned.title, cleaned.dateline
    else:
        text = source.payload.strip()
    if len(text.split()) < settings.min_words:
        raise Drop("too_short", f"{len(text.split())} words < {settings.min_words}")
    return Article(
        id=article_id(text), uri=source.uri, text=text, url=url, title=title,
        language=meta.get("language"), site=site, dateline=dateline, **published,
    )
