"""Events stage: PLOVER/CAMEO coding of the political events an article reports.

Reads ``text``, ``language``, ``sentences``, ``actors`` (coded ActorRefs), ``dates`` and ``places`` (through
``sentence_date``/``sentence_place`` when those stages are installed) and ``published``; writes
``events`` (a list of :class:`~eventwire.model.Event`). No drop reasons: an article without events keeps
``events == []``; a trigger whose actor cannot be coded is skipped, never guessed.

Only sentences that contain a trigger word are analysed (eventwire.coder.triggers); the clause around
the trigger gives actor and recipient (coder.clauses) and the auxiliary mode (coder.realis). The same
happening told twice in one article (headline and body) is kept once: same type, shared actor entity
and, where both name one, a shared recipient.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import re

from ..codebooks import load_codebooks
from ..coder.adjectives import adjective_actors
from ..coder.anaphora import pronoun_refs
from ..coder.clauses import Roles, Span, assign_roles, clause_bounds, locate
from ..coder.implicit import implicit_authority
from ..coder.meetings import consult_mode, drop_places
from ..coder.non_events import characterised, demanded, inside_name, not_dateline, same_act, speech_content
from ..coder.realis import realis
from ..coder.triggers import Hit, Token, cameo_table, event_types, trigger_index
from ..model import ActorRef, Article, Event
from .sentences import split_sentences

VERSION = "0.1"
#: CAMEO code of an intent that realis turned into AGREE/THREATEN/CONCEDE, by the original type
INTENT_CAMEO = {"CONSULT": "036", "COOPERATE": "031", "AID": "033", "SUPPORT": "032",
                "ASSAULT": "138", "COERCE": "137", "SANCTION": "132", "MOBILIZE": "138", "RETREAT": "080"}
SCORED = (None, "historical")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _optional(module: str, name: str):
    """A helper of a stage that may not be installed yet (dates, places): None when absent."""
    try:
        return getattr(importlib.import_module(f"eventwire.stages.{module}"), name)
    except (ModuleNotFoundError, AttributeError):
        return None


class Events:
    name = "events"
    requires = ("sentences", "actors", "dates", "places")
    provides = ("events",)

    def __call__(self, article: Article, ctx) -> Article:
        article.events = code_events(article)
        if ctx is not None and hasattr(ctx, "stats"):
            ctx.stats["events"] += len(article.events)
        return article


def code_events(article: Article) -> list[Event]:
    """All events of ``article``, duplicates merged, in text order."""
    language = "en" if (article.language or "de").startswith("en") else "de"
    index = trigger_index(language)
    sentences = article.sentences or split_sentences(article.text)
    actors = sorted((a for a in article.actors if a.code), key=lambda a: a.start)
    ref_year = _reference_year(article)
    events: list[Event] = []
    previous: list[list[ActorRef]] = []  # coded actors of the sentences before, for pronouns
    for s0, s1 in sentences:
        refs = [a for a in actors if s0 <= a.start and a.end <= s1]
        has_hits = index.has_hits(article.text, s0, s1)  # most sentences have none: no tokens then
        tokens, hits = index.sentence(article.text, s0, s1) if has_hits else ([], [])
        if language == "de":
            refs = not_dateline(article.text, refs, s0)
            hits = [h for h in hits if not (characterised(tokens, h) or inside_name(tokens, h, refs)
                                            or speech_content(tokens, h, hits) or same_act(tokens, h, hits)
                                            or demanded(tokens, h, hits))]
        if refs:
            previous = previous[-1:] + [[r for r in refs if not _after_locative(article.text, r, language)]]
        if not hits:
            continue
        refs = sorted(refs + _pronouns(tokens, refs, previous[:-1] if refs else previous, language),
                      key=lambda a: a.start)
        if language == "de":  # "russische Luftangriffe": the adjective names whose attack
            refs = sorted(refs + adjective_actors(article, tokens, hits, refs), key=lambda a: a.start)
        spans = locate(tokens, refs) + _compound_spans(article, tokens, hits, refs)
        if not spans:
            continue
        if language == "en":
            _threats_from_intent(tokens, hits)
        for hit in _content_nouns_removed(tokens, hits, language):
            event = _code_hit(article, language, tokens, hit, spans, (s0, s1), ref_year)
            if event is not None:
                events.append(event)
    return merge_duplicates(events)


def _pronouns(tokens: list[Token], refs: list[ActorRef], previous: list[list[ActorRef]],
              language: str) -> list[ActorRef]:
    """Pronoun actors of this sentence that do not overlap a coded actor."""
    found = pronoun_refs(tokens, previous, language)
    return [p for p in found if not any(r.start < p.end and p.start < r.end for r in refs)]


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|im|nach|aus|bei|nahe|at|from|near|into)\s+(?:der |dem |den |the )?$")


def _after_locative(text: str, ref: ActorRef, language: str) -> bool:
    """A place named after a locative preposition is no antecedent of "er"/"sie"."""
    return bool(_LOCATIVE_BEFORE.search(text[max(0, ref.start - 14):ref.start]))


SPEECH_ACTS = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "AGREE", "SUPPORT", "CONCEDE"})
_ZU_INFINITIVE = re.compile(r"^(?:ab|an|auf|aus|ein|fest|frei|vor|zurück|nach|hin|"
                            r"mit|weg|her|los|bei|zu)zu\w+en$")


def _content_nouns_removed(tokens: list[Token], hits: list[Hit], language: str = "de") -> list[Hit]:
    """A noun trigger in the clause of a verb trigger is that verb's content ("kritisierte die
    Festnahme", "forderte den Abzug"), and so is an infinitive after a speech act ("drohte, die Grenze
    zu schließen", "threatened to attack"): neither is an event of its own. English also makes an
    infinitive after any trigger its purpose ("met to discuss", "refused to allow") and a gerund after
    a preposition its content ("accused X of violating", "arrested for rioting")."""
    verbal = [(h.index, clause_bounds(tokens, h.index)) for h in hits if not h.noun]
    speech = [h.index for h in hits if h.row.event in SPEECH_ACTS or language == "en"]
    out = []
    for h in hits:
        if _attributive(tokens, h):
            continue
        if h.noun and any(i < h.index and c0 <= h.index <= c1 for i, (c0, c1) in verbal):
            continue
        if any(i < h.index for i in speech) and _infinitive(tokens, h.index):
            continue
        if language == "en" and _prepositional_gerund(tokens, h.index):
            continue
        out.append(h)
    return out


#: types whose announced intent is a threat (PLOVER THREATEN), not an AGREE
_THREATENING = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})


def _threats_from_intent(tokens: list[Token], hits: list[Hit]) -> None:
    """English: an expressed intent ("is prepared to", "vowed to", "offered to") whose infinitive is an
    attack, arrest or sanction ("prepared to impose martial law") is a THREATEN, not an AGREE."""
    for h in hits:
        if h.row.event != "AGREE":
            continue
        nxt = next((o for o in hits if h.last < o.index <= h.last + 4), None)
        if nxt is not None and nxt.row.event in _THREATENING and _infinitive(tokens, nxt.index):
            h.row = dataclasses.replace(h.row, event="THREATEN", cameo="130", mode=None)


_GERUND_PREPOSITIONS = frozenset(["of", "on", "for", "about", "from", "against", "by", "without", "over"])


_NOT_OBJECT = frozenset(["between", "in", "with", "on", "at", "across", "near", "around", "during", "and",
                         "or", "along", "inside", "outside", "since"])


def _prepositional_gerund(tokens: list[Token], j: int) -> bool:
    """A gerund with an object after a preposition ("of violating human rights"); "days of fighting
    between ..." names the happening itself."""
    if j == 0 or j + 1 >= len(tokens) or not tokens[j].low.endswith("ing"):
        return False
    nxt = tokens[j + 1]
    return tokens[j - 1].low in _GERUND_PREPOSITIONS and nxt.text[:1].isalnum() and nxt.low not in _NOT_OBJECT


