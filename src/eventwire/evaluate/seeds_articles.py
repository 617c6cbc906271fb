"""The cleaner on the two founding documents (../shared/seeds).

Reads ``seeds/*.txt`` and ``seeds/README.md``; writes nothing. The README names the boilerplate lines
(quoted after "Lines that are not the article") and each page's dateline (``dateline "..."``); both are
read from it at run time, so no third-party text lives in the project. Figures:

- ``boilerplate_left``: title or body lines of the cleaned seeds that are one of those lines (a quoted
  line ending in "..." matches by its beginning; "VIDEO" also as a tag on the title), or a cookie banner
- ``datelines_found`` / ``datelines_expected``: pages whose dateline the cleaner found
- ``title_found``: pages that got a title
"""

from __future__ import annotations

import re
from pathlib import Path

from ..stages.clean import clean_text

_QUOTED = re.compile(r'"([^"]+)"')
_DATELINE = re.compile(r'^(\S+\.txt)\s.*?dateline\s+"([^"]+)"', re.MULTILINE)


def _markers(readme: str) -> list[str]:
    start = readme.find("Lines that are not the article")
    return [" ".join(q.split()) for q in _QUOTED.findall(readme[start:])] if start >= 0 else []


def _is_marker(line: str, markers: list[str]) -> bool:
    for marker in markers:
        if marker.endswith("..."):
            if line.startswith(marker[:-3].strip()):
                return True
        elif line == marker:
            return True
    return "cookie" in line.lower()


def _left(cleaned, markers: list[str]) -> int:
    lines = [line.strip() for line in cleaned.body.split("\n") if line.strip()]
    if cleaned.title:
        lines.append(cleaned.title)
        tags = [m for m in markers if m.isupper() and " " not in m]
        lines.extend(t for t in tags if cleaned.title.endswith(f" {t}"))  # a tag left on the headline
    return sum(_is_marker(line, markers) for line in lines)


def evaluate(shared: Path) -> dict[str, float | int]:
    seeds = Path(shared) / "seeds"
    readme = (seeds / "README.md").read_text("utf-8")
    markers = _markers(readme)
    expected = dict(_DATELINE.findall(readme))
    left = found = titled = 0
    for path in sorted(seeds.glob("*.txt")):
        cleaned = clean_text(path.read_text("utf-8"))
        left += _left(cleaned, markers)
        titled += cleaned.title is not None
        want = expected.get(path.name)
        found += bool(want and cleaned.dateline and cleaned.dateline.startswith(want))
    return {
        "boilerplate_left": left,
        "datelines_found": found,
        "datelines_expected": len(expected),
        "title_found": titled,
        "markers": len(markers),
    }
