"""Two to four cases side by side on the same fields, with the differences marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from atlas.schema import Case, Connection

MIN_CASES, MAX_CASES = 2, 4


@dataclass(frozen=True)
class Row:
    field: str
    values: tuple[str, ...]

    @property
    def differs(self) -> bool:
        return len(set(self.values)) > 1


def _links(connections: Sequence[Connection]) -> str:
    return "\n".join(f"{c.from_} — {c.to} ({c.via})" for c in connections)


def _metrics(case: Case) -> str:
    return "\n".join(f"{m.label}: {m.value:,.10g} {m.unit} ({m.year})" for m in case.metrics[:4])


FIELDS: list[tuple[str, Callable[[Case], str]]] = [
    ("Mode", lambda c: c.mode.label),
    ("Thinking", lambda c: c.thinking.label),
    ("Stage", lambda c: c.stage.label),
    ("Outcome", lambda c: c.outcome.status.label),
    ("Industry", lambda c: c.industry.label),
    ("Region", lambda c: c.region.label),
    ("Ownership", lambda c: c.ownership.label),
    ("Years", lambda c: f"{c.years.start}–{c.years.end or ''}"),
    ("Connection types", lambda c: ", ".join(t.label for t in c.connection_types)),
    ("Connections before", lambda c: _links(c.connections.before)),
    ("Connections after", lambda c: _links(c.connections.after)),
    ("Key figures", _metrics),
    ("Lessons", lambda c: "\n".join(c.lessons)),
]


def compare_rows(cases: Sequence[Case]) -> list[Row]:
    return [Row(name, tuple(get(c) for c in cases)) for name, get in FIELDS]


def parse_compare_param(raw: str, known: set[str]) -> tuple[list[str], list[str]]:
    """'a,b,c' -> (valid ids in order, without repeats, at most 4; notices for the rest)."""
    ids: list[str] = []
    notices: list[str] = []
    for part in raw.split(","):
        item = part.strip()
        if not item or item in ids:
            continue
        if item not in known:
            notices.append(f"Ignored {item[:60]!r}: no case has that id.")
        elif len(ids) >= MAX_CASES:
            notices.append(f"Compare shows at most {MAX_CASES} cases; ignored {item!r}.")
        else:
            ids.append(item)
    return ids, notices
