"""The JSON API: every route, the one error shape, filters, paging, sorting, search, injection strings."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from eventwire.model import ARTICLE_FIELDS, EVENT_FIELDS

ERROR_KEYS = {"status", "code", "message", "detail"}


def assert_error(response, status: int, code: str):
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


# -- the error shape ------------------------------------------------------------------------------
def test_error_shape_404(client):
    error = assert_error(client.get("/api/events/no-such-event"), 404, "not_found")
    assert error["detail"] is None
    assert_error(client.get("/api/articles/no-such-article"), 404, "not_found")
    assert_error(client.get("/api/actors/XYZ"), 404, "not_found")
    assert_error(client.get("/api/no/such/route"), 404, "not_found")


def test_error_shape_422_names_the_parameter(client):
    error = assert_error(client.get("/api/events?quad_class=7"), 422, "invalid_parameter")
    assert error["detail"][0]["loc"] == ["query", "quad_class"]
    assert_error(client.get("/api/events?date_from=2024-02-30"), 422, "invalid_parameter")
    assert_error(client.get("/api/events?sort=actor"), 422, "invalid_parameter")
    assert_error(client.get("/api/events?limit=0"), 422, "invalid_parameter")
    assert_error(client.get("/api/events?date_from=2024-05-01&date_to=2024-04-01"), 422, "invalid_parameter")


def test_error_shape_405_and_500(app, client):
    assert_error(client.post("/api/events"), 405, "method_not_allowed")

    def explode():
        raise RuntimeError("secret internals")

    app.add_api_route("/api/test-explode", explode)
    error = assert_error(client.get("/api/test-explode"), 500, "internal_error")
    assert "secret" not in json.dumps(error)


def test_security_headers_on_api_and_errors(client):
    for path in ("/api/events", "/api/events/missing", "/api/events?limit=-1"):
        response = client.get(path)
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"


# -- events ----------------------------------------------------------------------------------------
def test_events_are_the_jsonl_contract(client):
    body = client.get("/api/events?limit=500").json()
    assert set(body) == {"total", "limit", "offset", "items"}
    assert body["total"] == len(body["items"]) >= 3
    for item in body["items"]:
        assert tuple(item) == EVENT_FIELDS
        assert isinstance(item["cameo"], str)


def test_real_pipeline_output_is_served(client, article_ids):
    """Events coded by the pipeline itself (not the inserted ones) reach the API and the event page."""
    japan = article_ids["https://wire.example.com/en/japan-korea"]
    items = client.get(f"/api/events?article_id={japan}").json()["items"]
    coded = [e for e in items if not e["coder"].startswith("test-fixture")]
    assert coded, "the pipeline coded no event in the Japan/South Korea article"
    codes = {x["code"] for e in coded for x in e["actor"] + e["recipient"]}
    assert codes & {"JPN", "KOR", "PRK"}
    assert client.get(f"/events/{coded[0]['id']}").status_code == 200


def test_event_filters(client):
    assault = client.get("/api/events?event=ASSAULT").json()
    assert "t-assault" in [e["id"] for e in assault["items"]]
    assert all(e["event"] == "ASSAULT" for e in assault["items"])
    assert client.get("/api/events?quad_class=4").json()["total"] >= 1
    assert all(e["quad_class"] == 4 for e in client.get("/api/events?quad_class=4").json()["items"])
    by_actor = client.get("/api/events?actor=LBN&side=recipient").json()["items"]
    assert "t-assault" in [e["id"] for e in by_actor]
    assert all("LBN" in [r["code"] for r in e["recipient"]] for e in by_actor)
    assert all(e["location"]["country"] == "LBN"
               for e in client.get("/api/events?country=LBN").json()["items"])
    text = client.get("/api/events?q=TARGETS").json()["items"]
    assert "t-assault" in [e["id"] for e in text]
    dated = client.get("/api/events?date_from=2024-03-27&date_to=2024-03-27").json()["items"]
    assert "t-request" in [e["id"] for e in dated] and "t-assault" not in [e["id"] for e in dated]


def test_event_paging_and_sorting(client):
    everything = client.get("/api/events?limit=500&sort=goldstein&order=asc").json()
    scores = [e["goldstein"] for e in everything["items"]]
    assert scores == sorted(scores) and scores[0] == -10.0
    first = client.get("/api/events?limit=2&offset=0&sort=goldstein&order=asc").json()
    second = client.get("/api/events?limit=2&offset=2&sort=goldstein&order=asc").json()
    assert first["total"] == second["total"] == everything["total"]
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything["items"][:4]]
    by_date = client.get("/api/events?limit=500&sort=date&order=desc").json()["items"]
    assert by_date[0]["article_id"] != "" and len(by_date) == everything["total"]


def test_event_by_id(client):
    event = client.get("/api/events/t-assault").json()
    assert tuple(event) == EVENT_FIELDS
    assert event["event"] == "ASSAULT" and event["trigger"] == "attacked"


# -- articles --------------------------------------------------------------------------------------
def test_articles_list_and_filters(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 5
    assert all(tuple(a) == ARTICLE_FIELDS for a in body["items"])
    german = client.get("/api/articles?language=de").json()
    assert german["total"] == 2 and all(a["language"] == "de" for a in german["items"])
    assert client.get("/api/articles?site=news.example.org").json()["total"] == 2
    march = client.get("/api/articles?date_from=2024-03-20&date_to=2024-03-31").json()
    assert march["total"] == 2
    page = client.get("/api/articles?limit=2&offset=4").json()
    assert page["total"] == 5 and len(page["items"]) == 1


@pytest.mark.parametrize("query, url_part", [
    ("Angriffe", "polen-kritik"),        # German plural -> "Angriff" in the text
    ("kritisiert Warschau", "polen-kritik"),
    ("Zusammenarbeiten", "merz-macron"),  # plural of "Zusammenarbeit"
    ("Wahlkampf", None),                  # a word no article has
    ("attack", "israel-strikes"),         # English stem of "attacked"
    ("negotiation", "japan-korea"),
    ("\"security talks\"", "japan-korea"),
])
def test_article_search_stems_german_and_english(client, query, url_part):
    items = client.get("/api/articles", params={"q": query}).json()["items"]
    if url_part is None:
        assert items == []
    else:
        assert items and url_part in items[0]["url"]


def test_article_search_combines_with_filters(client):
    assert client.get("/api/articles", params={"q": "talks", "language": "de"}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": "talks", "language": "en"}).json()["total"] >= 1


def test_article_detail(client, article_ids):
    article_id = article_ids["https://news.example.org/de/polen-kritik"]
    body = client.get(f"/api/articles/{article_id}").json()
    assert set(body) == {"article", "mentions", "actors", "places", "dates", "events"}
    assert tuple(body["article"]) == ARTICLE_FIELDS
    text = body["article"]["text"]
    for mention in body["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]


# -- actors, stats, runs ---------------------------------------------------------------------------
def test_actors(client):
    body = client.get("/api/actors").json()
    rows = {a["code"]: a for a in body["items"]}
    assert {"ISR", "LBN"} <= set(rows)
    assert rows["LBN"]["as_recipient"] >= 1
    assert "ISR" in [p["code"] for p in rows["LBN"]["partners"]]
    assert client.get("/api/actors?q=L").json()["items"][0]["code"].startswith("L")
    one = client.get("/api/actors/LBN").json()
    assert one["code"] == "LBN" and any(d["a"] == "ISR" and d["b"] == "LBN" for d in one["dyads"])


def test_stats_per_week(client):
    body = client.get("/api/stats").json()
    assert body["total"] == client.get("/api/events").json()["total"]
    weeks = body["weeks"]
    assert weeks == sorted(weeks) and all(w >= "2024-03-04" for w in weeks)
    assert sum(r["events"] for r in body["by_quad_class"]) == body["total"]
    assert sum(r["events"] for r in body["by_event"]) == body["total"]
    filtered = client.get("/api/stats?quad_class=4").json()
    material_conflict = client.get("/api/events?quad_class=4").json()["total"]
    assert sum(r["events"] for r in filtered["by_quad_class"]) == material_conflict
    assert all(r["quad_class"] == 4 for r in filtered["by_quad_class"])
    assert "2024-03-25" in [r["week"] for r in filtered["by_quad_class"]]  # the inserted assault's week
    assert body["totals"]["articles"] == 5


def test_runs_and_rejects(client):
    runs = client.get("/api/runs").json()
    assert runs and runs[0]["status"] == "done"
    rejects = client.get("/api/rejects").json()
    assert set(rejects) == {"total", "limit", "offset", "items"}


def test_openapi_lists_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/actors", "/api/stats"):
        assert path in paths


# -- hostile input ---------------------------------------------------------------------------------
INJECTIONS = ["' OR '1'='1", "DEU'; DROP TABLE events; --", "1 OR 1=1", "%", "_", "\\", "\" OR \"\"=\"",
              "1); DELETE FROM articles; --", "ÄÖÜ' UNION SELECT * FROM runs --"]
FILTERS = {
    "/api/events": ["actor", "side", "event", "quad_class", "country", "date_from", "date_to", "article_id",
                    "q", "sort", "order", "limit", "offset"],
    "/api/stats": ["actor", "event", "quad_class", "country", "date_from", "q", "article_id"],
    "/api/articles": ["q", "language", "site", "date_from", "date_to", "limit", "offset"],
    "/api/actors": ["q", "partners", "limit", "offset"],
}


def test_sql_injection_strings_break_nothing_and_leak_nothing(client, web_store):
    before = [web_store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "events", "runs")]
    for path, names in FILTERS.items():
        for name in names:
            for value in INJECTIONS:
                response = client.get(path, params={name: value})
                assert response.status_code in (200, 422), (path, name, value)
                if response.status_code == 422:
                    assert_error(response, 422, "invalid_parameter")
                    continue
                total = response.json()["total"]
                if (path, name) == ("/api/articles", "q"):
                    # full-text words: "1 OR 1=1" may find the article with "alert(1)", never all
                    assert total < before[0], value
                else:
                    # a value that is no code, date or sentence text must match nothing, not everything
                    assert total == 0, (path, name, value)
    for path in ("/api/events/", "/api/articles/", "/api/actors/"):
        for value in INJECTIONS:
            assert client.get(path + quote(value, safe="")).status_code in (404, 422)
    after = [web_store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
             for t in ("articles", "events", "runs")]
    assert before == after
