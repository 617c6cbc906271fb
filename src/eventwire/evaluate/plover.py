"""English event coding against the PLOVER gold standard records (../shared/data/plover_gsr/dev.json).

Reads the 164 one-sentence records, codes each sentence with ``eventwire.annotate.annotate`` (English)
and counts a record as found when one coded event (aux null or "historical") has the record's type and
shares an actor entity with it and, where both name one, a recipient entity. The records use PLOVER 0.5
names (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), CAMEO's JAP for
Japan, and the class IGO/NGO for organisations, so organisation codes are compared as their class.
Writes nothing; returns ``share`` (found / records), ``found`` and ``records``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .events import SCORED_AUX, events_match

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CAMEO_CODES = {"JAP": "JPN"}


def _organisation_codes() -> frozenset[str]:
    """Every organisation code eventwire emits (igos.tsv, NGO): the issue compares them as class IGO."""
    from importlib import resources

    rows = (resources.files("eventwire.codebooks") / "igos.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t", 1)[0] for line in rows[1:] if line.strip()) | {"IGO", "NGO"}


IGO_CODES = _organisation_codes()
ARMED_GROUPS = frozenset({"ISIL", "ALQAEDA", "IMG"})


def entity_class(code: str) -> str:
    """The entity a code stands for in the gold records: a state's ISO3, IGO, NGO or IMG."""
    code = CAMEO_CODES.get(code, code)
    if code in IGO_CODES:
        return "IGO"
    if code in ARMED_GROUPS:
        return "IMG"
    return code


def gold_event(record: dict) -> dict:
    return {
        "event": OLD_TYPES.get(record["event"], record["event"]),
        "actor": [{"code": s["code"]} for s in record.get("source") or []],
        "recipient": [{"code": t["code"]} for t in record.get("target") or []],
    }


def evaluate(shared: Path) -> dict[str, float | int]:
    from ..annotate import annotate

    records = json.loads((shared / "data/plover_gsr/dev.json").read_text(encoding="utf-8"))
    found = 0
    for record in records:
        article = annotate(record["text"], language="en", uri=f"gsr:{record['id']}", strict=False)
        gold = gold_event(record)
        coded = [e.to_json() for e in article.events if e.aux in SCORED_AUX]
        found += any(events_match(e, gold, entity_class) for e in coded)
    return {"share": round(found / len(records), 4) if records else 0.0, "found": found,
            "records": len(records)}
