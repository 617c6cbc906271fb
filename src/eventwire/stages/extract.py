"""Extract: from an HTML page to an article's main text and metadata, through trafilatura.

Reads ``Source(kind="html")`` payloads; writes ``text``, ``title``, ``published`` (+ precision and
method ``html_metadata``), ``site`` and the canonical ``url``. Drop reasons: ``no_main_text`` (the page
has no extractable main text, e.g. only scripts), ``html_parse_error``.

Comments are excluded: with them on, "Leave a Reply" forms and reader comments leak into the text.

Speed (docs/benchmarks.md has the profile): the page is parsed once and that tree serves both the
metadata and the text. trafilatura's ``fast`` path (no readability/jusText fallback) is tried first;
the full path runs only where the fast result looks unsure (short or missing text). Metadata takes only
what an article keeps (title, canonical URL, site, date): trafilatura's author, category, tag and
licence searches cost more than the extraction itself and are skipped. The date comes from htmldate's
markup search first; its extensive free-text search (dateparser over every text segment, the most
expensive step of a page) runs only when the markup holds no date, which gives the same dates on pages
that have one in their markup.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

#: below this many characters the fast path is "unsure" and the full extraction runs
UNSURE_CHARS = 400


def _bare(tree: Any, url: str | None, fast: bool) -> Any:
    import trafilatura

    # a tree handed in is copied by trafilatura, so the same parse serves both paths
    return trafilatura.bare_extraction(
        tree, url=url, fast=fast, include_comments=False, include_tables=True, with_metadata=False,
    )


def published_date(tree: Any, url: str | None) -> str | None:
    """The page's original publication date (YYYY-MM-DD): markup first, free text only if none."""
    from htmldate import find_date

    # htmldate never fetches here: it gets a parsed tree, and the URL only for its date patterns
    return (find_date(tree, extensive_search=False, original_date=True, url=url)
            or find_date(tree, extensive_search=True, original_date=True, url=url))


def page_metadata(tree: Any, url: str | None) -> dict[str, Any]:
    """Title, canonical URL, site name and publication date of a parsed page (trafilatura's rules)."""
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import Document

    doc = examine_meta(tree)
    try:
        doc = extract_meta_json(tree, doc)
    # trafilatura's JSON-LD reader has bugs on odd markup; the rest of the metadata stands
    except Exception as exc:  # noqa: BLE001
        log.debug("JSON-LD metadata unreadable: %s", exc)
    probe = Document()
    probe.title = doc.title or extract_title(tree)
    probe.url = doc.url or extract_url(tree, url)
    probe.date = published_date(tree, probe.url)
    probe.sitename = (doc.sitename or extract_sitename(tree) or "").lstrip("@") or None
    if probe.sitename and "." not in probe.sitename and not probe.sitename[0].isupper():
        probe.sitename = probe.sitename.title()
    if not probe.sitename and probe.url and (host := META_URL.match(probe.url)):
        probe.sitename = host[1]
    probe.clean_and_trim()  # entities, whitespace and length, as trafilatura trims its metadata
    return {"title": probe.title or None, "url": probe.url or url, "site": probe.sitename or None,
            "published": probe.date or None}


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata of one HTML page; ``text`` is "" when the page has no main text."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return {"text": "", "title": None, "published": None, "site": None, "url": url}
    doc = _bare(tree, url, fast=True)
    if doc is None or len(doc.text or "") < UNSURE_CHARS:
        full = _bare(tree, url, fast=False)
        if full is not None and len(full.text or "") > len((doc.text if doc else "") or ""):
            doc = full
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:  # no article: its metadata is not needed
        return {"text": "", "title": None, "published": None, "site": None, "url": url}
    found = page_metadata(tree, url)
    found.update(text=text, published_precision="day" if found["published"] else None,
                 published_method="html_metadata" if found["published"] else None)
    return found


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
