"""Event coding against the German gold events (../shared/data/gold_de/dev.json) and English (gold_en).

Reads the gold articles, runs ``eventwire.annotate.annotate`` on each text and scores the coded events
with the rule of gold_de/README.md: an event matches a gold event when the PLOVER type is equal, the
actor codes share an entity and, where both name a recipient, the recipient codes share one; CONSULT is
reciprocal (any shared participant counts). Matching is one to one. Only gold events with aux null or
"historical" are scored, and only coded events with aux null or "historical" count as predictions.
Writes nothing; returns ``f1``, ``precision``, ``recall`` (German) and ``en_f1`` (English).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

SCORED_AUX = (None, "historical")


def _codes(parties: Iterable[dict]) -> set[str]:
    return {p.get("code") for p in parties if p.get("code")}


def events_match(pred: dict, gold: dict, entity: Callable[[str], str] = str) -> bool:
    """The gold_de scoring rule for one pair; ``entity`` maps a code to the entity compared."""
    if pred["event"] != gold["event"]:
        return False
    p_act = {entity(c) for c in _codes(pred["actor"])}
    g_act = {entity(c) for c in _codes(gold["actor"])}
    p_rec = {entity(c) for c in _codes(pred.get("recipient") or [])}
    g_rec = {entity(c) for c in _codes(gold.get("recipient") or [])}
    if gold["event"] == "CONSULT":
        return bool((p_act | p_rec) & (g_act | g_rec))
    if not p_act & g_act:
        return False
    return not (p_rec and g_rec) or bool(p_rec & g_rec)


def match_count(preds: list[dict], golds: list[dict], match: Callable[[dict, dict], bool]) -> int:
    """Size of a maximum one-to-one matching (augmenting paths; articles hold few events)."""
    edges = [[g for g, gold in enumerate(golds) if match(pred, gold)] for pred in preds]
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(preds)))


def prf(matched: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def score_articles(gold_articles: list[dict], coded: dict[str, list[dict]]) -> dict[str, Any]:
    """Scores for gold articles against coded events (article id -> event dicts)."""
    matched = n_pred = n_gold = 0
    for art in gold_articles:
        golds = [e for e in art["events"] if e.get("aux") in SCORED_AUX]
        preds = [e for e in coded.get(art["id"], []) if e.get("aux") in SCORED_AUX]
        matched += match_count(preds, golds, events_match)
        n_pred += len(preds)
        n_gold += len(golds)
    return {**prf(matched, n_pred, n_gold), "matched": matched, "predicted": n_pred, "gold": n_gold}


def code_gold_texts(gold_articles: list[dict], language: str) -> dict[str, list[dict]]:
    from ..annotate import annotate

    coded = {}
    for art in gold_articles:
        article = annotate(art["text"], language=language, uri=f"gold:{art['id']}", strict=False)
        coded[art["id"]] = [e.to_json() for e in article.events]
    return coded


def evaluate(shared: Path) -> dict[str, float | int]:
    german = json.loads((shared / "data/gold_de/dev.json").read_text(encoding="utf-8"))
    result = score_articles(german, code_gold_texts(german, "de"))
    english_path = shared / "data/gold_en/dev.json"
    if english_path.exists():
        english = json.loads(english_path.read_text(encoding="utf-8"))
        result["en_f1"] = score_articles(english, code_gold_texts(english, "en"))["f1"]
    return result
