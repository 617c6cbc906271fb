"""Actor resolution against the German gold events and the two seed documents.

Reads ../shared/data/gold_de/dev.json and ../shared/seeds/*.txt; writes nothing (``--debug`` prints the
misses on stderr). Figures:

- ``code_share``: of the gold actor/recipient entities whose ``text`` occurs in their gold ``sentence``
  (implicit entities such as "[implizit: ...]" do not), the share that an ActorRef overlapping that span
  resolves to the gold code; ``n`` is how many such entities there are (each distinct span once).
- ``sector_share``: the same, where the overlapping actor with the gold code also has the gold sector.
- ``annotate_fallbacks``: texts on which the full ``annotate()`` failed in another stage, so that
  only sentences, mentions and actors ran (0 once every stage is sound).
- ``seeds_ok``: how many of the four seed checks hold (Aliyev AZE/GOV and Stoltenberg NATO/IGO in the
  2021 document; Stoltenberg NATO/IGO and Bayramov AZE/GOV in the 2024 one): every actor naming the
  person has that code and sector, and there is at least one.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path

from ..annotate import annotate
from ..errors import PipelineError
from ..model import Article

log = logging.getLogger(__name__)

#: (seed file prefix, publication date given to the pipeline, surname, code, sector)
SEED_CHECKS = (
    ("000_", "2021-12-14", "Aliyev", "AZE", "GOV"),
    ("000_", "2021-12-14", "Stoltenberg", "NATO", "IGO"),
    ("003_", "2024", "Stoltenberg", "NATO", "IGO"),
    ("003_", "2024", "Bayramov", "AZE", "GOV"),
)


FALLBACKS = {"n": 0}


def annotate_de(text: str, published: str | None = None) -> Article:
    """The package's annotate(); when the full pipeline cannot be built or one of its other stages
    fails on this text, the stages up to actors alone (counted as ``annotate_fallbacks``)."""
    try:
        return annotate(text, language="de", published=published)
    except PipelineError:
        FALLBACKS["n"] += 1
    except Exception as exc:  # noqa: BLE001 (another stage's bug must not hide this figure)
        log.warning("annotate failed (%s: %s); scoring mentions+actors alone", type(exc).__name__, exc)
        FALLBACKS["n"] += 1
    return _annotate_up_to_actors(text, published)


def _annotate_up_to_actors(text: str, published: str | None) -> Article:
    from ..pipeline import Context
    from ..stages.actors import Actors
    from ..stages.mentions import Mentions
    from ..stages.sentences import Sentences

    article = Article(id="eval", uri="eval:", text=text, language="de", published=published)
    for stage in (Sentences(), Mentions(), Actors()):
        article = stage(article, Context(strict=True))
    return article


def whole_word(surface: str) -> re.Pattern:
    """The surface as a whole word: "Niger" must not be found inside "Nigerias"."""
    return re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")


def gold_spans(article: dict) -> list[tuple[int, int, str, str, str]]:
    """Distinct (start, end, text, code, sector) of the gold entities found in the article text."""
    text, seen, out = article["text"], set(), []
    for event in article["events"]:
        sent_at = text.find(event["sentence"])
        if sent_at < 0:
            continue
        for entity in event["actor"] + event["recipient"]:
            found = whole_word(entity["text"]).search(event["sentence"]) if entity.get("text") else None
            if found is None or not entity.get("code"):
                continue
            start = sent_at + found.start()
            key = (start, start + len(entity["text"]), entity["text"], entity["code"], entity.get("sector"))
            if key not in seen:
                seen.add(key)
                out.append(key)
    return out


def score_gold(shared: Path, debug: bool = False) -> dict[str, float | int]:
    gold = json.loads((shared / "data" / "gold_de" / "dev.json").read_text(encoding="utf-8"))
    n = hits = sector_hits = 0
    for article in gold:
        annotated = annotate_de(article["text"])
        for start, end, surface, code, sector in gold_spans(article):
            overlapping = [a for a in annotated.actors if a.start < end and a.end > start]
            right = [a for a in overlapping if a.code == code]
            n += 1
            hits += bool(right)
            sector_hits += any(a.sector == sector for a in right)
            if debug and not right:
                got = ", ".join(f"{a.text!r}={a.code}/{a.sector}[{a.evidence}]" for a in overlapping) or "-"
                print(f"MISS {article['id']} {surface!r} gold={code}/{sector} got: {got}", file=sys.stderr)
    return {"code_share": hits / n if n else 0.0, "sector_share": sector_hits / n if n else 0.0, "n": n}


def score_seeds(shared: Path, debug: bool = False) -> int:
    ok = 0
    for prefix, date, surname, code, sector in SEED_CHECKS:
        paths = sorted((shared / "seeds").glob(f"{prefix}*.txt"))
        if not paths:
            continue
        article = annotate_de(paths[0].read_text(encoding="utf-8"), published=date)
        naming = [a for a in article.actors if surname in a.text]
        passed = bool(naming) and all(a.code == code and a.sector == sector for a in naming)
        ok += passed
        if debug and not passed:
            got = ", ".join(f"{a.text!r}={a.code}/{a.sector}" for a in naming) or "-"
            print(f"SEED {prefix} {surname} want {code}/{sector} got: {got}", file=sys.stderr)
    return ok


def evaluate(shared: Path, debug: bool = False) -> dict[str, float | int]:
    FALLBACKS["n"] = 0
    figures = score_gold(Path(shared), debug)
    figures["seeds_ok"] = score_seeds(Path(shared), debug)
    figures["annotate_fallbacks"] = FALLBACKS["n"]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.evaluate.actors")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--debug", action="store_true", help="print every missed entity on stderr")
    args = parser.parse_args(argv)
    for key, value in evaluate(args.shared, args.debug).items():
        print(f"{key}\t{value:.3f}" if isinstance(value, float) else f"{key}\t{value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
