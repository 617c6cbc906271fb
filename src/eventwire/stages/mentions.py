"""Mentions stage: find the names, places and role nouns an article talks about.

Reads ``text``, ``sentences`` and ``language``; writes ``mentions`` (:class:`~eventwire.model.Mention`,
character offsets into ``text``). Drops nothing: an article without mentions simply has none.

Four sources, merged with overlaps resolved (the longer span wins; on equal length the codebook wins):
- codebook: one dictionary lookup per word n-gram over the codebooks (states, capitals, adjectives and
  demonyms, IGOs, parties and armed groups, persons, role nouns, German role compounds). Labels GPE
  (state names, capitals), MISC (nationality adjectives and demonyms), ORG, PER and ROLE.
- title: capitalised words right after a title noun ("Außenminister Ceyhun Bayramov") are a PER, so a
  person no codebook lists is still found.
- firstname: a common first name followed by capitalised words ("Uwe Böhnhardt") is a PER.
- coref: a surname of a person already found recurs later ("Bayramov betonte ...").
- ner: PER/ORG/LOC spans of :func:`eventwire.ner.find_entities` when that module and its model exist,
  cut to their names (:func:`tidy_ner`: "Finland will give" is "Finland"); a span that still holds a
  codebook mention and more ("Israel Friday", "NATO-member Norway") is dropped for the codebook's.
"""

from __future__ import annotations

import logging
import re

from ..codebooks import Codebooks, Entry, load_codebooks
from ..model import Article, Mention
from ..pipeline import Context
from .mention_ner import ner_for_articles

log = logging.getLogger(__name__)

