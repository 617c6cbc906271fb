"""Named-entity quality of the shipped models on fixed held-out sentences (``make eval``).

Reads ../shared/data/ner: the GermEval 2014 test file (German) and the WikiANN English test file.
The held-out part is every sentence whose 0-based position in its file is a multiple of
:data:`HELD_OUT_EVERY`; ``scripts/train_ner.py`` never trains on those sentences and never trains on
either test file's remainder for English. Writes nothing. No drop reasons; sentences without tokens
are skipped by the readers.

Labels are PER, ORG, LOC. GermEval's ``-deriv`` tags (adjectives such as "französischen") and ``-part``
tags (compounds such as "Deutschlandreise") are mapped to O: the token is not a name of the entity, and
an exact-span ORG/LOC/PER on such a token would mislead actor and place resolution downstream. OTH
(works, events, languages) is dropped. Scoring is exact character-span match, micro-averaged, of the
model run through :func:`eventwire.ner.find_entities_batch` on the sentence's tokens joined by spaces,
so spaCy's own tokenizer is part of what is measured.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

LABELS = ("PER", "ORG", "LOC")
#: sentence i of a test file is held out when i % HELD_OUT_EVERY == 0
HELD_OUT_EVERY = 3

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags restricted to LABELS


def normalize_tag(tag: str) -> str:
    """Map a GermEval/WikiANN tag to IOB2 over PER/ORG/LOC; everything else becomes O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    return f"{prefix}-{label}" if label in LABELS and prefix in ("B", "I") else "O"


def read_germeval(path: Path) -> Iterator[Sentence]:
    """Sentences of a GermEval 2014 TSV (index, token, outer tag, nested tag); the outer tag is used."""
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            cols = line.split("\t")
            tokens.append(cols[1])
            tags.append(normalize_tag(cols[2]))
    if tokens:
        yield tokens, tags


def read_wikiann(path: Path, lang: str) -> Iterator[Sentence]:
    """Sentences of a WikiANN file (``lang:token<TAB>tag``, blank line between sentences)."""
    prefix = f"{lang}:"
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            token, _, tag = line.rpartition("\t")
            tokens.append(token[len(prefix):] if token.startswith(prefix) else token)
            tags.append(normalize_tag(tag))
    if tokens:
        yield tokens, tags


def split_held_out(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(trainable, held_out) by sentence position: a fixed split that does not depend on content."""
    held = [s for i, s in enumerate(sentences) if i % HELD_OUT_EVERY == 0]
    rest = [s for i, s in enumerate(sentences) if i % HELD_OUT_EVERY != 0]
    return rest, held


def held_out(shared: Path, lang: str) -> list[Sentence]:
    """The fixed evaluation sentences for ``lang`` ("de": GermEval test, "en": WikiANN en test)."""
    ner = shared / "data" / "ner"
    if lang == "de":
        sentences = list(read_germeval(ner / "NER-de-test.tsv"))
    else:
        sentences = list(read_wikiann(ner / "wikiann" / f"{lang}.test.txt", lang))
    return split_held_out(sentences)[1]


def char_spans(tokens: list[str], tags: list[str]) -> tuple[str, set[tuple[int, int, str]]]:
    """The sentence as text (tokens joined by single spaces) and its gold (start, end, label) spans."""
    starts, pos = [], 0
    for token in tokens:
        starts.append(pos)
        pos += len(token) + 1
    spans: set[tuple[int, int, str]] = set()
    current: list | None = None
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if current and prefix == "I" and label == current[2]:
            current[1] = starts[i] + len(tokens[i])
            continue
        if current:
            spans.add(tuple(current))
            current = None
        if prefix in ("B", "I"):  # an I- that does not continue a span starts one
            current = [starts[i], starts[i] + len(tokens[i]), label]
    if current:
        spans.add(tuple(current))
    return " ".join(tokens), spans


def score(gold: list[set], pred: list[set]) -> dict[str, float | int]:
    """Micro precision, recall, F1 over exact spans, overall and per label."""
    out: dict[str, float | int] = {}
    for label in (None, *LABELS):
        tp = fp = fn = 0
        for g, p in zip(gold, pred, strict=True):
            g = {s for s in g if label is None or s[2] == label}
            p = {s for s in p if label is None or s[2] == label}
            tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        key = "" if label is None else f"{label.lower()}_"
        out.update({f"{key}p": prec, f"{key}r": rec, f"{key}f1": f1})
        if label is None:
            out["n_gold"] = tp + fn
    return out


def evaluate_sentences(nlp, sentences: list[Sentence]) -> dict[str, float | int]:
    """Run ``nlp`` on the held-out sentences and score it against their gold spans."""
    texts, gold = [], []
    for tokens, tags in sentences:
        text, spans = char_spans(tokens, tags)
        texts.append(text)
        gold.append(spans)
    pred = [
        {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}
        for doc in nlp.pipe(texts, batch_size=256)
    ]
    return score(gold, pred)


def chars_per_second(nlp, sentences: list[Sentence], article_chars: int = 2500) -> float:
    """Throughput of ``nlp`` called once per article-sized text built from the sentences.

    Measured in process CPU time, which is what one core spends: wall time on a shared machine
    measures the neighbours as much as the model.
    """
    articles, buf = [], []
    for tokens, _ in sentences:
        buf.append(" ".join(tokens))
        if sum(len(s) + 1 for s in buf) >= article_chars:
            articles.append(" ".join(buf))
            buf = []
    articles = articles[:200]
    nlp(articles[0])  # warm-up: first call allocates
    began = time.process_time()
    for text in articles:
        nlp(text)
    return sum(map(len, articles)) / (time.process_time() - began)


def evaluate(shared: Path) -> dict[str, float | int]:
    """de_f1, de_p, de_r, en_f1, en_p, en_r and German chars_per_s of the shipped models."""
    from ..ner import load_ner

    out: dict[str, float | int] = {}
    for lang in ("de", "en"):
        nlp = load_ner(lang)
        if nlp is None:
            continue
        sentences = held_out(shared, lang)
        figures = evaluate_sentences(nlp, sentences)
        for key in ("f1", "p", "r", "per_f1", "org_f1", "loc_f1", "n_gold"):
            out[f"{lang}_{key}"] = figures[key]
        if lang == "de":
            out["chars_per_s"] = round(chars_per_second(nlp, sentences))
    return out
