"""`eventwire show`: one article as Rich renderables with its annotations marked."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

STYLES = {"actors": "bold cyan", "places": "bold green", "dates": "bold magenta", "mentions": "underline"}


def render_article(article: dict[str, Any], notes: dict[str, list[dict[str, Any]]]) -> Group:
    text = Text(article["text"])
    for kind in ("mentions", "dates", "places", "actors"):
        for span in notes.get(kind, []):
            text.stylize(STYLES[kind], span["start"], span["end"])
    head = Text()
    head.append(f"{article.get('title') or '(no title)'}\n", style="bold")
    head.append(f"{article['id']}  {article.get('language')}  published {article.get('published')} "
                f"({article.get('published_precision')}, {article.get('published_method')})  "
                f"{article.get('site') or ''} {article.get('url') or article['uri']}\n")
    if article.get("dateline"):
        head.append(f"dateline: {article['dateline']}\n")
    legend = Text("legend: ") + Text("actor ", STYLES["actors"]) + Text("place ", STYLES["places"]) \
        + Text("date ", STYLES["dates"]) + Text("mention", STYLES["mentions"])
    parts: list[Any] = [head, legend, Text(""), text, Text("")]
    actor_fields = ("text", "name", "code", "sector", "role", "evidence")
    parts.append(_table("actors", notes.get("actors", []), actor_fields))
    parts.append(_table("places", notes.get("places", []), ("text", "name", "country", "lat", "lon")))
    parts.append(_table("dates", notes.get("dates", []), ("text", "value", "precision", "method")))
    events = [dict(e, actor=",".join(a.get("code") or "?" for a in e["actor"]),
                   recipient=",".join(a.get("code") or "?" for a in e["recipient"]))
              for e in notes.get("events", [])]
    parts.append(_table("events", events, ("event", "mode", "actor", "recipient", "date", "aux", "trigger",
                                           "coder")))
    return Group(*parts)


def _table(title: str, rows: list[dict[str, Any]], fields: tuple[str, ...]) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for f in fields:
        table.add_column(f, overflow="fold")
    for row in rows:
        table.add_row(*["" if row.get(f) is None else str(row.get(f)) for f in fields])
    return table