#: a word: initials such as "U.S." stay one token; hyphens split compounds ("NATO-Generalsekretär")
TOKEN = re.compile(r"(?:\w\.){2,}|\w+(?:['’]\w+)?")
#: English: the possessive "'s" is no part of the name it follows ("Haiti's efforts" names Haiti)
TOKEN_EN = re.compile(r"(?:\w\.){2,}|\w+(?:['’](?![sS]\b)\w+)?")
#: a name word after a title: capitalised, possibly hyphenated or with particles handled separately
NAME_WORD = re.compile(r"[A-ZÄÖÜÁÉÍÓÚÇŞŠŽČŘĐŁ][\w'’]*(?:-[\w'’]+)*")
#: lower-case particles inside a name, followed by the next name word
PARTICLE = re.compile(r"(?:al|el|bin|ibn|van|von|der|de|del|da|di|la|le|zu)[- ](?=[A-ZÄÖÜ])")
#: capitalised words that follow a title but are no name (articles, weekdays, months, pronouns)
NOT_NAMES = frozenset("""
Der Die Das Dem Den Des Ein Eine Einer Eines Im In Am An Auf Aus Bei Mit Nach Von Vor Zum Zur Für Über
Unter Gegen Seit Ende Anfang Mitte Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar
Jänner Februar März April Mai Juni Juli August September Oktober November Dezember Er Sie Es Wir Ihr
The A An He She It They We On At By For From With Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March May June July October December Herr Frau Mr Mrs Ms Dr Prof Chef
Und Oder Aber Doch Auch Nur Noch Schon Sowie Als Wie Wenn Dass Weil Damit Denn Nun Heute Gestern
""".split())  # noqa: SIM905 (a word list reads better as text)
#: common first names: a capitalised word after one of them is a surname, even with no title
FIRST_NAMES = frozenset("""
Abdel Abdel-Fattah Abdelaziz Abdul Abdullah Abiy Abu Adam Adolf Adrian Ahmad Ahmed Ahmet Alain Alan
Alassane Albert Alberto Albin Aleksandar Alex Alexander Alexandr Alexei Alexej Alexis Alfred Ali Alice
Alois Amir Ana Anatoli Andrea Andreas Andrej Andrew Andrzej Andrés Angela Angelika Anna Annalena Anne
Annegret Anton Antonio António Armin Arnold Arseni Arsenij Artur Asif  Barack Bashar Beata
Beate Benjamin Benny Bernd Bernhard Bernie Bill Bola Boris Brigitte Bruno Béji Carl Carlo Carlos
Catherine Cem Ceyhun Charles Chris Christa Christian Christiane Christine Christoph Christopher Chuck
Claudia Clemens Colin Condoleezza Cristina Cyril Daniel Daniela David Denis Dick Dieter Dietmar Dilma
Dmitri Dmitrij Dmytro Dominik Donald Doris Dorothea Ebrahim Ed Edi Eduard Edward Ehud Elena Elisabeth
Elizabeth Emmanuel Emmerson Enrico Enrique  Eric Erich Erik Erna Ernst Erwin Eva Evo Fabian Fayez
Federica Felipe Felix Ferdinand Fidel Florian Frank Frans Franz François Friedrich Fritz Félix Gabriel
Gabriele Georg George Gerald Gerhard Gerhart Gernot Giorgia Gitanas Goodluck Gordon Gregor Gustavo
Günter Günther Hamid Hans Harald Hashim Hassan Heiko Heinrich Heinz Helmut Henrik Herbert Hermann
Hillary Horst Hosni Hossein Hubert Hugo Iain Igor Ilham Irakli Irina Isaias Ismail Ivan Iván Iwan
Jacinda Jacob Jacques Jair Jakob James Jan Janet Javad Javier Jean Jeb Jeff Jens Jeremy Jimmy Joachim
Joe Johann Johanna Johannes John Jonas Jorge Josef Joseph José Juan Julia Julian Julija Justin Jürgen
Kais Kaja Kamala Karin Karl Karl-Heinz Katharina Keir Kevin Khalifa Kim Klaus Krišjānis Kurt Kyriakos
Lars Laura Lenín Leo Leonid Lindsey Liz Luis Luiz Lukas Lula Lutz Macky Magdalena Mahmoud Mahmud Manfred
Manuel Marco Margit Maria Mariano Marie Marine Mario Mark Markus Martin Martina Mary Mateusz Matteo
Matthias Mauricio Max Maximilian Mette Michael Michail Michel Michelle Micheál Miguel Mike Mikheil Milo
Milorad Mitch Mitt Mohamed Mohammad Mohammed Moncef Moon Muammar Muhammad Muhammadu Mustafa Naftali
Najib Nana Nancy Narendra Nick Nicola Nicolas Nicolás Nigel Nikol Nikolaus Nils Norbert Olaf Olga Oliver
Omar Oskar Otto Pablo Paolo Pascal Patrick Paul Pedro Peter Petr Petro Petteri Philipp Pierre Rafael
Rainer Ralf Ralph Ramsan  Raúl Recep Reinhard Reinhold Renate Rex Richard Riek Rishi Robert Roberto
Roland Roman Ron Rudolf Saad Sabine Sahra Salman Salome Salva Sandra Sanna Sarah Saulius Scott Sebastian
Sebastián Selahattin Sergei Sergej Sergey Serzh Shinzo Sigmar Silvio Simon Sonja Stefan Stefanie Steffen
Stephan Steve Susanne Sven Ted Theresa Thomas Tim Tobias Tom Tony Uhuru Ulf Ulrich Ursula Uwe Valentin
Vicente Viktor Vince Vitali Vjosa Vladimir Walid Walter Werner Wilhelm William Winfried Wladimir
Wolfgang Wolodymyr Xavier Xi Yair Yasser Yoweri Yusuf Zoran Álvaro
""".split())  # noqa: SIM905 (a word list reads better as text)
#: German noun endings that mark a common noun, not a surname
NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ismus", "nahme", "ierung")

LABELS = {"state": "GPE", "igo": "ORG", "group": "ORG", "person": "PER", "role": "ROLE"}


def label_for(entry: Entry) -> str:
    if entry.kind == "state" and entry.form in ("adjective", "demonym"):
        return "MISC"  # "aserbaidschanisch" names a nationality, not a place
    return LABELS[entry.kind]


class Mentions:
    name = "mentions"
    requires = ("text", "sentences", "language")
    provides = ("mentions",)

    def __init__(self, codebooks: Codebooks | None = None, use_ner: bool = True):
        self.books = codebooks or load_codebooks()
        self.use_ner = use_ner
        self._prepared: dict[int, tuple[Article, list[Mention]]] = {}

    def _scope(self, ctx: Context) -> str:
        if not self.use_ner:
            return "off"
        return getattr(ctx.settings, "ner", "events") if ctx.settings is not None else "events"

    def prepare(self, articles: list[Article], ctx: Context) -> None:
        """Run the NER for many articles at once (one ``nlp.pipe`` batch per language); each article's
        call then uses its share. Optional: an article not prepared gets its NER in its own call."""
        self._prepared.clear()
        scope = self._scope(ctx)
        if scope == "off":
            return
        for article, ner in zip(articles, ner_for_articles(articles, scope), strict=True):
            self._prepared[id(article)] = (article, ner)

    def __call__(self, article: Article, ctx: Context) -> Article:
        text = article.text
        english = (article.language or "").startswith("en")
        tokens = [m.span() for m in (TOKEN_EN if english else TOKEN).finditer(text)]
        found = codebook_mentions(text, tokens, self.books, fold_roles=english)
        if english:
            found = [m for m in found if not part_of_longer_name(text, m, self.books)]
        found += title_names(text, found, self.books)
        found += first_name_persons(text, tokens, self.books)
        found += appositive_names(text, found, self.books)
        scope = self._scope(ctx)
        if scope != "off":
            known = [m for m in found if m.source == "codebook"]
            prepared = self._prepared.pop(id(article), None)
            if prepared is not None and prepared[0] is article:
                ner = prepared[1]
            else:
                ner = ner_for_articles([article], scope)[0]
            found += [t for m in ner if (t := tidy_ner(m, self.books, known)) is not None]
        chosen = resolve_overlaps(found)
        chosen += surname_mentions(text, tokens, chosen)
        chosen.sort(key=lambda m: m.start)
        article.mentions = chosen
        ctx.stats["mentions.found"] += len(chosen)
        return article


