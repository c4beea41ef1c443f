"""The whole result of an assessment: the point, the nearest cases and the next steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from atlas.assessment.questions import Answers, X, Y
from atlas.assessment.scoring import (
    CasePoint,
    axis_score,
    case_points,
    nearest_cases,
    organisation_point,
)
from atlas.assessment.steps import Step, next_steps
from atlas.i18n import Translate
from atlas.schema import Case

# --- the whole result -------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    answers: Answers
    industry: str | None
    x: float | None
    y: float | None
    points: tuple[CasePoint, ...]
    nearest: tuple[CasePoint, ...]
    steps: tuple[Step, ...]

    @property
    def answered(self) -> int:
        return sum(a is not None for a in self.answers)

    @property
    def point(self) -> tuple[float, float] | None:
        return None if self.x is None or self.y is None else (self.x, self.y)


def assess(
    answers: Answers,
    cases: Sequence[Case | CasePoint],
    industry: str | None = None,
    _: Translate = str,
) -> Result:
    """The organisation's place, the cases' places, the nearest cases and the next steps,
    whose framework words are translated with `_` (English by default). The cases may come
    already placed (`placed_cases`): the app places a library's cases once."""
    point = organisation_point(answers)
    points = case_points(cases, point)
    if point is None:
        nearest, steps = [], []
    else:
        nearest = nearest_cases(points, industry)
        steps = next_steps(answers, point, points, nearest, _)
    x, y = axis_score(answers, X), axis_score(answers, Y)
    return Result(answers, industry, x, y, tuple(points), tuple(nearest), tuple(steps))
