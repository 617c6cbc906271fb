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

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from ..codebooks import Codebooks, Entry, load_codebooks, pick_row
from ..model import ActorRef, Article, Mention
from ..pipeline import Context

#: a place, not an actor: "in Moskau", "nach Wien", "aus der Türkei"
LOCATIVE = re.compile(r"(?:\b(?:in|nach|aus|bei|im|nahe|von|vom|from|to|at|into|near)\s"
                      r"(?:der |dem |den |the )?)$")
GENITIVE_LINK = re.compile(r"^ (?:der|des|dem|von|vom|in|aus|of|of the|in the|from) $")
APPOSITION_LINK = re.compile(r"^, (?:der|die|dem|den|des|the|ein|eine|a|an|sein|seine|ihr|ihre)? ?$")
LOWER_WORDS = re.compile(r"^ (?:[a-zäöüß][\w-]*,? ){1,2}$")
PARTICIPLE_LINK = re.compile(r"^ [a-zäöüß-]+(?:te|ten|tes|ter|ed)\s$")
#: English possessive between a state/organisation/person and a role: "Niger's ambassador",
#: "Iraq's interim government", "Nicaragua's Sandinista government"
POSSESSIVE_LINK = re.compile(r"^['’]s (?:[\w-]+ ){0,2}$")
#: an organ named by its body noun ("Sicherheitsrat", "Kommission", "summit") belongs to the state or
#: organisation after it: "Sicherheitsrat des afrikanischen Staatenbunds" is the AU's
BODY = re.compile(r"(?:[Rr]ats?|[Kk]ommission|[Pp]arlaments?|[Gg]ipfels?|[Vv]ersammlung|[Ss]ekretärs?|"
                  r"[Cc]ouncil|[Cc]ommission|[Pp]arliament|[Ss]ummit|[Aa]ssembly|"
                  r"[Ss]ecretary[- ][Gg]eneral)$")
OWNER_LINK = re.compile(r"^ (?:des|der|of|of the)? ?$")
BY_CUE = re.compile(r"(?:\b(?:von|vom|von den|von der|by|by the))\s$")

#: role sectors that the state or party of a person does not override
OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})
ISO3 = re.compile(r"^[A-Z]{3}$")
ROMAN = re.compile(r" [IVX]+$")


@dataclass(slots=True)
class Item:
    """A mention with what the codebooks say about it: kind P (person), R (role), S (state), O (org)."""

    mention: Mention
    kind: str
    entries: list[Entry]
    #: the state a role compound or a role noun itself names ("Palästinenserpräsident", "Papst")
    cue: Entry | None = None


@dataclass(slots=True)
class Resolution:
    code: str | None
    sector: str | None
    role: str | None
    name: str
    evidence: str


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


def classify(m: Mention, books: Codebooks) -> Item | None:
    entries = books.lookup(m.text)
    if not entries and m.label == "ROLE":  # English role opening a sentence: "Security forces ..."
        entries = books.lookup(m.text[:1].lower() + m.text[1:])
    if m.label == "PER":
        if not entries and ROMAN.search(m.text):  # "König Abdullah II." lost its dot to the sentence end
            entries = books.lookup(m.text + ".")
        return Item(m, "P", [e for e in entries if e.kind == "person"])
    if m.label == "ROLE":
        roles = [e for e in entries if e.kind == "role"]
        if not roles:
            return None
        return Item(m, "R", roles, books.compound_cue(m.text) or _role_state(roles[0], books))
    if not entries:
        return state_named_org(m, books)  # else a NER ORG/LOC the codebooks do not know: not codable
    kind = entries[0].kind
    if kind == "state":
        return Item(m, "S", [e for e in entries if e.kind == "state"])
    if kind in ("igo", "group"):
        return Item(m, "O", [e for e in entries if e.kind in ("igo", "group")])
    if kind == "person":
        return Item(m, "P", [e for e in entries if e.kind == "person"])
    return Item(m, "R", [e for e in entries if e.kind == "role"])


