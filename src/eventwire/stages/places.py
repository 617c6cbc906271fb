"""Places stage: the article's place mentions and dateline, geocoded.

Reads ``text``, ``language``, ``mentions`` (those labelled LOC or GPE), ``dateline`` and, when an earlier
stage filled them, ``actors`` (their state codes are the article's context countries); writes ``places``
(Place list in text order: name, ISO3 country, coordinates, GeoNames id). Place names in the dateline
count too: the ``dateline`` field ("Brüssel, 14. Dezember, AZERTAC") and a dateline opening one of the
first sentences ("Wien/Berlin – ...", "Brüssel (AFP) - ..."), and names after a locative preposition
that no mention covers ("in Graz", "nahe der Stadt Aleppo", "im Norden Syriens"). A mention that is no
known place is left out, as are mentions of other labels. No drop reasons.

:func:`sentence_place` gives the event coder the place of one event (its trigger or whole sentence),
leaving out the spans of the event's actors and recipients.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from ..geo import candidates, country_of, geocode
from ..model import Article, Place

PLACE_LABELS = frozenset({"LOC", "GPE"})
_STATE = re.compile(r"[A-Z]{3}")
_NAME = r"[A-ZÄÖÜ][\w.'’\-]*(?:\s+(?:am\s+|an\s+der\s+|de\s+|al-)?[A-ZÄÖÜ][\w.'’\-]*){0,2}"
# "Wien/Berlin – ", "Brüssel (AFP) - ", "KIEW, 3. März (Reuters) - ": a dateline opening a sentence
_TEXT_DATELINE = re.compile(rf"({_NAME}(?:\s*/\s*{_NAME})*)(?:,[^–—\-\n]{{1,30}})?(?:\s*\([^)\n]{{1,25}}\))?"
                            r"\s+[–—-]\s+")
_DATELINE_PART = re.compile(r"[^,/;()]+")
# a place after one of these is where something happened ("in Brüssel", "nahe der Stadt Aleppo")
_LOCATIVE = re.compile(r"\b(?:in|im|nahe|bei|beim|vor|auf|aus|nach|near|at|outside|inside|from|"
                       r"nördlich|südlich|östlich|westlich|(?:north|south|east|west) of)\s+(?:\S+\s+){0,3}$",
                       re.IGNORECASE)


def context_countries(article: Article, lang: str) -> set[str]:
    """The states an article is about: its actors' state codes and the countries it names."""
    states = {a.code for a in article.actors if a.code and _STATE.fullmatch(a.code)}
    for mention in article.mentions:
        if mention.label in PLACE_LABELS:
            code = country_of(mention.text, lang)
            if code:
                states.add(code)
    return states


def _place(start: int, end: int, surface: str, hit: dict) -> Place:
    return Place(start, end, surface, hit["name"], hit["country"], hit["lat"], hit["lon"], hit["geonameid"])


def _dateline_field_places(article: Article, lang: str, context: Iterable[str]) -> list[Place]:
    """Places named in the ``dateline`` field, before its date; spans into the text when it is there."""
    dateline = article.dateline or ""
    offset = article.text.find(dateline) if dateline else -1
    places = []
    for m in _DATELINE_PART.finditer(dateline):
        if any(c.isdigit() for c in m.group(0)):
            break  # the date: what follows is the agency
        surface = m.group(0).strip()
        hit = geocode(surface, lang, context) if surface else None
        if hit is None:
            continue
        start = m.start() + m.group(0).index(surface)
        if offset >= 0:
            places.append(_place(offset + start, offset + start + len(surface), surface, hit))
        else:  # not in the text: an empty span at its start
            places.append(_place(0, 0, surface, hit))
    return places


def _text_dateline_places(article: Article, lang: str, context: Iterable[str]) -> list[Place]:
    """Places of a dateline opening one of the first three sentences ("Wien/Berlin – ...")."""
    for s_start, s_end in article.sentences[:3]:
        m = _TEXT_DATELINE.match(article.text, s_start, s_end)
        if m is None:
            continue
        places = []
        for part in re.finditer(r"[^/]+", m.group(1)):
            surface = part.group(0).strip()
            hit = geocode(surface, lang, context)
            if hit is None:
                break
            start = m.start(1) + part.start() + part.group(0).index(surface)
            places.append(_place(start, start + len(surface), surface, hit))
        else:
            return places
    return []


def dateline_places(article: Article, context: Iterable[str] = ()) -> list[Place]:
    """The places of the article's dateline (the field first, else one opening the text)."""
    lang = article.language or "de"
    return _dateline_field_places(article, lang, context) or _text_dateline_places(article, lang, context)


# a name after a locative preposition, possibly after a place noun: "in Graz", "nahe der Stadt Raqqa",
# "in der Nähe von Sabratha", "im Norden Syriens", "near the town of Jenin"
_PLACE_NOUN = (r"(?P<noun>(?:Stadt|Hauptstadt|Grenzstadt|Küstenstadt|Provinz|Region|Ortschaft|Ort|Dorf|"
               r"Bezirk|Gemeinde|(?:Nord|Süd)?(?:Nord|Süd|Ost|West)en|city|town|village|province|region|district)"
               r"\s+(?:of\s+|von\s+)?)?")