_ATTRIBUTIVE_BEFORE = frozenset(["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen",
                                 "einer", "eines", "im", "am", "vom", "zum", "zur", "beim", "ihrem", "ihren",
                                 "seinem", "seinen", "diese", "dieser", "diesem", "diesen"])


_PREPOSITIONS_DE = frozenset(("in an auf bei mit nach von zu aus für gegen über unter vor "
                              "durch ohne seit").split())


def _attributive(tokens: list[Token], hit: Hit) -> bool:
    """A German participle used as an adjective ("im Pakt vereinbarten Defizits", "der festgenommene
    Mann") names a thing, not a happening of this sentence."""
    if hit.noun or hit.index == 0 or hit.index + 1 >= len(tokens):
        return False
    tok, nxt = tokens[hit.index], tokens[hit.index + 1]
    if not (nxt.text[:1].isupper() and nxt.text[:1].isalpha()):
        return False
    if tok.low.endswith(("tes", "tem", "ter", "ene", "enen", "ener", "enes", "enem")):
        return True  # endings no finite verb has
    if tokens[hit.index - 1].low in _PREPOSITIONS_DE:
        return True  # "in einigen Fällen": after a preposition and before a noun, no verb
    return tok.low.endswith(("te", "ten")) and tokens[hit.index - 1].low in _ATTRIBUTIVE_BEFORE


