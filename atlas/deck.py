"""A PowerPoint deck of a Show: a title slide, overview charts, one slide per case.

It plays the same `Show` as presenter mode, so the deck a presenter hands out has the
slides the room saw. Everything is drawn with python-pptx shapes on blank 16:9 slides
(the default template's placeholders keep 4:3 positions); charts are PNGs rendered
offline by vl-convert, and the fonts are ones every office suite has, so nothing is
fetched. Text is cut to fit its box here, because a .pptx has no reliable overflow rule.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import textwrap
from collections.abc import Sequence
from unicodedata import east_asian_width

import pandas as pd
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from atlas.charts import CHARTS, OUTCOME_COLORS, chart_png
from atlas.citations import numbered
from atlas.graphs import AFTER_COLOUR, BEFORE_COLOUR, new_parties
from atlas.presentation import Show, Stop
from atlas.schema import Case, Connection, Metric
from atlas.vocabulary import Mode

WIDTH, HEIGHT, MARGIN = 13.333, 7.5, 0.55  # inches: 16:9
FONT = "Arial"  # LibreOffice maps it to the metric-compatible Liberation Sans
INK, MUTED, RULE = "1C2430", "5B6675", "D5DAE1"
ACCENT, GREY = AFTER_COLOUR.lstrip("#").upper(), BEFORE_COLOUR.lstrip("#").upper()
LIGHT_ACCENT, PANEL = "DCE7F2", "F3F5F8"
APP_NAME = "Transformation Atlas"
# Average character width of Arial as a share of the font size (measured on case text:
# 0.44 regular, 0.55 bold), a little generous so that an estimate that fits really fits.
CHAR_EM, BOLD_EM = 0.47, 0.57
MIN_CASES_FOR_CHARTS = 3  # a chart of one or two cases says nothing a case slide does not
# The chart plot areas in Vega pixels (before vl-convert's 2x), and the most height a
# bar chart's category gets, so two categories do not become two slabs.
CHART_PLOT = (760, 300)
BAND_MAX_PX = 90
CHART_FONT_PX = 15
MAX_CONNECTION_ROWS = 6
MAX_METRICS = 3
CONTENTS_ROWS = 14
HANG = 0.38  # inches: the numbers' column in the list of contents


# --- text ------------------------------------------------------------------------------


def clip(text: str, limit: int) -> str:
    """Text on one line, cut at a word boundary to at most `limit` characters."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return cut + "…"


def _measured(text: str) -> str:
    """The text with each wide (e.g. Chinese) character doubled: it is about twice as wide
    as a Latin letter, so lengths of this string compare with Latin line widths."""
    return "".join(c * 2 if east_asian_width(c) in "WF" else c for c in text)


def width_of(text: str) -> int:
    return len(_measured(text))


def clip_to(text: str, units: int) -> str:
    """`clip`, for a line `units` Latin characters wide, counting wide characters twice."""
    text = clip(text, units)
    while width_of(text) > units and len(text) > 1:
        text = clip(text, len(text) - 2)
    return text


def _per_line(width_in: float, size_pt: float, em: float = CHAR_EM) -> int:
    """About how many characters fit on a line of the width."""
    return max(1, int(width_in * 72 / (size_pt * em)))


def lines_needed(text: str, width_in: float, size_pt: float, em: float = CHAR_EM) -> int:
    return len(textwrap.wrap(_measured(text), _per_line(width_in, size_pt, em))) or 1


def fits(text: str, box_w: float, box_h: float, size: float, em: float = CHAR_EM) -> bool:
    return lines_needed(text, box_w, size, em) * size * 1.2 / 72 <= box_h


def fit_text(
    text: str, box_w: float, box_h: float, sizes: Sequence[float], em: float = CHAR_EM
) -> tuple[str, float]:
    """(text, size) that fit the box: the largest size that fits, else the smallest size
    with the text cut to the lines the box holds."""
    size = next((s for s in sizes if fits(text, box_w, box_h, s, em)), sizes[-1])
    while len(text) > 1 and not fits(text, box_w, box_h, size, em):
        text = clip(text, int(len(text) * 0.92))
    return text, size


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def _run(paragraph, text: str, size: float, colour: str = INK, bold=False, italic=False):
    run = paragraph.add_run()
    run.text = text
    font = run.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    font.color.rgb = _rgb(colour)
    return run


