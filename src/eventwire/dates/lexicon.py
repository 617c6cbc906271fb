"""The words dates are written with, per language: months, weekdays, counts, relative qualifiers.

Reads nothing; holds the tables the patterns are built from and the handlers resolve with. Keys are
lower case; "de" and "en" are the only languages (anything not German is read as English).
"""

from __future__ import annotations

import re

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
MONTHS = {
    "de": "januar jänner februar märz april mai juni juli august september oktober november dezember",
    "en": "january february march april may june july august september october november december",
}
MONTH_NUM = {
    "de": {"januar": 1, "jänner": 1, "jän": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3,
           "mär": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8,
           "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11,
           "nov": 11, "dezember": 12, "dez": 12},
    "en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
           "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
           "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
           "dec": 12},
}
WEEKDAYS = {
    "de": {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
           "sonnabend": 5, "sonntag": 6},
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
           "sunday": 6},
}
NUMBERS = {
    "de": {"ein": 1, "eine": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
           "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
           "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
           "fifty": 50, "hundred": 100},
}
# "vor einigen Tagen", "a few weeks ago": a rough count, given at month precision
VAGUE = {"de": ("einigen", "wenigen", "mehreren", "ein paar"), "en": ("a few", "several", "some")}
# offset of a relative qualifier, by its stem ("vergangenen" -> -1, "nächsten" -> +1, "this" -> 0)
REL = {"dies": 0, "laufend": 0, "this": 0, "vergangen": -1, "letzt": -1, "vorig": -1, "last": -1,
        "past": -1, "kommend": 1, "nächst": 1, "next": 1, "coming": 1}
FUTURE = {
    "de": re.compile(r"\b(?:wird|werden|werde|soll|sollen|solle|will|wollen|wolle|plant|planen|geplant|"
                     r"kommenden|nächsten|bevorstehenden?)\b"),
    "en": re.compile(r"\b(?:will|shall|is due|are due|is expected to|are expected to|is scheduled|"
                     r"are scheduled|plans? to|is set to|are set to|coming)\b|'ll\b"),
}
# a bare four-digit number followed by one of these is a count, not a year ("2000 Menschen")
COUNT_AFTER = re.compile(
    r"\s*(?:Menschen|Personen|Euro|Dollar|Franken|Pfund|Soldaten|Flüchtlinge|Tote|Toten|Kilometer|km|"
    r"Meter|Stimmen|Mitglieder|Einwohner|Häuser|Fälle|Stück|Jahre|people|troops|soldiers|refugees|"
    r"dollars|pounds|euros|votes|members|miles|km|metres|meters|jobs|cases|homes|years|%|Prozent)\b")
COUNT_BEFORE = re.compile(r"(?:rund|etwa|ca\.|mehr als|über|fast|knapp|mindestens|bis zu|insgesamt|"
                          r"about|around|more than|over|nearly|almost|some|at least|up to)\s+$",
                          re.IGNORECASE)
