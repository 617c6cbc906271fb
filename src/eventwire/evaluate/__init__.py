"""Quality evaluation against the development sets in ../shared/data (``make eval``).

Each module here (extraction, ner, actors, events, plover, ...) has ``evaluate(shared: Path) -> dict``
returning named figures; ``python -m eventwire.evaluate`` runs them all, prints a table and checks the
floors pinned in ``eval/baseline.json`` (a figure below its floor fails the run).
"""
