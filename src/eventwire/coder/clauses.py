"""Actor and recipient of a trigger, read from the clause around it.

Reads the tokens of one sentence, the trigger :class:`~eventwire.coder.triggers.Hit` and the article's
ActorRefs inside the sentence; returns the actor and recipient ActorRefs (:class:`Roles`). No drop
reasons: a trigger without a coded actor returns None and the stage skips it.

German: the subject stands next to the finite verb (before it, or right after it when the clause opens
with something else: "Am Montag kritisierte Merkel ..."); in verb-final clauses (perfect, modal,
subordinate) the first actor of the clause is the subject and later ones are objects. Passives take the
actor from "von"/"durch" ("by" in English). Nouns take their actor from a compound ("US-Luftangriff"),
an adjacent adjective or genitive ("russische Angriffe", "der Angriff der Armee"), else the clause
subject. Meetings (reciprocal types) put every participant into ``actor``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ActorRef
from .implicit import state_act
from .segments import apposed_subject, reported_clause
from .triggers import CLAUSE_MARKS, Hit, Token

AUX_DE = frozenset(["hat", "habe", "haben", "hatte", "hatten", "hätte", "hätten", "ist", "sind", "war",
                    "waren", "sei", "seien", "wäre", "wären", "wird", "werden", "wurde", "wurden", "worden",
                    "würde", "würden", "kann", "können", "konnte", "konnten", "könnte", "könnten", "will",
                    "wollen", "wollte", "wollten", "soll", "sollen", "sollte", "sollten", "muss", "müssen",
                    "musste", "mussten", "darf", "dürfen"])
SUBORDINATORS_DE = frozenset(["dass", "daß", "weil", "nachdem", "da", "wenn", "ob", "obwohl", "als", "falls",
                              "damit", "bevor", "während", "seit", "sofern", "zumal", "indem", "wo"])
RELATIVE_DE = frozenset(["der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welche", "welcher",
                         "welches"])
PASSIVE_DE = frozenset(["wurde", "wurden", "worden", "werden", "wird"])
#: "auf Anweisung/Befehl des Innenministers": the one who ordered is the agent of a German passive
AGENT = {"de": frozenset({"von", "durch", "vom", "anweisung", "befehl", "geheiß", "anordnung", "auftrag"}),
         "en": frozenset({"by"})}
BE_EN = frozenset(["is", "are", "was", "were", "be", "been", "being"])
AUX_EN = frozenset(["has", "have", "had", "will", "would", "shall", "should", "can", "could", "may", "might",
                    "must", "did", "does", "do"])
#: prepositions that make the following actor a place or a source, not a participant
LOCATIVE = {"de": frozenset(["in", "im", "nach", "aus", "bei", "beim", "ins", "am", "an", "vor"]),
            "en": frozenset(["in", "at", "from", "near", "into", "across", "inside"])}
SOURCE = {"de": frozenset(["laut", "zufolge", "angaben"]), "en": frozenset(["according"])}
COORD = frozenset({"und", "sowie", ",", "and", "&", "or", "oder", "auch"})
#: words that may stand between coordinated actors ("sowohl Merkel als auch Gauck", "X und die Y")
COORD_FILLER = COORD | {"als", "der", "die", "das", "the"}
OBJECT_DET_DE = frozenset(["den", "dem", "einen", "einem", "ihren", "ihrem", "seinen", "seinem"])


@dataclass(slots=True)
class Span:
    ref: ActorRef
    first: int  # token indexes
    last: int
    prep: str | None = None  # preposition right before the span, lowercased


@dataclass(slots=True)
class Roles:
    actor: list[ActorRef]
    recipient: list[ActorRef] = field(default_factory=list)
    confidence: float = 0.6
    host: list[ActorRef] = field(default_factory=list)  # places of a visit, for the mode
    implicit: bool = False  # an agentless passive of a state act: the actor is the state's authority


def locate(tokens: list[Token], refs: list[ActorRef]) -> list[Span]:
    """Token span of every coded ActorRef, with the preposition/determiner before it."""
    spans = []
    for ref in refs:
        if not ref.code:
            continue
        first = next((i for i, t in enumerate(tokens) if t.end > ref.start), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].start < ref.end:
            last += 1
        prep = tokens[first - 1].low if first > 0 else None
        if prep in OBJECT_DET_DE or prep in ("der", "die", "das", "des", "the"):
            prep = tokens[first - 2].low if first > 1 else prep
        spans.append(Span(ref, first, last, prep))
    return spans


def clause_bounds(tokens: list[Token], index: int) -> tuple[int, int]:
    start = index
    while start > 0 and tokens[start - 1].text not in CLAUSE_MARKS:
        start -= 1
    end = index
    while end + 1 < len(tokens) and tokens[end + 1].text not in CLAUSE_MARKS:
        end += 1
    return start, end


def groups(spans: list[Span], tokens: list[Token]) -> list[list[Span]]:
    """Coordinated actors ("Frankreich und Deutschland") as one group, in text order."""
    out: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: s.first):
        if out:
            prev = out[-1][-1]
            between = tokens[prev.last + 1: span.first]
            coordinated = between and len(between) <= 2 and all(
                t.low in COORD_FILLER for t in between) and any(t.low in COORD for t in between)
            if coordinated or span.first <= prev.last:  # "and"-lists; or two actors over the same words
                out[-1].append(span)
                continue
        out.append([span])
    return out


def _refs(group: list[Span] | None) -> list[ActorRef]:
    return [s.ref for s in group] if group else []


def _no_prep(span: Span, language: str) -> bool:
    """A span without a preposition before it: a subject or a direct object."""
    p = span.prep
    return p is None or not (p in LOCATIVE[language] or p in AGENT[language] or p in _ALL_PREPS)


_ALL_PREPS = frozenset(["auf", "gegen", "mit", "zwischen", "für", "über", "um", "unter", "zu", "zum", "zur",
                        "an", "gegenüber", "wegen", "seit", "von", "durch", "vom", "on", "against", "with",
                        "between", "for", "over", "about", "to", "of", "toward", "towards", "by", "under"])


def _followed_by_source(span: Span, tokens: list[Token], language: str) -> bool:
    nxt = tokens[span.last + 1].low if span.last + 1 < len(tokens) else ""
    return nxt == "zufolge" or (language == "en" and span.prep == "to" and span.first > 1
                                and tokens[span.first - 2].low == "according")


def assign_roles(tokens: list[Token], hit: Hit, spans: list[Span], language: str,
                 recipient_preps: frozenset, reciprocal: bool) -> Roles | None:
    """Actor/recipient of ``hit``; None when no coded actor can be found for it."""
    usable = [s for s in spans if s.prep not in SOURCE[language]
              and not _followed_by_source(s, tokens, language)]
    c0, c1 = clause_bounds(tokens, hit.index)
    if language == "de" and hit.index == c0 and c0 >= 2 and c1 - c0 <= 1 and tokens[c0 - 1].text == ",":
        # a stray comma before the final verb ("ist mit X, zusammengetroffen"): one clause, not two
        c0 = clause_bounds(tokens, c0 - 2)[0]
    own_c0 = c0
    if hit.particle is not None:
        c1 = max(c1, hit.particle)
    subject = apposed_subject(tokens, c0) if language == "de" else None
    if subject is not None:  # "X, Nils M., hatte ... aufgerufen": appositions name the subject again
        usable = [s for s in usable if not subject[1] < s.first < c0]
        c0 = subject[0]
    if hit.noun:
        roles = _nominal(tokens, hit, usable, language, recipient_preps, c0, c1)
    elif _is_passive(tokens, hit, c0, language):
        roles = _passive(tokens, hit, usable, language, c0, c1)
    else:
        roles = _verbal(tokens, hit, usable, language, recipient_preps, c0, c1)
    if roles is not None and roles.implicit:
        return roles
    if roles is None or not roles.actor:
        return None
    if reciprocal:
        _merge_participants(roles, tokens, hit, usable, language, c0, c1)
    elif not roles.recipient:
        roles.recipient = _content_recipient(tokens, usable, language, recipient_preps, c1)
    if not roles.recipient and language == "de" and hit.row.event in ADDRESSED_DE and not hit.noun:
        roles.recipient = _reported_subject(tokens, hit, usable, own_c0)
    own = {id(r) for r in roles.actor}
    roles.recipient = [r for r in roles.recipient if id(r) not in own]
    if language == "en":  # "Iraq said it would allow ... Iraq": the actor is no recipient of its own act
        selves = {(r.code, r.sector) for r in roles.actor}
        roles.recipient = [r for r in roles.recipient if (r.code, r.sector) not in selves]
    return roles


#: speech acts whose reported clause before them names the one they address ("X müsse ..., forderte Y")
ADDRESSED_DE = frozenset({"REQUEST", "ACCUSE"})


def _reported_subject(tokens, hit, spans, c0) -> list[ActorRef]:
    """The subject of the reported clause that a sentence-final speech verb follows."""
    found = reported_clause(tokens, c0, hit.index)
    if found is None:
        return []
    inside = groups([s for s in spans if found[0] <= s.first and s.last <= found[1] and _no_prep(s, "de")],
                    tokens)
    return _refs(inside[0]) if inside else []


def _content_recipient(tokens, spans, language, recipient_preps, c1) -> list[ActorRef]:
    """The recipient named in an infinitive clause right after the trigger's clause: "ist bereit,
    mit Armenien zu verhandeln", "threatened to attack Israel"."""
    if c1 + 2 >= len(tokens) or tokens[c1 + 1].text != ",":
        return []
    n0, n1 = clause_bounds(tokens, c1 + 2)
    if not any(t.low in ("zu", "to") or t.low.find("zu") > 0 for t in tokens[n0: n1 + 1]):
        return []
    inside = [s for s in spans if n0 <= s.first and s.last <= n1
              and (_no_prep(s, language) or s.prep in recipient_preps)]
    found = groups(inside, tokens)
    return _refs(found[0]) if found else []


