"""Event trigger dictionaries: load ``codebooks/triggers_<lang>.tsv`` and find triggers in a text.

Reads the per-language trigger tables, ``codebooks/plover.tsv`` (type defaults, recipient prepositions)
and ``codebooks/cameo.tsv`` (Goldstein score, QuadClass). Writes nothing; :meth:`TriggerIndex.find`
returns :class:`Hit` objects (token position + the best matching row). No drop reasons.

Lookup is by token, never by scanning the text with a big regular expression: exact forms are a dict,
prefixes (``stem*``) are looked up per distinct prefix length, German compound heads (``*angriff*``:
"Luftangriffen") by the token's endings after stripping up to three letters of inflection. That keeps a
3,000-character article at a few hundred dictionary probes.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..trie import char_trie

#: a token: a word with inner hyphens/apostrophes ("US-Luftangriff", "don't") or one punctuation mark
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
#: punctuation that closes a clause for particles and actor search
CLAUSE_MARKS = frozenset(",;:–—()[]\"„“”«»")
#: sentences whose tokens and hits a TriggerIndex keeps (more than one batch of articles holds)
SENTENCE_CACHE = 8192
_KIND_RANK = {"exact": 3, "infix": 2, "prefix": 1}
_COPULA_EN = frozenset(["has", "have", "had", "is", "are", "was", "were"])
#: English words before a noun: a trigger after one of them names a happening, it does not predicate
DETERMINERS_EN = frozenset("a an the its their his her our this these those any no new fresh further renewed "
                           "recent latest joint another".split())


@dataclass(frozen=True, slots=True)
class Row:
    form: tuple[str, ...]  # one or more patterns; the first is the index key
    particle: str
    event: str
    mode: str | None
    cameo: str
    pos: str  # V verb/participle, N noun, A adjective/modal
    need: tuple[str, ...]  # one of these words must occur in the sentence
    forbid: tuple[str, ...]  # none of these may occur

    @property
    def rank(self) -> tuple:
        first = self.form[0]
        kind = "infix" if first.startswith("*") else "prefix" if first.endswith("*") else "exact"
        return (len(self.form), bool(self.need), bool(self.particle), _KIND_RANK[kind], len(first))


@dataclass(slots=True)
class Token:
    text: str
    low: str
    start: int
    end: int


@dataclass(slots=True)
class Hit:
    index: int  # token index of the trigger head
    last: int  # token index of the last token of a multi-word form
    row: Row
    particle: int | None = None  # token index of a separated particle ("warf ... vor")
    noun: bool = False  # used as a noun here ("Rückzug", "Treffen"), whatever the row's part of speech


#: a kept sentence: its Tokens (None: no trigger in it, none built) and its hits
_Entry = tuple[list[Token] | None, list[Hit]]


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens = []
    at = 0
    for word in TOKEN.findall(text):
        # only whitespace lies between two matches, so the next one starts where the word is found
        at = text.find(word, at)
        tokens.append(Token(word, word.lower(), at + offset, at + len(word) + offset))
        at += len(word)
    return tokens


def _word_match(pattern: str, low: str) -> bool:
    if pattern.startswith("*") and pattern.endswith("*"):
        head = pattern[1:-1]
        pos = low.rfind(head)
        return pos >= 0 and len(low) - pos - len(head) <= 3
    if pattern.startswith("*"):
        return low.endswith(pattern[1:])
    if pattern.endswith("*"):
        return low.startswith(pattern[:-1])
    return low == pattern


def context_words(words: tuple[str, ...], tokens: list[Token], lows: frozenset | None = None) -> bool:
    """Whether one of ``words`` occurs among ``tokens``; exact words are a set lookup in ``lows``."""
    return _any_word(words, _Words(frozenset(t.low for t in tokens) if lows is None else lows))


class _Words:
    """A sentence's lower-case words as a set (exact context words) and as lines of one string, which
    one regular expression per wildcard word searches at once (instead of a test per word)."""

    __slots__ = ("set", "_lines")

    def __init__(self, words):
        self.set = words if isinstance(words, frozenset) else frozenset(words)
        self._lines: str | None = None

    @property
    def lines(self) -> str:
        if self._lines is None:
            self._lines = "\n".join(self.set)
        return self._lines


@lru_cache(maxsize=4096)
def _wildcard(pattern: str) -> re.Pattern:
    """A word pattern with "*" as a regular expression over lines of words (see :func:`_word_match`)."""
    head = re.escape(pattern.strip("*"))
    if pattern.startswith("*") and pattern.endswith("*"):
        return re.compile(rf"{head}.{{0,3}}$", re.M)  # a compound head, at most 3 letters before the end
    if pattern.startswith("*"):
        return re.compile(rf"{head}$", re.M)
    return re.compile(rf"^{head}", re.M)


def _any_word(words: tuple[str, ...], lows: _Words) -> bool:
    for w in words:
        if "*" not in w:
            if w in lows.set:
                return True
        elif _wildcard(w).search(lows.lines):
            return True
    return False


class TriggerIndex:
    """All trigger rows of one language, indexed for per-token lookup."""

    def __init__(self, rows: list[Row], language: str = "de"):
        self.language = language
        self._seen: dict[str, tuple[Row, ...]] = {}
        self._sentences: dict[tuple[int, str], tuple[list[Token], list[Hit]]] = {}
        self.exact: dict[str, list[Row]] = {}
        self.prefix: dict[str, list[Row]] = {}
        self.infix: dict[str, list[Row]] = {}
        for row in rows:
            key = row.form[0]
            if key.startswith("*"):
                self.infix.setdefault(key.strip("*"), []).append(row)
            elif key.endswith("*"):
                self.prefix.setdefault(key[:-1], []).append(row)
            else:
                self.exact.setdefault(key, []).append(row)
        # character tries over the prefixes and over the reversed compound heads: a word is looked up
        # by walking its letters (a few steps) instead of probing every key length (up to 75 probes)
        self.prefix_trie = char_trie(self.prefix.items())
        self.infix_trie = char_trie((key[::-1], rows) for key, rows in self.infix.items())

    def sentence(self, text: str, start: int, end: int) -> tuple[list[Token], list[Hit]]:
        """Tokens and trigger hits of the sentence ``text[start:end]`` (offsets into ``text``).

        The mentions stage (which runs the NER where a trigger is) and the events stage both need
        them, so the last few thousand sentences are kept: each stage gets its own lists and Hit
        copies (the events stage filters and re-codes hits), the Tokens are shared and never changed."""
        key, (tokens, hits) = self._entry(text, start, end)
        if tokens is None:  # no trigger in it: tokenized only when asked for
            tokens = tokenize(key[1], start)
        return list(tokens), [dataclasses.replace(h) for h in hits]

    def has_hits(self, text: str, start: int, end: int) -> bool:
        """Whether the sentence ``text[start:end]`` holds a trigger (without copying anything)."""
        return bool(self._entry(text, start, end)[1][1])

    def _entry(self, text: str, start: int, end: int) -> tuple[tuple[int, str], _Entry]:
        key = (start, text[start:end])
        found = self._sentences.get(key)
        if found is None:
            if len(self._sentences) >= SENTENCE_CACHE:
                self._sentences.clear()
            # about a third of news sentences have no word in the dictionary at all (and three in
            # four no trigger): those are told apart from the words alone, before Tokens are built
            words = TOKEN.findall(key[1])
            lows = [word.lower() for word in words]
            # the words and their lower-case forms are all the search needs: Tokens (with offsets)
            # are built only for a sentence with a trigger, whose tokens the events stage reads
            rows = list(map(self._seen.get, lows))  # memoised candidates; None: not seen yet
            if None in rows:
                rows = [self.candidates(low) if r is None else r for r, low in zip(rows, lows, strict=True)]
            hits = self._find(words, lows, rows) if any(rows) else []
            found = (tokenize(key[1], start) if hits else None, hits)
            self._sentences[key] = found
        return key, found

    def candidates(self, low: str) -> tuple[Row, ...]:
        """Rows whose form can match the token ``low``; memoised, news vocabulary repeats a lot."""
        found = self._seen.get(low)
        if found is None:
            if len(self._seen) > 200_000:
                self._seen.clear()
            found = self._seen[low] = tuple(self._lookup(low))
        return found

    def _lookup(self, low: str) -> list[Row]:
        """Exact rows, then prefix rows (shortest prefix first), then compound heads ending the word
        or 1-3 letters before its end (shortest first for each)."""
        found = list(self.exact.get(low, ()))
        node = self.prefix_trie
        for ch in low:
            node = node.get(ch)
            if node is None:
                break
            found.extend(node.get(None, ()))
        for cut in range(4):
            node = self.infix_trie
            for k in range(len(low) - cut - 1, -1, -1):
                node = node.get(low[k])
                if node is None:
                    break
                for row in node.get(None, ()):
                    if _word_match(row.form[0], low) and row not in found:
                        found.append(row)
        return found

    def _capitalised(self, texts: list[str], i: int) -> bool:
        """German nouns are capitalised; the first word of a sentence tells nothing."""
        return self.language == "de" and i > 0 and texts[i][:1].isupper()

    def _determined(self, texts: list[str], lows: list[str], i: int) -> bool:
        """English: a trigger after a determiner or a possessive is a noun ("the attack", "China's
        crackdown", "their protest"), whatever the row's part of speech."""
        if self.language != "en" or i == 0:
            return False
        if i + 1 < len(lows) and lows[i + 1] in _COPULA_EN:
            return True  # "Labour support has been falling": the subject of a verb is a noun
        prev = lows[i - 1]
        if prev in DETERMINERS_EN or prev.endswith(("'s", "’s")):
            return True
        # one modifier between: "a four-day strike", "the military offensive"
        return i > 1 and lows[i - 2] in DETERMINERS_EN and texts[i - 1][:1].isalnum() and (
            texts[i - 1][:1].islower() or texts[i - 1][:1].isdigit())

    def _name_part(self, texts: list[str], i: int) -> bool:
        """English: a capitalised word inside a sentence is a name ("in March", "Rally Party"), not a
        verb or a common noun; a headline in capitals or a word after a quote or colon may open a phrase."""
        if self.language != "en" or i == 0:
            return False
        text = texts[i]
        return text[:1].isupper() and not text.isupper() and texts[i - 1] not in "\"“‘':(-–—"

    def find(self, tokens: list[Token]) -> list[Hit]:
        """Triggers among ``tokens`` (one sentence); context words are checked in the same tokens."""
        return self._find([t.text for t in tokens], [t.low for t in tokens])

    def _find(self, texts: list[str], lows: list[str], candidates: list[tuple[Row, ...]] | None = None,
              ) -> list[Hit]:
        """:meth:`find` over a sentence's words, their lower-case forms and (if known) their candidates."""
        hits = []
        lowset = None  # the sentence's words, for rows with context words: built when one needs them
        covered = -1  # last token of an English multi-word trigger: "car bomb" is one hit, not two
        for i, low in enumerate(lows):
            if i <= covered or len(low) < 2 or not low[0].isalpha():
                continue
            # most tokens have no candidate rows: the cheapest test goes first
            rows = self.candidates(low) if candidates is None else candidates[i]
            if not rows or self._name_part(texts, i):
                continue
            best: Hit | None = None
            for row in rows:
                if lowset is None and (row.need or row.forbid):
                    lowset = _Words(lows)
                found = _row_matches(row, texts, lows, i, lowset)
                if found is None:
                    continue
                if best is None or row.rank > best.row.rank:
                    noun = row.pos == "N" or self._capitalised(texts, i) or self._determined(texts, lows, i)
                    best = Hit(i, found[0], row, found[1], noun)
            if best is not None and best.row.event != "-":
                hits.append(best)
            if best is not None and self.language == "en":
                covered = best.last
        return hits


def _row_matches(row: Row, texts: list[str], lows: list[str], i: int,
                 lowset: _Words | None) -> tuple[int, int | None] | None:
    """(last token of the form, particle position) when ``row`` matches at token ``i``; ``lowset``
    (the sentence's words) is needed only for a row with context words."""
    last, particle = i, None
    for k, pattern in enumerate(row.form[1:], start=1):
        if i + k >= len(lows) or not _word_match(pattern, lows[i + k]):
            return None
        last = i + k
    if row.particle:
        particle = _particle(row.particle, texts, lows, last)
        if particle is None:
            return None
    if row.need and not _any_word(row.need, lowset):
        return None
    if row.forbid and _any_word(row.forbid, lowset):
        return None
    return last, particle


#: words after which a particle is a preposition ("warfen Steine vor dem Gebäude"), not a verb's particle
_NOT_AFTER_PARTICLE = frozenset(["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen",
                                 "einer", "eines", "diesem", "dieser", "diesen", "ihrem", "ihren", "seinem",
                                 "seinen", "zu", "zum", "zur"])


def _particle(particle: str, texts: list[str], lows: list[str], last: int) -> int | None:
    """Position of the separable particle (clause-final) or, for "+prep", of the preposition."""
    prep = particle.startswith("+")
    word = particle.lstrip("+")
    j = last + 1
    while j < len(lows) and _inside_clause(texts, lows, j) and j - last <= 16:
        if lows[j] == word:
            nxt = j + 1 if j + 1 < len(lows) else None
            if prep or nxt is None or texts[nxt] in CLAUSE_MARKS or texts[nxt] in ".!?" or (
                    lows[nxt] not in _NOT_AFTER_PARTICLE and not texts[nxt][:1].isupper()):
                return j
        j += 1
    return None


def _inside_clause(texts: list[str], lows: list[str], j: int) -> bool:
    """Whether token j still belongs to the clause: a comma inside an enumeration of nouns ("in Justiz,
    Polizei und den Medien vor", "gegen die PKK, aber auch gegen ...") does not close it; one before
    another lower-case word ("dass", "der") does."""
    if texts[j] not in CLAUSE_MARKS:
        return True
    nxt = j + 1 if j + 1 < len(texts) else None
    if texts[j] != "," or nxt is None or j == 0 or not texts[j - 1][:1].isupper():
        return False
    after = lows[j + 2] if j + 2 < len(lows) else ""
    # "gehen gegen die PKK, aber auch gegen Kurdenpolitiker vor": the enumeration goes on
    return texts[nxt][:1].isupper() or (lows[nxt] in ("aber", "sondern", "und") and after == "auch")


def _read(name: str) -> list[list[str]]:
    text = resources.files("eventwire.codebooks").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@lru_cache(maxsize=4)
def trigger_index(language: str) -> TriggerIndex:
    rows = []
    for cols in _read(f"triggers_{language}.tsv"):
        cols += [""] * (7 - len(cols))
        form, particle, event, mode, cameo, pos, context = cols[:7]
        words = [w.strip() for w in context.split(",") if w.strip()]
        rows.append(Row(
            form=tuple(form.split()), particle=particle.strip(), event=event.strip(),
            mode=mode.strip() or None, cameo=cameo.strip(), pos=pos.strip() or "V",
            need=tuple(w for w in words if not w.startswith("!")),
            forbid=tuple(w[1:] for w in words if w.startswith("!")),
        ))
    return TriggerIndex(rows, language)


@dataclass(frozen=True, slots=True)
class EventType:
    event: str
    cameo: str
    quad_class: int
    modes: tuple[str, ...]
    recipient_preps: dict  # language -> frozenset of prepositions
    reciprocal: bool


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    out = {}
    for event, cameo, quad, modes, rec_de, rec_en, recip in _read("plover.tsv"):
        out[event] = EventType(
            event, cameo, int(quad), tuple(m for m in modes.split(",") if m),
            {"de": frozenset(rec_de.split(",")), "en": frozenset(rec_en.split(","))}, recip == "yes",
        )
    return out


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str, float, int]]:
    """CAMEO code -> (name, Goldstein score, QuadClass)."""
    return {code: (name, float(gold), int(quad)) for code, name, gold, quad in _read("cameo.tsv")}
