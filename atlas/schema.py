"""The case file schema: one set of pydantic models, the single source of truth.

The loader validates against these models, the UI takes its labels from the
vocabularies they use, and `atlas schema` writes their JSON Schema for editors.
Rules that span several fields (a metric naming a source the case does not list)
live in `case_rule_violations`, so each problem can point at the exact field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

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

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
MIN_YEAR = 1800

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        min_length=2,
        max_length=80,
        description="Lower-case words joined by hyphens, e.g. 'didi-kuaidi'.",
    ),
]


def _today() -> dt.date:
    return dt.date.today()


def _coerce_date(value: Any) -> Any:
    """YAML reads 2015-07-04 as a date and 2015 as an int: accept both as text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _check_partial_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    year, month, day = ([*parts, 1, 1])[:3]
    try:
        date = dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    if year < MIN_YEAR:
        raise ValueError(f"{value!r} is before {MIN_YEAR}")
    if date > _today():
        raise ValueError(f"{value!r} is in the future")
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_coerce_date),
    Field(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_check_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
                {"type": "integer", "minimum": MIN_YEAR},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD; not in the future.",
        }
    ),
]


def _check_year(value: int) -> int:
    if value > _today().year:
        raise ValueError(f"{value} is in the future")
    return value


Year = Annotated[int, Field(ge=MIN_YEAR, strict=True), AfterValidator(_check_year)]


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an http:// or https:// address")
    if any(c.isspace() for c in value):
        raise ValueError("must not contain spaces")
    return value


WebUrl = Annotated[
    str,
    Field(max_length=2000, json_schema_extra={"pattern": r"^https?://\S+$"}),
    AfterValidator(_check_url),
]
Line = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\n]*\S[^\n]*$")]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]


class Strict(BaseModel):
    """Unknown fields are errors: a typo must never vanish silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Source(Strict):
    id: Slug = Field(description="Short key that metrics, events and the outcome cite.")
    title: Line
    publisher: Line
    date: PartialDate = Field(description="Publication date.")
    url: WebUrl
    kind: SourceKind = Field(description="What sort of source this is.")


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
    evidence: Text = Field(description="Why this outcome: what the sources report.")
    sources: list[Slug] = Field(default_factory=list, description="Ids of the sources.")


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


class Translation(Strict):
    """Optional Simplified Chinese text, shown when the interface is in Chinese."""

    title: Line | None = None
    summary: Line | None = None
    narrative: Text | None = None
    lessons: list[Line] | None = None


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
    zh: Translation | None = Field(default=None, description="Simplified Chinese text.")

    @property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}


class TourStop(Strict):
    case: Slug
    talking_point: Line


class Tour(Strict):
    """An ordered path through the library for a presentation."""

    id: Slug
    title: Line
    description: Line
    stops: list[TourStop] = Field(min_length=1, max_length=60)


Loc = tuple[str | int, ...]


def case_rule_violations(case: Case) -> list[tuple[Loc, str, str]]:
    """Rules across fields, as (location, message, hint) for the loader to place on lines."""
    found: list[tuple[Loc, str, str]] = []
    known = set(case.source_by_id)
    hint = f"cite one of: {', '.join(sorted(known))}" if known else "add it under 'sources'"
    documented = case.evidence is Evidence.DOCUMENTED

    seen: set[str] = set()
    for i, s in enumerate(case.sources):
        if s.id in seen:
            found.append((("sources", i, "id"), f"source id {s.id!r} is used twice", ""))
        seen.add(s.id)
    if documented and len(case.sources) < 2:
        found.append(
            (
                ("sources",),
                f"a documented case needs at least 2 sources, found {len(case.sources)}",
                "cite public sources, or set evidence: illustrative for a made-up example",
            )
        )
    refs: list[tuple[Loc, str | None]] = [
        (("metrics", i, "source"), m.source) for i, m in enumerate(case.metrics)
    ]
    refs += [(("timeline", i, "source"), e.source) for i, e in enumerate(case.timeline)]
    refs += [(("outcome", "sources", i), s) for i, s in enumerate(case.outcome.sources)]
    for loc, ref in refs:
        if ref is None:
            if documented:
                found.append((loc, "every dated event of a documented case names its source", hint))
        elif ref not in known:
            found.append((loc, f"{ref!r} is not the id of a source of this case", hint))
    if documented and not case.outcome.sources:
        found.append((("outcome", "sources"), "name the sources of the outcome", hint))
    y = case.years
    if y.end is not None and y.end < y.start:
        found.append((("years", "end"), f"ends ({y.end}) before it starts ({y.start})", ""))
    if case.id in case.related:
        found.append((("related",), "a case cannot be related to itself", ""))
    return found


def tidy_id(text: str) -> str:
    """A slug from free text, e.g. for `atlas new "Didi Kuaidi"`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
