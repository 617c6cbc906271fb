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
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .model import DateRef

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_MONTHS = {
    "de": "januar jänner februar märz april mai juni juli august september oktober november dezember",
    "en": "january february march april may june july august september october november december",
}
_MONTH_NUM = {
    "de": {"januar": 1, "jänner": 1, "jän": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3,
           "mär": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8,
           "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11,
           "nov": 11, "dezember": 12, "dez": 12},
    "en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
           "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
           "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
           "dec": 12},
}
_WEEKDAYS = {
    "de": {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
           "sonnabend": 5, "sonntag": 6},
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
           "sunday": 6},
}
_NUMBERS = {
    "de": {"ein": 1, "eine": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
           "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
           "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
           "fifty": 50, "hundred": 100},
}
# "vor einigen Tagen", "a few weeks ago": a rough count, given at month precision
_VAGUE = {"de": ("einigen", "wenigen", "mehreren", "ein paar"), "en": ("a few", "several", "some")}
# offset of a relative qualifier, by its stem ("vergangenen" -> -1, "nächsten" -> +1, "this" -> 0)
_REL = {"dies": 0, "laufend": 0, "this": 0, "vergangen": -1, "letzt": -1, "vorig": -1, "last": -1,
        "past": -1, "kommend": 1, "nächst": 1, "next": 1, "coming": 1}
_FUTURE = {
    "de": re.compile(r"\b(?:wird|werden|werde|soll|sollen|solle|will|wollen|wolle|plant|planen|geplant|"
                     r"kommenden|nächsten|bevorstehenden?)\b"),
    "en": re.compile(r"\b(?:will|shall|is due|are due|is expected to|are expected to|is scheduled|"
                     r"are scheduled|plans? to|is set to|are set to|coming)\b|'ll\b"),
}
# a bare four-digit number followed by one of these is a count, not a year ("2000 Menschen")
_COUNT_AFTER = re.compile(
    r"\s*(?:Menschen|Personen|Euro|Dollar|Franken|Pfund|Soldaten|Flüchtlinge|Tote|Toten|Kilometer|km|"
    r"Meter|Stimmen|Mitglieder|Einwohner|Häuser|Fälle|Stück|Jahre|people|troops|soldiers|refugees|"
    r"dollars|pounds|euros|votes|members|miles|km|metres|meters|jobs|cases|homes|years|%|Prozent)\b")
_COUNT_BEFORE = re.compile(r"(?:rund|etwa|ca\.|mehr als|über|fast|knapp|mindestens|bis zu|insgesamt|"
                           r"about|around|more than|over|nearly|almost|some|at least|up to)\s+$", re.IGNORECASE)

YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"


def _cap(*words: str) -> str:
    """An alternation whose words match with either case of the first letter (sentence starts)."""
    alts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in alts) + ")"


def _month_alt(lang: str, full: bool) -> str:
    names = [n for n in _MONTH_NUM[lang] if not full or n in _MONTHS[lang].split()]
    names.sort(key=len, reverse=True)
    # abbreviations may carry a dot ("Dez.", "Dec."); month names are capitalised in both languages
    full_names = _MONTHS[lang].split()
    return "(?:" + "|".join(n.capitalize() + ("" if n in full_names else r"\.?") for n in names) + ")"


def _weekday_alt(lang: str) -> str:
    return "(?:" + "|".join(n.capitalize() for n in _WEEKDAYS[lang]) + ")"


class _Ref(NamedTuple):
    day: date  # the reference, or a stand-in day inside it when it is a month or a year
    precision: str


