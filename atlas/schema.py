"""The case file schema: one set of pydantic models, the single source of truth.

The loader validates against these models, the UI takes its labels from the
vocabularies they use, and `atlas schema` writes their JSON Schema for editors.
The field types and their checks (slugs, partial dates, years, addresses) are in
`atlas.schema_fields`; rules that span several fields (a metric naming a source the
case does not list) are in `atlas.schema_rules`, so each problem can point at the
exact field.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from atlas.schema_fields import Line, PartialDate, Slug, Text, WebUrl, Year
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
    Thinking,
)


class Strict(BaseModel):
    """Unknown fields are errors: a typo must never vanish silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    # Pickled (a stored case, atlas/case_store.py) as its values and fields-set only, not
    # pydantic's dict of four entries: no such dict to build for each model when a case is
    # built from its bytes (and 4% fewer bytes for the curated cases).
    def __getstate__(self) -> Any:
        if self.__pydantic_extra__ or self.__pydantic_private__:  # never so for a Strict model
            return super().__getstate__()
        return (self.__dict__, self.__pydantic_fields_set__)

    def __setstate__(self, state: Any) -> None:
        if type(state) is not tuple:
            super().__setstate__(state)
            return
        values, given = state
        object.__setattr__(self, "__dict__", values)
        object.__setattr__(self, "__pydantic_fields_set__", given)
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(self, "__pydantic_private__", None)


class Source(Strict):
    id: Slug = Field(description="Short key that metrics, events, the outcome and [s:id] cite.")
    title: Line
    publisher: Line = Field(description="Who first published it (not a site that reprints it).")
    date: PartialDate = Field(description="Publication date.")
    url: WebUrl = Field(description="The original publisher's page.")
    archive_url: WebUrl | None = Field(
        default=None,
        description="An archived copy of `url` (e.g. web.archive.org), if that is what was read.",
    )
    kind: SourceKind = Field(description="What sort of source this is.")
    checked: PartialDate | None = Field(
        default=None,
        description="When the claims that cite this source were last checked against it.",
    )


class Connection(Strict):
    """One link in a before or after picture: who is linked to whom, through what."""

    from_: Line = Field(alias="from", description="One side of the link, e.g. 'Passenger'.")
    to: Line = Field(description="The other side, e.g. 'Taxi driver'.")
    via: Line = Field(description="Through what, e.g. 'Street hail or radio dispatch'.")
    type: ConnectionType | None = Field(default=None, description="The kind of connection.")


class Connections(Strict):
    before: list[Connection] = Field(min_length=1, max_length=12)
    after: list[Connection] = Field(min_length=1, max_length=12)


class Years(Strict):
    start: Year
    end: Year | None = Field(default=None, description="Leave out while still running.")


class OutcomeEvidence(Strict):
    status: Outcome
    as_of: Year | None = Field(default=None, description="The year this outcome was judged for.")
    rationale: Line | None = Field(
        default=None, description="One line: why this label and not another."
    )
    evidence: Text = Field(description="Why this outcome: what the sources report.")
    sources: list[Slug] = Field(default_factory=list, description="Ids of the sources.")


class FactCheck(Strict):
    """The record of a case's fact check: every dated claim and figure against its source."""

    checked: PartialDate = Field(description="The day the check was finished.")
    note: Text = Field(description="What was checked and what it changed, in a few lines.")


class TimelineEvent(Strict):
    date: PartialDate
    event: Line
    source: Slug | None = Field(default=None, description="Id of the source; required.")


class Metric(Strict):
    label: Line = Field(description="What was measured, e.g. 'Monthly active users'.")
    value: float = Field(allow_inf_nan=False, description="The number as the source states it.")
    unit: Line = Field(description="e.g. 'million users', 'USD billion', '%'.")
    year: Year
    source: Slug = Field(description="Id of the source that states this figure.")
    note: Line | None = Field(default=None, description="Scope, or 'reported' caveats.")


class ConnectionText(Strict):
    """A connection's labels in another language (its type stays the English one's)."""

    from_: Line = Field(alias="from")
    to: Line
    via: Line


class ConnectionsText(Strict):
    before: list[ConnectionText] = Field(default_factory=list, max_length=12)
    after: list[ConnectionText] = Field(default_factory=list, max_length=12)


class MetricText(Strict):
    label: Line
    unit: Line
    note: Line | None = None


class OutcomeText(Strict):
    rationale: Line | None = None
    evidence: Text | None = None


class Translation(Strict):
    """Simplified Chinese text, shown when the interface is in Chinese.

    Lists run parallel to the English ones: the n-th entry translates the n-th
    connection, figure, event, organisation or country. Proper names without a Chinese
    form stay as they are; sources are not translated.
    """

    title: Line | None = None
    summary: Line | None = None
    narrative: Text | None = None
    lessons: list[Line] | None = None
    organisations: list[Line] | None = None
    countries: list[Line] | None = None
    outcome: OutcomeText | None = None
    connections: ConnectionsText | None = None
    metrics: list[MetricText] | None = None
    timeline: list[Line] | None = None


class Case(Strict):
    """One case study: a real organisation's transformation, or a labelled teaching example."""

    id: Slug = Field(description="Equal to the file name without '.yaml'.")
    title: Annotated[str, Field(min_length=3, max_length=100, pattern=r"^[^\n]+$")]
    summary: Line = Field(description="One sentence.")
    evidence: Evidence
    organisations: list[Line] = Field(min_length=1, max_length=20)
    region: Region
    countries: list[Line] = Field(min_length=1, max_length=60)
    industry: Industry
    ownership: Ownership
    years: Years
    mode: Mode
    thinking: Thinking
    stage: Stage
    connection_types: list[ConnectionType] = Field(min_length=1, max_length=10)
    connections: Connections
    technologies: list[Technology] = Field(default_factory=list, max_length=15)
    ideas: list[Idea] = Field(default_factory=list, max_length=12)
    outcome: OutcomeEvidence
    narrative: Text = Field(description="Markdown, 100 to 250 words.")
    timeline: list[TimelineEvent] = Field(default_factory=list, max_length=60)
    metrics: list[Metric] = Field(default_factory=list, max_length=40)
    lessons: list[Line] = Field(min_length=1, max_length=6)
    sources: list[Source] = Field(default_factory=list, max_length=30)
    related: list[Slug] = Field(default_factory=list, max_length=20)
    fact_check: FactCheck | None = Field(default=None, description="The record of the check.")
    zh: Translation | None = Field(default=None, description="Simplified Chinese text.")

    @property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}


class TourStop(Strict):
    case: Slug
    talking_point: Line


class TourTranslation(Strict):
    """A tour in Simplified Chinese; talking points run parallel to the stops."""

    title: Line | None = None
    description: Line | None = None
    talking_points: list[Line] | None = None


class Tour(Strict):
    """An ordered path through the library for a presentation."""

    id: Slug
    title: Line
    description: Line
    stops: list[TourStop] = Field(min_length=1, max_length=60)
    zh: TourTranslation | None = Field(default=None, description="Simplified Chinese text.")
