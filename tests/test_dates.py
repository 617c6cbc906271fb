"""Dates: expressions found, resolved against the article date, datelines, inferred years, the stage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.dates import dateline_date, find_dates, infer_year
from eventwire.model import Article
from eventwire.stages.dates import Dates, sentence_date
from eventwire.stages.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _values(text: str, lang: str, reference: str | None) -> dict[str, tuple[str, str, str]]:
    return {d.text: (d.value, d.precision, d.method) for d in find_dates(text, lang, reference)}


def test_weekday_is_the_latest_such_day_on_or_before_the_reference():
    # 2021-12-16 is a Thursday
    found = _values("Der Außenminister reiste am Dienstag nach Wien.", "de", "2021-12-16")
    assert found["am Dienstag"] == ("2021-12-14", "day", "weekday")
    found = _values("Die Ministerin sprach am Donnerstagabend vor der Presse.", "de", "2021-12-16")
    assert found["am Donnerstagabend"][0] == "2021-12-16"
    found = _values("The minister resigned on Tuesday.", "en", "2021-12-16")
    assert found["on Tuesday"] == ("2021-12-14", "day", "weekday")


def test_weekday_in_a_future_clause_looks_ahead():
    found = _values("Der Gipfel wird am Montag in Genf beginnen.", "de", "2021-12-16")
    assert found["am Montag"][0] == "2021-12-20"
    found = _values("The talks will resume next Friday.", "en", "2021-12-16")
    assert found["next Friday"][0] == "2021-12-17"


def test_explicit_dates_in_both_languages():
    de = _values("Am 14. Dezember 2021 und am 3.5.2019 sowie Ende August 2021 kam es zu Gesprächen.", "de",
                 None)
    assert de["Am 14. Dezember 2021"] == ("2021-12-14", "day", "explicit")
    assert de["am 3.5.2019"] == ("2019-05-03", "day", "explicit")
    assert de["Ende August 2021"] == ("2021-08", "month", "explicit")
    en = _values("On December 14, 2021 the envoys met; on 5 November 2020 they had spoken.", "en", None)
    assert en["On December 14, 2021"][0] == "2021-12-14"
    assert en["on 5 November 2020"][0] == "2020-11-05"


def test_partial_dates_take_the_nearest_year_of_the_reference():
    found = _values("Die Wahl fand am 3. März statt, die Koalition hielt bis im November.", "de",
                    "2021-12-16")
    assert found["am 3. März"] == ("2021-03-03", "day", "explicit+ref_year")
    found = _values("Die Proteste begannen am 28. Dezember.", "de", "2022-01-05")
    assert found["am 28. Dezember"][0] == "2021-12-28"
    found = _values("Im vergangenen April trat er zurück.", "de", "2016-03-10")
    assert found["Im vergangenen April"] == ("2015-04", "month", "relative")


def test_relative_expressions():
    text = ("Gestern wurde verhandelt, vor zwei Wochen gestritten, vergangene Woche geschwiegen. "
            "In diesem Jahr gab es Wahlen, im vergangenen Jahr keine, im Jahr 2015 auch nicht.")
    found = _values(text, "de", "2021-12-16")
    assert found["Gestern"] == ("2021-12-15", "day", "relative")
    assert found["vor zwei Wochen"] == ("2021-12-02", "day", "relative")
    assert found["vergangene Woche"] == ("2021-12", "month", "relative")
    assert found["In diesem Jahr"] == ("2021", "year", "relative")
    assert found["im vergangenen Jahr"] == ("2020", "year", "relative")
    assert found["im Jahr 2015"] == ("2015", "year", "explicit")
    en = _values("Yesterday the party said that last year was hard and that this year is better.", "en",
                 "2005-03-10")
    assert (en["Yesterday"][0] == "2005-03-09" and en["last year"][0] == "2004"
            and en["this year"][0] == "2005")


def test_relative_dates_are_never_finer_than_the_reference():
    found = _values("Gestern traf er den Kanzler.", "de", "2021-12")
    assert found["Gestern"] == ("2021-12", "month", "relative")
    assert find_dates("Gestern traf er den Kanzler.", "de", None) == []


def test_counts_are_not_years():
    found = _values("Rund 2000 Menschen flohen, 1500 Soldaten blieben, seit 1994 ist das Land Partner.", "de",
                    None)
    assert list(found) == ["seit 1994"]


def test_spans_point_into_the_text():
    text = ("Am Dienstag, 14. Dezember, sagte er in Brüssel, dass Ende August 2021 "
            "die letzten Truppen abzogen.")
    dates = find_dates(text, "de", "2021-12-16")
    assert dates and all(text[d.start:d.end] == d.text for d in dates)
    assert [d.start for d in dates] == sorted(d.start for d in dates)


def test_dateline_year_from_the_text():
    text = "Die Soldaten waren von 2002 bis Ende August 2021 im Einsatz, sagte der Präsident."
    assert dateline_date("Brüssel, 14. Dezember, AZERTAC", text, None) == (
        "2021-12-14", "day", "dateline+text_year")
    # a dateline month earlier in the year than the latest text date is in the year after
    assert dateline_date("Brüssel, 14. Januar", text, None)[0] == "2022-01-14"
    assert dateline_date("Brüssel, 14. Dezember", "Keine Jahreszahl hier.", "2020") == (
        "2020-12-14", "day", "dateline+input_year")
    assert dateline_date("Wien/Berlin", text, "2020") is None
    assert dateline_date("LONDON, Dec 14 (Reuters)", "The vote in September 2004 failed.", None)[0] == (
        "2004-12-14")


def test_infer_year_from_anniversaries_and_numbered_events():
    text = ("Der Minister würdigte in diesem Jahr den 30. Jahrestag der Partnerschaft für den Frieden "
            "und lud zur COP29 ein.")
    year, evidence = infer_year(text, "de")
    assert year == 2024 and "1994" in evidence
    assert infer_year("Das Programm Partnerschaft für den Frieden feiert "
                      "sein 30-jähriges Jubiläum.", "de")[0] == 2024
    assert infer_year("Die Delegation reiste zur COP28 nach Dubai.", "de")[0] == 2023
    assert infer_year("The alliance marks the 70th anniversary of NATO this year.", "en")[0] == 2019
    assert infer_year("Er wurde zu 30 Jahre Haft verurteilt, die NATO schwieg.", "de") is None
    assert infer_year("Der Minister sprach über Landwirtschaft.", "de") is None
    # "this year" doubles an anniversary's weight (it beats the G20 summit of 2017); "ungeheuer" is
    # not "heuer", and number words before "-jährig" count like digits
    both = "der 50. Jahrestag der NATO und der G20-Gipfel in Hamburg."
    assert infer_year(f"Heuer: {both}", "de")[0] == 1999
    assert infer_year(f"Ein ungeheuer wichtiger Tag: {both}", "de")[0] == 2017
    assert infer_year("Die NATO feiert ihr fünfzigjähriges Jubiläum.", "de")[0] == 1999
    assert infer_year("Die NATO feiert ihr fünfundsiebzigjähriges Jubiläum.", "de")[0] == 2024


def _article(text: str, **kw) -> Article:
    article = Article(id="t", uri="test:", text=text, language=kw.pop("language", "de"), **kw)
    article.sentences = split_sentences(text)
    return article


def test_stage_sets_a_missing_published_from_the_dateline():
    text = ("Brüssel, 14. Dezember\nDer Präsident traf heute den Generalsekretär. "
            "Die Truppen waren bis Ende August 2021 im Land.")
    article = Dates()(_article(text, dateline="Brüssel, 14. Dezember"), None)
    assert (article.published, article.published_precision, article.published_method) == (
        "2021-12-14", "day", "dateline+text_year")
    heute = next(d for d in article.dates if d.text == "heute")
    assert heute.value == "2021-12-14"


def test_stage_infers_a_year_without_dateline():
    text = ("Der Außenminister empfing in diesem Jahr Gäste zum 30. Jahrestag "
            "der Partnerschaft für den Frieden.")
    article = Dates()(_article(text), None)
    assert (article.published, article.published_precision, article.published_method) == (
        "2024", "year", "inferred")


def test_stage_keeps_a_given_date():
    article = Dates()(_article("Am Dienstag sprach er.", published="2021-12-16", published_precision="day"),
                      None)
    assert article.published == "2021-12-16" and article.dates[0].value == "2021-12-14"


def test_sentence_date_prefers_the_sentence_then_the_paragraph_then_the_article():
    text = ("Bundesheer übt in Tirol.\nDie Ministerin reiste ab. Sie kam nach Wien.\n"
            "Am Dienstag traf er den Minister. Die Gespräche verliefen gut.\nEin Abkommen gibt es nicht.")
    article = Dates()(_article(text, published="2021-12-16", published_precision="day"), None)
    trigger = text.index("traf")
    assert sentence_date(article, trigger, trigger + 4).value == "2021-12-14"
    later = text.index("verliefen")
    carried = sentence_date(article, later, later + 9)
    assert (carried.value, carried.method) == ("2021-12-14", "previous_sentence")
    next_paragraph = text.index("Abkommen")
    fallback = sentence_date(article, next_paragraph, next_paragraph + 8)
    assert (fallback.value, fallback.method) == ("2021-12-16", "article")


def test_sentence_date_of_an_event_span_is_the_date_of_its_clause():
    text = "Am Montag erinnerte der Präsident an die Niederschlagung der Proteste im Jahr 1989."
    article = Dates()(_article(text, published="2021-12-16", published_precision="day"), None)
    whole = sentence_date(article, 0, len(text))
    assert whole.value == "2021-12-13"  # a whole sentence: the finer date
    crackdown = text.index("Niederschlagung")
    assert sentence_date(article, crackdown, crackdown + 15).value == "1989"
    speech = text.index("erinnerte")
    assert sentence_date(article, speech, speech + 9).value == "2021-12-13"


def test_a_duration_is_not_the_date_of_the_happening_nor_carried():
    text = ("Seit 2014 regiert die Partei. Am Sonntag trat der Kanzler seit einem Jahr erstmals zurück. "
            "Er ging.")
    article = Dates()(_article(text, published="2021-12-16", published_precision="day"), None)
    resign = text.index("Am Sonntag")
    assert sentence_date(article, resign, resign + 40).value == "2021-12-12"
    assert sentence_date(article, text.index("Er ging"), len(text)).value == "2021-12-12"


def test_lead_sentence_takes_the_date_of_the_next_one():
    text = ("Kiew – Tausende Menschen haben gegen die Regierung protestiert. "
            "Die Kundgebung am Freitag blieb friedlich.")
    article = Dates()(_article(text, published="2021-12-16", published_precision="day"), None)
    found = sentence_date(article, 0, text.index(".") + 1)
    assert (found.value, found.method) == ("2021-12-10", "next_sentence")


def test_public_api_of_the_dates_package():
    import eventwire.dates as dates

    assert sorted(dates.__all__) == ["PRECISION_RANK", "dateline_date", "find_dates", "infer_year",
                                     "parse_reference"]
    assert dates.parse_reference("2021-12") == (date(2021, 12, 15), "month")
    assert dates.parse_reference("gestern") is None
    assert dates.PRECISION_RANK["day"] < dates.PRECISION_RANK["month"] < dates.PRECISION_RANK["year"]


_ANCHOR_TEXTS = {
    "de": ("Seit Anfang vergangenen Jahres, genauer seit dem 3.5.2019 und bis Ende August 2021, verhandelten "
           "die Parteien. Am Dienstag, den 14. Dezember, vor knapp zwei Wochen und am vergangenen Wochenende "
           "kam es in der Nacht zum Sonntagabend zu Protesten; gestern früh, im laufenden Monat und in der "
           "Vorwoche auch. Heuer und im Vorjahr blieb es ruhig, 2016-03-10 ebenso. Am Vortag sprach er."),
    "en": ("On Tuesday, 14th of December 2021 and on December 3, the envoys met; since early August 2021, "
           "two weeks ago and over the weekend the talks went on. Late last year, earlier this month and "
           "last week too; yesterday and last night as well, and on 2016-03-10 the day before."),
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_anchored_search_finds_what_a_whole_text_search_finds(lang):
    # an anchor that a pattern can match without would silently lose dates: the windows around the
    # anchors must give the same matches as running each pattern over the whole text
    from eventwire.dates.find import windows
    from eventwire.dates.patterns import compiled

    text = _ANCHOR_TEXTS[lang]
    for pattern, handler, anchor in compiled(lang):
        windowed = [m.span() for lo, hi in windows(anchor, text) for m in pattern.finditer(text, lo, hi)]
        assert windowed == [m.span() for m in pattern.finditer(text)], handler.__name__
    assert len(find_dates(text, lang, "2021-12-16")) >= 12


def test_dates_places_evaluation_helpers():
    from eventwire.evaluate.dates_places import Tally, locate, overlapping
    from eventwire.model import DateRef

    text = "Am Montag tagte der Rat. Die Minister trafen sich am Montag in Wien. Am Montag reisten sie ab."
    second = text.index("Die Minister")
    sentence = (second, text.index(".", second) + 1)
    assert locate(text, "am Montag", sentence) == (text.index("am Montag"), text.index("am Montag") + 9)
    assert locate(text, "AM MONTAG", (len(text) - 5, len(text)))[0] == text.rindex("Am Montag")
    assert locate(text, "am Dienstag", sentence) is None
    refs = [DateRef(0, 9, "Am Montag", "2016-06-13", "day", "weekday")]
    assert overlapping(refs, (5, 20)) is refs[0] and overlapping(refs, (9, 20)) is None
    tally = Tally()
    tally.count("place_country", True, "")
    tally.count("place_country", False, "Wien")
    figures = tally.figures("de_")
    assert figures["de_place_country"] == 0.5 and figures["de_place_country_n"] == 2
    assert figures["de_date_text_found_n"] == 0 and tally.misses == ["place_country: Wien"]


@pytest.mark.shared
def test_dates_places_evaluation_runs_on_the_gold_events():
    if not (SHARED / "data" / "gold_de" / "dev.json").exists():
        pytest.skip("../shared not present")
    from eventwire.evaluate.dates_places import evaluate

    figures = evaluate(SHARED)
    assert figures["de_date_text_found_n"] > 100 and figures["de_place_country_n"] > 100
    assert all(0 <= v <= 1 for k, v in figures.items() if not k.endswith("_n"))
    # floors well under what the rules reach, so that a broken stage shows
    assert figures["de_date_text_found"] > 0.6 and figures["de_place_country"] > 0.5


@pytest.mark.shared
def test_seed_articles_get_their_dates():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared not present")
    first = next(seeds.glob("000_*.txt")).read_text("utf-8")
    assert dateline_date("Brüssel, 14. Dezember, AZERTAC", first, None)[0] == "2021-12-14"
    third = next(seeds.glob("003_*.txt")).read_text("utf-8")
    assert infer_year(third, "de")[0] == 2024


_WORDS = ["am", "im", "Dienstag", "14.", "Dezember", "2021", "Ende", "August", "vergangenen", "Jahr", "vor",
          "zwei", "Wochen", "gestern", "heute", "12.3.", "Mai", "May", "on", "Tuesday", "last", "year", "ago",
          "30.", "Jahrestag", "NATO", "COP29", ",", ".", "\n", "Jänner", "Sept.", "Wochenende", "1994"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=30),
       st.sampled_from(["de", "en"]), st.sampled_from([None, "2021", "2021-12", "2021-12-16", "x"]))
def test_arbitrary_text_never_raises_and_spans_stay_inside(words, lang, reference):
    text = " ".join(words)
    for d in find_dates(text, lang, reference):
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end] == d.text
        assert d.precision in ("day", "month", "year") and d.value[:4].isdigit()
    infer_year(text, lang)
    dateline_date(text, text, reference)
