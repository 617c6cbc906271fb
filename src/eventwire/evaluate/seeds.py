"""Events of the two founding documents (../shared/seeds), as listed in seeds/README.md.

Reads the raw seed pages, cleans them with ``eventwire.stages.clean.clean_text`` when that stage is
installed, codes them with ``eventwire.annotate.annotate`` and checks the five events a reader extracts
(type, actor and recipient entities; meetings also with the place's country and the date). The expected
events are facts (who met whom, where, when), written here as codes; the pages stay in ../shared.
Writes nothing; returns ``seeds_events`` (0-5).
"""

from __future__ import annotations

from pathlib import Path

from .events import SCORED_AUX, events_match

#: file prefix -> expected events: (type, actor codes, recipient codes, place country, date prefix)
EXPECTED = {
    "000_": [("CONSULT", {"AZE", "NATO"}, set(), "BEL", "2021-12-14"),
             ("SUPPORT", {"NATO"}, {"AZE"}, None, "2021"),
             ("AGREE", {"AZE"}, {"ARM"}, None, "2021")],
    "003_": [("CONSULT", {"NATO", "AZE"}, set(), "AZE", "2024"),
             ("SUPPORT", {"NATO"}, {"AZE"}, None, "2024")],
}


def _article_text(raw: str) -> tuple[str, str | None, str | None]:
    try:
        from ..stages.clean import clean_text
    except ModuleNotFoundError:
        return raw, None, None
    cleaned = clean_text(raw, "de")
    text = cleaned.body
    if cleaned.title and cleaned.title not in text:
        text = f"{cleaned.title}\n{text}"
    return text, cleaned.title, cleaned.dateline


def _found(expected: tuple, events: list[dict]) -> bool:
    kind, actors, recipients, country, date = expected
    gold = {"event": kind, "actor": [{"code": c} for c in actors],
            "recipient": [{"code": c} for c in recipients]}
    for event in events:
        if not events_match(event, gold):
            continue
        if country and (event.get("location") or {}).get("country") != country:
            continue
        if date and not (event.get("date") or "").startswith(date):
            continue
        return True
    return False


def evaluate(shared: Path) -> dict[str, float | int]:
    from ..annotate import annotate

    hits = 0
    for path in sorted((shared / "seeds").glob("*.txt")):
        expected = next((v for k, v in EXPECTED.items() if path.name.startswith(k)), [])
        text, title, dateline = _article_text(path.read_text(encoding="utf-8"))
        article = annotate(text, language="de", title=title, dateline=dateline, uri=str(path), strict=False)
        events = [e.to_json() for e in article.events if e.aux in SCORED_AUX]
        hits += sum(_found(e, events) for e in expected)
    return {"seeds_events": hits}
