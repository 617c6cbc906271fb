"""Actor phrases resolved to coded actors as of the article's date: codebook entry, person, office.

Reads a chain of classified mentions (:class:`~eventwire.stages.actors.chains.Item`), the
``published`` date, the article's main state and the codebooks (persons with their dated offices,
organisations and parties, role nouns); returns a :class:`~eventwire.stages.actors.chains.Resolution`
(code, sector, role, name, evidence) or None. Steps 1-5 of :mod:`eventwire.stages.actors`: explicit
cues in the phrase (:func:`resolve_chain`), persons the article taught (:func:`teach`,
:func:`recall_person`), the office holder by surname or a monarch's given name
(:func:`person_by_name_part`), a role noun by its context (:func:`role_in_context`).
"""

from __future__ import annotations

from ...codebooks import Codebooks, Entry, pick_row
from .chains import BODY, ROMAN, Item, Resolution
from .scene import Scene, sentence_states

#: role sectors that the state or party of a person does not override
OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})


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
