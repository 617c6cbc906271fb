"""Realis of a coded event: actual (None), "historical", "future", "hypothetical" or "negation".

Reads the tokens of the trigger's sentence and clause; returns the (possibly re-typed) PLOVER event and
its auxiliary mode. No drop reasons.

PLOVER codes announced intent as its own type rather than a type plus "future" (manual, "Auxiliary
modes"): a future meeting, aid or support is AGREE now, a future attack, arrest or sanction is THREATEN
now, an announced withdrawal is CONCEDE. Types whose content is already about the future (AGREE,
THREATEN, REQUEST, REJECT) are not made future or hypothetical by a modal verb: "sagte, es würde die
Inspektoren zulassen" is an AGREE that happened.
"""

from __future__ import annotations

import re

from .triggers import Hit, Token

NEGATION = {
    "de": frozenset(["nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
                     "weder"]),
    "en": frozenset(["not", "never", "no", "neither", "nor", "nobody", "nothing", "none"]),
}
NOT_NEGATING = {"de": frozenset(["nur", "zuletzt", "selten", "immer"]), "en": frozenset(["only", "least"])}
DENIAL = {"de": frozenset(["dementierte", "dementierten", "dementiert", "bestritt", "bestritten",
                           "bestreitet"]),
          "en": frozenset(["denied", "denies", "deny", "denying"])}
HYPOTHETICAL = {"de": frozenset(["würde", "würden", "könnte", "könnten", "falls", "sofern", "möglicherweise",
                                 "eventuell"]),
                "en": frozenset(["would", "could", "might", "if", "unless", "may"])}
FUTURE = {
    "de": frozenset(["wird", "werden", "will", "wollen", "wollte", "wollten", "soll", "sollen", "plant",
                     "planen", "plante", "planten", "beabsichtigt", "beabsichtigen", "möchte", "morgen",
                     "demnächst", "künftig", "kommende", "kommenden", "kommendes", "nächste", "nächsten",
                     "nächstes", "voraussichtlich", "bevorstehende", "bevorstehenden", "geplante",
                     "geplanten", "angekündigte", "angekündigten"]),
    "en": frozenset(["will", "shall", "'ll", "tomorrow", "upcoming", "planned", "plans", "plan", "intends",
                     "next"]),
}
PAST_PERFECT = {"de": frozenset(["hatte", "hatten", "war", "waren"]), "en": frozenset({"had"})}
EARLIER = {"de": frozenset(["bereits", "schon", "damals", "einst", "früher", "zuvor"]),
           "en": frozenset(["ago", "previously", "formerly", "earlier", "once"])}
#: speech verbs after which "would"/"würde" is the future of reported speech, not a hypothesis
REPORTING = {"de": frozenset(["sagte", "sagten", "erklärte", "erklärten", "kündigte", "kündigten",
                              "versicherte", "betonte", "teilte", "teilten"]),
             "en": frozenset(["said", "says", "announced", "told", "stated", "declared", "confirmed",
                              "added"])}
REPORTED_FUTURE = {"de": frozenset(["würde", "würden"]), "en": frozenset(["would"])}
#: cooperative types whose negation is a refusal (PLOVER REJECT)
REFUSED = frozenset({"AGREE", "SUPPORT", "COOPERATE"})
INTENT_TYPES = frozenset({"AGREE", "THREATEN", "REQUEST", "REJECT"})
TO_AGREE = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT"})
TO_THREATEN = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
#: types whose announcement under a condition is a threat ("will withdraw ... unless", "may halt ... if")
COERCIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "RETREAT", "MOBILIZE", "REJECT"})
MODALS_EN = frozenset(["will", "would", "may", "might", "could", "shall", "'ll"])
CONDITIONS_EN = frozenset(["unless", "if"])
YEAR = re.compile(r"(1[89]\d\d|20\d\d)$")


def realis(tokens: list[Token], hit: Hit, clause: tuple[int, int], language: str,
           ref_year: int | None) -> tuple[str, str | None]:
    """(event, aux) for the trigger ``hit`` in ``tokens`` (one sentence)."""
    event = hit.row.event
    c0, c1 = clause
    words = [t.low for t in tokens[c0: c1 + 1]]
    before = [t.low for t in tokens[c0: hit.index]]
    if _negated(tokens, hit, words, language, event):
        if event in REFUSED and not hit.noun and not _determiner_negation(words, language):
            # "will not accept", "stimmte nicht zu": a refusal is REJECT; "kein Angebot" is none
            return "REJECT", None
        return event, "negation"
    if language == "en" and event in COERCIVE and _conditional_en(tokens, hit, c0):
        return "THREATEN", None  # "will boycott the elections unless ...": a conditional threat
    reported = any(t.low in REPORTING[language] for t in tokens[: hit.index])
    if event not in INTENT_TYPES and not reported and any(w in HYPOTHETICAL[language] for w in words):
        return event, "hypothetical"
    if event not in INTENT_TYPES and (_future(tokens, hit, before, words, language, clause) or (
            reported and any(w in REPORTED_FUTURE[language] for w in before))):
        if event in TO_AGREE:
            return "AGREE", None
        if event in TO_THREATEN:
            return "THREATEN", None
        if event == "RETREAT":
            return "CONCEDE", None
        if event == "CONCEDE":  # "said it would allow inspectors": an announced concession
            return "AGREE", None
        return event, "future"
    if _historical(tokens, hit, before, words, language, ref_year):
        return event, "historical"
    return event, None


def _conditional_en(tokens, hit, c0: int) -> bool:
    """A modal before the trigger in its clause and a condition outside the trigger's clause: after
    the trigger, or in a clause before it ("If Hamas runs, Israel will ban ..."). The trigger inside
    the condition ("unless the president agrees to step down") is no threat."""
    if not any(t.low in MODALS_EN for t in tokens[c0: hit.index]):
        return False
    return any(t.low in CONDITIONS_EN for t in tokens[hit.index + 1:]) or any(
        t.low in CONDITIONS_EN for t in tokens[:c0])