def _is_passive(tokens: list[Token], hit: Hit, c0: int, language: str) -> bool:
    low = tokens[hit.index].low
    window = tokens[max(c0, hit.index - 8): hit.index] + tokens[hit.index + 1: hit.index + 3]
    if language == "de":
        participle = low.startswith("ge") or low.endswith(("t", "en")) and not low.startswith("zu")
        # "worden" closes the bracket ("angegriffen und verbrannt worden"); a far "wurden" opened it
        later = any(t.low == "worden" for t in tokens[hit.index + 1: _clause_end(tokens, hit.index) + 1])
        far = state_act(hit.row) and low[:1].islower() and any(
            t.low in ("wurde", "wurden") for t in tokens[c0: hit.index])
        return participle and (later or far or any(t.low in PASSIVE_DE for t in window))
    if hit.row.pos == "A":
        return False  # "is prepared to", "is committed to": an adjective after "be", no passive
    near = tokens[max(c0, hit.index - 3): hit.index]
    return low.endswith(("ed", "en", "wn", "ld", "ot")) and any(t.low in BE_EN for t in near)


def _clause_end(tokens: list[Token], index: int) -> int:
    return clause_bounds(tokens, index)[1]


def _passive(tokens, hit, spans, language, c0, c1) -> Roles | None:
    clause = [s for s in spans if c0 <= s.first and s.last <= c1]
    agents = [s for s in spans if s.prep in AGENT[language] and s.first > c0 - 1]
    if not agents:
        if language == "de" and state_act(hit.row):  # the stage adds the implicit authority
            pgroups = groups([s for s in clause if _no_prep(s, language)], tokens)
            return Roles([], _refs(pgroups[0]) if pgroups else [], 0.4, implicit=True)
        return None
    first_agent = groups(agents, tokens)[0]
    patients = [s for s in clause if _no_prep(s, language) and s not in first_agent]
    pgroups = groups(patients, tokens)
    return Roles(_refs(first_agent), _refs(pgroups[0]) if pgroups else [], 0.65)


