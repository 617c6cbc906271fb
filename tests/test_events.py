"""The event coder on hand-made articles (sentences written for these tests) and its scoring rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.coder.anaphora import antecedent
from eventwire.coder.triggers import tokenize, trigger_index
from eventwire.evaluate.events import events_match, match_count, score_articles
from eventwire.model import EVENT_FIELDS, ActorRef, Article
from eventwire.stages.events import Events, code_events, merge_duplicates
from eventwire.stages.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"

#: surface -> (code, sector): a tiny stand-in for the actors stage
ACTORS = {
    "Merkel": ("DEU", "GOV"), "Putin": ("RUS", "GOV"), "Russland": ("RUS", "GOV"),
    "die Ukraine": ("UKR", "GOV"),
    "Ukraine": ("UKR", "GOV"), "Taliban": ("AFG", "REB"), "FPÖ": ("AUT", "OPP"), "SPÖ": ("AUT", "GOV"),
    "Polizei": ("AUT", "COP"), "Israel": ("ISR", "GOV"), "Hamas": ("PSE", "REB"), "Kerry": ("USA", "GOV"),
    "Iran": ("IRN", "GOV"), "Russia": ("RUS", "GOV"), "France": ("FRA", "GOV"), "Blair": ("GBR", "GOV"),
    "Conservatives": ("GBR", "OPP"), "Serbien": ("SRB", "GOV"), "Kosovo": ("XKX", "GOV"),
}


def article(text: str, language: str = "de", published: str | None = "2016-03-01") -> Article:
    refs, taken = [], set()
    for name in sorted(ACTORS, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken |= set(range(m.start(), m.end()))
            refs.append(ActorRef(m.start(), m.end(), name, name, *ACTORS[name]))
    art = Article(id="t1", uri="test:", text=text, language=language, published=published,
                  published_precision="day" if published else None)
    art.sentences = split_sentences(text)
    art.actors = sorted(refs, key=lambda r: r.start)
    return art


def coded(text: str, language: str = "de") -> list[tuple]:
    return [(e.event, tuple(a["code"] for a in e.actor), tuple(r["code"] for r in e.recipient), e.aux)
            for e in code_events(article(text, language))]


def test_german_v2_subject_and_object():
    assert coded("Merkel kritisierte am Montag Putin.") == [("ACCUSE", ("DEU",), ("RUS",), None)]


def test_german_inversion_puts_the_subject_after_the_verb():
    assert coded("Am Montag kritisierte Merkel den Präsidenten Putin scharf.") == [
        ("ACCUSE", ("DEU",), ("RUS",), None)]


def test_separable_particle_and_preposition_are_told_apart():
    assert coded("Israel lehnte die Forderung der Hamas ab.") == [("REJECT", ("ISR",), ("PSE",), None)]
    assert coded("Die Hamas warf Steine vor das Haus.") == []


def test_passive_takes_the_actor_from_von():
    assert coded("Die Ukraine wurde von Russland angegriffen.") == [("ASSAULT", ("RUS",), ("UKR",), None)]


def test_passive_without_agent_is_skipped():
    assert coded("Drei Politiker der FPÖ wurden am Montag getötet.") == []


def test_agentless_arrest_is_coded_for_the_state_police():
    events = code_events(article("Drei Politiker der FPÖ wurden festgenommen."))
    assert [(e.event, e.actor[0]["code"], e.actor[0]["sector"]) for e in events] == [("COERCE", "AUT", "COP")]
    assert events[0].recipient[0]["code"] == "AUT"
    # a demand is no state act: "sollten ... festgenommen werden" is what someone asks for
    assert all(e.event != "COERCE" for e in code_events(article(
        "Die FPÖ forderte, die Politiker sollten festgenommen werden.")))


def test_meeting_is_reciprocal_with_all_participants_as_actor():
    assert coded("Merkel traf sich am Montag mit Putin.") == [("CONSULT", ("DEU", "RUS"), (), None)]
    assert coded("Blair met Putin in Moscow.", "en") == [("CONSULT", ("GBR", "RUS"), (), None)]


def test_noun_trigger_takes_genitive_actor():
    assert coded("Bei einem Angriff der Taliban starben zehn Menschen.") == [("ASSAULT", ("AFG",), (), None)]


def test_content_of_a_speech_act_is_no_event_of_its_own():
    assert coded("Die FPÖ forderte den Rückzug der Polizei.") == [("REQUEST", ("AUT",), ("AUT",), None)]
    assert coded("Iran threatened to attack Israel.", "en") == [("THREATEN", ("IRN",), ("ISR",), None)]


@pytest.mark.parametrize("text, aux", [
    ("Merkel traf Putin nicht.", "negation"),
    ("Merkel würde Putin treffen, falls er einlenkt.", "hypothetical"),
    ("Merkel hatte sich bereits 2014 mit Putin getroffen.", "historical"),
    ("The Conservatives did not criticise Blair.", "negation"),
])
def test_realis(text, aux):
    language = "de" if "Merkel" in text else "en"
    assert [e[3] for e in coded(text, language)] == [aux]


def test_announced_meeting_is_agree_now():
    assert coded("Merkel will Putin nächste Woche treffen.") == [("AGREE", ("DEU", "RUS"), (), None)]
    assert coded("Blair will visit France next week.", "en") == [("AGREE", ("GBR", "FRA"), (), None)]


def test_same_meeting_in_headline_and_body_is_one_event():
    text = ("Merkel trifft Putin\nMerkel traf sich am Montag in Berlin mit Putin. "
            "Beide sprachen über die Ukraine.")
    events = code_events(article(text))
    assert [e.event for e in events] == ["CONSULT"]
    assert events[0].trigger == "trifft"


def test_event_has_every_field_and_stable_id():
    art = article("Serbien verurteilte den Angriff auf Kosovo scharf.")
    first = Events()(art, None).events
    again = code_events(article("Serbien verurteilte den Angriff auf Kosovo scharf."))
    assert len(first) == 1 and first[0].id == again[0].id
    out = first[0].to_json()
    assert list(out) == list(EVENT_FIELDS)
    assert out["cameo"] == "111" and out["quad_class"] == 3 and out["goldstein"] == -2.0
    assert out["coder"].startswith("rules-de/") and out["date"] == "2016-03-01"
    start, end = out["trigger_span"]
    assert art.text[start:end] == out["trigger"]


def test_compound_noun_heads_match_inflected():
    index = trigger_index("de")
    hits = index.find(tokenize("Nach den Luftangriffen und der Pressekonferenz gab es Proteste."))
    assert [(h.row.event, h.row.mode) for h in hits] == [("ASSAULT", "aerial"), ("PROTEST", "demo")]


def test_merge_keeps_distinct_recipients_apart():
    text = "Merkel kritisierte Putin. Merkel kritisierte Israel."
    events = code_events(article(text))
    assert len(merge_duplicates(events)) == 2


def test_scoring_rule():
    gold = {"event": "ACCUSE", "actor": [{"code": "DEU"}], "recipient": [{"code": "RUS"}]}
    assert events_match({"event": "ACCUSE", "actor": [{"code": "DEU"}], "recipient": []}, gold)
    assert not events_match({"event": "ACCUSE", "actor": [{"code": "DEU"}], "recipient": [{"code": "USA"}]},
                            gold)
    meeting = {"event": "CONSULT", "actor": [{"code": "DEU"}, {"code": "RUS"}], "recipient": []}
    assert events_match({"event": "CONSULT", "actor": [{"code": "USA"}], "recipient": [{"code": "RUS"}]},
                        meeting)
    assert match_count([gold, gold], [gold], events_match) == 1
    scores = score_articles([{"id": "a", "events": [dict(gold, aux=None), dict(gold, aux="future")]}],
                            {"a": [dict(gold, aux=None), dict(gold, aux="hypothetical")]})
    assert scores["f1"] == 1.0 and scores["gold"] == 1 and scores["predicted"] == 1


@pytest.mark.shared
def test_seed_events():
    if not SHARED.is_dir():
        pytest.skip("../shared not present")
    from eventwire.evaluate.seeds import evaluate

    assert evaluate(SHARED)["seeds_events"] >= 4


def test_pronoun_subject_takes_the_subject_of_the_previous_sentence():
    text = "Merkel reiste am Montag nach Paris. Dort kritisierte sie Putin scharf."
    assert ("ACCUSE", ("DEU",), ("RUS",), None) in coded(text)


def test_pronoun_er_never_refers_to_a_state():
    state = ActorRef(0, 8, "Russland", "Russland", "RUS", "GOV", evidence="state")
    minister = ActorRef(10, 19, "Lawrow", "Lawrow", "RUS", "GOV", role="foreign_minister",
                        evidence="codebook")
    assert antecedent("er", "subject", [[state]]) is None
    assert antecedent("er", "subject", [[state, minister]]) is minister
    assert antecedent("sie", "subject", [[state, minister]]) is state


def test_separable_particle_is_found_after_an_enumeration():
    text = "Die Polizei ging gegen Anhänger in Justiz, Armee und Verwaltung vor."
    assert coded(text) == [("COERCE", ("AUT",), (), None)]


def test_passive_with_werden_is_no_future():
    text = "Der Angriff der Taliban wird in dem Bericht ausführlich dargestellt."
    assert coded(text) == [("ASSAULT", ("AFG",), (), None)]


def test_kein_angebot_is_no_refusal():
    assert [e[0] for e in coded("Die FPÖ hat derzeit kein Angebot für die SPÖ.")] != ["REJECT"]


def test_verb_after_a_preposition_and_before_a_noun_is_a_determiner():
    expected = [("ASSAULT", ("PSE",), ("ISR",), None)]
    assert coded("In einigen Fällen hat die Hamas Israel attackiert.") == expected


def test_predicative_judgement_after_a_speech_verb_is_an_accusation():
    assert coded("Serbien nannte die Erklärung illegal.") == [("ACCUSE", ("SRB",), (), None)]
    assert coded("Die illegale Erklärung liegt vor.") == []


def test_background_and_news_of_the_same_type_stay_two_events():
    text = "Die Taliban hatten 2012 Kabul angegriffen. Am Montag griffen die Taliban erneut an."
    assert [e[0] for e in coded(text)] == ["ASSAULT", "ASSAULT"]


#: English fixtures: a few more actors of the stand-in
ACTORS.update({"Chile": ("CHL", "GOV"), "Peru": ("PER", "GOV"), "Bolivia": ("BOL", "GOV"),
               "the rebels": ("PER", "REB"), "Lima": ("PER", "GOV"), "villagers": ("PER", "CVL")})


@pytest.mark.parametrize("text,expected", [
    ("Chile is suing Bolivia over the river.", ("ACCUSE", ("CHL",), ("BOL",), None)),
    ("Peru shelled rebel positions on Monday.", ("ASSAULT", ("PER",), (), None)),
    ("Chile summoned the ambassador of Bolivia.", ("ACCUSE", ("CHL",), ("BOL",), None)),
    ("Chile lodged a formal protest with Bolivia.", ("ACCUSE", ("CHL",), ("BOL",), None)),
    ("Bolivia pulled out of the talks with Chile.", ("REJECT", ("BOL",), ("CHL",), None)),
    ("Peru imposed sanctions on Bolivia.", ("SANCTION", ("PER",), ("BOL",), None)),
])
def test_english_vocabulary(text, expected):
    assert expected in coded(text, "en")


def test_english_conditional_announcement_is_a_threat():
    assert ("THREATEN", ("PER",), ("BOL",), None) in coded(
        "Peru said it will close the border with Bolivia unless the smuggling stops.", "en")
    assert coded("Peru said it will withdraw its troops from Bolivia.", "en")[0][0] == "CONCEDE"


def test_english_recipient_is_the_object_before_an_adjunct_and_never_the_actor_itself():
    found = coded("Peru lifted the curfew in Lima where villagers had been killed.", "en")
    assert ("CONCEDE", ("PER",), (), None) in found
    found = coded("Chile praised Bolivia after a visit by Peru.", "en")
    assert found[0] == ("SUPPORT", ("CHL",), ("BOL",), None)


def test_english_negation_stands_before_the_trigger():
    assert coded("Chile did not attack Bolivia.", "en")[0][3] == "negation"
    assert coded("Peru attacked the rebels with no warning.", "en")[0][3] is None


def test_english_capitalised_month_and_multiword_trigger():
    assert coded("Chile and Bolivia met in March.", "en") == [("CONSULT", ("CHL", "BOL"), (), None)]
    found = coded("Peru said a car bomb exploded in Lima.", "en")
    assert len([e for e in found if e[0] == "ASSAULT"]) <= 1  # "car bomb" is one trigger, not two


def test_english_purpose_infinitive_and_gerund_object_are_content():
    found = coded("Chile accused Bolivia of attacking the border post.", "en")
    assert [e[0] for e in found] == ["ACCUSE"]
    found = coded("Chile met Bolivia to discuss the dispute.", "en")
    assert [e[0] for e in found] == ["CONSULT"]


def test_english_trigger_vocabulary_covers_inflections():
    index = trigger_index("en")
    for form, event in [("sued", "ACCUSE"), ("shelled", "ASSAULT"), ("summons", "ACCUSE"),
                        ("condemns", "ACCUSE"), ("mediating", "CONSULT"), ("evacuated", "RETREAT"),
                        ("extradites", "COOPERATE"), ("apologises", "SUPPORT")]:
        events = {r.event for r in index.candidates(form)}
        assert event in events, form


def test_english_intent_to_coerce_is_a_threat():
    found = coded("Peru is prepared to impose martial law in Lima.", "en")
    assert found and found[0][:2] == ("THREATEN", ("PER",))


def _sectors(text: str) -> list[tuple]:
    return [(e.event, tuple((a["code"], a["sector"]) for a in e.actor),
             tuple((r["code"], r["sector"]) for r in e.recipient)) for e in code_events(article(text))]


def test_apposition_between_subject_and_verb_is_skipped():
    assert coded("Merkel, die deutsche Kanzlerin, hat Putin scharf kritisiert.") == [
        ("ACCUSE", ("DEU",), ("RUS",), None)]


def test_masculine_relative_pronoun_is_the_subject_of_its_clause():
    found = coded("Die Ukraine dankte Kerry, der Russland mehrfach kritisiert hatte.")
    assert [e for e in found if e[0] == "ACCUSE"] == [("ACCUSE", ("USA",), ("RUS",), None)]


def test_sentence_final_speech_verb_addresses_the_reported_subject():
    assert coded("Russland müsse die Truppen sofort abziehen, forderte Merkel.") == [
        ("REQUEST", ("DEU",), ("RUS",), None)]


def test_dateline_place_is_no_actor():
    found = coded("Kosovo – Rund 300 Schüler haben am Montag Serbien besucht.")
    assert all("XKX" not in e[1] for e in found)


def test_noun_after_als_characterises_and_is_no_event():
    assert [e[0] for e in coded("Merkel bezeichnete das Urteil als Angriff auf die Ukraine.")] == []


def test_noun_attached_to_a_demand_is_its_content():
    found = coded("Die FPÖ erneuerte am Montag ihre Forderung nach einem Einreiseverbot.")
    assert all(e[0] != "REJECT" for e in found)


def test_trigger_inside_a_coded_name_is_part_of_the_name():
    from eventwire.coder.non_events import inside_name

    text = "Die Organisation für das Verbot chemischer Waffen legte einen Bericht vor."
    tokens = tokenize(text)
    hits = trigger_index("de").find(tokens)
    name = ActorRef(4, 51, text[4:51], "OPCW", "OPCW", "IGO")
    verbot = next(h for h in hits if tokens[h.index].low == "verbot")
    assert inside_name(tokens, verbot, [name])


def test_presupposed_noun_is_not_negated_by_the_clause():
    found = coded("Nach dem Angriff der Taliban kam die Region nicht zur Ruhe.")
    assert found == [("ASSAULT", ("AFG",), (), None)]
    found = coded("Russland entsandte Soldaten ohne die Zustimmung der Ukraine.")
    assert all(e[3] == "negation" for e in found if e[0] == "AGREE")


def test_meeting_noun_with_only_a_partner_named():
    assert coded("Bereits am Dienstag habe es mit Putin ein langes Gespräch gegeben.") == [
        ("CONSULT", ("RUS",), (), None)]


def test_arrest_noun_takes_its_agent_from_durch():
    assert _sectors("Die Festnahme der FPÖ-Politiker durch die Polizei sorgte für Aufsehen.")[0] == (
        "COERCE", (("AUT", "COP"),), (("AUT", "OPP"),))


def test_agentless_investigation_is_the_prosecution_s():
    assert _sectors("Gegen zwei Politiker der FPÖ wurden am Montag Ermittlungen eingeleitet.")[0][:2] == (
        "ACCUSE", (("AUT", "JUD"),))


def test_german_acts_with_and_without_a_target_stay_two():
    found = coded("Die Taliban griffen am Montag Soldaten in Kabul an. "
                  "Die Taliban griffen außerdem die Polizei an.")
    assert len([e for e in found if e[0] == "ASSAULT"]) == 2


def test_nationality_adjective_is_the_actor_of_a_noun_trigger():
    from eventwire.annotate import annotate

    art = annotate("Russische Luftangriffe trafen am Montag mehrere Dörfer.", language="de",
                   published="2016-03-01")
    found = [(e.event, e.actor[0]["code"], e.actor[0]["sector"]) for e in art.events]
    assert found == [("ASSAULT", "RUS", "MIL")]


def test_meeting_place_is_no_participant_and_sets_the_mode():
    from eventwire.annotate import annotate

    article = annotate("Die Außenministerin traf sich in der Hauptstadt Warschau mit dem polnischen "
                       "Außenminister. Später reiste sie weiter.", language="de", published="2024-05-02")
    (meeting,) = [e for e in article.events if e.event == "CONSULT"]
    assert "Warschau" not in [a["text"] for a in meeting.actor]
    assert meeting.location["country"] == "POL"


def test_meeting_in_a_third_state_is_third_party():
    from eventwire.annotate import annotate

    article = annotate("Die Außenminister Frankreichs und Deutschlands haben am Montag in Genf beraten.",
                       language="de", published="2024-06-03")
    (meeting,) = [e for e in article.events if e.event == "CONSULT"]
    assert {a["code"] for a in meeting.actor} == {"FRA", "DEU"} and meeting.mode == "third-party"


def test_stray_comma_before_the_final_verb_keeps_the_meeting_partner():
    from eventwire.annotate import annotate

    article = annotate("Der Präsident von Polen, Andrzej Duda, ist heute mit dem Bundeskanzler Olaf Scholz, "
                       "zusammengetroffen.", language="de", published="2024-05-02")
    (meeting,) = [e for e in article.events if e.event == "CONSULT"]
    assert {a["code"] for a in meeting.actor} == {"POL", "DEU"}
