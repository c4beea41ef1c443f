"""The before and after connections of a case slide, drawn as a graph read left to right:
[from] ——via—— [to], one row each, at 18 pt.

Rows take the height their words need (up to three lines); as many as the room holds are
drawn, the after picture first (it is what changed), and a heading that shows fewer than
all says so and that the speaker notes list them all."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

from atlas.deck_layout import (
    ACCENT,
    BOLD_EM,
    CHAR_EM,
    GREY,
    LIGHT_ACCENT,
    LINE,
    MARGIN,
    MUTED,
    TEXT_MIN,
    add_run,
    fill_shape,
    fit_text,
    label_box,
    line,
    lines_needed,
    text_box,
    width_of,
)
from atlas.graphs import new_parties
from atlas.i18n import Translate
from atlas.schema import Connection

SIZE = TEXT_MIN
PARTY_W, VIA_W = 2.0, 3.0  # a wide label: fewer labels shortened (measured on the library)
COLUMN_W = 2 * PARTY_W + VIA_W
HEADING_H = 0.42
MAX_LINES = 3
LINE_IN = SIZE * LINE / 72
PAD = 0.12  # a row's room above and below its boxes' text


def _party_text(party: str) -> tuple[str, int]:
    text, _ = fit_text(party, PARTY_W - 0.14, MAX_LINES * LINE_IN, (SIZE,), BOLD_EM, False)
    return text, _lines(text, PARTY_W - 0.14, BOLD_EM)


def _via_text(via: str) -> tuple[str, int]:
    text, _ = fit_text(via, VIA_W - 0.3, MAX_LINES * LINE_IN, (SIZE,), prose=False)
    return text, _lines(text, VIA_W - 0.3, CHAR_EM)


def _lines(text: str, width: float, em: float) -> int:
    return lines_needed(text, width, SIZE, em)


def row_height(conn: Connection) -> float:
    lines = max(_party_text(conn.from_)[1], _party_text(conn.to)[1], _via_text(conn.via)[1])
    return lines * LINE_IN + PAD


def visible(before: Sequence, after: Sequence, room: float) -> tuple[int, int]:
    """How many of each list fit the room: the first before, then as many after as fit,
    then more before."""
    used = 2 * HEADING_H + 0.05
    shown = [0, 0]
    order = [(0, 0)] if before else []
    order += [(1, i) for i in range(len(after))] + [(0, i) for i in range(1, len(before))]
    lists = (before, after)
    for which, i in order:
        h = row_height(lists[which][i])
        if used + h > room:
            break
        used += h
        shown[which] += 1
    return shown[0], shown[1]


def _row(slide, conn: Connection, top: float, height: float, colours) -> None:
    """[from] ——via—— [to], left to right; the label sits on the line, as in a graph."""
    box_h, mid = height - 0.08, top + height / 2
    via_left = MARGIN + PARTY_W
    line(slide, via_left, mid, via_left + VIA_W, mid, colours["line"], 2)
    for left, party in ((MARGIN, conn.from_), (via_left + VIA_W, conn.to)):
        fill, ink = colours["party"](party)
        text, _ = _party_text(party)
        label_box(slide, (left, top + 0.04, PARTY_W, box_h), text, SIZE, fill, ink, bold=True)
    via, lines = _via_text(conn.via)
    longest = max(width_of(part) for part in via.split("\n")) if via else 0
    width = min(VIA_W - 0.3, longest * SIZE * CHAR_EM / 72 + 0.4) if lines == 1 else VIA_W - 0.3
    high = lines * LINE_IN + 0.06
    box = (via_left + (VIA_W - width) / 2, mid - high / 2, width, high)
    label = text_box(
        slide, box, via, SIZE, colours["via"], italic=True, align=PP_ALIGN.CENTER,
        anchor=MSO_ANCHOR.MIDDLE, name="Via",
    )  # fmt: skip
    fill_shape(label, "FFFFFF")


def _styles(fresh: set[str]) -> dict[str, dict]:
    after_party = {True: (ACCENT, "FFFFFF"), False: (LIGHT_ACCENT, ACCENT)}
    return {
        "Before": {"line": GREY, "via": MUTED, "party": lambda p: (GREY, "FFFFFF")},
        "After": {"line": ACCENT, "via": ACCENT, "party": lambda p: after_party[p in fresh]},
    }


def connections(slide, before: list, after: list, top: float, bottom: float, _: Translate):
    """The connections in the room from `top` to `bottom` (inches)."""
    fresh = set(new_parties(before, after))
    styles = _styles(fresh)
    n_before, n_after = visible(before, after, bottom - top)
    headings = {"Before": _("Before"), "After": _("After")}
    y = top
    parts = (("Before", before[:n_before], before), ("After", after[:n_after], after))
    for name, shown, every in parts:
        heading = text_box(
            slide, (MARGIN, y, COLUMN_W, HEADING_H), headings[name].upper(), SIZE,
            styles[name]["line"], bold=True, anchor=MSO_ANCHOR.MIDDLE, name=f"{name} heading",
        )  # fmt: skip
        notes = []
        if len(shown) < len(every):
            notes.append(
                _("{shown} of {total}, all in the notes").format(shown=len(shown), total=len(every))
            )
        if name == "After" and fresh:
            notes.append(_("dark: newly connected"))
        said = width_of(headings[name]) * SIZE * BOLD_EM / 72
        for note in notes:
            if said + (width_of(note) + 3) * SIZE * CHAR_EM / 72 > COLUMN_W:
                break
            add_run(heading.text_frame.paragraphs[0], "   " + note, SIZE, MUTED)
            said += (width_of(note) + 3) * SIZE * CHAR_EM / 72
        y += HEADING_H
        for conn in shown:
            h = row_height(conn)
            _row(slide, conn, y, h, styles[name])
            y += h
        y += 0.05
