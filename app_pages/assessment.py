"""Where do we stand? (?a=ANSWERS&sector=INDUSTRY): a self-assessment on the cases' map.

The URL is the state, as on Compare: the answers are read from it on every run and the
widgets follow; a changed answer rewrites it. Nothing is stored on the server. The
scoring lives in atlas/assessment.py. The page speaks the session's language (each
language has its own widgets, filled from the URL); the Markdown download stays English.
"""

from __future__ import annotations

import math
from urllib.parse import urlencode

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from atlas import assessment as asm
from atlas.charts import INK, NEUTRAL, OUTCOME_COLORS, OUTCOME_LABELS, OUTCOME_ORDER
from atlas.facets import label_for
from atlas.i18n import N_, SOURCE_LANGUAGE, Translate, translator
from atlas.text_safety import md_escape
from atlas.vocabulary import Industry, Mode, Stage
from components.case_card import outcome_badge
from ui.context import context
from ui.i18n import _, current_language, label, localized

# What this page last put in the URL: moving between pages drops query parameters.
MEMO = "_assess_query"
PARAMS = (asm.ANSWERS_PARAM, asm.INDUSTRY_PARAM)
YOU_COLOR = "#CC79A7"  # Okabe-Ito reddish purple: no outcome has it
SPREAD = 0.015  # cases on the same point are fanned out this far, for the map only
# Room beyond 0 and 1 for the fanned-out dots, and on y for the quarters' names.
X_DOMAIN, Y_DOMAIN, LABEL_Y = (-0.04, 1.04), (-0.13, 1.13), (-0.09, 1.09)
MAP_HEIGHT = 460
CASE_PAGE = "app_pages/case.py"


# --- the URL and the widgets ------------------------------------------------------------


def widget_keys() -> list[str]:
    """The questions' keys, then the industry's. Their option labels change with the
    language, so each language has its own widgets; the URL gives them their values."""
    lang = current_language()
    return [f"assess_{q.key}_{lang}" for q in asm.QUESTIONS] + [f"assess_sector_{lang}"]


def _url_part() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in PARAMS if k in st.query_params}


def _write_url(query: dict[str, str]) -> None:
    for key in PARAMS:
        if key not in query:
            st.query_params.pop(key, None)
    st.query_params.update(query)
    st.session_state[MEMO] = query


def _on_change() -> None:
    *answers, industry = (st.session_state.get(k) for k in widget_keys())
    _write_url(asm.to_query(tuple(answers), industry))


def _start_over() -> None:
    for key in widget_keys():
        st.session_state[key] = None
    _write_url({})


def read_state() -> tuple[asm.Answers, str | None, list[str]]:
    """Answers and industry from the URL (or from before a page switch), and notices."""
    params = _url_part()
    if not params and st.session_state.get(MEMO):
        params = dict(st.session_state[MEMO])
        st.query_params.update(params)
    answers, notices = asm.decode_answers(params, _)
    industry, more = asm.decode_industry(params, _)
    notices += more
    clean = asm.to_query(answers, industry)
    if notices:
        _write_url(clean)  # the junk leaves the URL; the notices say what was dropped
    st.session_state[MEMO] = clean
    for key, answer in zip(widget_keys(), [*answers, industry], strict=True):
        if st.session_state.get(key) != answer or key not in st.session_state:
            st.session_state[key] = answer  # the URL leads
    return answers, industry, notices


def share_link(query: dict[str, str]) -> str:
    """The page's address with the answers (and the interface language, if one is set)."""
    base = st.context.url or ""
    if query and "lang" in st.query_params:
        query = query | {"lang": st.query_params["lang"]}
    return f"{base}?{urlencode(query)}" if query else base


# --- the map ----------------------------------------------------------------------------


def _spread(frame: pd.DataFrame) -> pd.DataFrame:
    """Fan out cases that share a point, in id order, so each one can be hovered."""
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


def _case_frame(result: asm.Result) -> pd.DataFrame:
    rank = {p.id: n for n, p in enumerate(result.nearest, start=1)}
    rows = [
        {
            "id": p.id,
            "title": localized(p.title, p.title_zh),
            "x": p.x,
            "y": p.y,
            "map_x": p.x,
            "map_y": p.y,
            "outcome_label": label("outcome", p.outcome),
            "industry_label": label("industry", p.industry),
            "rank": rank.get(p.id, 0),
        }
        for p in result.points
    ]
    columns = ["id", "title", "x", "y", "map_x", "map_y", "outcome_label", "industry_label"]
    return _spread(pd.DataFrame(rows, columns=[*columns, "rank"]))


def _axis(title: str) -> alt.Axis:
    return alt.Axis(title=_(title), values=[0, 0.5, 1], format=".1f", grid=False)


