"""Reading the dated-office codebooks (src/eventwire/codebooks/persons/*.tsv) for the tests.

One reader and one set of helpers for every persons file: the shape checks run over all of them in
test_persons.py; test_persons_<file>.py hold what is particular to one file (its states, its known
dates of office).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from importlib.resources import files

HEADER = ["name", "aliases", "code", "sector", "role", "start", "end", "note"]
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "CVL", "BUS", "MED", "REL", "NGO", "IGO", "SPY"}
SCOPE_START, SCOPE_END = dt.date(2000, 1, 1), dt.date(2026, 12, 1)
#: words in a row's note that mark a real overlap (an acting holder beside an incapacitated one, rival
#: governments)
OVERLAP_NOTES = ("overlaps", "rival")


def persons_dir():
    return files("eventwire").joinpath("codebooks/persons")


def file_names() -> list[str]:
    return sorted(p.name for p in persons_dir().iterdir() if p.name.endswith(".tsv"))


def table(name: str) -> list[list[str]]:
    """Every line of one persons file as fields (tab-separated, no quoting), header first."""
    text = persons_dir().joinpath(name).read_text(encoding="utf-8")
    return list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def rows(name: str) -> list[dict[str, str]]:
    return [dict(zip(HEADER, r, strict=False)) for r in table(name)[1:]]


def organisation_codes() -> set[str]:
    lines = files("eventwire").joinpath("codebooks/igos.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split("\t", 1)[0] for line in lines[1:] if line and not line.startswith("#")}


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def span(row: dict[str, str]) -> tuple[dt.date, dt.date]:
    """(start, end) of an office; an open end is date.max."""
    return day(row["start"]), day(row["end"]) if row["end"] else dt.date.max


def holders_on(all_rows, code: str, role: str, when: str) -> set[str]:
    """Names holding ``role`` for ``code`` on ``when`` (start inclusive, end exclusive)."""
    moment = day(when)
    return {r["name"] for r in all_rows if r["code"] == code and r["role"] == role
            and span(r)[0] <= moment < span(r)[1]}


def offices(all_rows) -> dict[tuple[str, str], list[dict[str, str]]]:
    """Rows by (code, role), each office's holders in order of their start."""
    by_office = defaultdict(list)
    for r in all_rows:
        by_office[(r["code"], r["role"])].append(r)
    for held in by_office.values():
        held.sort(key=lambda r: r["start"])
    return by_office


def overlap_days(a: dict[str, str], b: dict[str, str]) -> int:
    return (min(span(a)[1], span(b)[1]) - max(span(a)[0], span(b)[0])).days
