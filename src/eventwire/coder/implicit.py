"""The implicit state authority of an agentless passive of arrest, search, ban or sentence.

Reads the article (its places through ``stages.places.sentence_place`` when installed, and its coded
actors), the trigger row and the passive's patients; returns one ActorRef placed on the trigger word
(evidence ``implicit:<sector>``), or None. Writes nothing; no drop reasons.

"Fünf Angehörige wurden in Haft genommen", "Mehrere Firmen waren durchsucht worden", "Er wird der
Beihilfe zum Mord beschuldigt": German news leaves out who arrested, searched, banned, charged or
sentenced, because only a state's police, prosecutors, courts or government can. PLOVER codes that
authority, so the coder does too, but only for these state acts:
an agentless "wurden getötet" names no attacker and stays uncoded. The state is the one where the
sentence happens (its place, else the dateline's), else the patients' own, else the article's main state.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter

from ..model import ActorRef, Article
from .triggers import Hit, Token

#: PLOVER types whose agent, left out of a passive, can only be a state authority
STATE_ACTS = frozenset({"COERCE", "SANCTION"})
#: accusations that, left without an agent, are the prosecution's ("wird der Beihilfe beschuldigt",
#: "eine Untersuchung wurde eingeleitet")
LEGAL_MODES = frozenset({"allege", "investigate"})
#: the authority's sector by mode: police arrest, seize and enforce curfews, courts convict
SECTOR_BY_MODE = {"arrest": "COP", "seize": "COP", "curfew": "COP", "martial-law": "MIL", "convict": "JUD",
                  "allege": "JUD", "investigate": "JUD"}


def state_act(row) -> bool:
    """Whether a trigger row names an act only a state authority performs."""
    return row.event in STATE_ACTS or (row.event == "ACCUSE" and row.mode in LEGAL_MODES)
#: modals of reported demands and wishes: the passive after them is what someone asks for
DEMAND_MODALS = frozenset(["solle", "sollen", "sollte", "sollten", "müsse", "müssten", "möge", "mögen"])
_ISO3 = re.compile(r"^[A-Z]{3}$")


def implicit_authority(article: Article, tokens: list[Token], hit: Hit, patients: list[ActorRef],
                       sentence: tuple[int, int]) -> ActorRef | None:
    """The authority that arrested, searched, banned or sentenced in an agentless passive."""
    if not state_act(hit.row) or any(t.low in DEMAND_MODALS for t in tokens[: hit.index]):
        return None  # "Muslime sollten interniert werden": a demand's content, not a state act
    code = _place_country(article, sentence) or _patient_country(patients) or main_state(article)
    if code is None:
        return None
    sector = SECTOR_BY_MODE.get(hit.row.mode or "", "GOV")
    tok = tokens[hit.index]
    return ActorRef(tok.start, tok.end, tok.text, f"{code} {sector}", code, sector, None,
                    f"implicit:{sector}")


def _place_country(article: Article, sentence: tuple[int, int]) -> str | None:
    try:
        sentence_place = importlib.import_module("eventwire.stages.places").sentence_place
    except (ModuleNotFoundError, AttributeError):
        return None
    place = sentence_place(article, *sentence)
    country = place.country if place is not None else None
    return country if country and _ISO3.match(country) else None


def _patient_country(patients: list[ActorRef]) -> str | None:
    return next((p.code for p in patients if p.code and _ISO3.match(p.code)), None)


def main_state(article: Article) -> str | None:
    """The state the article's coded actors belong to most often."""
    counts = Counter(a.code for a in article.actors if a.code and _ISO3.match(a.code))
    return counts.most_common(1)[0][0] if counts else None
