"""German comma segments: appositions and reported clauses around a trigger's clause.

Reads the tokens of one sentence (and the token spans of its coded actors); returns token positions
and span groups. Writes nothing; no drop reasons.

A comma closes a clause for the actor search (clauses.py), but German news puts two things between
commas that are no clause of their own:

- an apposition or a relative clause after the subject: "Der Menschenrechtskommissar des Europarats,
  Nils Muiznieks, hatte die Behörden aufgerufen", "Der Präsident, der im Juni gewählt wurde, kritisierte
  ..." - the subject stands before the commas, the clause after them only holds the verb and objects;
- the reported clause of a speech verb that follows it: "Die Regierung müsse die Reformen beschleunigen,
  forderte der Diplomat" - the subject of the reported clause is the one asked or criticised.

A segment is a noun phrase when every lower-case word in it is a function word, a number or an
adjective in front of a capitalised word ("der frühere Präsident"); a verb ("müsse", "kam") makes it a
clause.
"""

from __future__ import annotations

from .triggers import CLAUSE_MARKS, Token

#: lower-case words a noun phrase or an apposition may hold
NP_WORDS = frozenset("""der die das des dem den ein eine einer eines einem einen von vom aus und sowie für
im in zur zum am an mit bei beim darunter unter auch ihr ihre ihres ihrem ihren sein seine seines seinem
seinen sowohl als""".split())
RELATIVE = frozenset("der die das den dem deren dessen denen welche welcher welches".split())
#: finite auxiliaries and modals that open a main clause after the subject's apposition
FINITE_DE = frozenset("""hat habe haben hatte hatten hätte ist sind war waren sei seien wird werden wurde
wurden kann können konnte konnten will wollen wollte wollten soll sollen sollte sollten muss müssen musste
mussten darf dürfen""".split())
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def noun_phrase(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a:b] is a noun phrase (an apposition), not a clause with a verb."""
    if not 0 < b - a <= 9:
        return False
    for k in range(a, b):
        tok = tokens[k]
        if not tok.text[:1].isalpha() or tok.text[:1].isupper() or tok.low in NP_WORDS:
            continue
        nxt = tokens[k + 1] if k + 1 < b else None
        attributive = nxt is not None and tok.low.endswith(_ADJ_ENDINGS) and (
            nxt.text[:1].isupper() or nxt.low.endswith(_ADJ_ENDINGS))
        if not attributive:
            return False
    return True


def _segment_start(tokens: list[Token], end: int) -> int:
    """First token of the segment that ends before ``end`` (the comma at ``end``)."""
    start = end
    while start > 0 and tokens[start - 1].text not in CLAUSE_MARKS:
        start -= 1
    return start


def apposed_subject(tokens: list[Token], c0: int) -> tuple[int, int] | None:
    """(first, last) token of the segment holding the subject when the clause at ``c0`` continues it
    after appositions or relative clauses ("X, Nils M., hatte ... aufgerufen"; "Daraufhin wurden acht
    Soldaten, darunter der Kommandeur, festgenommen"); None when it does not. A clause that opens with
    its finite verb needs a subject segment that is a noun phrase; one without a finite verb needs a
    subject segment that opened the verb bracket with an auxiliary."""
    if c0 == 0 or tokens[c0 - 1].text != ",":
        return None
    finite = tokens[c0].low in FINITE_DE or _verb_like(tokens[c0])
    end, skipped = c0 - 1, False
    while end > 0 and tokens[end].text == ",":
        start = _segment_start(tokens, end)
        if tokens[start].low in RELATIVE and start > 0 and tokens[start - 1].text == ",":
            skipped, end = True, start - 1  # "Der Präsident, der ... wurde, kritisierte"
            continue
        if start > 0 and tokens[start - 1].text == "," and noun_phrase(tokens, start, end):
            skipped, end = True, start - 1
            continue
        if not skipped:
            return None
        if finite:
            return (start, end - 1) if noun_phrase(tokens, start, end) else None
        bracket = any(t.low in FINITE_DE for t in tokens[start:end])
        return (start, end - 1) if bracket and not _has_verb_end(tokens, start, end) else None
    return None


def _has_verb_end(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the segment closes its own verb bracket (a participle or infinitive before the comma)."""
    last = tokens[end - 1]
    return last.text[:1].islower() and last.low.endswith(("t", "en")) and last.low not in FINITE_DE


def _verb_like(tok: Token) -> bool:
    """A lower-case word that can be a finite main verb ("kritisierte", "forderte", "lehnt")."""
    return tok.text[:1].islower() and tok.low.endswith(("te", "ten", "t", "e"))


def segment_end(tokens: list[Token], start: int) -> int:
    """Last token of the segment that starts at ``start``."""
    end = start
    while end + 1 < len(tokens) and tokens[end + 1].text not in CLAUSE_MARKS:
        end += 1
    return end


def reported_clause(tokens: list[Token], c0: int, hit_index: int) -> tuple[int, int] | None:
    """The clause a sentence-final speech verb reports ("Die Regierung müsse ..., forderte X"): the
    first segment of the sentence, when the verb opens its clause after a comma and that segment is a
    clause, not the speaker's apposition."""
    if c0 == 0 or hit_index != c0 or tokens[c0 - 1].text != ",":
        return None
    end = segment_end(tokens, 0)
    return None if noun_phrase(tokens, 0, end + 1) else (0, end)
