"""Where the organisation and each case sit on the map, and which cases are nearest."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from atlas.assessment.questions import (
    INDUSTRY_BONUS,
    MAX_NEAREST,
    MIN_NEAREST,
    QUESTIONS,
    TIE_MARGIN,
    Answers,
    X,
    Y,
)
from atlas.schema import Case
from atlas.vocabulary import ConnectionType, Idea, Mode, Stage, Thinking

# --- the organisation's point -----------------------------------------------------------


def axis_score(answers: Answers, axis: str) -> float | None:
    """The mean score of the answered questions on `axis`, or None if none is answered."""
    scores = [
        q.score(a)
        for q, a in zip(QUESTIONS, answers, strict=True)
        if a is not None and axis in q.axes
    ]
    return sum(scores) / len(scores) if scores else None


def organisation_point(answers: Answers) -> tuple[float, float] | None:
    x, y = axis_score(answers, X), axis_score(answers, Y)
    return None if x is None or y is None else (x, y)


# --- a case's point ---------------------------------------------------------------------

X_IDEAS = frozenset({Idea.INFORMATIZATION_TO_DIGITALIZATION, Idea.HARDWARE_AS_SERVICE})
X_CONNECTIONS = frozenset(
    {
        ConnectionType.DEVICE_CLOUD,
        ConnectionType.ENTERPRISE_SUPPLY_CHAIN,
        ConnectionType.ENTERPRISE_EMPLOYEE,
    }
)
DATA_TECHNOLOGIES = frozenset({"big_data", "ai"})
Y_IDEAS = frozenset(
    {
        Idea.CONNECTION_REDESIGN,
        Idea.USER_THINKING,
        Idea.PLATFORM_ECOSYSTEM,
        Idea.SIMPLE_PRODUCT_COMPLEX_MODEL,
    }
)
X_HALF, X_STEP, X_MAX_MARKERS = 0.5, 0.125, 4
Y_HALF, Y_STEP, Y_MAX_MARKERS = 0.5, 0.1, 5


def x_markers(case: Case) -> int:
    found = len(X_IDEAS.intersection(case.ideas))
    found += len(X_CONNECTIONS.intersection(case.connection_types))
    return found + bool(DATA_TECHNOLOGIES.intersection(t.value for t in case.technologies))


def y_markers(case: Case) -> int:
    found = int(case.thinking is Thinking.USER) + len(Y_IDEAS.intersection(case.ideas))
    return found + int(len(set(case.connection_types)) >= 2)


def place_case(case: Case) -> tuple[float, float]:
    """The case on the map, from its stage, mode, thinking, ideas, connections, technologies."""
    x = X_HALF * (case.stage is Stage.DIGITALIZATION)
    x += X_STEP * min(x_markers(case), X_MAX_MARKERS)
    y = Y_HALF * (case.mode is Mode.INTERNET_PLUS)
    y += Y_STEP * min(y_markers(case), Y_MAX_MARKERS)
    return round(x, 6), round(y, 6)


TERM_FIELDS = ("mode", "stage", "thinking", "ideas", "connection_types", "technologies")


def case_terms(case: Case) -> frozenset[str]:
    """The case's framework fields as "field=value" tags, e.g. "ideas=connection_redesign"."""
    tags = set()
    for field in TERM_FIELDS:
        held = getattr(case, field)
        values = held if isinstance(held, list) else [held]
        tags.update(f"{field}={v}" for v in values)
    return frozenset(tags)


@dataclass(frozen=True)
class CasePoint:
    id: str
    title: str
    industry: str
    outcome: str
    x: float
    y: float
    distance: float | None  # from the organisation, when it is placed
    lessons: tuple[str, ...]
    terms: frozenset[str]  # "field=value" of its framework fields, e.g. "mode=internet_plus"
    title_zh: str | None = None  # the case's own Chinese text, when it has it
    lessons_zh: tuple[str, ...] = ()

    def lesson_zh(self, lesson: str) -> str | None:
        """The Chinese of one of its lessons, when its Chinese lessons match one for one."""
        if len(self.lessons_zh) != len(self.lessons) or lesson not in self.lessons:
            return None
        return self.lessons_zh[self.lessons.index(lesson)]


def placed_cases(cases: Iterable[Case | CasePoint]) -> tuple[CasePoint, ...]:
    """Every case on the map, without a distance: all the organisation's answers leave as
    is (the app places a library's cases once). A point already placed is kept."""
    return tuple(c if isinstance(c, CasePoint) else _placed(c) for c in cases)


def _placed(case: Case) -> CasePoint:
    x, y = place_case(case)
    return CasePoint(
        case.id,
        case.title,
        case.industry.value,
        case.outcome.status.value,
        x,
        y,
        None,
        tuple(case.lessons),
        case_terms(case),
        case.zh.title if case.zh else None,
        tuple(case.zh.lessons or ()) if case.zh else (),
    )


def case_points(
    cases: Iterable[Case | CasePoint], org: tuple[float, float] | None
) -> list[CasePoint]:
    """The cases on the map, each with its distance from the organisation when it is placed."""
    placed = placed_cases(cases)
    if org is None:
        return [replace(p, distance=None) for p in placed]
    return [replace(p, distance=round(math.dist(org, (p.x, p.y)), 9)) for p in placed]


def nearest_cases(points: Sequence[CasePoint], industry: str | None = None) -> list[CasePoint]:
    """The 3 nearest placed cases, and up to 2 more within TIE_MARGIN of the third."""
    placed = [p for p in points if p.distance is not None]

    def rank(p: CasePoint) -> tuple[float, str]:
        bonus = INDUSTRY_BONUS if industry and p.industry == industry else 0.0
        return round(p.distance - bonus, 9), p.id

    ranked = sorted(placed, key=rank)
    if len(ranked) <= MIN_NEAREST:
        return ranked
    limit = rank(ranked[MIN_NEAREST - 1])[0] + TIE_MARGIN
    extra = [p for p in ranked[MIN_NEAREST:MAX_NEAREST] if rank(p)[0] <= limit]
    return ranked[:MIN_NEAREST] + extra


def quadrant(point: tuple[float, float]) -> tuple[Mode, Stage]:
    """The framework's words for a point: the mode and the stage of its quarter."""
    mode = Mode.INTERNET_PLUS if point[1] >= 0.5 else Mode.PLUS_INTERNET
    stage = Stage.DIGITALIZATION if point[0] >= 0.5 else Stage.INFORMATIZATION
    return mode, stage
