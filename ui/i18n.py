"""The session's language and its `_` for the pages and components."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.facets import label_for
from atlas.i18n import SOURCE_LANGUAGE, sort_key, translator

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


def title_sort_key(table: pd.DataFrame) -> pd.Series:
    """The titles as the interface shows them, as a key that sorts them for its language:
    in Chinese by their pinyin (as Chinese readers expect), else case-insensitively."""
    lang = current_language()
    shown = [localized(t, z) for t, z in zip(table["title"], table["title_zh"], strict=True)]
    return pd.Series([sort_key(t, lang) for t in shown], index=table.index, dtype=object)
