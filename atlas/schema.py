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

from atlas.problems import ProblemKind
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
MAX_TEXT_LENGTH = 20_000  # characters of a narrative or other long text

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        min_length=2,
        max_length=80,
        description="Lower-case words joined by hyphens, e.g. 'didi-kuaidi'.",
    ),
]


class FieldError(ValueError):
    """A value one of our validators refuses; `kind` names the class of problem."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


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
    except ValueError:
        raise FieldError(ProblemKind.BAD_DATE, f"{value!r} is not a real date") from None
    if year < MIN_YEAR:
        raise FieldError(ProblemKind.BAD_DATE, f"{value!r} is before {MIN_YEAR}")
    if date > _today():
        raise FieldError(ProblemKind.BAD_DATE, f"{value!r} is in the future")
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
        raise FieldError(ProblemKind.BAD_DATE, f"{value} is in the future")
    return value


Year = Annotated[int, Field(ge=MIN_YEAR, strict=True), AfterValidator(_check_year)]


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FieldError(ProblemKind.BAD_URL, "must be an http:// or https:// address")
    if any(c.isspace() for c in value):
        raise FieldError(ProblemKind.BAD_URL, "must not contain spaces")
    return value


WebUrl = Annotated[
    str,
    Field(max_length=2000, json_schema_extra={"pattern": r"^https?://\S+$"}),
    AfterValidator(_check_url),
]
Line = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\n]*\S[^\n]*$")]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_LENGTH)]


class Strict(BaseModel):
    """Unknown fields are errors: a typo must never vanish silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


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
    found += _citation_violations(case, known, hint)
    found += _translation_violations(case)
    return found


def _citation_violations(case: Case, known: set[str], hint: str) -> list[tuple[Loc, str, str]]:
    """Every [s:id] marker names a source of the case."""
    from atlas.citations import cited_ids

    texts: list[tuple[Loc, str | None]] = [
        (("narrative",), case.narrative),
        (("outcome", "evidence"), case.outcome.evidence),
    ]
    if case.zh:
        texts.append((("zh", "narrative"), case.zh.narrative))
        if case.zh.outcome:
            texts.append((("zh", "outcome", "evidence"), case.zh.outcome.evidence))
    found = []
    for loc, text in texts:
        for ref in dict.fromkeys(cited_ids(text or "")):
            if ref not in known:
                found.append((loc, f"the marker [s:{ref}] names no source of this case", hint))
    return found


def _translation_violations(case: Case) -> list[tuple[Loc, str, str]]:
    """Translated lists run parallel to the English ones: same length, same order."""
    zh = case.zh
    if zh is None:
        return []
    pairs: list[tuple[Loc, list | None, list]] = [
        (("zh", "lessons"), zh.lessons, case.lessons),
        (("zh", "organisations"), zh.organisations, case.organisations),
        (("zh", "countries"), zh.countries, case.countries),
        (("zh", "metrics"), zh.metrics, case.metrics),
        (("zh", "timeline"), zh.timeline, case.timeline),
    ]
    if zh.connections is not None:
        pairs.append(
            (("zh", "connections", "before"), zh.connections.before, case.connections.before)
        )
        pairs.append((("zh", "connections", "after"), zh.connections.after, case.connections.after))
    return [
        (loc, f"has {len(ours)} entries where the English has {len(theirs)}", _PARALLEL)
        for loc, ours, theirs in pairs
        if ours is not None and len(ours) != len(theirs)
    ]


_PARALLEL = "translate every entry, in the same order as the English list"


def tour_rule_violations(tour: Tour) -> list[tuple[Loc, str, str]]:
    points = tour.zh.talking_points if tour.zh else None
    if points is not None and len(points) != len(tour.stops):
        message = f"has {len(points)} talking points for {len(tour.stops)} stops"
        return [(("zh", "talking_points"), message, _PARALLEL)]
    return []


def tidy_id(text: str) -> str:
    """A slug from free text, e.g. for `atlas new "Didi Kuaidi"`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