def state_named_org(m: Mention, books: Codebooks) -> Item | None:
    """An organisation the codebooks do not know, named after its state ("Azerbaijan Airlines",
    "Lithuanian Parliament", "Baghdad University"): an organisation of that state."""
    words = m.text.split(" ")
    for n in range(min(3, len(words) - 1), 0, -1) if m.label == "ORG" else ():
        state = next((e for e in books.surfaces.get(" ".join(words[:n]), ()) if e.kind == "state"), None)
        if state is not None:
            return Item(m, "O", [Entry("group", m.text, state.code, ORG_HEADS.get(words[-1]), source="ner")])
    return None


def _role_state(role: Entry, books: Codebooks) -> Entry | None:
    """A role noun bound to one state ("Papst" -> VAT) names that state."""
    if not role.code:
        return None
    found = [e for e in books.surfaces.get(role.code, ()) if e.kind == "state"]
    return Entry(kind="state", name=role.code, code=role.code, sector=role.sector, source=role.source,
                 form="name") if not found else found[0]


#: English nouns after a nationality adjective that make the phrase a military actor ("Israeli tanks")
MILITARY_NOUNS = frozenset("""tanks helicopters jets warplanes planes aircraft artillery gunboats warships
militiamen gunmen fighters guerrillas rebels militants units navy air""".split())
_NEXT_WORD = re.compile(r"(?:-led)?\s([a-z]+)\b")


#: English heads of organisation names and the sector they imply (None: party or movement, the
#: sector depends on whether it governs)
ORG_HEADS = {"Union": "CVL", "Association": "CVL", "Federation": "CVL", "Confederation": "CVL",
             "Society": "CVL", "Congress": None, "Party": None, "Movement": None, "Front": None,
             "League": None, "Alliance": None, "Council": None, "Committee": None, "Chamber": "BUS"}
_ORG_NAME = re.compile(r" ((?:[A-Z][\w'’-]* ){0,3}?)(" + "|".join(ORG_HEADS) + r")\b")


def adjective_group(chain: list[Item], text: str) -> Resolution | None:
    """English: a nationality adjective before a plain noun names a group of that state ("Palestinian
    youths", "Israeli tanks", "Swiss doctors"): CVL, or MIL for weapons and fighters. Before an
    organisation name the codebooks do not know ("Nigerian Union of Teachers") it names that
    organisation of the state."""
    if len(chain) != 1 or chain[0].kind != "S" or chain[0].entries[0].form != "adjective":
        return None
    entry, m = chain[0].entries[0], chain[0].mention
    org = _ORG_NAME.match(text, m.end)
    if org is not None:
        name = text[m.start:org.end()]
        return Resolution(entry.code, ORG_HEADS[org.group(2)], None, name, "adjective+name")
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is None or not nxt.group(1).endswith("s") and nxt.group(1) not in MILITARY_NOUNS:
        return None  # a plural group, not "Israeli policy"
    sector = "MIL" if nxt.group(1) in MILITARY_NOUNS or text.startswith("-led", m.end) else "CVL"
    return Resolution(entry.code, sector, None, f"{entry.name} {nxt.group(1)}", "adjective+noun")


#: English role nouns that also modify a noun ("military intelligence", "opposition newspaper")
MODIFIER_ROLES = frozenset(["military", "opposition", "government", "police", "security", "army", "media"])
_VERBISH = frozenset("said says has have had is was were are will would could can may might must did does"
                     .split())


def modifier_role(chain: list[Item], text: str) -> bool:
    """English: a lone role noun used as a modifier of the next noun names no actor."""
    if len(chain) != 1 or chain[0].kind != "R" or chain[0].mention.text.lower() not in MODIFIER_ROLES:
        return False
    nxt = _NEXT_WORD.match(text, chain[0].mention.end)
    return nxt is not None and nxt.group(1) not in _VERBISH and not nxt.group(1).endswith("ed")


def chain_kinds(chain: list[Item]) -> set[str]:
    return {it.kind for it in chain}


