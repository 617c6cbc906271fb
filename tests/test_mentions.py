"""Mentions stage: codebook spans with German inflections, title names, surnames, NER merge."""

from __future__ import annotations

import itertools

import pytest

from eventwire.model import Article, Mention
from eventwire.pipeline import Context
from eventwire.stages import mention_ner
from eventwire.stages.mentions import Mentions, resolve_overlaps
from eventwire.stages.sentences import split_sentences


def run(text: str, language: str = "de", **kwargs) -> list[Mention]:
    article = Article(id="t", uri="t", text=text, language=language)
    article.sentences = split_sentences(text)
    return Mentions(**kwargs)(article, Context(strict=True)).mentions


def spans(found: list[Mention]) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in found}


def test_inflected_german_forms():
    found = spans(run("Die Erklärung des aserbaidschanischen Außenministers wurde in Moskau und bei den "
                      "Vereinten Nationen verlesen, Russlands Botschafter schwieg."))
    assert {("aserbaidschanischen", "MISC"), ("Außenministers", "ROLE"), ("Moskau", "GPE"),
            ("Vereinten Nationen", "ORG"), ("Russlands", "GPE"), ("Botschafter", "ROLE")} <= found


def test_compounds_and_hyphenated_prefixes():
    found = spans(run("Der NATO-Generalsekretär traf die Verteidigungsministerin und US-Präsident Biden."))
    assert {("NATO", "ORG"), ("Generalsekretär", "ROLE"), ("Verteidigungsministerin", "ROLE"),
            ("US", "GPE"), ("Präsident", "ROLE")} <= found


def test_title_teaches_a_name_and_the_surname_recurs():
    # an invented minister: no codebook lists him
    text = ("Der aserbaidschanische Außenminister Teymur Qasimzade reiste nach Wien. "
            "Qasimzade betonte dort die guten Beziehungen. Qasimzades Sprecher schwieg.")
    found = run(text)
    person = [m for m in found if m.label == "PER"]
    assert [(m.text, m.source) for m in person] == [
        ("Teymur Qasimzade", "title"), ("Qasimzade", "coref"), ("Qasimzades", "coref")]


def test_name_after_appositive_state():
    found = spans(run("Der Präsident der Republik Aserbaidschan, Ilham Aliyev, traf den Kanzler."))
    assert ("Ilham Aliyev", "PER") in found and ("Republik Aserbaidschan", "GPE") in found


def test_first_name_marks_a_person_without_title():
    found = spans(run("Am Montag kritisierte Herbert Kickl die Regierung."))
    assert ("Herbert Kickl", "PER") in found


def test_no_name_after_a_title_followed_by_a_weekday_or_state():
    found = spans(run("Das sagte der Präsident Montag in Berlin. Der Kanzler Österreichs schwieg."))
    assert not any(label == "PER" for _, label in found)


def test_english_mentions():
    found = spans(run("Russian President Vladimir Putin told the United Nations Security Council that "
                      "Ukrainian troops had withdrawn.", language="en"))
    assert {("Russian", "MISC"), ("President", "ROLE"), ("Vladimir Putin", "PER"),
            ("United Nations", "ORG"), ("Ukrainian", "MISC"), ("troops", "ROLE")} <= found


def test_spans_are_inside_the_text_sorted_and_disjoint():
    text = ("Wien – Die österreichische Polizei hat nach Angaben des Innenministeriums drei Aktivisten "
            "festgenommen. Die Regierung in Ankara und die EU-Kommission reagierten.")
    found = run(text)
    assert found == sorted(found, key=lambda m: m.start)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for m in found:
        assert text[m.start:m.end] == m.text


def test_ner_spans_merge_with_codebook_spans(monkeypatch):
    text = "Präsident Ilham Aliyev traf Vertreter der Firma Azerbaijan Airlines in Baku."

    def fake_ner(t, lang):
        def at(s, label):
            i = t.index(s)
            return Mention(i, i + len(s), s, label, "ner")
        return [at("Präsident Ilham Aliyev", "PER"), at("Azerbaijan Airlines", "ORG"), at("Baku", "LOC")]

    monkeypatch.setitem(mention_ner._NER_STATE, "find", fake_ner)
    found = run(text)
    got = {(m.text, m.label, m.source) for m in found}
    assert ("Ilham Aliyev", "PER") in {(text, label) for text, label, _ in got}
    assert ("Präsident", "ROLE", "codebook") in got
    assert ("Baku", "GPE", "codebook") in got  # codebook wins over NER on the same span
    assert ("Azerbaijan Airlines", "ORG", "ner") in got  # the longer span wins
    assert not any(label == "PER" and "Airlines" in text for text, label, _ in got)


