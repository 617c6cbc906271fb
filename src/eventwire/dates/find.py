"""Finding the date expressions of a text: every pattern of the language, overlaps to the longest.

Reads a text, its language and a reference date (ISO 8601 partial, or None); writes DateRef annotations
in text order. No drop reasons: a text without dates gives an empty list.
"""

from __future__ import annotations

import re

from ..model import DateRef
from .patterns import WINDOW, compiled
from .reference import parse_reference


def windows(anchor: re.Pattern | None, text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` a pattern with this anchor can match in: each anchor hit widened by
    WINDOW, overlapping ones merged; the whole text when there is no anchor."""
    if anchor is None:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    lo = hi = -1
    for m in anchor.finditer(text):
        start, end = max(0, m.start() - WINDOW[0]), min(len(text), m.end() + WINDOW[1])
        if start > hi:
            if hi > lo:
                out.append((lo, hi))
            lo = start
        hi = end
    if hi > lo:
        out.append((lo, hi))
    return out


def _matches(pattern: re.Pattern, spans: list[tuple[int, int]], text: str):
    for lo, hi in spans:
        yield from pattern.finditer(text, lo, hi)


def find_dates(text: str, lang: str, reference: str | None = None) -> list[DateRef]:
    """Every date expression in ``text`` resolved against ``reference``, in text order."""
    lang = "de" if lang == "de" else "en"
    ref = parse_reference(reference)
    found: list[tuple[int, int, tuple[str, str, str]]] = []
    scanned: dict[re.Pattern | None, list[tuple[int, int]]] = {}
    for pattern, handler, anchor in compiled(lang):
        if anchor not in scanned:  # patterns sharing an anchor (English months) share its scan
            scanned[anchor] = windows(anchor, text)
        for m in _matches(pattern, scanned[anchor], text):
            resolved = handler(m, ref, text, lang)
            if resolved is not None:
                found.append((m.start(), m.end(), resolved))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[DateRef] = []
    for start, end, (value, precision, method) in found:
        if out and start < out[-1].end:
            if end - start <= out[-1].end - out[-1].start:
                continue
            out.pop()  # a longer expression overlapping the previous one wins
        out.append(DateRef(start, end, text[start:end], value, precision, method))
    return out