def _negated(tokens, hit, words, language, event) -> bool:
    if any(t.low in DENIAL[language] for t in tokens[: hit.index]) and event != "REJECT":
        return True
    if event == "REJECT":
        return False
    if language == "de" and hit.noun:
        return _noun_negated_de(tokens, hit, words)
    if language == "en":  # English negates right before the verb or noun: "did not attack", "no deal"
        words = [t.low for t in tokens[hit.index - min(4, _before_in_clause(tokens, hit.index)): hit.index]]
    for k, w in enumerate(words):
        neg = w in NEGATION[language] or (language == "en" and w.endswith("n't"))
        if neg and not (k + 1 < len(words) and words[k + 1] in NOT_NEGATING[language]):
            return True
    return False


#: prepositions whose noun is presupposed: "nach dem Rücktritt", "seit dem Angriff" happened whatever
#: the clause's verb denies ("kam nach dem Abtritt nicht mehr in die Gänge")
PRESUPPOSING_DE = frozenset(["nach", "seit", "wegen", "trotz", "infolge", "während", "bei", "beim", "vor",
                             "nachdem", "aufgrund"])


def _noun_negated_de(tokens, hit, words) -> bool:
    """A German noun is negated by "kein"/"ohne" before it ("ohne die Zustimmung", "keine Angriffe"),
    or by "nicht" in its clause unless a preposition makes it a presupposed circumstance."""
    near = [t.low for t in tokens[max(0, hit.index - 3): hit.index]]
    if any(w in DETERMINER_NEGATION["de"] or w == "ohne" for w in near):
        return True
    if any(w in PRESUPPOSING_DE for w in near):
        return False
    return any(w in NEGATION["de"] and not (k + 1 < len(words) and words[k + 1] in NOT_NEGATING["de"])
               for k, w in enumerate(words))


def _before_in_clause(tokens, index: int) -> int:
    """How many tokens of the trigger's clause stand before it (English negation scope)."""
    n = 0
    while index - n > 0 and tokens[index - n - 1].text not in ",;:()[]\"“”":
        n += 1
    return n


#: negation that denies a thing ("kein Angebot", "keine Wunder"), not the act of the verb
DETERMINER_NEGATION = {"de": frozenset(["kein", "keine", "keinen", "keinem", "keiner", "keines"]),
                       "en": frozenset(["no"])}


def _determiner_negation(words: list[str], language: str) -> bool:
    verbal = NEGATION[language] - DETERMINER_NEGATION[language]
    return not any(w in verbal or w.endswith("n't") for w in words)


def _future(tokens, hit, before, words, language, clause) -> bool:
    trig = tokens[hit.index].low
    if language == "de":
        after = {t.low for t in tokens[hit.index + 1: clause[1] + 1]}
        if after & {"haben", "sein", "worden"}:
            return False  # "soll ... ermordet haben": an allegation about the past, not a plan
        if any(w in ("wird", "werden") for w in before) and (trig.startswith("ge") or trig.endswith("t")):
            return False  # "werden ... festgenommen": present passive, not future
        if _passive_auxiliary(tokens, clause):
            return False  # "die Invasion wird ... dargestellt": a passive about the noun, not a plan
        if hit.index > 0 and tokens[hit.index - 1].low == "zu" and any(
                t.low in ("kündigte", "kündigten", "angekündigt", "plant", "plante", "beabsichtigt")
                for t in tokens[: hit.index]):
            return True
        return any(w in FUTURE["de"] for w in words)
    if any(w in ("will", "shall", "'ll") for w in before):
        return True
    text = " ".join(words)
    return any(p in text for p in ("going to", "plans to", "next week", "next month", "next year",
                                   "tomorrow", "is to ", "are to "))


_PARTICLE_PREFIXES = ("ab", "an", "auf", "aus", "bei", "ein", "fest", "frei", "mit", "nach", "vor", "weg",
                      "zu", "zurück", "hin", "her", "los", "dar", "durch", "um", "unter", "über")


def _passive_auxiliary(tokens: list[Token], clause: tuple[int, int]) -> bool:
    """Whether "wird"/"werden" in the clause goes with a participle at its end ("wird ... erinnert",
    "werden ... dargestellt"), which makes a passive, not a future with an infinitive."""
    c0, c1 = clause
    words = [t.low for t in tokens[c0: c1 + 1]]
    if not any(w in ("wird", "werden") for w in words):
        return False
    last = next((w for w in reversed(words) if w.isalpha()), "")
    if last in ("wird", "werden", "worden"):
        last = next((w for w in reversed(words[:-1]) if w.isalpha() and w not in ("wird", "werden")), "")
    return _participle(last)


def _participle(word: str) -> bool:
    if word.endswith("ieren"):
        return False
    stem = word
    for prefix in _PARTICLE_PREFIXES:
        if stem.startswith(prefix + "ge") and len(stem) > len(prefix) + 4:
            stem = stem[len(prefix):]
            break
    if stem.startswith("ge") and stem.endswith(("t", "en")) and len(stem) > 4:
        return True
    return word.endswith(("iert", "ert", "elt")) or (word.endswith("t") and not word.endswith("en"))


def _historical(tokens, hit, before, words, language, ref_year) -> bool:
    if any(w in PAST_PERFECT[language] for w in before) and not hit.noun:
        return True
    years = [int(m.group(1)) for w in words if (m := YEAR.match(w))]
    if ref_year and any(y < ref_year for y in years):
        return True
    return bool(years) and any(w in EARLIER[language] for w in words)
