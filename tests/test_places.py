"""Places: geocoding names (exonyms, inflection, countries, ambiguity) and the Places stage."""

from __future__ import annotations

import pytest

from eventwire.geo import country_of, geocode
from eventwire.model import ActorRef, Article, Mention
from eventwire.stages.places import Places, dateline_places, sentence_place
from eventwire.stages.sentences import split_sentences


@pytest.mark.parametrize(("name", "english", "country"), [
    ("Brüssel", "Brussels", "BEL"), ("Genf", "Geneva", "CHE"), ("Moskau", "Moscow", "RUS"),
    ("Kiew", "Kyiv", "UKR"), ("Kyjiw", "Kyiv", "UKR"), ("Peking", "Beijing", "CHN"),
    ("Den Haag", "The Hague", "NLD"), ("Moskaus", "Moscow", "RUS"), ("in Brüssel", "Brussels", "BEL"),
    ("Zurich", "Zürich", "CHE"), ("Straßburg", "Strasbourg", "FRA"),
])
def test_exonyms_and_inflection(name, english, country):
    place = geocode(name, "de")
    assert place is not None and (place["name"], place["country"]) == (english, country)


def test_brussels_coordinates():
    place = geocode("Brüssel", "de")
    assert place["lat"] == pytest.approx(50.85, abs=0.01) and place["lon"] == pytest.approx(4.35, abs=0.01)


def test_country_names_give_the_country_at_its_capital():
    usa = geocode("USA", "de")
    assert (usa["kind"], usa["country"]) == ("country", "USA")
    assert usa["lat"] == pytest.approx(38.9, abs=0.1)  # Washington, not a place called "USA"
    assert geocode("Deutschlands", "de")["country"] == "DEU"
    assert geocode("Russia's", "en")["country"] == "RUS"
    assert geocode("Kosovo", "de")["country"] == "XKX"
    assert country_of("der Türkei", "de") == "TUR" and country_of("Brüssel", "de") is None


def test_ambiguous_names_follow_the_context():
    assert geocode("Paris", "de")["country"] == "FRA"
    assert geocode("Paris", "en", ["USA"])["country"] == "USA"
    assert geocode("Tripolis", "de")["country"] == "LBY"
    assert geocode("Tripolis", "de", {"LBN"})["country"] == "LBN"
    assert geocode("Alexandria", "en", ["USA"])["country"] == "USA"


def test_regions_and_unknown_names():
    assert geocode("Krim", "de")["country"] == "UKR"
    north = geocode("Nordirak", "de")
    assert (north["country"], north["kind"], north["lat"]) == ("IRQ", "region", None)
    assert geocode("Gazastreifen", "de")["country"] == "PSE"
    assert geocode("Quatschhausen", "de") is None


def _article(text: str, places: list[str], **kw) -> Article:
    mentions = []
    for name in places:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "LOC"))
    article = Article(id="t", uri="test:", text=text, language=kw.pop("language", "de"), **kw)
    article.sentences = split_sentences(text)
    article.mentions = mentions
    return article


def test_stage_geocodes_mentions_with_spans_inside_the_text():
    text = "Der Präsident reiste nach Moskau. In Genf sprach die Ministerin mit Vertretern aus Kiew."
    article = Places()(_article(text, ["Moskau", "Genf", "Kiew"]), None)
    assert [(p.text, p.country) for p in article.places] == [("Moskau", "RUS"), ("Genf", "CHE"),
                                                            ("Kiew", "UKR")]
    assert all(text[p.start:p.end] == p.text for p in article.places)


def test_stage_uses_the_countries_of_the_article_as_context():
    text = "Der Gouverneur von Texas besuchte Paris, eine Kleinstadt in den USA."
    article = Places()(_article(text, ["Texas", "Paris", "USA"]), None)
    assert next(p for p in article.places if p.text == "Paris").country == "USA"
    article = Places()(_article("Die Ministerin landete in Paris.", ["Paris"]), None)
    assert article.places[0].country == "FRA"
    article = _article("Die Konferenz in Tripolis endete.", ["Tripolis"])
    article.actors = [ActorRef(0, 3, "Die", "Libanon", "LBN", "GOV")]
    assert Places()(article, None).places[0].country == "LBN"


