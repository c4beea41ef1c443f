"""The deck's comparison: two to four cases side by side, field by field, in a table at
18 pt; rows that do not fit one slide continue on the next, none is cut or dropped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.util import Inches

from atlas.compare import Row, compare_rows
from atlas.deck_layout import (
    ACCENT,
    BOLD_EM,
    CHAR_EM,
    HEIGHT,
    INK,
    MARGIN,
    MUTED,
    PANEL,
    TEXT_MIN,
    WIDTH,
    add_run,
    blank_slide,
    footer,
    lines_needed,
    rgb,
    slide_heading,
)
from atlas.i18n import Translate, translator
from atlas.localized import case_text
from atlas.schema import Case

SIZE = TEXT_MIN  # points: text a room can read
LINE_IN = SIZE * 1.2 / 72  # one line's height, in inches
FIELD_W = 2.6  # inches: the field names' column
TOP, BOTTOM = 1.3, HEIGHT - 0.75  # the table's room on a slide
PAD = 0.14  # a cell's top and bottom margins together


def _column_width(n_cases: int) -> float:
    return (WIDTH - 2 * MARGIN - FIELD_W) / n_cases


def _height(values: Sequence[str], width: float, em: float = CHAR_EM) -> float:
    """A row's height: its tallest cell's lines at SIZE."""
    lines = max(
        sum(lines_needed(part, width - 0.2, SIZE, em) for part in (v.split("\n") or [""]))
        for v in values
    )
    return max(1, lines) * LINE_IN + PAD


def _row_height(row: Row, width: float) -> float:
    """The taller of the row's values and its field's name (bold, '(continued)' added)."""
    field = "≠ " + row.field + (" (continued)" if row.continued else "")
    return max(_height(row.values, width), _height([field], FIELD_W, BOLD_EM))


def _chunks(line: str, width: float, room: float) -> list[str]:
    """A line as pieces that each fit the room, broken between words (one piece when it
    fits): a single value taller than a slide continues on the next."""
    if _height([line], width) <= room:
        return [line]
    pieces, words = [], line.split(" ")
    while words:
        take = 1
        while take < len(words) and _height([" ".join(words[: take + 1])], width) <= room:
            take += 1
        pieces.append(" ".join(words[:take]))
        words = words[take:]
    return pieces


def _split(row: Row, width: float, room: float) -> list[Row]:
    """A row taller than a slide, as rows that each fit: its cells' lines taken in order,
    the same number of lines from each cell per part (the field named again, 'continued')."""
    parts = [[c for line in v.split("\n") for c in _chunks(line, width, room)] for v in row.values]
    pieces: list[Row] = []
    start = 0
    while any(start < len(p) for p in parts):
        take = 1
        while (
            any(start + take < len(p) for p in parts)
            and _height(["\n".join(p[start : start + take + 1]) for p in parts], width) <= room
        ):
            take += 1
        values = tuple("\n".join(p[start : start + take]) for p in parts)
        pieces.append(Row(row.field, values, continued=bool(pieces)))
        start += take
    return pieces or [row]


def compare_pages(rows: Sequence[Row], titles: Sequence[str]) -> list[list[Row]]:
    """The rows in order, as many per slide as fit under the header of case titles; a row
    taller than a slide is split at its lines and continues on the next."""
    width = _column_width(len(titles))
    room = BOTTOM - TOP - _height(titles, width, BOLD_EM)
    fitted: list[Row] = []
    for row in rows:
        too_tall = _row_height(row, width) > room
        fitted += _split(row, width, room) if too_tall else [row]
    pages: list[list[Row]] = [[]]
    used = 0.0
    for row in fitted:
        h = _row_height(row, width)
        if pages[-1] and used + h > room:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += h
    return pages


def _cell(cell, text: str, bold: bool = False, colour: str = INK, fill: str | None = None):
    cell.margin_left = cell.margin_right = Inches(0.1)
    cell.margin_top = cell.margin_bottom = Inches(PAD / 2)
    tf = cell.text_frame
    tf.word_wrap = True
    for i, part in enumerate(text.split("\n") or [""]):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        add_run(paragraph, part, SIZE, colour, bold=bold)
    cell.fill.solid()
    cell.fill.fore_color.rgb = rgb(fill or "FFFFFF")


def _table(slide, rows: Sequence[Row], titles: Sequence[str], _: Translate) -> None:
    width = _column_width(len(titles))
    heights = [_height(titles, width, BOLD_EM)] + [_row_height(r, width) for r in rows]
    shape = slide.shapes.add_table(
        len(rows) + 1,
        len(titles) + 1,
        Inches(MARGIN),
        Inches(TOP),
        Inches(WIDTH - 2 * MARGIN),
        Inches(sum(heights)),
    )
    table = shape.table
    table.first_row = True
    table.columns[0].width = Inches(FIELD_W)
    for j in range(len(titles)):
        table.columns[j + 1].width = Inches(width)
    for i, h in enumerate(heights):
        table.rows[i].height = Inches(h)
    _cell(table.cell(0, 0), "", fill=PANEL)
    for j, title in enumerate(titles, start=1):
        _cell(table.cell(0, j), title, bold=True, colour=ACCENT, fill=PANEL)
    for i, row in enumerate(rows, start=1):
        mark = "≠ " if row.differs else ""
        name = _(row.field) + (" " + _("(continued)") if row.continued else "")
        _cell(table.cell(i, 0), mark + name, bold=True, colour=MUTED)
        for j, value in enumerate(row.values, start=1):
            _cell(table.cell(i, j), value or "—")


@dataclass(frozen=True)
class Comparison:
    """The comparison laid out: the cases' titles and the rows of each slide."""

    titles: list[str]
    pages: list[list[Row]]


def comparison(cases: Sequence[Case], lang: str) -> Comparison:
    _ = translator(lang)
    titles = [case_text(c, lang).title for c in cases]
    return Comparison(titles, compare_pages(compare_rows(cases, _, lang), titles))


def compare_slides(
    prs, laid_out: Comparison, lang: str, first: int, total: int, about: str
) -> None:
    """The comparison's slides, numbered from `first` of `total`."""
    _ = translator(lang)
    pages = laid_out.pages
    for k, rows in enumerate(pages):
        slide = blank_slide(prs)
        heading = _("The cases side by side")
        if len(pages) > 1:
            heading += f" ({k + 1}/{len(pages)})"
        slide_heading(slide, heading)
        _table(slide, rows, laid_out.titles, _)
        note = _("≠ marks the fields where the cases differ.")
        footer(slide, f"{about}  ·  {note}", first + k, total)
