"""Compare's exports: the cases side by side as CSV (a row per field, a column per case)
and as a Markdown table, in the language of the interface. The deck is atlas/deck.py's,
from `presentation.show_from_compare`."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from atlas.compare import compare_rows
from atlas.export import defuse, inert
from atlas.i18n import translator
from atlas.localized import case_text
from atlas.schema import Case


def compare_csv(cases: Sequence[Case], lang: str = "en") -> str:
    _ = translator(lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_("Field"), *(defuse(case_text(c, lang).title) for c in cases)])
    writer.writerow(["id", *(c.id for c in cases)])
    for row in compare_rows(cases, _, lang):
        writer.writerow([_(row.field), *(defuse(v) for v in row.values)])
    return out.getvalue()


def _cell(text: str) -> str:
    return "<br>".join(inert(part).replace("|", "\\|") for part in text.split("\n")) or "—"


def compare_markdown(cases: Sequence[Case], lang: str = "en") -> str:
    _ = translator(lang)
    titles = [_cell(case_text(c, lang).title) for c in cases]
    lines = [
        f"# {_('Comparison')}",
        "",
        "| " + " | ".join([_("Field"), *titles]) + " |",
        "|" + "---|" * (len(cases) + 1),
    ]
    for row in compare_rows(cases, _, lang):
        mark = "≠ " if row.differs else ""
        lines.append("| " + " | ".join([mark + _(row.field), *map(_cell, row.values)]) + " |")
    lines += ["", _("≠ marks the fields where the cases differ."), ""]
    return "\n".join(lines)
