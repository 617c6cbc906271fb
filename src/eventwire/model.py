"""eventwire's data model: every record the pipeline reads, makes and stores.

Annotations are character offsets into one article's ``text``: ``text[m.start:m.end]`` is the surface.
Field names of :class:`Article` and :class:`Event` are the JSONL contract (docs/data-model.md); the
``to_json`` methods return exactly those fields.

- Source: one raw input record (a file, a WARC record, a feed entry, a JSONL line, a fetched page).
- Article: the cleaned article and, after the later stages, its annotations.
- Mention / ActorRef / Place / DateRef: annotations on an article.
- Event: one coded political event with its provenance.
- Rejection: an input that left the pipeline, with its reason.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: JSONL fields of an article, in order (the contract of docs/data-model.md).
ARTICLE_FIELDS = (
    "id", "uri", "url", "title", "text", "language", "published", "published_precision",
    "published_method", "site", "duplicate_of", "n_chars",
)

#: JSONL fields of an event, in order.
EVENT_FIELDS = (
    "id", "article_id", "event", "mode", "context", "cameo", "quad_class", "goldstein", "actor",
    "recipient", "date", "date_precision", "location", "aux", "sentence", "sentence_span", "trigger",
    "trigger_span", "confidence", "coder",
)

PRECISIONS = ("day", "month", "year")
AUX_VALUES = (None, "historical", "future", "hypothetical", "negation")


@dataclass(slots=True)
class Source:
    """One raw input record before extraction.

    ``kind`` is how its payload is read: "html", "text" (plain text, possibly with boilerplate) or
    "record" (already structured: JSONL line or feed entry whose ``text`` needs no extraction).
    ``meta`` carries what the container knew: url, title, published, language, site, published_method.
    """

    uri: str
    kind: str
    payload: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, GPE, MISC, ROLE
    source: str = "ner"  # "ner" (model) or "codebook"


@dataclass(slots=True)
class ActorRef:
    """A mention resolved to an entity as of the article's date."""

    start: int
    end: int
    text: str
    name: str
    code: str | None
    sector: str | None = None
    role: str | None = None
    evidence: str | None = None

    def entity(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "code": self.code, "sector": self.sector}


@dataclass(slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def location(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(slots=True)
class DateRef:
    start: int
    end: int
    text: str
    value: str  # ISO 8601, partial allowed
    precision: str  # day | month | year
    method: str


@dataclass(slots=True)
class Event:
    id: str
    article_id: str
    event: str
    mode: str | None
    context: list[str]
    cameo: str
    quad_class: int
    goldstein: float
    actor: list[dict[str, Any]]
    recipient: list[dict[str, Any]]
    date: str | None
    date_precision: str | None
    location: dict[str, Any] | None
    aux: str | None
    sentence: str
    sentence_span: list[int]
    trigger: str
    trigger_span: list[int]
    confidence: float
    coder: str

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in EVENT_FIELDS}


@dataclass(slots=True)
class Article:
    id: str
    uri: str
    text: str
    url: str | None = None
    title: str | None = None
    language: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_method: str | None = None
    site: str | None = None
    duplicate_of: str | None = None
    dateline: str | None = None
    #: near-duplicate signature (MinHash hash values), computed by a worker, used by the driver
    signature: list[int] | None = None
    #: sentence boundaries as (start, end) offsets into ``text``
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def n_chars(self) -> int:
        return len(self.text)

    def to_json(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in ARTICLE_FIELDS if name != "n_chars"}
        out["n_chars"] = self.n_chars
        return {name: out[name] for name in ARTICLE_FIELDS}

    def annotations(self) -> dict[str, Any]:
        return {
            "mentions": [asdict(m) for m in self.mentions],
            "actors": [asdict(a) for a in self.actors],
            "places": [asdict(p) for p in self.places],
            "dates": [asdict(d) for d in self.dates],
        }


@dataclass(slots=True)
class Rejection:
    uri: str
    reason: str
    detail: str = ""
    stage: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"uri": self.uri, "reason": self.reason, "detail": self.detail, "stage": self.stage}
