"""Dates stage: the date expressions of an article, and the article's own date where it was missing.

Reads ``text``, ``sentences``, ``language``, ``published`` and ``dateline``; writes ``dates`` (DateRef
list, resolved against the article's date) and, when ``published`` is None or only a year,
``published``/``published_precision``/``published_method`` from the dateline ("Brüssel, 14. Dezember":
day precision, the year from the text or the input, see :func:`eventwire.dates.dateline_date`) or, for
a text with no date at all, from :func:`eventwire.dates.infer_year` (year precision, method
"inferred"). No drop reasons: an article without any date keeps ``published`` None.

:func:`sentence_date` gives the event coder the date of one sentence or of one event span in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..dates import PRECISION_RANK, dateline_date, find_dates, infer_year
from ..model import Article, DateRef

#: what separates two clauses of a sentence: a date beyond one of these belongs to another clause
CLAUSE_BREAK = re.compile(r"[,;:–—()\"„“”]|\s-\s|\b(?:und|aber|sondern|nachdem|bevor|als|and|but|after|"
                          r"before|while|when|which|who|der|die|das)\s")
#: a date that opens a duration ("seit 2014", "since March") dates a state of affairs, not a happening
DURATION = re.compile(r"(?:seit|since|bis|until|till|binnen|within)\b", re.IGNORECASE)


def article_date(article: Article) -> tuple[str, str, str] | None:
    """(value, precision, method) for an article without a day-precise date; None when nothing fixes it."""
    given = article.published
    if given and article.published_precision not in (None, "year") and len(given) >= 7:
        return None
    if article.dateline:
        found = dateline_date(article.dateline, article.text, given)
        if found is not None:
            return found
    if given:
        return None
    inferred = infer_year(article.text, article.language or "de")
    return (str(inferred[0]), "year", "inferred") if inferred else None


class Dates:
    name = "dates"
    requires = ("text", "sentences", "published", "dateline")
    provides = ("dates", "published")

    def __call__(self, article: Article, ctx) -> Article:
        found = article_date(article)
        if found is not None:
            article.published, article.published_precision, article.published_method = found
            if ctx is not None and hasattr(ctx, "stats"):
                ctx.stats[f"dates.published_{found[2]}"] += 1
        article.dates = find_dates(article.text, article.language or "de", article.published)
        return article


def _sentence_of(article: Article, start: int, end: int) -> tuple[int, int] | None:
    starts = [s for s, _ in article.sentences]
    i = bisect_right(starts, start) - 1
    return article.sentences[i] if i >= 0 and start < article.sentences[i][1] else None


def _duration(text: str, date: DateRef) -> bool:
    return bool(DURATION.match(date.text)) or bool(DURATION.search(text, max(0, date.start - 6), date.start))


def _attachment(text: str, date: DateRef, start: int, end: int, whole: bool) -> tuple:
    """Sort key of a date for the event span [start, end): one in the span's own clause first, then
    the nearest; a duration ("seit 2014") after a date of the happening; the finer one on a tie. For
    a whole sentence only the last two count."""
    duration = _duration(text, date)
    precision = PRECISION_RANK.get(date.precision, 3)
    if whole:
        return duration, precision
    if date.end <= start:
        gap, between = start - date.end, text[date.end:start]
    else:
        gap, between = max(0, date.start - end), text[end:date.start]
    return bool(CLAUSE_BREAK.search(between)), duration, gap, precision


def _carried(article: Article, sentence: tuple[int, int]) -> DateRef | None:
    """The latest date of the sentences before ``sentence`` in its paragraph (a line of the text):
    a report goes on telling the day it named last. Durations are states, not the day told."""
    paragraph = article.text.rfind("\n", 0, sentence[0]) + 1
    for date in reversed(article.dates):
        if date.end > sentence[0] or date.start < paragraph:
            continue
        if _duration(article.text, date):
            continue
        return DateRef(date.start, date.end, date.text, date.value, date.precision, "previous_sentence")
    return None


#: how many sentences open an article (headline, dateline lead) and how far ahead their date may stand
LEAD_SENTENCES, LEAD_AHEAD = 3, 2


def _lead_date(article: Article, sentence: tuple[int, int]) -> DateRef | None:
    """A headline or lead says what happened and the next sentences say when ("Kiew – Tausende haben
    protestiert. Die Kundgebung am Freitag ..."): an opening sentence without a date of its own takes
    the first date of the next two sentences (method "next_sentence")."""
    starts = [s for s, _ in article.sentences]
    i = bisect_right(starts, sentence[0]) - 1
    if i < 0 or i >= LEAD_SENTENCES:
        return None
    ahead = article.sentences[i + 1:i + 1 + LEAD_AHEAD]
    if not ahead:
        return None
    for date in article.dates:
        if ahead[0][0] <= date.start and date.end <= ahead[-1][1] and not _duration(article.text, date):
            return DateRef(date.start, date.end, date.text, date.value, date.precision, "next_sentence")
    return None


def sentence_date(article: Article, start: int, end: int) -> DateRef | None:
    """The date of the event at [start, end) (a trigger, or its whole sentence).

    A date expression of the sentence: the one in the clause of the span, nearest to it (for a whole
    sentence: a date of a happening before a duration, the finer one first); else the latest date of
    the previous sentences of the paragraph (method "previous_sentence"); for the opening sentences, the
    first date of the next two (method "next_sentence"); else the article's own date
    (method "article", empty span at the sentence start); None when the article has no date either."""
    sentence = _sentence_of(article, start, end) or (start, end)
    whole = start <= sentence[0] and end >= sentence[1]
    inside = [d for d in article.dates if d.start >= sentence[0] and d.end <= sentence[1]]
    if inside:
        return min(inside, key=lambda d: _attachment(article.text, d, start, end, whole))
    carried = _carried(article, sentence) or _lead_date(article, sentence)
    if carried is not None:
        return carried
    if not article.published:
        return None
    precision = article.published_precision or {4: "year", 7: "month"}.get(len(article.published), "day")
    return DateRef(sentence[0], sentence[0], "", article.published, precision, "article")