def codebook_mentions(text: str, tokens: list[tuple[int, int]], books: Codebooks,
                      fold_roles: bool = False) -> list[Mention]:
    """Longest codebook surface starting at each token; compounds fall back on their role head.

    ``fold_roles`` (English): a capitalised word that is no name may be a role noun opening a sentence
    or a headline ("Security forces in Guinea ...", "Rebels ..."), so its lower-case form is tried."""
    out: list[Mention] = []
    first_words, surfaces = books.first_words, books.surfaces
    i, n = 0, len(tokens)
    while i < n:
        start, end = tokens[i]
        word = text[start:end]
        span = _longest(text, tokens, i, first_words.get(word, 0), surfaces)
        if span is None and fold_roles and word[:1].isupper():
            span = _folded_role(text, tokens, i, books)
        if span is not None:
            j, surface = span
            entry = (surfaces.get(surface) or surfaces[_lower_first(surface)])[0]
            out.append(Mention(start, tokens[j][1], surface, label_for(entry), "codebook"))
            i = j + 1
            continue
        if word[:1].isupper() and books.compound_head(word) is not None:
            out.append(Mention(start, end, word, "ROLE", "codebook"))
        i += 1
    return out


#: a capitalised word and "of" + a capitalised word: the name goes on ("Nigerian Union of Teachers")
_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]*) $")
_NAME_AFTER = re.compile(r" of (?:the )?[A-Z]")


def part_of_longer_name(text: str, m: Mention, books: Codebooks) -> bool:
    """English: a party or group alias that is only a word of a longer name the codebooks do not know
    ("Union" in "Nigerian Union of Teachers" or "Homeland Union" is no German CDU). A known word or a
    possessive before it ("pro-Iranian Hizbollah", "bin Laden's al-Qaeda") keeps it."""
    entries = books.surfaces.get(m.text) or []
    if not entries or entries[0].kind != "group" or " " in m.text:
        return False
    if _NAME_AFTER.match(text, m.end):
        return True
    before = _NAME_BEFORE.search(text, max(0, m.start - 30), m.start)
    if before is None or before.start(1) == 0 or text[before.start(1) - 2: before.start(1)] in (". ", "\n"):
        return False
    word = before.group(1)
    return not word.endswith(("'s", "’s")) and not books.surfaces.get(word) and word not in NOT_NAMES


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


def _folded_role(text, tokens, i, books: Codebooks) -> tuple[int, str] | None:
    """A role noun written with a capital because it opens a sentence ("Doctors", "Security forces")."""
    start = tokens[i][0]
    max_words = books.first_words.get(_lower_first(text[start:tokens[i][1]]), 0)
    last = min(i + max_words, len(tokens)) - 1
    for j in range(last, i - 1, -1):
        surface = text[start:tokens[j][1]]
        entries = books.surfaces.get(_lower_first(surface))
        if entries and entries[0].kind == "role" and _single_spaced(text, tokens, i, j):
            return j, surface
    return None


def _single_spaced(text, tokens, i, j) -> bool:
    return all(text[tokens[k][1]:tokens[k + 1][0]] in (" ", "-") for k in range(i, j))


