"""Event records in other formats: GDELT 2.0 event rows and PLOVER JSON records.

``gdelt_rows(event, article)`` expands a PLOVER event into GDELT's 61 tab-separated columns, one row
per dyad (every actor x every recipient; a reciprocal event without recipient gives every pair of its
participants). GDELT has no partial dates: SQLDATE takes the first day of a month- or year-precise date
and FractionDate says so only implicitly, so prefer JSONL where precision matters. Geo country codes
are ISO3 (GDELT uses FIPS 10-4). ``plover_record`` follows the PLOVER manual's JSON fields.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61


def _is_state(code: str | None) -> bool:
    return bool(code) and len(code) == 3 and code.isalpha() and code.isupper() and code not in ("IGO",)


def _actor_cols(entity: dict[str, Any] | None) -> list[str]:
    if not entity:
        return [""] * 10
    code, sector = entity.get("code") or "", entity.get("sector") or ""
    state = _is_state(code) and sector != "IGO"
    return [
        code + (sector if sector and sector != "IGO" else ""),
        entity.get("name") or entity.get("text") or "",
        code if state else "",
        "" if state else code,
        "",
        "",
        "",
        sector,
        "",
        "",
    ]


def _geo_cols(location: dict[str, Any] | None) -> list[str]:
    if not location:
        return ["0"] + [""] * 7
    lat, lon = location.get("lat"), location.get("lon")
    return [
        "4" if lat is not None else "1",
        location.get("name") or "",
        location.get("country") or "",
        "",
        "",
        "" if lat is None else f"{lat:.4f}",
        "" if lon is None else f"{lon:.4f}",
        "",
    ]


def _dyads(event: dict[str, Any]) -> list[tuple[dict | None, dict | None]]:
    actors, recipients = event["actor"] or [None], event["recipient"]
    if recipients:
        return [(a, r) for a in actors for r in recipients]
    if len(actors) > 1:
        return list(combinations(actors, 2))
    return [(actors[0], None)]


def gdelt_rows(event: dict[str, Any], article: dict[str, Any] | None, number: int) -> list[list[str]]:
    date = event.get("date") or (article or {}).get("published") or ""
    year, month, day = (date.split("-") + ["01", "01"])[:3] if date else ("", "", "")
    sqldate = f"{year}{month or '01'}{day or '01'}" if year else ""
    fraction = f"{int(year) + (int(month or 1) - 1) / 12 + (int(day or 1) - 1) / 365:.4f}" if year else ""
    cameo = event.get("cameo") or ""
    rows = []
    for i, (a1, a2) in enumerate(_dyads(event)):
        rows.append(
            [
                f"{number}{i:02d}",
                sqldate,
                f"{year}{month or '01'}" if year else "",
                year,
                fraction,
                *_actor_cols(a1),
                *_actor_cols(a2),
                "1" if i == 0 else "0",
                cameo,
                cameo[:3],
                cameo[:2],
                str(event.get("quad_class") or ""),
                f"{event.get('goldstein', 0.0):.1f}",
                "1",
                "1",
                "1",
                "0",
                *_geo_cols(None),
                *_geo_cols(None),
                *_geo_cols(event.get("location")),
                sqldate,
                (article or {}).get("url") or (article or {}).get("uri") or "",
            ]
        )
    return rows


def plover_record(event: dict[str, Any], article: dict[str, Any] | None) -> dict[str, Any]:
    def entity(e: dict[str, Any]) -> dict[str, Any]:
        return {
            k: v
            for k, v in {
                "code": e.get("code"),
                "sector": e.get("sector"),
                "name": e.get("name"),
                "text": e.get("text"),
            }.items()
            if v
        }

    return {
        "id": event["id"],
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "actor": [entity(e) for e in event["actor"]],
        "recipient": [entity(e) for e in event["recipient"]],
        "event": [event["event"]],
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": event.get("context") or [],
        "event_loc": event.get("location"),
        "event_text": [event.get("trigger")],
        "quad_code": event.get("quad_class"),
        "event_scale": event.get("goldstein"),
        "text": event.get("sentence"),
        "aux": event.get("aux"),
        "cite_info": {
            "article_id": event["article_id"],
            "url": (article or {}).get("url"),
            "title": (article or {}).get("title"),
        },
        "coder": event.get("coder"),
        "cameo": event.get("cameo"),
        "confidence": event.get("confidence"),
    }
