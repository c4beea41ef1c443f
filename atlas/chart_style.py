"""What every chart shares: the language its text is in, the outcome colours, the ink of
its text, and the pieces each chart is built from (the "pick" selection, axes, the title
and the note of an empty chart, counting and labelling in pandas).

Outcome colours come from one explicit scale over all four labels, so a colour never moves
when an outcome has no cases. No text has a fixed colour: it is inked from the background
the theme paints, so it reads in light and dark themes alike.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import altair as alt
import pandas as pd

from atlas.facets import VOCABULARIES, label_for
from atlas.i18n import N_, Translate

# The language of the text in charts built now: set by `chart_language`, English by default.
# A context variable, not a parameter, so every helper of every chart can translate.
_LANGUAGE: ContextVar[Translate] = ContextVar("chart_language", default=str)


@contextmanager
def chart_language(translate: Translate) -> Iterator[None]:
    """Build charts inside this block to have their titles, axes and labels translated."""
    token = _LANGUAGE.set(translate)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def _t(message: str) -> str:
    return _LANGUAGE.get()(message)


def value_label(field: str, value: str) -> str:
    return _t(label_for(field, value))


OUTCOME_ORDER = ["success", "mixed", "failure", "ongoing"]
# Okabe-Ito: told apart with every common colour-vision deficiency.
OUTCOME_COLORS = {
    "success": "#009E73",
    "mixed": "#E69F00",
    "failure": "#D55E00",
    "ongoing": "#56B4E9",
}
OUTCOME_LABELS = [label_for("outcome", v) for v in OUTCOME_ORDER]

#: The fields each chart's "pick" selection returns when a mark is clicked.
PICK_FIELDS: dict[str, list[str]] = {
    "outcome_by_industry": ["industry"],
    "industry_connection_grid": ["industry", "connection_types"],
    "timeline": ["year_start"],
    "mode_outcome": ["mode", "outcome"],
}
PICK = "pick"
NEUTRAL = "#888888"  # mid grey: visible on a light and on a dark background
# Streamlit's chart theme leaves text marks and subtitles black, even on its dark background.
# So text takes its ink from the chart's own background (Vega's `background` signal): dark on
# a light background, light on a dark one. Titles and axes keep the theme's colours.
INK = alt.expr("luminance(background) < 0.35 ? '#fafafa' : '#1c2430'")
# Heatmap cells are a faint grey tint over the background, so text inked for the background
# still reads on them; a hue would also be mistaken for an outcome colour.
CELL_OPACITY = (0.08, 0.4)
# Streamlit's theme cuts axis labels at 100 px ("Government & pu…") and hides every other
# label that would overlap; the axes that need all their labels say so.
LABEL_LIMIT_PX = 240
EMPTY_NOTE = N_("No cases to show")
EMPTY_HEIGHT = 160
CAPTION_WRAP = 90  # characters per subtitle line


# --- shared pieces ----------------------------------------------------------------------


def outcome_color() -> alt.Color:
    labels = [_t(label) for label in OUTCOME_LABELS]
    scale = alt.Scale(domain=labels, range=[OUTCOME_COLORS[v] for v in OUTCOME_ORDER])
    return alt.Color("outcome_label:N", title=_t("Outcome"), scale=scale, sort=labels)


def label_axis() -> alt.Axis:
    return alt.Axis(labelLimit=LABEL_LIMIT_PX)


def pick_selection(chart_name: str) -> alt.Parameter:
    return alt.selection_point(name=PICK, fields=PICK_FIELDS[chart_name])


def dim_unpicked(pick: alt.Parameter) -> alt.Opacity:
    return alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.35))


def _title(title: str, caption: str) -> alt.TitleParams:
    # A long selection sentence would run off the chart as one line: wrap it.
    lines = textwrap.wrap(caption, CAPTION_WRAP) or [""]
    return alt.TitleParams(title, subtitle=lines, subtitleColor=INK, anchor="start")


def finish(
    layers: list[alt.Chart], title: str, caption: str, empty: bool, **props: object
) -> alt.TopLevelMixin:
    """Title the chart; an empty selection gets a short note and a fixed height instead of
    collapsing to a bare axis (the "pick" selection stays, so the app can still listen)."""
    if empty:
        note = alt.Chart(pd.DataFrame({"note": [_t(EMPTY_NOTE)]})).mark_text(fontSize=13, color=INK)
        note = note.encode(
            text="note:N", x=alt.value({"expr": "width / 2"}), y=alt.value({"expr": "height / 2"})
        )
        layers = [*layers, note]
        if not isinstance(props.get("height"), int):
            props["height"] = EMPTY_HEIGHT
    if len(layers) == 1:
        chart = layers[0].properties(title=_title(title, caption), **props)
    else:
        chart = alt.layer(*layers, title=_title(title, caption), **props)
    return readable(chart)


def readable(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Text of at least 12 px (Vega-Lite draws axis labels at 10 px by default)."""
    return (
        chart.configure_axis(labelFontSize=12, titleFontSize=13)
        .configure_legend(labelFontSize=12, titleFontSize=13)
        .configure_title(fontSize=16, subtitleFontSize=13)
    )


def labelled(frame: pd.DataFrame, fields: Iterable[str]) -> pd.DataFrame:
    """Add a `<field>_label` column beside each raw vocabulary column."""
    out = frame.copy()
    for f in fields:
        out[f"{f}_label"] = [value_label(f, v) for v in out[f]]
    return out


def count_by(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Cases per combination of `by`, as a column 'count' (an empty frame stays empty)."""
    counts = frame.groupby(by, sort=True).size().rename("count").reset_index()
    counts["count"] = counts["count"].astype("int64")
    return counts


def with_outcome_rank(frame: pd.DataFrame) -> pd.DataFrame:
    out = labelled(frame, ["outcome"])
    out["outcome_rank"] = [OUTCOME_ORDER.index(v) for v in out["outcome"]]
    return out


def vocabulary_labels(field: str) -> list[str]:
    return [_t(label) for label in VOCABULARIES[field].labels().values()]


def count_axis(top) -> alt.Axis:
    # Whole-number ticks: with short bars Vega would label 0.5 as "1" (tickMinStep is ignored).
    top = 1 if pd.isna(top) else int(top)
    return alt.Axis(values=count_ticks(top), format="d")


def count_ticks(top: int) -> list[int]:
    """Whole-number ticks from 0 to `top`, at most about six of them."""
    step = max(1, math.ceil(top / 6))
    return list(range(0, top + 1, step))


def order_by_total(totals: pd.Series, field: str) -> list[str]:
    """Labels of `field` by total cases, largest first, ties by label."""
    labels = {v: value_label(field, v) for v in totals.index}
    ranked = sorted(totals.index, key=lambda v: (-int(totals[v]), labels[v]))
    return [labels[v] for v in ranked]
