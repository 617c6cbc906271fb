"""Plain-text cleaner, headline and dateline: found next to the article's region.

Reads the classified lines (:class:`~eventwire.stages.clean.lines._Line`) and the first body line;
returns the headline's position (:func:`_find_title`) with its section tag cut (:func:`_strip_tag`),
and the dateline, on its own line (:data:`_DATELINE_LINE`) or at the start of the first paragraph
(:func:`_split_dateline`: dateline, rest of the paragraph).
"""

from __future__ import annotations

import re

from .lines import _cues, _Line

#: how far above the first body line the headline may stand (non-empty lines)
TITLE_REACH = 8

_LIST_SEP = re.compile(r"\s*(?:[,|·•/»›]|\s[-–]\s)\s*")

# Datelines at the start of the first paragraph: "WASHINGTON (Reuters) -", "Berlin (dpa) –",
# "Wien/Berlin –", "BERLIN - ". A place is one to four capitalised words, joined by "/" or spaces.
_PLACE = r"[^\W\d_a-zß-ÿ][\w'’.\-]*(?:[ /][^\W\d_a-zß-ÿ][\w'’.\-]*){0,3}"
_DATELINE_PREFIX = (
    re.compile(rf"^({_PLACE}(?:,\s*[^,()\n]{{1,30}})?\s*\([^()\n]{{2,30}}\))\s*[-–—:]+\s+(?=\S)"),
    re.compile(rf"^({_PLACE}(?:,\s*\d{{1,2}}\.?\s*[^\W\d_]+\.?(?:\s*\d{{4}})?)?)\s+[–—]\s+(?=[^\W\d_a-z])"),
    re.compile(r"^([^\W\d_a-z]{2,}(?:[ /][^\W\d_a-z]{2,}){0,2})\s+-+\s+(?=[^\W\d_a-z])"),
    re.compile(r"^(\([^()\n]{2,20}\))\s*[-–—]\s+(?=\S)"),
)
# A dateline on its own line: "Brüssel, 14. Dezember, AZERTAC" - a place, then a date or an agency.
_DATE = (r"\d{1,4}(?:[./-]\s*(?:\d{1,2}|[^\W\d_]{3,}\.?)(?:[./-]?\s*\d{2,4})?"
         r"|\.?\s+[^\W\d_]{3,}\.?(?:\s+\d{4})?)")
_DATELINE_LINE = re.compile(
    rf"^({_PLACE}),\s*(?:{_DATE}|[^\W\d_]{{3,}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)(?:\s*[,(/]\s*[^\W\d_]{{2,}}\)?)?$"
    rf"|^({_PLACE})\s*\(([^\W\d_]{{2,}}(?:[/ ][^\W\d_]{{2,}})?)\)$"
)


def _is_title_like(line: _Line) -> bool:
    text = line.text
    if line.reason in ("no_letters", "link", "boilerplate_cue", "byline") or not 2 <= line.n_words <= 30:
        return False
    if text.endswith((":", ",")) or len(text) > 220 or _DATELINE_LINE.match(text):
        return False
    items = [p for p in _LIST_SEP.split(text) if p]
    return not (len(items) >= 2 and all(len(p.split()) <= 2 for p in items))  # a category list


def _find_title(lines: list[_Line], first: int) -> int | None:
    """Index of the headline: the nearest title-like line above the body, preferring 4+ words."""
    window = range(first - 1, max(-1, first - 1 - TITLE_REACH), -1)
    candidates = [i for i in window if _is_title_like(lines[i])]
    full = [i for i in candidates if sum(w[0].isalpha() for w in lines[i].text.split()) >= 4]
    return (full or candidates or [None])[0]


def _strip_tag(title: str) -> str:
    return _cues()["tag"].sub("", title).strip() or title


def _split_dateline(first: str) -> tuple[str | None, str]:
    for pattern in _DATELINE_PREFIX:
        m = pattern.match(first)
        if m and len(m.group(1)) <= 60:
            return m.group(1).strip(), first[m.end():]
    return None, first