def test_dateline_places_in_field_and_text():
    text = "Treffen im Hauptquartier\nBrüssel, 14. Dezember, AZERTAC\nDer Präsident traf den Generalsekretär."
    article = _article(text, [], dateline="Brüssel, 14. Dezember, AZERTAC")
    places = Places()(article, None).places
    assert [(p.name, p.country) for p in places] == [("Brussels", "BEL")]
    assert text[places[0].start:places[0].end] == "Brüssel"
    text = "Kanzlerwechsel ist Thema. Wien/Berlin – Die Präsidenten trafen sich zu Gesprächen."
    found = dateline_places(_article(text, []))
    assert [p.country for p in found] == ["AUT", "DEU"]
    assert dateline_places(_article("Die Regierung – so hieß es – schwieg.", [])) == []


def test_sentence_place_prefers_a_location_then_the_dateline():
    text = ("Brüssel, 14. Dezember\nRussland kritisierte die Ukraine scharf. "
            "Die Außenminister trafen sich in Genf zu Gesprächen.")
    article = Places()(_article(text, ["Russland", "Ukraine", "Genf"], dateline="Brüssel, 14. Dezember"),
                       None)
    meet = text.index("trafen")
    assert sentence_place(article, meet, meet + 6).text == "Genf"
    crit = text.index("kritisierte")
    assert sentence_place(article, crit, crit + 11).country == "BEL"  # countries as actors are no location


def test_sentence_place_leaves_out_the_event_s_actors_and_recipients():
    text = ("Seoul, 3. Mai\nSüdkorea und Japan hielten Gespräche ab. "
            "Beide Regierungen forderten Pjöngjang auf, an den Verhandlungstisch zurückzukehren.")
    article = Places()(_article(text, ["Pjöngjang"], dateline="Seoul, 3. Mai"), None)
    urge = text.index("forderten")
    pyongyang = text.index("Pjöngjang")
    assert sentence_place(article, urge, urge + 9).text == "Pjöngjang"  # the old call: the nearest place
    recipient = [(pyongyang, pyongyang + len("Pjöngjang"))]
    assert sentence_place(article, urge, urge + 9, exclude=recipient).country == "KOR"  # the dateline
    only = "Beide Regierungen forderten Pjöngjang zur Rückkehr auf."
    article = Places()(_article(only, ["Pjöngjang"]), None)
    assert sentence_place(article, 18, 27, exclude=[(28, 37)]) is None


def test_a_capital_standing_for_its_state_is_no_location():
    text = "Pyongyang rejected the demand of the Gaza-based group in Geneva."
    article = _article(text, ["Pyongyang", "Gaza", "Geneva"], language="en")
    article.actors = [ActorRef(0, 9, "Pyongyang", "North Korea", "PRK", "GOV", None, "state")]
    article = Places()(article, None)
    assert sentence_place(article, 10, 18).text == "Geneva"
    article.places = [p for p in article.places if p.text != "Geneva"]
    assert sentence_place(article, 10, 18).text == "Gaza"  # a compound names where, not who


def test_places_after_a_locative_preposition_without_a_mention():
    text = ("Bei Protesten in Graz und nahe der Stadt Aleppo sowie im Norden Syriens gab es Verletzte. "
            "Die Lage in der Region blieb angespannt, in Kraft ist nun eine Ausgangssperre.")
    places = Places()(_article(text, []), None).places
    found = {(p.text, p.country) for p in places}
    assert {("Graz", "AUT"), ("Aleppo", "SYR"), ("Syriens", "SYR")} <= found
    assert not any(p.text in ("Lage", "Region", "Kraft", "Norden") for p in places)


def test_a_compass_word_is_no_locative_in_a_country_name():
    text = "South Korea and Japan held talks in Seoul on Monday."
    article = Places()(_article(text, ["South Korea", "Japan", "Seoul"], language="en"), None)
    assert sentence_place(article, 0, len(text)).text == "Seoul"
