"""Writing records to a stream as JSONL, CSV or a Rich table (the formats of the output commands)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "table")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_records(records: Iterable[dict[str, Any]], fmt: str, fields: tuple[str, ...] | list[str],
                  stream: TextIO | None = None, width: int = 60) -> int:
    stream = stream or sys.stdout
    n = 0
    if fmt == "jsonl":
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(fields)
        for record in records:
            writer.writerow([_cell(record.get(f)) for f in fields])
            n += 1
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for f in fields:
            table.add_column(f, overflow="ellipsis", no_wrap=True, max_width=width)
        for record in records:
            table.add_row(*[_cell(record.get(f))[:400] for f in fields])
            n += 1
        console = Console(file=stream)
        if not console.is_terminal:  # a pipe or file: rows stay whole lines, cells cut at ``width``
            console = Console(file=stream, width=max(160, width * len(fields)))
        console.print(table)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return n
