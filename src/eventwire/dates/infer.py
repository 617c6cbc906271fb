"""Years fixed by what a text celebrates or counts: "30-jähriges Jubiläum der NATO", "COP29".

Reads a text and the anniversaries codebook (eventwire/codebooks/anniversaries.tsv: year, kind
founding|event, aliases); returns the year the text is most likely from with its evidence, or None.
No drop reasons.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ..trie import trie_pattern

_ORDINALS = {
    "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5, "zehnten": 10, "zwanzigsten": 20,
    "fünfundzwanzigsten": 25, "dreißigsten": 30, "vierzigsten": 40, "fünfzigsten": 50, "sechzigsten": 60,
    "siebzigsten": 70, "fünfundsiebzigsten": 75, "achtzigsten": 80, "neunzigsten": 90, "hundertsten": 100,
    "first": 1, "second": 2, "third": 3, "fifth": 5, "tenth": 10, "twentieth": 20, "twenty-fifth": 25,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_WHAT = (r"(?P<what>Jahrestag|Jubiläum|Gründungsjubiläum|Bestehen|Gründungstag|Geburtstag|anniversary|"
         r"(?=[„\"A-ZÄÖÜ]))")
_ANNIVERSARY = re.compile(
    rf"(?<!\w)(?:(?P<n>\d{{1,3}})(?:\.\s*|[-‐]?\s*jährige[nms]?\s+|(?:st|nd|rd|th)\s+|\s+Jahre\s+)|"
    rf"(?i:(?P<w>{trie_pattern(_ORDINALS)}))\s+){_WHAT}")
#: "fünfzigjährigen Jubiläum": searched apart, and only in texts with "jährig" (the letters before it
#: are scanned at every word start, which made it the costliest part of the pattern); a match of it
#: cannot overlap one of _ANNIVERSARY (its number is letters followed by "jährig", theirs digits or
#: an ordinal followed by a space), so together they find what one alternation found
_ANNIVERSARY_WORDS = re.compile(
    rf"(?<!\w)(?i:(?P<wy>[a-zäöüß]+zig|zehn|hundert))jährige[nms]?\s+{_WHAT}")
_COP = re.compile(r"\bCOP[- ]?(?P<n>[1-9]\d?)\b")
_UNGA = re.compile(r"\b(?P<n>[1-9]\d)(?:\.|st|nd|rd|th)\s+(?:(?:UN|UNO)-)?(?:session of the |UN |United "
                   r"Nations )?(?:Generalversammlung|Vollversammlung|General Assembly)")
_THIS_YEAR = re.compile(r"(?<!\w)(?:in diesem jahr|dieses jahr|heuer|this year)\b")  # lower-cased text
_THIS_YEAR_WORDS = ("diesem jahr", "dieses jahr", "heuer", "this year")  # one of them is in every match
_WORD_YEARS = {"zehn": 10, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
               "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100}


class _Fact(NamedTuple):
    year: int
    kind: str  # founding | event
    alias: str


@lru_cache(maxsize=1)
def _facts() -> tuple[dict[str, _Fact], re.Pattern]:
    """The anniversaries codebook: alias -> fact, and one regex over every alias."""
    facts: dict[str, _Fact] = {}
    raw = resources.files("eventwire.codebooks").joinpath("anniversaries.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        year, kind, aliases = line.split("\t")
        for alias in aliases.split(" | "):
            facts.setdefault(alias.strip(), _Fact(int(year), kind, alias.strip()))
    return facts, re.compile(rf"(?<!\w){trie_pattern(facts)}(?!\w)")


def infer_year(text: str, lang: str) -> tuple[int, str] | None:
    """The year a text without dates is from, with its evidence; None when nothing fixes it.

    Evidence: an n-th anniversary of an event in the anniversaries codebook (founding year + n; the
    event named within a few words before or after), a numbered COP climate conference (COP1 = 1995,
    none in 2020, so COP26 = 2021 and COP29 = 2024), a numbered UN General Assembly session (n-th =
    1945 + n) and dated events named with their host ("G20-Gipfel in Hamburg"). Anniversaries weigh
    double in a text that says "in diesem Jahr"/"this year"; the heaviest year wins, ties the latest.
    """
    facts, alias_re = _facts()
    lowered = text.lower()
    this_year = any(w in lowered for w in _THIS_YEAR_WORDS) and bool(_THIS_YEAR.search(lowered))
    votes: dict[int, float] = {}
    evidence: dict[int, list[str]] = {}

    def vote(year: int, weight: float, why: str) -> None:
        votes[year] = votes.get(year, 0) + weight
        evidence.setdefault(year, []).append(why)

    found = list(_ANNIVERSARY.finditer(text))
    if "jährig" in lowered:
        found = sorted(found + list(_ANNIVERSARY_WORDS.finditer(text)), key=re.Match.start)
    for m in found:
        n = _anniversary_number(m)
        # "30 Jahre NATO" names the event at once; "30 Jahre Haft ... NATO" must not count
        reach = 90 if m["what"] else 3
        fact = _nearest_fact(lowered, m.start(), m.end(), reach, alias_re, facts)
        if n and fact:
            vote(fact.year + n, 2 if this_year else 1, f"{n}th anniversary of {fact.alias} ({fact.year})")
    # the two patterns below scan every word start; a substring test (much cheaper) skips most texts
    for m in _COP.finditer(text) if "COP" in text else ():
        n = int(m["n"])
        vote(1994 + n if n <= 25 else 1995 + n, 1, f"COP{n}")
    for m in _UNGA.finditer(text) if "versammlung" in text or "General Assembly" in text else ():
        vote(1945 + int(m["n"]), 1, f"{m['n']}th UN General Assembly")
    for m in alias_re.finditer(lowered):
        fact = facts[m.group(0)]
        if fact.kind == "event":
            vote(fact.year, 1, fact.alias)
    if not votes:
        return None
    year = max(votes, key=lambda y: (votes[y], y))
    return year, "; ".join(dict.fromkeys(evidence[year]))


def _anniversary_number(m: re.Match) -> int | None:
    groups = m.groupdict()  # _ANNIVERSARY has n and w, _ANNIVERSARY_WORDS wy
    if groups.get("n"):
        return int(groups["n"]) if 0 < int(groups["n"]) <= 500 else None
    if groups.get("w"):
        return _ORDINALS.get(groups["w"].lower())
    word = groups["wy"].lower()
    tens = next((v for k, v in _WORD_YEARS.items() if word.endswith(k)), None)
    units = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
             "neun": 9}
    lead = word.removesuffix(next((k for k in _WORD_YEARS if word.endswith(k)), "")).removesuffix("und")
    return None if tens is None else tens + units.get(lead, 0)


def _nearest_fact(lowered: str, start: int, end: int, reach: int, alias_re: re.Pattern,
                  facts: dict[str, _Fact]) -> _Fact | None:
    """The founding event named nearest to an anniversary phrase, within ``reach`` characters."""
    best, best_dist = None, None
    lo = max(0, start - reach) if reach > 10 else end
    for m in alias_re.finditer(lowered, lo, end + reach + 60):
        fact = facts[m.group(0)]
        if fact.kind != "founding" or m.start() > end + reach:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        dist += 0 if m.start() >= end else 15  # the name usually follows: "30. Jahrestag der NATO"
        if best_dist is None or dist < best_dist:
            best, best_dist = fact, dist
    return best
