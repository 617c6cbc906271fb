"""Build a WARC.gz from HTML files (used by `make demo` for the example inputs).

usage: python scripts/make_warc.py OUT.warc.gz URL=FILE.html [URL=FILE.html ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.inputs.warc import write_warc

if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    pages = [(arg.split("=", 1)[0], Path(arg.split("=", 1)[1]).read_bytes()) for arg in sys.argv[2:]]
    write_warc(target, pages)
    print(f"wrote {target}", file=sys.stderr)
