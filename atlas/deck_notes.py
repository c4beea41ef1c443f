"""What a case slide cannot hold at a size a room can read goes to its speaker notes, in
full: the talking point first, then the summary, the outcome with its evidence, every
connection, every figure and every source. The slide's footer names the sources that fit
and says how many more the notes list."""

from __future__ import annotations

from atlas.citations import numbered
from atlas.deck_layout import FOOTER_BOX, FOOTER_PT, fits, one_line
from atlas.figures import figure_text
from atlas.i18n import Translate
from atlas.localized import CaseText
from atlas.presentation import Stop
from atlas.schema import Case


def sources_line(case: Case, _: Translate = str, box: tuple = FOOTER_BOX) -> str:
    """'Sources: [1] publisher (date); …' with as many whole sources as the footer's box
    holds at FOOTER_PT, and how many more the notes list."""
    if not case.sources:
        return _("An illustrative example: no published sources.")
    parts = [f"[{n}] {one_line(s.publisher)} ({s.date})" for n, s in enumerate(case.sources, 1)]
    lead = _("Sources:") + " "
    width, height = box[2], box[3]
    for kept in range(len(parts), 0, -1):
        rest = len(parts) - kept
        tail = _("; and {n} more in the notes").format(n=rest) if rest else ""
        line = lead + "; ".join(parts[:kept]) + tail
        if fits(line, width, height, FOOTER_PT):
            return line
    return lead + _("{n} in the notes").format(n=len(parts))


def _connections(title: str, connections) -> list[str]:
    lines = [f"• {c.from_} → {c.to}: {c.via}" for c in connections]
    return [title + ":", *lines] if lines else []


def case_notes(stop: Stop, text: CaseText, _: Translate) -> str:
    """The speaker notes of a case slide: the talking point, then the case in full."""
    case = stop.case
    outcome = _("Outcome") + f" ({_(case.outcome.status.label)}): "
    reasons = [numbered(t, case) for t in (text.outcome_rationale, text.outcome_evidence) if t]
    blocks = [
        stop.note,
        _("Summary") + ": " + text.summary,
        outcome + " ".join(reasons),
        "\n".join(_connections(_("Before"), text.before)),
        "\n".join(_connections(_("After"), text.after)),
    ]
    figures = [
        f"• {figure_text(m.value, t.unit or m.unit)}: {t.label}, {m.year}"
        + (f" [{_source_number(case, m.source)}]" if m.source else "")
        for m, t in zip(case.metrics, text.metrics, strict=True)
    ]
    if figures:
        blocks.append("\n".join([_("Key figures") + ":", *figures]))
    sources = [
        f"[{n}] {s.title}. {s.publisher}, {s.date}. {s.url}" for n, s in enumerate(case.sources, 1)
    ]
    if sources:
        blocks.append("\n".join([_("Sources") + ":", *sources]))
    return "\n\n".join(b for b in blocks if b)


def _source_number(case: Case, source_id: str) -> int | str:
    ids = [s.id for s in case.sources]
    return ids.index(source_id) + 1 if source_id in ids else source_id