def _frame(shape, anchor=MSO_ANCHOR.TOP, margin: float = 0.0):
    tf = shape.text_frame
    tf.word_wrap, tf.auto_size, tf.vertical_anchor = True, MSO_AUTO_SIZE.NONE, anchor
    tf.margin_left = tf.margin_right = Inches(margin)
    tf.margin_top = tf.margin_bottom = Inches(margin / 2)
    return tf


def text_box(
    slide,
    box,
    text: str,
    size: float,
    colour=INK,
    bold=False,
    italic=False,
    align=PP_ALIGN.LEFT,
    anchor=MSO_ANCHOR.TOP,
    name: str | None = None,
):
    """A text box at `box` (left, top, width, height in inches) with one run of text."""
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    if name:
        shape.name = name
    paragraph = _frame(shape, anchor).paragraphs[0]
    paragraph.alignment = align
    _run(paragraph, text, size, colour, bold, italic)
    return shape


def _fill(shape, colour: str | None, line: str | None = None) -> None:
    if colour:
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(colour)
    else:
        shape.fill.background()
    if line:
        shape.line.color.rgb = _rgb(line)
        shape.line.width = Pt(1)
    else:
        shape.line.fill.background()
    _drop_theme_style(shape)


def _drop_theme_style(shape) -> None:
    """Remove the theme's shape style: its drop shadow shows in LibreOffice even when the
    shape's own effects are empty. Fill, line and text colours are all set explicitly."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def rect(slide, box, colour: str | None, line: str | None = None, rounded=False):
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, *(Inches(v) for v in box))
    if rounded:
        shape.adjustments[0] = 0.18
    _fill(shape, colour, line)
    return shape


def label_box(slide, box, text: str, size: float, fill: str, ink: str, bold=False):
    """A filled box with centred text: a party of a connection, or a badge."""
    shape = rect(slide, box, fill, rounded=True)
    paragraph = _frame(shape, MSO_ANCHOR.MIDDLE, margin=0.06).paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    _run(paragraph, text, size, ink, bold=bold)
    return shape


def badge(slide, left: float, top: float, text: str, fill: str, ink: str = "FFFFFF") -> float:
    """A pill sized to its text; returns its right edge (no pill if it would not fit)."""
    width = width_of(text) * 12 * BOLD_EM / 72 + 0.3
    if left + width > WIDTH - MARGIN:
        return left
    label_box(slide, (left, top, width, 0.34), text, 12, fill, ink, bold=True)
    return left + width


# --- slide frame ---------------------------------------------------------------------------


def _blank(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])  # "Blank": no 4:3 placeholders


def _heading(slide, title: str, size: int = 28) -> None:
    text_box(
        slide,
        (MARGIN, 0.35, WIDTH - 2 * MARGIN, 0.9),
        title,
        size,
        bold=True,
        anchor=MSO_ANCHOR.MIDDLE,
    )


def line(slide, x1: float, y1: float, x2: float, y2: float, colour: str, width_pt: float):
    shape = slide.shapes.add_connector(
        MSO_CONNECTOR.STRAIGHT, Inches(x1), Inches(y1), Inches(x2), Inches(y2)
    )
    _drop_theme_style(shape)
    shape.line.color.rgb, shape.line.width = _rgb(colour), Pt(width_pt)
    return shape


def _footer(slide, left_text: str, number: int, total: int, name: str = "Footer") -> None:
    top = HEIGHT - 0.62
    line(slide, MARGIN, top, WIDTH - MARGIN, top, RULE, 0.75)
    text_box(
        slide, (MARGIN, top + 0.06, WIDTH - 2 * MARGIN - 1.0, 0.48), left_text, 9, MUTED, name=name
    )
    text_box(
        slide,
        (WIDTH - MARGIN - 0.9, top + 0.06, 0.9, 0.3),
        f"{number} / {total}",
        9,
        MUTED,
        align=PP_ALIGN.RIGHT,
    )


# --- title slide ---------------------------------------------------------------------------


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def title_slide(prs, show: Show) -> None:
    slide = _blank(prs)
    rect(slide, (0, 0, 0.28, HEIGHT), ACCENT)
    left, width = 0.95, 7.0 if show.stops else WIDTH - 1.9
    tour = show.is_tour
    kicker = "TRANSFORMATION ATLAS  ·  " + ("TOUR" if tour else "SELECTION")
    text_box(slide, (left, 1.0, width, 0.4), kicker, 13, ACCENT, bold=True)
    title, size = fit_text(show.title, width, 2.1, (44, 36, 30), BOLD_EM)
    text_box(slide, (left, 1.5, width, 2.1), title, size, bold=True, anchor=MSO_ANCHOR.BOTTOM)
    caption = show.subtitle  # the title above already names the tour
    caption, size = fit_text(clip(caption, 320), width, 1.9, (20, 17, 15))
    text_box(slide, (left, 3.85, width, 1.9), caption, size, MUTED)
    count = f"{len(show)} case{'s' * (len(show) != 1)}"
    when = _long_date(dt.date.today())
    text_box(slide, (left, 6.35, width, 0.4), f"{count}  ·  {when}", 14, MUTED)
    if show.stops:
        _contents(slide, show.stops)


def short_title(title: str) -> str:
    """'Luckin Coffee - app-only coffee, …' -> 'Luckin Coffee': the name before the dash."""
    for mark in (" - ", ": "):
        head = title.split(mark, 1)[0]
        if mark in title and len(head) >= 3:
            return head
    return title


def _contents(slide, stops: Sequence[Stop]) -> None:
    """The cases of the deck, numbered, in a panel on the right: full titles on up to two
    lines when there are few, short names on one line when there are many."""
    left, top, width = 8.55, 1.0, WIDTH - 8.55 - MARGIN
    rect(slide, (left, top, width, 5.75), PANEL)
    text_box(
        slide, (left + 0.35, top + 0.3, width - 0.7, 0.4), "In this deck", 14, ACCENT, bold=True
    )
    many = len(stops) > CONTENTS_ROWS
    shown = stops[: CONTENTS_ROWS - 1] if many else stops
    few = len(shown) <= 7
    size, text_w = (14 if few else 12), width - 0.7 - HANG
    per_line = _per_line(text_w, size)
    rows = [
        clip_to(s.case.title, 2 * per_line - 8)
        if few
        else clip_to(short_title(s.case.title), per_line)
        for s in shown
    ]
    box = (left + 0.35, top + 0.85, width - 0.7, 4.7)
    tf = _frame(slide.shapes.add_textbox(*(Inches(v) for v in box)))
    for i, row in enumerate(rows):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        paragraph.space_after = Pt(size * 0.7)
        _hang(paragraph)
        _run(paragraph, f"{i + 1}\t", size, ACCENT, bold=True)
        _run(paragraph, row, size)
    if many:
        more = tf.add_paragraph()
        _hang(more)
        _run(more, f"\tand {len(stops) - len(shown)} more", size, MUTED)


def _hang(paragraph) -> None:
    """A hanging indent: the number sits in the margin, wrapped lines align with the text."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", str(Inches(HANG)))
    ppr.set("indent", str(-Inches(HANG)))


