"""The article around an actor phrase: its sentences, its main state, its plural references.

Reads the classified mentions (:class:`~eventwire.stages.actors.chains.Item`), the ``sentences``
starts, ``text`` and ``published``; returns :class:`Scene` (what resolving a title alone may look at),
the states a sentence names (:func:`sentence_states`), the state the article is mostly about
(:func:`focus_country`), and the actor list with "both governments", "the two sides" made one ActorRef
per state (:func:`plural_references`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from ...codebooks import Codebooks, pick_row
from ...model import ActorRef, Article
from .chains import Item, Resolution, after_preposition

ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(slots=True)
class Scene:
    """What resolving a title alone may look at: the article's mentions, sentences and resolved phrases."""

    items: list[Item]
    text: str
    starts: list[int]
    focus: str | None
    date: str | None
    books: Codebooks
    found: list[Resolution | None]


def sentence_states(scene: Scene, pos: int, everywhere: bool = False) -> list[str]:
    """ISO3 codes of the states named in the sentence around ``pos``: before it and not as a place,
    or (``everywhere``) anywhere in it."""
    i = bisect_right(scene.starts, pos) - 1
    lo = scene.starts[i] if i >= 0 else 0
    hi = scene.starts[i + 1] if i + 1 < len(scene.starts) else len(scene.text)
    codes = []
    for item in scene.items:
        m = item.mention
        if item.kind == "S" and lo <= m.start < hi and item.entries[0].form != "demonym" and (everywhere or (
                m.start < pos and not after_preposition([item], scene.text))):
            codes.append(item.entries[0].code)
    return list(dict.fromkeys(codes)) if everywhere else codes[-1:]


def focus_country(items: list[Item], date: str | None, books: Codebooks) -> str | None:
    """The state an article is mostly about: most state mentions, the opening counting double."""
    counts: Counter[str] = Counter()
    for item in items:
        code = None
        if item.kind == "S":
            code = item.entries[0].code
        elif item.kind in "OP" and item.entries:
            entry = pick_row(item.entries, date)
            code = entry.code if entry else None
        if code and ISO3.match(code):
            counts[code] += 2 if item.mention.start < 300 else 1
    if not counts:
        return None
    best = max(counts.values())
    for item in items:  # ties go to the state named first
        for entry in item.entries[:1]:
            if entry.code and counts.get(entry.code) == best:
                return entry.code
    return counts.most_common(1)[0][0]


#: English phrases that refer back to the two states of the sentence before ("Both governments urged ...")
PLURAL_REF = re.compile(r"\b(?:[Bb]oth|[Tt]he two)\s+(governments|leaders|countries|nations|states|sides|"
                        r"presidents|prime ministers|foreign ministers|ministers|armies|militaries)\b")


def plural_references(article: Article, actors: list[ActorRef]) -> list[ActorRef]:
    """``actors`` with "both governments", "the two leaders/countries/sides" after a sentence that named
    exactly two states made a compound actor: one ActorRef per state on the same span."""
    starts = [s for s, _ in article.sentences]
    extra: list[ActorRef] = []
    for m in PLURAL_REF.finditer(article.text):
        i = bisect_right(starts, m.start()) - 1
        if i < 1:
            continue
        before = [a for a in actors if article.sentences[i - 1][0] <= a.start < starts[i] and a.code
                  and ISO3.match(a.code) and not (a.evidence or "").endswith(":place")]
        codes = list(dict.fromkeys(a.code for a in before))
        if len(codes) != 2:
            continue
        noun = m.group(1)
        for code in codes:
            sector = "MIL" if noun in ("armies", "militaries") else next(
                a.sector for a in before if a.code == code) if noun == "sides" else "GOV"
            extra.append(ActorRef(m.start(), m.end(), m.group(0), f"{code} {noun}", code, sector, None,
                                  "plural+previous_sentence"))
    kept = [a for a in actors if not any(e.start < a.end and a.start < e.end for e in extra)]
    return sorted(kept + extra, key=lambda a: a.start)
