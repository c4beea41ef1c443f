"""Exports of a selection or a tour: a CSV table, the full cases as JSON, a Markdown brief,
a PowerPoint deck and a printable HTML handout.

The CSV is for spreadsheets (labels, one row per case); the JSON keeps every field, in
the case file's own shape, so it loads back as `Case`; the Markdown is a brief to read.
Every format renders a `Show` (the cases in order, and a caption that says what they
are), so a tour exports the same way as a selection.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from atlas.citations import numbered
from atlas.facets import FACETS, label_for
from atlas.i18n import N_, years_text
from atlas.presentation import Show, show_from_selection
from atlas.schema import Case, Source
from atlas.table import cases_table

CSV_COLUMNS = ("id", "title", "summary", *(f.name for f in FACETS), "year_start", "year_end")
LABEL_COLUMNS = tuple(f.name for f in FACETS if not f.multi_valued)
LIST_COLUMNS = tuple(f.name for f in FACETS if f.multi_valued)
LIST_SEPARATOR = "; "
BRIEF_HEADING = "# Transformation Atlas brief"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# --- CSV --------------------------------------------------------------------------------


def defuse(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(table: pd.DataFrame) -> str:
    """One row per case of a (filtered) table, with labels where the table has values."""
    out = table.reindex(columns=list(CSV_COLUMNS)).copy()
    for col in LABEL_COLUMNS:
        out[col] = [label_for(col, v) for v in out[col]]
    for col in LIST_COLUMNS:
        out[col] = [LIST_SEPARATOR.join(label_for(col, v) for v in items) for items in out[col]]
    for col in out.columns:
        out[col] = [defuse(v) for v in out[col]]
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


def inert(text: str) -> str:
    """Case text on one line with no HTML: a stray newline could start a heading."""
    return " ".join(str(text).split()).replace("<", "&lt;")


def _facts(case: Case) -> str:
    labels = [
        case.industry.label,
        case.mode.label,
        case.thinking.label,
        case.stage.label,
        case.outcome.status.label,
        years_text(case.years.start, case.years.end),
    ]
    return " · ".join(labels)


def _source_line(number: int, source: Source) -> str:
    url = source.url.replace(">", "%3E")  # keep the autolink's closing bracket ours
    text = f"{inert(source.title)} — {inert(source.publisher)} ({source.date})"
    return f"{number}. {text} <{url}>"


def _case_brief(case: Case) -> list[str]:
    lines = [f"## {inert(case.title)}", "", inert(case.summary), "", f"*{_facts(case)}*", ""]
    evidence = numbered(case.outcome.evidence, case)
    lines += [f"**Outcome ({case.outcome.status.label}).** {inert(evidence)}", ""]
    lines += ["**Lessons**", "", *(f"- {inert(lesson)}" for lesson in case.lessons), ""]
    if case.sources:
        lines += ["**Sources**", ""]
        lines += [_source_line(i, s) for i, s in enumerate(case.sources, start=1)]
        lines.append("")
    return lines


def to_markdown(cases: Sequence[Case], sentence: str) -> str:
    lines = [BRIEF_HEADING, "", inert(sentence), ""]
    for case in cases:
        lines += _case_brief(case)
    return "\n".join(lines).rstrip("\n") + "\n"


# --- formats ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportFormat:
    label: str
    mime: str
    extension: str
    render: Callable[..., str | bytes]  # (show), or (show, base_url=...) when `linked`
    binary: bool = False  # bytes, not text: written as is, never encoded
    linked: bool = False  # draws QR codes of the case pages at the app's public address


def _cases(show: Show) -> list[Case]:
    return [stop.case for stop in show.stops]


# The deck and the handout load python-pptx, Altair and vl-convert: imported when one is
# made, so that every other `atlas` command starts without them.


def _deck(show: Show, base_url: str | None = None) -> bytes:
    from atlas.deck import build_deck

    return build_deck(show, cases_table(_cases(show)), base_url)


def _handout(show: Show, base_url: str | None = None) -> str:
    from atlas.handout import build_handout

    return build_handout(show, base_url)


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat(
        N_("CSV table"), "text/csv", "csv", lambda s: to_csv(cases_table(_cases(s)))
    ),
    "json": ExportFormat(
        N_("JSON (full cases)"), "application/json", "json", lambda s: to_json(_cases(s), s.caption)
    ),
    "md": ExportFormat(
        N_("Markdown brief"), "text/markdown", "md", lambda s: to_markdown(_cases(s), s.caption)
    ),
    "pptx": ExportFormat(
        N_("PowerPoint deck"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
        _deck,
        binary=True,
        linked=True,
    ),
    "html": ExportFormat(
        N_("Printable handout (HTML)"), "text/html", "html", _handout, linked=True
    ),
}


def render_show(fmt: str, show: Show, base_url: str | None = None) -> str | bytes:
    """A show (a tour, or a selection) in one of FORMATS; KeyError for an unknown format.
    With the app's public address `base_url`, a deck or handout has QR codes of the cases."""
    chosen = FORMATS[fmt]
    return chosen.render(show, base_url=base_url) if chosen.linked else chosen.render(show)


def render(
    fmt: str, cases: Sequence[Case], sentence: str, lang: str = "en", base_url: str | None = None
) -> str | bytes:
    """A selection, in the order given, in one of FORMATS (a deck or handout in the language
    `lang`, with QR codes when `base_url` is given); KeyError for an unknown format."""
    return render_show(fmt, show_from_selection(cases, sentence, lang), base_url)
