"""Actor phrases: mentions classified by what the codebooks say of them, linked into phrases.

Reads the article's ``mentions`` and ``text`` and the codebooks; returns :class:`Item` (a mention with
its kind and codebook entries) and the chains of items that form one actor phrase (:func:`link_chains`),
and the English readings of a phrase the codebooks do not decide: a nationality adjective before a
plural noun or an unknown organisation name (:func:`adjective_group`), a role noun that modifies the
next noun (:func:`modifier_role`). :func:`after_preposition` tells a state named as a place.
:class:`Resolution` is what a step of the stage decides for a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...codebooks import Codebooks, Entry
from ...model import Mention

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


def after_preposition(chain: list[Item], text: str) -> bool:
    """A lone state name or capital after a locative preposition is more likely a place."""
    if len(chain) != 1 or chain[0].kind != "S" or chain[0].entries[0].form == "demonym":
        return False
    start = chain[0].mention.start
    return bool(LOCATIVE.search(text[max(0, start - 16):start]))