def _infinitive(tokens: list[Token], j: int) -> bool:
    prev = tokens[j - 1].low if j else ""
    return prev in ("zu", "to") or bool(_ZU_INFINITIVE.match(tokens[j].low))


def _compound_spans(article: Article, tokens: list[Token], hits: list[Hit],
                    refs: list[ActorRef]) -> list[Span]:
    """Actors named inside a hyphenated noun trigger ("US-Luftangriff", "EU-Gipfel")."""
    resolve = _optional("actors", "resolve_span")
    if resolve is None:
        return []
    out = []
    for hit in hits:
        tok = tokens[hit.index]
        if not hit.noun or "-" not in tok.text or any(tok.start <= r.start < tok.end for r in refs):
            continue
        head = tok.text.split("-")[0]
        ref = resolve(article, tok.start, tok.start + len(head))
        if ref is not None and ref.code:
            out.append(Span(ref, hit.index, hit.index, tokens[hit.index - 1].low if hit.index else None))
    return out


#: noun types that only make an event with the one they are directed at
NEEDS_RECIPIENT = frozenset({"SUPPORT"})


def _names_the_trigger(tokens: list[Token], hit: Hit, span: Span) -> bool:
    """An actor found on the trigger word itself because a role noun ends it ("Entführung" ends in
    "Führung") is the happening, not its actor; a role that leads the compound ("Polizeirazzia") or a
    hyphenated one ("US-Luftangriff") is the actor."""
    if not (span.first == span.last == hit.index) or "-" in tokens[hit.index].text:
        return False
    low = tokens[hit.index].low
    return any(low.endswith(head) and len(low) - len(head) <= 4 for head in _role_heads())


def _role_heads() -> frozenset:
    global _HEADS
    if _HEADS is None:
        _HEADS = frozenset(load_codebooks().role_heads)
    return _HEADS


_HEADS: frozenset | None = None


def _code_hit(article, language, tokens, hit, spans, sentence, ref_year) -> Event | None:
    types = event_types()
    etype = types[hit.row.event]
    spans = [sp for sp in spans if not _names_the_trigger(tokens, hit, sp)]
    roles = assign_roles(tokens, hit, spans, language, etype.recipient_preps[language], etype.reciprocal)
    if roles is not None and roles.implicit:  # "wurden festgenommen": the state's police did it
        authority = implicit_authority(article, tokens, hit, roles.recipient, sentence)
        roles.actor = [authority] if authority is not None else []
    if roles is not None:
        roles.actor = drop_places(roles.actor, article.text)
        roles.recipient = drop_places(roles.recipient, article.text)
    if roles is None or not roles.actor:
        return None
    if not hit.noun and all(a.evidence == "adjective+trigger" for a in roles.actor):
        return None  # "russische Luftangriffe trafen ...": the adjective belongs to its noun, not the verb
    if hit.noun and hit.row.event in NEEDS_RECIPIENT and not roles.recipient:
        return None  # "die Unterstützung der Armee": support of whom? no event without the one supported
    clause = clause_bounds(tokens, hit.index)
    event, aux = realis(tokens, hit, clause, language, ref_year)
    date, precision = _date(article, (tokens[hit.index].start, tokens[hit.last].end))
    if aux is None and date and article.published and date[:4] < article.published[:4]:
        aux = "historical"
    cameo = hit.row.cameo or etype.cameo
    mode = hit.row.mode
    if event != hit.row.event:
        cameo, mode = INTENT_CAMEO.get(hit.row.event, types[event].cameo), None
    if event == "CONSULT" and mode is None and roles.host:
        mode = "visit"
    _name, goldstein, quad = cameo_table().get(cameo, ("", 0.0, types[event].quad_class))
    return _event(article, language, tokens, hit, roles, sentence, event, mode, cameo, quad, goldstein,
                  date, precision, aux)


