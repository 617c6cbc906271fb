"""Plain-text cleaner: the article out of a page scraped as text with the site's boilerplate still in.

Reads ``text`` (one visible text block a line; indentation marks list items) and writes ``text`` (the
body, paragraphs separated by "\\n"), ``title`` and ``dateline``. Drop reason: ``empty_text`` (fewer
than :data:`MIN_WORDS` words of prose remain).

The core is language-agnostic and follows jusText (Pomikálek 2011): each line is classified by its
length and its stopword density (jusText's stoplists, about 100 languages, chosen by the language hint
or by which stoplist covers the page best), by its shape (no letters, link-only, list item, repeated on
the page) and then by its neighbours; the article is the densest run of prose lines. Small multilingual
cue lists (codebooks/boilerplate_cues.tsv) are a secondary signal: lines that are boilerplate wherever
they stand (cookie banners, copyright, comment forms), and headings that open what follows an article
(comments, related reading). Each dropped line is reported with its reason in :attr:`Cleaned.dropped`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Article
from ..pipeline import Context, Drop

#: jusText's thresholds: below LENGTH_LOW characters a line is "short" (decided by its neighbours)
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOP_LOW, STOP_HIGH = 0.30, 0.32
#: an article with fewer words than this is no article
MIN_WORDS = 20
BAD_COST = 0.5
CUES_PATH = Path(__file__).resolve().parents[1] / "codebooks" / "boilerplate_cues.tsv"
#: how far above the first body line the headline may stand (non-empty lines)
TITLE_REACH = 8

_WORD = re.compile(r"\w+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]")
_LINK = re.compile(r"^(\S+://\S+|www\.\S+|\S+@\S+\.\w+)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"'“”»«)]\s*$")
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

_ISO_TO_JUSTEXT = {
    "de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pt": "Portuguese", "pl": "Polish", "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish",
    "az": "Azerbaijani", "ar": "Arabic", "sv": "Swedish", "da": "Danish", "nb": "Norwegian_Bokmal",
    "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "cs": "Czech", "sk": "Slovak", "hu": "Hungarian",
    "ro": "Romanian", "el": "Greek", "fi": "Finnish", "bg": "Bulgarian", "hr": "Croatian", "sr": "Serbian",
}


@dataclass(slots=True)
class Cleaned:
    """What the cleaner found: headline, dateline, body (paragraphs joined by "\\n"), dropped lines."""

    title: str | None
    dateline: str | None
    body: str
    dropped: list[tuple[str, str]] = field(default_factory=list)


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
    """Every jusText stoplist, as (language names, word -> indices of the languages that list it)."""
    import justext  # a dependency of trafilatura; imported late, the index is built once

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


def _main_region(lines: list[_Line]) -> tuple[int, int]:
    """The densest run of prose (maximum-sum run: good lines weigh their length, others cost theirs).

    List items (indented) and prose after a closing heading ("Related", "Comments") weigh half:
    teaser lists and comment threads are often longer than the article they follow."""
    end_cue, seen, after_end = _cues()["end"], 0, False
    best, best_span, run, start = 0.0, (0, 0), 0.0, 0
    for i, line in enumerate(lines):
        if line.cls == "good":
            gain = len(line.text) * (0.5 if line.indent else 1.0) * (0.5 if after_end else 1.0)
            seen += len(line.text)
        else:
            gain = -BAD_COST * min(len(line.text), 200)
            after_end = after_end or (
                seen >= LENGTH_HIGH and len(line.text) < 120 and end_cue.search(line.text) is not None
            )
        if run <= 0:
            run, start = 0.0, i
        run += gain
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def _cut_at_end_cue(lines: list[_Line], span: tuple[int, int]) -> tuple[int, int]:
    """Comments and related reading follow the article: stop at their heading, or above the first
    commented paragraph (the prose above a reply button), once most of the article was seen."""
    cues = _cues()
    total = sum(len(line.text) for line in lines[span[0]:span[1]] if line.cls == "good")
    seen, enough = 0, max(LENGTH_HIGH, total // 4)
    for i in range(span[0], span[1]):
        line = lines[i]
        if seen >= enough and len(line.text) < 120:
            if cues["end"].search(line.text):
                return span[0], i
            if cues["reply"].search(line.text):
                return span[0], _above_comment(lines, i, span[0])
        if line.cls == "good":
            seen += len(line.text)
    return span


INNER_KEEP = ("short", "menu", "few_stopwords", "isolated")


def _fill_inner(lines: list[_Line], span: tuple[int, int]) -> None:
    """Lines between the article's paragraphs that no shape or cue condemns are the article's too:
    code, list items, table rows, one-line subheadings."""
    for line in lines[span[0]:span[1]]:
        if line.cls != "good" and not line.hard and line.reason in INNER_KEEP:
            line.cls, line.reason = "good", ""


def _above_comment(lines: list[_Line], reply: int, floor: int) -> int:
    """Where the comment whose reply button stands at ``reply`` begins (with its header lines)."""
    i = reply
    while i > floor and lines[i - 1].cls == "good":
        i -= 1
    while i > floor and lines[i - 1].cls != "good":
        i -= 1
    return i


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


def _label(lines: list[_Line]) -> tuple[int, int]:
    """Classify every line in place; return the article's span of line positions."""
    _classify(lines)
    _promote_runs(lines)
    _revise(lines)
    span = _main_region(lines)
    if span[0] == span[1]:
        # no paragraph is prose by its neighbourhood (a paywalled lead among boilerplate): take the
        # isolated prose lines
        for line in lines:
            if line.reason == "isolated":
                line.cls, line.reason = "good", ""
        span = _main_region(lines)
    span = _cut_at_end_cue(lines, span)
    _fill_inner(lines, span)
    return span


