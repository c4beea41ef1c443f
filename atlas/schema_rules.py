"""Rules across the fields of a case or a tour, which no single field type can check: a
metric naming a source the case does not list, an [s:id] marker naming no source, a
Chinese list that does not run parallel to the English one. Each rule gives the location
of the field it is about, so the loader can place the problem on its line.
"""

from __future__ import annotations

from atlas.citations import cited_ids
from atlas.schema import Case, Tour
from atlas.vocabulary import Evidence

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
