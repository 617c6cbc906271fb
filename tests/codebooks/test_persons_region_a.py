"""Checks the dated-office codebook for region A (AUT ISR UKR AZE ARM GEO BLR IRN SYR IRQ AFG EGY POL PSE).

Reads src/eventwire/codebooks/persons/region_a.tsv with the csv module (tab, no quoting) and checks
its shape, its codes and dates, that no two holders of one office overlap (except where a row's
note says the overlap is real, e.g. an acting holder while the incumbent was incapacitated), and a
handful of well-known dates of office.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

TSV = Path(__file__).resolve().parents[2] / "src/eventwire/codebooks/persons/region_a.tsv"
HEADER = ["name", "aliases", "code", "sector", "role", "start", "end", "note"]
ACRONYMS = {"UN", "NATO", "EU", "OSCE", "AU", "ASEAN", "OPEC", "IAEA", "WHO", "IMF", "WB", "ICC",
            "ARAB_LEAGUE", "G7", "G20", "CoE", "OIC", "ISIL", "ALQAEDA"}
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "CVL", "BUS", "MED", "REL", "NGO",
           "IGO", "SPY"}
REGION = {"AUT", "ISR", "UKR", "AZE", "ARM", "GEO", "BLR", "IRN", "SYR", "IRQ", "AFG", "EGY",
          "POL", "PSE"}
# Handovers on consecutive days or announced a little ahead of the swearing-in are normal.
OVERLAP_TOLERANCE_DAYS = 7
SCOPE_START = dt.date(2000, 1, 1)


def _read() -> tuple[list[str], list[dict[str, str]]]:
    with TSV.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = [r for r in reader]
    for r in rows:
        assert len(r) == 8, f"row does not have 8 fields: {r}"
    return header, [dict(zip(HEADER, r, strict=True)) for r in rows]


def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _read()[1]


def test_header_exact():
    assert _read()[0] == HEADER


def test_fields_well_formed(rows):
    for r in rows:
        assert r["name"].strip() == r["name"] and r["name"], r
        assert re.fullmatch(r"[A-Z]{3}", r["code"]) or r["code"] in ACRONYMS, r
        assert r["sector"] in SECTORS, r
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", r["role"]), r
        start = _date(r["start"])
        if r["end"]:
            assert start <= _date(r["end"]), r
            # rows wholly before the scope have no business here
            assert _date(r["end"]) >= SCOPE_START, r


def test_aliases_are_not_bare_names(rows):
    for r in rows:
        if not r["aliases"]:
            continue
        aliases = r["aliases"].split("|")
        assert len(aliases) == len(set(aliases)), r
        assert r["name"] not in aliases, r
        assert all(a.strip() == a and a for a in aliases), r


def test_every_state_has_the_three_offices(rows):
    offices = {(r["code"], r["role"]) for r in rows}
    for code in REGION:
        for role in ("head_of_state", "foreign_minister"):
            assert (code, role) in offices, (code, role)
    # Iran's executive is the president (listed as head_of_government); every state has one
    for code in REGION:
        assert (code, "head_of_government") in offices, code


def test_each_office_has_at_most_one_open_holder(rows):
    open_rows: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        if not r["end"]:
            open_rows.setdefault((r["code"], r["role"]), []).append(r["name"])
    for key, names in open_rows.items():
        assert len(names) == 1, (key, names)


def _overlap_days(a: dict[str, str], b: dict[str, str]) -> int:
    far = dt.date(2100, 1, 1)
    a_end = _date(a["end"]) if a["end"] else far
    b_end = _date(b["end"]) if b["end"] else far
    return (min(a_end, b_end) - max(_date(a["start"]), _date(b["start"]))).days


def test_holders_of_one_office_do_not_overlap(rows):
    by_office: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in rows:
        by_office.setdefault((r["code"], r["role"]), []).append(r)
    for office, holders in by_office.items():
        holders.sort(key=lambda r: r["start"])
        for i, a in enumerate(holders):
            for b in holders[i + 1:]:
                if "overlaps" in a["note"] or "overlaps" in b["note"]:
                    continue
                assert _overlap_days(a, b) <= OVERLAP_TOLERANCE_DAYS, (office, a["name"], b["name"])


def _holder(rows, code, role, on: str) -> set[str]:
    day = _date(on)
    found = set()
    for r in rows:
        if r["code"] != code or r["role"] != role:
            continue
        end = _date(r["end"]) if r["end"] else dt.date.max
        if _date(r["start"]) <= day < end:
            found.add(r["name"])
    return found


@pytest.mark.parametrize(
    ("code", "role", "on", "name"),
    [
        ("AZE", "head_of_state", "2003-10-31", "Ilham Aliyev"),
        ("UKR", "head_of_state", "2019-05-20", "Volodymyr Zelensky"),
        ("POL", "head_of_state", "2010-04-09", "Lech Kaczyński"),
        ("EGY", "head_of_state", "2013-07-02", "Mohamed Morsi"),
        ("ISR", "head_of_government", "2021-06-13", "Naftali Bennett"),
        ("IRN", "head_of_government", "2024-05-18", "Ebrahim Raisi"),
        ("AUT", "head_of_government", "2021-10-10", "Sebastian Kurz"),
        ("SYR", "head_of_state", "2024-12-07", "Bashar al-Assad"),
        ("PSE", "head_of_state", "2005-01-15", "Mahmoud Abbas"),
    ],
)
def test_spot_facts(rows, code, role, on, name):
    assert _holder(rows, code, role, on) == {name}


def test_no_holder_on_the_day_after_a_known_end(rows):
    # Assad fled on 2024-12-08 and al-Sharaa was named president only on 2025-01-29
    assert _holder(rows, "SYR", "head_of_state", "2024-12-20") == set()
    assert "Bashar al-Assad" not in _holder(rows, "SYR", "head_of_state", "2024-12-08")
