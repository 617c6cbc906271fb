"""Actor codebooks: the TSV files beside this module, loaded once per process.

Reads ``states.tsv`` (every state: ISO3, German/English names, adjective stems, demonyms, capitals),
``igos.tsv`` (international organisations), ``roles.tsv`` (role nouns -> sector), ``groups.tsv``
(parties, armed groups, agencies, with dated rows) and every ``persons/*.tsv`` present (dated offices).
Writes nothing. Produces :class:`Codebooks`: a surface-form index (German inflections generated here,
so matching stays an exact dictionary lookup) plus compound heads for German role nouns
("Verteidigungsminister" ends in the head "minister"). A malformed row is skipped with a warning,
never fatal: the codebooks are data others edit.

Public API: ``load_codebooks(root=None) -> Codebooks`` (cached per root), ``Codebooks.lookup(surface)``,
``pick_row(entries, date)`` (the row valid at an ISO partial date; the latest when date is None).
"""

from __future__ import annotations

import csv
import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent

#: German adjective endings: a stem "aserbaidschanisch" matches every inflected form
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
#: endings a German noun takes in plural/genitive/dative or as a female form; over-generation is harmless
NOUN_ENDINGS = ("", "s", "es", "n", "en", "e", "in", "innen", "nen")


@dataclass(frozen=True, slots=True)
class Entry:
    """One codebook row as it applies to a surface form."""

    kind: str  # state | igo | group | person | role
    name: str
    code: str | None
    sector: str | None
    role: str | None = None
    start: str | None = None
    end: str | None = None
    source: str = ""
    form: str = "name"  # states: name | adjective | demonym | capital; roles: title | group
    note: str = ""


@dataclass
class Codebooks:
    surfaces: dict[str, list[Entry]] = field(default_factory=dict)
    role_heads: dict[str, Entry] = field(default_factory=dict)
    #: role nouns that also lead a compound ("Polizeieinsatz" -> police, "Papstbesuch" -> pope)
    role_prefixes: dict[str, Entry] = field(default_factory=dict)
    #: how many words the longest surface starting with a given first word has
    first_words: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    _compound_cache: dict[str, Entry | None] = field(default_factory=dict, repr=False)
    _head_sizes: list[int] = field(default_factory=list, repr=False)
    _prefix_sizes: list[int] = field(default_factory=list, repr=False)

    def add(self, surface: str, entry: Entry) -> None:
        surface = " ".join(surface.split())
        if len(surface) < 2:
            return
        bucket = self.surfaces.setdefault(surface, [])
        if entry not in bucket:
            bucket.append(entry)
        words = surface.replace("-", " ").split()
        first = words[0]
        self.first_words[first] = max(self.first_words.get(first, 1), len(words))

    def lookup(self, surface: str) -> list[Entry]:
        """Entries for a surface form; a German compound falls back on its role head."""
        found = self.surfaces.get(surface)
        if found:
            return found
        head = self.compound_head(surface)
        return [head] if head else []

    def compound_head(self, token: str) -> Entry | None:
        """The role a German compound noun ends in ("Verteidigungsministerin" -> minister), else
        the role it starts with when that role leads compounds ("Polizeieinsatz" -> police)."""
        if len(token) < 7 or not token[0].isupper():
            return None
        cache = self._compound_cache
        if token in cache:
            return cache[token]
        if len(cache) > 100_000:  # words repeat across articles; a bounded memo keeps the matcher fast
            cache.clear()
        cache[token] = found = self._compound_head(token.lower())
        return found

    def _compound_head(self, low: str) -> Entry | None:
        if not self._head_sizes:
            self._head_sizes = sorted({len(h) for h in self.role_heads}, reverse=True)
            self._prefix_sizes = sorted({len(p) for p in self.role_prefixes}, reverse=True)
        for size in self._head_sizes:
            if size <= len(low) - 3:
                hit = self.role_heads.get(low[-size:])
                if hit is not None:
                    return hit
        for size in self._prefix_sizes:
            if size <= len(low) - 3:
                hit = self.role_prefixes.get(low[:size])
                if hit is not None:
                    return hit
        return None

    def compound_cue(self, token: str) -> Entry | None:
        """The state or organisation a role compound starts with ("Palästinenserpräsident" -> PSE)."""
        head = self.compound_head(token)
        if head is None or token in self.surfaces:
            return None
        low, stem = token.lower(), None
        for size in range(min(len(low) - 3, 22), 3, -1):
            if self.role_heads.get(low[-size:]) is head:
                stem = token[:-size].rstrip("-")
                break
        for candidate in (stem, stem[:-1] if stem and stem.endswith("s") else None):
            for entry in self.surfaces.get(candidate or "", ()):
                if entry.kind in ("state", "igo") and entry.form != "adjective":
                    return entry
        return None


