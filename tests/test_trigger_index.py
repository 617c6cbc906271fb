"""The trigger index's lookups: the character tries find what a scan of every row finds, and a sentence
without any dictionary word is told apart without changing what callers get."""

from eventwire.coder.triggers import _word_match, tokenize, trigger_index


def _rows(index):
    tables = (index.exact, index.prefix, index.infix)
    return [row for table in tables for rows in table.values() for row in rows]


def _words(index):
    keys = sorted(index.exact)[::10] + list(index.prefix) + list(index.infix)  # every prefix and head
    for key in keys:
        yield from (key, key + "en", key + "ungen", key + "sten", "luft" + key, "luft" + key + "s", key[:-1],
                    key[1:], "x" + key + "xxxx")
    yield from ("", "a", "es", "regierung", "bundesregierung")


def test_candidates_are_every_row_whose_form_matches():
    for language in ("de", "en"):
        index = trigger_index(language)
        rows = _rows(index)
        for word in _words(index):
            found = index._lookup(word)
            assert set(found) == {r for r in rows if _word_match(r.form[0], word)}, (language, word)


def test_a_sentence_without_dictionary_words_has_no_hits_and_still_its_tokens():
    index = trigger_index("de")
    text = "Vorwort. Das Wetter bleibt morgen heiter und warm. Russland griff die Stadt an."
    plain = (9, 50)
    assert not any(index.candidates(t.low) for t in tokenize(text[plain[0]:plain[1]]))
    assert not index.has_hits(text, *plain)
    tokens, hits = index.sentence(text, *plain)
    assert hits == [] and [(t.text, t.start) for t in tokens] == [
        (t.text, t.start) for t in tokenize(text[plain[0]:plain[1]], plain[0])]
    attack = (51, len(text))
    assert index.has_hits(text, *attack)
    tokens, hits = index.sentence(text, *attack)
    assert [tokens[h.index].text for h in hits] == ["griff"]
    assert hits == index.find(tokenize(text[attack[0]:attack[1]], attack[0]))


def test_wildcard_regex_agrees_with_word_match():
    """Context words are searched as one regex over a sentence's words: same answer as word by word."""
    from eventwire.coder.triggers import _any_word, _word_match, _Words

    words = ["luftangriffen", "angriff", "angriffe", "gegenangriffs", "vorangriff", "drohung", "drohungen",
             "bedrohte", "ab", "a.b", "x"]
    patterns = ["*angriff*", "*angriff", "angriff*", "droh*", "*ung", "*droh*", "a.b*", "*.b", "zzz*"]
    for pattern in patterns:
        for word in words:
            assert _any_word((pattern,), _Words([word])) == _word_match(pattern, word), (pattern, word)
        assert _any_word((pattern,), _Words(words)) == any(_word_match(pattern, w) for w in words)
