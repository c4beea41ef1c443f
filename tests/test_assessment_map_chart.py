"""The assessment's map (atlas/assessment/map_chart.py): cases that share a point fanned out."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from atlas import assessment as asm
from atlas.assessment.map_chart import SPREAD, _spread, position_map
from atlas.loader import load_library
from tests.conftest import ROOT


def frame(points: list[tuple[str, float, float]]) -> pd.DataFrame:
    rows = [{"id": i, "x": x, "y": y, "map_x": x, "map_y": y} for i, x, y in points]
    return pd.DataFrame(rows)


def test_cases_on_one_point_are_fanned_out_on_a_circle_in_id_order():
    out = _spread(frame([("c", 0.5, 0.5), ("a", 0.5, 0.5), ("lone", 0.2, 0.8), ("b", 0.5, 0.5)]))
    placed = {row.id: (row.map_x, row.map_y) for row in out.itertuples()}
    assert placed["lone"] == (0.2, 0.8)  # alone on its point: where it is
    for k, case_id in enumerate(["a", "b", "c"]):
        angle = 2 * math.pi * k / 3
        expected = (0.5 + SPREAD * math.cos(angle), 0.5 + SPREAD * math.sin(angle))
        assert placed[case_id] == pytest.approx(expected, abs=1e-12)
    assert list(out["id"]) == ["a", "b", "c", "lone"]
    assert list(out["x"]) == [0.5, 0.5, 0.5, 0.2]  # the true point is kept beside


def _spread_row_by_row(frame: pd.DataFrame) -> pd.DataFrame:
    """The definition, a group and a row at a time."""
    out = frame.sort_values("id").copy()
    for _point, group in out.groupby(["x", "y"]):
        n = len(group)
        if n < 2:
            continue
        for k, idx in enumerate(group.index):
            angle = 2 * math.pi * k / n
            out.loc[idx, "map_x"] = group.at[idx, "x"] + SPREAD * math.cos(angle)
            out.loc[idx, "map_y"] = group.at[idx, "y"] + SPREAD * math.sin(angle)
    return out


def test_the_real_library_s_map_fans_out_as_the_definition_does():
    cases = load_library(ROOT / "cases").cases
    answers = tuple(1 for _ in asm.QUESTIONS)
    result = asm.assess(answers, cases)
    rows = [{"id": p.id, "x": p.x, "y": p.y, "map_x": p.x, "map_y": p.y} for p in result.points]
    shared = pd.DataFrame(rows)
    assert shared.duplicated(["x", "y"]).any()  # the library has cases on one point
    pd.testing.assert_frame_equal(_spread(shared), _spread_row_by_row(shared), atol=1e-12)
    layers = position_map(result).to_dict()["layer"]
    assert len(layers) == 11  # quarters (2 rules, 4 names), cases, rings, numbers, you (2)
