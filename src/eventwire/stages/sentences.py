"""Sentence boundaries for German and English news text.

Reads ``text``; writes ``sentences`` as (start, end) offsets. No drop reasons.

Written by hand rather than with spaCy's rule-based ``sentencizer`` because the sentencizer splits at
every full stop, and German news is full of ordinal dates ("am 14. Dezember"), abbreviations
("Dr.", "z. B.", "bzw.") and initials that must not end a sentence; a trained parser-based splitter
would cost far more than the whole rest of the pipeline.
"""

from __future__ import annotations

import re

from ..model import Article

ABBREVIATIONS = frozenset(
    "dr prof st nr abs art bzw ca dipl ggf inkl jh jhd mio mrd usw vgl zb z b u a o ä sog evtl bspw hl "
    "gen vs mr mrs ms jr sr gov sen rep col lt sgt capt cmdr adm maj brig no jan feb mar apr jun jul aug "
    "sep sept oct okt nov dec dez corp inc ltd co etc al fig univ dt engl franz str".split()
)

# a candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace
_BOUNDARY = re.compile(r"[.!?…]+[\"'»«“”‘’)\]]*(?=\s)")
# what follows a candidate: whitespace, an optional opening quote, the next word
_NEXT = re.compile(r"\s+([\"'„“»«(‚‘]?)(\S+)")
# the word before a full stop (searched in a short window: a sentence's start is never needed)
_LAST_WORD = re.compile(r"\S+\Z")
_INITIALS = re.compile(r"(?:[A-Za-zÄÖÜäöü]\.)+[A-Za-zÄÖÜäöü]?")


def _is_boundary(text: str, punct_start: int, after: int) -> bool:
    nxt = _NEXT.match(text, after)
    if not nxt:
        return True
    word = nxt.group(2)
    if not (word[0].isupper() or word[0].isdigit() or nxt.group(1)):
        return False
    if text[punct_start] != ".":
        return True
    last = _LAST_WORD.search(text[max(0, punct_start - 80):punct_start])
    token = last.group(0).lstrip("\"'„“»«(‚‘") if last else ""
    if not token:
        return True
    if token.isdigit() and len(token) <= 2:  # German ordinal: "14. Dezember", "3. Liga"
        return False
    if token.lower() in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    return not _INITIALS.fullmatch(token)  # "z.B", "U.S", "d.h"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; line breaks always end a sentence (headline, dateline, paragraphs)."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start, chunk = para.start(), para.group(0)
        cut = 0
        for m in _BOUNDARY.finditer(chunk):
            if _is_boundary(chunk, m.start(), m.end()):
                _add(spans, text, start + cut, start + m.end())
                cut = m.end()
        _add(spans, text, start + cut, start + len(chunk))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class Sentences:
    name = "sentences"
    requires = ("text",)
    provides = ("sentences",)

    def __call__(self, article: Article, ctx) -> Article:
        article.sentences = split_sentences(article.text)
        return article
