"""The map of "Where do we stand?": the cases by outcome, the nearest ringed and numbered,
the organisation a diamond. An Altair chart, in the language of `_`."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from atlas.assessment.questions import X_TITLE, Y_TITLE
from atlas.assessment.result import Result
from atlas.chart_style import INK, NEUTRAL, OUTCOME_COLORS, OUTCOME_LABELS, OUTCOME_ORDER, readable
from atlas.facets import label_for
from atlas.i18n import Translate
from atlas.vocabulary import Mode, Stage

YOU_COLOR = "#CC79A7"  # Okabe-Ito reddish purple: no outcome has it
SPREAD = 0.015  # cases on the same point are fanned out this far, for the map only
# Room beyond 0 and 1 for the fanned-out dots, and on y for the quarters' names.
X_DOMAIN, Y_DOMAIN, LABEL_Y = (-0.04, 1.04), (-0.13, 1.13), (-0.09, 1.09)
MAP_HEIGHT = 460


def _spread(frame: pd.DataFrame) -> pd.DataFrame:
    """Fan out cases that share a point, in id order, so each one can be hovered: the k-th
    of n on a circle of radius SPREAD around it, at angle 2πk/n. (All rows at once: a
    row at a time took 2 s at 10,000 cases, which share a few hundred points.)"""
    out = frame.sort_values("id").copy()
    together = out.groupby(["x", "y"], sort=False, dropna=False)
    k = together.cumcount().to_numpy()
    n = together["id"].transform("size").to_numpy()
    angle = 2 * np.pi * k / n
    fanned = n > 1
    out["map_x"] = np.where(fanned, out["x"] + SPREAD * np.cos(angle), out["x"])
    out["map_y"] = np.where(fanned, out["y"] + SPREAD * np.sin(angle), out["y"])
    return out


def _case_frame(result: Result, _: Translate, lang: str) -> pd.DataFrame:
    rank = {p.id: n for n, p in enumerate(result.nearest, start=1)}
    rows = [
        {
            "id": p.id,
            "title": p.title_zh if lang == "zh" and p.title_zh else p.title,
            "x": p.x,
            "y": p.y,
            "map_x": p.x,
            "map_y": p.y,
            "outcome_label": _(label_for("outcome", p.outcome)),
            "industry_label": _(label_for("industry", p.industry)),
            "rank": rank.get(p.id, 0),
        }
        for p in result.points
    ]
    columns = ["id", "title", "x", "y", "map_x", "map_y", "outcome_label", "industry_label"]
    return _spread(pd.DataFrame(rows, columns=[*columns, "rank"]))


def _axis(title: str, _: Translate) -> alt.Axis:
    return alt.Axis(title=_(title), values=[0, 0.5, 1], format=".1f", grid=False)


def _quarters(_: Translate) -> list[alt.Chart]:
    """Dashed lines at 0.5, and the framework's name for each quarter above and below it."""
    rules = pd.DataFrame({"at": [0.5]})
    layers = [
        alt.Chart(rules).mark_rule(strokeDash=[4, 4], color=NEUTRAL).encode(x="at:Q"),
        alt.Chart(rules).mark_rule(strokeDash=[4, 4], color=NEUTRAL).encode(y="at:Q"),
    ]
    for x, align in ((0.0, "left"), (1.0, "right")):
        stage = Stage.DIGITALIZATION if x else Stage.INFORMATIZATION
        for y, mode in ((LABEL_Y[1], Mode.INTERNET_PLUS), (LABEL_Y[0], Mode.PLUS_INTERNET)):
            name = f"{_(mode.label)} · {_(stage.label)}"
            spot = pd.DataFrame({"x": [x], "y": [y], "name": [name]})
            text = alt.Chart(spot).mark_text(align=align, color=INK, opacity=0.75, fontSize=12)
            layers.append(text.encode(x="x:Q", y="y:Q", text="name:N"))
    return layers


def position_map(result: Result, _: Translate = str, lang: str = "en") -> alt.LayerChart:
    """The cases by outcome, the nearest ringed and numbered, the organisation a diamond."""
    frame = _case_frame(result, _, lang)
    x = alt.X("map_x:Q", scale=alt.Scale(domain=X_DOMAIN, nice=False), axis=_axis(X_TITLE, _))
    y = alt.Y("map_y:Q", scale=alt.Scale(domain=Y_DOMAIN, nice=False), axis=_axis(Y_TITLE, _))
    colour = alt.Color(
        "outcome_label:N",
        title=_("Outcome"),
        scale=alt.Scale(
            domain=[_(name) for name in OUTCOME_LABELS],
            range=[OUTCOME_COLORS[v] for v in OUTCOME_ORDER],
        ),
        legend=alt.Legend(orient="bottom"),
    )
    tooltip = [
        alt.Tooltip("title:N", title=_("Case")),
        alt.Tooltip("outcome_label:N", title=_("Outcome")),
        alt.Tooltip("industry_label:N", title=_("Industry")),
    ]
    cases = alt.Chart(frame).mark_circle(size=110, opacity=0.9)
    layers = [*_quarters(_), cases.encode(x=x, y=y, color=colour, tooltip=tooltip)]
    near = frame[frame["rank"] > 0]
    ring = alt.Chart(near).mark_point(shape="circle", size=360, strokeWidth=2, color=INK)
    number = alt.Chart(near).mark_text(dx=-14, dy=-10, fontWeight="bold", color=INK)
    if not near.empty:  # an empty layer is an unlabelled graphic to a screen reader
        layers += [ring.encode(x=x, y=y, tooltip=tooltip), number.encode(x=x, y=y, text="rank:Q")]
    if result.point is not None:
        you = pd.DataFrame({"map_x": [result.point[0]], "map_y": [result.point[1]]})
        you["label"] = _("Your organisation")
        marker = alt.Chart(you).mark_point(
            shape="diamond", size=520, filled=True, color=YOU_COLOR, opacity=1, stroke=INK
        )
        label = alt.Chart(you).mark_text(
            align="left", dx=16, fontWeight="bold", color=INK, fontSize=13
        )
        layers += [marker.encode(x=x, y=y), label.encode(x=x, y=y, text="label:N")]
    return readable(alt.layer(*layers, height=MAP_HEIGHT))
