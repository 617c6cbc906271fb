"""Datelines: "Brüssel, 14. Dezember, AZERTAC" -> the day it gives, its year found where it can be.

Reads a dateline, the article text and the input's own date; returns (value, "day", method) with method
dateline, dateline+text_year or dateline+input_year, or None. No drop reasons.
"""

from __future__ import annotations

import calendar

from .find import find_dates
from .handlers import day_month
from .lexicon import MONTH_NUM
from .patterns import compiled
from .reference import parse_reference


def dateline_date(dateline: str, text: str, fallback: str | None = None) -> tuple[str, str, str] | None:
    """The date a dateline gives, its year taken from the dateline, the text, or ``fallback``.

    The year of a dateline without one is the latest year the text writes with a month ("Ende August
    2021" -> 2021; the year after it when the dateline's month comes earlier in the year, since a text
    reports what happened before it), else the year of ``fallback`` (the input's own date), else the
    latest bare year of the text. None when the dateline holds no day and month.
    """
    for lang in ("de", "en"):
        for pattern, handler, _ in compiled(lang)[:3]:  # ISO and the two day-month patterns
            m = pattern.search(dateline or "")
            if m is None or handler is not day_month:
                continue
            resolved = handler(m, None, dateline, lang)
            if resolved is not None:
                return resolved[0], "day", "dateline"
            name = m["month"]
            month = int(name) if name.isdigit() else MONTH_NUM[lang][name.rstrip(".").lower()]
            return _dateline_year(int(m["day"]), month, text, fallback)
    return None


def _dateline_year(day: int, month: int, text: str, fallback: str | None) -> tuple[str, str, str] | None:
    written = [d for lang in ("de", "en") for d in find_dates(text, lang) if d.method == "explicit"]
    dated = sorted(d.value[:7] for d in written if d.precision != "year")
    if dated:
        year, latest_month = int(dated[-1][:4]), int(dated[-1][5:7])
        year += 1 if month < latest_month else 0
        method = "dateline+text_year"
    elif parse_reference(fallback) is not None:
        year, method = int(fallback[:4]), "dateline+input_year"
    elif written:
        year, method = max(int(d.value[:4]) for d in written), "dateline+text_year"
    else:
        return None
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day", method
