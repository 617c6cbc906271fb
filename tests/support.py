"""Test support shared by the test modules: paths, the project's own example texts, generators.

A module of its own (not conftest.py) so that `from support import ...` is unambiguous next to
tests/web/conftest.py.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"

GERMAN_ARTICLE = (
    "Merz empfängt Macron in Berlin\n"
    "Bundeskanzler Friedrich Merz hat am Donnerstag in Berlin den französischen Präsidenten Emmanuel "
    "Macron empfangen. Die beiden Politiker sprachen über die Verteidigung Europas und die Hilfe für die "
    "Ukraine. Merz dankte Macron für die enge Zusammenarbeit. Macron forderte mehr gemeinsame "
    "Investitionen der Europäischen Union in die Rüstungsindustrie."
)
ENGLISH_ARTICLE = (
    "Japan and South Korea agree to resume security talks\n"
    "The foreign ministers of Japan and South Korea agreed on Monday in Tokyo to resume regular security "
    "talks after a pause of two years. Both governments condemned the latest missile launch by North "
    "Korea and urged Pyongyang to return to negotiations. Officials said a summit could follow later in "
    "the year."
)




def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def generated_articles(n: int, seed: int = 0) -> list[dict]:
    """n distinct news-style articles from the project's own templates (for scale and crash tests)."""
    import random

    rng = random.Random(seed)
    states = [("Österreich", "Wien"), ("Polen", "Warschau"), ("Frankreich", "Paris"), ("Italien", "Rom"),
              ("Spanien", "Madrid"), ("Ungarn", "Budapest"), ("Tschechien", "Prag"), ("Belgien", "Brüssel")]
    verbs = ["kritisierte", "lobte", "traf", "unterstützte", "verurteilte"]
    out = []
    for i in range(n):
        (a, ca), (b, _) = rng.sample(states, 2)
        words = " ".join(rng.choice(["Handel", "Energie", "Migration", "Klima", "Sicherheit", "Haushalt",
                                     "Forschung", "Verkehr", "Landwirtschaft"]) for _ in range(12))
        text = (f"Bericht {i}: {a} und {b}\nDie Regierung von {a} {rng.choice(verbs)} am Dienstag in {ca} "
                f"die Regierung von {b}. Themen der Gespräche waren nach Angaben der Sprecher: {words}. "
                f"Meldung Nummer {i} mit Kennung {rng.getrandbits(64):x} für die Prüfung.")
        out.append({"text": text, "url": f"https://example.org/gen/{i}", "published": "2024-06-04"})
    return out