def linked(a: Item, b: Item, text: str, chain: list[Item]) -> bool:
    """Whether mention b continues the actor phrase that ends with a."""
    gap = text[a.mention.end:b.mention.start]
    kinds = chain_kinds(chain)
    if gap in ("", " ", "-", "- "):
        if gap == " " and a.kind == "P":  # "verließ Stoltenberg Baku": a name ends its phrase ...
            return b.kind == "R" and a.mention.text.endswith("s")  # ... unless genitive: "Kerrys Sprecher"
        if gap == " " and b.kind == "P":
            return "R" in kinds  # a name continues a title, not a bare state: "Präsident Ilham Aliyev"
        return not (a.kind == b.kind == "S" and gap == " ")
    if b.kind == "R" and a.kind in "SOP" and POSSESSIVE_LINK.match(gap):
        return True  # "Poland's parliament", "Cairo's security chief"
    if b.kind == "O" and gap == " (" and text.startswith(")", b.mention.end):
        return True  # party or acronym in brackets: "Strache (FPÖ)"
    if a.kind == "O" and b.kind in "SO" and BODY.search(a.mention.text) and OWNER_LINK.match(gap):
        return True  # "Sicherheitsrat des afrikanischen Staatenbunds", "Security Council of the AU"
    if a.kind in "RP" and b.kind == "S" and "R" in kinds and gap in (" von ", " of "):
        return True  # "König Abdullah von Jordanien", "King Abdullah of Jordan"
    if a.kind == "R" and b.kind in "SO" and GENITIVE_LINK.match(gap):
        return True  # "Präsident der Republik Aserbaidschan", "Regierung in Ankara"
    if b.kind == "P" and gap == ", " and "R" in kinds and a.kind in "SO" and "P" not in kinds:
        return True  # "Präsident der Republik Aserbaidschan, Ilham Aliyev"
    if a.kind == "P" and b.kind in "RS" and APPOSITION_LINK.match(gap):
        return True  # "Ceyhun Bayramov, der Außenminister Aserbaidschans"
    if b.kind in "RO" and a.kind == "S" and a.entries[0].form == "adjective" and LOWER_WORDS.match(gap):
        return True  # "die österreichische und deutsche Polizei"
    if b.kind in "RO" and a.kind in "SO" and PARTICIPLE_LINK.match(gap):
        before = text[max(0, a.mention.start - 12):a.mention.start]
        return bool(BY_CUE.search(before))  # "die vom Iran unterstützten Houthi-Rebellen"
    return False


def link_chains(items: list[Item], text: str) -> list[list[Item]]:
    chains: list[list[Item]] = []
    for item in items:
        if chains and linked(chains[-1][-1], item, text, chains[-1]):
            chains[-1].append(item)
        else:
            chains.append([item])
    return chains


def pick_entry(entries: list[Entry], date: str | None, focus: str | None) -> Entry | None:
    """The row of the right entity (the one of the article's main state when a name is ambiguous)."""
    if not entries:
        return None
    names = list(dict.fromkeys(e.name for e in entries))
    if len(names) > 1:
        local = [n for n in names if any(e.code == focus for e in entries if e.name == n)]
        names = local or names
    return pick_row([e for e in entries if e.name == names[0]], date)


def resolve_chain(chain: list[Item], date: str | None, focus: str | None,
                  books: Codebooks) -> Resolution | None:
    persons = [it for it in chain if it.kind == "P"]
    roles = [it for it in chain if it.kind == "R" and it.entries]
    orgs = [it for i, it in enumerate(chain) if it.kind == "O" and not (
        BODY.search(it.mention.text) and any(o.kind in "SO" for o in chain[i + 1:]))]
    states = [it for it in chain if it.kind == "S"]
    role = roles[-1].entries[0] if roles else None
    role_cues = [it.cue for it in roles if it.cue is not None]
    person = persons[-1] if persons else None
    known = pick_row(person.entries, date) if person and person.entries else None
    name = person.mention.text if person else None
    if orgs:
        cue = pick_entry(orgs[0].entries, date, focus)
        evidence = "party" if cue.role == "party" else ("title+org" if role else "org")
    elif states:
        cue = states[0].entries[0]
        if not role and not person and cue.form == "adjective":
            return None  # "aserbaidschanisch" alone names no actor
        evidence = ("title+adjective" if cue.form == "adjective" else "title+state") if role else "state"
    elif role_cues:
        cue = role_cues[0]
        evidence = "title+compound"
    elif known is not None:
        return Resolution(known.code, sector_of(role, known, None) or known.sector, _role(role) or known.role,
                          known.name, f"codebook:{known.source}")
    else:
        return None
    sector = sector_of(role, known, cue)
    label = name or (f"{cue.name} {role.role}" if role else cue.name)
    if states and not role and not person and cue.form == "demonym":
        sector = "CVL"
    return Resolution(cue.code, sector, _role(role) or (known.role if known else None), label, evidence)