def inflect_adjective(stem: str) -> list[str]:
    """All German forms of an adjective stem, lower- and upper-case initial (sentence start, names)."""
    if not stem[:1].islower() and not stem.endswith("isch") and "-" not in stem:
        return [stem]  # an English adjective ("Austrian") does not inflect
    forms = [stem + ending for ending in ADJ_ENDINGS]
    return forms + [f[0].upper() + f[1:] for f in forms]


def inflect_noun(noun: str) -> list[str]:
    """German plural/genitive/dative/female forms of a noun (last word of a multi-word noun)."""
    head, _, last = noun.rpartition(" ")
    prefix = head + " " if head else ""
    forms = [last + ending for ending in NOUN_ENDINGS]
    if last.endswith("e"):
        forms += [last[:-1] + "in", last[:-1] + "innen"]
    if last.endswith("i"):
        forms.append(last + "s")
    return [prefix + f for f in forms]


def inflect_name(name: str) -> list[str]:
    """A German proper name with its genitive and, for adjective-led names, the adjective inflections.

    "Vereinte Nationen" -> "Vereinten Nationen"; "Islamischer Staat" -> "Islamischen Staates".
    """
    words = name.split(" ")
    variants: list[list[str]] = []
    for i, word in enumerate(words):
        options = [word]
        is_last = i == len(words) - 1
        stem = _adjective_stem(word) if not is_last else None
        if stem:
            options = [stem + e for e in ("e", "en", "er", "es", "em")]
        elif is_last and word[-1:].isalpha() and word[-1] not in "sxzß" and word[0].isupper():
            options = [word, word + "s", word + "es"] if len(words) > 1 else [word, word + "s"]
        variants.append(options)
    out = [""]
    for options in variants:
        out = [f"{prefix} {o}".strip() for prefix in out for o in options]
    return out


def _adjective_stem(word: str) -> str | None:
    if not word[:1].isupper():
        return None
    for ending in ("en", "er", "es", "em", "e"):
        if word.endswith(ending) and word[: -len(ending)].lower().endswith(
                ("isch", "al", "ig", "t", "ch", "ar", "er")):
            return word[: -len(ending)]
    return None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _load_states(books: Codebooks, path: Path) -> None:
    for row in _rows(path):
        code, name = row["code"], row["name_de"] or row["name_en"]
        base = {"kind": "state", "name": name, "code": code, "sector": "GOV", "source": path.name}
        for surface in [row["name_de"], row["name_en"], *_split(row["names"])]:
            if surface:
                for form in inflect_name(surface) if surface[-1:].islower() else [surface]:
                    books.add(form, Entry(**base, form="name"))
        for stem in _split(row["adjectives"]):
            for form in inflect_adjective(stem):
                books.add(form, Entry(**base, form="adjective"))
        for demonym in _split(row["demonyms"]):
            forms = [demonym] if demonym[-1:] == "s" else inflect_noun(demonym)
            for form in forms:
                books.add(form, Entry(kind="state", name=name, code=code, sector="CVL",
                                      source=path.name, form="demonym"))
        for capital in _split(row["capitals"]):
            for form in (capital, capital + "s") if capital[-1] not in "sxz" else (capital,):
                books.add(form, Entry(**base, form="capital"))


