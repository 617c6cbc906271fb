"""Calendar arithmetic against a reference date: the article's own date as an ISO 8601 partial.

Reads a reference ("2021", "2021-12", "2021-12-16") and parts of a date expression; returns ISO partial
values with their precision. A relative date never gets a finer precision than its reference.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from .lexicon import FUTURE, PRECISION_RANK, REL


class Ref(NamedTuple):
    day: date  # the reference, or a stand-in day inside it when it is a month or a year
    precision: str


def parse_reference(reference: str | None) -> Ref | None:
    """The reference ISO partial as a date and a precision; None when absent or unreadable."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", reference or "")
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if day:
            return Ref(date(year, month, day), "day")
        if month:
            return Ref(date(year, month, 15), "month")
        return Ref(date(year, 7, 1), "year")
    except ValueError:
        return None


def fmt(day: date, precision: str) -> str:
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


def relative(day: date, precision: str, ref: Ref, method: str = "relative") -> tuple[str, str, str]:
    """A date counted from the reference, never finer than the reference itself."""
    if PRECISION_RANK[ref.precision] > PRECISION_RANK[precision]:
        precision = ref.precision
    return fmt(day, precision), precision, method


def rel_offset(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower().removeprefix("the ")
    return next((off for stem, off in REL.items() if word.startswith(stem)), None)


def add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def nearest_year(ref: Ref, month: int, day: int = 15) -> int:
    """The year putting month/day nearest the reference, leaning to the past (news reports the past)."""
    if ref.precision == "year":
        return ref.day.year
    best, best_cost = ref.day.year, None
    for year in (ref.day.year - 1, ref.day.year, ref.day.year + 1):
        delta = (date(year, month, min(day, 28)) - ref.day).days
        cost = -delta if delta <= 0 else delta * 4  # a date ahead of the reference is 4x less likely
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best


def year4(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def is_future(text: str, start: int, end: int, lang: str) -> bool:
    """Does the clause around [start, end) speak of the future? (bounded by punctuation)"""
    left = max(text.rfind(p, max(0, start - 100), start) for p in ".;:!?,\n")
    right = [i for i in (text.find(p, end, end + 80) for p in ".;!?,\n") if i >= 0]
    clause = text[left + 1: min(right) if right else end + 80]
    return bool(FUTURE["de" if lang == "de" else "en"].search(clause))


def weekday_date(weekday: int, future: bool, ref: Ref) -> tuple[str, str, str]:
    """The latest such weekday on or before the reference; the next on or after it when ``future``."""
    back = (ref.day.weekday() - weekday) % 7
    day = ref.day + timedelta(days=(7 - back) % 7) if future else ref.day - timedelta(days=back)
    return relative(day, "day", ref, "weekday")
