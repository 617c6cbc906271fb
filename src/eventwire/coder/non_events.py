"""German trigger words and actor names that name no happening of their sentence.

Reads the tokens of one sentence, the trigger hits found in it and the sentence's ActorRefs; returns
the hits that stay events and the refs that can act. Writes nothing; no drop reasons.

- A noun after "als" characterises something ("bezeichnete die Ermittlungen als Angriff auf die
  Meinungsfreiheit"): that is a speech act about a thing, not an attack. An insult stays an
  accusation ("bezeichnete ihn als Hochstapler").
- A trigger word inside a coded name is part of the name ("Organisation für das Verbot chemischer Waffen").
- A noun after a speech-act noun and its preposition is that act's content ("die Forderung nach einem
  Einreiseverbot", "Kritik an der Festnahme"), as a noun after a speech verb already is.
- A noun that a verb trigger of its clause needs as its object is that verb's act ("Ermittlungen
  wurden eingeleitet" is one investigation), and what a reported demand asks for is the demand's content
  ("Russland müsse die Truppen abziehen, forderte X" is a REQUEST, no withdrawal).
- A place that opens the sentence before a dash is the dateline ("Wien – Rund 33.900 Schüler ..."),
  where the report was filed, never the subject of the first clause.
"""

from __future__ import annotations

import re

from ..model import ActorRef
from .clauses import clause_bounds
from .segments import reported_clause
from .triggers import Hit, Token, context_words

#: words that may stand between "als" and the noun it characterises ("als direkten Angriff")
_BETWEEN = frozenset("einen einem eine ein einer eines den dem die der das des".split())
#: prepositions that attach a content noun to a speech-act noun ("Forderung nach", "Kritik an")
CONTENT_PREPS = frozenset(["nach", "an", "zur", "zum", "über", "gegen", "für", "auf", "um", "wegen"])
SPEECH_NOUNS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "PROTEST"})
_OTHER_PLACE = re.compile(r"\s*[\w .'-]+/\s*")
_DATELINE_AFTER = re.compile(r"^(?:\s*/\s*[\w .'-]+?)?\s*(?:\([^)]{1,30}\))?\s*[–—-]\s")


def characterised(tokens: list[Token], hit: Hit) -> bool:
    """A noun trigger that "als" introduces, with at most a determiner and an adjective between."""
    if not hit.noun or hit.row.event == "ACCUSE":  # "bezeichnete ihn als Hochstapler" accuses
        return False
    for k in range(hit.index - 1, max(-1, hit.index - 4), -1):
        low = tokens[k].low
        if low == "als":
            return True
        adjective = tokens[k].text[:1].islower() and low.endswith(("e", "en", "er", "em", "es"))
        if not (low in _BETWEEN or adjective):
            return False
    return False


def inside_name(tokens: list[Token], hit: Hit, refs: list[ActorRef]) -> bool:
    """The trigger word lies inside a coded name of several words, after its first word and before
    its last ("die französische Militärintervention" ends in its trigger: a role compound, no name)."""
    tok = tokens[hit.index]
    return any(r.start < tok.start and tok.end < r.end and " " in r.text for r in refs)


def speech_content(tokens: list[Token], hit: Hit, hits: list[Hit]) -> bool:
    """A noun trigger attached by a preposition to a speech-act noun right before it."""
    if not hit.noun:
        return False
    for other in hits:
        if not (other.noun and other.row.event in SPEECH_NOUNS and other.index < hit.index <= other.last + 4):
            continue
        between = tokens[other.last + 1: hit.index]
        if between and between[0].low in CONTENT_PREPS:
            return True
    return False


def not_dateline(text: str, refs: list[ActorRef], sentence_start: int) -> list[ActorRef]:
    """The refs without the dateline's places ("Wien –", "Addis Abeba/Bujumbura –")."""
    out = []
    for ref in refs:
        before = text[sentence_start:ref.start]
        opening = not before.strip() or bool(_OTHER_PLACE.fullmatch(before))
        if opening and _DATELINE_AFTER.match(text[ref.end: ref.end + 40]):
            continue
        out.append(ref)
    return out


def same_act(tokens: list[Token], hit: Hit, hits: list[Hit]) -> bool:
    """A noun trigger that a verb trigger of its clause needs as its object ("eingeleitet" needs
    "Ermittlungen", "Untersuchung"): the two words name one act, the verb's."""
    if not hit.noun:
        return False
    c0, c1 = clause_bounds(tokens, hit.index)
    noun = tokens[hit.index: hit.index + 1]
    return any(not o.noun and o.row.event == hit.row.event and c0 <= o.index <= c1 and o.row.need
               and context_words(o.row.need, noun) for o in hits)


#: modals that make a reported clause a demand ("müsse", "solle"): what it names is asked for
DEMAND_MODALS = frozenset(["müsse", "müssten", "solle", "sollten", "sollen", "möge", "dürfe"])


def demanded(tokens: list[Token], hit: Hit, hits: list[Hit]) -> bool:
    """A trigger inside the reported demand that a sentence-final REQUEST verb introduces."""
    for other in hits:
        if other.index <= hit.index or other.noun or other.row.event != "REQUEST":
            continue
        found = reported_clause(tokens, clause_bounds(tokens, other.index)[0], other.index)
        if found and found[0] <= hit.index <= found[1] and any(
                t.low in DEMAND_MODALS for t in tokens[found[0]: found[1] + 1]):
            return True
    return False
