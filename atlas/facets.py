"""The facet registry: the one list of what a case can be filtered by.

Each facet names the case field it reads, the vocabulary of its values, its URL
parameter, its label and how the selection sentence names it. The table's columns, the
filters and their URL parameters, the facet counts, the filter panel, the selection
sentence, the CSV export, the command line's options, the synthetic library and the
case page's facts panel all derive from this list, in this order (the UI shows the first
three always). To add a facet: a vocabulary in atlas/vocabulary/, the field in
atlas/schema.py, and one line here (CONTRIBUTING.md, "Add a facet").
"""

from __future__ import annotations

from dataclasses import dataclass

from atlas.i18n import N_
from atlas.vocabulary import (
    ConnectionType,
    Evidence,
    Idea,
    Industry,
    Mode,
    Outcome,
    Ownership,
    Region,
    SourceKind,
    Stage,
    Technology,
    Term,
    Thinking,
)


@dataclass(frozen=True)
class Facet:
    name: str  # the table column, and the key everywhere else
    param: str  # the URL query parameter and the command line's --option
    title: str  # the UI label (translated where shown)
    noun: str  # how the selection sentence names it ("" for industry: it reads alone)
    vocabulary: type[Term]
    path: str  # where a case holds it, e.g. "outcome.status"
    multi_valued: bool = False  # a case may have several values (OR within a facet)

    def values_of(self, case: object) -> tuple[str, ...]:
        """The facet's values in a case (a model or its plain data), as strings."""
        value = case
        for part in self.path.split("."):
            value = value.get(part) if isinstance(value, dict) else getattr(value, part)
        items = value if self.multi_valued else (value,)
        return tuple(str(getattr(v, "value", v)) for v in items)


FACETS: tuple[Facet, ...] = (
    Facet("industry", "industry", N_("Industry"), "", Industry, "industry"),
    Facet(
        "connection_types",
        "connection",
        N_("Connection type"),
        N_("connection"),
        ConnectionType,
        "connection_types",
        multi_valued=True,
    ),
    Facet("outcome", "outcome", N_("Outcome"), N_("outcome"), Outcome, "outcome.status"),
    Facet("mode", "mode", N_("Mode"), N_("mode"), Mode, "mode"),
    Facet("thinking", "thinking", N_("Thinking"), N_("thinking"), Thinking, "thinking"),
    Facet("stage", "stage", N_("Stage"), N_("stage"), Stage, "stage"),
    Facet("region", "region", N_("Region"), N_("region"), Region, "region"),
    Facet("ownership", "ownership", N_("Ownership"), N_("ownership"), Ownership, "ownership"),
    Facet(
        "technologies",
        "tech",
        N_("Technology"),
        N_("technology"),
        Technology,
        "technologies",
        multi_valued=True,
    ),
    Facet("ideas", "idea", N_("Idea"), N_("idea"), Idea, "ideas", multi_valued=True),
    Facet("evidence", "evidence", N_("Evidence"), N_("evidence"), Evidence, "evidence"),
)
FACET_BY_NAME = {f.name: f for f in FACETS}
FACET_BY_PARAM = {f.param: f for f in FACETS}
SCALAR_FACETS = tuple(f.name for f in FACETS if not f.multi_valued)
LIST_FACETS = tuple(f.name for f in FACETS if f.multi_valued)

#: Every vocabulary by the field that uses it: the facets', and a source's kind.
VOCABULARIES: dict[str, type[Term]] = {f.name: f.vocabulary for f in FACETS} | {"kind": SourceKind}


def label_for(field: str, value: str) -> str:
    """The human label of a value of a vocabulary field, e.g. ('mode', 'internet_plus')."""
    vocab = VOCABULARIES.get(field)
    return vocab.label_of(value) if vocab else value


def definition_for(field: str, value: str) -> str:
    vocab = VOCABULARIES.get(field)
    try:
        return vocab(value).definition if vocab else ""
    except ValueError:
        return ""
