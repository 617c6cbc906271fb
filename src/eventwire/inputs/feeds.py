"""Entries of an RSS/Atom feed, through feedparser (given bytes, never a URL: it would fetch it).

Yields ``Source(kind="record")`` per entry with the entry's content (HTML turned to text by
trafilatura) or, with ``settings.fetch``, the linked page fetched through :mod:`eventwire.fetch`
as ``kind="html"``. uri = feed + ``#`` + entry id. Drop reasons: ``bad_feed`` (not a parseable feed),
``empty_input`` (a feed without entries, an entry without text).
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterator

from ..errors import FetchError
from ..model import Rejection, Source
from ..settings import Settings


def read_feed(data: bytes, uri: str, settings: Settings, fetcher=None) -> Iterator[Source | Rejection]:
    import feedparser

    parsed = feedparser.parse(data)  # bytes: feedparser parses them and fetches nothing
    if parsed.bozo and not parsed.entries:
        yield Rejection(uri, "bad_feed", f"{type(parsed.bozo_exception).__name__}: "
                        f"{parsed.bozo_exception}"[:300], "read")
        return
    if not parsed.entries:
        yield Rejection(uri, "empty_input", "feed without entries", "read")
        return
    items = list(_entries(parsed, uri, settings, fetcher))
    if parsed.bozo and not any(isinstance(i, Source) for i in items):
        # a broken XML document whose fragments yield no article is a bad feed, not empty entries
        yield Rejection(uri, "bad_feed", f"{type(parsed.bozo_exception).__name__}: "
                        f"{parsed.bozo_exception}"[:300], "read")
        return
    yield from items


def _entries(parsed, uri: str, settings: Settings, fetcher) -> Iterator[Source | Rejection]:
    site = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        entry_uri = f"{uri}#{entry.get('id') or entry.get('link') or n}"
        meta = {"url": entry.get("link"), "title": entry.get("title"), "site": site}
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            day = time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(stamp)))
            meta.update(published=day, published_precision="day", published_method="feed_date")
        meta = {k: v for k, v in meta.items() if v}
        if settings.fetch and entry.get("link") and fetcher is not None:
            yield from _fetch_linked(entry["link"], meta, settings, fetcher)
            continue
        html = _entry_html(entry)
        text = _html_text(html) if html else ""
        if not text.strip():
            yield Rejection(entry_uri, "empty_input", "feed entry without content", "read")
            continue
        yield Source(uri=entry_uri, kind="record", payload=text, meta=meta)


def _entry_html(entry) -> str:
    if entry.get("content"):
        return max((c.get("value", "") for c in entry["content"]), key=len)
    return entry.get("summary", "") or ""


def _html_text(html: str) -> str:
    if "<" not in html:
        return html.strip()
    from trafilatura import html2txt

    return (html2txt(f"<html><body>{html}</body></html>") or "").strip()


def _fetch_linked(url: str, meta: dict, settings: Settings, fetcher) -> Iterator[Source | Rejection]:
    try:
        fetched = fetcher.fetch(url)
    except FetchError as exc:
        yield Rejection(url, exc.reason, exc.detail, "fetch")
        return
    from ..stages.read import decode

    text, why = decode(fetched.body)
    if text is None:
        yield Rejection(url, why, "linked page", "read")
        return
    meta = dict(meta, url=fetched.url)
    yield Source(uri=url, kind="html", payload=text, meta=meta)