# --- chart slides --------------------------------------------------------------------------

CHART_TITLES = {
    "outcome_by_industry": "Outcomes by industry",
    "industry_connection_grid": "Industries × connection types",
    "timeline": "Cases by start year",
    "mode_outcome": "Outcomes by mode: +Internet or Internet+",
}
# The categories on each chart's y axis, to keep a few categories from turning into slabs.
CHART_BANDS = {"outcome_by_industry": "industry", "mode_outcome": "mode"}
# Charts drawn short, with the words of their categories explained under them.
EXPLAINED = {"mode_outcome": Mode}


def _slide_chart(name: str, table: pd.DataFrame):
    """The app's chart, untitled (the slide has the title) and sized for a slide."""
    width, height = CHART_PLOT
    band = CHART_BANDS.get(name)
    if band:
        height = min(height, BAND_MAX_PX * max(1, table[band].nunique()))
    chart = CHARTS[name](table, "").properties(title="", width=width, height=height)
    px = CHART_FONT_PX
    return chart.configure_axis(labelFontSize=px, titleFontSize=px).configure_legend(
        labelFontSize=px, titleFontSize=px
    )


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    return struct.unpack(">II", png[16:24])


def _opaque(png: bytes) -> bytes:
    """The PNG without its alpha channel: some viewers tint a transparent-capable image."""
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(out, format="PNG")
    return out.getvalue()


