"""Marked-up text: an event's sentence with actor, recipient and trigger, an article with its annotations.

Reads character spans (offsets into one article text); writes HTML as :class:`markupsafe.Markup`, built
segment by segment with every piece of text escaped, so nothing in an article can become markup.
Overlapping spans are not nested: the span of higher priority (earlier in the list given) wins and
the others are left unmarked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # CSS class: actor, recipient, trigger, PER, LOC, ...
    title: str = ""
    href: str | None = None


def mark(text: str, spans: list[Span], offset: int = 0) -> Markup:
    """``text`` (which starts at ``offset`` of the article) with ``spans`` wrapped in <mark>/<a>."""
    kept: list[Span] = []
    for span in spans:
        start, end = span.start - offset, span.end - offset
        if start < 0 or end > len(text) or start >= end:
            continue
        if any(start < k.end - offset and k.start - offset < end for k in kept):
            continue
        kept.append(span)
    out, pos = [], 0
    for span in sorted(kept, key=lambda s: s.start):
        start, end = span.start - offset, span.end - offset
        out.append(escape(text[pos:start]))
        out.append(_wrap(text[start:end], span))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _wrap(surface: str, span: Span) -> Markup:
    if span.href:
        return Markup('<a class="mark {}" href="{}" title="{}">{}</a>').format(
            span.kind, span.href, span.title, surface)
    return Markup('<mark class="{}" title="{}">{}</mark>').format(span.kind, span.title, surface)


def _find(sentence: str, surface: str, start: int, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first occurrence of ``surface`` in the sentence that does not overlap a taken span."""
    if not surface:
        return None
    at = sentence.find(surface)
    while at >= 0:
        span = (start + at, start + at + len(surface))
        if not any(span[0] < e and s < span[1] for s, e in taken):
            return span
        at = sentence.find(surface, at + 1)
    return None


def event_spans(event: dict[str, Any], actor_rows: list[dict[str, Any]]) -> list[Span]:
    """Trigger, actor and recipient spans of an event, in article offsets.

    The event names its participants by surface text; their spans come from the article's resolved
    actor mentions inside the sentence (same text), else from the surface's place in the sentence.
    """
    s_start, s_end = event["sentence_span"]
    spans = [Span(*event["trigger_span"], "trigger", f"trigger: {event['event']} ({event['cameo']})")]
    taken = [tuple(event["trigger_span"])]
    inside = [r for r in actor_rows if s_start <= r["start"] and r["end"] <= s_end]
    for role in ("actor", "recipient"):
        for entity in event.get(role) or []:
            match = next(((r["start"], r["end"]) for r in inside if r["text"] == entity.get("text")
                          and not any(r["start"] < e and s < r["end"] for s, e in taken)), None)
            match = match or _find(event["sentence"], entity.get("text") or "", s_start, taken)
            if match:
                taken.append(match)
                label = f"{role}: {entity.get('name') or ''} [{entity.get('code') or '?'}]"
                spans.append(Span(match[0], match[1], role, label))
    return spans


def article_spans(detail: dict[str, Any]) -> list[Span]:
    """Event triggers (linked to the event page) first, then actors, places, dates and other mentions."""
    spans = [Span(*e["trigger_span"], "trigger", f"{e['event']} ({e['cameo']})",
                  f"/events/{quote(e['id'], safe='')}") for e in detail["events"] if e.get("trigger_span")]
    spans += [Span(a["start"], a["end"], "actor", f"{a['name']} [{a['code'] or '?'}]")
              for a in detail["actors"]]
    spans += [Span(p["start"], p["end"], "place", f"{p['name']} [{p['country'] or '?'}]")
              for p in detail["places"]]
    spans += [Span(d["start"], d["end"], "date", f"{d['value']} ({d['precision']})")
              for d in detail["dates"]]
    spans += [Span(m["start"], m["end"], "mention", m["label"] or "") for m in detail["mentions"]]
    return spans
