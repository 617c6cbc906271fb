"""Personal and demonstrative pronouns as actors: "Er kritisierte ...", "Dieser lehnte ... ab".

Reads the tokens of one sentence and the coded ActorRefs of the sentences before it; returns extra
ActorRefs placed on the pronoun tokens, carrying the code and sector of their antecedent (evidence
``pronoun:<antecedent text>``). Writes nothing; no drop reasons: a pronoun without a compatible
antecedent stays uncoded.

News prose names an actor and continues with a pronoun in the next sentence, so a cheap rule recovers
most of them: a personal pronoun refers to the subject of the previous sentence (its first actor that
is not a place), a demonstrative ("dieser", "diese" used alone) to the last one named. Gender and
number are checked where the antecedent tells them cheaply: "er" never refers to a state or an
organisation (German states and organisations are neuter or feminine), "they" never to a single
named person. Only the two previous sentences are searched; further back a pronoun is too ambiguous.
"""

from __future__ import annotations

from ..model import ActorRef
from .triggers import Token

#: pronoun -> which antecedent it takes: "subject" (first actor) or "last" (the one named last)
PRONOUNS = {
    "de": {"er": "subject", "sie": "subject", "ihm": "subject", "ihn": "subject", "dieser": "last",
           "diese": "last", "jener": "last"},
    "en": {"he": "subject", "she": "subject", "they": "subject", "him": "subject", "her": "subject",
           "them": "subject"},
}
#: pronouns that refer to one man or woman: the antecedent must be a person or a role, not a state
PERSONAL = frozenset({"er", "ihm", "ihn", "he", "she", "him", "her"})
#: pronouns that refer to a group: the antecedent must not be one named person
PLURAL = frozenset({"they", "them"})
#: words before a pronoun that make it part of a quotation or a formula, not a reference ("wie er")
_NOT_AFTER = frozenset({"wie", "als", "like", "as", "than"})
#: evidence values of ActorRefs that are places or whole states (never a "he")
_STATE_EVIDENCE = ("state", "org", "party")


def pronoun_refs(tokens: list[Token], previous: list[list[ActorRef]], language: str) -> list[ActorRef]:
    """ActorRefs for the pronouns among ``tokens``; ``previous``: coded actors of the preceding
    sentences, the nearest last."""
    table = PRONOUNS.get(language, {})
    out: list[ActorRef] = []
    for i, tok in enumerate(tokens):
        kind = table.get(tok.low)
        if kind is None or not _is_pronoun(tokens, i, language):
            continue
        ante = antecedent(tok.low, kind, previous)
        if ante is not None:
            out.append(ActorRef(tok.start, tok.end, tok.text, ante.name, ante.code, ante.sector, ante.role,
                                f"pronoun:{ante.text}"))
    return out


def _is_pronoun(tokens: list[Token], i: int, language: str) -> bool:
    tok = tokens[i]
    if i and tokens[i - 1].low in _NOT_AFTER:
        return False
    if language == "de" and tok.text[:1].isupper() and i > 0:
        return False  # "Sie" inside a sentence is the polite "you" of a quotation
    if tok.low in ("dieser", "diese", "jener"):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is None or not nxt.text[:1].isalnum() or nxt.text[:1].islower()  # not "dieser Plan"
    if language == "en" and tok.low == "her":
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is None or not nxt.text[:1].isalpha()  # "her party" is a possessive
    return True


def antecedent(pronoun: str, kind: str, previous: list[list[ActorRef]]) -> ActorRef | None:
    """The actor a pronoun refers to: in the nearest previous sentence that has a compatible one."""
    for refs in reversed(previous[-2:]):
        fitting = [r for r in refs if _compatible(pronoun, r)]
        if fitting:
            return fitting[0] if kind == "subject" else fitting[-1]
    return None


def _compatible(pronoun: str, ref: ActorRef) -> bool:
    evidence = ref.evidence or ""
    if evidence.endswith(":place") or not ref.code:
        return False
    if pronoun in PERSONAL:  # a person: named, or a role noun; a party or state alone is no "he"
        return ref.sector != "CVL" and (ref.role is not None or not evidence.startswith(_STATE_EVIDENCE))
    if pronoun in PLURAL:
        return not evidence.startswith("codebook")
    return True