def _load_igos(books: Codebooks, path: Path) -> None:
    for row in _rows(path):
        entry = Entry(kind="igo", name=row["name"], code=row["code"], sector=row.get("sector") or "IGO",
                      source=path.name)
        for surface in [row["name"], row["name_de"], *_split(row["aliases"])]:
            for form in inflect_name(surface):
                books.add(form, entry)


def _load_dated(books: Codebooks, path: Path, kind: str, source: str) -> None:
    for row in _rows(path):
        name = (row.get("name") or "").strip()
        if not name or not row.get("code"):
            log.warning("%s: row without name or code skipped: %r", source, row)
            continue
        entry = Entry(kind=kind, name=name, code=row["code"].strip(),
                      sector=(row.get("sector") or "").strip() or None,
                      role=(row.get("role") or "").strip() or None,
                      start=(row.get("start") or "").strip() or None,
                      end=(row.get("end") or "").strip() or None,
                      source=source, note=(row.get("note") or "").strip())
        for surface in [name, *_split(row.get("aliases"))]:
            forms = inflect_name(surface) if kind == "group" and " " in surface else [surface]
            for form in forms:
                books.add(form, entry)
                if kind == "person" and form[-1:].isalpha() and form[-1] not in "sxzß":
                    books.add(form + "s", entry)  # genitive: "Merkels Besuch"


def _load_roles(books: Codebooks, path: Path) -> None:
    for row in _rows(path):
        noun = row["noun"]
        entry = Entry(kind="role", name=noun, code=row.get("code") or None, sector=row["sector"] or None,
                      role=row["role"], source=path.name, form=row["kind"])
        forms = inflect_noun(noun) if row["lang"] == "de" else [noun, noun + "s"]
        for form in forms:
            books.add(form, entry)
        if row["lang"] == "de" and row["compound"] in ("1", "2"):
            for form in inflect_noun(noun):
                books.role_heads.setdefault(form.lower(), entry)
        if row["lang"] == "de" and row["compound"] == "2":
            books.role_prefixes.setdefault(noun.lower(), entry)


@functools.lru_cache(maxsize=4)
def load_codebooks(root: Path | None = None) -> Codebooks:
    """Load every codebook under ``root`` (default: the packaged ones) once per process."""
    root = Path(root) if root is not None else ROOT
    books = Codebooks()
    # roles first, so that a name that is also a role noun keeps both readings in order
    loaders = (("roles.tsv", _load_roles), ("states.tsv", _load_states), ("igos.tsv", _load_igos))
    for filename, loader in loaders:
        if (root / filename).exists():
            loader(books, root / filename)
            books.sources.append(filename)
    if (root / "groups.tsv").exists():
        _load_dated(books, root / "groups.tsv", "group", "groups.tsv")
        books.sources.append("groups.tsv")
    for path in sorted((root / "persons").glob("*.tsv")):
        try:
            _load_dated(books, path, "person", f"persons/{path.name}")
            books.sources.append(f"persons/{path.name}")
        except (KeyError, csv.Error, UnicodeDecodeError) as exc:  # a broken file must not stop a run
            log.warning("persons codebook %s unreadable: %s", path, exc)
    return books


def _pad(date: str) -> str:
    """An ISO partial date as a comparable day: a year alone means its middle, not its first day."""
    if len(date) == 4:
        return date + "-07-01"
    if len(date) == 7:
        return date + "-15"
    return date[:10]


def pick_row(entries: list[Entry], date: str | None) -> Entry | None:
    """The entry valid on ``date`` (ISO, partial allowed); without a date the latest office.

    Rows that do not cover the date lose to rows that do; among those that do not, the nearest wins.
    """
    if not entries:
        return None
    if len(entries) == 1:
        return entries[0]
    if date is None:
        return max(entries, key=lambda e: (e.end is None, e.end or "", e.start or ""))
    day = _pad(date)

    def distance(e: Entry) -> int:
        start, end = _pad(e.start or "0000"), _pad(e.end or "9999")
        if start <= day < end:
            return 0
        gap = start if day < start else end
        return abs(int(gap[:4]) - int(day[:4])) * 12 + abs(int(gap[5:7]) - int(day[5:7])) + 1

    return min(entries, key=distance)
