"""What is particular to persons/g20.tsv (G20 states, UN, NATO, EU bodies); the shape checks every
persons file shares are in test_persons.py.

The successions of each office have no unexplained gaps and exactly one current holder, every G20 state
is covered from 2000, aliases name one person, and a handful of well-known dates of office hold.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from persons import SCOPE_START, day, offices, table
from persons import rows as read_rows

ACRONYMS = {"UN", "NATO", "EU"}
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
       "SAU", "ZAF", "TUR", "GBR", "USA"]
#: gaps longer than an unlisted acting holder (<= 2 months) plus slack point at a missing holder
MAX_GAP_DAYS = 90
#: offices that ended for good (no open-ended holder expected)
ABOLISHED = {("TUR", "head_of_government")}


@pytest.fixture(scope="module")
def rows():
    return read_rows("g20.tsv")


def test_row_count():
    assert len(table("g20.tsv")) > 300


def test_sectors_follow_codes(rows):
    for r in rows:
        assert r["sector"] == ("IGO" if r["code"] in ACRONYMS else "GOV"), r


def test_successions_have_no_long_gaps(rows):
    for office, periods in offices(rows).items():
        for before, after in pairwise(periods):
            assert before["end"], f"{office}: {before['name']} open-ended but succeeded by {after['name']}"
            gap = (day(after["start"]) - day(before["end"])).days
            assert gap <= MAX_GAP_DAYS, f"{office}: {gap} days between {before['name']} and {after['name']}"


def test_every_state_covers_the_whole_scope(rows):
    by_office = offices(rows)
    for code in G20:
        executive = by_office.get((code, "head_of_state")) or by_office.get((code, "head_of_government"))
        for role, periods in (("executive", executive),
                              ("foreign_minister", by_office.get((code, "foreign_minister")))):
            assert periods, f"{code}: no {role} rows"
            assert day(periods[0]["start"]) <= SCOPE_START, f"{code} {role} starts late"
            assert periods[-1]["end"] == "", f"{code} {role}: no current holder"


def test_one_open_ended_holder_per_office(rows):
    for office, periods in offices(rows).items():
        open_ended = [r["name"] for r in periods if not r["end"]]
        expected = 0 if office in ABOLISHED else 1
        assert len(open_ended) == expected, (office, open_ended)


def test_aliases_point_to_one_person(rows):
    owner: dict[str, str] = {}
    for r in rows:
        for alias in filter(None, r["aliases"].split("|")):
            assert owner.setdefault(alias, r["name"]) == r["name"], f"{alias!r} names two people"
    names = {r["name"] for r in rows}
    assert not names & (set(owner) - names), "an alias of one person is another person's name"


def _holder(rows, code, role, on: str) -> dict:
    moment = day(on)
    found = [r for r in rows if r["code"] == code and r["role"] == role
             and day(r["start"]) <= moment and (not r["end"] or moment < day(r["end"]))]
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