def _verb_final(tokens: list[Token], hit: Hit, c0: int, language: str) -> bool:
    if language != "de":
        return False
    if c0 > 0 and tokens[c0].low in SUBORDINATORS_DE | RELATIVE_DE:
        return True
    if tokens[hit.index - 1].low == "zu" if hit.index else False:
        return True
    return any(t.low in AUX_DE for t in tokens[c0: hit.index])


def _verbal(tokens, hit, spans, language, recipient_preps, c0, c1) -> Roles | None:
    clause = [s for s in spans if c0 <= s.first and s.last <= c1]
    bare = [s for s in clause if _no_prep(s, language)]
    preps = [s for s in clause if s.prep in recipient_preps]
    left = groups([s for s in bare if s.last < hit.index], tokens)
    right = groups([s for s in bare if s.first > hit.index], tokens)
    prep_groups = groups(preps, tokens)
    if language == "en":
        right, prep_groups = _objects_en(tokens, hit, right, prep_groups, c1)
    # "X said Y must ...": X asks Y
    if hit.row.pos == "A" and language == "en" and hit.row.event == "REQUEST":
        lead = groups([s for s in spans if _no_prep(s, language) and s.last < hit.index], tokens)
        if len(lead) >= 2:
            return Roles(_refs(lead[0]), _refs(lead[-1]), 0.55)
    if _verb_final(tokens, hit, c0, language):
        if c0 > 0 and tokens[c0].low in ("der", "welcher") and tokens[c0 - 1].text == ",":
            # "Lopatka, der Kern mehrfach kritisiert hatte": masculine "der" is the subject itself
            antecedent = [sp for sp in spans if sp.last < c0 and tokens[sp.last + 1].text == ","
                          and sp.last >= c0 - 2]
            objects = left + right + prep_groups
            if antecedent:
                return Roles(_refs(groups(antecedent, tokens)[-1]), _refs(objects[0]) if objects else [], 0.6)
        if left:
            rest = left[1:] + right
            recipient = rest[0] if rest else (prep_groups[0] if prep_groups else None)
            return Roles(_refs(left[0]), _refs(recipient), 0.7)
        actor = _outer_subject(tokens, spans, c0, language)
        if actor is None:
            return None
        recipient = right[0] if right else (prep_groups[0] if prep_groups else None)
        return Roles(actor, _refs(recipient), 0.5)
    if left:
        recipient = right[0] if right else (prep_groups[0] if prep_groups else None)
        return Roles(_refs(left[-1]), _refs(recipient), 0.75)
    if right and language == "de":  # inversion: "Am Montag kritisierte Merkel den Präsidenten"
        recipient = right[1] if len(right) > 1 else (prep_groups[0] if prep_groups else None)
        return Roles(_refs(right[0]), _refs(recipient), 0.6)
    actor = _outer_subject(tokens, spans, c0, language)
    if actor is None:
        return None
    recipient = right[0] if right else (prep_groups[0] if prep_groups else None)
    return Roles(actor, _refs(recipient), 0.5)