def _longest(text, tokens, i, max_words, surfaces) -> tuple[int, str] | None:
    """(index of the last token, surface) of the longest codebook surface starting at token i."""
    if not max_words:
        return None
    start = tokens[i][0]
    last = min(i + max_words, len(tokens)) - 1
    # only words joined by one space or hyphen can form a name; stop the span at anything else
    stop = i
    while stop < last:
        gap = text[tokens[stop][1]:tokens[stop + 1][0]]
        if gap not in (" ", "-", " - "):
            break
        stop += 1
    for j in range(stop, i - 1, -1):
        surface = text[start:tokens[j][1]]
        if surface in surfaces:
            return j, surface
    return None


def title_names(text: str, found: list[Mention], books: Codebooks) -> list[Mention]:
    """Capitalised words right after a title ("Präsident Ilham Aliyev") or an appositive state
    ("Präsident der Republik Aserbaidschan, Ilham Aliyev") are a person's name."""
    out = []
    for k, m in enumerate(found):
        if m.label == "ROLE":
            entry = books.lookup(m.text)
            if not entry or entry[0].form != "title":
                continue
            name = _name_at(text, m.end, allow_comma=False, books=books)
        elif m.label in ("GPE", "ORG") and k and _title_of(found[k - 1], m, text, books):
            name = _name_at(text, m.end, allow_comma=True, books=books)
        else:
            continue
        if name is not None:
            out.append(Mention(name[0], name[1], text[name[0]:name[1]], "PER", "title"))
    return out


#: two or three name words right before ", der Außenminister ..." (an apposition names its person)
APPOSITIVE = re.compile(r"((?:[A-ZÄÖÜ][\w'’-]+ ){1,2}[A-ZÄÖÜ][\w'’-]+), (?:der|die|the)"
                        r"(?: [a-zäöüß][\w-]*)? $")


def appositive_names(text: str, found: list[Mention], books: Codebooks) -> list[Mention]:
    """"Teymur Qasimzade, der Außenminister Aserbaidschans": the words before the title are a name."""
    out = []
    for m in found:
        if m.label != "ROLE":
            continue
        window = max(0, m.start - 70)
        hit = APPOSITIVE.search(text, window, m.start)
        if hit is None or hit.group(1).split(" ", 1)[0] in NOT_NAMES:
            continue
        words = hit.group(1).split(" ")
        if any(_is_codebook_word(w, books) or w.endswith(NOUN_SUFFIXES) for w in words):
            continue
        out.append(Mention(hit.start(1), hit.end(1), hit.group(1), "PER", "title"))
    return out


def first_name_persons(text: str, tokens: list[tuple[int, int]], books: Codebooks) -> list[Mention]:
    """A known first name followed by capitalised name words is a person ("Uwe Böhnhardt")."""
    out = []
    for start, end in tokens:
        if text[start:end] in FIRST_NAMES and text.startswith(" ", end):
            rest = _name_at(text, end, allow_comma=False, books=books)
            if rest is not None:
                out.append(Mention(start, rest[1], text[start:rest[1]], "PER", "firstname"))
    return out


def _title_of(role: Mention, m: Mention, text: str, books: Codebooks) -> bool:
    """Whether ``m`` is the state of a title just before it ("Präsident der Republik Aserbaidschan")."""
    if role.label != "ROLE" or text[role.end:m.start] not in (" der ", " des ", " of ", " of the "):
        return False
    entry = books.lookup(role.text)
    return bool(entry) and entry[0].form == "title" and text.startswith(", ", m.end)


def _name_at(text: str, pos: int, allow_comma: bool, books: Codebooks) -> tuple[int, int] | None:
    """Span of 1-4 name words starting after ``pos`` (one space, or ", " when allowed)."""
    if text.startswith(" ", pos):
        pos += 1
    elif allow_comma and text.startswith(", ", pos):
        pos += 2
    else:
        return None
    start, end, words = pos, None, 0
    while words < 4:
        m = NAME_WORD.match(text, pos)
        if m is None:
            particle = PARTICLE.match(text, pos)
            if particle is None or end is None:
                break
            pos = particle.end()  # "Abdel-Malek al-Mikhlafi", "Van der Bellen"
            continue
        word = m.group()
        if word in NOT_NAMES or word.endswith(NOUN_SUFFIXES) or (word.isupper() and len(word) > 3) \
                or _is_codebook_word(word, books):
            break
        end, words = m.end(), words + 1
        if not text.startswith(" ", end):
            break
        pos = end + 1
    return (start, end) if end is not None else None


def _is_codebook_word(word: str, books: Codebooks) -> bool:
    """A state, organisation or role right after a title belongs to the title, not to a name."""
    entries = books.surfaces.get(word)
    if entries:
        return entries[0].kind != "person"
    return books.compound_head(word) is not None


