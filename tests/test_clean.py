"""The plain-text cleaner: pages written for these tests (German, English, French) with the usual
site furniture around the article, the Clean stage, a property test, and the two seeds in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import Article
from eventwire.pipeline import Context, Drop
from eventwire.stages.clean import Clean, Cleaned, clean_text

SHARED = Path(__file__).resolve().parents[2] / "shared"

GERMAN_PAGE = """\
Startseite
  Politik
  Wirtschaft
  Sport
  Kultur
POLITIK

Regierung einigt sich auf neues Klimapaket VIDEO

0 12

Berlin (dpa) - Die Bundesregierung hat sich nach wochenlangem Streit auf ein neues Klimapaket geeinigt. \
Die Ministerinnen und Minister stellten die Pläne am Mittwoch vor, nachdem die Koalition bis in die Nacht \
verhandelt hatte.

Das Paket sieht vor, dass die Förderung für Wärmepumpen in den kommenden zwei Jahren deutlich aufgestockt \
wird. Zugleich sollen die Abgaben auf Heizöl und Erdgas schrittweise steigen, um den Umstieg zu beschleunigen.

Was sich für Mieter ändert

Die Opposition kritisierte die Einigung als unzureichend. Die Maßnahmen kämen zu spät und seien für viele \
Haushalte nicht bezahlbar, sagte ein Sprecher der Fraktion im Bundestag am Abend.

Foto: Max Beispiel
Schlagwörter: Klima, Regierung, Berlin
Artikel teilen
3 Kommentare
Kommentar schreiben
Ihre E-Mail-Adresse wird nicht veröffentlicht.
Diese Website verwendet Cookies. Wenn Sie die Seite weiter nutzen, stimmen Sie der Verwendung zu. Akzeptieren
© 2024 Beispielzeitung GmbH. Alle Rechte vorbehalten.
"""

ENGLISH_PAGE = """\
  Home
  World
  Business
  Markets
  Sign In
Subscribe

Senate passes stopgap bill to avert government shutdown

By Jane Example
Updated 14:05 GMT
WASHINGTON (Reuters) - The U.S. Senate on Friday passed a stopgap spending bill that keeps the federal \
government open until early next year, sending the measure to the president hours before a deadline.

The bill, which passed by a vote of 72 to 25, extends funding at current levels and includes money for \
disaster relief in several states that were hit by storms during the summer.

Lawmakers from both parties said they would use the extra weeks to negotiate a full-year budget, but \
several senators warned that the talks could collapse again in the new year.

Share this article
Related Articles
Lawmakers clash over border funding as deadline nears in the House of Representatives.
Markets rally after the central bank signals that it will hold interest rates steady.
Leave a Reply
Your email address will not be published. Required fields are marked *
Save my name, email, and website in this browser for the next time I comment.
Copyright 2024 Example News. All rights reserved.
"""

FRENCH_PAGE = """\
Accueil
  International
  Politique
  Économie
Le gouvernement présente son projet de budget pour l'année prochaine

Paris, 3 mars (AFP)

Le gouvernement a présenté mercredi son projet de budget, qui prévoit une baisse des dépenses publiques et \
une hausse des investissements dans la transition énergétique, selon le ministre de l'Économie.

Les syndicats ont dénoncé un budget d'austérité et appelé à une journée de mobilisation dans toute la \
France à la fin du mois, tandis que le patronat a salué des mesures en faveur des entreprises.

