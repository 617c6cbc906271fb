"""Plain-text cleaner, line by line: each line's class after jusText (good, near-good, short, bad).

Reads the page as text (one visible text block a line) and the language hint; returns :class:`_Line`
records (text, indentation, words, stopword density) with their class and the reason a line is
boilerplate (:func:`_lines`, :func:`_classify`, :func:`_promote_runs`, :func:`_revise`). The
stoplist comes from jusText (:func:`_language`), the cues from codebooks/boilerplate_cues.tsv
(:func:`_cues`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: jusText's thresholds: below LENGTH_LOW characters a line is "short" (decided by its neighbours)
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOP_LOW, STOP_HIGH = 0.30, 0.32
CUES_PATH = Path(__file__).resolve().parents[2] / "codebooks" / "boilerplate_cues.tsv"

_WORD = re.compile(r"\w+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]")
_LINK = re.compile(r"^(\S+://\S+|www\.\S+|\S+@\S+\.\w+)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"'“”»«)]\s*$")

_ISO_TO_JUSTEXT = {
    "de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pt": "Portuguese", "pl": "Polish", "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish",
    "az": "Azerbaijani", "ar": "Arabic", "sv": "Swedish", "da": "Danish", "nb": "Norwegian_Bokmal",
    "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "cs": "Czech", "sk": "Slovak", "hu": "Hungarian",
    "ro": "Romanian", "el": "Greek", "fi": "Finnish", "bg": "Bulgarian", "hr": "Croatian", "sr": "Serbian",
}


@dataclass(slots=True)
class _Line:
    index: int  # position among the input's lines
    text: str  # stripped
    indent: int
    n_words: int
    stop: float  # stopword density
    cls: str = "bad"  # good | neargood | short | bad
    reason: str = ""
    hard: bool = False  # decided by shape or cue; neighbours do not revise it


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    kinds: dict[str, list[str]] = {"line": [], "end": [], "tag": [], "byline": [], "reply": []}
    text = CUES_PATH.read_text("utf-8")
    for row in text.splitlines():
        if row.strip() and not row.startswith("#"):
            kind, pattern = row.split("\t", 1)
            kinds[kind].append(f"(?:{pattern.strip()})")
    return {kind: re.compile("|".join(v), re.IGNORECASE) for kind, v in kinds.items()}


@lru_cache(maxsize=1)
def _stopword_index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """Every jusText stoplist, as (language names, word -> indices of the languages that list it).

    Built once per installation (0.3 s: 100 stoplists, 150,000 words) and kept in the user's cache
    (:mod:`eventwire.cache`, 0.07 s to load); a process needs it at its first text without a language.
    """
    from ...cache import cached, version

    return cached("stoplists", (Path(__file__).read_bytes(), version("justext")), _build_stopword_index)


def _build_stopword_index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    import justext  # a dependency of trafilatura; imported late

    names = tuple(sorted(justext.get_stoplists()))
    index: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        for word in justext.get_stoplist(name):
            index.setdefault(word, []).append(i)
    return names, {w: tuple(v) for w, v in index.items()}


@lru_cache(maxsize=64)
def _stoplist(name: str) -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(name))


def _language(lang_hint: str | None, words: list[str]) -> str:
    """The jusText stoplist for the page: the hint's, else the one that covers most of its words."""
    names, index = _stopword_index()
    if lang_hint:
        name = _ISO_TO_JUSTEXT.get(lang_hint.lower().split("-")[0])
        if name in names:
            return name
    votes: Counter = Counter()
    for word, n in Counter(words[:2000]).items():
        for i in index.get(word, ()):
            votes[i] += n
    if not votes:
        return "English"
    best = max(votes.values())
    # the big European lists share short words; among ties prefer a language the project knows
    tied = [names[i] for i, v in votes.items() if v == best]
    known = [n for n in tied if n in _ISO_TO_JUSTEXT.values()]
    return (known or tied)[0]


