"""Named entities (PER, ORG, LOC) in German and English text, from the models shipped in the package.

Reads the spaCy pipelines in ``eventwire/models/ner-<lang>/`` (written by ``scripts/train_ner.py``:
a blank tokenizer, optionally the ``name_prior`` component defined here, and one ``ner`` component with
its own small CNN tok2vec; no vectors). Returns
:class:`~eventwire.model.Mention` objects with ``source="ner"`` and character offsets into the text
given. Drops nothing: an empty text has no entities.

Languages without a shipped model (anything but German and English) have no entities: ``load_ner``
returns None and ``find_entities`` returns ``[]``, so callers need no language check. A model that should
ship but is missing or unreadable raises :class:`~eventwire.errors.ModelMissing`: that is a broken
installation, not a property of the text.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .errors import ModelMissing
from .model import Mention

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "models"
#: languages for which a model ships
LANGUAGES = ("de", "en")
LABELS = frozenset({"PER", "ORG", "LOC"})
#: the only components run at inference; anything else a retrained config might add stays unloaded
INFERENCE_PIPES = ("name_prior", "tok2vec", "ner")
NAME_PRIOR_FACTORY = "eventwire_name_prior"
#: articles are far below this; spaCy's default (1e6) guards parsers' memory, not a NER-only pipeline
MAX_CHARS = 10_000_000


def _language(lang: str | None) -> str:
    """'de-DE', 'DE', 'de_AT' -> 'de'."""
    return (lang or "").strip().lower().replace("_", "-").split("-")[0]


class NamePrior:
    """Marks each token with the entity label its surface most often carries in a list of names.

    The label goes into ``token.tag_`` (prefixed "NP_"), which the NER's hash embedding reads as one more
    feature: a pipeline with no tagger has no other use for the field. The table (surface -> label) is
    built by scripts/train_ner.py from silver data whose span conventions differ from the gold data's,
    so the model learns names from it without learning its span boundaries.
    """

    def __init__(self, vocab, name: str = "name_prior"):
        self.vocab = vocab
        self.name = name
        self.table: dict[str, str] = {}
        self._ids: dict[int, int] = {}

    def _index(self) -> None:
        # orth id -> tag id: one dict lookup per token at run time instead of building token strings
        strings = self.vocab.strings
        self._ids = {strings.add(s): strings.add(f"NP_{label}") for s, label in self.table.items()}

    def __call__(self, doc):
        import numpy
        from spacy.attrs import ORTH, TAG

        ids = self._ids
        tags = [ids.get(orth, 0) for orth in doc.to_array(ORTH).tolist()]
        doc.from_array([TAG], numpy.asarray(tags, dtype="uint64").reshape(-1, 1))
        return doc

    def initialize(self, get_examples=None, *, nlp=None, path: str | None = None) -> None:
        if path:
            self._read(Path(path))

    def _read(self, path: Path) -> None:
        rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)
        self.table = {surface: label for surface, label in rows}
        self._index()

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = (f"{surface}\t{label}\n" for surface, label in sorted(self.table.items()))
        (path / "table.tsv").write_text("".join(lines), encoding="utf-8")

    def from_disk(self, path, exclude=()) -> NamePrior:
        self._read(Path(path) / "table.tsv")
        return self


def register_components() -> None:
    """Make the ``eventwire_name_prior`` factory known to spaCy (idempotent)."""
    from spacy.language import Language

    if not Language.has_factory(NAME_PRIOR_FACTORY):
        Language.factory(NAME_PRIOR_FACTORY, func=lambda nlp, name: NamePrior(nlp.vocab, name))


@cache
def _load(lang: str):
    import spacy  # imported here: importing eventwire must stay cheap for commands that need no NER

    register_components()

    path = MODEL_DIR / f"ner-{lang}"
    if not (path / "config.cfg").is_file():
        raise ModelMissing(
            f"the {lang!r} named-entity model is missing from {path}; reinstall eventwire or rebuild it "
            f"with `python scripts/train_ner.py --lang {lang}`"
        )
    try:
        pipeline = spacy.util.load_config(path / "config.cfg")["nlp"]["pipeline"]
        nlp = spacy.load(path, exclude=[p for p in pipeline if p not in INFERENCE_PIPES])
    except Exception as exc:  # any failure to read the shipped files means a broken installation
        raise ModelMissing(
            f"the {lang!r} named-entity model in {path} cannot be loaded ({type(exc).__name__}: {exc}); "
            f"reinstall eventwire or rebuild it with `python scripts/train_ner.py --lang {lang}`"
        ) from exc
    nlp.max_length = MAX_CHARS
    _only_read_attributes(nlp)
    log.debug("loaded NER model %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp


#: a lexical attribute the NER reads besides its model's features: its transition system never starts
#: an entity at a whitespace token (spaCy's ``ner.pyx``)
_TRANSITION_ATTRIBUTES = ("IS_SPACE",)


def _only_read_attributes(nlp) -> None:
    """Compute only the lexical attributes the pipeline reads for each word spaCy has not seen yet.

    spaCy sets 23 attributes on every new lexeme (one Python function each: flags, shape, URL and
    number tests...), and news brings new words all the time: 19,000 on news_de's first run. The
    model reads the features of its embedding (``NORM``, ``PREFIX``, ``SUFFIX``, ``SHAPE`` here) and
    the transition system ``IS_SPACE``; the name prior reads the word itself. Dropping the others
    gives the same entities (compared on the 15,000 NER sentences of news_de and news_en) for 3% less
    NER time on a cold vocabulary; a retrained model's features are read from its config.
    """
    from spacy.attrs import NAMES

    wanted = set(_TRANSITION_ATTRIBUTES)
    for name in nlp.pipe_names:
        wanted.update(_embedding_attributes(nlp.config["components"][name]))
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if NAMES[k] in wanted}


def _embedding_attributes(section) -> list[str]:
    """The token attributes every hash embedding in a component's config reads (nested anywhere)."""
    found: list[str] = []
    if isinstance(section, dict):
        attrs = section.get("attrs")
        if isinstance(attrs, list):
            found += [str(a).upper() for a in attrs]
        for value in section.values():
            found += _embedding_attributes(value)
    return found


