"""Every URL parameter of the app, with the session-state key it stands for.

Shared groups (on every page): the language and the selection. Page parameters: one
`Param` each; ui/pages.py says which page owns which. ui/url_state.py keeps them in step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import streamlit as st

from atlas import url_params as up
from atlas.ask_filters import with_understood
from atlas.assessment import (
    ANSWERS_PARAM,
    INDUSTRY_PARAM,
    NO_ANSWERS,
    decode_answers,
    decode_industry,
    encode_answers,
)
from atlas.compare import MAX_CASES
from atlas.facets import FACETS
from atlas.filters import SEARCH_PARAM, YEAR_FROM_PARAM, YEAR_TO_PARAM, from_query, to_query
from atlas.i18n import N_
from atlas.queries import SORTS, VIEWS
from atlas.tour_link import decode_tour, encode_tour
from ui import filter_state, language, picked_state, url_state
from ui.i18n import _
from ui.pages import PageSpec
from ui.tour_store import all_tours
from ui.url_state import Group, Query, normalise

SELECTION = "selection"  # present=selection plays the current selection
PICKED_PARAM = "ids"
MAX_PICKED = 60  # as many as a tour holds


class FilterGroup:
    """The selection: facet values, the search words and the years."""

    name = "filters"
    names = frozenset({f.param for f in FACETS} | {SEARCH_PARAM, YEAR_FROM_PARAM, YEAR_TO_PARAM})

    def adopt(self, part: Query, ctx: Any) -> list[str]:
        filters, notices = from_query(part, _)
        if filters.text:  # q= is read as typed words are: what it names becomes filters
            filters, _matches = with_understood(replace(filters, text=""), filters.text)
        filter_state.set_filters(filters, ctx.year_bounds)
        return notices

    def dump(self, ctx: Any) -> Query:
        return normalise(to_query(filter_state.current_filters(ctx.year_bounds)))


class LanguageGroup:
    name = "lang"
    names = frozenset({language.PARAM})

    def adopt(self, part: Query, ctx: Any) -> list[str]:
        notice = language.adopt(up.last(part, language.PARAM))
        return [notice] if notice else []

    def dump(self, ctx: Any) -> Query:
        value = language.url_value()
        return {language.PARAM: [value]} if value else {}


class PickedGroup:
    """The ticked cases: ids=a,b,c (ui/picked_state.py)."""

    name = "picked"
    names = frozenset({PICKED_PARAM})

    def adopt(self, part: Query, ctx: Any) -> list[str]:
        raw = up.last(part, PICKED_PARAM)
        if raw is None:
            picked_state.set_picked([])
            return []
        ids, notices = up.id_list(PICKED_PARAM, lambda: _case_ids(ctx), MAX_PICKED)(raw, _)
        picked_state.set_picked(ids)
        return notices

    def dump(self, ctx: Any) -> Query:
        ids = picked_state.picked()
        return {PICKED_PARAM: [",".join(ids)]} if ids else {}


@dataclass(frozen=True)
class Param:
    """One page parameter: its session-state key, its default, and how to read its text."""

    name: str
    key: str
    default: Any
    read: Callable[[str, Any], tuple[Any, list[str]]]  # (URL text, ctx) -> value, notices
    write: Callable[[Any], str] = str
    joined: bool = False  # a list: `compare=a,b` and `compare=a&compare=b` say the same

    @property
    def names(self) -> frozenset[str]:
        return frozenset({self.name})

    def adopt(self, part: Query, ctx: Any) -> list[str]:
        joined = ",".join(part.get(self.name, [])) or None
        raw = joined if self.joined else up.last(part, self.name)
        value, notices = (self.default, []) if raw is None else self.read(raw, ctx)
        st.session_state[self.key] = value
        return notices

    def value(self) -> Any:
        return st.session_state.get(self.key, self.default)

    def dump(self, ctx: Any) -> Query:
        value = self.value()
        if value is None or value == self.default:
            return {}
        text = self.write(value)
        return {self.name: [text]} if text else {}


def _single(parser: up.Parser) -> Callable[[str, Any], tuple[Any, list[str]]]:
    def read(raw: str, ctx: Any) -> tuple[Any, list[str]]:
        value, notice = parser(raw, _)
        return value, [notice] if notice else []

    return read


def _case_ids(ctx: Any) -> set[str]:
    return set(ctx.table["id"])


def _case(raw: str, ctx: Any) -> tuple[str | None, list[str]]:
    value, notice = up.known_id("case", lambda: _case_ids(ctx), N_("case"))(raw, _)
    return value, [notice] if notice else []


def _compare(raw: str, ctx: Any) -> tuple[list[str], list[str]]:
    ids, notices = up.id_list("compare", lambda: _case_ids(ctx), MAX_CASES)(raw, _)
    return list(ids), notices


def _present(raw: str, ctx: Any) -> tuple[str, list[str]]:
    known = {SELECTION, *all_tours(ctx.library)}
    value, notice = up.known_id("present", lambda: known, N_("tour"))(raw, _)
    return (value or SELECTION), [notice] if notice else []


def _tour(raw: str, ctx: Any) -> tuple[Any, list[str]]:
    return decode_tour(raw, _case_ids(ctx), _)


def _answers(raw: str, ctx: Any) -> tuple[tuple, list[str]]:
    return decode_answers({ANSWERS_PARAM: raw}, _)


def _sector(raw: str, ctx: Any) -> tuple[str | None, list[str]]:
    return decode_industry({INDUSTRY_PARAM: raw}, _)


def _on_off(value: bool) -> str:
    return "1" if value else "0"


PARAMS: dict[str, Param] = {
    p.name: p
    for p in (
        Param("view", "explore_view", "cards", _single(up.choice("view", VIEWS, "cards"))),
        Param("sort", "explore_sort", "title", _single(up.choice("sort", list(SORTS), "title"))),
        Param("p", "explore_page", 1, _single(up.positive_int("p"))),
        Param(
            "case",
            "case_pick",
            None,
            lambda raw, ctx: _single(up.known_id("case", lambda: _case_ids(ctx), N_("case")))(
                raw, ctx
            ),
        ),
        Param("compare", "compare_pick", [], _compare, ",".join, joined=True),
        Param("present", "present_show", SELECTION, _present),
        Param("tour", "present_tour", None, _tour, encode_tour),  # the whole tour: atlas/tour_link
        Param("slide", "present_slide", 1, _single(up.positive_int("slide"))),
        Param(  # the audience sees no notes; notes=1 shows them, to rehearse on one screen
            "notes",
            "present_notes",
            False,
            _single(up.flag("notes", False)),
            lambda v: "1" if v else "0",
        ),
        Param("room", "present_room", None, _single(up.token("room"))),
        Param(
            "speaker",
            "present_speaker",
            False,
            _single(up.flag("speaker", False)),
            lambda v: "1" if v else "0",
        ),
        Param(ANSWERS_PARAM, "assess_answers", NO_ANSWERS, _answers, encode_answers),
        Param(INDUSTRY_PARAM, "assess_sector", None, _sector),
    )
}


class ShowGroup:
    """What Present plays: present=ID, a tour of the library or of this session, or
    present=selection (the default); or tour=CODE, a tour the link carries whole, which
    wins. One group, so a link that names either replaces what was played before."""

    name = "show"
    names = frozenset({"present", "tour"})

    def adopt(self, part: Query, ctx: Any) -> list[str]:
        notices = PARAMS["tour"].adopt(part, ctx)
        if PARAMS["tour"].value() is None:  # no tour in the link, or one that cannot be used
            return notices + PARAMS["present"].adopt(part, ctx)
        st.session_state[PARAMS["present"].key] = SELECTION
        return notices

    def dump(self, ctx: Any) -> Query:
        if PARAMS["tour"].value() is not None:
            return PARAMS["tour"].dump(ctx)
        return PARAMS["present"].dump(ctx)


FILTERS, LANGUAGE, PICKED, SHOW = FilterGroup(), LanguageGroup(), PickedGroup(), ShowGroup()
SHARED = (LANGUAGE, FILTERS, PICKED)  # kept on every page
GROUPED: dict[str, Group] = {name: SHOW for name in SHOW.names}  # page parameters kept together


def groups_for(page: PageSpec) -> list[Group]:
    """What `url_state.sync` keeps on this page: the shared groups and the page's own."""
    own: list[Group] = []
    for name in page.params:
        group = GROUPED.get(name, PARAMS[name])
        if all(g is not group for g in own):
            own.append(group)
    return [*SHARED, *own]


def value(name: str) -> Any:
    """A page parameter's current value (its default when unset)."""
    return PARAMS[name].value()


def link(**page_params: str) -> dict[str, list[str] | str]:
    """Query parameters for a link to another page: the shared state (the selection, the
    language) and that page's own, so the link is complete when opened anywhere."""
    shared: dict[str, list[str] | str] = {}  # the shared groups' parts as this run wrote them
    for group in SHARED:
        shared |= url_state.memo(group.name) or {}
    return shared | page_params
