"""SVG pictures for the pages: the weekly timeline, an actor's dyad network and the world map.

Reads query results (weekly counts, partners, dyads) and the world outline shipped in the
``pygal_maps_world`` package; writes SVG text. Charts are drawn by pygal, the network layout by
networkx; pygal's own tooltip script is removed, so the pictures carry no script (they are served as
images under a CSP without script anyway). Labels come from the data and are escaped by pygal's XML
writer.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import networkx as nx
import pygal
from pygal.style import Style

from .render import QUAD_CLASSES

#: cooperation green, conflict red; verbal light, material dark (the usual QuadClass colours)
QUAD_COLOURS = {1: "#8fd19e", 2: "#2e8b57", 3: "#f4a582", 4: "#b2182b"}
_STYLE = {"background": "white", "plot_background": "white", "font_family": "sans-serif",
          "label_font_size": 11, "major_label_font_size": 11, "legend_font_size": 11, "title_font_size": 13}
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


def _render(chart) -> str:
    return _SCRIPT.sub("", chart.render(is_unicode=True))


def timeline_svg(weekly: dict, title: str = "Events per week by quad class") -> str:
    """A stacked bar per week (Monday's date), one colour per quad class; weeks without events included."""
    weeks = _week_range(weekly["weeks"])
    counts = {(row["week"], row["quad_class"]): row["events"] for row in weekly["by_quad_class"]}
    quads = sorted(QUAD_CLASSES)
    tallest = max((sum(counts.get((w, q), 0) for q in quads) for w in weeks), default=0)
    step = max(1, math.ceil(tallest / 6))
    chart = pygal.StackedBar(
        js=[], width=760, height=300, title=title, x_label_rotation=-30, show_minor_x_labels=False,
        x_labels_major_every=max(1, math.ceil(len(weeks) / 12)), truncate_label=-1, legend_at_bottom=True,
        legend_at_bottom_columns=4, no_data_text="no dated events", print_values=False,
        y_labels=list(range(0, tallest + step + 1, step)),
        style=Style(colors=tuple(QUAD_COLOURS[q] for q in quads), **_STYLE))
    chart.x_labels = weeks
    for quad in quads:
        chart.add(f"{quad} {QUAD_CLASSES[quad]}", [counts.get((w, quad)) or None for w in weeks])
    return _render(chart)


def _week_range(weeks: list[str], at_least: int = 8) -> list[str]:
    """Every Monday from the first to the last week with events, padded before to ``at_least`` weeks
    so a short series does not draw one bar as wide as the chart."""
    if not weeks:
        return []
    first, last = date.fromisoformat(weeks[0]), date.fromisoformat(weeks[-1])
    count = max((last - first).days // 7 + 1, at_least)
    return [(last - timedelta(weeks=count - 1 - i)).isoformat() for i in range(count)]


def network_svg(code: str, partners: list[dict], dyads: list[dict]) -> str:
    """The actor (centre) and its partners; a line for each pair that shares events, wider for more."""
    graph = nx.Graph()
    graph.add_node(code)
    for mate in partners:
        graph.add_node(mate["code"])
    for pair in dyads:
        graph.add_edge(pair["a"], pair["b"], weight=pair["events"])
    # a fixed seed: the same store draws the same picture
    layout = nx.spring_layout(graph, seed=7, center=(0, 0)) if len(graph) > 1 else {code: (0.0, 0.0)}
    heaviest = max((p["events"] for p in dyads), default=1)
    chart = pygal.XY(
        js=[], width=560, height=420, title=f"Dyads of {code}", show_legend=False, show_x_labels=False,
        show_y_labels=False, show_x_guides=False, show_y_guides=False, print_labels=True, dots_size=6,
        xrange=(-1.3, 1.3), range=(-1.3, 1.3), no_data_text="no partners",
        style=Style(colors=("#aaaaaa",) * len(dyads) + ("#1f5f99", "#e08e0b"), **_STYLE))
    for pair in dyads:
        width = 1 + 5 * pair["events"] / heaviest
        ends = [tuple(map(float, layout[pair["a"]])), tuple(map(float, layout[pair["b"]]))]
        chart.add(f"{pair['a']}–{pair['b']}: {pair['events']}", ends, stroke_style={"width": width},
                  show_dots=False)
    nodes = [{"value": tuple(map(float, layout[n])), "label": n} for n in graph.nodes if n != code]
    chart.add("partners", nodes, stroke=False, dots_size=7)
    chart.add(code, [{"value": tuple(map(float, layout[code])), "label": code}], stroke=False, dots_size=10)
    return _render(chart)


# -- the map ---------------------------------------------------------------------------------------
#: pygal_maps_world's outline is a Robinson projection; these constants place a (lat, lon) on it and
#: were fitted to the drawn positions of small states (Andorra, Singapore, Luxembourg, Mauritius, ...)
_MAP_X0, _MAP_PX_PER_DEG, _MAP_Y_EQUATOR, _MAP_PX_PER_Y = 1206.5, 7.582, 681.0, 692.2
_MAP_WIDTH, _MAP_HEIGHT = 2475, 1388
#: Robinson's table, every 5 degrees of latitude: (X length factor, Y distance factor)
_ROBINSON = [
    (1.0000, 0.0000), (0.9986, 0.0620), (0.9954, 0.1240), (0.9900, 0.1860), (0.9822, 0.2480),
    (0.9730, 0.3100), (0.9600, 0.3720), (0.9427, 0.4340), (0.9216, 0.4958), (0.8962, 0.5571),
    (0.8679, 0.6176), (0.8350, 0.6769), (0.7986, 0.7346), (0.7597, 0.7903), (0.7186, 0.8435),
    (0.6732, 0.8936), (0.6213, 0.9394), (0.5722, 0.9761), (0.5322, 1.0000),
]


def robinson(lat: float, lon: float) -> tuple[float, float]:
    """(x, y) of a latitude/longitude on the world outline's viewBox."""
    lat = max(-90.0, min(90.0, lat))
    step, frac = divmod(abs(lat) / 5.0, 1.0)
    lo = _ROBINSON[int(step)]
    hi = _ROBINSON[min(int(step) + 1, len(_ROBINSON) - 1)]
    x_factor = lo[0] + (hi[0] - lo[0]) * frac
    y_factor = lo[1] + (hi[1] - lo[1]) * frac
    x = _MAP_X0 + lon * _MAP_PX_PER_DEG * x_factor
    y = _MAP_Y_EQUATOR - (1 if lat >= 0 else -1) * y_factor * _MAP_PX_PER_Y
    return x, y


def map_view(lat: float, lon: float, span: float = 360.0) -> dict[str, float]:
    """A viewBox of ``span`` map units around the point, kept inside the map, and the point in it."""
    x, y = robinson(lat, lon)
    width, height = span, span * 0.6
    left = min(max(x - width / 2, 0), _MAP_WIDTH - width)
    top = min(max(y - height / 2, 0), _MAP_HEIGHT - height)
    return {"x": round(x, 1), "y": round(y, 1), "left": round(left, 1), "top": round(top, 1),
            "width": width, "height": height, "map_width": _MAP_WIDTH, "map_height": _MAP_HEIGHT}


@lru_cache(maxsize=1)
def _world() -> str:
    return (resources.files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def world_svg(country_alpha2: str | None = None) -> str:
    """The world outline, countries grey, ``country_alpha2`` (e.g. "fr") highlighted."""
    svg = _world().replace('<g id="countries">', '<g id="countries" fill="#d9d9d9" stroke="#ffffff" '
                                                  'stroke-width="0.6">', 1)
    if country_alpha2 and re.fullmatch(r"[a-z]{2}", country_alpha2):
        group = f'<g class="{country_alpha2} country'
        svg = svg.replace(group, group.replace("<g ", '<g fill="#f0b429" '))
    return svg


def alpha2(iso3: str | None) -> str | None:
    """The lower-case ISO 3166-1 alpha-2 code the outline uses, for an alpha-3 code."""
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3.upper())
    return found.alpha_2.lower() if found else None
