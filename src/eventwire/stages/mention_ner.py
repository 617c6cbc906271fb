"""Running the statistical NER for the mentions stage: which text it sees, one article or many at once.

The NER (:mod:`eventwire.ner`) is the most expensive step of the analysis. Two things keep it cheap:
- scope (``Settings.ner``): ``events`` runs it over the headline and the sentences holding an event
  trigger only (events need names only where a trigger is; the codebooks find states, organisations and
  known persons everywhere); ``all`` over the whole text; ``off`` not at all;
- batching: :func:`ner_for_articles` sends the chosen sentences of many articles through one
  ``nlp.pipe`` call (spaCy's per-call overhead is most of the cost of a short sentence); the spans are
  the same as one call per sentence (a test checks it).

Without ``eventwire.ner`` or its model every function returns no spans (codebook mentions only).
"""

from __future__ import annotations

import logging
from collections import defaultdict

from ..errors import ModelMissing
from ..model import Article, Mention

log = logging.getLogger(__name__)

#: the functions in use: "find" (one text) and "batch" (many texts), or None when NER is unavailable;
#: tests replace "find" with a fake, and batching then goes through that fake too
_NER_STATE: dict[str, object] = {}
_MISSING = (OSError, ImportError, ValueError, ModelMissing)  # a missing model: setup, not a bug


def _functions():
    if "find" not in _NER_STATE:
        try:
            from ..ner import find_entities, find_entities_batch  # lazily: optional and heavy
        except ImportError:
            find_entities = find_entities_batch = None
        _NER_STATE.update(find=find_entities, real=find_entities, batch=find_entities_batch)
    find = _NER_STATE["find"]
    batch = _NER_STATE.get("batch") if find is not None and find is _NER_STATE.get("real") else None
    return find, batch


def _unavailable(exc: Exception) -> None:
    log.warning("NER unavailable, codebook mentions only: %s", exc)
    _NER_STATE["find"] = None


def ner_mentions(text: str, language: str) -> list[Mention]:
    """Spans of the statistical NER in ``text``, or none when NER is unavailable."""
    find, _ = _functions()
    if find is None:
        return []
    try:
        return list(find(text, language))
    except _MISSING as exc:
        _unavailable(exc)
        return []


def ner_texts(texts: list[str], language: str) -> list[list[Mention]]:
    """:func:`ner_mentions` of many texts of one language, batched where the real model runs."""
    find, batch = _functions()
    if find is None or not texts:
        return [[] for _ in texts]
    try:
        if batch is not None:
            return batch(texts, language)
        return [list(find(t, language)) for t in texts]
    except _MISSING as exc:
        _unavailable(exc)
        return [[] for _ in texts]


def ner_spans(article: Article, scope: str) -> list[tuple[int, int]]:
    """The (start, end) stretches of ``article.text`` the NER runs over for ``scope``."""
    if scope == "off" or not article.text:
        return []
    if scope == "all":
        return [(0, len(article.text))]
    from ..coder.triggers import trigger_index

    index = trigger_index((article.language or "de")[:2])
    return [(start, end) for n, (start, end) in enumerate(article.sentences or [])
            if n == 0 or index.has_hits(article.text, start, end)]


def ner_for_articles(articles: list[Article], scope: str) -> list[list[Mention]]:
    """NER mentions (offsets into each article's text) of every article, one batch per language."""
    jobs: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # language -> (article, offset, text)
    for k, article in enumerate(articles):
        language = (article.language or "de")[:2]
        for start, end in ner_spans(article, scope):
            jobs[language].append((k, start, article.text[start:end]))
    out: list[list[Mention]] = [[] for _ in articles]
    for language, items in jobs.items():
        found = ner_texts([text for _, _, text in items], language)
        for (k, offset, _), spans in zip(items, found, strict=True):
            out[k] += [Mention(m.start + offset, m.end + offset, m.text, m.label, m.source) for m in spans]
    return out
