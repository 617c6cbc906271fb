"""Read: from an input (file, URL, JSONL lines) to raw :class:`~eventwire.model.Source` records.

Reads files by content and extension: plain text, HTML, WARC / WARC.gz (HTML response records), JSONL
(``text`` and optionally ``url``, ``title``, ``published``, ``language``), RSS/Atom (entry content; with
``fetch`` the linked pages). URLs go through :mod:`eventwire.fetch`. Yields Sources and Rejections; never
raises on bad input. Drop reasons: ``empty_input``, ``binary``, ``undecodable``, ``too_large``,
``truncated_warc``, ``bad_warc``, ``bad_jsonl_line``, ``bad_feed``, ``unreadable``, and the fetcher's.
"""

from __future__ import annotations

import codecs
import gzip
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import FetchError
from ..model import Rejection, Source
from ..settings import Settings

log = logging.getLogger(__name__)

HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
WARC_EXT = (".warc", ".warc.gz", ".arc.gz")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz")
FEED_EXT = (".rss", ".atom", ".xml", ".rdf")
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<!--|<meta|<div|<p[ >])", re.IGNORECASE)
_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

Item = Source | Rejection


def read_unit(unit: tuple, settings: Settings, fetcher: Any = None) -> Iterator[Item]:
    """Sources of one input unit: ("file", path) | ("url", url) | ("lines", origin, [(n, line)])."""
    kind = unit[0]
    try:
        if kind == "file":
            yield from read_file(Path(unit[1]), settings, fetcher)
        elif kind == "url":
            yield from read_url(unit[1], settings, fetcher)
        elif kind == "jsonl":
            yield from read_jsonl_range(Path(unit[1]), unit[2], unit[3], unit[4], settings)
        elif kind == "lines":
            yield from read_jsonl_lines(unit[1], unit[2])
        else:
            yield Rejection(str(unit), "unreadable", f"unknown input unit {kind!r}", "read")
    except Exception as exc:  # a reader bug on one input must not kill the run
        log.exception("reading %s failed", unit[1])
        yield Rejection(str(unit[1]), "unreadable", f"{type(exc).__name__}: {exc}", "read")


def read_file(path: Path, settings: Settings, fetcher: Any = None) -> Iterator[Item]:
    uri = str(path.absolute())
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejection(uri, "unreadable", str(exc), "read")
        return
    name = path.name.lower()
    if name.endswith(WARC_EXT):
        yield from read_warc(path, uri, settings)
        return
    if size == 0:
        yield Rejection(uri, "empty_input", "0 bytes", "read")
        return
    if size > settings.max_bytes and not name.endswith(JSONL_EXT):
        yield Rejection(uri, "too_large", f"{size} bytes > limit {settings.max_bytes}", "read")
        return
    if name.endswith(JSONL_EXT):
        yield from read_jsonl_file(path, uri, settings)
        return
    data = path.read_bytes()
    if data[:4] == b"WARC" or (data[:2] == b"\x1f\x8b" and _gunzip_head(data).startswith(b"WARC")):
        yield from read_warc(path, uri, settings)
        return
    yield from read_bytes(data, uri, name, settings, fetcher)


def read_bytes(data: bytes, uri: str, name: str, settings: Settings, fetcher: Any = None,
               meta: dict | None = None) -> Iterator[Item]:
    """Sources in one document's bytes, its kind decided by ``name``'s extension and the content."""
    text, why = decode(data)
    if text is None:
        yield Rejection(uri, why, f"{len(data)} bytes", "read")
        return
    if not text.strip():
        yield Rejection(uri, "empty_input", "only whitespace", "read")
        return
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if name.endswith(FEED_EXT) or (head.lstrip().startswith(b"<?xml") and _FEED_SNIFF.search(data[:4096])):
        if _FEED_SNIFF.search(data[:4096]) or name.endswith((".rss", ".atom")):
            from ..inputs.feeds import read_feed

            yield from read_feed(data, uri, settings, fetcher)
            return
    if name.endswith(HTML_EXT) or _HTML_SNIFF.match(head) or "html" in (meta or {}).get("ctype", ""):
        yield Source(uri=uri, kind="html", payload=text, meta=dict(meta or {}))
        return
    if name.endswith(JSONL_EXT) or (text.lstrip().startswith("{") and name.endswith(".json")):
        yield from read_jsonl_lines(uri, list(enumerate(text.splitlines(), 1)))
        return
    yield Source(uri=uri, kind="text", payload=text, meta=dict(meta or {}))


