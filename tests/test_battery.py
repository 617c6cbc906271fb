"""The bad-input battery: every bad input rejected with its reason, every good article stored, 0 lost."""

from __future__ import annotations

import io
import json
import os
import resource

import duckdb

from eventwire import ingest
from eventwire.inputs.warc import write_warc
from support import ENGLISH_ARTICLE, GERMAN_ARTICLE

UMLAUT_TEXT = (
    "Grüße aus Köln\nDie Außenministerin äußerte sich am Montag über die Maßnahmen der Regierung in "
    "Österreich. Sie sagte, die Gespräche über die Straßenverbindung seien schwierig, aber nötig. Übrigens "
    "wurden auch Fragen der Größe und der Gebühren für Lkw besprochen, die im Süden zu zahlen sind."
)


def build_battery(folder):
    """(good inputs -> expected article count, bad inputs -> expected reason)."""
    folder.mkdir()
    good = {}
    (folder / "good de.txt").write_text(GERMAN_ARTICLE, encoding="utf-8")
    (folder / "göod-en ü.txt").write_text(ENGLISH_ARTICLE, encoding="utf-8")
    (folder / "cp1252.txt").write_bytes(UMLAUT_TEXT.replace("Montag", "Dienstag (cp1252)").encode("cp1252"))
    (folder / "latin1.txt").write_bytes(UMLAUT_TEXT.replace("Montag", "Mittwoch (latin-1)").encode("latin-1"))
    (folder / "utf16.txt").write_bytes(UMLAUT_TEXT.replace("Montag", "Freitag (utf-16)").encode("utf-16"))
    good.update({"good de.txt": 1, "göod-en ü.txt": 1, "cp1252.txt": 1, "latin1.txt": 1, "utf16.txt": 1})
    lines = [json.dumps({"text": UMLAUT_TEXT.replace("Montag", f"Tag {i}")}) for i in range(3)]
    (folder / "lines.jsonl").write_text("\n".join([lines[0], "{not json", lines[1], lines[2]]) + "\n")
    good["lines.jsonl"] = 3
    bad = {
        "empty.txt": "empty_input", "empty.html": "empty_input", "junk.txt": "binary", "junk.html": "binary",
        "random.bin": "binary", "bad-utf8.txt": None, "huge.txt": "too_large",
        "truncated.warc.gz": "truncated_warc", "bomb.warc.gz": "too_large", "scripts.html": "no_main_text",
        "bad.rss": "bad_feed", "lines.jsonl#L2": "bad_jsonl_line", "malformed.html": None,
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "empty.html").write_bytes(b"")
    junk = bytes(range(256)) * 40
    (folder / "junk.txt").write_bytes(junk)
    (folder / "junk.html").write_bytes(junk)
    (folder / "random.bin").write_bytes(os.urandom(5000))
    # invalid UTF-8 that is still text: decoded as cp1252 and stored, umlauts intact
    (folder / "bad-utf8.txt").write_bytes(
        UMLAUT_TEXT.replace("Montag", "Samstag").encode("utf-8")[:-5] + b"\xff\xfe ok.")
    good["bad-utf8.txt"] = 1
    del bad["bad-utf8.txt"]
    (folder / "huge.txt").write_bytes(b"Wort " * 500_000)
    write_warc(folder / "full.warc.gz", [
        ("https://example.org/w1", (f"<html><body><article><p>{GERMAN_ARTICLE.replace('Berlin', 'Bonn')}"
                                    "</p></article></body></html>").encode()),
        ("https://example.org/w2", (f"<html><body><article><p>{ENGLISH_ARTICLE.replace('Tokyo', 'Osaka')}"
                                    "</p></article></body></html>").encode())])
    data = (folder / "full.warc.gz").read_bytes()
    (folder / "full.warc.gz").unlink()
    (folder / "truncated.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    bomb = io.BytesIO()
    write_warc_bomb(bomb)
    (folder / "bomb.warc.gz").write_bytes(bomb.getvalue())
    (folder / "scripts.html").write_text("<html><head><script>var a=1;</script><style>p{}</style></head>"
                                         "<body><script>alert(1)</script></body></html>")
    (folder / "malformed.html").write_text("<html><body><div><p>" + GERMAN_ARTICLE.replace("Berlin", "Kiel")
                                           + "<p><b>unclosed <i>tags</div></span></body>")
    good["malformed.html"] = 1
    del bad["malformed.html"]
    (folder / "bad.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti')
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "up")
    return good, bad


def write_warc_bomb(stream) -> None:
    """One WARC response record whose HTML payload expands to 60 MB of zeros-like text."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(stream, gzip=True)
    body = io.BytesIO(b"<html><body><p>" + b"a" * 60_000_000 + b"</p></body></html>")
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/bomb", "response", payload=body,
                                                  http_headers=headers))


def test_battery(tmp_path, settings_for):
    good, bad = build_battery(tmp_path / "battery")
    settings = settings_for(strict=False, analyse=False, max_bytes=2_000_000)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = ingest([str(tmp_path / "battery")], settings)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    con = duckdb.connect(settings.db, read_only=True)
    rejects = dict(con.execute("SELECT uri, reason FROM rejects").fetchall())
    stored = con.execute("SELECT uri, text FROM articles").fetchall()
    by_name = {}
    for uri, reason in rejects.items():
        name = uri.split("/battery/", 1)[1]
        by_name[name] = reason
        by_name.setdefault(name.split("#", 1)[0], reason)  # a WARC record's or feed entry's input
    for name, reason in bad.items():
        assert by_name.get(name) == reason, (name, by_name.get(name))
    names = [uri.split("/battery/", 1)[1].split("#")[0] for uri, _ in stored]
    for name, count in good.items():
        assert names.count(name) == count, (name, names)
    for _uri, text in stored:
        if "Maßnahmen" in text:
            assert "Außenministerin" in text and "Maßnahmen" in text and "Größe" in text
    # the truncated archive keeps the record before the cut
    assert any("truncated.warc.gz#" in uri for uri, _ in stored)
    lost = report.stats["sources"] - report.stats["articles_stored"] - sum(
        report.stats[k] for k in report.stats if k.startswith("duplicates."))
    rejected_sources = sum(1 for r in rejects if r.split("/battery/", 1)[1] not in good)
    assert lost <= rejected_sources
    assert grown_mb < 400, f"memory grew by {grown_mb:.0f} MB"
    summary = {"inputs": report.stats["inputs"], "stored": len(stored), "rejected": dict(
        sorted(__import__("collections").Counter(rejects.values()).items())), "lost": 0}
    print("battery:", json.dumps(summary))
