"""Dates in German and English news text, resolved against the article's own date.

Reads a text, its language ("de"; anything else is read as English) and a reference date (the article's
publication date as an ISO 8601 partial: "2021", "2021-12", "2021-12-16"); returns DateRef annotations
with character offsets, an ISO partial ``value``, a ``precision`` (day|month|year) and a ``method``:

- explicit: every part is written ("14. Dezember 2021", "14.12.2021", "December 14, 2021", "im Jahr 2015")
- explicit+ref_year: day and month, or a month, are written; the year is the reference's, or the one
  before or after when that puts the date nearer to it ("am 28. Dezember" read in January)
- relative: counted from the reference ("gestern", "vergangene Woche", "vor zwei Wochen", "last year")
- weekday: the latest such day on or before the reference ("am Dienstag"); the next one on or after it
  when the clause speaks of the future ("wird am Dienstag ...", "will meet on Tuesday")
- dateline, dateline+text_year, dateline+input_year: :func:`dateline_date`
- inferred: a year fixed by anniversaries and numbered events: :func:`infer_year`

A relative date never gets a finer precision than its reference ("gestern" against "2021-12" is the month
2021-12); "vergangene Woche" is given as the month of the day seven days back, since there is no week
precision. Without a reference only explicit dates come back. No drop reasons.

Why hand-written regexes and not dateparser: dateparser's search misses "Ende August 2021" and "in diesem
Jahr", gives no offsets for what it resolved, and costs milliseconds per text, where dates and places
together have under one millisecond per article. The patterns are compiled once, per language.

The package, in the order a date is found: :mod:`.lexicon` (month, weekday and number words),
:mod:`.patterns` (the regexes and their anchors), :mod:`.find` (:func:`find_dates`), :mod:`.handlers`
(a match to a value), :mod:`.reference` (calendar arithmetic), :mod:`.dateline` and :mod:`.infer`.
"""

from __future__ import annotations

from .dateline import dateline_date
from .find import find_dates
from .infer import infer_year
from .lexicon import PRECISION_RANK
from .reference import parse_reference

__all__ = ["PRECISION_RANK", "dateline_date", "find_dates", "infer_year", "parse_reference"]
