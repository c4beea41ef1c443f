"""Plain-words search: "failed finance cases since 2015" as filters and search words.

`understand(text)` reads a search box's text in English or Chinese (or both) and returns
the URL query parameters it recognised (the shape `filters.from_query` takes: a facet's
parameter to its values, `from` and `to` to a year), the words it did not recognise (for
`q`), and which words were matched to what. It is a pure function: no language model, no
network, nothing remembered between calls.

What it knows comes from the vocabularies (every value's English label, its Chinese label
from the message catalogue, and the value with "_" read as a space) and from the reviewed
synonyms in atlas/ask_synonyms.yaml. The rules, in the order they apply:

1. Text in quotes ("…", “…”, 「…」, 『…』) stays text, as typed: `"Failure Labs"`.
2. Phrases, years and the phrasing's stop words ("cases", "with", 案例, 的) are found
   together and taken the longest first (of two as long, the earlier): English as whole
   words in any case, each word also as its plural; Chinese anywhere in the text. So
   "in progress" is an outcome and not the stop word "in", and 数字化转型 is a stop word
   and not the stage 数字化. A phrase right after a negator ("not", "non-", 不, 非) stays
   text: the function never guesses a negation.
3. Stop words are dropped only when something was recognised; otherwise the text is kept
   whole, as it would have been searched before.
4. What is left, split at spaces and trimmed of punctuation, is the search text.

Years and ranges ("since 2015", "2010-2015", 2015年以来) are read by atlas/ask_years.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from atlas.ask_years import year_spans
from atlas.facets import FACET_BY_PARAM, FACETS
from atlas.filters import MAX_SEARCH, SEARCH_PARAM, YEAR_FROM_PARAM, YEAR_TO_PARAM
from atlas.i18n import translator

SYNONYMS_PATH = Path(__file__).resolve().parent / "ask_synonyms.yaml"
MAX_INPUT = 1000  # characters read; the search text is cut to filters.MAX_SEARCH

_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "„": "“"}
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SEP = r"[^\w\x00]*"  # between the words of a phrase: spaces, dashes, &, punctuation
_LINK_WORDS = r"(?:to|and|with|与|和|到|对)"  # "User – driver" also reads "user to driver"
_FUNCTION_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on"}
_FUNCTION_WORDS |= {"or", "the", "to", "with"}
_BETWEEN = r"(?:in|the|a|an|any|from|of|for)"  # may stand between a negator and its phrase
_TRIM = " \t\r\n.,;:!?()[]{}<>\"'“”‘’「」『』、。，；：！？（）《》…—–-·/\\|*~"


@dataclass(frozen=True)
class Match:
    """Words of the text and what they were understood as: a facet value or a year."""

    words: str  # as typed
    param: str  # a facet's URL parameter, or "from" / "to"
    value: str  # the vocabulary value, or the year
    start: int  # where the words are in the (NFKC-normalised) text
    end: int


@dataclass(frozen=True)
class Understood:
    params: dict[str, list[str] | str]  # recognised: facet param -> values, from/to -> year
    text: str  # the words not recognised: the full-text search
    matches: tuple[Match, ...] = field(default=())

    def query(self) -> dict[str, list[str] | str]:
        """The URL query parameters, the search text as `q`."""
        return self.params | ({SEARCH_PARAM: self.text} if self.text else {})


def understand(text: str) -> Understood:
    """The filters and search words a plain-words query asks for (see the module doc)."""
    text = unicodedata.normalize("NFKC", str(text)[:MAX_INPUT])
    quoted, masked = _quoted(text)
    table = _table()
    candidates = [*_phrase_candidates(masked, table), *_year_candidates(masked)]
    candidates += _stop_candidates(masked, table.stop_words)
    accepted = sorted(_longest_first(candidates), key=lambda c: c.start)
    found = tuple(m for c in accepted for m in c.matches)
    consumed = [c for c in accepted if c.drop] if found else []
    leftover = _leftover(text, quoted, consumed)
    return Understood(_params(found), leftover[:MAX_SEARCH].strip(), found)


# --- the phrase table -------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    phrases: tuple[tuple[re.Pattern[str], str, str], ...]  # pattern, param, value
    stop_words: tuple[re.Pattern[str], ...]
    negated: tuple[re.Pattern[str], ...]  # text that ends with a negator


@cache
def synonyms() -> dict:
    """The synonym file as read (shared: do not change it)."""
    with SYNONYMS_PATH.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def phrases_of(param: str, value: str, entry: dict | None = None) -> list[str]:
    """Every phrase that names a value: its labels, the value's words, its synonyms."""
    entry = entry if entry is not None else synonyms()["facets"][param].get(value) or {}
    vocabulary = FACET_BY_PARAM[param].vocabulary
    label = vocabulary(value).label
    zh = translator("zh")(label)
    derived = [label, zh, value.replace("_", " ")]
    derived += [_without_brackets(t) for t in (label, zh)]
    dropped = {_key(t) for t in entry.get("not") or ()}
    listed = [*(entry.get("en") or ()), *(entry.get("zh") or ())]
    out: list[str] = []
    for phrase in [*derived, *listed]:
        if phrase and _key(phrase) not in dropped and phrase not in out:
            out.append(phrase)
    return out