def _event(article, language, tokens, hit, roles: Roles, sentence, event, mode, cameo, quad, goldstein,
           date, precision, aux) -> Event:
    head, last = tokens[hit.index], tokens[hit.last]
    trigger = article.text[head.start:last.end]
    t_end = last.end
    if hit.particle is not None and hit.particle > hit.last:
        trigger += " ... " + tokens[hit.particle].text
        t_end = tokens[hit.particle].end
    key = f"{article.id}:{head.start}:{t_end}:{event}"
    place = _optional("places", "sentence_place")
    location = None
    if place is not None:
        parties = [(a.start, a.end) for a in roles.actor + roles.recipient]
        found = place(article, head.start, t_end, exclude=parties)
        location = found.location() if found is not None else None
    coded = Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16], article_id=article.id, event=event, mode=mode,
        context=[], cameo=cameo, quad_class=quad, goldstein=goldstein,
        actor=[a.entity() for a in roles.actor], recipient=[r.entity() for r in roles.recipient],
        date=date, date_precision=precision, location=location, aux=aux,
        sentence=article.text[sentence[0]:sentence[1]], sentence_span=[sentence[0], sentence[1]],
        trigger=trigger, trigger_span=[head.start, t_end], confidence=round(roles.confidence, 2),
        coder=f"rules-{language}/{VERSION}",
    )
    if coded.event == "CONSULT" and coded.mode is None:
        coded.mode = consult_mode(coded)
    return coded


def _date(article: Article, sentence: tuple[int, int]) -> tuple[str | None, str | None]:
    sentence_date = _optional("dates", "sentence_date")
    if sentence_date is not None:
        found = sentence_date(article, *sentence)
        if found is not None:
            return found.value, found.precision
    return article.published, article.published_precision if article.published else None


def _reference_year(article: Article) -> int | None:
    """The article's year: published, else the latest year it mentions (background years lie before)."""
    if article.published and article.published[:4].isdigit():
        return int(article.published[:4])
    years = [int(y) for y in _YEAR.findall(article.text)]
    return max(years) if years else None


def _entities(parties: list[dict], by_code: bool) -> set:
    return {p["code"] if by_code else (p["code"], p["sector"]) for p in parties}


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One event per happening: a later event of the same type whose actors share an entity with an
    earlier one (and whose recipient, where both name one, shares one) is the same happening. In
    German, where only one of the two names a recipient they stay two: a domestic conflict has many
    acts of the same actor ("Luftangriffe auf die PKK", later "Angriffe" without a target)."""
    kept: list[Event] = []
    for ev in events:
        reciprocal = ev.event == "CONSULT"
        for old in kept:
            if old.event != ev.event or old.aux != ev.aux:  # background and news are two happenings
                continue
            if not _entities(old.actor, reciprocal) & _entities(ev.actor, reciprocal):
                continue
            if old.recipient and ev.recipient and not (
                    _entities(old.recipient, True) & _entities(ev.recipient, True)):
                continue
            if bool(old.recipient) != bool(ev.recipient) and ev.coder.startswith("rules-de"):
                continue  # German reports keep the target when they retell: one without is another act
            if not old.recipient and ev.recipient:
                old.recipient = ev.recipient
            if reciprocal:  # the headline names one side, the body both: all of them took part
                known = {(e.get("code"), e.get("sector")) for e in old.actor}
                old.actor += [e for e in ev.actor if (e.get("code"), e.get("sector")) not in known]
            old.mode = old.mode or ev.mode
            # the body says where the headline's meeting was
            if old.location is None and ev.location is not None:
                old.location = ev.location
            break
        else:
            kept.append(ev)
    return kept
