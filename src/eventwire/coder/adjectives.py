"""Nationality adjectives as the actors of German noun triggers: "russische Luftangriffe", "die
französische Militärintervention", "wegen der russischen Einreiseverbote".

Reads the article's mentions (label MISC, the state adjectives the codebooks know), the tokens and the
trigger hits of one sentence; returns ActorRefs placed on the adjectives (evidence
``adjective+trigger``). Writes nothing; no drop reasons.

The actors stage codes no bare nationality adjective ("das aserbaidschanische Volk" acts as nobody),
but before a noun that names a happening the adjective says whose happening it is: the state acting as
a whole (GOV), its armed forces (MIL) for attacks and mobilisations. Only an adjective directly in front
of the trigger noun, or with one more adjective between, counts.
"""

from __future__ import annotations

import re

from ..codebooks import load_codebooks
from ..model import ActorRef, Article
from .triggers import Hit, Token

MILITARY_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
_ISO3 = re.compile(r"^[A-Z]{3}$")
_WAR = re.compile(r"krieg\w{0,3}$")


def adjective_actors(article: Article, tokens: list[Token], hits: list[Hit],
                     refs: list[ActorRef]) -> list[ActorRef]:
    """An ActorRef for each state adjective right before a noun trigger that no ref covers yet."""
    if not tokens:
        return []
    s0, s1 = tokens[0].start, tokens[-1].end
    adjectives = {m.start: m for m in article.mentions if m.label == "MISC" and s0 <= m.start < s1}
    if not adjectives:
        return []
    books = load_codebooks()
    out = []
    for hit in hits:
        if not hit.noun or _WAR.search(tokens[hit.index].low):
            continue  # "der syrische Bürgerkrieg" is fought in Syria, by whom the adjective does not say
        for k in (hit.index - 1, hit.index - 2):
            if k < 0 or (k == hit.index - 2 and not _adjective_form(tokens[k + 1])):
                break
            mention = adjectives.get(tokens[k].start)
            if mention is None or any(r.start < mention.end and mention.start < r.end for r in refs + out):
                continue
            states = [e for e in books.lookup(mention.text) if e.kind == "state" and e.form == "adjective"]
            entry = states[0] if states else None
            if entry is not None and entry.code and _ISO3.match(entry.code):
                sector = "MIL" if hit.row.event in MILITARY_TYPES else "GOV"
                out.append(ActorRef(mention.start, mention.end, mention.text, entry.name, entry.code, sector,
                                    None, "adjective+trigger"))
            break
    return out


def _adjective_form(tok: Token) -> bool:
    return tok.text[:1].islower() and tok.low.endswith(("e", "en", "er", "es", "em"))
