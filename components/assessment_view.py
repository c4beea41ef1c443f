"""The result of "Where do we stand?": the map and position, the nearest cases, their
lessons and the next steps. Functions of the result that draw."""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from atlas import assessment as asm
from atlas.assessment.map_chart import position_map
from atlas.i18n import N_
from atlas.text_safety import md_escape
from atlas.vocabulary import Mode, Stage
from components.case_card import outcome_badge
from ui import pages
from ui.i18n import _, current_language, label, localized

CASE_PAGE = pages.path("case")


def case_link(case_id: str) -> None:
    try:
        st.page_link(
            CASE_PAGE,
            label=_("Open case"),
            query_params={"case": case_id},
            icon=":material/arrow_forward:",
        )
    except StreamlitPageNotFoundError:  # the page runs on its own, outside the app's frame
        st.caption(_("Case id: {id}").format(id=md_escape(case_id)))


def case_lessons(p: asm.CasePoint) -> tuple[str, ...]:
    """The case's own Chinese lessons in Chinese, when it has them."""
    return p.lessons_zh if p.lessons_zh and current_language() == "zh" else p.lessons


AXIS_NAMES = {asm.X: N_("digitalization"), asm.Y: N_("Internet+")}
UNPLACED = (
    N_(
        "{answered} of {total} questions answered. Your organisation appears on the map once "
        "both axes have an answer: question {numbers} scores {axes}."
    ),
    N_(
        "{answered} of {total} questions answered. Your organisation appears on the map once "
        "both axes have an answer: questions {numbers} score {axes}."
    ),
)


def unplaced_hint(result: asm.Result) -> str:
    """Which questions would place the organisation, in words."""
    missing = [a for a, v in ((asm.X, result.x), (asm.Y, result.y)) if v is None]
    numbers = [str(n) for n, q in enumerate(asm.QUESTIONS, start=1) if set(missing) <= set(q.axes)]
    names = [_(AXIS_NAMES[a]) for a in missing]
    axes = (
        _("{first} and {second}").format(first=names[0], second=names[1]) if names[1:] else names[0]
    )
    return _(UNPLACED[len(numbers) != 1]).format(
        answered=result.answered, total=len(asm.QUESTIONS), numbers=", ".join(numbers), axes=axes
    )


def quarter_text(result: asm.Result, point: tuple[float, float]) -> str:
    """The quarter of the map the organisation is in, with the framework's definitions."""
    mode, stage = asm.quadrant(point)
    quarter = f"{label('mode', mode)} · {label('stage', stage)}"
    where = _("You are in the **{quarter}** quarter ({answered} of {total} questions answered).")
    lines = [where.format(quarter=quarter, answered=result.answered, total=len(asm.QUESTIONS))]
    said = _("{label}: {definition}")
    lines += [
        said.format(label=f"*{_(t.label)}*", definition=_(t.definition)) for t in (mode, stage)
    ]
    return "  \n".join(lines)


def position(result: asm.Result) -> None:
    st.subheader(_("Your position"), anchor=False)
    st.altair_chart(position_map(result, _, current_language()), width="stretch")
    st.caption(
        _(
            "Each dot is a case of the library, coloured by its outcome and placed from its "
            "stage, mode, ideas and connections (cases on the same spot are fanned out a "
            "little). Numbered rings mark the cases nearest to you."
        )
    )
    point = result.point
    if point is None:
        st.info(unplaced_hint(result), icon=":material/explore:")
        return
    left, right = st.columns(2)
    left.metric(
        label("stage", Stage.DIGITALIZATION),
        f"{point[0]:.2f}",
        help=_("From informatization (0) to 1."),
    )
    right.metric(
        label("mode", Mode.INTERNET_PLUS), f"{point[1]:.2f}", help=_("From “+Internet” (0) to 1.")
    )
    st.markdown(quarter_text(result, point))


def nearest_list(result: asm.Result) -> None:
    st.subheader(_("Nearest cases"), anchor=False)
    if result.industry:
        st.caption(
            _(
                "Cases in {industry} count as {bonus} closer. Their lessons are further down."
            ).format(industry=label("industry", result.industry), bonus=f"{asm.INDUSTRY_BONUS:.2f}")
        )
    else:
        st.caption(_("By distance on the map. Their lessons are further down."))
    if not result.nearest:
        st.info(_("The library has no cases to compare with yet."), icon=":material/inventory_2:")
    for n, p in enumerate(result.nearest, start=1):
        distance = _("distance {distance}").format(distance=f"{p.distance:.2f}")
        facts = f"{label('industry', p.industry)} · {distance}"
        title = localized(p.title, p.title_zh)
        st.markdown(f"**{n}. {md_escape(title)}**  \n:gray[{md_escape(facts)}]")
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            outcome_badge(p.outcome)
            case_link(p.id)


def lessons(result: asm.Result) -> None:
    st.subheader(_("What the nearest cases teach"), anchor=False)
    per_row = 3
    for start in range(0, len(result.nearest), per_row):
        row = list(enumerate(result.nearest, start=1))[start : start + per_row]
        for col, (n, p) in zip(st.columns(per_row), row, strict=False):
            with col.container(border=True, height="stretch"):
                st.markdown(f"**{n}. {md_escape(localized(p.title, p.title_zh))}**")
                outcome_badge(p.outcome)
                st.markdown("\n".join(f"- {md_escape(lesson)}" for lesson in case_lessons(p)))
                case_link(p.id)


def steps(result: asm.Result) -> None:
    st.subheader(_("Next steps"), anchor=False)
    st.caption(_("In the framework's words, each with a lesson from a case of the library."))
    for n, s in enumerate(result.steps, start=1):
        st.markdown(f"**{n}. {md_escape(s.title)}**  \n{md_escape(s.text)}")
        if s.case_id and s.lesson:
            lesson = localized(s.lesson, s.lesson_zh)
            case_title = localized(s.case_title, s.case_title_zh)
            st.markdown(f"> {md_escape(lesson)}  \n> — *{md_escape(case_title)}*")
            case_link(s.case_id)
