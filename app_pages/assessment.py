"""Where do we stand? (?a=ANSWERS&sector=INDUSTRY): a self-assessment on the cases' map.

The URL is the state, as on Compare: the answers are read from it on every run and the
widgets follow; a changed answer rewrites it. Nothing is stored on the server. The
scoring lives in atlas/assessment/. The page speaks the session's language (each
language has its own widgets, filled from the URL); the Markdown download stays English.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from atlas import assessment as asm
from atlas.facets import label_for
from atlas.i18n import N_, SOURCE_LANGUAGE, Translate, translator
from atlas.loader import Library
from atlas.vocabulary import Industry
from components import assessment_view as view
from ui import pages, params
from ui.context import context
from ui.i18n import _, current_language

CASE_PAGE = pages.path("case")
ANSWERS, SECTOR = params.PARAMS[asm.ANSWERS_PARAM], params.PARAMS[asm.INDUSTRY_PARAM]


# --- the widgets and the URL (ui/params.py keeps the answers and the industry) ----------


# The cases' places depend on the library only: placed once per library, not per answer
# (every case built and placed took 1-2 s a run at 10,000 cases). Keyed by the library's
# id, which stays its own while the entry holds the library.
@st.cache_resource(max_entries=2, show_spinner=False)
def _placed_in(key: int, _library: Library) -> tuple[Library, tuple[asm.CasePoint, ...]]:
    return _library, asm.placed_cases(_library.cases)


def placed(library: Library) -> tuple[asm.CasePoint, ...]:
    return _placed_in(id(library), library)[1]


def widget_keys() -> list[str]:
    """The questions' keys, then the industry's. Their option labels change with the
    language, so each language has its own widgets."""
    lang = current_language()
    return [f"assess_{q.key}_{lang}" for q in asm.QUESTIONS] + [f"assess_sector_{lang}"]


def _on_change() -> None:
    *answers, industry = (st.session_state.get(k) for k in widget_keys())
    st.session_state[ANSWERS.key] = tuple(answers)
    st.session_state[SECTOR.key] = industry


def _start_over() -> None:
    st.session_state[ANSWERS.key] = asm.NO_ANSWERS
    st.session_state[SECTOR.key] = None
    _to_widgets()


def _to_widgets() -> None:
    """The widgets show the answers the session holds (which the URL gave or the user set)."""
    values = [*ANSWERS.value(), SECTOR.value()]
    for key, value in zip(widget_keys(), values, strict=True):
        if st.session_state.get(key) != value or key not in st.session_state:
            st.session_state[key] = value


def share_link(query: dict[str, str]) -> str:
    """The page's address with the answers (and the interface language, if one is set)."""
    base = st.context.url or ""
    if query and "lang" in st.query_params:
        query = query | {"lang": st.query_params["lang"]}
    return f"{base}?{urlencode(query)}" if query else base


# --- the page ---------------------------------------------------------------------------


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
_to_widgets()
answers, industry = ANSWERS.value(), SECTOR.value()
st.title(_("Where do we stand?"))
st.caption(
    _(
        "Answer the questions to place your organisation on the map of the library's cases: "
        "from informatization to digitalization, and from “+Internet” to “Internet+”. "
        "Your answers live only in this page's address."
    )
)
points = placed(ctx.library)
result = asm.assess(answers, points, industry, _)
# the Markdown export is in English, whatever the interface's language
in_english = current_language() == SOURCE_LANGUAGE
export = result if in_english else asm.assess(answers, points, industry)
ask, show = st.columns([1, 1], gap="large")
with ask:
    industry_pick()
    questions()
    share(result, export)
with show:
    view.position(result)
    if result.point is not None:
        view.nearest_list(result)
        view.steps(result)
if result.nearest:
    view.lessons(result)
