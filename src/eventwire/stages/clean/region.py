"""Plain-text cleaner, the article's region: the densest run of prose among the classified lines.

Reads the classified lines (:class:`~eventwire.stages.clean.lines._Line`); returns the span of line
positions that hold the article (:func:`_label`): the maximum-sum run of prose, cut where comments or
related reading begin, with the short lines between its paragraphs taken in. Marks the lines in place.
"""

from __future__ import annotations

from .lines import LENGTH_HIGH, _classify, _cues, _Line, _promote_runs, _revise

BAD_COST = 0.5


def _main_region(lines: list[_Line]) -> tuple[int, int]:
    """The densest run of prose (maximum-sum run: good lines weigh their length, others cost theirs).

    List items (indented) and prose after a closing heading ("Related", "Comments") weigh half:
    teaser lists and comment threads are often longer than the article they follow."""
    end_cue, seen, after_end = _cues()["end"], 0, False
    best, best_span, run, start = 0.0, (0, 0), 0.0, 0
    for i, line in enumerate(lines):
        if line.cls == "good":
            gain = len(line.text) * (0.5 if line.indent else 1.0) * (0.5 if after_end else 1.0)
            seen += len(line.text)
        else:
            gain = -BAD_COST * min(len(line.text), 200)
            after_end = after_end or (
                seen >= LENGTH_HIGH and len(line.text) < 120 and end_cue.search(line.text) is not None
            )
        if run <= 0:
            run, start = 0.0, i
        run += gain
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def _cut_at_end_cue(lines: list[_Line], span: tuple[int, int]) -> tuple[int, int]:
    """Comments and related reading follow the article: stop at their heading, or above the first
    commented paragraph (the prose above a reply button), once most of the article was seen."""
    cues = _cues()
    total = sum(len(line.text) for line in lines[span[0]:span[1]] if line.cls == "good")
    seen, enough = 0, max(LENGTH_HIGH, total // 4)
    for i in range(span[0], span[1]):
        line = lines[i]
        if seen >= enough and len(line.text) < 120:
            if cues["end"].search(line.text):
                return span[0], i
            if cues["reply"].search(line.text):
                return span[0], _above_comment(lines, i, span[0])
        if line.cls == "good":
            seen += len(line.text)
    return span


INNER_KEEP = ("short", "menu", "few_stopwords", "isolated")


def _fill_inner(lines: list[_Line], span: tuple[int, int]) -> None:
    """Lines between the article's paragraphs that no shape or cue condemns are the article's too:
    code, list items, table rows, one-line subheadings."""
    for line in lines[span[0]:span[1]]:
        if line.cls != "good" and not line.hard and line.reason in INNER_KEEP:
            line.cls, line.reason = "good", ""


def _above_comment(lines: list[_Line], reply: int, floor: int) -> int:
    """Where the comment whose reply button stands at ``reply`` begins (with its header lines)."""
    i = reply
    while i > floor and lines[i - 1].cls == "good":
        i -= 1
    while i > floor and lines[i - 1].cls != "good":
        i -= 1
    return i


def _label(lines: list[_Line]) -> tuple[int, int]:
    """Classify every line in place; return the article's span of line positions."""
    _classify(lines)
    _promote_runs(lines)
    _revise(lines)
    span = _main_region(lines)
    if span[0] == span[1]:
        # no paragraph is prose by its neighbourhood (a paywalled lead among boilerplate): take the
        # isolated prose lines
        for line in lines:
            if line.reason == "isolated":
                line.cls, line.reason = "good", ""
        span = _main_region(lines)
    span = _cut_at_end_cue(lines, span)
    _fill_inner(lines, span)
    return span