def test_works_without_ner_module(monkeypatch):
    monkeypatch.setitem(mention_ner._NER_STATE, "find", None)
    assert ("Moskau", "GPE") in spans(run("Moskau protestierte."))


def test_resolve_overlaps_prefers_longer_then_codebook():
    a = Mention(0, 10, "x" * 10, "ORG", "ner")
    b = Mention(0, 10, "x" * 10, "GPE", "codebook")
    c = Mention(2, 5, "xxx", "GPE", "codebook")
    assert resolve_overlaps([a, b, c]) == [b]
    role = Mention(5, 10, "xxxxx", "ROLE", "codebook")
    swallowing = Mention(0, 10, "x" * 10, "ORG", "ner")
    assert resolve_overlaps([swallowing, role, c]) == [role, c]


@pytest.mark.shared
def test_matcher_runs_over_the_german_news(shared):
    import json
    lines = (shared / "data" / "news_de" / "10kgnad_test.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[:50]:
        text = json.loads(line)["text"]
        for m in run(text, use_ner=False):
            assert text[m.start:m.end] == m.text


def test_ner_spans_are_cut_to_their_names(monkeypatch):
    text = ("Finland will give Tanzania a grant, Jens Stoltenberg\xa0said in Oslo Friday. "
            "Israel Friday rejected the plan of Abu Musab al-Zarqawi, said Stoltenberg Baku.")

    def fake_ner(t, lang):
        def at(s, label):
            i = t.index(s)
            return Mention(i, i + len(s), s, label, "ner")
        return [at("Finland will give", "LOC"), at("Jens Stoltenberg\xa0", "PER"), at("Israel Friday", "ORG"),
                at("Abu Musab al-Zarqawi", "PER"), at("Stoltenberg Baku", "PER")]

    monkeypatch.setitem(mention_ner._NER_STATE, "find", fake_ner)
    found = run(text, "en")
    assert all(text[m.start:m.end] == m.text for m in found)
    got = {(m.text, m.label) for m in found}
    assert ("Finland", "GPE") in got and ("Jens Stoltenberg", "PER") in got  # cut, then the codebook wins
    assert ("Abu Musab al-Zarqawi", "PER") in got
    assert ("Israel", "GPE") in got and not any("Friday" in t for t, _ in got)  # the codebook span stays
    assert ("Baku", "GPE") in got and ("Stoltenberg", "PER") in got


def test_batched_analysis_equals_one_article_at_a_time():
    """The pipeline's batched run (the NER of many articles in one batch) gives each article exactly
    what a run on it alone gives, in input order, with a dropped article in between."""
    from eventwire.annotate import analysis_stages
    from eventwire.pipeline import Pipeline
    from support import ENGLISH_ARTICLE, GERMAN_ARTICLE

    def articles():
        texts = [(GERMAN_ARTICLE, "de"), (ENGLISH_ARTICLE, "en"), ("", "de"), (HARBOUR, "de")]
        return [Article(id=str(k), uri=f"t:{k}", text=text, language=lang, published="2025-05-08",
                        published_precision="day") for k, (text, lang) in enumerate(texts)]

    pipeline = Pipeline(analysis_stages())
    alone = [pipeline(a, Context()) for a in articles()]
    together = pipeline.run_slots(articles(), Context())
    assert [a is None for a in together] == [a is None for a in alone]
    for one, other in zip(alone, together, strict=True):
        if one is not None:
            assert one.mentions == other.mentions and one.events == other.events
    assert any(m.source == "ner" for m in together[3].mentions)  # the model did run in the batch


HARBOUR = ("Streit um Hafen\nDer Sprecher der Reederei Hanseatische Frachtlinien, Okko Brammersiek, "
           "kritisierte am Montag in Emden die Pläne der Regierung in Berlin scharf.")