def clean_text(raw: str, lang_hint: str | None = None) -> Cleaned:
    """Headline, dateline and body of a page given as plain text with its boilerplate in."""
    lines = _lines(raw, lang_hint)
    if not lines:
        return Cleaned(None, None, "", [])
    start, end = _label(lines)
    body = [i for i in range(start, end) if lines[i].cls == "good"]
    title_i = _find_title(lines, body[0] if body else len(lines))
    if title_i is not None and body and title_i >= body[0]:
        title_i = None
    dateline, dateline_i = None, None
    lo = title_i + 1 if title_i is not None else (body[0] - 2 if body else 0)
    for i in range(max(lo, 0), body[0] if body else 0):
        if _DATELINE_LINE.match(lines[i].text):
            dateline, dateline_i = lines[i].text, i
    paragraphs = [lines[i].text for i in body]
    if paragraphs and dateline is None:
        dateline, paragraphs[0] = _split_dateline(paragraphs[0])
    kept = set(body) | {title_i, dateline_i}
    dropped = [(ln.text, _drop_reason(ln)) for i, ln in enumerate(lines) if i not in kept]
    title = _strip_tag(lines[title_i].text) if title_i is not None else None
    return Cleaned(title, dateline, "\n".join(p for p in paragraphs if p.strip()), dropped)


def _drop_reason(line: _Line) -> str:
    if line.reason and line.reason != "short":
        return line.reason
    return "outside_article" if line.cls == "good" else "short_among_boilerplate"


class Clean:
    """Pipeline stage: clean plain-text articles (those that arrive without a title) in place."""

    name = "clean"
    requires = ("text",)
    provides = ("text", "title", "dateline")

    def __call__(self, article: Article, ctx: Context) -> Article:
        if article.title is None:
            cleaned = clean_text(article.text, article.language)
            article.title, article.text = cleaned.title, cleaned.body
            article.dateline = article.dateline or cleaned.dateline
            ctx.stats["clean.dropped_lines"] += len(cleaned.dropped)
        elif article.dateline is None:
            # extracted HTML keeps the dateline at the start of the text; it is metadata, not prose
            head, _, rest = article.text.partition("\n")
            article.dateline, head = _split_dateline(head)
            article.text = f"{head}\n{rest}" if rest else head
        if len(article.text.split()) < MIN_WORDS:
            raise Drop("empty_text", f"{len(article.text.split())} words after cleaning")
        return article
