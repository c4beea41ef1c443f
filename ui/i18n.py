"""The session's language and its `_` for the pages and components."""

from __future__ import annotations

import streamlit as st

from atlas.facets import label_for
from atlas.i18n import SOURCE_LANGUAGE, translator

LANG_KEY = "lang"


def current_language() -> str:
    return st.session_state.get(LANG_KEY, SOURCE_LANGUAGE)


def _(message: str) -> str:
    """The message in the session's language (English when no translation exists)."""
    return translator(current_language())(message)


def localized(english: str, chinese: str | None) -> str:
    """A case's own Chinese text when the interface is in Chinese and the case has it."""
    # `chinese` may be a pandas NaN (truthy!) where a case has no Chinese text
    has_chinese = isinstance(chinese, str) and chinese.strip()
    return chinese if has_chinese and current_language() == "zh" else english


def label(field: str, value: str) -> str:
    """A vocabulary value's label in the session's language."""
    return _(label_for(field, value))


def localized_list(english: list[str], zh: object, field: str) -> list[str]:
    """A case's list in Chinese (organisations, countries, lessons ...) when the interface
    is in Chinese and the case has a translation of the same length; else the English."""
    chinese = getattr(zh, field, None) if zh is not None else None
    if current_language() == "zh" and chinese and len(chinese) == len(english):
        return list(chinese)
    return list(english)
