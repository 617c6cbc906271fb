"""The actor codebooks: every state present, inflections generated, dated rows picked by date."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from eventwire.codebooks import ROOT, inflect_adjective, inflect_name, load_codebooks, pick_row

ROLES = {
    "Präsident": "GOV", "Präsidenten": "GOV", "Kanzler": "GOV", "Bundeskanzlerin": "GOV",
    "Außenministers": "GOV", "Sprecher": "GOV", "Botschafter": "GOV", "Regierung": "GOV",
    "Armee": "MIL", "Streitkräfte": "MIL", "Truppen": "MIL", "Soldaten": "MIL", "Militär": "MIL",
    "Friedenstruppen": "MIL", "Polizei": "COP", "Sicherheitskräfte": "COP", "Gericht": "JUD",
    "Staatsanwalt": "JUD", "Staatsanwaltschaft": "JUD", "Richter": "JUD", "Parlament": "LEG",
    "Abgeordnete": "LEG", "Bundestag": "LEG", "Nationalrat": "LEG", "Opposition": "OPP",
    "Rebellen": "REB", "Miliz": "REB", "Extremisten": "REB", "Aufständische": "REB",
    "Demonstranten": "CVL", "Flüchtlinge": "CVL", "Bürger": "CVL", "Zivilisten": "CVL",
    "Unternehmen": "BUS", "Konzern": "BUS", "Journalisten": "MED", "Medien": "MED", "Kirche": "REL",
    "Bischof": "REL", "Geheimdienst": "SPY", "soldiers": "MIL", "police": "COP", "protesters": "CVL",
}


@pytest.fixture(scope="module")
def books():
    return load_codebooks()


def first(books, surface):
    entries = books.lookup(surface)
    assert entries, f"{surface!r} not in the codebooks"
    return entries[0]


def test_every_sovereign_state_has_a_row(books):
    codes = {e.code for entries in books.surfaces.values() for e in entries if e.kind == "state"}
    for iso3 in ("AFG", "AZE", "AUT", "USA", "PSE", "XKX", "TWN", "VAT", "COD", "MDA", "ZWE"):
        assert iso3 in codes
    un_members = {c.alpha_3 for c in pycountry.countries} - codes
    # what is left are dependent territories (Aruba, Guam, ...), not states
    assert len(codes) >= 195 and "DEU" not in un_members and "FRA" not in un_members


@pytest.mark.parametrize("surface,code", [
    ("USA", "USA"), ("Vereinigte Staaten", "USA"), ("Amerika", "USA"), ("Washington", "USA"),
    ("Moskau", "RUS"), ("Kiew", "UKR"), ("Kyjiw", "UKR"), ("Ankara", "TUR"), ("Russlands", "RUS"),
    ("Österreicher", "AUT"), ("Israelis", "ISR"), ("Palästinenser", "PSE"), ("Gaza", "PSE"),
    ("Westjordanland", "PSE"), ("Kosovo", "XKX"), ("Taiwan", "TWN"), ("Vatikan", "VAT"),
    ("US-amerikanischen", "USA"), ("österreichische", "AUT"), ("Österreichischen", "AUT"),
])
def test_state_surfaces(books, surface, code):
    assert first(books, surface).code == code


@pytest.mark.parametrize("ending", ["", "e", "en", "er", "es", "em"])
def test_adjective_stems_cover_every_inflection(books, ending):
    entry = first(books, "aserbaidschanisch" + ending)
    assert (entry.code, entry.form) == ("AZE", "adjective")


@pytest.mark.parametrize("surface,code", [
    ("Vereinte Nationen", "UN"), ("Vereinten Nationen", "UN"), ("UNHCR", "UN"),
    ("Sicherheitsrat", "UN"), ("NATO", "NATO"), ("EU-Kommission", "EU"), ("Europäische Kommission", "EU"),
    ("EU-Gipfel", "EU"), ("Europäischen Parlaments", "EU"), ("OSZE", "OSCE"), ("Afrikanische Union", "AU"),
    ("ASEAN", "ASEAN"), ("OPEC", "OPEC"), ("IAEO", "IAEA"), ("WHO", "WHO"), ("IWF", "IMF"),
    ("Weltbank", "WB"), ("Internationalen Strafgerichtshof", "ICC"), ("Arabische Liga", "ARAB_LEAGUE"),
    ("G7", "G7"), ("G20", "G20"), ("Europarat", "CoE"), ("OIC", "OIC"),
])
def test_igo_surfaces(books, surface, code):
    assert first(books, surface).code == code


def test_at_least_sixty_igos(books):
    names = {e.name for entries in books.surfaces.values() for e in entries if e.kind == "igo"}
    assert len(names) >= 60


@pytest.mark.parametrize("surface,sector", sorted(ROLES.items()))
def test_role_sectors(books, surface, sector):
    entry = first(books, surface)
    assert (entry.kind, entry.sector) == ("role", sector)


def test_german_role_compounds_fall_back_on_their_head(books):
    assert first(books, "Verteidigungsministerin").role == "defence_minister"
    assert first(books, "Bildungsministerin").role == "minister"
    assert first(books, "Polizeieinsatz").sector == "COP"
    assert books.compound_cue("Palästinenserpräsident").code == "PSE"
    assert books.lookup("Kaffeetasse") == []


@pytest.mark.parametrize("surface,code,sector", [
    ("IS", "ISIL", "REB"), ("Islamischen Staates", "ISIL", "REB"), ("Daesh", "ISIL", "REB"),
    ("IS-Miliz", "ISIL", "REB"), ("Al-Kaida", "ALQAEDA", "REB"), ("Huthi", "YEM", "REB"),
    ("Houthis", "YEM", "REB"), ("PKK", "TUR", "REB"), ("Hamas", "PSE", "REB"), ("Hisbollah", "LBN", "REB"),
    ("AfD", "DEU", "OPP"),
])
def test_groups(books, surface, code, sector):
    entry = first(books, surface)
    assert (entry.code, entry.sector) == (code, sector)


def test_party_status_is_dated(books):
    spoe = books.lookup("SPÖ")
    assert pick_row(spoe, "2016-05-01").sector == "GOV"
    assert pick_row(spoe, "2019-01-01").sector == "OPP"
    fpoe = books.lookup("FPÖ")
    assert pick_row(fpoe, "2015").sector == "OPP"
    assert pick_row(fpoe, "2018-06").sector == "GOV"
    taliban = books.lookup("Taliban")
    assert pick_row(taliban, "2015").sector == "REB" and pick_row(taliban, "2023").sector == "GOV"


def test_inflection_helpers():
    assert "Vereinten Nationen" in inflect_name("Vereinte Nationen")
    assert "Islamischen Staates" in inflect_name("Islamischer Staat")
    assert set(inflect_adjective("russisch")) >= {"russischen", "Russische", "russischem"}
    assert inflect_adjective("Austrian") == ["Austrian"]


def write_book(root: Path, persons: str) -> Path:
    for name in ("states.tsv", "igos.tsv", "roles.tsv", "groups.tsv"):
        (root / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (root / "persons").mkdir()
    (root / "persons" / "test.tsv").write_text(persons, encoding="utf-8")
    return root


def test_persons_rows_by_date_and_latest_office(tmp_path):
    books = load_codebooks(write_book(tmp_path, (
        "name\taliases\tcode\tsector\trole\tstart\tend\tnote\n"
        "Jens Stoltenberg\t\tNOR\tGOV\thead_of_government\t2005-10-17\t2013-10-16\t\n"
        "Jens Stoltenberg\t\tNATO\tIGO\tsecretary_general\t2014-10-01\t2024-10-01\t\n"
        "Jens Stoltenberg\t\tNOR\tGOV\tfinance_minister\t2025-02-04\t\t\n"
    )))
    rows = books.lookup("Jens Stoltenberg")
    assert pick_row(rows, "2012").code == "NOR"
    assert pick_row(rows, "2021-12-14").code == "NATO"
    assert pick_row(rows, None).role == "finance_minister"  # no date: the latest office
    assert books.lookup("Jens Stoltenbergs")  # genitive
    assert "persons/test.tsv" in books.sources
