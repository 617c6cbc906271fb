"""Bounded-time fuzzing (hypothesis) of the code that meets arbitrary input.

Readers over arbitrary bytes as each input kind (txt, html, rss, jsonl, warc.gz; also a valid WARC cut
anywhere), the plain-text cleaner over arbitrary and over line-shuffled news-like text, the sentence
splitter, and ``annotate`` over arbitrary short text. Properties: nothing raises, every span lies inside
its text, and what comes out is made of what went in. The readers are called below ``read_unit``,
whose catch-all would otherwise turn a reader bug into an "unreadable" rejection and hide it.

The number of examples each property ran is printed at the end (``pytest -s``) and must reach a floor,
so a misconfigured strategy that generates nothing cannot pass quietly.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from eventwire.model import Rejection, Source
from eventwire.settings import Settings
from eventwire.stages.clean import clean_text
from eventwire.stages.read import read_file, read_jsonl_range
from eventwire.stages.sentences import split_sentences

RUNS: Counter = Counter()
FUZZ = hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SMALL = hsettings(FUZZ, max_examples=120)
READ_SETTINGS = Settings(max_bytes=20_000)

# news-like lines written for these tests: prose in both languages and the furniture of news sites
NEWS_LINES = [
    "Außenministerin warnt vor neuer Eskalation im Osten",
    "Berlin, 4. Juni (dpa) – Die Bundesregierung hat am Dienstag neue Hilfen für die Ukraine angekündigt.",
    "Der Kanzler sagte nach dem Treffen mit dem polnischen Regierungschef, man stehe eng zusammen.",
    "Die Opposition kritisierte das Vorgehen und forderte eine Debatte im Bundestag vor der Sommerpause.",
    "WASHINGTON (Reuters) - The United States imposed new sanctions on Monday on three Iranian companies.",
    "The State Department said the measures were a response to recent missile tests in the region.",
    "Officials in Tehran rejected the decision and accused Washington of economic warfare.",
    "Startseite", "Politik", "  Ausland", "  Inland", "Teilen", "Drucken", "0 Kommentare", "12 345",
    "Cookies helfen uns bei der Bereitstellung unserer Dienste.", "© 2024 Beispielverlag GmbH",
    "Mehr zum Thema", "Read more", "Share this article", "VIDEO", "Tags: Ukraine, Polen, Hilfe", "",
]
NEWS_TOKENS = [
    "Bundeskanzler", "Merz", "Macron", "Präsident", "Selenskyj", "Russland", "Ukraine", "Kiew", "Berlin",
    "Brüssel", "NATO", "EU", "UN", "USA", "Polen", "Warschau", "Regierung", "Armee", "Polizei", "Rebellen",
    "kritisierte", "verurteilte", "traf", "unterstützte", "drohte", "verhaftete", "griff", "an", "nicht",
    "will", "soll", "hatte", "am", "14.", "Dezember", "Montag", "gestern", "2024", "1998", "im", "Mai",
    "said", "condemned", "met", "attacked", "arrested", "would", "not", "on", "Monday", "in", "the",
    "minister", "foreign", "Secretary-General", "police", "troops", "talks", "(AFP)", "–", "-", ",", ".",
    "?", "!", "\n", "„", "“", "\"", "z. B.", "Dr.", "U.S.", "Jan.", "3.", "Oktober", "last", "week",
]


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _read(path: Path) -> list:
    items = list(read_file(path, READ_SETTINGS))
    for item in items:
        assert isinstance(item, (Source, Rejection))
        assert item.uri.startswith(str(path.absolute()))
        if isinstance(item, Source):
            assert isinstance(item.payload, str) and item.kind in ("html", "text", "record")
        else:
            assert item.reason and item.reason != "unreadable"
    return items


@FUZZ
@given(data=st.binary(max_size=4000), ext=st.sampled_from(["txt", "html", "rss", "jsonl", "warc.gz"]))
def test_readers_take_arbitrary_bytes_as_every_kind(fuzz_dir, data, ext):
    RUNS["readers: arbitrary bytes"] += 1
    path = fuzz_dir / f"input.{ext}"
    path.write_bytes(data)
    _read(path)


@FUZZ
@given(prefix=st.sampled_from([b"", b"<?xml version='1.0'?>", b"<rss version='2.0'><channel><item>",
                               b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>", b"<html><body><p>",
                               b"\x1f\x8b\x08\x00", b"WARC/1.0\r\n", b'{"text": "', b"\xef\xbb\xbf"]),
       data=st.binary(max_size=1500), ext=st.sampled_from(["txt", "html", "rss", "xml", "jsonl", "warc.gz"]))
def test_readers_take_format_prefixes_with_garbage(fuzz_dir, prefix, data, ext):
    RUNS["readers: format prefix + garbage"] += 1
    path = fuzz_dir / f"prefixed.{ext}"
    path.write_bytes(prefix + data)
    _read(path)


@pytest.fixture(scope="module")
def warc_bytes(fuzz_dir) -> bytes:
    from eventwire.inputs.warc import write_warc

    pages = [(f"https://example.org/{n}", f"<html><body><p>{line}</p></body></html>".encode())
             for n, line in enumerate(NEWS_LINES[1:6])]
    path = fuzz_dir / "whole.warc.gz"
    write_warc(path, pages)
    return path.read_bytes()


@SMALL
@given(cut=st.floats(min_value=0.0, max_value=1.0), flip=st.integers(min_value=-1, max_value=4000))
def test_warc_cut_or_damaged_anywhere(fuzz_dir, warc_bytes, cut, flip):
    RUNS["readers: cut/damaged WARC"] += 1
    data = bytearray(warc_bytes[: int(len(warc_bytes) * cut)])
    if 0 <= flip < len(data):
        data[flip] ^= 0x55
    path = fuzz_dir / "cut.warc.gz"
    path.write_bytes(bytes(data))
    items = _read(path)
    sources = [i for i in items if isinstance(i, Source)]
    assert len(sources) <= 5
    ends = _member_ends(warc_bytes)  # one gzip member per record
    if 0 <= flip < len(data) or len(data) not in ends:
        if len(data) < len(warc_bytes):  # a cut archive never passes silently
            assert any(isinstance(i, Rejection) for i in items) or not data
    else:  # cut right after a record, nothing flipped: a valid shorter archive, all of it read
        assert len(sources) == sum(end <= len(data) for end in ends)


def _member_ends(data: bytes) -> set[int]:
    """Offsets where the gzip members of a WARC.gz (one per record) end."""
    import zlib

    ends, at = set(), 0
    while at < len(data):
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        member.decompress(data[at:])
        at = len(data) - len(member.unused_data)
        ends.add(at)
    return ends


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                               st.sampled_from(["text", "url", "title", "published", "language", "x"]),
                               inner, max_size=4), max_leaves=8)


@FUZZ
@given(records=st.lists(json_values | st.text(max_size=40), max_size=6))
def test_jsonl_lines_of_any_shape(fuzz_dir, records):
    RUNS["readers: JSONL of any shape"] += 1
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path = fuzz_dir / "lines.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines) + "\n", encoding="utf-8")
    whole = _read(path)
    ranged = list(read_jsonl_range(path, 0, path.stat().st_size, 1, READ_SETTINGS))
    assert [(type(i), i.uri) for i in ranged] == [(type(i), i.uri) for i in whole]
    for item in whole:
        if isinstance(item, Source):
            assert item.meta.get("published_precision") in (None, "day", "month", "year")


@FUZZ
@given(raw=st.text(max_size=800))
def test_clean_text_takes_arbitrary_text(raw):
    RUNS["clean_text: arbitrary text"] += 1
    _check_cleaned(raw, clean_text(raw))


@FUZZ
@given(lines=st.lists(st.sampled_from(NEWS_LINES), min_size=1, max_size=30),
       lang=st.sampled_from([None, "de", "en"]))
def test_clean_text_on_shuffled_news_lines(lines, lang):
    RUNS["clean_text: shuffled news lines"] += 1
    raw = "\n".join(lines)
    cleaned = clean_text(raw, lang)
    _check_cleaned(raw, cleaned)
    assert clean_text(raw, lang) == cleaned  # deterministic


def _check_cleaned(raw: str, cleaned) -> None:
    """Body paragraphs are (suffixes of) input lines, in input order; every line is accounted for."""
    rows = [row.strip() for row in raw.splitlines() if row.strip()]
    paragraphs = cleaned.body.split("\n") if cleaned.body else []
    at = 0
    for paragraph in paragraphs:
        while at < len(rows) and not rows[at].endswith(paragraph):
            at += 1
        assert at < len(rows), f"body paragraph {paragraph!r} is no input line, or out of order"
        at += 1
    assert all(line in rows for line, _ in cleaned.dropped) and all(reason for _, reason in cleaned.dropped)
    if cleaned.title:
        assert any(cleaned.title in row for row in rows)
    accounted = len(cleaned.dropped) + len(paragraphs) + bool(cleaned.title)
    assert accounted <= len(rows) <= accounted + bool(cleaned.dateline)


@FUZZ
@given(text=st.text(max_size=600) | st.lists(st.sampled_from(NEWS_TOKENS), max_size=60).map(" ".join))
def test_sentences_are_ordered_disjoint_spans_inside_the_text(text):
    RUNS["split_sentences"] += 1
    spans = split_sentences(text)
    end_before = 0
    for start, end in spans:
        assert end_before <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert "\n" not in text[start:end]  # a line break always ends a sentence
        end_before = end
    inside = {i for start, end in spans for i in range(start, end)}
    assert all(i in inside for i, ch in enumerate(text) if not ch.isspace())  # no word is lost


news_text = st.lists(st.sampled_from(NEWS_TOKENS), max_size=40).map(" ".join)


@FUZZ
@given(text=st.text(max_size=300) | news_text, language=st.sampled_from(["de", "en"]),
       published=st.sampled_from([None, "2024", "2024-06", "2024-06-04", "1999-12-31"]))
def test_annotate_never_raises_and_spans_stay_inside(text, language, published):
    RUNS["annotate"] += 1
    from eventwire.annotate import annotate

    article = annotate(text, language=language, published=published)
    n = len(text)
    for group in (article.mentions, article.actors, article.places, article.dates):
        for span in group:
            assert 0 <= span.start < span.end <= n, span
            assert text[span.start:span.end] == span.text, span
    for event in article.events:
        (s_start, s_end), (t_start, t_end) = event.sentence_span, event.trigger_span
        assert 0 <= s_start <= t_start < t_end <= s_end <= n and text[s_start:s_end] == event.sentence
        # a separable verb's trigger is "wies ... zurück": its parts open and close the span, in order
        parts = event.trigger.split(" ... ")
        assert text[t_start:t_end].startswith(parts[0]) and text[t_start:t_end].endswith(parts[-1]), event
        assert event.aux in (None, "historical", "future", "hypothetical", "negation")
        assert isinstance(event.cameo, str) and event.date_precision in (None, "day", "month", "year")


def test_examples_run_report(capsys):
    """Prints how many examples each property ran; fails when a property ran too few."""
    if not RUNS:
        pytest.skip("run the whole module to get the report")
    with capsys.disabled():
        print(f"\nfuzz examples run: {sum(RUNS.values())} ("
              + ", ".join(f"{name}: {count}" for name, count in sorted(RUNS.items())) + ")")
    assert all(count >= 50 for count in RUNS.values()), RUNS

