"""Inline citations: `[s:source-id]` markers in a case's text, numbered as footnotes.

A narrative says "Didi raised 700 million USD in December 2014 [s:brecorder-2015]."; the
case page, the slide, the deck and the handout show "… 2014 [3]" with source 3 listed
below. Numbers follow the order of the case's `sources` list, so [3] is the same source
wherever it appears. Pure functions: the views decide how a footnote is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

MARKER = re.compile(r"\s?\[s:([a-z0-9]+(?:-[a-z0-9]+)*)\]")
# A sentence ends at . ! ? followed by space or the end, or at a Chinese full stop.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？；])")
# A number that states something: not a digit inside a name ("O2O", "P2P", "COVID-19").
_DIGIT = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z]-)[0-9]")


def cited_ids(text: str) -> list[str]:
    """Every source id the text cites, in order of appearance (repeats kept)."""
    return MARKER.findall(text or "")


def strip_markers(text: str) -> str:
    """The text without its markers (for search, word counts and plain exports)."""
    return MARKER.sub("", text or "")


@dataclass(frozen=True)
class Footnoted:
    """Text with its markers turned into numbers, and which numbers it used."""

    text: str
    numbers: tuple[int, ...]


def number_markers(
    text: str,
    source_ids: Iterable[str],
    render: Callable[[int, str], str] = lambda n, _id: f" [{n}]",
) -> Footnoted:
    """Replace each marker by `render(number, source id)`; unknown ids are dropped.

    `source_ids` is the case's sources in order: source 1 is the first.
    """
    numbers = {sid: i for i, sid in enumerate(source_ids, 1)}
    used: list[int] = []

    def swap(match: re.Match) -> str:
        n = numbers.get(match.group(1))
        if n is None:
            return ""
        if n not in used:
            used.append(n)
        return render(n, match.group(1))

    return Footnoted(MARKER.sub(swap, text or ""), tuple(used))


def numbered(text: str, case: object) -> str:
    """Plain text with each marker as " [n]", n the source's place in `case.sources`."""
    return number_markers(text, [s.id for s in case.sources]).text


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text or "") if s.strip()]


def uncited_figures(text: str) -> list[str]:
    """Sentences that state a number (a figure or a date) and cite no source."""
    found = []
    for sentence in sentences(text):
        plain = strip_markers(sentence)
        if _DIGIT.search(plain) and not MARKER.search(sentence):
            found.append(" ".join(plain.split()))
    return found