def _role(role: Entry | None) -> str | None:
    return role.role if role else None


def sector_of(role: Entry | None, known: Entry | None, cue: Entry | None) -> str | None:
    """Sector of a phrase: the role noun's, adjusted by the organisation or party it belongs to."""
    if cue is not None and cue.kind == "igo":
        return "MIL" if role and role.sector == "MIL" else cue.sector
    if role is not None and role.sector:
        if cue is not None and cue.kind == "group" and role.sector not in OFFICE_SECTORS:
            return cue.sector  # a party's deputy or whip sides with the party (GOV or OPP)
        return role.sector
    if known is not None and known.sector:
        return known.sector
    if cue is not None:
        return cue.sector if cue.kind != "state" or cue.form != "demonym" else "CVL"
    return None


#: titles of monarchs: the given name finds them in the codebooks ("König Abdullah"), and the state
#: named in their sentence is theirs even after "in" ("traf in Jordanien König Abdullah")
ROYAL_ROLES = frozenset({"king", "queen", "emir", "sheikh", "crown_prince", "sultan"})
#: evidence that a phrase named its state itself; a later bare role of the same kind refers back to it
EXPLICIT = ("title+", "codebook", "taught", "party", "name+title")


def titled(chain: list[Item], k: int, taught: dict[str, Resolution], scene: Scene) -> Resolution | None:
    """A title with no state in its phrase: the person as the article taught it, else the holder of
    that office on the date the codebooks list under this given name (royal titles) or surname, else
    the state of its context (:func:`role_in_context`)."""
    persons = [it for it in chain if it.kind == "P"]
    if persons:
        known = recall_person(persons[-1], taught, None) or person_by_name_part(chain, persons[-1], scene)
        if known is not None:
            return known
    return role_in_context(chain, k, scene)


def person_by_name_part(chain: list[Item], person: Item, scene: Scene) -> Resolution | None:
    """"Präsident Obama", "König Abdullah II": the codebooks list the full name only. The one office
    holder on the article's date with that surname (given name for a monarch) decides; between two,
    the one whose state the sentence names."""
    role = next((it.entries[0] for it in reversed(chain) if it.kind == "R" and it.entries), None)
    words = person.mention.text.split()
    if len(ROMAN.sub("", person.mention.text).split()) > 1:
        return None  # a full name the codebooks lack is someone else ("Iain Duncan Smith")
    royal = role is not None and role.role in ROYAL_ROLES
    rows = [e for e in name_parts(scene.books).get(words[0], ())
            if in_office(e, scene.date) and (not royal or e.role in ("head_of_state", "crown_prince"))]
    codes = {e.code for e in rows}
    if len(codes) > 1:
        codes &= set(sentence_states(scene, chain[0].mention.start, everywhere=True))
    if len(codes) != 1:
        return None
    row = next(e for e in rows if e.code in codes)
    return Resolution(row.code, sector_of(role, row, None) or row.sector, _role(role) or row.role,
                      person.mention.text, "name+title" if role else "name")


def in_office(entry: Entry, date: str | None) -> bool:
    """Whether the row covers ``date``; without a date every row does (the name must then be unique)."""
    if date is None:
        return True
    day = _day(date)
    return _day(entry.start or "0000") <= day and (entry.end is None or day <= _day(entry.end))


def _day(date: str) -> str:
    return date[:10] + {4: "-07-01", 7: "-15"}.get(len(date), "")  # a partial date counts as its middle


