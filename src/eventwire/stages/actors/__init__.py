"""Actors stage: resolve mentions to coded actors (ISO3 or IGO code, sector, role) as of the article's date.

Reads ``mentions``, ``published`` and ``text``; writes ``actors`` (:class:`~eventwire.model.ActorRef`).
Drops nothing. Mentions that stand next to each other form one actor phrase ("der aserbaidschanische
Außenminister Ceyhun Bayramov", "Russlands Präsident", "NATO-Generalsekretär Jens Stoltenberg",
"Heinz-Christian Strache (FPÖ)", "Bayramov, der Außenminister Aserbaidschans,"). A phrase is resolved
in this order, and ``evidence`` names the step that decided:

1. an explicit cue in the phrase: a state (name, capital, adjective) or an organisation/party/group
   ("title+adjective", "title+state", "title+org", "party", "state", "org"); an organ named by its body
   noun belongs to the organisation or state after it ("Sicherheitsrat des afrikanischen Staatenbunds"
   is the AU's, "Sicherheitsrat der Türkei" Turkey's), a title with a name to the state after "von"/"of"
   ("König Abdullah von Jordanien");
2. a person in the codebooks, the office valid on ``published`` (``codebook:persons/<file>``);
3. a person the article taught earlier or later by 1. ("taught"): a surname refers back to the full name;
4. a title with a one-word name the codebooks list only in full: the one office holder on that date with
   that surname, or a monarch's given name ("Präsident Obama", "König Abdullah": "name+title"; a bare
   surname: "name");
5. a role noun alone takes the state named before it in its sentence (a monarch's: anywhere in it), else
   the state of the last phrase of the same role that named one ("der König" after "Jordaniens König":
   "role+article"), else the article's main state ("role+sentence", "role+article", "role+focus").
   An unknown person alone gets the main state ("person+focus").

English also reads "both governments", "the two leaders/countries/sides" after a sentence that named
exactly two states as both of them: one ActorRef per state on the same span ("plural+previous_sentence").
An organisation the codebooks lack that is named after its state ("Azerbaijan Airlines") is that state's.

Sectors come from the role noun (GOV, MIL, ...), else from the organisation or party (dated: a party's
government/opposition status changes), else GOV for a state acting as a whole, CVL for demonyms.

Other stages use :func:`resolve_span` to ask which actor covers a character span.
"""

from __future__ import annotations

from ...codebooks import Codebooks, load_codebooks
from ...model import ActorRef, Article
from ...pipeline import Context
from .chains import (
    Resolution,
    adjective_group,
    after_preposition,
    chain_kinds,
    classify,
    link_chains,
    modifier_role,
)
from .resolve import person_by_name_part, recall_person, resolve_chain, teach, titled
from .scene import Scene, focus_country, plural_references


class Actors:
    name = "actors"
    requires = ("mentions", "published", "text")
    provides = ("actors",)

    def __init__(self, codebooks: Codebooks | None = None):
        self.books = codebooks or load_codebooks()

    def __call__(self, article: Article, ctx: Context) -> Article:
        article.actors = resolve_actors(article, self.books)
        ctx.stats["actors.resolved"] += sum(1 for a in article.actors if a.code)
        return article


def resolve_actors(article: Article, books: Codebooks) -> list[ActorRef]:
    text, date = article.text, article.published
    items = [it for it in (classify(m, books) for m in article.mentions) if it is not None]
    focus = focus_country(items, date, books)
    starts = [s for s, _ in article.sentences] or [0]
    chains = link_chains(items, text)
    found = [resolve_chain(chain, date, focus, books) for chain in chains]
    taught: dict[str, Resolution] = {}
    for chain, res in zip(chains, found, strict=True):
        if res is not None:
            teach(chain, res, taught)
    scene = Scene(items, text, starts, focus, date, books, found)
    for k, chain in enumerate(chains):  # a title alone: the article, the codebooks or the sentence decide
        if found[k] is None and "R" in chain_kinds(chain):
            found[k] = titled(chain, k, taught, scene)
            if found[k] is not None:
                teach(chain, found[k], taught)
    actors = []
    english = (article.language or "").startswith("en")
    for chain, res in zip(chains, found, strict=True):
        if res is None and "P" in chain_kinds(chain):
            person = [it for it in chain if it.kind == "P"][-1]
            res = recall_person(person, taught, None) or person_by_name_part(chain, person, scene) or \
                recall_person(person, taught, focus)
        if res is None and english:
            res = adjective_group(chain, text)
        if res is None or (english and modifier_role(chain, text)):
            continue
        if res.evidence == "state" and after_preposition(chain, text):
            res.evidence = "state:place"  # "in Moskau": the events stage decides if a place acts
        first, last = chain[0].mention, chain[-1].mention
        actors.append(ActorRef(first.start, last.end, text[first.start:last.end], res.name, res.code,
                               res.sector, res.role, res.evidence))
    return plural_references(article, actors) if english else actors


def resolve_span(article: Article, start: int, end: int) -> ActorRef | None:
    """The actor covering or best overlapping the character span [start, end) after the stage ran.

    Prefers an actor that covers the whole span, then the largest overlap, then the shortest actor;
    None when no actor overlaps.
    """
    best, best_key = None, None
    for actor in article.actors:
        overlap = min(end, actor.end) - max(start, actor.start)
        if overlap <= 0:
            continue
        covers = actor.start <= start and actor.end >= end
        key = (covers, overlap, -(actor.end - actor.start))
        if best_key is None or key > best_key:
            best, best_key = actor, key
    return best