@cache
def _table() -> _Table:
    data = synonyms()
    owner: dict[str, tuple[str, str]] = {}
    phrases = []
    seen: set[str] = set()
    for facet in FACETS:
        entries = data["facets"].get(facet.param) or {}
        for value in facet.vocabulary.values():
            for phrase in phrases_of(facet.param, value, entries.get(value) or {}):
                key = _key(phrase)
                if owner.setdefault(key, (facet.param, value)) != (facet.param, value):
                    raise ValueError(f"{phrase!r} names both {owner[key]} and {value!r}")
                if key not in seen:
                    seen.add(key)
                    phrases.append((facet.param, value, _pattern(phrase)))
    stop = [*data["stop_words"]["en"], *data["stop_words"]["zh"]]
    for facet in FACETS:
        stop += [w.casefold() for w in (facet.title, facet.noun) if w]
    negators = data["negators"]
    en = "|".join(map(re.escape, negators["en"]))
    zh = "|".join(map(re.escape, negators["zh"]))
    return _Table(
        tuple((pattern, param, value) for param, value, pattern in phrases),
        tuple(_pattern(w) for w in dict.fromkeys(stop)),
        (
            re.compile(rf"(?<![a-z0-9])(?:{en})(?:\s+{_BETWEEN})*[\s\-]*\Z", re.IGNORECASE),
            re.compile(rf"(?:{zh})\s*\Z"),
        ),
    )


def _without_brackets(text: str) -> str:
    return re.sub(r"\s*[(（][^)）]*[)）]", "", text).strip()


def _parts(phrase: str) -> list[str]:
    """A phrase's pieces: ASCII words (a leading or trailing + kept), single other
    characters (Chinese), "&", and "–" (a dash between two parties: a link)."""
    phrase = unicodedata.normalize("NFKC", phrase).casefold().replace('"', " ")
    return re.findall(r"\+?[a-z0-9]+\+?|&|\s[–—]\s|[^\W\d_a-z]|\d|\+", phrase)


def _key(phrase: str) -> str:
    return " ".join(p.strip() or "–" for p in _parts(phrase))


def _word(part: str) -> str:
    if part == "&" or part == "and":
        return "(?:&|and)"
    if part.strip() in {"–", "—"}:
        return rf"(?:{_LINK_WORDS}{_SEP})?"
    if not re.fullmatch(r"[a-z]+", part) or len(part) < 2 or part in _FUNCTION_WORDS:
        return re.escape(part)
    if re.search(r"[^aeiou]y\Z", part):
        return re.escape(part[:-1]) + "(?:y|ies)"
    return re.escape(part) + ("(?:es)?" if re.search(r"(?:s|x|z|ch|sh)\Z", part) else "s?")


