"""What is particular to persons/region_b.tsv.

Region B: CZE HUN YEM MLI COL ESP BEL SRB GRC NLD SWE CHE DNK NOR LBN JOR LBY PAK QAT VAT XKX CYP.
Every row is of the region, aliases differ even ignoring case, every state has a head of state in
mid-2025, and a few dates of office that are beyond doubt hold. The shape checks every persons file
shares (header, fields, dates, no overlapping holders; rival governments in Libya and Yemen say
"rival" in their note) are in test_persons.py.
"""

from __future__ import annotations

import pytest
from persons import holders_on
from persons import rows as read_rows

REGION = {"CZE", "HUN", "YEM", "MLI", "COL", "ESP", "BEL", "SRB", "GRC", "NLD", "SWE", "CHE",
          "DNK", "NOR", "LBN", "JOR", "LBY", "PAK", "QAT", "VAT", "XKX", "CYP"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_rows("region_b.tsv")


def test_every_row_is_of_the_region(rows):
    for r in rows:
        assert r["code"] in REGION, f"code outside region B: {r}"


def test_aliases_differ_from_the_name_and_each_other_in_any_case(rows):
    for r in rows:
        aliases = [a for a in r["aliases"].split("|") if a]
        assert len(aliases) == len({a.casefold() for a in aliases}), r
        surname = r["name"].split()[-1].casefold()
        for alias in aliases:
            assert alias.casefold() != surname, f"bare surname as alias: {r}"
            assert alias.casefold() != r["name"].casefold(), f"alias repeats the name: {r}"


def test_every_state_has_a_head_of_state_mid_2025(rows):
    # Chosen after Lebanon's 2022-2025 vacancy and the 2025 conclave.
    for code in REGION:
        assert holders_on(rows, code, "head_of_state", "2025-06-01"), code


@pytest.mark.parametrize(
    ("code", "role", "start", "end", "name"),
    [
        ("NOR", "head_of_government", "2000-03-17", "2001-10-19", "Jens Stoltenberg"),
        ("NOR", "head_of_government", "2005-10-17", "2013-10-16", "Jens Stoltenberg"),
        ("ESP", "head_of_state", "2014-06-19", "", "Felipe VI"),
        ("CYP", "head_of_state", "2013-02-28", "2023-02-28", "Nicos Anastasiades"),
        ("QAT", "head_of_state", "2013-06-25", "", "Tamim bin Hamad Al Thani"),
        ("SRB", "head_of_government", "2001-01-25", "2003-03-12", "Zoran Đinđić"),
    ],
)
def test_spot_facts(rows, code, role, start, end, name):
    match = [r for r in rows if r["code"] == code and r["role"] == role and r["name"] == name
             and r["start"] == start]
    assert len(match) == 1, (code, role, name, start)
    assert match[0]["end"] == end


@pytest.mark.parametrize(
    ("code", "role", "day", "name"),
    [
        ("NLD", "head_of_government", "2015-01-01", "Mark Rutte"),
        ("LBN", "head_of_state", "2010-06-01", "Michel Suleiman"),
        ("PAK", "head_of_government", "2016-01-01", "Nawaz Sharif"),
        ("GRC", "head_of_government", "2015-07-05", "Alexis Tsipras"),
        ("VAT", "head_of_state", "2014-01-01", "Jorge Mario Bergoglio"),
        ("CHE", "head_of_state", "2020-06-01", "Simonetta Sommaruga"),
    ],
)
def test_holder_on_a_day(rows, code, role, day, name):
    assert holders_on(rows, code, role, day) == {name}


def test_papal_interregnum_has_no_head_of_state(rows):
    # Sede vacante between Francis's death and Leo XIV's election: nobody holds the office.
    assert holders_on(rows, "VAT", "head_of_state", "2025-05-01") == set()
