"""Hostile article text renders inert: nothing from the data becomes markup, script or a link."""

from __future__ import annotations

from urllib.parse import quote

from fixtures import HOSTILE_IMG, HOSTILE_MARK

RAW = [HOSTILE_MARK, HOSTILE_IMG, "<a href=\"javascript:alert(1)\">", "onerror=alert(1)>"]


def _pages(client, article_ids):
    hostile = article_ids["https://wire.example.com/en/hostile"]
    events = client.get(f"/api/events?article_id={hostile}").json()["items"]
    assert any(e["id"] == "t-hostile" for e in events)
    paths = ["/", "/events", "/events?q=alert", "/articles", "/articles?q=Breaking", f"/articles/{hostile}",
             "/actors/DEU", "/actors/FRA", "/runs"]
    return paths + [f"/events/{quote(e['id'])}" for e in events]


def test_hostile_strings_never_appear_unescaped(client, article_ids):
    for path in _pages(client, article_ids):
        html = client.get(path).text
        for raw in RAW:
            assert raw not in html, (path, raw)
        assert "<script" not in html.lower(), path
        assert 'href="javascript:' not in html.lower(), path


def test_hostile_strings_are_shown_as_text(client, article_ids):
    hostile = article_ids["https://wire.example.com/en/hostile"]
    html = client.get(f"/articles/{hostile}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    event_html = client.get("/events/t-hostile").text
    assert "Evil &lt;img src=x onerror=alert(1)&gt;" in event_html


def test_javascript_url_is_not_a_link(web_store, client):
    web_store.con.execute(
        "INSERT INTO articles (id, uri, url, title, text, language, n_chars) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ["xss-url", "test:xss", "javascript:alert(1)", "Link test", "Plain text.", "en", 11])
    try:
        html = client.get("/articles/xss-url").text
        assert 'href="javascript' not in html
        assert "javascript:alert(1)" in html  # shown, as text
    finally:
        web_store.con.execute("DELETE FROM articles WHERE id = 'xss-url'")


def test_json_api_returns_the_text_unchanged(client, article_ids):
    hostile = article_ids["https://wire.example.com/en/hostile"]
    article = client.get(f"/api/articles/{hostile}").json()["article"]
    assert HOSTILE_MARK in article["title"]
    response = client.get(f"/api/articles/{hostile}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
