"""The one way eventwire touches the network: fetch a URL with httpx, safely.

Reads a URL; returns a :class:`Fetched` (final URL, content type, body bytes) or raises
:class:`~eventwire.errors.FetchError` with a reason, which readers turn into a rejection:
``bad_url``, ``private_address`` (loopback, private, link-local, cloud metadata, also after a redirect
and when a name resolves to one), ``robots_disallowed``, ``timeout``, ``connect_error``,
``too_many_redirects``, ``too_large``, ``http_status``, ``unsupported_content_type``, ``bad_encoding``
(a Content-Encoding other than gzip/deflate, stacked encodings, or a corrupt compressed body).

Redirects are followed by hand so that every hop is checked against the address rules; bodies are
streamed and cut at ``max_bytes``, counted after decompression, which is done here in bounded steps
(httpx would inflate a whole network chunk at once: a gzip bomb, worse with stacked encodings). The
timeout bounds each request as a whole, so a server that trickles bytes cannot hold a worker forever.
No other module hands a URL string to a library that fetches by itself.
A name is checked at resolution time; a resolver that answers differently on the connection (DNS
rebinding) is outside what this guard covers.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from .errors import FetchError, FetchRefused
from .settings import Settings

ACCEPTED_TYPES = ("text/html", "application/xhtml", "application/xml", "text/xml", "application/rss",
                  "application/atom", "text/plain", "application/json", "application/x-ndjson")
METADATA_HOSTS = {"metadata.google.internal", "metadata", "instance-data"}


@dataclass(slots=True)
class Fetched:
    url: str
    content_type: str
    body: bytes


def _address_refused(host: str) -> str | None:
    """Why ``host`` may not be contacted without --allow-private, or None."""
    if host.lower().rstrip(".") in METADATA_HOSTS:
        return f"{host} is a cloud metadata name"
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise FetchError("connect_error", f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            return f"{host} resolves to {ip}, a non-public address"
    return None


class Fetcher:
    """Fetches with timeouts, a size limit, checked redirects and robots.txt; one per worker."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._client = httpx.Client(
            timeout=settings.timeout, follow_redirects=False, trust_env=False,
            # only what _decoded_chunks can inflate in bounded steps
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, check_robots: bool = True) -> Fetched:
        for _ in range(self.settings.max_redirects + 1):
            self._check_url(url)
            if check_robots and self.settings.respect_robots and not self._robots_allow(url):
                raise FetchRefused("robots_disallowed", url)
            response = self._get(url)
            if response is None:
                raise FetchError("connect_error", url)
            status, headers, body = response
            if status in (301, 302, 303, 307, 308) and "location" in headers:
                url = urljoin(url, headers["location"])
                continue
            if status >= 400:
                raise FetchError("http_status", f"{url}: HTTP {status}")
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and not ctype.startswith(ACCEPTED_TYPES):
                raise FetchError("unsupported_content_type", f"{url}: {ctype}")
            return Fetched(url=url, content_type=ctype, body=body)
        raise FetchError("too_many_redirects", f"more than {self.settings.max_redirects} redirects")

    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("bad_url", url)
        if not self.settings.allow_private:
            why = _address_refused(parts.hostname)
            if why:
                raise FetchRefused("private_address", why)

    def _get(self, url: str) -> tuple[int, dict[str, str], bytes] | None:
        limit = self.settings.max_bytes
        deadline = time.monotonic() + self.settings.timeout
        try:
            with self._client.stream("GET", url) as response:
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError("too_large", f"{url}: Content-Length {declared} > {limit}")
                chunks, size = [], 0
                for chunk in _decoded_chunks(response, limit):
                    size += len(chunk)
                    if size > limit:
                        raise FetchError("too_large", f"{url}: more than {limit} bytes")
                    if time.monotonic() > deadline:
                        raise FetchError("timeout", f"{url}: body not in after {self.settings.timeout} s")
                    chunks.append(chunk)
                return response.status_code, dict(response.headers), b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise FetchError("timeout", f"{url}: {type(exc).__name__}") from exc
        except httpx.HTTPError as exc:
            raise FetchError("connect_error", f"{url}: {type(exc).__name__}: {exc}") from exc

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                fetched = self.fetch(key + "/robots.txt", check_robots=False)
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
            except FetchRefused:
                raise
            except FetchError:
                parser = None  # no robots.txt (or unreachable): allowed, as crawlers treat it
            self._robots[key] = parser
        parser = self._robots[key]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)


def _decoded_chunks(response: httpx.Response, limit: int):
    """The body of ``response`` decoded, no piece larger than ``limit + 1`` bytes."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        yield from response.iter_raw()
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError("bad_encoding", f"Content-Encoding {encoding!r}")
    decomp = None
    for raw in response.iter_raw():
        if decomp is None:
            # gzip: wbits 47 takes a gzip or zlib header; "deflate" is zlib-wrapped or, from some
            # servers, raw deflate: a zlib header's first two bytes are a multiple of 31
            zlib_header = len(raw) >= 2 and raw[0] & 0x0F == 8 and int.from_bytes(raw[:2], "big") % 31 == 0
            decomp = zlib.decompressobj(47 if "gzip" in encoding else 15 if zlib_header else -15)
        data = raw
        while data and not decomp.eof:
            try:
                out = decomp.decompress(data, limit + 1)
            except zlib.error as exc:
                raise FetchError("bad_encoding", f"corrupt {encoding} body: {exc}") from exc
            yield out
            data = decomp.unconsumed_tail
