"""Readers: every input kind, encodings, and arbitrary bytes never raising."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from eventwire.model import Rejection, Source
from eventwire.settings import Settings
from eventwire.stages.read import decode, partial_date, read_bytes, read_unit

GERMAN = "Die Außenministerin äußerte sich über Grüße aus Köln und Maßnahmen in Österreich."


def _items(path):
    return list(read_unit(("file", str(path)), Settings()))


def test_decode_encodings():
    for codec in ("utf-8", "cp1252", "latin-1", "utf-16"):
        data = GERMAN.encode(codec)
        text, _why = decode(data)
        assert text is not None and "Außenministerin" in text and "Österreich" in text, codec


def test_binary_is_rejected():
    assert decode(bytes(range(256)) * 20)[0] is None


def test_kinds_by_content_and_extension(tmp_path):
    (tmp_path / "a.txt").write_text("Titel\n" + GERMAN * 5, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{GERMAN}</p></body></html>", encoding="utf-8")
    (tmp_path / "c").write_text(f"<!DOCTYPE html><html><body><p>{GERMAN}</p></body></html>")
    assert _items(tmp_path / "a.txt")[0].kind == "text"
    assert _items(tmp_path / "b.html")[0].kind == "html"
    assert _items(tmp_path / "c")[0].kind == "html"


def test_jsonl_lines_and_broken_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "eins", "published": "2024-03"}\n{broken\n{"text": "drei"}\n')
    items = list(read_unit(("jsonl", str(path), 0, path.stat().st_size, 1), Settings()))
    assert [type(i).__name__ for i in items] == ["Source", "Rejection", "Source"]
    assert items[0].meta["published"] == "2024-03" and items[0].meta["published_precision"] == "month"
    assert items[1].reason == "bad_jsonl_line" and items[1].uri.endswith("#L2")


def test_feed_entries(tmp_path):
    feed = tmp_path / "f.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Eins</title>'
        "<link>https://example.org/1</link><guid>g1</guid><pubDate>Tue, 04 Jun 2024 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{GERMAN}&lt;/p&gt;</description></item></channel></rss>")
    (item,) = _items(feed)
    assert isinstance(item, Source) and item.kind == "record"
    assert item.meta["published"] == "2024-06-04" and item.meta["published_method"] == "feed_date"
    assert "Außenministerin" in item.payload


def test_invalid_feed_is_rejected(tmp_path):
    feed = tmp_path / "bad.rss"
    feed.write_text('<?xml version="1.0"?><rss><channel><item><title>x</title></chan')
    items = _items(feed)
    assert all(isinstance(i, Rejection) for i in items) and items[0].reason in ("bad_feed", "empty_input")


def test_warc_records(tmp_path):
    from eventwire.inputs.warc import write_warc as make_warc

    path = tmp_path / "x.warc.gz"
    make_warc(path, [("https://example.org/a", f"<html><body><p>{GERMAN}</p></body></html>".encode())])
    (item,) = _items(path)
    assert item.kind == "html" and item.uri.startswith(str(path)) and "#urn:uuid:" in item.uri
    assert item.meta["url"] == "https://example.org/a"


def test_partial_dates():
    assert partial_date("2024") == ("2024", "year")
    assert partial_date("2024-03-17T10:00:00Z") == ("2024-03-17", "day")
    assert partial_date("2024-13-01") == (None, None)
    assert partial_date("gestern") == (None, None)


@hsettings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.rss", "x.jsonl", "x"]))
def test_arbitrary_bytes_never_raise(data, name):
    for item in read_bytes(data, "mem", name, Settings()):
        assert isinstance(item, (Source, Rejection))


@hsettings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_files_never_raise(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "f.warc.gz"
    path.write_bytes(b"\x1f\x8b" + data)
    for item in read_unit(("file", str(path)), Settings()):
        assert isinstance(item, (Source, Rejection))
