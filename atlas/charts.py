"""The app's charts by name, what a click on one selects, and their PNG/SVG renderings.

The charts are built in `atlas.chart_builders` from the shared pieces of
`atlas.chart_style`. This module is what the app and the exports use: `CHARTS`, the
`chart_language` to build them in, `PICK` (the selection a click fills) and
`picked_filters`, and `chart_png`/`chart_svg` for downloads and slides.
"""

from __future__ import annotations

import json
import math

import altair as alt

from atlas.chart_builders import (
    industry_connection_grid,
    mode_outcome,
    outcome_by_industry,
    timeline,
)
from atlas.chart_style import PICK, chart_language

__all__ = ["CHARTS", "PICK", "chart_language", "chart_png", "chart_svg", "picked_filters"]

# What a picked field filters: the table column, except the year, which filters a range.
PICK_FACETS = {
    "industry": "industry",
    "connection_types": "connection_types",
    "mode": "mode",
    "outcome": "outcome",
    "year_start": "year",
}
EXPORT_WIDTH = 720  # a container-wide chart has no width outside the app

#: Every chart builder by name, in the order the app shows them.
CHARTS = {
    "outcome_by_industry": outcome_by_industry,
    "industry_connection_grid": industry_connection_grid,
    "timeline": timeline,
    "mode_outcome": mode_outcome,
}


# --- selections -----------------------------------------------------------------------


def picked_filters(selection_rows: list[dict]) -> dict[str, list]:
    """What a click selected, as facet -> values: [{"industry": "finance"}] -> {"industry":
    ["finance"]}. "year_start" becomes "year" with int values (Vega may send 2015.0).
    Unknown fields and unreadable values are dropped; order is kept, repeats removed."""
    picked: dict[str, list] = {}
    for row in selection_rows or []:
        for field, raw in (row or {}).items():
            facet = PICK_FACETS.get(field)
            value = _picked_value(field, raw)
            if facet is None or value is None:
                continue
            values = picked.setdefault(facet, [])
            if value not in values:
                values.append(value)
    return picked


def _picked_value(field: str, raw: object) -> str | int | None:
    if raw is None:
        return None
    if field != "year_start":
        return str(raw)
    try:
        year = float(raw)
    except (TypeError, ValueError):
        return None
    return int(year) if math.isfinite(year) and year == int(year) else None


# --- downloads ------------------------------------------------------------------------


def _export_spec(chart: alt.TopLevelMixin | dict) -> str:
    """The chart's JSON with a fixed width: outside the app there is no container to fill."""
    spec = dict(chart) if isinstance(chart, dict) else chart.to_dict()
    if ("mark" in spec or "layer" in spec) and spec.get("width") in (None, "container"):
        spec["width"] = EXPORT_WIDTH
    return json.dumps(spec)


def chart_png(chart: alt.TopLevelMixin | dict) -> bytes:
    """A PNG at twice the size, rendered offline by vl-convert."""
    import vl_convert as vlc  # here, not at the top: 8 MB the server needs only for exports

    return vlc.vegalite_to_png(_export_spec(chart), scale=2)


def chart_svg(chart: alt.TopLevelMixin | dict) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(_export_spec(chart))
