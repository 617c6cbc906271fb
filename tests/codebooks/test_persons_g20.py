"""Checks on the dated-office codebook persons/g20.tsv (G20 states, UN, NATO, EU bodies).

Reads src/eventwire/codebooks/persons/g20.tsv through the package; writes nothing. The file is data that
people edit by hand, so these tests guard its shape (header, 8 tab-separated fields, ISO dates, codes),
the consistency of each office's succession (no overlaps, no unexplained gaps, one open-ended holder)
and a handful of well-known dates of office.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from importlib.resources import files
from itertools import pairwise

import pytest

HEADER = ["name", "aliases", "code", "sector", "role", "start", "end", "note"]
ACRONYMS = {"UN", "NATO", "EU"}
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
       "SAU", "ZAF", "TUR", "GBR", "USA"]
SCOPE_START, SCOPE_END = date(2000, 1, 1), date(2026, 12, 1)
#: a successor may be sworn in a few days before the predecessor's formal end
OVERLAP_DAYS = 3
#: gaps longer than an unlisted acting holder (<= 2 months) plus slack point at a missing holder
MAX_GAP_DAYS = 90
#: offices that ended for good (no open-ended holder expected)
ABOLISHED = {("TUR", "head_of_government")}


def _read():
    text = files("eventwire").joinpath("codebooks/persons/g20.tsv").read_text(encoding="utf-8")
    return list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def rows():
    table = _read()
    assert table[0] == HEADER
    return [dict(zip(HEADER, r, strict=False)) for r in table[1:]]


def _day(value: str) -> date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return date.fromisoformat(value)


def _offices(rows):
    by_office = defaultdict(list)
    for r in rows:
        by_office[(r["code"], r["role"])].append(r)
    for periods in by_office.values():
        periods.sort(key=lambda r: r["start"])
    return by_office


def test_header_and_field_count():
    table = _read()
    assert table[0] == HEADER
    bad = [(i + 1, len(r)) for i, r in enumerate(table) if len(r) != len(HEADER)]
    assert not bad, f"rows (line, fields) without 8 fields: {bad}"
    assert len(table) > 300


def test_codes_sectors_roles(rows):
    for r in rows:
        assert re.fullmatch(r"[A-Z]{3}", r["code"]) or r["code"] in ACRONYMS, r
        assert r["sector"] == ("IGO" if r["code"] in ACRONYMS else "GOV"), r
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", r["role"]), r
        assert r["name"].strip() == r["name"] and r["name"], r


def test_dates_are_iso_ordered_and_in_scope(rows):
    for r in rows:
        start = _day(r["start"])
        if r["end"]:
            end = _day(r["end"])
            assert start <= end, r
            assert end >= SCOPE_START, f"office ended before 2000: {r}"
        assert start <= SCOPE_END, r


def test_no_overlapping_holders(rows):
    for office, periods in _offices(rows).items():
        for before, after in pairwise(periods):
            assert before["end"], f"{office}: {before['name']} open-ended but succeeded by {after['name']}"
            overlap = (_day(before["end"]) - _day(after["start"])).days
            assert overlap <= OVERLAP_DAYS, f"{office}: {before['name']} overlaps {after['name']}"


def test_successions_have_no_long_gaps(rows):
    for office, periods in _offices(rows).items():
        for before, after in pairwise(periods):
            gap = (_day(after["start"]) - _day(before["end"])).days
            assert gap <= MAX_GAP_DAYS, f"{office}: {gap} days between {before['name']} and {after['name']}"


def test_every_state_covers_the_whole_scope(rows):
    offices = _offices(rows)
    for code in G20:
        executive = offices.get((code, "head_of_state")) or offices.get((code, "head_of_government"))
        for role, periods in (("executive", executive),
                              ("foreign_minister", offices.get((code, "foreign_minister")))):
            assert periods, f"{code}: no {role} rows"
            assert _day(periods[0]["start"]) <= SCOPE_START, f"{code} {role} starts late"
            assert periods[-1]["end"] == "", f"{code} {role}: no current holder"


def test_one_open_ended_holder_per_office(rows):
    for office, periods in _offices(rows).items():
        open_ended = [r["name"] for r in periods if not r["end"]]
        expected = 0 if office in ABOLISHED else 1
        assert len(open_ended) == expected, (office, open_ended)


def test_aliases_are_not_bare_surnames_and_point_to_one_person(rows):
    owner: dict[str, str] = {}
    for r in rows:
        surname = r["name"].split()[-1]
        for alias in filter(None, r["aliases"].split("|")):
            assert alias == alias.strip() and alias != r["name"], r
            assert not (" " not in alias and alias == surname), f"bare surname alias {alias!r}"
            assert owner.setdefault(alias, r["name"]) == r["name"], f"{alias!r} names two people"
    names = {r["name"] for r in rows}
    assert not names & (set(owner) - names), "an alias of one person is another person's name"


def _holder(rows, code, role, on: str) -> dict:
    day = _day(on)
    found = [r for r in rows if r["code"] == code and r["role"] == role
             and _day(r["start"]) <= day and (not r["end"] or day < _day(r["end"]))]
    assert len(found) == 1, (code, role, on, found)
    return found[0]


@pytest.mark.parametrize(("code", "role", "name", "start", "end"), [
    ("NATO", "secretary_general", "Jens Stoltenberg", "2014-10-01", "2024-10-01"),
    ("DEU", "head_of_government", "Angela Merkel", "2005-11-22", "2021-12-08"),
    ("USA", "head_of_state", "Barack Obama", "2009-01-20", "2017-01-20"),
    ("UN", "secretary_general", "Ban Ki-moon", "2007-01-01", "2016-12-31"),
    ("RUS", "foreign_minister", "Sergey Lavrov", "2004-03-09", ""),
    ("EU", "council_president", "Herman Van Rompuy", "2009-12-01", "2014-11-30"),
])
def test_spot_facts(rows, code, role, name, start, end):
    hits = [r for r in rows if (r["code"], r["role"], r["name"]) == (code, role, name)]
    assert [(r["start"], r["end"]) for r in hits] == [(start, end)]


def test_holder_on_a_date(rows):
    assert _holder(rows, "GBR", "head_of_government", "2022-10-01")["name"] == "Liz Truss"
    assert _holder(rows, "FRA", "head_of_state", "2017-05-14")["name"] == "Emmanuel Macron"
    assert _holder(rows, "JPN", "head_of_government", "2007-01-01")["name"] == "Shinzo Abe"
    assert "Wladimir Putin" in _holder(rows, "RUS", "head_of_state", "2015-06-01")["aliases"].split("|")
