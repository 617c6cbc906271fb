"""The date patterns, per language, compiled once: a regex, its handler and its anchor.

Reads the word tables of :mod:`.lexicon`; gives :func:`compiled`, the list of (pattern, handler,
anchor) that :func:`~.find.find_dates` runs. The patterns come in no particular order: overlaps go to the
longest match. The first three of each language (ISO and the two day-month patterns) are the ones a
dateline is read with.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .handlers import (
    ago,
    bare_year,
    day_month,
    month_name,
    rel_day,
    rel_month,
    rel_week,
    rel_year,
    weekday,
    weekend,
)
from .lexicon import MONTH_NUM, MONTHS, NUMBERS, VAGUE, WEEKDAYS

YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"


def _cap(*words: str) -> str:
    """An alternation whose words match with either case of the first letter (sentence starts)."""
    alts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in alts) + ")"


def _month_alt(lang: str, full: bool) -> str:
    names = [n for n in MONTH_NUM[lang] if not full or n in MONTHS[lang].split()]
    names.sort(key=len, reverse=True)
    # abbreviations may carry a dot ("Dez.", "Dec."); month names are capitalised in both languages
    full_names = MONTHS[lang].split()
    return "(?:" + "|".join(n.capitalize() + ("" if n in full_names else r"\.?") for n in names) + ")"


def _weekday_alt(lang: str) -> str:
    return "(?:" + "|".join(n.capitalize() for n in WEEKDAYS[lang]) + ")"


# What each pattern cannot match without, in pattern order (None: scan the whole text). A pattern
# opening with optional words ("im", "Anfang", "vergangenen") makes the regex engine try them at every
# character; searching for the anchor first and matching the whole pattern only around it keeps dates
# under a millisecond per article. An anchor is a plain word where it can be: the regex engine finds a
# literal fast, while an alternation ("Woche|Vorwoche") costs ten times as much as "oche".
_ANCHORS = {
    "de": (r"\d{4}-\d", "MONTHS", r"\d\.[01]?\d\.", "FULL", r"(?:1[6-9]|20)\d\d", r"Jahr|[Hh]euer|Vorjahr",
           "Monat", "oche", "Wochenende", r"[Gg]estern|[Hh]eute|morgen|Vort|Vorab",
           r"Tag|Woche|Monat|Jahr", "WEEKDAYS"),
    "en": (r"\d{4}-\d", "MONTHS", "MONTHS", "FULL", r"(?:1[6-9]|20)\d\d", "year", "month", "week", "weekend",
           r"[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|night|day before", "ago", "WEEKDAYS"),
}
WINDOW = (50, 40)  # characters matched before and after an anchor: the longest prefix and suffix


def _patterns(lang: str) -> list[tuple[re.Pattern, object, re.Pattern | None]]:
    months, full, wd = _month_alt(lang, False), _month_alt(lang, True), _weekday_alt(lang)
    iso = (r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])", day_month)
    pats = [iso, *(_patterns_de if lang == "de" else _patterns_en)(months, full, wd)]
    named = {"MONTHS": months, "FULL": full, "WEEKDAYS": wd}
    out = []
    for (pattern, handler), anchor in zip(pats, _ANCHORS[lang], strict=True):
        anchor_re = re.compile(named.get(anchor, anchor)) if anchor else None
        out.append((re.compile(r"(?<!\w)" + pattern), handler, anchor_re))  # never from inside a word
    return out


def _patterns_de(months: str, full: str, wd: str) -> list[tuple[str, object]]:
    on = _cap("am", "vom", "seit dem", "bis zum", "ab dem", "zum", "dem", "den")
    rel = _cap("diesem", "dieses", "diesen", "vergangenen", "vergangenes", "vergangene", "letzten",
               "letztes", "letzte", "vorigen", "voriges", "vorige", "kommenden", "kommendes", "kommende",
               "nächsten", "nächstes", "nächste", "laufenden", "dieser", "diese")
    num = "|".join(sorted(NUMBERS["de"], key=len, reverse=True))
    month_pre = _cap("im", "seit", "bis", "ab", "vom", "von", "zum", "bis Ende", "seit Ende", "seit Anfang",
                     "bis Anfang", "Anfang", "Mitte", "Ende", "Beginn")
    year_pre = _cap("im Jahr", "im Jahre", "in den Jahren", "seit", "bis", "ab", "Anfang", "Mitte", "Ende",
                    "Frühjahr", "Frühling", "Sommer", "Herbst", "Winter", "zwischen", "vor", "nach", "von",
                    "des Jahres", "dem Jahr", "Jahr")
    week_pre = _cap("in der", "im Laufe der", "Anfang der", "Ende der", "Mitte der", "bis zur", "seit der")
    wd_pre = _cap("am", "seit", "bis", "ab", "vom", "von", "in der Nacht zum", "in der Nacht auf",
                  "in der Nacht von", "zum")
    return [
        ((rf"(?:{on}\s+)?(?:{wd},?\s+(?:de[nm]\s+)?)?(?P<day>[0-3]?\d)\.\s?(?P<month>{months})"
         rf"(?:\s+{YEAR})?(?!\w)"), day_month),
        ((rf"(?:{on}\s+)?(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d\d)?(?!\d)"),
         day_month),
        ((rf"(?:(?P<pre>{month_pre})\s+)?"
         rf"(?:(?P<rel>{rel})\s+)?(?P<month>{full})(?:\s+{YEAR})?(?!\w)"), month_name),
        ((rf"(?:(?P<pre>{year_pre})\s+)?"
         rf"(?<![\d.,/]){YEAR}(?!\d|er\b|[.,]\d)"), bare_year),
        ((rf"(?:{_cap('Anfang', 'Mitte', 'Ende', 'bisher in', 'seit Anfang', 'im Laufe des', 'im')}\s+)?"
         rf"(?:{_cap('in', 'des')}\s+)?(?:(?P<rel>{rel})\s+Jahr(?:es|s)?|(?P<this>{_cap('heuer')})|"
         rf"(?P<prev>Vorjahr(?:es)?))(?!\w)"), rel_year),
        ((rf"(?:(?P<pre>{_cap('im', 'in', 'Anfang des', 'Mitte des', 'Ende des', 'zu Beginn des')})\s+)?"
         rf"(?:(?P<rel>{rel})\s+)?Monat(?:s|es)?(?!\w)"), rel_month),
        ((rf"(?:{week_pre}\s+)?(?:(?P<rel>{rel})\s+Woche|(?P<prev>Vorwoche))(?!\w)"), rel_week),
        ((rf"{_cap('am', 'übers', 'über das', 'an diesem', 'an einem')}\s+(?:(?P<rel>{rel})\s+)?"
         rf"Wochenende(?!\w)"),
         weekend),
        ((rf"(?<!\w)(?:(?P<word>{_cap('vorgestern', 'gestern', 'heute', 'übermorgen')}|morgen)"
         rf"(?:abend|früh|nachmittag|vormittag|mittag|nacht)?|(?P<prev>{_cap('am Vortag', 'am Vorabend')}))"
         rf"(?!\w)"), rel_day),
        ((rf"{_cap('vor', 'seit')}\s+(?:(?:gut|knapp|rund|etwa|fast|mehr als|über|genau|nur|erst)\s+)?"
         rf"(?P<n>\d{{1,3}}|{'|'.join(VAGUE['de'])}|{num})\s+"
         rf"(?P<unit>Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?|Jahrzehnt(?:en)?)(?!\w)"), ago),
        ((rf"(?:{wd_pre}\s+)?(?:(?P<rel>{rel}|{_cap('späten', 'frühen')})\s+)?"
         rf"(?P<wd>{wd})(?:abend|morgen|nachmittag|vormittag|mittag|früh|nacht)?(?!\w)"), weekday),
    ]


def _patterns_en(months: str, full: str, wd: str) -> list[tuple[str, object]]:
    on = _cap("on", "from", "since", "until", "by", "of")
    rel = _cap("this", "last", "next", "past", "the past", "the coming", "this coming", "coming")
    num = "|".join(sorted(NUMBERS["en"], key=len, reverse=True))
    month_pre = _cap("in", "since", "until", "by", "from", "early", "mid", "late", "the end of",
                     "the beginning of", "the start of", "the middle of", "end of", "early in", "late in",
                     "in early", "in late", "in mid", "during")
    year_pre = _cap("in", "since", "until", "by", "from", "early", "mid", "late", "during", "spring",
                    "summer", "autumn", "fall", "winter", "between", "before", "after", "the year", "of")
    return [
        ((rf"(?:{on}\s+)?(?:{wd},?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
         rf"(?P<month>{months})(?:,?\s+{YEAR})?(?!\w)"), day_month),
        ((rf"(?:{on}\s+)?(?:{wd},?\s+)?(?P<month>{months})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w])"
         rf"(?:,?\s+{YEAR})?(?!\w)"), day_month),
        ((rf"(?:(?P<pre>{month_pre})[\s-]+)?"
         rf"(?:(?P<rel>{rel})\s+)?(?P<month>{full})(?:,?\s+{YEAR})?(?!\w)"), month_name),
        (rf"(?:(?P<pre>{year_pre})[\s-]+)?(?<![\d.,/£$€]){YEAR}(?!\d|s\b|[.,]\d)", bare_year),
        ((rf"(?:{_cap('earlier', 'later', 'early', 'late', 'so far')}\s+)?"
         rf"(?:{_cap('in', 'of', 'during')}\s+)?(?P<rel>{rel})\s+year(?!\w)(?P<prev>(?!))?"), rel_year),
        ((rf"(?:(?P<pre>{_cap('earlier', 'later', 'early', 'late', 'the start of', 'the end of')})\s+)?"
         rf"(?P<rel>{rel})\s+month(?!\w)"), rel_month),
        ((rf"(?:{_cap('earlier', 'later', 'early', 'late')}\s+)?(?P<rel>{rel})\s+week(?!\w)(?P<prev>(?!))?"),
         rel_week),
        (rf"(?:{_cap('at the', 'over the', 'this', 'last', 'next')}\s+)(?P<rel>(?!))?weekend(?!\w)", weekend),
        ((rf"(?<!\w)(?:(?P<word>{_cap('yesterday', 'today', 'tomorrow', 'tonight')})|"
         rf"(?P<prev>{_cap('last night', 'the day before')}))(?!\w)"), rel_day),
        ((rf"(?P<n>\d{{1,3}}|(?i:{'|'.join(VAGUE['en'])}|{num}))\s+(?P<unit>days?|weeks?|months?|years?|decades?|"
         rf"fortnight)\s+ago(?!\w)"), ago),
        ((rf"(?:{_cap('on', 'since', 'until', 'by', 'from', 'early on', 'late on')}\s+)?"
         rf"(?:(?P<rel>{rel})\s+)?(?P<wd>{wd})(?:\s+(?:morning|afternoon|evening|night))?(?!\w)"), weekday),
    ]


@lru_cache(maxsize=4)
def compiled(lang: str) -> list[tuple[re.Pattern, object, re.Pattern | None]]:
    """(pattern, handler, anchor) for "de", or for English given anything else."""
    return _patterns("de" if lang == "de" else "en")
