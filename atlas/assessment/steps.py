"""Next steps: framework words, each with the nearest case that shows it and its lesson."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from atlas.assessment.questions import MAX_QUESTION_STEPS, QUESTIONS, Answers, X, Y
from atlas.assessment.scoring import CasePoint, quadrant
from atlas.i18n import N_, Translate
from atlas.vocabulary import Idea, Mode, Outcome, Stage

# --- next steps -------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    title: str  # framework words
    text: str  # framework words
    case_id: str | None = None
    case_title: str | None = None
    lesson: str | None = None  # the case's own words, in English ...
    case_title_zh: str | None = None  # ... and in Chinese, when the case has them
    lesson_zh: str | None = None


_STOP = frozenset(("with", "that", "from", "into", "their", "than", "more"))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4 and w not in _STOP}


def best_lesson(lessons: Sequence[str], framework_words: str) -> str | None:
    """The lesson sharing the most words with the framework text; the earlier on a tie."""
    wanted = _words(framework_words)
    scored = [(-len(wanted & _words(lesson)), i) for i, lesson in enumerate(lessons)]
    return lessons[min(scored)[1]] if scored else None


# A step's framework words (title, text) in the language of a translate function
Words = Callable[[Translate], tuple[str, str]]


def _step(words: Words, case: CasePoint | None, _: Translate) -> Step:
    """The step in `_`'s language; its lesson is chosen by the English words, so it is the
    same lesson in every language."""
    title, text = words(_)
    if case is None:
        return Step(title, text)
    lesson = best_lesson(case.lessons, " ".join(words(str)))
    zh = case.lesson_zh(lesson) if lesson else None
    return Step(title, text, case.id, case.title, lesson, case.title_zh, zh)


def _closest(points: Sequence[CasePoint], ok, used: set[str]) -> CasePoint | None:
    """The nearest case that passes `ok`: unused cases first, then non-failures."""
    found = [p for p in points if p.distance is not None and ok(p)]
    found.sort(key=lambda p: (p.id in used, p.outcome == Outcome.FAILURE, p.distance, p.id))
    return found[0] if found else None


def weaker_axis(point: tuple[float, float]) -> str:
    """X (digitalization) or Y (Internet+); a tie counts as digitalization."""
    return X if point[0] <= point[1] else Y


def weakest_questions(answers: Answers, axis: str) -> list[int]:
    """Indexes of answered questions below their top option, weakest first."""
    low = [
        (axis not in q.axes, q.score(a), i)
        for i, (q, a) in enumerate(zip(QUESTIONS, answers, strict=True))
        if a is not None and q.score(a) < 1
    ]
    return [i for *_, i in sorted(low)][:MAX_QUESTION_STEPS]


FAILURE_CLOSE = N_("A failure close to you")
# The framework idea that moves a case along each axis.
AXIS_TERMS = {
    X: (Stage.DIGITALIZATION, Idea.INFORMATIZATION_TO_DIGITALIZATION),
    Y: (Mode.INTERNET_PLUS, Idea.CONNECTION_REDESIGN),
}


def _axis_step(
    point: tuple[float, float], points: Sequence[CasePoint], _: Translate
) -> Step | None:
    if min(point) >= 1:
        return None  # already at the top of both axes
    axis = weaker_axis(point)
    term, idea = AXIS_TERMS[axis]
    i = 0 if axis == X else 1
    ahead = _closest(
        points, lambda p: (p.x, p.y)[i] > point[i] and f"ideas={idea}" in p.terms, set()
    )

    def words(_: Translate) -> tuple[str, str]:
        title = _("Your weaker axis: {term}").format(term=_(term.label))
        return title, _(term.definition)

    return _step(words, ahead, _)


def next_steps(
    answers: Answers,
    point: tuple[float, float],
    points: Sequence[CasePoint],
    nearest: Sequence[CasePoint],
    _: Translate = str,
) -> list[Step]:
    """Steps in framework words (translated with `_`), each with a case lesson where a case
    fits (see the top)."""
    steps = [s for s in [_axis_step(point, points, _)] if s]
    used = {s.case_id for s in steps if s.case_id}

    def add(words: Words, example: CasePoint | None) -> None:
        steps.append(_step(words, example, _))
        if example:
            used.add(example.id)

    for i in weakest_questions(answers, weaker_axis(point)):
        q = QUESTIONS[i]
        tag = f"{q.term_field}={q.term}"
        example = _closest(points, lambda p, t=tag: t in p.terms, used)
        add(lambda _, q=q: (q.term_label(_), q.term_definition(_)), example)
    if quadrant(point) == (Mode.INTERNET_PLUS, Stage.DIGITALIZATION):
        bubble = Idea.SUBSIDY_AND_BUBBLE
        tag = f"ideas={bubble}"
        example = _closest(points, lambda p: tag in p.terms, used)
        add(lambda _: (_(bubble.label), _(bubble.definition)), example)
    failed = [p for p in nearest if p.outcome == Outcome.FAILURE and p.id not in used]
    if failed:
        add(lambda _: (_(FAILURE_CLOSE), _(Outcome.FAILURE.definition)), failed[0])
    return steps
