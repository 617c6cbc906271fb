"""Whole pipeline on the project's own example articles: the events a reader would code.

The expectations are this project's reading of its own texts in examples/ (written for eventwire).
Scored with the gold_de rule; the floor is a regression guard, and a few events are required outright.
"""

from __future__ import annotations

import pytest

from eventwire import ingest
from eventwire.evaluate.events import score_articles
from eventwire.inputs.warc import write_warc
from eventwire.store import Store, read
from support import EXAMPLES


def E(event, actor, recipient=(), aux=None):  # noqa: N802 - reads like a table row
    return {"event": event, "actor": [{"code": c} for c in actor],
            "recipient": [{"code": c} for c in recipient], "aux": aux}


EXPECTED = {
    "Scholz empfängt Tusk in Berlin": [
        E("CONSULT", ["DEU", "POL"]), E("SUPPORT", ["DEU"], ["POL"]), E("REQUEST", ["POL"], ["EU"]),
        E("CONSULT", ["DEU", "POL"], aux="historical")],
    "Österreich kritisiert Ungarn": [
        E("ACCUSE", ["AUT"], ["HUN"]), E("REQUEST", ["AUT"], ["HUN"]), E("REJECT", ["HUN"], ["AUT"])],
    "NATO chief visits Kyiv": [
        E("CONSULT", ["NATO", "UKR"]), E("SUPPORT", ["NATO"], ["UKR"]), E("AGREE", ["NATO"], ["UKR"]),
        E("REQUEST", ["UKR"], ["NATO"]), E("ACCUSE", ["RUS"], ["NATO"])],
    "Washington imposes new sanctions on Tehran": [
        E("SANCTION", ["USA"], ["IRN"]), E("ACCUSE", ["IRN"], ["USA"]), E("REJECT", ["IRN"], ["USA"])],
    "Außenminister beraten in Genf über Waffenruhe": [
        E("CONSULT", ["FRA", "DEU"]), E("AGREE", ["DEU"])],
    "Foreign ministers agree on grain corridor talks": [
        E("AGREE", ["TUR", "UKR"]), E("CONSULT", ["TUR", "UKR"]), E("SUPPORT", ["UKR"], ["TUR"]),
        E("ACCUSE", ["UKR"], ["RUS"])],
    "Bundesregierung verurteilt Angriff auf UN-Konvoi": [E("ACCUSE", ["DEU"])],
    "Macron und Meloni beraten in Rom über Migration": [
        E("CONSULT", ["FRA", "ITA"]), E("SUPPORT", ["ITA"], ["FRA"]), E("AGREE", ["FRA"], ["ITA"])],
    "Polish police arrest suspects after border attack": [
        E("COERCE", ["POL"]), E("ACCUSE", ["POL"], ["BLR"]), E("REJECT", ["BLR"], ["POL"])],
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("examples")
    write_warc(tmp / "pages.warc.gz", [("https://example.org/en/grain-corridor",
                                        (EXAMPLES / "page.html").read_bytes()),
                                       ("https://example.org/de/un-konvoi",
                                        (EXAMPLES / "page2.html").read_bytes())])
    from eventwire.settings import Settings

    ingest([str(EXAMPLES), str(tmp / "pages.warc.gz")], Settings.load(db=str(tmp / "x.duckdb"), strict=True))
    with Store(tmp / "x.duckdb", read_only=True) as store:
        titles = {a["id"]: a["title"] for a in read.articles(store)}
        events = read.events(store)
    out: dict[str, list[dict]] = {}
    for event in events:
        out.setdefault(titles[event["article_id"]], []).append(event)
    return out


def test_every_example_article_is_coded(coded):
    assert set(EXPECTED) <= set(coded), set(EXPECTED) - set(coded)


def test_example_events_score(coded):
    gold = [{"id": title, "events": events} for title, events in EXPECTED.items()]
    scores = score_articles(gold, coded)
    print("examples:", scores)
    assert scores["f1"] >= 0.6, scores


def test_no_event_has_its_actor_as_recipient(coded):
    for events in coded.values():
        for e in events:
            actors = {a["code"] for a in e["actor"]}
            recipients = {a["code"] for a in e["recipient"]}
            assert not actors & recipients, e["sentence"]


@pytest.mark.parametrize("title,event", [
    ("Scholz empfängt Tusk in Berlin", "CONSULT"),
    ("Washington imposes new sanctions on Tehran", "SANCTION"),
    ("NATO chief visits Kyiv", "CONSULT"),
])
def test_required_events(coded, title, event):
    assert any(e["event"] == event and e["aux"] is None for e in coded[title])