_LOCATED_NAME = re.compile(r"\b(?:[Ii]n|[Ii]m|nahe|[Bb]ei|nach|aus|near|at|outside|[Ii]n der Nähe von|"
                           r"(?:nördlich|südlich|östlich|westlich|north|south|east|west) (?:von|of))\s+"
                           r"(?P<det>der |dem |den |des |the )?" + _PLACE_NOUN +
                           r"(?P<name>[A-ZÄÖÜ][\w'’]+(?:[ -][A-ZÄÖÜ][\w'’]+){0,2})")
#: capitalised words after "in" that are times, not places
_NOT_PLACES = frozenset("""Januar Jänner Februar März April Mai Juni Juli August September Oktober November
Dezember January February March May June July October December Montag Dienstag Mittwoch Donnerstag Freitag
Samstag Sonntag Monday Tuesday Wednesday Thursday Friday Saturday Sunday Afrika Africa Europa Europe Asien
Asia""".split())  # noqa: SIM905 (a word list reads better as text)


def _located_hit(m: re.Match, start: int, end: int, text: str, lang: str,
                 context: Iterable[str]) -> dict | None:
    """The place of ``text[start:end]`` after a locative, if it is one: months, weekdays, continents,
    short acronyms and (after an article) cities are not."""
    surface = text[start:end]
    if surface in _NOT_PLACES or (surface.isupper() and len(surface) <= 3):
        return None
    hit = geocode(surface, lang, context)
    # a city takes no article: "in der Lage", "im Rest Europas" are nouns ("im Norden X" names X)
    nominal = (m.group("det") or m.group(0)[:2].lower() == "im") and not m.group("noun")
    if hit is None or hit["kind"] != "city" or country_of(surface, lang):
        return hit
    if nominal:
        return None
    # a city found only by an alternate name ("Africa" is one of Mahdia's) must be in the story's countries
    own = any(e.primary and e.country == hit["country"] for e in candidates(surface, lang)[0])
    return hit if own or hit["country"] in set(context) else None


def located_names(article: Article, lang: str, context: Iterable[str]) -> list[Place]:
    """Places named after a locative preposition that no mention covers ("in Graz", "nahe Raqqa"):
    the codebook mentions know only states and capitals. The longest name the gazetteers know wins."""
    taken = [(m.start, m.end) for m in article.mentions]
    out = []
    for m in _LOCATED_NAME.finditer(article.text):
        words = list(re.finditer(r"[^ -]+", m.group("name")))
        for last in range(len(words) - 1, -1, -1):
            start, end = m.start("name"), m.start("name") + words[last].end()
            if any(s < end and start < e for s, e in taken):
                continue
            hit = _located_hit(m, start, end, article.text, lang, context)
            if hit is not None:
                out.append(_place(start, end, article.text[start:end], hit))
                break
    return out


class Places:
    name = "places"
    requires = ("text", "mentions", "sentences")
    provides = ("places",)

    def __call__(self, article: Article, ctx) -> Article:
        lang = article.language or "de"
        context = context_countries(article, lang)
        places: list[Place] = []
        for mention in article.mentions:
            if mention.label in PLACE_LABELS:
                hit = geocode(mention.text, lang, context)
                if hit is not None:
                    places.append(_place(mention.start, mention.end, mention.text, hit))
        places += located_names(article, lang, context)
        taken = [(p.start, p.end) for p in places]
        for place in dateline_places(article, context):
            in_text = place.end > place.start
            if in_text and not any(s < place.end and place.start < e for s, e in taken):
                places.append(place)
        places.sort(key=lambda p: (p.start, p.end))
        article.places = places
        return article


def _sentence_of(article: Article, start: int) -> tuple[int, int] | None:
    i = bisect_right([s for s, _ in article.sentences], start) - 1
    return article.sentences[i] if i >= 0 and start < article.sentences[i][1] else None


def _acting(article: Article, place: Place) -> bool:
    """A capital the actors stage read as its state acting ("Pyongyang rejected ..."): no location.
    One leading a compound names where ("Gaza-Krieg")."""
    if article.text.startswith("-", place.end):
        return False
    return any(a.start <= place.start and place.end <= a.end and a.evidence == "state" and a.code
               for a in article.actors)


def _excluded(place: Place, exclude: Iterable[tuple[int, int]]) -> bool:
    return any(s < place.end and place.start < e for s, e in exclude)


def sentence_place(article: Article, start: int, end: int,
                   exclude: Iterable[tuple[int, int]] = ()) -> Place | None:
    """Where the event at [start, end) happens (its trigger, or its whole sentence).

    A place of the sentence named as a location ("in Brüssel"), or one that is neither a bare country
    nor a capital standing for its state (both are more often actors: "Russland kritisierte ...",
    "Pyongyang rejected ..."), nearest to the span; places inside ``exclude`` (the spans of the event's
    actors and recipients: "Both governments urged Pyongyang" is not in Pyongyang) never. Else the
    dateline's place; else None."""
    sentence = _sentence_of(article, start) or (start, end)
    lang = article.language or "de"
    exclude = list(exclude)
    best, best_key = None, None
    for place in article.places:
        if not (sentence[0] <= place.start and place.end <= sentence[1]) or _excluded(place, exclude):
            continue
        locative = bool(_LOCATIVE.search(article.text, max(sentence[0], place.start - 40), place.start))
        if not locative and (country_of(place.text, lang) or _acting(article, place)):
            continue
        gap = start - place.end if place.end <= start else max(0, place.start - end)
        key = (locative, -gap)
        if best_key is None or key > best_key:
            best, best_key = place, key
    if best is not None:
        return best
    found = dateline_places(article)
    return found[0] if found else None
