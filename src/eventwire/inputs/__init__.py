"""Container formats the read stage opens: WARC archives and RSS/Atom feeds."""