def _picture_in(slide, png: bytes, box) -> None:
    """The image as large as fits the box, centred in it, its proportions kept."""
    left, top, width, height = box
    px_w, px_h = png_size(png)
    scale = min(width / px_w, height / px_h)
    w, h = px_w * scale, px_h * scale
    place = (left + (width - w) / 2, top + (height - h) / 2, w, h)
    slide.shapes.add_picture(io.BytesIO(_opaque(png)), *(Inches(v) for v in place))


def chart_subtitle(show: Show) -> str:
    n = f"{len(show)} case{'s' * (len(show) != 1)}"
    return f"The {n} of the tour “{show.title}”" if show.is_tour else show.subtitle


def _explain(slide, vocabulary, top: float) -> None:
    """Each term of a vocabulary with its definition, side by side."""
    terms = list(vocabulary)
    width = (WIDTH - 2 * MARGIN - 0.4 * (len(terms) - 1)) / len(terms)
    for i, term in enumerate(terms):
        box = (MARGIN + i * (width + 0.4), top, width, 1.1)
        tf = _frame(slide.shapes.add_textbox(*(Inches(v) for v in box)))
        _run(tf.paragraphs[0], term.label, 16, ACCENT, bold=True)
        _run(tf.add_paragraph(), term.definition, 14, INK)


SUBTITLE_CHARS = _per_line(WIDTH - 2 * MARGIN, 14)


def chart_slide(prs, name: str, table: pd.DataFrame, show: Show, number: int, total: int):
    slide = _blank(prs)
    _heading(slide, CHART_TITLES[name])
    subtitle = clip_to(chart_subtitle(show), SUBTITLE_CHARS)
    text_box(slide, (MARGIN, 1.2, WIDTH - 2 * MARGIN, 0.4), subtitle, 14, MUTED)
    png = chart_png(_slide_chart(name, table))
    explained = EXPLAINED.get(name)
    chart_h = HEIGHT - 2.65 - (1.5 if explained else 0)
    _picture_in(slide, png, (MARGIN, 1.8, WIDTH - 2 * MARGIN, chart_h))
    if explained:
        _explain(slide, explained, 1.8 + chart_h + 0.25)
    _footer(slide, deck_footer(show), number, total)


def deck_footer(show: Show) -> str:
    about = show.title if show.is_tour else show.subtitle
    return f"{APP_NAME}  ·  {clip_to(about, 150)}"


def chart_names(table: pd.DataFrame) -> list[str]:
    return list(CHARTS) if len(table) >= MIN_CASES_FOR_CHARTS else []


# --- case slides ---------------------------------------------------------------------------

# The body of a case slide: connections on the left, outcome and figures on the right.
BODY_TOP, BODY_BOTTOM = 2.72, HEIGHT - 0.75
PARTY_W, VIA_W = 1.85, 2.6
RIGHT_COLUMN = MARGIN + 2 * PARTY_W + VIA_W + 0.45
METRIC_H = 0.64


def _years(case: Case) -> str:
    start, end = case.years.start, case.years.end
    return f"since {start}" if end is None else (f"{start}" if end == start else f"{start}–{end}")


