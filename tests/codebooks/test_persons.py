"""Shape checks on every dated-office codebook (persons/*.tsv): the files are data people edit by hand.

Header, 8 tab-separated fields, codes, sectors, snake_case roles, ISO dates in order and in scope,
aliases (no bare surnames, no repeats), no two holders of one office overlapping by more than a week
(handovers announced ahead of the swearing-in; real overlaps say so in their note), and at most one
open-ended holder per office.
"""

from __future__ import annotations

import re

import pytest
from persons import (
    HEADER,
    OVERLAP_NOTES,
    SCOPE_END,
    SCOPE_START,
    SECTORS,
    file_names,
    offices,
    organisation_codes,
    overlap_days,
    rows,
    span,
    table,
)

FILES = file_names()
#: g20.tsv was written with end = the successor's start: only a few days of announced handovers
OVERLAP_TOLERANCE = {"g20.tsv": 3}


def test_the_persons_files_are_there():
    assert {"g20.tsv", "region_a.tsv", "region_b.tsv"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_header_and_eight_fields(name):
    lines = table(name)
    assert lines[0] == HEADER
    bad = [(n, len(r)) for n, r in enumerate(lines, start=1) if len(r) != len(HEADER)]
    assert not bad, f"{name}: lines (number, fields) without 8 fields: {bad}"


@pytest.mark.parametrize("name", FILES)
def test_fields_are_well_formed(name):
    organisations = organisation_codes()
    for r in rows(name):
        assert r["name"] and r["name"] == r["name"].strip(), r
        assert re.fullmatch(r"[A-Z]{3}", r["code"]) or r["code"] in organisations, r
        assert r["sector"] in SECTORS, r
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", r["role"]), r
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["start"]), r
        assert r["end"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["end"]), r


@pytest.mark.parametrize("name", FILES)
def test_dates_in_order_and_in_scope(name):
    for r in rows(name):
        start, end = span(r)
        assert start <= end, r
        assert start <= SCOPE_END, r
        assert end >= SCOPE_START, f"office ended before 2000: {r}"
        assert r["end"] == "" or end <= SCOPE_END, f"end date beyond the scope: {r}"


@pytest.mark.parametrize("name", FILES)
def test_aliases_have_no_bare_surname_and_no_repeats(name):
    for r in rows(name):
        aliases = [a for a in r["aliases"].split("|") if a]
        # case variants ("Al-Jubeir" beside "al-Jubeir") are separate aliases: the matcher is exact
        assert len(aliases) == len(set(aliases)), r
        surname = r["name"].split()[-1]
        for alias in aliases:
            assert alias == alias.strip(), r
            assert alias != r["name"], f"alias repeats the name: {r}"
            assert alias != surname, f"bare surname as alias: {r}"


@pytest.mark.parametrize("name", FILES)
def test_holders_of_one_office_do_not_overlap(name):
    tolerance = OVERLAP_TOLERANCE.get(name, 7)
    for office, held in offices(rows(name)).items():
        for i, a in enumerate(held):
            for b in held[i + 1:]:
                if any(word in a["note"] or word in b["note"] for word in OVERLAP_NOTES):
                    continue
                assert overlap_days(a, b) <= tolerance, (name, office, a["name"], b["name"])


@pytest.mark.parametrize("name", FILES)
def test_at_most_one_open_ended_holder_per_office(name):
    for office, held in offices(rows(name)).items():
        open_ended = [r["name"] for r in held if not r["end"]
                      and not any(word in r["note"] for word in OVERLAP_NOTES)]
        assert len(open_ended) <= 1, (name, office, open_ended)
