"""The DuckDB store: numbered migrations, one writer, reads that return plain records.

``Store(path)`` opens (and migrates) the database for writing; ``Store(path, read_only=True)`` opens it
for reading. DuckDB allows one writing process at a time: opening a store another process is writing
raises :class:`~eventwire.errors.StoreBusy` with what to do. The shards of a run are written in
transactions of whole shards (:meth:`Store.write_shards`), so a killed run leaves whole shards only.
"""

from __future__ import annotations

from .db import Store

__all__ = ["Store"]