def _case_header(slide, case: Case) -> None:
    full = WIDTH - 2 * MARGIN
    title, size = fit_text(case.title, full, 0.95, (28, 24, 21), BOLD_EM)
    text_box(
        slide,
        (MARGIN, 0.3, full, 0.95),
        title,
        size,
        bold=True,
        anchor=MSO_ANCHOR.MIDDLE,
        name="Title",
    )
    status = case.outcome.status
    x = badge(slide, MARGIN, 1.33, status.label, OUTCOME_COLORS[status.value].lstrip("#"))
    x = badge(slide, x + 0.12, 1.33, case.mode.label, ACCENT)
    for fact in (case.thinking.label, case.stage.label, case.industry.label, _years(case)):
        x = badge(slide, x + 0.12, 1.33, fact, PANEL, INK)
    summary, size = fit_text(clip(case.summary, 300), full, 0.8, (17, 15, 14))
    text_box(slide, (MARGIN, 1.82, full, 0.8), summary, size)


def _visible(before: list, after: list) -> tuple[list, list]:
    """Connections that fit the rows: the after picture gets the space it needs first."""
    after_rows = min(len(after), MAX_CONNECTION_ROWS - min(len(before), 2))
    before_rows = min(len(before), MAX_CONNECTION_ROWS - after_rows)
    return before[:before_rows], after[:after_rows]


def _party(slide, left: float, top: float, height: float, party: str, colours) -> None:
    fill, ink = colours["party"](party)
    text, size = fit_text(clip(party, 40), PARTY_W - 0.12, height - 0.04, (11, 9.5), BOLD_EM)
    label_box(slide, (left, top, PARTY_W, height), text, size, fill, ink, bold=True)


def _connection_row(slide, conn: Connection, top: float, row_h: float, colours) -> None:
    """[from] ——via—— [to], left to right; the label sits on the line, as in a graph."""
    box_h, mid = row_h - 0.1, top + row_h / 2
    via_left = MARGIN + PARTY_W
    line(slide, via_left, mid, via_left + VIA_W, mid, colours["line"], 1.75)
    _party(slide, MARGIN, top + 0.05, box_h, conn.from_, colours)
    _party(slide, via_left + VIA_W, top + 0.05, box_h, conn.to, colours)
    via, _ = fit_text(clip(conn.via, 60), VIA_W - 0.3, box_h, (10,))
    width = min(VIA_W - 0.3, width_of(via) * 10 * CHAR_EM / 72 + 0.2)
    box = (via_left + (VIA_W - width) / 2, top + 0.05, width, box_h)
    label = text_box(
        slide,
        box,
        via,
        10,
        colours["via"],
        italic=True,
        align=PP_ALIGN.CENTER,
        anchor=MSO_ANCHOR.MIDDLE,
    )
    _fill(label, "FFFFFF")


def _connection_styles(fresh: set[str]) -> dict[str, dict]:
    after_party = {True: (ACCENT, "FFFFFF"), False: (LIGHT_ACCENT, ACCENT)}
    return {
        "Before": {"line": GREY, "via": MUTED, "party": lambda p: (GREY, "FFFFFF")},
        "After": {"line": ACCENT, "via": ACCENT, "party": lambda p: after_party[p in fresh]},
    }


def _connections(slide, case: Case) -> None:
    before, after = case.connections.before, case.connections.after
    shown_before, shown_after = _visible(before, after)
    fresh = set(new_parties(before, after))
    styles = _connection_styles(fresh)
    rows = len(shown_before) + len(shown_after)
    row_h = min(0.72, (BODY_BOTTOM - BODY_TOP - 0.85) / rows)
    y, column = BODY_TOP, 2 * PARTY_W + VIA_W
    for name, shown, every in (("Before", shown_before, before), ("After", shown_after, after)):
        heading = text_box(
            slide,
            (MARGIN, y, column, 0.36),
            name.upper(),
            12,
            styles[name]["line"],
            bold=True,
            anchor=MSO_ANCHOR.MIDDLE,
        )
        note = f"   {len(shown)} of {len(every)} shown" if len(shown) < len(every) else ""
        if name == "After" and fresh:
            note += "   dark boxes: newly connected"
        if note:
            _run(heading.text_frame.paragraphs[0], note, 10, MUTED)
        y += 0.4
        for conn in shown:
            _connection_row(slide, conn, y, row_h, styles[name])
            y += row_h
        y += 0.05


