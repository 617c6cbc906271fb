"""Character tries: :func:`char_trie` (nested dicts) and :func:`trie_pattern` (a regex for a word list).
Reads and writes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def char_trie(items: Iterable[tuple[str, Any]]) -> dict:
    """Nested dicts, one level per character; a key's value sits under ``None`` at its last letter."""
    root: dict = {}
    for key, value in items:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[None] = value
    return root


def trie_pattern(words: Iterable[str]) -> str:
    """One regex group matching any of ``words``, longest first, written as a trie.

    Matches what ``(?:w1|w2|...)`` with the words sorted longest first matches (at each position the
    longest word that lets the rest of the pattern match), but Python's ``re`` tries a flat
    alternation word by word at every position of the text: with the ~260 aliases of the
    anniversaries codebook that was most of the cost of dating an article. A trie branches on one
    character at a time, so a position that starts no word costs one test. (The PyPI packages that
    build such patterns are unmaintained one-file projects; this is the dozen lines they hold.)"""

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items(), key=_first)
                    if ch is not None]
        if not branches:
            return ""
        if len(branches) == 1 and None not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if None in node else "")

    return "(?:" + build(char_trie((word, True) for word in words)) + ")"


def _first(item: tuple) -> str:
    return item[0] or ""
