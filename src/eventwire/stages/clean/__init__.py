"""Plain-text cleaner: the article out of a page scraped as text with the site's boilerplate still in.

Reads ``text`` (one visible text block a line; indentation marks list items) and writes ``text`` (the
body, paragraphs separated by "\\n"), ``title`` and ``dateline``. Drop reason: ``empty_text`` (fewer
than :data:`MIN_WORDS` words of prose remain).

The core is language-agnostic and follows jusText (Pomikálek 2011): each line is classified by its
length and its stopword density (jusText's stoplists, about 100 languages, chosen by the language hint
or by which stoplist covers the page best), by its shape (no letters, link-only, list item, repeated on
the page) and then by its neighbours; the article is the densest run of prose lines. Small multilingual
cue lists (codebooks/boilerplate_cues.tsv) are a secondary signal: lines that are boilerplate wherever
they stand (cookie banners, copyright, comment forms), and headings that open what follows an article
(comments, related reading). Each dropped line is reported with its reason in :attr:`Cleaned.dropped`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Article
from ...pipeline import Context, Drop
from .lines import _Line, _lines
from .region import _label
from .titles import _DATELINE_LINE, _find_title, _split_dateline, _strip_tag

#: an article with fewer words than this is no article
MIN_WORDS = 20


@dataclass(slots=True)
class Cleaned:
    """What the cleaner found: headline, dateline, body (paragraphs joined by "\\n"), dropped lines."""

    title: str | None
    dateline: str | None
    body: str
    dropped: list[tuple[str, str]] = field(default_factory=list)


def clean_text(raw: str, lang_hint: str | None = None) -> Cleaned:
    """Headline, dateline and body of a page given as plain text with its boilerplate in."""
    lines = _lines(raw, lang_hint)
    if not lines:
        return Cleaned(None, None, "", [])
    start, end = _label(lines)
    body = [i for i in range(start, end) if lines[i].cls == "good"]
    title_i = _find_title(lines, body[0] if body else len(lines))
    if title_i is not None and body and title_i >= body[0]:
        title_i = None
    dateline, dateline_i = None, None
    lo = title_i + 1 if title_i is not None else (body[0] - 2 if body else 0)
    for i in range(max(lo, 0), body[0] if body else 0):
        if _DATELINE_LINE.match(lines[i].text):
            dateline, dateline_i = lines[i].text, i
    paragraphs = [lines[i].text for i in body]
    if paragraphs and dateline is None:
        dateline, paragraphs[0] = _split_dateline(paragraphs[0])
    kept = set(body) | {title_i, dateline_i}
    dropped = [(ln.text, _drop_reason(ln)) for i, ln in enumerate(lines) if i not in kept]
    title = _strip_tag(lines[title_i].text) if title_i is not None else None
    return Cleaned(title, dateline, "\n".join(p for p in paragraphs if p.strip()), dropped)


def _drop_reason(line: _Line) -> str:
    if line.reason and line.reason != "short":
        return line.reason
    return "outside_article" if line.cls == "good" else "short_among_boilerplate"


class Clean:
    """Pipeline stage: clean plain-text articles (those that arrive without a title) in place."""

    name = "clean"
    requires = ("text",)
    provides = ("text", "title", "dateline")

    def __call__(self, article: Article, ctx: Context) -> Article:
        if article.title is None:
            cleaned = clean_text(article.text, article.language)
            article.title, article.text = cleaned.title, cleaned.body
            article.dateline = article.dateline or cleaned.dateline
            ctx.stats["clean.dropped_lines"] += len(cleaned.dropped)
        elif article.dateline is None:
            # extracted HTML keeps the dateline at the start of the text; it is metadata, not prose
            head, _, rest = article.text.partition("\n")
            article.dateline, head = _split_dateline(head)
            article.text = f"{head}\n{rest}" if rest else head
        if len(article.text.split()) < MIN_WORDS:
            raise Drop("empty_text", f"{len(article.text.split())} words after cleaning")
        return article
