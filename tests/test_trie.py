"""trie_pattern matches what a flat alternation, longest word first, matches."""

import random
import re

from eventwire.trie import trie_pattern


def flat(words):
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def test_same_matches_as_a_flat_alternation_on_overlapping_words():
    rng = random.Random(7)
    alphabet = "ab- .ä"
    for _ in range(300):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5)))
                 for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice(alphabet + "xA") for _ in range(200))
        for wrap in ("(?<!\\w){}(?!\\w)", "{}", "(?i:{})x?"):
            ours = re.compile(wrap.format(trie_pattern(words)))
            theirs = re.compile(wrap.format(flat(words)))
            assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)], words


def test_prefers_the_longest_word_that_lets_the_rest_match():
    pattern = re.compile(trie_pattern(["nato", "nato-gipfel", "nat"]) + r"(?!\w)")
    assert pattern.search("der nato-gipfel in").group() == "nato-gipfel"
    assert pattern.search("die nato tagt").group() == "nato"
    assert pattern.search("die nato-gipfelei").group() == "nato"
    assert re.fullmatch(trie_pattern(["a.b", "a+"]), "a.b") and not re.fullmatch(trie_pattern(["a.b"]), "axb")