def _number(metric: Metric) -> str:
    value = f"{metric.value:,.10g}"
    return f"{value}{metric.unit}" if metric.unit in ("%", "‰") else f"{value} {metric.unit}"


def _metric_block(slide, metric: Metric, case: Case, box) -> None:
    tf = _frame(slide.shapes.add_textbox(*(Inches(v) for v in box)))
    value = clip_to(_number(metric), _per_line(box[2], 20, BOLD_EM))
    _run(tf.paragraphs[0], value, 20, ACCENT, bold=True)
    about = f"{metric.label}, {metric.year}"
    source = case.source_by_id.get(metric.source)
    cited = f"{about} · {source.publisher}" if source else about
    per_line = _per_line(box[2], 11)
    shown = cited if width_of(cited) <= per_line else about
    _run(tf.add_paragraph(), clip_to(shown, per_line), 11, MUTED)


def _outcome_and_metrics(slide, case: Case) -> None:
    left, top, bottom = RIGHT_COLUMN, BODY_TOP, BODY_BOTTOM
    width = WIDTH - MARGIN - left
    rect(slide, (left - 0.25, top, 0.04, bottom - top), RULE)
    status = case.outcome.status
    heading = text_box(
        slide, (left, top, width, 0.36), "OUTCOME   ", 12, INK, bold=True, anchor=MSO_ANCHOR.MIDDLE
    )
    colour = OUTCOME_COLORS[status.value].lstrip("#")
    _run(heading.text_frame.paragraphs[0], status.label, 12, colour, bold=True)
    metrics = case.metrics[:MAX_METRICS]
    metrics_h = (0.4 + METRIC_H * len(metrics)) if metrics else 0
    room = bottom - top - 0.42 - metrics_h - 0.12
    evidence = numbered(case.outcome.evidence, case)
    evidence, size = fit_text(clip(evidence, 400), width, room, (14, 13, 12, 11))
    text_box(slide, (left, top + 0.42, width, room), evidence, size, name="Evidence")
    y = bottom - metrics_h
    if metrics:
        text_box(
            slide,
            (left, y, width, 0.36),
            "KEY FIGURES",
            12,
            INK,
            bold=True,
            anchor=MSO_ANCHOR.MIDDLE,
        )
    for i, metric in enumerate(metrics):
        _metric_block(slide, metric, case, (left, y + 0.4 + METRIC_H * i, width, METRIC_H))


def sources_line(case: Case, limit: int = 330) -> str:
    """The case's sources as 'Sources: publisher (date); …', cut to whole sources."""
    if not case.sources:
        return "Illustrative example: no published sources."
    parts = [f"[{n}] {clip(s.publisher, 70)} ({s.date})" for n, s in enumerate(case.sources, 1)]
    kept: list[str] = []
    for i, part in enumerate(parts):
        rest = len(parts) - i - 1
        tail = f"; and {rest} more" if rest else ""
        if kept and width_of("; ".join([*kept, part])) + len(tail) + 9 > limit:
            return "Sources: " + "; ".join(kept) + f"; and {len(parts) - i} more"
        kept.append(part)
    return "Sources: " + "; ".join(kept)


def case_slide(prs, stop: Stop, number: int, total: int) -> None:
    slide = _blank(prs)
    _case_header(slide, stop.case)
    _connections(slide, stop.case)
    _outcome_and_metrics(slide, stop.case)
    _footer(slide, sources_line(stop.case), number, total, name="Sources")
    slide.notes_slide.notes_text_frame.text = stop.note


# --- the deck --------------------------------------------------------------------------------


def build_deck(show: Show, table_for_charts: pd.DataFrame) -> bytes:
    """The show as a .pptx: title, overview charts of `table_for_charts`, a slide per stop."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
    prs.core_properties.title = clip(show.title, 200)
    prs.core_properties.author = APP_NAME
    charts = chart_names(table_for_charts)
    total = 1 + len(charts) + len(show)
    title_slide(prs, show)
    for i, name in enumerate(charts):
        chart_slide(prs, name, table_for_charts, show, 2 + i, total)
    for i, stop in enumerate(show.stops):
        case_slide(prs, stop, 2 + len(charts) + i, total)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