def _pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a regular expression: English words whole, with their plurals; Chinese
    characters anywhere; spaces, dashes and punctuation between them optional."""
    parts = _parts(phrase)
    body = _SEP.join(_word(p) for p in parts)
    if re.match(r"\+?[a-z0-9]", parts[0]):
        body = r"(?<![a-z0-9])" + body
    if re.search(r"[a-z0-9]\+?\Z", parts[-1]):
        body += r"(?![a-z0-9])"
    return re.compile(body, re.IGNORECASE)


# --- finding ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    matches: tuple[Match, ...]  # empty: a stop word, or words that stay text (negated)
    drop: bool = True  # not kept as text (when something was recognised)


def _quoted(text: str) -> tuple[list[tuple[int, int]], str]:
    """The spans inside quotes (an open quote runs to the end), and the text with every
    quoted span, quotes included, blanked with NUL so nothing matches there."""
    spans: list[tuple[int, int]] = []
    masked = list(text)
    i = 0
    while i < len(text):
        close = _QUOTES.get(text[i])
        if close is None:
            i += 1
            continue
        end = text.find(close, i + 1)
        end = len(text) if end < 0 else end
        spans.append((i + 1, end))
        masked[i : end + 1] = "\x00" * (min(end + 1, len(text)) - i)
        i = end + 1
    return spans, "".join(masked)


def _phrase_candidates(masked: str, table: _Table) -> Iterator[_Candidate]:
    for pattern, param, value in table.phrases:
        for m in pattern.finditer(masked):
            before = masked[: m.start()]
            if any(n.search(before) for n in table.negated):
                yield _Candidate(m.start(), m.end(), (), drop=False)  # stays text
            else:
                match = Match(m.group(), param, value, m.start(), m.end())
                yield _Candidate(m.start(), m.end(), (match,))


def _stop_candidates(masked: str, stop_words: tuple[re.Pattern[str], ...]) -> Iterator[_Candidate]:
    for pattern in stop_words:
        for m in pattern.finditer(masked):
            yield _Candidate(m.start(), m.end(), ())


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    taken: set[int] = set()
    accepted = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        span = range(c.start, c.end)
        if c.end > c.start and not taken.intersection(span):
            taken.update(span)
            accepted.append(c)
    return accepted


def _leftover(text: str, quoted: list[tuple[int, int]], consumed: list[_Candidate]) -> str:
    inside = set().union(*(range(a, b) for a, b in quoted)) if quoted else set()
    gone = set().union(*(range(c.start, c.end) for c in consumed)) if consumed else set()
    words: list[str] = []
    current: list[str] = []
    for i, ch in enumerate([*text, " "]):
        quote_mark = i < len(text) and i not in inside and (ch in _QUOTES or ch in "”」』")
        if i in gone or quote_mark or (ch.isspace() and i not in inside) or i == len(text):
            if current:
                words.append("".join(current))
            current = []
            continue
        current.append(ch)
    trimmed = (w.strip(_TRIM) for w in words)
    return " ".join(w for w in trimmed if w)


def _params(found: tuple[Match, ...]) -> dict[str, list[str] | str]:
    params: dict[str, list[str] | str] = {}
    for facet in FACETS:
        values = [m.value for m in found if m.param == facet.param]
        if values:
            params[facet.param] = list(dict.fromkeys(values))
    years = {m.param: int(m.value) for m in found if m.param in (YEAR_FROM_PARAM, YEAR_TO_PARAM)}
    lo, hi = years.get(YEAR_FROM_PARAM), years.get(YEAR_TO_PARAM)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    if lo is not None:
        params[YEAR_FROM_PARAM] = str(lo)
    if hi is not None:
        params[YEAR_TO_PARAM] = str(hi)
    return params


def _year_candidates(masked: str) -> Iterator[_Candidate]:
    for start, end, lo, hi in year_spans(masked):
        words = masked[start:end]
        found = tuple(
            Match(words, param, str(year), start, end)
            for param, year in ((YEAR_FROM_PARAM, lo), (YEAR_TO_PARAM, hi))
            if year is not None
        )
        yield _Candidate(start, end, found)
