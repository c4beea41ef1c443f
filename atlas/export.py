"""Exports of a selection of cases: a CSV table, the full cases as JSON, a Markdown brief.

The CSV is for spreadsheets (labels, one row per case); the JSON keeps every field, in
the case file's own shape, so it loads back as `Case`; the Markdown is a brief to read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from atlas.schema import Case, Source
from atlas.table import cases_table
from atlas.vocabulary import label_for

CSV_COLUMNS = (
    "id",
    "title",
    "summary",
    "industry",
    "outcome",
    "mode",
    "thinking",
    "stage",
    "region",
    "ownership",
    "connection_types",
    "technologies",
    "year_start",
    "year_end",
    "evidence",
)
LABEL_COLUMNS = ("industry", "outcome", "mode", "thinking", "stage", "region", "ownership")
LABEL_COLUMNS += ("evidence",)
LIST_COLUMNS = ("connection_types", "technologies")
LIST_SEPARATOR = "; "
BRIEF_HEADING = "# Transformation Atlas brief"


# --- CSV --------------------------------------------------------------------------------


def to_csv(table: pd.DataFrame) -> str:
    """One row per case of a (filtered) table, with labels where the table has values."""
    out = table.reindex(columns=list(CSV_COLUMNS)).copy()
    for col in LABEL_COLUMNS:
        out[col] = [label_for(col, v) for v in out[col]]
    for col in LIST_COLUMNS:
        out[col] = [LIST_SEPARATOR.join(label_for(col, v) for v in items) for items in out[col]]
    return out.to_csv(index=False, lineterminator="\n")


# --- JSON -------------------------------------------------------------------------------


def to_json(cases: Sequence[Case], sentence: str) -> str:
    """The cases in full, as the case files spell them ("from", not "from_")."""
    doc = {
        "selection": sentence,
        "count": len(cases),
        "generated": dt.date.today().isoformat(),
        "cases": [c.model_dump(mode="json", by_alias=True, exclude_none=True) for c in cases],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# --- Markdown ---------------------------------------------------------------------------


def _inert(text: str) -> str:
    """Case text on one line with no HTML: a stray newline could start a heading."""
    return " ".join(str(text).split()).replace("<", "&lt;")


def _years(case: Case) -> str:
    start, end = case.years.start, case.years.end
    if end is None:
        return f"since {start}"
    return str(start) if end == start else f"{start}–{end}"


def _facts(case: Case) -> str:
    labels = [
        case.industry.label,
        case.mode.label,
        case.thinking.label,
        case.stage.label,
        case.outcome.status.label,
        _years(case),
    ]
    return " · ".join(labels)


def _source_line(number: int, source: Source) -> str:
    url = source.url.replace(">", "%3E")  # keep the autolink's closing bracket ours
    text = f"{_inert(source.title)} — {_inert(source.publisher)} ({source.date})"
    return f"{number}. {text} <{url}>"


def _case_brief(case: Case) -> list[str]:
    lines = [f"## {_inert(case.title)}", "", _inert(case.summary), "", f"*{_facts(case)}*", ""]
    lines += [f"**Outcome ({case.outcome.status.label}).** {_inert(case.outcome.evidence)}", ""]
    lines += ["**Lessons**", "", *(f"- {_inert(lesson)}" for lesson in case.lessons), ""]
    if case.sources:
        lines += ["**Sources**", ""]
        lines += [_source_line(i, s) for i, s in enumerate(case.sources, start=1)]
        lines.append("")
    return lines


def to_markdown(cases: Sequence[Case], sentence: str) -> str:
    lines = [BRIEF_HEADING, "", _inert(sentence), ""]
    for case in cases:
        lines += _case_brief(case)
    return "\n".join(lines).rstrip("\n") + "\n"


# --- formats ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportFormat:
    label: str
    mime: str
    extension: str
    render: Callable[[Sequence[Case], str], str]  # (cases, selection sentence) -> text


def _csv_of_cases(cases: Sequence[Case], sentence: str) -> str:
    return to_csv(cases_table(cases))  # a table has no room for the sentence


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat("CSV table", "text/csv", "csv", _csv_of_cases),
    "json": ExportFormat("JSON (full cases)", "application/json", "json", to_json),
    "md": ExportFormat("Markdown brief", "text/markdown", "md", to_markdown),
}


def render(fmt: str, cases: Sequence[Case], sentence: str) -> str:
    """The selection in one of FORMATS; KeyError for an unknown format."""
    return FORMATS[fmt].render(cases, sentence)