Partager
Articles similaires
Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez \
leur utilisation.
Laisser un commentaire
Votre adresse e-mail ne sera pas publiée.
© 2024 Exemple Presse. Tous droits réservés.
"""


def _dropped(cleaned: Cleaned) -> set[str]:
    return {line for line, _ in cleaned.dropped}


def test_german_page_title_dateline_body():
    cleaned = clean_text(GERMAN_PAGE)
    assert cleaned.title == "Regierung einigt sich auf neues Klimapaket"
    assert cleaned.dateline == "Berlin (dpa)"
    paragraphs = cleaned.body.split("\n")
    assert paragraphs[0].startswith("Die Bundesregierung hat sich")
    assert "Was sich für Mieter ändert" in paragraphs  # a subheading between paragraphs stays
    assert paragraphs[-1].startswith("Die Opposition kritisierte")
    for line in ("POLITIK", "0 12", "Foto: Max Beispiel", "Artikel teilen", "3 Kommentare", "Kultur",
                 "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
                 "© 2024 Beispielzeitung GmbH. Alle Rechte vorbehalten."):
        assert line in _dropped(cleaned), line
    assert "Cookies" not in cleaned.body and "dpa" not in cleaned.body


def test_english_page_reuters_dateline_and_related_list():
    cleaned = clean_text(ENGLISH_PAGE, "en")
    assert cleaned.title == "Senate passes stopgap bill to avert government shutdown"
    assert cleaned.dateline == "WASHINGTON (Reuters)"
    assert cleaned.body.startswith("The U.S. Senate on Friday passed")
    assert len(cleaned.body.split("\n")) == 3
    dropped = _dropped(cleaned)
    assert "By Jane Example" in dropped
    assert "Leave a Reply" in dropped
    # the teasers under "Related Articles" are sentences, but not this article's
    assert "Markets rally after the central bank signals that it will hold interest rates steady." in dropped
    assert "Copyright" not in cleaned.body


def test_french_page_standalone_dateline():
    cleaned = clean_text(FRENCH_PAGE)
    assert cleaned.title == "Le gouvernement présente son projet de budget pour l'année prochaine"
    assert cleaned.dateline == "Paris, 3 mars (AFP)"
    assert cleaned.body.split("\n")[0].startswith("Le gouvernement a présenté mercredi")
    assert cleaned.body.split("\n")[-1].startswith("Les syndicats ont dénoncé")
    assert "cookies" not in cleaned.body
    assert {"Partager", "Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée."} <= _dropped(
        cleaned
    )


def test_dateline_with_slash_and_dash_is_cut_off_the_first_paragraph():
    page = "Koalition streitet über Rente\n\n" + (
        "Wien/Berlin – Die Regierungen beider Länder wollen ihre Rentensysteme bis zum Ende des Jahrzehnts "
        "reformieren, wie die zuständigen Ministerien am Montag mitteilten. Die Pläne sind umstritten, "
        "weil sie ein späteres Renteneintrittsalter vorsehen."
    )
    cleaned = clean_text(page, "de")
    assert cleaned.dateline == "Wien/Berlin"
    assert cleaned.body.startswith("Die Regierungen beider Länder")


def test_every_dropped_line_has_a_reason():
    cleaned = clean_text(GERMAN_PAGE)
    assert cleaned.dropped and all(reason for _, reason in cleaned.dropped)


def test_clean_stage_sets_title_dateline_and_text():
    article = Article(id="a1", uri="file:a1.txt", text=GERMAN_PAGE)
    out = Clean()(article, Context(strict=True))
    assert out.title == "Regierung einigt sich auf neues Klimapaket"
    assert out.dateline == "Berlin (dpa)"
    assert out.text.startswith("Die Bundesregierung")
    assert Clean.provides == ("text", "title", "dateline") and Clean.requires == ("text",)


def test_clean_stage_keeps_an_existing_title():
    text = ENGLISH_PAGE.split("WASHINGTON", 1)[1].split("Share this article")[0]
    article = Article(id="a2", uri="u", title="Given title", text="WASHINGTON" + text)
    out = Clean()(article, Context(strict=True))
    assert out.title == "Given title"
    assert out.dateline == "WASHINGTON (Reuters)"
    assert out.text.startswith("The U.S. Senate")


def test_clean_stage_drops_a_page_without_prose():
    article = Article(id="a3", uri="u", text="Home\n  News\n  Sport\n0 31\nCookie-Einstellungen\n© 2024")
    with pytest.raises(Drop) as drop:
        Clean()(article, Context(strict=True))
    assert drop.value.reason == "empty_text"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_clean_text_never_raises_and_keeps_only_input_lines(raw):
    cleaned = clean_text(raw)
    sources = [line.strip() for line in raw.splitlines()]
    for line in cleaned.body.split("\n") if cleaned.body else []:
        assert any(line in source for source in sources)
    if cleaned.title:
        assert any(cleaned.title in source for source in sources)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "Die Regierung hat am Montag beschlossen, dass die Steuern nicht erhöht werden.",
    "The minister said that the talks would continue next week in the capital.",
    "  Menü", "0 31", "Teilen", "© 2024", "", "Kommentare", "VIDEO",
]), max_size=40))
def test_clean_text_on_mixed_lines(lines):
    raw = "\n".join(lines)
    cleaned = clean_text(raw)
    assert set(filter(None, cleaned.body.split("\n"))) <= {line.strip() for line in lines}


def _seed(name: str) -> str:
    if not SHARED.is_dir():
        pytest.skip("../shared not present")
    return next((SHARED / "seeds").glob(f"{name}_*.txt")).read_text("utf-8")


@pytest.mark.shared
def test_seed_000_dateline_and_no_boilerplate():
    cleaned = clean_text(_seed("000"))
    assert cleaned.dateline and cleaned.dateline.startswith("Brüssel, 14. Dezember")
    assert cleaned.title and not cleaned.title.endswith("VIDEO")
    assert "OFFIZIELLE NEWS" not in cleaned.body and "©" not in cleaned.body
    assert "ctrl+enter" not in cleaned.body
    assert cleaned.body.count("\n") >= 6


@pytest.mark.shared
def test_seed_003_no_comment_form_or_cookie_banner():
    cleaned = clean_text(_seed("003"))
    assert cleaned.dateline is None
    body_lines = cleaned.body.split("\n")
    assert "0 31" not in body_lines and "Freiheit" not in body_lines
    assert "cookies" not in cleaned.body and "Leave A Reply" not in cleaned.body
    assert len(body_lines) >= 5