def decode(data: bytes) -> tuple[str | None, str]:
    """Text of ``data``: BOM, then UTF-8, then cp1252/latin-1; None and a reason for binary data."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec))
            except UnicodeDecodeError:
                return None, "undecodable"
    if b"\x00" in data[:8192]:
        return None, "binary"
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    # Not UTF-8: central-European news in cp1252 (a superset of latin-1's printable range);
    # bytes cp1252 leaves undefined fall back to latin-1 so nothing is lost.
    try:
        return _checked(data.decode("cp1252"))
    except UnicodeDecodeError:
        return _checked(data.decode("latin-1"))


def _checked(text: str) -> tuple[str | None, str]:
    sample = text[:20000]
    if not sample:
        return text, ""
    # one category lookup per distinct character (Counter counts in C): a text has few distinct ones
    bad = sum(n for ch, n in Counter(sample).items()
              if ch not in "\n\r\t\f" and unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn"))
    if bad / len(sample) > 0.02:
        return None, "binary"
    return text.replace("\r\n", "\n").replace("\r", "\n"), ""


def _gunzip_head(data: bytes) -> bytes:
    try:
        return gzip.GzipFile(fileobj=__import__("io").BytesIO(data[:65536])).read(8)
    except Exception:
        return b""


def read_url(url: str, settings: Settings, fetcher: Any) -> Iterator[Item]:
    try:
        fetched = fetcher.fetch(url)
    except FetchError as exc:
        yield Rejection(url, exc.reason, exc.detail, "fetch")
        return
    name = urlpath_name(fetched.url)
    if "html" in fetched.content_type:
        name = ".html"
    elif any(t in fetched.content_type for t in ("rss", "atom", "xml")):
        name = ".xml" if not name.endswith(FEED_EXT) else name
    yield from read_bytes(fetched.body, url, name, settings, fetcher,
                          meta={"url": fetched.url, "ctype": fetched.content_type})


def urlpath_name(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path.rsplit("/", 1)[-1].lower()


def read_jsonl_file(path: Path, uri: str, settings: Settings) -> Iterator[Item]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        for n, raw in enumerate(handle, 1):
            if len(raw) > settings.max_bytes:
                yield Rejection(f"{uri}#L{n}", "too_large", f"line of {len(raw)} bytes", "read")
                continue
            text, why = decode(raw)
            if text is None:
                yield Rejection(f"{uri}#L{n}", "bad_jsonl_line", why, "read")
                continue
            yield from read_jsonl_lines(uri, [(n, text)])


def read_jsonl_range(path: Path, start: int, end: int, first_line: int,
                     settings: Settings) -> Iterator[Item]:
    """The JSONL lines between byte offsets ``start`` and ``end`` (a chunk planned by the driver)."""
    uri = str(path.absolute())
    with open(path, "rb") as handle:
        handle.seek(start)
        n = first_line
        while handle.tell() < end:
            raw = handle.readline(settings.max_bytes + 1)
            if not raw:
                break
            if len(raw) > settings.max_bytes:
                yield Rejection(f"{uri}#L{n}", "too_large", f"line over {settings.max_bytes} bytes", "read")
                while raw and not raw.endswith(b"\n"):
                    raw = handle.readline(settings.max_bytes)
            else:
                text, why = decode(raw)
                if text is None:
                    yield Rejection(f"{uri}#L{n}", "bad_jsonl_line", why, "read")
                else:
                    yield from read_jsonl_lines(uri, [(n, text)])
            n += 1


def read_jsonl_lines(origin: str, lines: list[tuple[int, str]]) -> Iterator[Item]:
    for n, line in lines:
        if not line.strip():
            continue
        uri = f"{origin}#L{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(uri, "bad_jsonl_line", f"invalid JSON: {exc}", "read")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Rejection(uri, "bad_jsonl_line", "not an object with a string 'text' field", "read")
            continue
        yield Source(uri=uri, kind="record", payload=record["text"], meta=record_meta(record, "jsonl_field"))


def record_meta(record: dict, method: str) -> dict:
    meta: dict[str, Any] = {}
    for key in ("url", "title", "language", "site"):
        if isinstance(record.get(key), str) and record[key].strip():
            meta[key] = record[key].strip()
    published = record.get("published")
    if isinstance(published, str):
        value, precision = partial_date(published)
        if value:
            meta.update(published=value, published_precision=precision, published_method=method)
    return meta


def partial_date(raw: str) -> tuple[str | None, str | None]:
    """ISO 8601 partial date of ``raw`` ("2024", "2024-03", "2024-03-17T10:00Z" -> "2024-03-17")."""
    match = _DATE.match(raw.strip())
    if not match:
        return None, None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        return None, None
    if day:
        return f"{year}-{month}-{day}", "day"
    if month:
        return f"{year}-{month}", "month"
    return year, "year"


def read_warc(path: Path, uri: str, settings: Settings) -> Iterator[Item]:
    from ..inputs.warc import read_warc_records

    yield from read_warc_records(path, uri, settings)
