"""Regular expressions for word lists: :func:`trie_pattern`. Reads and writes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """One regex group matching any of ``words``, longest first, written as a trie.

    Matches what ``(?:w1|w2|...)`` with the words sorted longest first matches (at each position the
    longest word that lets the rest of the pattern match), but Python's ``re`` tries a flat
    alternation word by word at every position of the text: with the ~260 aliases of the
    anniversaries codebook that was most of the cost of dating an article. A trie branches on one
    character at a time, so a position that starts no word costs one test. (The PyPI packages that
    build such patterns are unmaintained one-file projects; this is the dozen lines they hold.)"""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return "(?:" + build(trie) + ")"
