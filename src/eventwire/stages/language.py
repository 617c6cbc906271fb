"""Language: the ISO 639-1 code of each article's text, by py3langid (its model ships in the wheel).

Reads ``text`` (the cleaned body, so boilerplate in another language does not decide) and ``title``;
writes ``language``. A language given by the input (JSONL ``language``) is kept. No drop reasons:
languages outside the analysed ones are archived without events.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Article
from ..settings import DETECTED_LANGUAGES


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier for the detected languages; its model is decompressed (0.5 s) once per
    installation and kept in the user's cache (:mod:`eventwire.cache`)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from ..cache import cached, version

    model = MODEL_DIR / MODEL_FILE
    parts = (version("py3langid"), str(model.stat().st_size), ",".join(DETECTED_LANGUAGES))
    return cached("langid", parts, _build_identifier)


def _build_identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DETECTED_LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` among the detected languages.

    The first 1500 characters decide: more costs time and changes nothing on news.
    """
    language, _ = _identifier().classify(text[:1500])
    return language


class Language:
    name = "language"
    requires = ("text",)
    provides = ("language",)

    def __call__(self, article: Article, ctx) -> Article:
        if not article.language:
            article.language = detect_language(article.text)
        else:
            article.language = article.language.lower()[:2]
        return article