def parse_reference(reference: str | None) -> _Ref | None:
    """The reference ISO partial as a date and a precision; None when absent or unreadable."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", reference or "")
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if day:
            return _Ref(date(year, month, day), "day")
        if month:
            return _Ref(date(year, month, 15), "month")
        return _Ref(date(year, 7, 1), "year")
    except ValueError:
        return None


def _fmt(day: date, precision: str) -> str:
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


def _relative(day: date, precision: str, ref: _Ref, method: str = "relative") -> tuple[str, str, str]:
    """A date counted from the reference, never finer than the reference itself."""
    if PRECISION_RANK[ref.precision] > PRECISION_RANK[precision]:
        precision = ref.precision
    return _fmt(day, precision), precision, method


def _rel_offset(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower().removeprefix("the ")
    return next((off for stem, off in _REL.items() if word.startswith(stem)), None)


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _nearest_year(ref: _Ref, month: int, day: int = 15) -> int:
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


def _year4(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _is_future(text: str, start: int, end: int, lang: str) -> bool:
    """Does the clause around [start, end) speak of the future? (bounded by punctuation)"""
    left = max(text.rfind(p, max(0, start - 100), start) for p in ".;:!?,\n")
    right = [i for i in (text.find(p, end, end + 80) for p in ".;!?,\n") if i >= 0]
    clause = text[left + 1: min(right) if right else end + 80]
    return bool(_FUTURE["de" if lang == "de" else "en"].search(clause))


# --- handlers: one per pattern kind; each gets the match, the reference, the text and the language ---

def _h_day_month(m, ref, text, lang):
    month = int(m["month"]) if m["month"].isdigit() else _MONTH_NUM[lang].get(m["month"].rstrip(".").lower())
    day = int(m["day"])
    if not month or not 1 <= month <= 12 or day < 1:
        return None
    if m["year"]:
        year, method = _year4(m["year"]), "explicit"
    elif ref is not None:
        year, method = _nearest_year(ref, month, day), "explicit+ref_year"
    else:
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day", method


def _h_month(m, ref, text, lang):
    month = _MONTH_NUM[lang][m["month"].rstrip(".").lower()]
    if m["year"]:
        return f"{m['year']}-{month:02d}", "month", "explicit"
    offset = _rel_offset(m["rel"])
    if ref is None or (offset is None and not m["pre"]):
        return None  # a bare month name may be a person ("August Bebel") or a modal ("May")
    this = ref.day.year
    if offset == -1:
        year = this if month < ref.day.month else this - 1
    elif offset == 1:
        year = this if month > ref.day.month else this + 1
    else:
        year = this if offset == 0 else _nearest_year(ref, month)
    return f"{year:04d}-{month:02d}", "month", "relative" if offset is not None else "explicit+ref_year"


def _h_year(m, ref, text, lang):
    year = int(m["year"])
    if not m["pre"]:
        if not 1900 <= year <= 2049 or _COUNT_AFTER.match(text, m.end()):
            return None
        if _COUNT_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            return None
    return str(year), "year", "explicit"


def _h_rel_year(m, ref, text, lang):
    offset = -1 if m["prev"] else _rel_offset(m["rel"])
    if ref is None or offset is None:
        return None
    return str(ref.day.year + offset), "year", "relative"


def _h_rel_month(m, ref, text, lang):
    offset = _rel_offset(m["rel"])
    if offset is None and m["pre"] and m["pre"].lower().endswith(("des", "of this")):
        offset = 0  # "Anfang des Monats", "zu Beginn des Monats"
    if ref is None or offset is None:
        return None
    return _relative(_add_months(ref.day, offset), "month", ref)


def _h_rel_week(m, ref, text, lang):
    offset = -1 if m["prev"] else _rel_offset(m["rel"])
    if ref is None or offset is None:
        return None
    return _relative(ref.day + timedelta(days=7 * offset), "month", ref)


def _h_weekend(m, ref, text, lang):
    if ref is None:
        return None
    future = _rel_offset(m["rel"]) == 1 or _is_future(text, m.start(), m.end(), lang)
    return _weekday_date(5, future, ref)


def _h_rel_day(m, ref, text, lang):
    if ref is None:
        return None
    word = (m["word"] or "").lower()
    offset = {"vorgestern": -2, "gestern": -1, "yesterday": -1, "übermorgen": 2, "morgen": 1,
              "tomorrow": 1}.get(word, 0)
    if m["prev"]:
        offset = -1  # "am Vortag", "last night"
    return _relative(ref.day + timedelta(days=offset), "day", ref)


def _h_ago(m, ref, text, lang):
    if ref is None:
        return None
    raw, unit = m["n"].lower(), m["unit"].lower()
    vague = raw in _VAGUE[lang]
    n = 3 if vague else int(raw) if raw.isdigit() else _NUMBERS[lang].get(raw)
    if n is None:
        return None
    if unit.startswith(("tag", "day", "woche", "week", "fortnight")):
        days = n * (7 if unit.startswith(("woche", "week")) else 14 if unit == "fortnight" else 1)
        return _relative(ref.day - timedelta(days=days), "month" if vague else "day", ref)
    if unit.startswith(("monat", "month")):
        return _relative(_add_months(ref.day, -n), "month", ref)
    years = n * (10 if unit.startswith(("jahrzehnt", "decade")) else 1)
    return str(ref.day.year - years), "year", "relative"


def _h_weekday(m, ref, text, lang):
    if ref is None:
        return None
    offset = _rel_offset(m["rel"])
    future = offset == 1 or (offset is None and _is_future(text, m.start(), m.end(), lang))
    return _weekday_date(_WEEKDAYS[lang][m["wd"].lower()], future, ref)


def _weekday_date(weekday: int, future: bool, ref: _Ref) -> tuple[str, str, str]:
    back = (ref.day.weekday() - weekday) % 7
    day = ref.day + timedelta(days=(7 - back) % 7) if future else ref.day - timedelta(days=back)
    return _relative(day, "day", ref, "weekday")


# --- patterns, per language, in no particular order: overlaps go to the longest match ---

# What each pattern cannot match without, in pattern order (None: scan the whole text). A pattern opening with optional words ("im", "Anfang", "vergangenen") makes the
# regex engine try them at every character; searching for the anchor first and matching the whole
# pattern only around it keeps dates under a millisecond per article.
_ANCHORS = {
    "de": (r"\d{4}-\d", "MONTHS", r"\d\.[01]?\d\.", "FULL", r"(?:1[6-9]|20)\d\d", r"Jahr|[Hh]euer", "Monat",
           "Woche", "Wochenende", r"[Gg]estern|[Hh]eute|morgen|Vort|Vorab", r"Tag|Woche|Monat|Jahr", "WEEKDAYS"),
    "en": (r"\d{4}-\d", "MONTHS", "MONTHS", "FULL", r"(?:1[6-9]|20)\d\d", "year", "month", "week", "weekend",
           r"[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|night|day before", "ago", "WEEKDAYS"),
}
_WINDOW = (50, 40)  # characters matched before and after an anchor: the longest prefix and suffix


def _patterns(lang: str) -> list[tuple[re.Pattern, object, re.Pattern | None]]:
    months, full, wd = _month_alt(lang, False), _month_alt(lang, True), _weekday_alt(lang)
    iso = (r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])", _h_day_month)
    pats = [iso, *(_patterns_de if lang == "de" else _patterns_en)(months, full, wd)]
    named = {"MONTHS": months, "FULL": full, "WEEKDAYS": wd}
    out = []
    for (pattern, handler), anchor in zip(pats, _ANCHORS[lang], strict=True):
        anchor_re = re.compile(named.get(anchor, anchor)) if anchor else None
        out.append((re.compile(r"(?<!\w)" + pattern), handler, anchor_re))  # never from inside a word
    return out


def _matches(pattern: re.Pattern, anchor: re.Pattern | None, text: str):
    """The pattern's matches, searched only in windows around its anchor when it has one."""
    if anchor is None:
        yield from pattern.finditer(text)
        return
    lo = hi = -1
    for m in anchor.finditer(text):
        start, end = max(0, m.start() - _WINDOW[0]), min(len(text), m.end() + _WINDOW[1])
        if start > hi:
            if hi > lo:
                yield from pattern.finditer(text, lo, hi)
            lo = start
        hi = end
    if hi > lo:
        yield from pattern.finditer(text, lo, hi)


