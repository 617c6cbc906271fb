"""The rule-based event coder behind ``eventwire.stages.events``.

triggers.py finds trigger words from the per-language dictionaries, clauses.py assigns actor and
recipient from the clause around a trigger, realis.py decides the auxiliary mode (historical, future,
hypothetical, negation).
"""
