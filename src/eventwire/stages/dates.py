"""Dates stage: the date expressions of an article, and the article's own date where it was missing.

Reads ``text``, ``sentences``, ``language``, ``published`` and ``dateline``; writes ``dates`` (DateRef
list, resolved against the article's date) and, when ``published`` is None or only a year,
``published``/``published_precision``/``published_method`` from the dateline ("Brüssel, 14. Dezember":
day precision, the year from the text or the input, see :func:`eventwire.dates.dateline_date`) or, for
a text with no date at all, from :func:`eventwire.dates.infer_year` (year precision, method
"inferred"). No drop reasons: an article without any date keeps ``published`` None.

:func:`sentence_date` gives the event coder the date of one sentence.
"""

from __future__ import annotations

from bisect import bisect_right

from ..dates import PRECISION_RANK, dateline_date, find_dates, infer_year
from ..model import Article, DateRef


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


def sentence_date(article: Article, start: int, end: int) -> DateRef | None:
    """The date of the sentence holding [start, end): its date expression nearest to that span (a finer
    one on a tie), else the article's own date (method "article", empty span at the sentence start);
    None when the article has no date either."""
    sentence = _sentence_of(article, start, end) or (start, end)
    inside = [d for d in article.dates if d.start >= sentence[0] and d.end <= sentence[1]]
    if inside:
        def distance(d: DateRef) -> tuple[int, int]:
            gap = start - d.end if d.end <= start else max(0, d.start - end)
            return gap, PRECISION_RANK.get(d.precision, 3)
        return min(inside, key=distance)
    if not article.published:
        return None
    precision = article.published_precision or {4: "year", 7: "month"}.get(len(article.published), "day")
    return DateRef(sentence[0], sentence[0], "", article.published, precision, "article")
