"""Run every evaluation, print the figures, compare them with eval/baseline.json."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

MODULES = ("extraction", "seeds_articles", "ner", "actors", "dates_places", "events", "plover", "seeds")


def shared_dir() -> Path:
    here = Path.cwd()
    for cand in (here / "../shared", here / "shared"):
        if (cand / "data").is_dir():
            return cand.resolve()
    return (here / "../shared").resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.evaluate")
    parser.add_argument("only", nargs="*", help="modules to run (default: all)")
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--baseline", type=Path, default=Path("eval/baseline.json"))
    args = parser.parse_args(argv)
    shared = args.shared or shared_dir()
    if not (shared / "data").is_dir():
        print(f"../shared/data not found at {shared}: nothing to evaluate", file=sys.stderr)
        return 2
    floors = json.loads(args.baseline.read_text()) if args.baseline.exists() else {}
    figures: dict[str, float] = {}
    for name in args.only or MODULES:
        try:
            module = importlib.import_module(f"eventwire.evaluate.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"eventwire.evaluate.{name}":
                print(f"[{name}] not available yet", file=sys.stderr)
                continue
            raise
        for key, value in module.evaluate(shared).items():
            figures[f"{name}.{key}"] = value
    failed = []
    width = max((len(k) for k in figures), default=10)
    for key, value in figures.items():
        floor = floors.get(key)
        mark = ""
        if isinstance(floor, dict):  # {"max": x}: a count that must not rise (e.g. boilerplate left)
            ok = value <= floor["max"]
            mark = f"  max {floor['max']} {'ok' if ok else 'ABOVE'}"
            if not ok:
                failed.append(key)
        elif floor is not None:
            ok = value >= floor
            mark = f"  floor {floor:.3f} {'ok' if ok else 'BELOW'}"
            if not ok:
                failed.append(key)
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:<{width}}  {shown}{mark}")
    if failed:
        print(f"below floor: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
