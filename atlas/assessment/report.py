"""The result as a Markdown file, in English like the app's other exports."""

from __future__ import annotations

from atlas.assessment.questions import QUESTIONS, X_TITLE, Y_TITLE
from atlas.assessment.result import Result
from atlas.assessment.scoring import quadrant
from atlas.vocabulary import Industry, Outcome

# --- Markdown export --------------------------------------------------------------------


def _inert(text: str) -> str:
    """Case text on one line with no HTML: a stray newline could start a heading."""
    return " ".join(str(text).split()).replace("<", "&lt;")


def _position_lines(result: Result) -> list[str]:
    point = result.point
    if point is None:
        return ["Not placed yet: answer at least one question on each axis.", ""]
    mode, stage = quadrant(point)
    return [
        f"- {X_TITLE}: {point[0]:.2f}",
        f"- {Y_TITLE}: {point[1]:.2f}",
        f"- Quarter of the map: {mode.label} · {stage.label}",
        "",
        f"{mode.label}: {mode.definition} {stage.label}: {stage.definition}",
        "",
    ]


def _answer_lines(result: Result) -> list[str]:
    lines = []
    for n, (q, a) in enumerate(zip(QUESTIONS, result.answers, strict=True), start=1):
        lines.append(f"{n}. {q.text} — {'(not answered)' if a is None else q.options[a]}")
    return [*lines, ""]


def _nearest_lines(result: Result) -> list[str]:
    lines = []
    for p in result.nearest:
        facts = f"{Outcome.label_of(p.outcome)} · {Industry.label_of(p.industry)}"
        lines += [f"### {_inert(p.title)}", "", f"*{facts} · distance {p.distance:.2f}*", ""]
        lines += [*(f"- {_inert(lesson)}" for lesson in p.lessons), ""]
    return lines


def _step_lines(result: Result) -> list[str]:
    lines = []
    for n, s in enumerate(result.steps, start=1):
        lines.append(f"{n}. **{s.title}.** {s.text}")
        if s.case_title and s.lesson:
            lines.append(f"   From *{_inert(s.case_title)}*: “{_inert(s.lesson)}”")
    return [*lines, ""]


def to_markdown(result: Result, link: str | None = None) -> str:
    """The result as a Markdown document to keep or send: nothing of it stays on the server.

    In English, like the app's other exports: pass a result assessed without a translate
    function, or its steps come out in the interface's language amid English text.
    """
    intro = (
        f"A self-assessment with Transformation Atlas: {result.answered} of "
        f"{len(QUESTIONS)} questions answered."
    )
    if result.industry:
        intro += f" Preferred industry: {Industry.label_of(result.industry)}."
    lines = ["# Where do we stand?", "", intro, ""]
    if link:
        lines += [f"Link to this result: <{link.replace('>', '%3E')}>", ""]
    lines += ["## Position", "", *_position_lines(result)]
    lines += ["## Answers", "", *_answer_lines(result)]
    if result.nearest:
        lines += ["## Nearest cases", "", *_nearest_lines(result)]
    if result.steps:
        lines += ["## Next steps", "", *_step_lines(result)]
    lines += ["## How the map is scored", "", *(f"- {s}" for s in SCORING_SUMMARY)]
    return "\n".join(lines).rstrip("\n") + "\n"


SCORING_SUMMARY = (
    "Each answer scores 0 (first option) to 1 (last option) on the axes its question is "
    "about; your position is the mean per axis.",
    "A case's stage and mode decide its half of each axis; markers in its ideas, "
    "connections, thinking and technologies place it within that half.",
    "Nearest cases are by straight-line distance on the map; next steps quote only the "
    "framework and the cases' own lessons.",
)
