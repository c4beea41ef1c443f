"""The targets of issue 18, and the table and chart of benchmarks/peers.py's figures."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

Figures = dict[str, float]
CURATED = "curated"
BIG = "10000"


def _ratio(a: str, b: str) -> Callable[[Figures], float]:
    return lambda f: f[a] / f[b]


# (row label, how to compute it from one size's figures, unit, {size: limit} or None)
# A limit at "*" applies to every size.
ROWS: list[tuple[str, Callable[[Figures], float], str, dict[str, float] | None]] = [
    ("Explore ready", lambda f: f["explore_ready_s"], "s", None),
    ("floor (one-line app) ready", lambda f: f["floor_ready_s"], "s", None),
    (
        "Explore ready / floor",
        _ratio("explore_ready_s", "floor_ready_s"),
        "x",
        {CURATED: 1.6, "1000": 2.0, BIG: 2.0},
    ),
    ("Overview ready / floor", _ratio("overview_ready_s", "floor_ready_s"), "x", {CURATED: 2.0}),
    ("Datasette table ready", lambda f: f["datasette_ready_s"], "s", None),
    ("Industry = Finance, until settled", lambda f: f["filter_s"], "s", None),
    ("Datasette's facet click", lambda f: f["datasette_filter_s"], "s", None),
    ("filter / Datasette", _ratio("filter_s", "datasette_filter_s"), "x", {"*": 1.0}),
    ("Streamlit's floor: a one-multiselect app's filter", lambda f: f["floor_filter_s"], "s", None),
    ("server RSS, one session", lambda f: f["rss_1_mb"], "MB", {CURATED: 150, BIG: 250}),
    ("each further session", lambda f: f["rss_per_session_mb"], "MB", {"*": 5.0}),
    ("floor RSS, one session", lambda f: f["floor_rss_mb"], "MB", None),
    ("one-table app's RSS (pandas, Arrow)", lambda f: f["table_floor_rss_mb"], "MB", None),
    ("Datasette RSS", lambda f: f["datasette_rss_mb"], "MB", None),
    ("`atlas validate`, cold", lambda f: f["validate_cold_s"], "s", {BIG: 5.0}),
    ("first visit, no snapshot", lambda f: f["first_load_s"], "s", {BIG: 5.0}),
    ("warm start (library from the snapshot)", lambda f: f["warm_start_s"], "s", {BIG: 0.5}),
    ("concurrent sessions: p95 filter", lambda f: f["concurrent_p95_s"], "s", {BIG: 2.0}),
    ("concurrent sessions: pages with an error", lambda f: f["concurrent_errors"], "", {BIG: 0}),
    (
        "the same sessions on the one-multiselect app: p95",
        lambda f: f["floor_concurrent_p95_s"],
        "s",
        None,
    ),
]
TARGETS = {label: limits for label, _f, _u, limits in ROWS if limits}


def _value(figures: Figures, compute) -> float | None:
    try:
        value = compute(figures)
    except (KeyError, ZeroDivisionError):
        return None
    return None if isinstance(value, float) and math.isnan(value) else value


def _shown(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "MB":
        return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:g}"


def verdicts(run: dict) -> list[tuple[str, str, float, float | None, bool | None]]:
    """(row, size, limit, value, holds) for every target at every size it applies to."""
    out = []
    for label, compute, _unit, limits in ROWS:
        for size, figures in (run["sizes"] or {}).items():
            limit = (limits or {}).get(size, (limits or {}).get("*"))
            if limit is None:
                continue
            value = _value(figures, compute)
            out.append((label, size, limit, value, None if value is None else value <= limit))
    return out


def table(run: dict) -> str:
    sizes = list(run["sizes"])
    heads = [
        f"{s} ({run['sizes'][s]['cases']:,} cases)" if s == CURATED else f"{int(s):,}"
        for s in sizes
    ]
    lines = [
        f"Measured {run['date']} on {run['machine']}; load average "
        f"{run['loadavg_start']:.2f} at the start, {run.get('loadavg_end', 0):.2f} at the end.",
        "",
        "| figure | " + " | ".join(heads) + " | target |",
        "|---|" + "---|" * len(sizes) + "---|",
    ]
    for label, compute, unit, limits in ROWS:
        cells = []
        for size in sizes:
            value = _value(run["sizes"][size], compute)
            limit = (limits or {}).get(size, (limits or {}).get("*"))
            mark = (
                ""
                if limit is None or value is None
                else (" ok" if value <= limit else " **missed**")
            )
            cells.append(_shown(value, unit) + mark)
        target = _target_text(limits, unit)
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    sessions = next((f["sessions"] for f in run["sizes"].values() if "sessions" in f), None)
    if sessions:
        lines.append(f"\nConcurrent sessions: {sessions} users picking a filter at once.")
    return "\n".join(lines)


def _target_text(limits: dict[str, float] | None, unit: str) -> str:
    if not limits:
        return ""
    parts = []
    for size, limit in limits.items():
        where = "every size" if size == "*" else (CURATED if size == CURATED else f"{int(size):,}")
        parts.append(f"≤ {_shown(limit, unit)} at {where}")
    return "; ".join(parts)


def chart(run: dict, path: Path) -> None:
    """Seconds against the library's size: ready and filter, for the app and its peers."""
    import altair as alt
    import pandas as pd
    import vl_convert as vlc

    series = {
        "Explore ready": "explore_ready_s",
        "floor ready": "floor_ready_s",
        "Datasette ready": "datasette_ready_s",
        "filter (app)": "filter_s",
        "filter (Datasette)": "datasette_filter_s",
        "filter (one-multiselect app)": "floor_filter_s",
        "first visit, no snapshot": "first_load_s",
    }
    rows = [
        {"cases": f["cases"], "figure": name, "seconds": f[key]}
        for f in run["sizes"].values()
        for name, key in series.items()
        if key in f
    ]
    spec = (
        alt.Chart(pd.DataFrame(rows), title=f"Seconds by library size ({run['date']})")
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "cases:Q",
                scale=alt.Scale(type="log", nice=False),
                axis=alt.Axis(values=sorted({r["cases"] for r in rows}), format=","),
                title="cases in the library",
            ),
            y=alt.Y("seconds:Q", scale=alt.Scale(type="log"), title="seconds"),
            color=alt.Color("figure:N", title=None),
        )
        .properties(width=560, height=320)
        .configure_axis(labelFontSize=13, titleFontSize=14)
        .configure_legend(labelFontSize=13)
    )
    path.write_bytes(vlc.vegalite_to_png(spec.to_dict(), scale=2))
