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

JSONL_CHUNK_BYTES = 256_000


def units(inputs: list[str], stdin=None) -> Iterator[tuple | Rejection]:
    for raw in inputs:
        if raw == "-":
            yield from _stdin_units(stdin or sys.stdin)
        elif raw.startswith(("http://", "https://")):
            yield ("url", raw)
        else:
            path = Path(raw)
            if path.is_dir():
                yield from _walk(path)
            elif path.is_file():
                yield from _file_units(path)
            else:
                yield Rejection(str(path.absolute()), "not_found", "no such file, directory or URL", "plan")


def _walk(root: Path) -> Iterator[tuple]:
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
                yield from _file_units(path)


def _file_units(path: Path) -> Iterator[tuple]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson")):
        yield from _jsonl_chunks(path)
    else:
        yield ("file", str(path.absolute()))


def _jsonl_chunks(path: Path) -> Iterator[tuple]:
    """Byte ranges of about JSONL_CHUNK_BYTES ending on line breaks, with their first line number."""
    start, line = 0, 1
    with open(path, "rb") as handle:
        while True:
            handle.seek(start + JSONL_CHUNK_BYTES)
            handle.readline()
            end = handle.tell()
            if end <= start:
                break
            handle.seek(start)
            lines = handle.read(end - start).count(b"\n")
            yield ("jsonl", str(path.absolute()), start, end, line)
            start, line = end, line + lines
            if handle.tell() >= os.path.getsize(path):
                break


def _stdin_units(stream) -> Iterator[tuple]:
    batch: list[tuple[int, str]] = []
    for n, line in enumerate(stream, 1):
        batch.append((n, line))
        if len(batch) >= 200:
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