#: English words that end the verb phrase: what follows belongs to an adjunct or another clause
#: ("lifted a curfew in Montenegro where 28 people ...",
#: "reimposed blockades following the deaths of")
OBJECT_STOP_EN = frozenset("""which who whom whose where when while because after before following amid
despite although though since until unless if as whereas during""".split())


def _objects_en(tokens, hit, right, prep_groups, c1):
    """English objects of a verb: only those before the first word that opens an adjunct or another
    clause, and the bare object or recipient preposition nearest the verb first."""
    stop = next((j for j in range(hit.last + 1, c1 + 1) if tokens[j].low in OBJECT_STOP_EN), c1 + 1)
    right = [g for g in right if g[0].first < stop]
    prep_groups = [g for g in prep_groups if g[0].first < stop and g[0].first > hit.index]
    if right and prep_groups and prep_groups[0][0].first < right[0][0].first:
        right = prep_groups[:1] + right  # "providing intelligence to Macedonia": the nearer object
    return right, prep_groups


def _outer_subject(tokens, spans, c0, language) -> list[ActorRef] | None:
    """Subject of the clause before this one: the antecedent of a relative clause, the controller of
    a zu-infinitive, the speaker of "X said it would ..."."""
    if c0 == 0:
        return None
    before = groups([s for s in spans if s.last < c0 and _no_prep(s, language)], tokens)
    if not before:
        return None
    if language == "de" and tokens[c0].low in RELATIVE_DE:
        return _refs(before[-1])
    return _refs(before[0])


#: nouns whose genitive/"of" names the one it happens to ("Festnahme des Journalisten")
PATIENT_EVENTS = frozenset({"COERCE", "SANCTION"})
PATIENT_MODES = frozenset({"abduct", "targeted", "release"})
GENITIVE = {"de": frozenset({"der", "des", "von", "vom", "durch"}), "en": frozenset({"of", "by"})}


