"""Checks the dated-office codebook for region B.

Region B: CZE HUN YEM MLI COL ESP BEL SRB GRC NLD SWE CHE DNK NOR LBN JOR LBY PAK QAT VAT XKX CYP.
Reads src/eventwire/codebooks/persons/region_b.tsv with the csv module (tab, no quoting); writes
nothing. Checks the header, the shape of every row, codes, sectors and dates, that two holders of
one office never overlap by more than a week (rival governments in Libya and Yemen are real
overlaps and say "rival" in their note), that aliases carry no bare surnames, and a few dates of
office that are beyond doubt.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

TSV = Path(__file__).resolve().parents[2] / "src/eventwire/codebooks/persons/region_b.tsv"
HEADER = ["name", "aliases", "code", "sector", "role", "start", "end", "note"]
ACRONYMS = {"UN", "NATO", "EU", "OSCE", "AU", "ASEAN", "OPEC", "IAEA", "WHO", "IMF", "WB", "ICC",
            "ARAB_LEAGUE", "G7", "G20", "CoE", "OIC", "ISIL", "ALQAEDA"}
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "CVL", "BUS", "MED", "REL", "NGO",
           "IGO", "SPY"}
REGION = {"CZE", "HUN", "YEM", "MLI", "COL", "ESP", "BEL", "SRB", "GRC", "NLD", "SWE", "CHE",
          "DNK", "NOR", "LBN", "JOR", "LBY", "PAK", "QAT", "VAT", "XKX", "CYP"}
# A successor sworn in a day or two before the predecessor formally leaves is ordinary.
OVERLAP_TOLERANCE = dt.timedelta(days=7)
# Beyond this the scope of the file ends; an end date past it would be a guess.
SCOPE_END = dt.date(2026, 12, 1)


def _load() -> tuple[list[str], list[list[str]]]:
    with TSV.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return table[0], table[1:]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return [dict(zip(HEADER, r, strict=False)) for r in _load()[1]]


def _span(row: dict[str, str]) -> tuple[dt.date, dt.date]:
    start = dt.date.fromisoformat(row["start"])
    end = dt.date.fromisoformat(row["end"]) if row["end"] else dt.date.max
    return start, end


def holders_on(rows, code: str, role: str, day: str) -> set[str]:
    """Names holding `role` for `code` on `day` (start inclusive, end exclusive)."""
    when = dt.date.fromisoformat(day)
    found = set()
    for r in rows:
        if r["code"] == code and r["role"] == role:
            start, end = _span(r)
            if start <= when < end:
                found.add(r["name"])
    return found


def test_header_is_exact():
    assert _load()[0] == HEADER


def test_every_row_has_eight_fields():
    for line_no, r in enumerate(_load()[1], start=2):
        assert len(r) == 8, f"line {line_no}: {r}"


def test_fields_are_well_formed(rows):
    for r in rows:
        assert r["name"] and r["name"] == r["name"].strip(), r
        assert re.fullmatch(r"[A-Z]{3}", r["code"]) or r["code"] in ACRONYMS, r
        assert r["code"] in REGION, f"code outside region B: {r}"
        assert r["sector"] in SECTORS, r
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", r["role"]), r
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["start"]), r
        assert r["end"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["end"]), r


def test_start_not_after_end(rows):
    for r in rows:
        start, end = _span(r)
        assert start <= end, r
        assert end == dt.date.max or end <= SCOPE_END, f"end date beyond the scope: {r}"


def test_every_office_is_still_relevant_after_2000(rows):
    for r in rows:
        assert _span(r)[1] >= dt.date(2000, 1, 1), f"office ended before 2000: {r}"


def test_aliases_have_no_bare_surname_and_no_duplicates(rows):
    for r in rows:
        aliases = [a for a in r["aliases"].split("|") if a]
        assert len(aliases) == len({a.casefold() for a in aliases}), r
        surname = r["name"].split()[-1].casefold()
        for alias in aliases:
            assert alias == alias.strip() and "\t" not in alias, r
            assert alias.casefold() != surname, f"bare surname as alias: {r}"
            assert alias.casefold() != r["name"].casefold(), f"alias repeats the name: {r}"


def test_holders_of_one_office_do_not_overlap(rows):
    by_office = defaultdict(list)
    for r in rows:
        by_office[(r["code"], r["role"])].append(r)
    for office, held in by_office.items():
        held.sort(key=lambda r: _span(r)[0])
        for i, a in enumerate(held):
            for b in held[i + 1:]:
                if "rival" in a["note"] or "rival" in b["note"]:
                    continue
                overlap = min(_span(a)[1], _span(b)[1]) - max(_span(a)[0], _span(b)[0])
                assert overlap <= OVERLAP_TOLERANCE, f"{office}: {a['name']} / {b['name']}"


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
