"""Handlers: one per pattern kind, turning a match into (value, precision, method) or None.

Each gets the match, the reference (:class:`~.reference.Ref` or None), the text and the language. None
means the match is not a date here (a bare month name that may be a person, a count like "2000
Menschen") or cannot be resolved without a reference.
"""

from __future__ import annotations

import calendar
from datetime import timedelta

from .lexicon import COUNT_AFTER, COUNT_BEFORE, MONTH_NUM, NUMBERS, VAGUE, WEEKDAYS
from .reference import add_months, is_future, nearest_year, rel_offset, relative, weekday_date, year4


def day_month(m, ref, text, lang):
    month = int(m["month"]) if m["month"].isdigit() else MONTH_NUM[lang].get(m["month"].rstrip(".").lower())
    day = int(m["day"])
    if not month or not 1 <= month <= 12 or day < 1:
        return None
    if m["year"]:
        year, method = year4(m["year"]), "explicit"
    elif ref is not None:
        year, method = nearest_year(ref, month, day), "explicit+ref_year"
    else:
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day", method


def month_name(m, ref, text, lang):
    month = MONTH_NUM[lang][m["month"].rstrip(".").lower()]
    if m["year"]:
        return f"{m['year']}-{month:02d}", "month", "explicit"
    offset = rel_offset(m["rel"])
    if ref is None or (offset is None and not m["pre"]):
        return None  # a bare month name may be a person ("August Bebel") or a modal ("May")
    this = ref.day.year
    if offset == -1:
        year = this if month < ref.day.month else this - 1
    elif offset == 1:
        year = this if month > ref.day.month else this + 1
    else:
        year = this if offset == 0 else nearest_year(ref, month)
    return f"{year:04d}-{month:02d}", "month", "relative" if offset is not None else "explicit+ref_year"


def bare_year(m, ref, text, lang):
    year = int(m["year"])
    if not m["pre"]:
        if not 1900 <= year <= 2049 or COUNT_AFTER.match(text, m.end()):
            return None
        if COUNT_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            return None
    return str(year), "year", "explicit"


def rel_year(m, ref, text, lang):
    offset = -1 if m["prev"] else rel_offset(m["rel"])
    if ref is None or offset is None:
        return None
    return str(ref.day.year + offset), "year", "relative"


def rel_month(m, ref, text, lang):
    offset = rel_offset(m["rel"])
    if offset is None and m["pre"] and m["pre"].lower().endswith(("des", "of this")):
        offset = 0  # "Anfang des Monats", "zu Beginn des Monats"
    if ref is None or offset is None:
        return None
    return relative(add_months(ref.day, offset), "month", ref)


def rel_week(m, ref, text, lang):
    offset = -1 if m["prev"] else rel_offset(m["rel"])
    if ref is None or offset is None:
        return None
    return relative(ref.day + timedelta(days=7 * offset), "month", ref)


def weekend(m, ref, text, lang):
    if ref is None:
        return None
    future = rel_offset(m["rel"]) == 1 or is_future(text, m.start(), m.end(), lang)
    return weekday_date(5, future, ref)


def rel_day(m, ref, text, lang):
    if ref is None:
        return None
    word = (m["word"] or "").lower()
    offset = {"vorgestern": -2, "gestern": -1, "yesterday": -1, "übermorgen": 2, "morgen": 1,
              "tomorrow": 1}.get(word, 0)
    if m["prev"]:
        offset = -1  # "am Vortag", "last night"
    return relative(ref.day + timedelta(days=offset), "day", ref)


def ago(m, ref, text, lang):
    if ref is None:
        return None
    raw, unit = m["n"].lower(), m["unit"].lower()
    vague = raw in VAGUE[lang]
    n = 3 if vague else int(raw) if raw.isdigit() else NUMBERS[lang].get(raw)
    if n is None:
        return None
    if unit.startswith(("tag", "day", "woche", "week", "fortnight")):
        days = n * (7 if unit.startswith(("woche", "week")) else 14 if unit == "fortnight" else 1)
        return relative(ref.day - timedelta(days=days), "month" if vague else "day", ref)
    if unit.startswith(("monat", "month")):
        return relative(add_months(ref.day, -n), "month", ref)
    years = n * (10 if unit.startswith(("jahrzehnt", "decade")) else 1)
    return str(ref.day.year - years), "year", "relative"


def weekday(m, ref, text, lang):
    if ref is None:
        return None
    offset = rel_offset(m["rel"])
    future = offset == 1 or (offset is None and is_future(text, m.start(), m.end(), lang))
    return weekday_date(WEEKDAYS[lang][m["wd"].lower()], future, ref)
