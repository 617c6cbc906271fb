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
    [
        "dr",
        "prof",
        "st",
        "nr",
        "abs",
        "art",
        "bzw",
        "ca",
        "dipl",
        "ggf",
        "inkl",
        "jh",
        "jhd",
        "mio",
        "mrd",
        "usw",
        "vgl",
        "zb",
        "z",
        "b",
        "u",
        "a",
        "o",
        "ä",
        "s.",
        "sog",
        "evtl",
        "bspw",
        "hl",
        "gen",
        "vs",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "brig",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "okt",
        "nov",
        "dec",
        "dez",
        "corp",
        "inc",
        "ltd",
        "co",
        "etc",
        "al",
        "fig",
        "univ",
        "dt",
        "engl",
        "franz",
        "str",
    ]
)
MONTHS = frozenset(
    [
        "januar",
        "jänner",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ]
)

# a candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace
_BOUNDARY = re.compile(r"[.!?…]+[\"'»«“”‘’)\]]*(?=\s)")
_NEWLINE = re.compile(r"\n\s*")


def _is_boundary(text: str, punct_start: int, after: int) -> bool:
    nxt = re.match(r"\s+([\"'„“»«(‚‘]?)(\S+)", text[after:])
    if not nxt:
        return True
    word = nxt.group(2)
    if not (word[0].isupper() or word[0].isdigit() or nxt.group(1)):
        return False
    if text[punct_start] != ".":
        return True
    before = re.search(r"(\S+)$", text[:punct_start])
    if not before:
        return True
    token = before.group(1).lstrip("\"'„“»«(‚‘")
    if token.isdigit() and len(token) <= 2:  # German ordinal: "14. Dezember", "3. Liga"
        return False
    if token.lower() in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    if re.fullmatch(r"(?:[A-Za-zÄÖÜäöü]\.)+[A-Za-zÄÖÜäöü]?", token):  # "z.B", "U.S", "d.h"
        return False
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; line breaks always end a sentence (headline, dateline, paragraphs)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in re.finditer(r"[^\n]+", text):
        start, chunk = para.start(), para.group(0)
        cut = 0
        for m in _BOUNDARY.finditer(chunk):
            if _is_boundary(chunk, m.start(), m.end()):
                _add(spans, text, start + cut, start + m.end())
                cut = m.end()
        _add(spans, text, start + cut, start + len(chunk))
        pos = para.end()
    del pos
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
