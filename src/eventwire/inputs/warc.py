"""HTML response records of a WARC / WARC.gz file, through warcio.

Yields ``Source(kind="html")`` per HTML response (or resource) record, uri = file path + ``#`` + record
id, with the target URI and the WARC date as metadata. Drop reasons: ``too_large`` (a record's payload
over ``max_bytes``: read no further than the limit, so a gzip bomb costs bounded memory),
``truncated_warc`` / ``bad_warc`` (the archive ends or breaks mid-record: the records before are kept),
``empty_input`` (no HTML record at all).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import Rejection, Source
from ..settings import Settings


def read_warc_records(path: Path, uri: str, settings: Settings) -> Iterator[Source | Rejection]:
    from warcio.archiveiterator import ArchiveIterator

    from ..stages.read import decode, partial_date

    found = 0
    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type not in ("response", "resource"):
                    continue
                ctype = _content_type(record)
                if "html" not in ctype:
                    continue
                rid = record.rec_headers.get_header("WARC-Record-ID") or f"offset-{found}"
                record_uri = f"{uri}#{rid.strip('<>')}"
                payload = record.content_stream().read(settings.max_bytes + 1)
                found += 1
                if len(payload) > settings.max_bytes:
                    yield Rejection(record_uri, "too_large", f"record payload > {settings.max_bytes} bytes",
                                    "read")
                    continue
                text, why = decode(payload)
                if text is None or not text.strip():
                    yield Rejection(record_uri, why or "empty_input", "WARC record payload", "read")
                    continue
                meta = {"url": record.rec_headers.get_header("WARC-Target-URI")}
                date, _precision = partial_date(record.rec_headers.get_header("WARC-Date") or "")
                if date:
                    meta.update(crawl_date=date)
                yield Source(uri=record_uri, kind="html", payload=text, meta=meta)
    except (EOFError, OSError) as exc:
        yield Rejection(uri, "truncated_warc", f"after {found} HTML records: {type(exc).__name__}: {exc}",
                        "read")
        return
    except Exception as exc:  # warcio raises ArchiveLoadFailed and parser errors on broken archives
        reason = "truncated_warc" if found else "bad_warc"
        yield Rejection(uri, reason, f"after {found} HTML records: {type(exc).__name__}: {exc}", "read")
        return
    if path.name.lower().endswith(".gz") and not gzip_complete(path):
        # warcio stops quietly at a cut gzip member: the record in it would be lost without a word
        yield Rejection(uri, "truncated_warc", f"the archive is cut off after {found} HTML records", "read")
        return
    if not found:
        yield Rejection(uri, "empty_input", "no HTML response record in the archive", "read")


def gzip_complete(path: Path, chunk: int = 1 << 20) -> bool:
    """Whether every gzip member of ``path`` ends properly (streamed: memory stays at one chunk)."""
    import zlib

    decomp, in_member = zlib.decompressobj(31), False
    with open(path, "rb") as handle:
        while data := handle.read(chunk):
            while data:
                in_member = True
                try:
                    decomp.decompress(data, chunk)
                except zlib.error:
                    return False
                if decomp.eof:
                    data, decomp, in_member = decomp.unused_data, zlib.decompressobj(31), False
                else:
                    data = decomp.unconsumed_tail
    return not in_member


def write_warc(out: Path, pages: list[tuple[str, bytes]]) -> None:
    """Write HTML pages as HTTP response records of a WARC.gz (examples, tests, users' own archives)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(out, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def _content_type(record) -> str:
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()
