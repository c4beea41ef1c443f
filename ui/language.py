"""The interface language: from ?lang=, else the browser's language; kept in the URL
(by ui/url_state.py) only when it differs from the browser's."""

from __future__ import annotations

import streamlit as st

from atlas.i18n import LANGUAGES, SOURCE_LANGUAGE, choose_language
from ui.i18n import LANG_KEY

PARAM, PICK_KEY = "lang", "lang_pick"


def browser_language() -> str:
    return choose_language(None, st.context.locale)[0]


def adopt(param: str | None) -> str | None:
    """Set the session's language from the URL's value (None: the browser's); a notice
    when the URL names a language the app does not have."""
    lang, notice = choose_language(param, st.context.locale)
    st.session_state[LANG_KEY] = lang
    st.session_state[PICK_KEY] = lang
    return notice


def early() -> None:
    """Before anything is drawn (the navigation's titles need it): the session's language.
    The URL's language is taken when it came from outside; a URL the app wrote itself, or
    one the navigation emptied, leaves the language as the session has it (the switch may
    just have changed it)."""
    from ui import url_state

    param = st.query_params.get(PARAM)
    part = {PARAM: [param]} if param is not None else {}
    if LANG_KEY in st.session_state and (not part or part == url_state.memo("lang")):
        st.session_state[PICK_KEY] = st.session_state[LANG_KEY]
        return
    adopt(param)


def url_value() -> str | None:
    """What the URL says: nothing for English in an English browser; any other language is
    in the URL, so a shared link opens in the language it was copied in."""
    lang = st.session_state.get(LANG_KEY, SOURCE_LANGUAGE)
    return None if lang == SOURCE_LANGUAGE == browser_language() else lang


def _on_switch() -> None:
    st.session_state[LANG_KEY] = st.session_state[PICK_KEY] or SOURCE_LANGUAGE


def language_switch() -> None:
    st.segmented_control(
        "Language / 语言",
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        key=PICK_KEY,
        on_change=_on_switch,
        required=True,
    )