def _patterns_de(months: str, full: str, wd: str) -> list[tuple[str, object]]:
    on = _cap("am", "vom", "seit dem", "bis zum", "ab dem", "zum", "dem", "den")
    rel = _cap("diesem", "dieses", "diesen", "vergangenen", "vergangenes", "vergangene", "letzten",
               "letztes", "letzte", "vorigen", "voriges", "vorige", "kommenden", "kommendes", "kommende",
               "nächsten", "nächstes", "nächste", "laufenden", "dieser", "diese")
    num = "|".join(sorted(_NUMBERS["de"], key=len, reverse=True))
    month_pre = _cap("im", "seit", "bis", "ab", "vom", "von", "zum", "bis Ende", "seit Ende", "seit Anfang",
                     "bis Anfang", "Anfang", "Mitte", "Ende", "Beginn")
    year_pre = _cap("im Jahr", "im Jahre", "in den Jahren", "seit", "bis", "ab", "Anfang", "Mitte", "Ende",
                    "Frühjahr", "Frühling", "Sommer", "Herbst", "Winter", "zwischen", "vor", "nach", "von",
                    "des Jahres", "dem Jahr", "Jahr")
    wd_pre = _cap("am", "seit", "bis", "ab", "vom", "von", "in der Nacht zum", "in der Nacht auf",
                  "in der Nacht von", "zum")
    return [
        ((rf"(?:{on}\s+)?(?:{wd},?\s+(?:de[nm]\s+)?)?(?P<day>[0-3]?\d)\.\s?(?P<month>{months})"
         rf"(?:\s+{YEAR})?(?!\w)"), _h_day_month),
        ((rf"(?:{on}\s+)?(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d\d)?(?!\d)"),
         _h_day_month),
        ((rf"(?:(?P<pre>{month_pre})\s+)?"
         rf"(?:(?P<rel>{rel})\s+)?(?P<month>{full})(?:\s+{YEAR})?(?!\w)"), _h_month),
        ((rf"(?:(?P<pre>{year_pre})\s+)?"
         rf"(?<![\d.,/]){YEAR}(?!\d|er\b|[.,]\d)"), _h_year),
        ((rf"(?:{_cap('Anfang', 'Mitte', 'Ende', 'bisher in', 'seit Anfang', 'im Laufe des', 'im')}\s+)?"
         rf"(?:{_cap('in', 'des')}\s+)?(?:(?P<rel>{rel})\s+Jahr(?:es|s)?|(?P<this>{_cap('heuer')})|"
         rf"(?P<prev>Vorjahr(?:es)?))(?!\w)"), _h_rel_year),
        ((rf"(?:(?P<pre>{_cap('im', 'in', 'Anfang des', 'Mitte des', 'Ende des', 'zu Beginn des')})\s+)?"
         rf"(?:(?P<rel>{rel})\s+)?Monat(?:s|es)?(?!\w)"), _h_rel_month),
        ((rf"(?:{_cap('in der', 'im Laufe der', 'Anfang der', 'Ende der', 'Mitte der', 'bis zur', 'seit der')}"
         rf"\s+)?(?:(?P<rel>{rel})\s+Woche|(?P<prev>Vorwoche))(?!\w)"), _h_rel_week),
        ((rf"{_cap('am', 'übers', 'über das', 'an diesem', 'an einem')}\s+(?:(?P<rel>{rel})\s+)?Wochenende(?!\w)"),
         _h_weekend),
        ((rf"(?<!\w)(?:(?P<word>{_cap('vorgestern', 'gestern', 'heute', 'übermorgen')}|morgen)"
         rf"(?:abend|früh|nachmittag|vormittag|mittag|nacht)?|(?P<prev>{_cap('am Vortag', 'am Vorabend')}))"
         rf"(?!\w)"), _h_rel_day),
        ((rf"{_cap('vor', 'seit')}\s+(?:(?:gut|knapp|rund|etwa|fast|mehr als|über|genau|nur|erst)\s+)?"
         rf"(?P<n>\d{{1,3}}|{'|'.join(_VAGUE['de'])}|{num})\s+"
         rf"(?P<unit>Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?|Jahrzehnt(?:en)?)(?!\w)"), _h_ago),
        ((rf"(?:{wd_pre}\s+)?(?:(?P<rel>{rel}|{_cap('späten', 'frühen')})\s+)?"
         rf"(?P<wd>{wd})(?:abend|morgen|nachmittag|vormittag|mittag|früh|nacht)?(?!\w)"), _h_weekday),
    ]