def _nominal(tokens, hit, spans, language, recipient_preps, c0, c1) -> Roles | None:
    i = hit.index
    patient_gen = hit.row.event in PATIENT_EVENTS or hit.row.mode in PATIENT_MODES
    inside = [s for s in spans if s.first <= i <= s.last]  # "US-Luftangriff", "EU-Gipfel"
    adjacent = [s for s in spans if i - 2 <= s.last < i and s.prep not in LOCATIVE[language]
                and all(t.low not in COORD for t in tokens[s.last + 1: i])]
    genitive = [s for s in spans if i < s.first <= i + 3 and tokens[i + 1].low in GENITIVE[language]
                and s.prep not in recipient_preps]
    recip = [s for s in spans if s.prep in recipient_preps and i < s.first <= c1]
    agent_gen = [s for s in genitive if s.prep in AGENT[language]]
    if patient_gen and not agent_gen and language == "de":  # "die Festnahme des X durch die Polizei"
        agent_gen = [s for s in spans if s.prep == "durch" and i < s.first <= min(c1, i + 8)]
        genitive = [s for s in genitive if s not in agent_gen] + agent_gen
    actor, recipient, conf = None, recip, 0.6
    if inside:
        actor = inside
    elif adjacent:
        actor = adjacent[-1:]
    elif genitive and (not patient_gen or agent_gen):
        actor = agent_gen[:1] if patient_gen else genitive[:1]
    patients = [s for s in genitive if s not in agent_gen and s.prep not in AGENT[language] - {"von"}]
    if patient_gen and patients:
        recipient = patients[:1]
    if actor is None:
        used = {id(s) for s in recipient}
        bare = [s for s in spans if c0 <= s.first and s.last < i and _no_prep(s, language)
                and id(s) not in used]
        if not bare and language == "en":  # "X, a member of ..., started a hunger strike"
            outer = _outer_subject(tokens, spans, c0, language)
            return Roles(outer, [], 0.4) if outer else None
        if not bare and language == "de" and hit.row.event == "CONSULT":
            return _meeting_without_subject(tokens, hit, spans, c0, c1)
        if not bare:
            return None
        actor, conf = groups(bare, tokens)[0], 0.45
    actor_group = next((g for g in groups(spans, tokens) if actor[0] in g), actor)
    rec_groups = groups([s for s in recipient if s not in actor_group], tokens)
    return Roles(_refs(actor_group), _refs(rec_groups[0]) if rec_groups else [], conf)


def _meeting_without_subject(tokens, hit, spans, c0, c1) -> Roles | None:
    """A German meeting noun with nobody before it: "Zu Besuch in Sarajevo stellte Kurz klar" (the
    visitor is the subject after the finite verb), "habe es mit Kern ein Gespräch gegeben" (the
    partner named is a participant, the other side unnamed)."""
    i = hit.index
    after = [s for s in spans if i < s.first and s.last <= c1 and _no_prep(s, "de")]
    if hit.row.mode == "visit" and after:
        return Roles(_refs(groups(after, tokens)[0]), [], 0.45)
    partners = [s for s in spans if c0 <= s.first and s.last <= c1 and s.prep in ("mit", "zwischen")]
    return Roles(_refs(groups(partners, tokens)[0]), [], 0.4) if partners else None


def _merge_participants(roles: Roles, tokens, hit, spans, language, c0, c1) -> None:
    """Reciprocal types: everyone met; the visited place joins as host for visits."""
    partners = [s for s in spans if c0 <= s.first and s.last <= c1 and s.prep in ("mit", "zwischen", "with",
                                                                                  "between")]
    for group in groups(partners, tokens):
        roles.recipient.extend(_refs(group))
    if hit.row.mode == "visit":
        hosts = [s for s in spans if c0 <= s.first and s.last <= c1 and s.prep in LOCATIVE[language]]
        roles.host = _refs(hosts[:1])
        roles.recipient.extend(roles.host)
    seen = {id(r) for r in roles.actor}
    for ref in roles.recipient:
        if id(ref) not in seen:
            roles.actor.append(ref)
            seen.add(id(ref))
    roles.recipient = []