#: lower-case words inside a name ("Organisation for Security and Co-operation", "Abu Musab al-Zarqawi")
NAME_PARTICLES = frozenset("of the for and in de du la le al el bin ibn von van der den des die zu zur zum y "
                           "da di für und".split())
#: a lower-case prefix of an Arabic or Romance surname: "al-Zarqawi", "d'Estaing"
_PREFIXED = re.compile(r"[a-z]{1,3}[-'’][A-ZÄÖÜ]")


def tidy_ner(m: Mention, books: Codebooks, codebook: list[Mention]) -> Mention | None:
    """A NER span cut to its name: no blanks around it ("Stoltenberg\xa0"), nothing from the first
    lower-case word that is no name particle ("Finland will give"), a person without the state or
    organisation the model ran into ("Stoltenberg Baku"). A span that still holds a codebook mention
    and more is the model's guess at a larger unit ("Israel Friday", "NATO-member Norway", "United
    Nations envoy Kenzo Oshima"): the codebook mentions inside it are surer, so it is dropped."""
    words = m.text.split(" ")
    lead = 0
    while words and not words[0].strip():
        lead += len(words.pop(0)) + 1
    for i, word in enumerate(words):
        if i and word[:1].islower() and word not in NAME_PARTICLES and not _PREFIXED.match(word) \
                or not word.strip():
            words = words[:i]
            break
    while words and words[-1] in NAME_PARTICLES:
        words.pop()
    while m.label == "PER" and len(words) > 1 and _is_codebook_word(words[-1], books):
        words.pop()
    surface = " ".join(words).strip()
    if not surface:
        return None
    start = m.start + lead + (len(m.text[lead:]) - len(m.text[lead:].lstrip()))
    end = start + len(surface)
    inside = [c for c in codebook if start <= c.start and c.end <= end and c.end - c.start < end - start]
    if inside and not (m.label == "ORG" and _proper_name(surface) and len(inside) == 1
                       and inside[0].start == start and inside[0].label in ("GPE", "MISC")):
        return None  # except a name led by its state: "Azerbaijan Airlines" (the actors stage codes it)
    return Mention(start, end, surface, m.label, m.source)


def _proper_name(surface: str) -> bool:
    """Every word capitalised and none a function word, weekday or possessive: "Azerbaijan Airlines"."""
    words = re.split(r"[ -]", surface)
    return len(words) > 1 and all(w[:1].isupper() and w not in NOT_NAMES and not w.endswith(("'s", "’s"))
                                  for w in words)


PRIORITY = {"codebook": 0, "title": 1, "firstname": 2, "ner": 3, "coref": 4}


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep non-overlapping spans: the longer first; on equal length codebook, title, first name, NER.

    A NER span holding a role noun is no name ("NATO-Generalsekretär" stays NATO + role), except that
    a NER PER starting with a role noun ("Präsident Ilham Aliyev") is trimmed to the name.
    """
    roles = [m for m in mentions if m.source == "codebook" and m.label == "ROLE"]
    chosen: list[Mention] = []
    taken = bytearray(max((m.end for m in mentions), default=0))
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), PRIORITY.get(m.source, 9)))
    for m in ranked:
        if m.source == "ner":
            m = _trim_roles(m, roles) if m.label == "PER" else m
            if m is None or any(m.start <= r.start and r.end <= m.end for r in roles):
                continue
        if any(taken[m.start:m.end]):
            continue
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        chosen.append(m)
    return chosen


def _trim_roles(m: Mention, roles: list[Mention]) -> Mention | None:
    start = m.start
    for c in roles:
        if m.start <= c.start < m.end and c.end < m.end:
            start = max(start, c.end + 1)
    if start == m.start:
        return m
    return Mention(start, m.end, m.text[start - m.start:], m.label, m.source) if start < m.end else None


def surname_mentions(text: str, tokens: list[tuple[int, int]], chosen: list[Mention]) -> list[Mention]:
    """Later bare surnames of the multi-word persons found ("Bayramov", genitive "Bayramovs")."""
    surnames = {}
    for m in chosen:
        if m.label == "PER" and " " in m.text:
            last = m.text.rsplit(" ", 1)[1]
            if len(last) > 2 and last[0].isupper():
                surnames[last] = m.text
                surnames.setdefault(last + "s", m.text)
    if not surnames:
        return []
    taken = bytearray(len(text))
    for m in chosen:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    for start, end in tokens:
        word = text[start:end]
        if word in surnames and not taken[start]:
            out.append(Mention(start, end, word, "PER", "coref"))
    return out
