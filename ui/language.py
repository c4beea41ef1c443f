"""The interface language: from ?lang=, else the browser's language; kept in the URL."""

from __future__ import annotations

import streamlit as st

from atlas.i18n import LANGUAGES, SOURCE_LANGUAGE, choose_language
from ui.i18n import LANG_KEY

PARAM, PICK_KEY = "lang", "lang_pick"


def sync_language() -> str | None:
    """Before anything is drawn: set the session's language; a notice for a bad ?lang=."""
    param = st.query_params.get(PARAM)
    if param is None and LANG_KEY in st.session_state:
        lang, notice = st.session_state[LANG_KEY], None  # navigation dropped the parameter
    else:
        lang, notice = choose_language(param, st.context.locale)
    st.session_state[LANG_KEY] = lang
    st.session_state[PICK_KEY] = lang
    write_language(lang)
    return notice


def write_language(lang: str) -> None:
    """English for an English browser needs no parameter; any other choice is in the URL,
    so a shared link opens in the language it was copied in."""
    if lang == SOURCE_LANGUAGE == _browser():
        st.query_params.pop(PARAM, None)
    else:
        st.query_params[PARAM] = lang


def _browser() -> str:
    return choose_language(None, st.context.locale)[0]


def _on_switch() -> None:
    lang = st.session_state[PICK_KEY] or SOURCE_LANGUAGE
    st.session_state[LANG_KEY] = lang
    write_language(lang)


def language_switch() -> None:
    st.segmented_control(
        "Language / 语言",
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        key=PICK_KEY,
        on_change=_on_switch,
        required=True,
    )
