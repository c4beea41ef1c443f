"""Where do we stand? (?a=ANSWERS&sector=INDUSTRY): a self-assessment on the cases' map.

The URL is the state, as on Compare: the answers are read from it on every run and the
widgets follow; a changed answer rewrites it. Nothing is stored on the server. The
scoring lives in atlas/assessment.py.
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
from atlas.text_safety import md_escape
from atlas.vocabulary import Industry, Mode, Stage, label_for
from components.case_card import outcome_badge
from views.shared import context

KEYS = [f"assess_{q.key}" for q in asm.QUESTIONS]
SECTOR_KEY = "assess_sector"
# What this page last put in the URL: moving between pages drops query parameters.
MEMO = "_assess_query"
PARAMS = (asm.ANSWERS_PARAM, asm.INDUSTRY_PARAM)
YOU_COLOR = "#CC79A7"  # Okabe-Ito reddish purple: no outcome has it
SPREAD = 0.015  # cases on the same point are fanned out this far, for the map only
# Room beyond 0 and 1 for the fanned-out dots, and on y for the quarters' names.
X_DOMAIN, Y_DOMAIN, LABEL_Y = (-0.04, 1.04), (-0.13, 1.13), (-0.09, 1.09)
MAP_HEIGHT = 460
CASE_PAGE = "views/case.py"


# --- the URL and the widgets ------------------------------------------------------------


def _url_part() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in PARAMS if k in st.query_params}


def _write_url(query: dict[str, str]) -> None:
    for key in PARAMS:
        if key not in query:
            st.query_params.pop(key, None)
    st.query_params.update(query)
    st.session_state[MEMO] = query


def _on_change() -> None:
    answers = tuple(st.session_state.get(k) for k in KEYS)
    _write_url(asm.to_query(answers, st.session_state.get(SECTOR_KEY)))


def _start_over() -> None:
    for key in [*KEYS, SECTOR_KEY]:
        st.session_state[key] = None
    _write_url({})


def read_state() -> tuple[asm.Answers, str | None, list[str]]:
    """Answers and industry from the URL (or from before a page switch), and notices."""
    params = _url_part()
    if not params and st.session_state.get(MEMO):
        params = dict(st.session_state[MEMO])
        st.query_params.update(params)
    answers, notices = asm.decode_answers(params)
    industry, more = asm.decode_industry(params)
    notices += more
    clean = asm.to_query(answers, industry)
    if notices:
        _write_url(clean)  # the junk leaves the URL; the notices say what was dropped
    st.session_state[MEMO] = clean
    for key, answer in zip([*KEYS, SECTOR_KEY], [*answers, industry], strict=True):
        if st.session_state.get(key) != answer or key not in st.session_state:
            st.session_state[key] = answer  # the URL leads
    return answers, industry, notices


def share_link(query: dict[str, str]) -> str:
    base = st.context.url or ""
    return f"{base}?{urlencode(query)}" if query else base


# --- the map ----------------------------------------------------------------------------


def _spread(frame: pd.DataFrame) -> pd.DataFrame:
    """Fan out cases that share a point, in id order, so each one can be hovered."""
    out = frame.sort_values("id").copy()
    for _, group in out.groupby(["x", "y"]):
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
            "title": p.title,
            "x": p.x,
            "y": p.y,
            "map_x": p.x,
            "map_y": p.y,
            "outcome_label": label_for("outcome", p.outcome),
            "industry_label": label_for("industry", p.industry),
            "rank": rank.get(p.id, 0),
        }
        for p in result.points
    ]
    columns = ["id", "title", "x", "y", "map_x", "map_y", "outcome_label", "industry_label"]
    return _spread(pd.DataFrame(rows, columns=[*columns, "rank"]))


def _axis(title: str) -> alt.Axis:
    return alt.Axis(title=title, values=[0, 0.5, 1], format=".1f", grid=False)


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
            spot = pd.DataFrame({"x": [x], "y": [y], "name": [f"{mode.label} · {stage.label}"]})
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
        title="Outcome",
        scale=alt.Scale(domain=OUTCOME_LABELS, range=[OUTCOME_COLORS[v] for v in OUTCOME_ORDER]),
        legend=alt.Legend(orient="bottom"),
    )
    tooltip = [
        alt.Tooltip("title:N", title="Case"),
        alt.Tooltip("outcome_label:N", title="Outcome"),
        alt.Tooltip("industry_label:N", title="Industry"),
    ]
    cases = alt.Chart(frame).mark_circle(size=110, opacity=0.9)
    layers = [*_quarters(), cases.encode(x=x, y=y, color=colour, tooltip=tooltip)]
    near = frame[frame["rank"] > 0]
    ring = alt.Chart(near).mark_point(shape="circle", size=360, strokeWidth=2, color=INK)
    number = alt.Chart(near).mark_text(dx=-14, dy=-10, fontWeight="bold", color=INK)
    layers += [ring.encode(x=x, y=y, tooltip=tooltip), number.encode(x=x, y=y, text="rank:Q")]
    if result.point is not None:
        you = pd.DataFrame({"map_x": [result.point[0]], "map_y": [result.point[1]]})
        you["label"] = "Your organisation"
        marker = alt.Chart(you).mark_point(
            shape="diamond", size=520, filled=True, color=YOU_COLOR, opacity=1, stroke=INK
        )
        label = alt.Chart(you).mark_text(
            align="left", dx=16, fontWeight="bold", color=INK, fontSize=13
        )
        layers += [marker.encode(x=x, y=y), label.encode(x=x, y=y, text="label:N")]
    return alt.layer(*layers, height=MAP_HEIGHT)


# --- the page ---------------------------------------------------------------------------


def case_link(case_id: str, label: str = "Open case") -> None:
    try:
        st.page_link(
            CASE_PAGE, label=label, query_params={"case": case_id}, icon=":material/arrow_forward:"
        )
    except StreamlitPageNotFoundError:  # the page runs on its own, outside the app's frame
        st.caption(f"Case id: {md_escape(case_id)}")


def questions() -> None:
    st.subheader(f"{len(asm.QUESTIONS)} questions", anchor=False)
    st.caption("Pick the answer closest to your organisation; the ? explains the idea behind it.")
    for n, (q, key) in enumerate(zip(asm.QUESTIONS, KEYS, strict=True), start=1):
        st.radio(
            f"**{n}. {q.text}**",
            range(len(q.options)),
            index=None,
            format_func=lambda i, q=q: q.options[i],
            key=key,
            help=q.help,
            on_change=_on_change,
        )


def position(result: asm.Result) -> None:
    st.subheader("Your position", anchor=False)
    st.altair_chart(position_map(result), width="stretch")
    st.caption(
        "Each dot is a case of the library, coloured by its outcome and placed from its "
        "stage, mode, ideas and connections (cases on the same spot are fanned out a little). "
        "Numbered rings mark the cases nearest to you."
    )
    point = result.point
    if point is None:
        missing = [t for t, v in ((asm.X_TITLE, result.x), (asm.Y_TITLE, result.y)) if v is None]
        st.info(
            f"{result.answered} of {len(asm.QUESTIONS)} questions answered. Your organisation "
            f"appears on the map once an answer scores {' and '.join(missing)}.",
            icon=":material/explore:",
        )
        return
    mode, stage = asm.quadrant(point)
    left, right = st.columns(2)
    left.metric("Digitalization", f"{point[0]:.2f}", help="From informatization (0) to 1.")
    right.metric("Internet+", f"{point[1]:.2f}", help="From “+Internet” (0) to 1.")
    st.markdown(
        f"You are in the **{mode.label} · {stage.label}** quarter "
        f"({result.answered} of {len(asm.QUESTIONS)} questions answered).  \n"
        f"*{mode.label}*: {mode.definition}  \n*{stage.label}*: {stage.definition}"
    )


def nearest_list(result: asm.Result) -> None:
    st.subheader("Nearest cases", anchor=False)
    if result.industry:
        st.caption(
            f"Cases in {label_for('industry', result.industry)} count as "
            f"{asm.INDUSTRY_BONUS:.2f} closer. Their lessons are further down."
        )
    else:
        st.caption("By distance on the map. Their lessons are further down.")
    for n, p in enumerate(result.nearest, start=1):
        facts = f"{label_for('industry', p.industry)} · distance {p.distance:.2f}"
        st.markdown(f"**{n}. {md_escape(p.title)}**  \n:gray[{md_escape(facts)}]")
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            outcome_badge(p.outcome)
            case_link(p.id)


def lessons(result: asm.Result) -> None:
    st.subheader("What the nearest cases teach", anchor=False)
    per_row = 3
    for start in range(0, len(result.nearest), per_row):
        row = list(enumerate(result.nearest, start=1))[start : start + per_row]
        for col, (n, p) in zip(st.columns(per_row), row, strict=False):
            with col.container(border=True, height="stretch"):
                st.markdown(f"**{n}. {md_escape(p.title)}**")
                outcome_badge(p.outcome)
                st.markdown("\n".join(f"- {md_escape(lesson)}" for lesson in p.lessons))
                case_link(p.id)


def steps(result: asm.Result) -> None:
    st.subheader("Next steps", anchor=False)
    st.caption("In the framework's words, each with a lesson from a case of the library.")
    for n, s in enumerate(result.steps, start=1):
        st.markdown(f"**{n}. {md_escape(s.title)}**  \n{md_escape(s.text)}")
        if s.case_id and s.lesson:
            st.markdown(f"> {md_escape(s.lesson)}  \n> — *{md_escape(s.case_title)}*")
            case_link(s.case_id)


def share(result: asm.Result) -> None:
    st.subheader("Share or keep the result", anchor=False)
    query = asm.to_query(result.answers, result.industry)
    link = share_link(query)
    st.caption("This link brings back these answers. Nothing is stored on the server.")
    st.code(link or "(answer a question first)", language=None, wrap_lines=True)
    with st.container(horizontal=True):
        st.download_button(
            "Download as Markdown",
            asm.to_markdown(result, link if link.startswith("http") else None),
            file_name="where-do-we-stand.md",
            mime="text/markdown",
            icon=":material/download:",
            on_click="ignore",
        )
        st.button("Start over", icon=":material/restart_alt:", on_click=_start_over)


ctx = context()
answers, industry, notices = read_state()
st.title("Where do we stand?")
st.caption(
    "Answer the questions to place your organisation on the map of the library's cases: "
    "from informatization to digitalization, and from “+Internet” to “Internet+”. "
    "Your answers live only in this page's address."
)
for notice in notices:
    st.warning(notice, icon=":material/link_off:")

result = asm.assess(answers, ctx.library.cases, industry)
ask, show = st.columns([1, 1], gap="large")
with ask:
    st.selectbox(
        "Your industry (optional)",
        Industry.values(),
        index=None,
        format_func=Industry.label_of,
        key=SECTOR_KEY,
        on_change=_on_change,
        placeholder="Any industry",
        help=f"Cases of this industry count as {asm.INDUSTRY_BONUS:.2f} closer on the map.",
    )
    questions()
    share(result)
with show:
    position(result)
    if result.point is not None:
        nearest_list(result)
        steps(result)
if result.nearest:
    lessons(result)