def _quarters() -> list[alt.Chart]:
    """Dashed lines at 0.5, and the framework's name for each quarter above and below it."""
    rules = pd.DataFrame({"at": [0.5]})
    layers = [
        alt.Chart(rules).mark_rule(strokeDash=[4, 4], color=NEUTRAL).encode(x="at:Q"),
        alt.Chart(rules).mark_rule(strokeDash=[4, 4], color=NEUTRAL).encode(y="at:Q"),
    ]
    for x, align in ((0.0, "left"), (1.0, "right")):
        stage = Stage.DIGITALIZATION if x else Stage.INFORMATIZATION
        for y, mode in ((LABEL_Y[1], Mode.INTERNET_PLUS), (LABEL_Y[0], Mode.PLUS_INTERNET)):
            name = f"{label('mode', mode)} · {label('stage', stage)}"
            spot = pd.DataFrame({"x": [x], "y": [y], "name": [name]})
            text = alt.Chart(spot).mark_text(align=align, color=INK, opacity=0.6, fontSize=11)
            layers.append(text.encode(x="x:Q", y="y:Q", text="name:N"))
    return layers


def position_map(result: asm.Result) -> alt.LayerChart:
    """The cases by outcome, the nearest ringed and numbered, the organisation a diamond."""
    frame = _case_frame(result)
    x = alt.X("map_x:Q", scale=alt.Scale(domain=X_DOMAIN, nice=False), axis=_axis(asm.X_TITLE))
    y = alt.Y("map_y:Q", scale=alt.Scale(domain=Y_DOMAIN, nice=False), axis=_axis(asm.Y_TITLE))
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
    layers = [*_quarters(), cases.encode(x=x, y=y, color=colour, tooltip=tooltip)]
    near = frame[frame["rank"] > 0]
    ring = alt.Chart(near).mark_point(shape="circle", size=360, strokeWidth=2, color=INK)
    number = alt.Chart(near).mark_text(dx=-14, dy=-10, fontWeight="bold", color=INK)
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
    return alt.layer(*layers, height=MAP_HEIGHT)


# --- the page ---------------------------------------------------------------------------


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


def this_language() -> Translate:
    """`_` fixed to this run's language, for format functions: AppTest also calls them
    between runs, outside the script, where the session's language cannot be read."""
    return translator(current_language())


def industry_pick() -> None:
    say = this_language()
    st.selectbox(
        _("Your industry (optional)"),
        Industry.values(),
        index=None,
        format_func=lambda value: say(label_for("industry", value)),
        key=widget_keys()[-1],
        on_change=_on_change,
        placeholder=_("Any industry"),
        help=_("Cases of this industry count as {bonus} closer on the map.").format(
            bonus=f"{asm.INDUSTRY_BONUS:.2f}"
        ),
    )


def questions() -> None:
    st.subheader(_("{n} questions").format(n=len(asm.QUESTIONS)), anchor=False)
    st.caption(
        _("Pick the answer closest to your organisation; the ? explains the idea behind it.")
    )
    say = this_language()
    for n, (q, key) in enumerate(zip(asm.QUESTIONS, widget_keys()[:-1], strict=True), start=1):
        st.radio(
            f"**{n}. {_(q.text)}**",
            range(len(q.options)),
            index=None,
            format_func=lambda i, q=q: say(q.options[i]),
            key=key,
            help=q.help(_),
            on_change=_on_change,
        )


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
    st.altair_chart(position_map(result), width="stretch")
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


EXPORT_NOTE = N_("The Markdown file is in English, like the app's other exports.")


def share(result: asm.Result, export: asm.Result) -> None:
    """The link and the Markdown download (`export`: the result in English)."""
    st.subheader(_("Share or keep the result"), anchor=False)
    query = asm.to_query(result.answers, result.industry)
    link = share_link(query)
    st.caption(_("This link brings back these answers. Nothing is stored on the server."))
    st.code(link if query else _("(answer a question first)"), language=None, wrap_lines=True)
    english = current_language() == SOURCE_LANGUAGE
    with st.container(horizontal=True):
        st.download_button(
            _("Download as Markdown"),
            asm.to_markdown(export, link if link.startswith("http") else None),
            file_name="where-do-we-stand.md",
            mime="text/markdown",
            icon=":material/download:",
            on_click="ignore",
            help=None if english else _(EXPORT_NOTE),
        )
        st.button(_("Start over"), icon=":material/restart_alt:", on_click=_start_over)


ctx = context()
answers, industry, notices = read_state()
st.title(_("Where do we stand?"))
st.caption(
    _(
        "Answer the questions to place your organisation on the map of the library's cases: "
        "from informatization to digitalization, and from “+Internet” to “Internet+”. "
        "Your answers live only in this page's address."
    )
)
for notice in notices:
    st.warning(md_escape(notice), icon=":material/link_off:")

result = asm.assess(answers, ctx.library.cases, industry, _)
# the Markdown export is in English, whatever the interface's language
in_english = current_language() == SOURCE_LANGUAGE
export = result if in_english else asm.assess(answers, ctx.library.cases, industry)
ask, show = st.columns([1, 1], gap="large")
with ask:
    industry_pick()
    questions()
    share(result, export)
with show:
    position(result)
    if result.point is not None:
        nearest_list(result)
        steps(result)
if result.nearest:
    lessons(result)