def _patterns_en(months: str, full: str, wd: str) -> list[tuple[str, object]]:
    on = _cap("on", "from", "since", "until", "by", "of")
    rel = _cap("this", "last", "next", "past", "the past", "the coming", "this coming", "coming")
    num = "|".join(sorted(_NUMBERS["en"], key=len, reverse=True))
    month_pre = _cap("in", "since", "until", "by", "from", "early", "mid", "late", "the end of",
                     "the beginning of", "the start of", "the middle of", "end of", "early in", "late in",
                     "in early", "in late", "in mid", "during")
    year_pre = _cap("in", "since", "until", "by", "from", "early", "mid", "late", "during", "spring", "summer",
                    "autumn", "fall", "winter", "between", "before", "after", "the year", "of")
    return [
        ((rf"(?:{on}\s+)?(?:{wd},?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
         rf"(?P<month>{months})(?:,?\s+{YEAR})?(?!\w)"), _h_day_month),
        ((rf"(?:{on}\s+)?(?:{wd},?\s+)?(?P<month>{months})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w])"
         rf"(?:,?\s+{YEAR})?(?!\w)"), _h_day_month),
        ((rf"(?:(?P<pre>{month_pre})[\s-]+)?"
         rf"(?:(?P<rel>{rel})\s+)?(?P<month>{full})(?:,?\s+{YEAR})?(?!\w)"), _h_month),
        (rf"(?:(?P<pre>{year_pre})[\s-]+)?(?<![\d.,/£$€]){YEAR}(?!\d|s\b|[.,]\d)", _h_year),
        ((rf"(?:{_cap('earlier', 'later', 'early', 'late', 'so far')}\s+)?(?:{_cap('in', 'of', 'during')}\s+)?"
         rf"(?P<rel>{rel})\s+year(?!\w)(?P<prev>(?!))?"), _h_rel_year),
        ((rf"(?:(?P<pre>{_cap('earlier', 'later', 'early', 'late', 'the start of', 'the end of')})\s+)?"
         rf"(?P<rel>{rel})\s+month(?!\w)"), _h_rel_month),
        ((rf"(?:{_cap('earlier', 'later', 'early', 'late')}\s+)?(?P<rel>{rel})\s+week(?!\w)(?P<prev>(?!))?"),
         _h_rel_week),
        (rf"(?:{_cap('at the', 'over the', 'this', 'last', 'next')}\s+)(?P<rel>(?!))?weekend(?!\w)", _h_weekend),
        ((rf"(?<!\w)(?:(?P<word>{_cap('yesterday', 'today', 'tomorrow', 'tonight')})|"
         rf"(?P<prev>{_cap('last night', 'the day before')}))(?!\w)"), _h_rel_day),
        ((rf"(?P<n>\d{{1,3}}|(?i:{'|'.join(_VAGUE['en'])}|{num}))\s+(?P<unit>days?|weeks?|months?|years?|decades?|"
         rf"fortnight)\s+ago(?!\w)"), _h_ago),
        ((rf"(?:{_cap('on', 'since', 'until', 'by', 'from', 'early on', 'late on')}\s+)?(?:(?P<rel>{rel})\s+)?"
         rf"(?P<wd>{wd})(?:\s+(?:morning|afternoon|evening|night))?(?!\w)"), _h_weekday),
    ]


