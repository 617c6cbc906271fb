"""Planning a run: from the user's INPUT arguments to numbered shards of input units.

A unit is ("file", path), ("url", url), ("jsonl", path, start_byte, end_byte, first_line) or
("lines", origin, [(line_no, line)]) for JSONL on stdin. Directories are walked recursively in sorted
order, each real directory once, so symlink loops end; the plan is the same on every run over the same
inputs, which is what makes ``--resume`` and identical stores across executors possible.
Missing inputs become rejections (``not_found``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .model import Rejection

#: JSONL lines per input unit for each unit of Settings.shard_size
LINES_PER_UNIT = 8


def units(inputs: list[str], stdin=None, shard_size: int = 32) -> Iterator[tuple | Rejection]:
    lines = max(1, shard_size * LINES_PER_UNIT)
    for raw in inputs:
        if raw == "-":
            yield from _stdin_units(stdin or sys.stdin, lines)
        elif raw.startswith(("http://", "https://")):
            yield ("url", raw)
        else:
            path = Path(raw)
            if path.is_dir():
                yield from _walk(path, lines)
            elif path.is_file():
                yield from _file_units(path, lines)
            else:
                yield Rejection(str(path.absolute()), "not_found", "no such file, directory or URL", "plan")


def _walk(root: Path, lines: int) -> Iterator[tuple]:
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not name.startswith("."):
                yield from _file_units(path, lines)


def _file_units(path: Path, lines: int) -> Iterator[tuple]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson")):
        yield from _jsonl_chunks(path, lines)
    else:
        yield ("file", str(path.absolute()))


def _jsonl_chunks(path: Path, lines: int) -> Iterator[tuple]:
    """Byte ranges of ``lines`` lines each, with their first line number (only line breaks are read)."""
    start, first, count = 0, 1, 0
    with open(path, "rb") as handle:
        offset = 0
        for raw in iter(lambda: handle.readline(1 << 20), b""):
            offset += len(raw)
            if raw.endswith(b"\n") or len(raw) < 1 << 20:
                count += 1
            if count >= lines:
                yield ("jsonl", str(path.absolute()), start, offset, first)
                start, first, count = offset, first + count, 0
    if offset > start:
        yield ("jsonl", str(path.absolute()), start, offset, first)


def _stdin_units(stream, lines: int) -> Iterator[tuple]:
    batch: list[tuple[int, str]] = []
    for n, line in enumerate(stream, 1):
        batch.append((n, line))
        if len(batch) >= lines:
            yield ("lines", "stdin", batch)
            batch = []
    if batch:
        yield ("lines", "stdin", batch)


def shards(items, size: int) -> Iterator[list]:
    """Units grouped into shards; a JSONL chunk or URL is a shard of its own size class."""
    shard: list = []
    for item in items:
        shard.append(item)
        if len(shard) >= size or item[0] in ("jsonl", "lines"):
            yield shard
            shard = []
    if shard:
        yield shard
