"""Two to four cases side by side on the same fields, with the differences marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from atlas.figures import figure_text
from atlas.i18n import N_, Translate
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
    return "\n".join(
        f"{m.label}: {figure_text(m.value, m.unit)} ({m.year})" for m in case.metrics[:4]
    )


# (field name, its value for a case given a translate function)
FIELDS: list[tuple[str, Callable[[Case, Translate], str]]] = [
    (N_("Mode"), lambda c, _: _(c.mode.label)),
    (N_("Thinking"), lambda c, _: _(c.thinking.label)),
    (N_("Stage"), lambda c, _: _(c.stage.label)),
    (N_("Outcome"), lambda c, _: _(c.outcome.status.label)),
    (N_("Industry"), lambda c, _: _(c.industry.label)),
    (N_("Region"), lambda c, _: _(c.region.label)),
    (N_("Ownership"), lambda c, _: _(c.ownership.label)),
    (N_("Years"), lambda c, _: f"{c.years.start}–{c.years.end or ''}"),
    (N_("Connection types"), lambda c, _: ", ".join(_(t.label) for t in c.connection_types)),
    (N_("Connections before"), lambda c, _: _links(c.connections.before)),
    (N_("Connections after"), lambda c, _: _links(c.connections.after)),
    (N_("Key figures"), lambda c, _: _metrics(c)),
    (N_("Lessons"), lambda c, _: "\n".join(c.lessons)),
]


def compare_rows(cases: Sequence[Case], _: Translate = str) -> list[Row]:
    """One row per field; values translated with `_` (the field name is left as the key)."""
    return [Row(name, tuple(get(c, _) for c in cases)) for name, get in FIELDS]


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
