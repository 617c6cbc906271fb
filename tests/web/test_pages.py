"""The HTML pages and their SVG pictures, through TestClient: content, links, headers, errors."""

from __future__ import annotations

import re

import pytest

PAGES = ["/", "/events", "/events?quad_class=4", "/events?actor=LBN&sort=goldstein&order=asc",
         "/actors", "/actors?q=IS", "/actors/LBN", "/articles", "/articles?q=Angriffe&language=de",
         "/runs", "/docs", "/events/t-assault"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_strict_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in response.text  # the pages need no script at all
    assert 'href="/static/style.css"' in response.text


def test_home_shows_totals_search_and_latest_events(client):
    html = client.get("/").text
    assert 'action="/articles"' in html and 'name="q"' in html
    assert re.search(r"<strong>5</strong> articles", html)
    assert 'href="/events/t-request"' in html
    assert 'src="/timeline.svg"' in html


def test_events_page_has_facets_that_keep_filters(client):
    html = client.get("/events?quad_class=3").text
    assert "/events?quad_class=3&amp;event=ACCUSE" in html
    assert "t-assault" not in html
    assert 'src="/timeline.svg?quad_class=3"' in html


def test_events_page_pages(client):
    html = client.get("/events?limit=2").text
    assert 'rel="next" href="?limit=2&amp;offset=2"' in html
    assert 'rel="prev"' not in html
    assert 'rel="prev"' in client.get("/events?limit=2&offset=2").text


def test_event_page_highlights_spans_and_draws_the_map(client):
    html = client.get("/events/t-assault").text
    assert '<mark class="actor" title="actor: Israel military [ISR]">Israeli forces</mark>' in html
    assert '<mark class="trigger"' in html and ">attacked</mark>" in html
    assert "(precision: day)" in html
    assert "test-fixture/1, confidence 0.9" in html
    assert 'href="/map/world.svg?country=lb"' in html
    cx, cy = map(float, re.search(r'<circle cx="([\d.]+)" cy="([\d.]+)"', html).groups())
    # Beirut lies east of the prime meridian and north of the equator on the Robinson outline
    assert 1440 < cx < 1480 and 370 < cy < 410
    assert 'href="https://wire.example.com/en/israel-strikes"' in html


def test_event_page_without_place_has_no_map(client):
    html = client.get("/events/t-request").text
    assert "<svg" not in html and "unknown" in html


def test_actor_page(client):
    html = client.get("/actors/ISR").text
    assert 'src="/timeline.svg?actor=ISR"' in html
    assert 'src="/actors/ISR/network.svg"' in html
    assert 'href="/actors/LBN"' in html


def test_article_page_marks_annotations_and_links_events(client, article_ids):
    article_id = article_ids["https://wire.example.com/en/israel-strikes"]
    html = client.get(f"/articles/{article_id}").text
    # the trigger is marked and linked to an event coded on it (the pipeline's or the inserted one)
    assert re.search(r'<a class="mark trigger" href="/events/[0-9a-z-]+"', html)
    assert 'href="/events/t-assault"' in html
    text = re.search(r'<div class="text">(.*?)</div>', html, re.DOTALL).group(1)
    assert '<mark class="' in text
    assert "Israeli forces attacked" not in text  # the words are split by marks


@pytest.mark.parametrize("path, needle", [
    ("/timeline.svg", "verbal conflict"),
    ("/timeline.svg?actor=ISR", "material conflict"),
    ("/actors/LBN/network.svg", "ISR"),
    ("/map/world.svg?country=fr", 'fill="#f0b429" class="fr country'),
])
def test_svg_pictures_carry_no_script(client, path, needle):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "script-src" not in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "<script" not in response.text
    assert needle in response.text


def test_page_errors_are_html_with_the_status(client):
    missing = client.get("/events/no-such-event")
    assert missing.status_code == 404 and "Error 404" in missing.text
    invalid = client.get("/events?quad_class=nine")
    assert invalid.status_code == 422 and "quad_class" in invalid.text
    assert client.get("/actors/NOPE").status_code == 404
    assert client.get("/map/world.svg?country=<x>").status_code == 422


def test_docs_page_lists_operations(client):
    html = client.get("/docs").text
    assert "GET /api/events" in html and "quad_class" in html and "/openapi.json" in html


def test_static_css_is_served_with_nosniff(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200 and response.headers["x-content-type-options"] == "nosniff"


def test_robinson_places_points_where_the_outline_draws_them():
    from eventwire.web.charts import map_view, robinson

    assert robinson(0, 0) == (1206.5, 681.0)
    west, east = robinson(40, -74), robinson(40, 116)  # New York, Beijing
    assert west[0] < 1206.5 < east[0] and west[1] == east[1] < 681
    assert robinson(-33.9, 151.2)[1] > 681  # Sydney: south of the equator
    view = map_view(89.0, 179.0)  # a corner: the view stays inside the map
    assert view["left"] + view["width"] <= view["map_width"] and view["top"] >= 0
