"""Find a case by what a person types: its title (in either language), a company or its id.

Exact and prefix matches come first, then a word of a title that starts with the text,
then a company or id that does, then the text anywhere in one of them. Unlike a fuzzy
(subsequence) match, "Uber" never offers a case only because its title holds u, b, e
and r in that order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

import pandas as pd

_WORD = re.compile(r"\w+")


class Match(IntEnum):
    """How well a case matches, best first."""

    EXACT = 0  # a title, a company or the id is the text
    TITLE_PREFIX = 1  # a title starts with it
    TITLE_WORD = 2  # a word of a title starts with it
    NAME_PREFIX = 3  # a company or the id (or one of their words) starts with it
    CONTAINS = 4  # a title, a company or the id holds it


@dataclass(frozen=True)
class Candidate:
    id: str
    titles: tuple[str, ...]  # the case's title in each language it has
    names: tuple[str, ...] = ()  # companies and organisations


def normalise(text: str) -> str:
    """Case, full-width forms and runs of spaces do not count."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _starts_a_word(text: str, query: str) -> bool:
    return text.startswith(query) or any(
        text.startswith(query, m.start()) for m in _WORD.finditer(text)
    )


def match(query: str, candidate: Candidate) -> Match | None:
    """How `candidate` matches the (normalised) query, or None if it does not."""
    if not query:
        return None
    titles = [normalise(t) for t in candidate.titles if t]
    names = [normalise(n) for n in (*candidate.names, candidate.id) if n]
    if query in titles or query in names:
        return Match.EXACT
    if any(t.startswith(query) for t in titles):
        return Match.TITLE_PREFIX
    if any(_starts_a_word(t, query) for t in titles):
        return Match.TITLE_WORD
    if any(_starts_a_word(n, query) for n in names):
        return Match.NAME_PREFIX
    if any(query in text for text in (*titles, *names)):
        return Match.CONTAINS
    return None


def rank(query: str, candidates: Iterable[Candidate], limit: int | None = None) -> list[str]:
    """The ids of the cases that match `query`, best first; within one kind of match the
    order given (e.g. the titles' order in the interface's language). No text, no ids."""
    wanted = normalise(query)
    scored = [(m, i, c.id) for i, c in enumerate(candidates) if (m := match(wanted, c)) is not None]
    return [case_id for _, _, case_id in sorted(scored)][:limit]


def candidates(table: pd.DataFrame) -> list[Candidate]:
    """A candidate per row of the cases table (atlas.table), in the table's order."""
    return [
        Candidate(
            case_id,
            tuple(t for t in (title, title_zh) if isinstance(t, str) and t),
            tuple(orgs),
        )
        for case_id, title, title_zh, orgs in zip(
            table["id"], table["title"], table["title_zh"], table["organisations"], strict=True
        )
    ]
