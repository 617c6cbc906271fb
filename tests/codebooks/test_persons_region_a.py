"""What is particular to persons/region_a.tsv (AUT ISR UKR AZE ARM GEO BLR IRN SYR IRQ AFG EGY POL PSE):
every state has its three offices, and well-known dates of office hold. The shape checks every persons
file shares (header, fields, dates, aliases, no overlapping holders) are in test_persons.py.
"""

from __future__ import annotations

import pytest
from persons import holders_on
from persons import rows as read_rows

REGION = {"AUT", "ISR", "UKR", "AZE", "ARM", "GEO", "BLR", "IRN", "SYR", "IRQ", "AFG", "EGY",
          "POL", "PSE"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_rows("region_a.tsv")


def test_every_row_is_of_the_region(rows):
    assert {r["code"] for r in rows} <= REGION


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
    assert holders_on(rows, code, role, on) == {name}


def test_no_holder_on_the_day_after_a_known_end(rows):
    # Assad fled on 2024-12-08 and al-Sharaa was named president only on 2025-01-29
    assert holders_on(rows, "SYR", "head_of_state", "2024-12-20") == set()
    assert "Bashar al-Assad" not in holders_on(rows, "SYR", "head_of_state", "2024-12-08")