@lru_cache(maxsize=4)
def _compiled(lang: str) -> list[tuple[re.Pattern, object, re.Pattern | None]]:
    return _patterns("de" if lang == "de" else "en")


def find_dates(text: str, lang: str, reference: str | None = None) -> list[DateRef]:
    """Every date expression in ``text`` resolved against ``reference``, in text order."""
    lang = "de" if lang == "de" else "en"
    ref = parse_reference(reference)
    found: list[tuple[int, int, tuple[str, str, str]]] = []
    for pattern, handler, anchor in _compiled(lang):
        for m in _matches(pattern, anchor, text):
            resolved = handler(m, ref, text, lang)
            if resolved is not None:
                found.append((m.start(), m.end(), resolved))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[DateRef] = []
    for start, end, (value, precision, method) in found:
        if out and start < out[-1].end:
            if end - start <= out[-1].end - out[-1].start:
                continue
            out.pop()  # a longer expression overlapping the previous one wins
        out.append(DateRef(start, end, text[start:end], value, precision, method))
    return out


# --- datelines: "Brüssel, 14. Dezember, AZERTAC" ---

def dateline_date(dateline: str, text: str, fallback: str | None = None) -> tuple[str, str, str] | None:
    """The date a dateline gives, its year taken from the dateline, the text, or ``fallback``.

    The year of a dateline without one is the latest year the text writes with a month ("Ende August
    2021" -> 2021; the year after it when the dateline's month comes earlier in the year, since a text
    reports what happened before it), else the year of ``fallback`` (the input's own date), else the
    latest bare year of the text. None when the dateline holds no day and month.
    """
    for lang in ("de", "en"):
        for pattern, handler, _ in _compiled(lang)[:3]:  # ISO and the two day-month patterns
            m = pattern.search(dateline or "")
            if m is None or handler is not _h_day_month:
                continue
            resolved = handler(m, None, dateline, lang)
            if resolved is not None:
                return resolved[0], "day", "dateline"
            month = int(m["month"]) if m["month"].isdigit() else _MONTH_NUM[lang][m["month"].rstrip(".").lower()]
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


