"""Main-text extraction quality on ../shared/data/extraction (200 pages, German and English).

Reads ``pages/pNNN.html``, ``pages/pNNN.txt`` and ``expectations.json``; writes nothing. Scored like
trafilatura's own evaluation: a ``with`` snippet found in the output is a true positive, one missing a
false negative; a ``without`` snippet found is a false positive; precision, recall and F1 over all
snippets, whitespace collapsed. Figures (each also per language, ``_de``/``_en``):

- ``text_*``: eventwire's cleaner on the plain text (title and body joined, as eventwire stores them)
- ``text_ref_*``: keeping the whole plain text (what the cleaner starts from)
- ``html_*``: eventwire's HTML extraction (``eventwire.stages.extract.extract_html``), when present
- ``html_ref_*``: trafilatura alone on the HTML (comments excluded), for reference
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from ..stages.clean import clean_text


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _count(output: str, expect: dict) -> tuple[int, int, int]:
    """(true positives, false negatives, false positives) of one page."""
    found = _collapse(output)
    tp = sum(_collapse(s) in found for s in expect["with"])
    fp = sum(_collapse(s) in found for s in expect["without"])
    return tp, len(expect["with"]) - tp, fp


def _prf(tp: int, fn: int, fp: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(outputs: dict[str, str], expectations: dict[str, dict], prefix: str) -> dict[str, float]:
    """P/R/F1 over all pages and per language, keyed ``{prefix}_p``, ``{prefix}_f1_de``, ..."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for page, output in outputs.items():
        expect = expectations[page]
        counts = _count(output, expect)
        for key in ("", f"_{expect.get('lang', 'xx')}"):
            totals[key] = [a + b for a, b in zip(totals[key], counts, strict=True)]
    figures: dict[str, float] = {}
    for key, (tp, fn, fp) in sorted(totals.items()):
        p, r, f1 = _prf(tp, fn, fp)
        figures.update({f"{prefix}_p{key}": p, f"{prefix}_r{key}": r, f"{prefix}_f1{key}": f1})
    return figures


def _cleaned(raw: str, lang: str | None) -> str:
    cleaned = clean_text(raw, lang)
    return "\n".join(part for part in (cleaned.title, cleaned.body) if part)


def _run(pages: Path, expectations: dict, suffix: str, fn: Callable[[str], str]) -> tuple[dict, float]:
    outputs, started = {}, time.perf_counter()
    for name in expectations:
        raw = (pages / name).with_suffix(suffix).read_text("utf-8", errors="replace")
        outputs[name] = fn(raw) or ""
    return outputs, time.perf_counter() - started


def _html_extractor() -> Callable[[str], str] | None:
    try:
        from ..stages.extract import extract_html
    except ImportError:  # the HTML extraction stage is not in this checkout yet
        return None
    return lambda html: (extract_html(html) or {}).get("text") or ""


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def evaluate(shared: Path) -> dict[str, float | int]:
    root = Path(shared) / "data" / "extraction"
    expectations = json.loads((root / "expectations.json").read_text("utf-8"))
    pages = root / "pages"
    figures: dict[str, float | int] = {"pages": len(expectations)}
    # the cleaner runs without a language hint, as in the pipeline (language is detected after it)
    outputs, seconds = _run(pages, expectations, ".txt", lambda raw: _cleaned(raw, None))
    figures.update(score(outputs, expectations, "text"))
    figures["text_ms_per_page"] = 1000 * seconds / len(expectations)
    outputs, _ = _run(pages, expectations, ".txt", lambda raw: raw)
    figures.update(score(outputs, expectations, "text_ref"))
    extract = _html_extractor()
    if extract is not None:
        outputs, seconds = _run(pages, expectations, ".html", extract)
        figures.update(score(outputs, expectations, "html"))
        figures["html_pages_per_s"] = len(expectations) / seconds if seconds else 0.0
    outputs, _ = _run(pages, expectations, ".html", _trafilatura)
    figures.update(score(outputs, expectations, "html_ref"))
    return figures