def load_ner(lang: str):
    """The spaCy pipeline for ``lang`` (cached), or None when no model ships for that language."""
    lang = _language(lang)
    return _load(lang) if lang in LANGUAGES else None


def _mentions(doc) -> list[Mention]:
    return [
        Mention(start=ent.start_char, end=ent.end_char, text=ent.text, label=ent.label_, source="ner")
        for ent in doc.ents
        if ent.label_ in LABELS
    ]


def find_entities(text: str, lang: str) -> list[Mention]:
    """PER/ORG/LOC mentions in ``text``, in text order; ``[]`` for languages without a model."""
    nlp = load_ner(lang)
    if nlp is None or not text:
        return []
    return _mentions(nlp(text))


#: the entities of the most recent distinct texts of a language, up to this many characters of text, are
#: remembered: wire copy published by many sites and duplicate articles (removed only after their
#: analysis, by the driver) repeat sentences word for word (8% of the NER sentences of news_en). A text's
#: entities do not depend on the batch it runs in (tested), so a remembered answer is the model's answer.
#: About 10 MB per language when full (some 25,000 sentences).
MEMO_CHARS = 4_000_000
_MEMO: dict[str, _Memo] = {}
_MEMO_LOCK = threading.Lock()


def forget_texts() -> None:
    """Forget the remembered entities of every language (the next texts all run through the model)."""
    with _MEMO_LOCK:
        _MEMO.clear()


class _Memo:
    """Text -> its entities as (start, end, text, label), first in first out within ``MEMO_CHARS``."""

    def __init__(self, owner) -> None:
        self.owner = owner  # the model that gave the answers
        self.answers: dict[str, tuple[tuple[int, int, str, str], ...]] = {}
        self.chars = 0

    def add(self, text: str, answer: tuple) -> None:
        self.answers[text] = answer
        self.chars += len(text)

    def trim(self) -> None:
        while self.chars > MEMO_CHARS and self.answers:
            oldest = next(iter(self.answers))
            del self.answers[oldest]
            self.chars -= len(oldest)


def find_entities_batch(texts: Iterable[str], lang: str, batch_size: int = 256) -> list[list[Mention]]:
    """:func:`find_entities` for many texts of one language, through ``nlp.pipe`` (one process); a text
    seen before (in this batch or among the remembered ones, :data:`MEMO_CHARS`) is not run again."""
    texts = list(texts)
    nlp = load_ner(lang)
    if nlp is None:
        return [[] for _ in texts]
    with _MEMO_LOCK:  # one batch at a time: another thread's trim must not drop this batch's answers
        memo = _MEMO.get(lang)
        if memo is None or memo.owner is not nlp:  # answers of another model (reloaded) are not this one's
            memo = _MEMO[lang] = _Memo(nlp)
        answers = memo.answers
        todo = [text for text in dict.fromkeys(texts) if text not in answers]
        for text, doc in zip(todo, nlp.pipe(todo, batch_size=batch_size), strict=True):
            memo.add(text, tuple((m.start, m.end, m.text, m.label) for m in _mentions(doc)))
        out = [[Mention(start, end, surface, label, "ner") for start, end, surface, label in answers[text]]
               for text in texts]
        memo.trim()
        return out
