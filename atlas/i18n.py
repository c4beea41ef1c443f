"""The interface's languages: English, the source language, and Simplified Chinese.

Messages are marked with `_("...")` in the views and components, and with `N_` where a
string is only declared; vocabulary labels and definitions are collected from the enums.
`scripts/messages.py` extracts them into atlas/locale/messages.pot and updates each
language's .po file; the .po is compiled in memory when first used, so no binary
catalogue is committed.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Callable
from functools import cache
from io import BytesIO
from pathlib import Path

LANGUAGES = {"en": "English", "zh": "中文"}
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

Translate = Callable[[str], str]


def N_(message: str) -> str:  # gettext's name for "mark only"
    """Mark a string for extraction where it is declared; translate it where it is shown."""
    return message


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of a language; English and unknown languages translate to themselves."""
    path = po_path(lang)
    if lang == SOURCE_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translator(lang: str) -> Translate:
    return translations(lang).gettext


def choose_language(param: str | None, browser_locale: str | None) -> tuple[str, str | None]:
    """The URL's ?lang= first, then the browser's language, then English; with a notice
    when the URL asked for a language the app does not have."""
    if param is not None:
        wanted = param.strip().lower()[:10]
        if wanted in LANGUAGES:
            return wanted, None
        fallback = _from_locale(browser_locale)
        return fallback, f"Unknown language {param[:10]!r}: using {LANGUAGES[fallback]}."
    return _from_locale(browser_locale), None


def _from_locale(locale: str | None) -> str:
    base = (locale or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else SOURCE_LANGUAGE


def sort_key(text: str, lang: str) -> str:
    """A key that sorts text as readers of the language expect: Chinese by its pinyin
    (滴滴 as "di di", between "Chongqing" and "Fitbit"), others case-insensitively."""
    if lang != "zh":
        return text.casefold()
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(text)).casefold()


# --- words the exports share: a case's years, a count of cases, a date -------------------


def years_text(start: int, end: int | None, _: Translate = str) -> str:
    """A case's span as a reader says it: '2015–2019', '2016', or 'since 2012'."""
    if end is None:
        return _("since {year}").format(year=start)
    return f"{start}" if end == start else f"{start}–{end}"


def count_text(n: int, _: Translate = str) -> str:
    """'1 case', '7 cases', in the language of `_`."""
    return (_("1 case") if n == 1 else _("{n} cases")).format(n=n)


def long_date(day: dt.date, lang: str = SOURCE_LANGUAGE) -> str:
    """'3 December 2026', or '2026年12月3日' in Chinese."""
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else f"{day.day} {day:%B %Y}"