def _lines(raw: str, lang_hint: str | None) -> list[_Line]:
    parts = []
    all_words: list[str] = []
    for i, row in enumerate(raw.splitlines()):
        text = row.strip()
        if text:
            words = _WORD.findall(text.lower())
            parts.append((i, text, len(row) - len(row.lstrip()), words))
            all_words.extend(words)
    stop = _stoplist(_language(lang_hint, all_words))
    return [
        _Line(i, text, indent, len(words), sum(w in stop for w in words) / len(words) if words else 0.0)
        for i, text, indent, words in parts
    ]


def _shape_verdict(line: _Line, repeats: Counter, cues: dict[str, re.Pattern]) -> str:
    """A reason when the line's shape or a cue makes it boilerplate wherever it stands, else ""."""
    text = line.text
    if not _LETTER.search(text):
        return "no_letters"  # counters ("0 31"), separators, prices, dates alone
    if _LINK.match(text):
        return "link"
    if line.n_words < 40 and (cues["line"].search(text) or (len(text) < 30 and cues["reply"].search(text))):
        return "boilerplate_cue"
    if len(text) < 120 and cues["byline"].search(text):
        return "byline"
    if repeats[text] > 1 and line.n_words < 12:
        return "repeated"
    if len(text) < LENGTH_LOW and text.isupper() and len(_LETTER.findall(text)) > 3:
        return "uppercase"
    return ""


def _is_sentence(line: _Line) -> bool:
    text = line.text
    return (
        line.n_words >= 5 and line.stop >= STOP_LOW and text[0].isupper() and text[-1] in ".!?…"
        and not line.indent
    )


def _classify(lines: list[_Line]) -> None:
    """jusText's context-free classes, after the shape verdicts."""
    cues, repeats = _cues(), Counter(line.text for line in lines)
    for line in lines:
        reason = _shape_verdict(line, repeats, cues)
        if reason:
            line.cls, line.reason, line.hard = "bad", reason, True
        elif len(line.text) < LENGTH_LOW:
            # a short list item without sentence punctuation is navigation unless prose surrounds it
            menu = line.indent and not _SENTENCE_END.search(line.text)
            line.cls, line.reason = "short", "menu" if menu else "short"
        elif line.stop >= STOP_HIGH and len(line.text) > LENGTH_HIGH:
            line.cls = "good"
        elif line.stop >= STOP_LOW:
            line.cls = "neargood"
        else:
            line.cls, line.reason = "bad", "few_stopwords"


def _promote_runs(lines: list[_Line]) -> None:
    """Several near-good lines in a row are prose written in short paragraphs (news style), which
    jusText alone would drop for want of one long paragraph."""
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and line.cls in ("neargood", "short", "good"):
            run.append(line)
            continue
        near = [x for x in run if x.cls == "neargood"]
        if len(near) >= 2 and sum(len(x.text) for x in near) >= 2 * LENGTH_HIGH:
            for x in near:
                x.cls = "good"
        run = []


def _neighbour(lines: list[_Line], i: int, step: int, ignore_neargood: bool) -> str:
    skip = ("short", "neargood") if ignore_neargood else ("short",)
    i += step
    while 0 <= i < len(lines):
        if lines[i].cls not in skip:
            return lines[i].cls
        i += step
    return "bad"


def _revise(lines: list[_Line]) -> None:
    """jusText's context step: short lines and near-good lines take the class of their neighbourhood."""
    new: dict[int, str] = {}
    for i, line in enumerate(lines):
        if line.cls != "short":
            continue
        prev, nxt = _neighbour(lines, i, -1, True), _neighbour(lines, i, 1, True)
        if prev == nxt:
            new[i] = prev
        elif (prev == "bad" and _neighbour(lines, i, -1, False) == "neargood") or (
            nxt == "bad" and _neighbour(lines, i, 1, False) == "neargood"
        ):
            new[i] = "good"
        else:
            new[i] = "bad"
    for i, cls in new.items():
        lines[i].cls = cls
    for i, line in enumerate(lines):
        if line.cls == "neargood":
            both_bad = _neighbour(lines, i, -1, True) == _neighbour(lines, i, 1, True) == "bad"
            line.cls = "bad" if both_bad else "good"
            line.reason = "isolated" if both_bad else ""
    for line in lines:
        if line.cls == "good":
            line.reason = ""