#: per codebooks object (kept, so that its id stays its own): name word -> person rows
_NAME_PARTS: dict[int, tuple[Codebooks, dict[str, list[Entry]]]] = {}
#: words of a codebook alias that are no part of the name ("Lady Ashton", "Sheikh Tamim")
HONORIFICS = frozenset("Lady Lord Sir Dame Baroness Baron King Queen Prince Princess Sheikh Scheich Emir "
                       "König Königin Prinz Kronprinz Crown Sultan President Präsident General Ayatollah Imam"
                       .split())


def name_parts(books: Codebooks) -> dict[str, list[Entry]]:
    """First and last words of the codebook persons' names -> their rows (built once per codebooks)."""
    cached = _NAME_PARTS.get(id(books))
    if cached is None or cached[0] is not books:
        index: dict[str, list[Entry]] = {}
        for surface, entries in books.surfaces.items():
            words = [w for w in surface.split() if w[:1].isupper() and len(w) > 2]
            words = [w for w in words if w not in HONORIFICS]
            people = [e for e in entries if e.kind == "person"]
            if len(surface.split()) < 2 or not words or not people:
                continue
            for word in {words[0], words[-1]}:
                if not any(e.kind != "person" for e in books.surfaces.get(word, ())):
                    bucket = index.setdefault(word, [])
                    bucket.extend(e for e in people if e not in bucket)
        cached = _NAME_PARTS[id(books)] = (books, index)
    return cached[1]


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


def role_in_context(chain: list[Item], k: int, scene: Scene) -> Resolution | None:
    """A role noun without a state: the state named before it in its sentence (a monarch's: anywhere
    in it), else the state of the last phrase with the same role that named its state ("der König"
    after "Jordaniens König"), else the article's main state."""
    roles = [it.entries[0] for it in chain if it.kind == "R" and it.entries]
    role = roles[-1] if roles else None
    if role is None or not role.sector:
        return None  # "der Vorsitzende" of what? no sector, no code
    persons = [it.mention.text for it in chain if it.kind == "P"]
    pos = chain[0].mention.start
    code, evidence = next(iter(sentence_states(scene, pos)), None), "role+sentence"
    if code is None and persons and role.role in ROYAL_ROLES:
        code = next(iter(sentence_states(scene, pos, everywhere=True)), None)
    if code is None:
        code, evidence = earlier_role(role, k, scene), "role+article"
    if code is None:
        code, evidence = scene.focus, "role+focus"
    if code is None:
        return None
    name = persons[-1] if persons else f"{code} {role.role}"
    return Resolution(code, role.sector, role.role, name, evidence)


def earlier_role(role: Entry, k: int, scene: Scene) -> str | None:
    """The state of the last phrase before chain ``k`` with the same role that named it (a monarch's
    sentence names it too: there is one king per state)."""
    for res in reversed(scene.found[:k]):
        if res is None or res.role != role.role:
            continue
        if res.evidence.startswith(EXPLICIT) or res.role in ROYAL_ROLES and res.evidence == "role+sentence":
            return res.code
    return None


def teach(chain: list[Item], res: Resolution, taught: dict[str, Resolution]) -> None:
    """Remember the person of a resolved phrase under its full name and its surname."""
    for item in chain:
        if item.kind != "P":
            continue
        full = item.mention.text
        learned = Resolution(res.code, res.sector, res.role, full, "taught" if not res.evidence.startswith(
            "codebook") else res.evidence)
        for key in (full, full.rsplit(" ", 1)[-1]):
            current = taught.get(key)
            if current is None or len(current.name) < len(full):
                taught[key] = learned


def recall_person(item: Item, taught: dict[str, Resolution], focus: str | None) -> Resolution | None:
    text = item.mention.text
    for key in (text, text.rsplit(" ", 1)[-1], text[:-1] if text.endswith("s") else None):
        if key and key in taught:
            return taught[key]
    if focus is None:
        return None
    return Resolution(focus, None, None, text, "person+focus")


def after_preposition(chain: list[Item], text: str) -> bool:
    """A lone state name or capital after a locative preposition is more likely a place."""
    if len(chain) != 1 or chain[0].kind != "S" or chain[0].entries[0].form == "demonym":
        return False
    start = chain[0].mention.start
    return bool(LOCATIVE.search(text[max(0, start - 16):start]))


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
