"""Two to four cases side by side on the same fields, with the differences marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from atlas.figures import figure_text
from atlas.i18n import N_, SOURCE_LANGUAGE, Translate
from atlas.localized import CaseText, case_text
from atlas.schema import Case, Connection

MIN_CASES, MAX_CASES = 2, 4


@dataclass(frozen=True)
class Row:
    field: str
    values: tuple[str, ...]
    continued: bool = False  # a part after the first of a row split across slides

    @property
    def differs(self) -> bool:
        return len(set(self.values)) > 1


def _links(connections: Sequence[Connection]) -> str:
    return "\n".join(f"{c.from_} — {c.to} ({c.via})" for c in connections)


def _metrics(case: Case, text: CaseText) -> str:
    return "\n".join(
        f"{t.label}: {figure_text(m.value, t.unit)} ({m.year})"
        for m, t in list(zip(case.metrics, text.metrics, strict=True))[:4]
    )


# (field name, its value for a case, its text in the language, and a translate function)
FIELDS: list[tuple[str, Callable[[Case, CaseText, Translate], str]]] = [
    (N_("Mode"), lambda c, t, _: _(c.mode.label)),
    (N_("Thinking"), lambda c, t, _: _(c.thinking.label)),
    (N_("Stage"), lambda c, t, _: _(c.stage.label)),
    (N_("Outcome"), lambda c, t, _: _(c.outcome.status.label)),
    (N_("Industry"), lambda c, t, _: _(c.industry.label)),
    (N_("Region"), lambda c, t, _: _(c.region.label)),
    (N_("Ownership"), lambda c, t, _: _(c.ownership.label)),
    (N_("Years"), lambda c, t, _: f"{c.years.start}–{c.years.end or ''}"),
    (N_("Connection types"), lambda c, t, _: ", ".join(_(x.label) for x in c.connection_types)),
    (N_("Connections before"), lambda c, t, _: _links(t.before)),
    (N_("Connections after"), lambda c, t, _: _links(t.after)),
    (N_("Key figures"), lambda c, t, _: _metrics(c, t)),
    (N_("Lessons"), lambda c, t, _: "\n".join(t.lessons)),
]


def compare_rows(
    cases: Sequence[Case], _: Translate = str, lang: str = SOURCE_LANGUAGE
) -> list[Row]:
    """One row per field, case texts in `lang` and labels translated with `_` (the field
    name is left as the key, to be translated where it is shown)."""
    texts = [case_text(c, lang) for c in cases]
    return [
        Row(name, tuple(get(c, t, _) for c, t in zip(cases, texts, strict=True)))
        for name, get in FIELDS
    ]


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
