"""Tours as data: build one from a selection, write it as YAML, read an uploaded one back.

A tour file written here is the same format as the curated tours in cases/tours/, so a
downloaded tour can be committed, or uploaded to the app again, unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml
from pydantic import ValidationError

from atlas.problems import Problem, ProblemKind, field_name
from atlas.schema import Case, Tour, TourStop
from atlas.schema_fields import tidy_id
from atlas.validation_messages import explain_error
from atlas.yaml_source import MAX_FILE_BYTES, YamlFileError, parse_yaml, too_large

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/tour.schema.json"


MAX_STOPS = next(
    m.max_length for m in Tour.model_fields["stops"].metadata if hasattr(m, "max_length")
)


def tour_from_cases(
    cases: Sequence[Case], title: str, description: str, points: dict[str, str] | None = None
) -> Tour:
    """An ad-hoc tour: one stop per case, in order; a case's summary is the default point."""
    points = points or {}
    stops = [
        TourStop(case=c.id, talking_point=" ".join((points.get(c.id) or c.summary).split()))
        for c in cases
    ]
    title = " ".join(title.split()) or "My tour"
    return Tour(
        id=tidy_id(title)[:80].strip("-") or "my-tour",
        title=title,
        description=" ".join(description.split()) or f"{len(stops)} cases.",
        stops=stops,
    )


def tour_to_yaml(tour: Tour) -> str:
    """The tour as a file for cases/tours/, starting with its schema line."""
    data = tour.model_dump(mode="json")
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"{SCHEMA_LINE}\n{body}"


def tour_from_upload(name: str, raw: bytes, known_cases: set[str]) -> tuple[Tour | None, list]:
    """Read an uploaded tour file; (tour, problems). Unknown case ids are problems too."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [too_large(len(raw)).problem(name)]
    try:
        doc = parse_yaml(raw)
    except YamlFileError as exc:
        return None, [exc.problem(name)]
    try:
        tour = Tour.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            kind, message, hint = explain_error(err)
            problems.append(
                Problem(name, doc.line_of(loc), field_name(loc), message, hint, kind=kind)
            )
        return None, problems
    missing = [
        Problem(
            name,
            doc.line_of(("stops", i, "case")),
            f"stops[{i}].case",
            f"no case has the id {stop.case!r} in this library",
            kind=ProblemKind.UNKNOWN_REFERENCE,
        )
        for i, stop in enumerate(tour.stops)
        if stop.case not in known_cases
    ]
    return tour, missing


# --- the order of a tour being built (the Tours page) ---------------------------------------


def moved(order: Sequence[str], item: str, position: int) -> list[str]:
    """`order` with `item` at `position` (from 1, kept within the list), the rest shifted:
    typing 1 against the third stop makes it the first, and the first the second."""
    rest = [i for i in order if i != item]
    if item not in order:
        return list(order)
    index = max(0, min(position - 1, len(rest)))
    return [*rest[:index], item, *rest[index:]]


def nudged(
    order: Sequence[str], item: str, step: int, among: Sequence[str] | None = None
) -> list[str]:
    """`order` with `item` moved `step` places (-1 up, 1 down) among the stops `among`
    (those shown; the others keep their places): it trades places with that neighbour."""
    seq = [i for i in order if among is None or i in among or i == item]
    if item not in seq or not 0 <= seq.index(item) + step < len(seq):
        return list(order)
    neighbour = seq[seq.index(item) + step]
    out = list(order)
    a, b = out.index(item), out.index(neighbour)
    out[a], out[b] = out[b], out[a]
    return out


def merged_order(order: Sequence[str], ids: Sequence[str]) -> list[str]:
    """The order for a new selection `ids`: the cases already placed keep their order, and
    the new ones follow in the selection's order."""
    kept = set(ids)
    placed = [i for i in order if i in kept]
    return placed + [i for i in ids if i not in set(placed)]
