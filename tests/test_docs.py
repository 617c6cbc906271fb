"""The documentation that is tested: it must keep up with the code.

- docs/cli.md is what scripts/gen_cli_docs.py generates from the commands' --help now;
- docs/operations.md lists every Settings field with its EVENTWIRE_* variable, and every reject reason
  the code can produce (found in the source: Drop, Rejection, FetchError/FetchRefused, ctx.reject);
- docs/data-model.md's tables list exactly ARTICLE_FIELDS and EVENT_FIELDS, in order;
- docs/stages.md gives each stage's requires/provides as the code declares them;
- the README's ```sh blocks run: `make demo` when EVENTWIRE_TEST_README=1, else each `eventwire ...`
  command against a store built from examples/ in a temporary folder; its ```python blocks run too.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib.util
import os
import re
import shlex
import subprocess

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.model import ARTICLE_FIELDS, AUX_VALUES, EVENT_FIELDS, PRECISIONS
from eventwire.settings import Settings
from support import EXAMPLES, ROOT

DOCS = ROOT / "docs"
SRC = ROOT / "src" / "eventwire"
README = ROOT / "README.md"
#: the argument that holds the reason, by the name of the call that makes a rejection
REASON_ARG = {"Drop": 0, "FetchError": 0, "FetchRefused": 0, "Rejection": 1, "reject": 1}
SNAKE = re.compile(r"^[a-z]+(?:_[a-z]+)*$")


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_cli_reference_is_up_to_date():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert read("cli.md") == module.render(), "docs/cli.md is stale: run python scripts/gen_cli_docs.py"
    for name in module.command_names():
        assert f"## eventwire {name}\n" in read("cli.md")


def test_every_setting_is_documented_with_its_variable():
    text = read("operations.md")
    for field in dataclasses.fields(Settings):
        assert f"`{field.name}`" in text, f"Settings.{field.name} is not in docs/operations.md"
        variable = f"EVENTWIRE_{field.name.upper()}"
        assert f"`{variable}`" in text, f"{variable} is not in docs/operations.md"


def table_names(text: str, heading: str) -> list[str]:
    """The backquoted names in the first column of the first table under ``heading``."""
    lines = text.split(f"\n{heading}\n", 1)[1].splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        table.append(line)
    return [m.group(1) for m in (re.match(r"^\| `([a-z_]+)` \|", line) for line in table) if m]


def test_data_model_lists_exactly_the_jsonl_fields():
    text = read("data-model.md")
    assert table_names(text, "## Articles") == list(ARTICLE_FIELDS)
    assert table_names(text, "## Events") == list(EVENT_FIELDS)
    for value in PRECISIONS + tuple(v for v in AUX_VALUES if v):
        assert f"`{value}`" in text
    for method in ("html_metadata", "dateline", "dateline+text_year", "dateline+input_year", "jsonl_field",
                   "feed_date", "inferred", "given"):
        assert f"| `{method}` |" in text, method


def reason_strings(node: ast.AST, assigned: dict, returns: dict) -> set[str]:
    """Strings a reason argument can take: literals, `a or "b"`, `x if c else y`, and local names
    assigned from those or unpacked from a call (``text, why = decode(data)``: decode's returns)."""
    if isinstance(node, ast.Constant):
        return {node.value} if isinstance(node.value, str) else set()
    if isinstance(node, ast.Name):
        found: set[str] = set()
        for value, index in assigned.get(node.id, []):
            if index is None:
                found |= reason_strings(value, {}, returns)
            elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
                found |= returns_at(value.func.id, index, returns, set())
        return found
    if isinstance(node, (ast.BoolOp, ast.IfExp)):
        children = node.values if isinstance(node, ast.BoolOp) else [node.body, node.orelse]
        return set().union(*(reason_strings(c, assigned, returns) for c in children))
    return set()


def returns_at(function: str, index: int, returns: dict, seen: set) -> set[str]:
    """String literals at position ``index`` of the tuples ``function`` returns (following calls)."""
    found: set[str] = set()
    if function in seen:
        return found
    seen.add(function)
    for value in returns.get(function, []):
        if isinstance(value, ast.Tuple) and len(value.elts) > index:
            element = value.elts[index]
            if isinstance(element, ast.Constant) and isinstance(element.value, str):
                found.add(element.value)
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            found |= returns_at(value.func.id, index, returns, seen)
    return found


def assignments(function: ast.AST) -> dict:
    assigned: dict = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append((node.value, None))
                elif isinstance(target, ast.Tuple):
                    for i, element in enumerate(target.elts):
                        if isinstance(element, ast.Name):
                            assigned.setdefault(element.id, []).append((node.value, i))
    return assigned


def reject_reasons() -> dict[str, str]:
    """Every reject reason the source can produce -> where one is made."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SRC.rglob("*.py"))}
    returns: dict = {}
    for tree in trees.values():
        for fn in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            returns.setdefault(fn.name, []).extend(r.value for r in ast.walk(fn)
                                                   if isinstance(r, ast.Return) and r.value is not None)
    reasons: dict[str, str] = {}
    for path, tree in trees.items():
        for fn in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Module))):
            assigned = assignments(fn)
            for call in (n for n in ast.walk(fn) if isinstance(n, ast.Call)):
                name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
                if name not in REASON_ARG:
                    continue
                at = REASON_ARG[name]
                arg = call.args[at] if len(call.args) > at else next(
                    (k.value for k in call.keywords if k.arg == "reason"), None)
                for reason in reason_strings(arg, assigned, returns) if arg is not None else ():
                    if SNAKE.match(reason):
                        reasons.setdefault(reason, f"{path.relative_to(ROOT)}:{call.lineno}")
    return reasons


def test_every_reject_reason_is_documented():
    reasons = reject_reasons()
    # the finder must find what we know is there, or a change in the code would blind it
    assert {"binary", "undecodable", "private_address", "bad_jsonl_line", "too_short", "stage_error",
            "not_found", "truncated_warc", "bad_warc"} <= set(reasons), sorted(reasons)
    table = read("operations.md").split("## Reject reasons", 1)[1]
    missing = {r: where for r, where in reasons.items() if f"| `{r}` |" not in table}
    assert not missing, f"reject reasons missing from docs/operations.md: {missing}"


def test_stages_doc_matches_the_stages():
    from eventwire.annotate import analysis_stages
    from eventwire.stages.clean import Clean
    from eventwire.stages.dedup import Fingerprint
    from eventwire.stages.language import Language

    text = read("stages.md")
    for stage in [Language(), Fingerprint(), *analysis_stages(), Clean()]:
        assert f"\n### `{stage.name}`\n" in text, f"stage {stage.name} is not in docs/stages.md"
        section = text.split(f"\n### `{stage.name}`\n", 1)[1].split("\n##", 1)[0]
        for label, fields in (("reads", stage.requires), ("writes", stage.provides)):
            line = re.search(rf"^- {label}: (.*)$", section, re.MULTILINE)
            assert line, f"{stage.name}: no '- {label}:' line"
            documented = re.findall(r"`([a-z_]+)`", line.group(1))
            assert sorted(documented) == sorted(fields), f"{stage.name} {label}: {documented} != {fields}"


# -- the README -----------------------------------------------------------------------------------

def readme_commands() -> list[str]:
    """The commands of the README's ```sh blocks (prompts, comments and line continuations resolved)."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = line.strip().removeprefix("$ ").strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def test_readme_has_shell_blocks():
    assert readme_commands(), "README.md has no ```sh block: mark its shell commands ```sh so they are tested"


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("EVENTWIRE_TEST_README") != "1", reason="set EVENTWIRE_TEST_README=1")
def test_readme_make_demo_runs():
    if not any(c.startswith("make demo") for c in readme_commands()):
        pytest.skip("the README does not show make demo")
    result = subprocess.run(["make", "demo"], check=False, cwd=ROOT, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


#: options of `eventwire run` that take a value (so that value is not an INPUT)
VALUE_OPTIONS = {"--db", "--workers", "--executor", "--scheduler", "--run-dir", "--resume", "--max-bytes"}


def eventwire_args(command: str, db: str, article_id: str) -> tuple[list[str], str | None] | None:
    """(arguments, stdin) of one README `eventwire` command, to run against ``db``; None to leave it out.

    In a pipeline the eventwire part runs, fed by a preceding `cat FILE` or a `< FILE`; output
    redirections are dropped (CliRunner captures the output), as are comments.
    """
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split, lexer.commenters = True, "#"
    segments, stdin = [[]], None
    for token in lexer:
        if token in ("|", "&&", ";"):
            segments.append([])
        else:
            segments[-1].append(token)
    for previous, words in zip([None, *segments[:-1]], segments, strict=True):
        while words and re.match(r"^[A-Z_]+=", words[0]):  # EVENTWIRE_X=1 eventwire ...
            words = words[1:]
        if words and words[0] == "eventwire":
            if previous and previous[0] == "cat" and len(previous) == 2:
                stdin = (ROOT / previous[1]).read_text(encoding="utf-8")
            break
    else:
        return None
    if "<" in words and words.index("<") + 1 < len(words):
        stdin = (ROOT / words[words.index("<") + 1]).read_text(encoding="utf-8")
    words = next((words[:i] for i, w in enumerate(words) if w[0] in "<>" or w in ("2>", "&>")), words)
    args = words[1:]
    for i, word in enumerate(args):
        if word == "--db" and i + 1 < len(args):
            args[i + 1] = db
        elif word.startswith("--db="):
            args[i] = f"--db={db}"
    if args and args[0] == "run":
        args = [a for a in args if not a.startswith(("http://", "https://"))]  # no network in tests
        inputs = [a for i, a in enumerate(args[1:], 1)
                  if not a.startswith("--") and args[i - 1] not in VALUE_OPTIONS]
        if not inputs and "--resume" not in args:
            return None
    if args and args[0] == "serve" and "--get" not in args:
        return None  # a server that runs until stopped
    if args and args[0] == "show":
        args = ["show", article_id, *args[2:]]
    return args + ([] if any(a.startswith("--db") for a in args) else ["--db", db]), stdin


def test_readme_eventwire_commands_run(tmp_path, monkeypatch):
    from eventwire import ingest

    commands = [c for c in readme_commands() if re.search(r"(^|\s)eventwire\s", c)]
    if not commands:
        pytest.skip("the README's sh blocks show no eventwire command")
    db = str(tmp_path / "readme.duckdb")
    ingest([str(EXAMPLES)], Settings(db=db, strict=True))
    with duckdb.connect(db, read_only=True) as con:
        article_id = con.execute("SELECT id FROM articles ORDER BY seq LIMIT 1").fetchone()[0]
    from eventwire.cli import app

    ran = 0
    monkeypatch.chdir(ROOT)  # the README's relative paths (examples/) are relative to the repository
    for command in commands:
        found = eventwire_args(command, db, article_id)
        if found is None:
            continue
        args, stdin = found
        result = CliRunner().invoke(app, args, prog_name="eventwire", env={"EVENTWIRE_DB": db},
                                    input=stdin or (EXAMPLES / "wire-en.jsonl").read_text("utf-8"))
        assert result.exit_code == 0, f"README command failed: {command}\n{result.output[-2000:]}"
        ran += 1
    assert ran, f"none of the README's eventwire commands could run here: {commands}"


def test_readme_python_examples_run(tmp_path, monkeypatch, capsys):
    """The README's ```python blocks run as written, in a scratch folder that has examples/."""
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    if not blocks:
        pytest.skip("the README has no python example")
    (tmp_path / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    monkeypatch.chdir(tmp_path)  # relative store paths land here, not in the repository
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})  # noqa: S102 (our own README)
    assert capsys.readouterr().out.strip(), "the README's Python example printed nothing"
