"""Dates and places of the gold events: are they found, and does the event coder's sentence lookup agree?

Reads ../shared/data/gold_de/dev.json and ../shared/data/gold_en/dev.json (each gold event has a verbatim
``sentence``, a ``date_text`` or null and a ``location`` {"name", "country"} or null), runs
``eventwire.annotate.annotate`` on each article and writes nothing (``--debug`` prints the misses on
stderr). Figures, per language (prefix ``de_`` or ``en_``), each share with the ``_n`` it is taken over:

- ``date_text_found``: of the gold events with a ``date_text``, the share for which ``find_dates``
  gives a span overlapping that text (its occurrence nearest to the gold sentence). Resolved against a
  stand-in reference, since the gold articles carry no date and without one only explicit dates come
  back: this figure measures recognition, not values.
- ``sentence_date_equal``: of those whose ``date_text`` resolves in the annotated article (a DateRef of
  ``article.dates`` overlaps it), the share where ``sentence_date`` for the gold sentence, called as the
  event coder calls it (the whole sentence span), has the same value. The article is annotated as the
  pipeline sees it: no publication date, so relative dates resolve only where the dateline or
  ``infer_year`` fixed one.
- ``sentence_date_ref_equal``: the same with the stand-in date given as the article's publication date,
  so that weekdays and relative expressions resolve too (it tests the choice of expression);
  ``sentence_date_ref_equal_inside`` counts only the date texts inside their gold sentence (the
  annotators give the nearest date when the sentence has none, and ``sentence_date`` looks no further
  than the sentence).
- ``place_country``: of the gold events whose location has a country, the share where
  ``sentence_place`` for the gold sentence gives a place in that country.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..annotate import annotate
from ..dates import find_dates
from ..model import Article, DateRef
from ..stages.dates import sentence_date
from ..stages.places import sentence_place

#: a publication date for articles that have none (derStandard 2015-16, BBC 2004-05): a mid-year day, so
#: that every date expression resolves; its value is never compared with the gold
STAND_IN = "2016-06-15"
LANGUAGES = ("de", "en")
FIGURES = ("date_text_found", "sentence_date_equal", "sentence_date_ref_equal",
           "sentence_date_ref_equal_inside", "place_country")


def locate(text: str, surface: str, near: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of ``surface`` in ``text`` nearest to the span ``near`` (inside it first)."""
    best, best_gap = None, None
    for haystack, needle in ((text, surface), (text.lower(), surface.lower())):
        at = haystack.find(needle)
        while at >= 0:
            end = at + len(needle)
            gap = 0 if near[0] <= at and end <= near[1] else min(abs(at - near[1]), abs(near[0] - end)) + 1
            if best_gap is None or gap < best_gap:
                best, best_gap = (at, end), gap
            at = haystack.find(needle, at + 1)
        if best is not None:
            return best
    return None


def overlapping(dates: list[DateRef], span: tuple[int, int]) -> DateRef | None:
    return next((d for d in dates if d.start < span[1] and span[0] < d.end), None)


class Tally:
    """Hits and totals per figure, and the misses for ``--debug``."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.totals: dict[str, int] = {}
        self.misses: list[str] = []

    def count(self, figure: str, hit: bool, why: str) -> None:
        self.totals[figure] = self.totals.get(figure, 0) + 1
        self.hits[figure] = self.hits.get(figure, 0) + int(hit)
        if not hit:
            self.misses.append(f"{figure}: {why}")

    def figures(self, prefix: str) -> dict[str, float | int]:
        out: dict[str, float | int] = {}
        for figure in FIGURES:
            total = self.totals.get(figure, 0)
            out[f"{prefix}{figure}"] = round(self.hits.get(figure, 0) / total, 3) if total else 0.0
            out[f"{prefix}{figure}_n"] = total
        return out


def score_date(tally: Tally, figure: str, article: Article, sentence: tuple[int, int],
               span: tuple[int, int]) -> None:
    """Count ``figure`` when the gold date text resolves in ``article``: does the sentence date agree?"""
    gold = overlapping(article.dates, span)
    if gold is None:
        return
    found = sentence_date(article, *sentence)
    value = found.value if found is not None else None
    tally.count(figure, value == gold.value,
                f"{gold.text!r}={gold.value} got {value} ({found.text if found else ''!r})")


def score_article(tally: Tally, item: dict, lang: str) -> None:
    text = item["text"]
    article = annotate(text, language=lang)
    with_date = annotate(text, language=lang, published=STAND_IN)
    recognised = find_dates(text, lang, STAND_IN)
    for event in item["events"]:
        at = text.find(event["sentence"])
        if at < 0:
            continue
        sentence = (at, at + len(event["sentence"]))
        if event.get("date_text"):
            span = locate(text, event["date_text"], sentence)
            if span is not None:
                tally.count("date_text_found", overlapping(recognised, span) is not None,
                            f"{item['id']}: {event['date_text']!r}")
                score_date(tally, "sentence_date_equal", article, sentence, span)
                score_date(tally, "sentence_date_ref_equal", with_date, sentence, span)
                if sentence[0] <= span[0] and span[1] <= sentence[1]:
                    score_date(tally, "sentence_date_ref_equal_inside", with_date, sentence, span)
        country = (event.get("location") or {}).get("country")
        if country:
            place = sentence_place(article, *sentence)
            got = f"{place.text!r}->{place.country}" if place is not None else "nothing"
            tally.count("place_country", place is not None and place.country == country,
                        f"{item['id']}: {event['location'].get('name')!r} {country}, got {got}")


def evaluate(shared: Path, debug: bool = False) -> dict[str, float | int]:
    figures: dict[str, float | int] = {}
    for lang in LANGUAGES:
        path = Path(shared) / "data" / f"gold_{lang}" / "dev.json"
        if not path.exists():
            continue
        tally = Tally()
        for item in json.loads(path.read_text(encoding="utf-8")):
            score_article(tally, item, lang)
        figures.update(tally.figures(f"{lang}_"))
        if debug:
            print("\n".join(f"[{lang}] {miss}" for miss in tally.misses), file=sys.stderr)
    return figures


def main(argv: list[str] | None = None) -> int:
    from . import __main__ as runner

    parser = argparse.ArgumentParser(prog="python -m eventwire.evaluate.dates_places")
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--debug", action="store_true", help="print the misses on stderr")
    args = parser.parse_args(argv)
    for key, value in evaluate(args.shared or runner.shared_dir(), debug=args.debug).items():
        print(f"{key:<36} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