# --- years fixed by what a text celebrates or counts: "30-jähriges Jubiläum", "COP29" ---

_ORDINALS = {
    "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5, "zehnten": 10, "zwanzigsten": 20,
    "fünfundzwanzigsten": 25, "dreißigsten": 30, "vierzigsten": 40, "fünfzigsten": 50, "sechzigsten": 60,
    "siebzigsten": 70, "fünfundsiebzigsten": 75, "achtzigsten": 80, "neunzigsten": 90, "hundertsten": 100,
    "first": 1, "second": 2, "third": 3, "fifth": 5, "tenth": 10, "twentieth": 20, "twenty-fifth": 25,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_ORD_ALT = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_ANNIVERSARY = re.compile(
    rf"(?:(?P<n>\d{{1,3}})(?:\.\s*|[-‐]?\s*jährige[nms]?\s+|(?:st|nd|rd|th)\s+|\s+Jahre\s+)|(?i:(?P<w>{_ORD_ALT}))"
    rf"\s+|(?i:(?P<wy>[a-zäöüß]+zig|zehn|hundert))jährige[nms]?\s+)"
    r"(?P<what>Jahrestag|Jubiläum|Gründungsjubiläum|Bestehen|Gründungstag|Geburtstag|anniversary|"
    r"(?=[„\"A-ZÄÖÜ]))")
_COP = re.compile(r"\bCOP[- ]?(?P<n>[1-9]\d?)\b")
_UNGA = re.compile(r"\b(?P<n>[1-9]\d)(?:\.|st|nd|rd|th)\s+(?:(?:UN|UNO)-)?(?:session of the |UN |United "
                   r"Nations )?(?:Generalversammlung|Vollversammlung|General Assembly)")
_THIS_YEAR = re.compile(r"(?i:in diesem Jahr|dieses Jahr|heuer|this year)\b")
_WORD_YEARS = {"zehn": 10, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
               "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100}


class _Fact(NamedTuple):
    year: int
    kind: str  # founding | event
    alias: str


@lru_cache(maxsize=1)
def _facts() -> tuple[dict[str, _Fact], re.Pattern]:
    """The anniversaries codebook: alias -> fact, and one regex over every alias."""
    facts: dict[str, _Fact] = {}
    raw = resources.files("eventwire.codebooks").joinpath("anniversaries.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        year, kind, aliases = line.split("\t")
        for alias in aliases.split(" | "):
            facts.setdefault(alias.strip(), _Fact(int(year), kind, alias.strip()))
    alt = "|".join(re.escape(a) for a in sorted(facts, key=len, reverse=True))
    return facts, re.compile(rf"(?<!\w)(?:{alt})(?!\w)")


def infer_year(text: str, lang: str) -> tuple[int, str] | None:
    """The year a text without dates is from, with its evidence; None when nothing fixes it.

    Evidence: an n-th anniversary of an event in the anniversaries codebook (founding year + n; the
    event named within a few words before or after), a numbered COP climate conference (COP1 = 1995,
    none in 2020, so COP26 = 2021 and COP29 = 2024), a numbered UN General Assembly session (n-th =
    1945 + n) and dated events named with their host ("G20-Gipfel in Hamburg"). Anniversaries weigh
    double in a text that says "in diesem Jahr"/"this year"; the heaviest year wins, ties the latest.
    """
    facts, alias_re = _facts()
    lowered = text.lower()
    this_year = bool(_THIS_YEAR.search(text))
    votes: dict[int, float] = {}
    evidence: dict[int, list[str]] = {}

    def vote(year: int, weight: float, why: str) -> None:
        votes[year] = votes.get(year, 0) + weight
        evidence.setdefault(year, []).append(why)

    for m in _ANNIVERSARY.finditer(text):
        n = _anniversary_number(m)
        # "30 Jahre NATO" names the event at once; "30 Jahre Haft ... NATO" must not count
        reach = 90 if m["what"] else 3
        fact = _nearest_fact(lowered, m.start(), m.end(), reach, alias_re, facts)
        if n and fact:
            vote(fact.year + n, 2 if this_year else 1, f"{n}th anniversary of {fact.alias} ({fact.year})")
    for m in _COP.finditer(text):
        n = int(m["n"])
        vote(1994 + n if n <= 25 else 1995 + n, 1, f"COP{n}")
    for m in _UNGA.finditer(text):
        vote(1945 + int(m["n"]), 1, f"{m['n']}th UN General Assembly")
    for m in alias_re.finditer(lowered):
        fact = facts[m.group(0)]
        if fact.kind == "event":
            vote(fact.year, 1, fact.alias)
    if not votes:
        return None
    year = max(votes, key=lambda y: (votes[y], y))
    return year, "; ".join(dict.fromkeys(evidence[year]))


def _anniversary_number(m: re.Match) -> int | None:
    if m["n"]:
        return int(m["n"]) if 0 < int(m["n"]) <= 500 else None
    if m["w"]:
        return _ORDINALS.get(m["w"].lower())
    word = m["wy"].lower()
    tens = next((v for k, v in _WORD_YEARS.items() if word.endswith(k)), None)
    units = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
             "neun": 9}
    lead = word.removesuffix(next((k for k in _WORD_YEARS if word.endswith(k)), "")).removesuffix("und")
    return None if tens is None else tens + units.get(lead, 0)


def _nearest_fact(lowered: str, start: int, end: int, reach: int, alias_re: re.Pattern,
                  facts: dict[str, _Fact]) -> _Fact | None:
    """The founding event named nearest to an anniversary phrase, within ``reach`` characters."""
    best, best_dist = None, None
    lo = max(0, start - reach) if reach > 10 else end
    for m in alias_re.finditer(lowered, lo, end + reach + 60):
        fact = facts[m.group(0)]
        if fact.kind != "founding" or m.start() > end + reach:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        dist += 0 if m.start() >= end else 15  # the name usually follows: "30. Jahrestag der NATO"
        if best_dist is None or dist < best_dist:
            best, best_dist = fact, dist
    return best
