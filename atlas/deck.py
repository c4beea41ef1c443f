"""A PowerPoint deck of a Show: a title slide, overview charts, one slide per case.

It plays the same `Show` as presenter mode, so the deck a presenter hands out has the
slides the room saw. Everything is drawn with python-pptx shapes on blank 16:9 slides
(the default template's placeholders keep 4:3 positions); charts are PNGs rendered
offline by vl-convert, and the fonts are ones every office suite has, so nothing is
fetched. This module makes the title slide, the chart slides and the deck; the case
slides are drawn by `atlas.deck_case`, and both draw with the shapes and fitted text of
`atlas.deck_layout` (a .pptx has no reliable overflow rule, so text is cut to fit there).
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from collections.abc import Sequence

import pandas as pd
from PIL import Image
from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Inches, Pt

from atlas.charts import CHARTS, chart_language, chart_png
from atlas.deck_case import case_slide
from atlas.deck_compare import compare_slides, comparison
from atlas.deck_layout import (
    ACCENT,
    BODY_PT,
    BOLD_EM,
    HEIGHT,
    INK,
    MARGIN,
    MUTED,
    PANEL,
    TEXT_MIN,
    WIDTH,
    add_run,
    blank_slide,
    fit_text,
    fits,
    footer,
    one_line,
    rect,
    shorten,
    slide_heading,
    text_box,
    text_frame,
    width_of,
)
from atlas.i18n import N_, Translate, count_text, long_date, translator
from atlas.localized import case_text
from atlas.presentation import COMPARE, TOUR, Show
from atlas.vocabulary import Mode

APP_NAME = "Transformation Atlas"
MIN_CASES_FOR_CHARTS = 8  # a chart of a few cases (bars of 1) says nothing the case slides do not
# The chart plot areas in Vega pixels (before vl-convert's 2x), and the most height a
# bar chart's category gets, so two categories do not become two slabs.
CHART_PLOT = (760, 300)
BAND_MAX_PX = 90
CHART_FONT_PX = 19  # about 18 pt once the chart is scaled to the slide
CONTENTS_ROWS = 10
FEW_CONTENTS = 5  # up to this many cases, the contents give full titles on two lines
HANG = 0.38  # inches: the numbers' column in the list of contents


# --- title slide ---------------------------------------------------------------------------


def title_slide(prs, show: Show) -> None:
    slide = blank_slide(prs)
    _ = translator(show.lang)
    rect(slide, (0, 0, 0.28, HEIGHT), ACCENT)
    left, width = 0.95, 6.3 if show.stops else WIDTH - 1.9
    kind = {TOUR: _("Tour"), COMPARE: _("Comparison")}.get(show.kind, _("Selection"))
    kicker = f"{_('Transformation Atlas')}  ·  {kind}".upper()
    kicker, _size = fit_text(kicker, width, 0.4, (TEXT_MIN,), BOLD_EM)
    text_box(slide, (left, 0.95, width, 0.4), kicker, TEXT_MIN, ACCENT, bold=True)
    title, size = fit_text(show.title, width, 2.1, (44, 36, 30), BOLD_EM)
    text_box(
        slide, (left, 1.5, width, 2.1), title, size, bold=True, anchor=MSO_ANCHOR.BOTTOM,
        name="Deck title",
    )  # fmt: skip
    # the title above already names the tour; a selection titled by its sentence says it once
    caption = show.subtitle if show.subtitle != show.title else ""
    caption, size = fit_text(caption, width, 1.9, (24, 22, BODY_PT))
    text_box(slide, (left, 3.85, width, 1.9), caption, size, MUTED)
    when = long_date(dt.date.today(), show.lang)
    dated = f"{count_text(len(show), _)}  ·  {when}"
    text_box(slide, (left, 6.3, width, 0.45), dated, TEXT_MIN, MUTED)
    if show.stops:
        titles = [case_text(s.case, show.lang).title for s in show.stops]
        _contents(slide, titles, _)


def short_title(title: str) -> str:
    """'Luckin Coffee - app-only coffee' -> 'Luckin Coffee': the name before the dash or colon."""
    for mark in (" - ", ": ", "：", " — "):
        head = title.split(mark, 1)[0]
        if mark in title and width_of(head) >= 3:
            return head
    return title


def _contents(slide, titles: Sequence[str], _: Translate) -> None:
    """The cases of the deck, numbered, in a panel on the right: full titles on up to two
    lines when there are few, short names on one line when there are many."""
    left, top, width = 7.6, 1.0, WIDTH - 7.6 - MARGIN
    rect(slide, (left, top, width, 5.75), PANEL)
    text_box(
        slide, (left + 0.35, top + 0.3, width - 0.7, 0.45), _("In this deck"), BODY_PT, ACCENT,
        bold=True,
    )  # fmt: skip
    many = len(titles) > CONTENTS_ROWS
    shown = titles[: CONTENTS_ROWS - 1] if many else titles
    few = len(shown) <= FEW_CONTENTS
    size, text_w = TEXT_MIN, width - 0.7 - HANG
    lines = 2 if few else 1
    rows = [
        shorten(
            title if few else short_title(title),
            lambda t: _fits_lines(t, text_w, lines),
            prose=False,
        )
        for title in shown
    ]
    box = (left + 0.35, top + 0.85, width - 0.7, 4.7)
    tf = text_frame(slide.shapes.add_textbox(*(Inches(v) for v in box)))
    for i, row in enumerate(rows):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        paragraph.space_after = Pt(size * 0.5)
        _hang(paragraph)
        add_run(paragraph, f"{i + 1}\t", size, ACCENT, bold=True)
        add_run(paragraph, row, size)
    if many:
        more = tf.add_paragraph()
        _hang(more)
        add_run(more, "\t" + _("and {n} more").format(n=len(titles) - len(shown)), size, MUTED)


def _fits_lines(text: str, width: float, lines: int) -> bool:
    return fits(text, width, lines * TEXT_MIN * 1.2 / 72, TEXT_MIN)


def _hang(paragraph) -> None:
    """A hanging indent: the number sits in the margin, wrapped lines align with the text."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", str(Inches(HANG)))
    ppr.set("indent", str(-Inches(HANG)))


# --- chart slides --------------------------------------------------------------------------

CHART_TITLES = {
    "outcome_by_industry": N_("Outcomes by industry"),
    "industry_connection_grid": N_("Industries × connection types"),
    "timeline": N_("Cases by start year"),
    "mode_outcome": N_("Outcomes by mode: +Internet or Internet+"),
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


def chart_subtitle(show: Show, _: Translate = str) -> str:
    if not show.is_tour:
        return show.subtitle
    return _("The {count} of the tour “{title}”").format(
        count=count_text(len(show), _), title=show.title
    )


def _explain(slide, vocabulary, top: float, _: Translate = str) -> None:
    """Each term of a vocabulary with its definition, side by side."""
    terms = list(vocabulary)
    room = EXPLAIN_H - BODY_PT * 1.2 / 72
    width = (WIDTH - 2 * MARGIN - 0.4 * (len(terms) - 1)) / len(terms)
    for i, term in enumerate(terms):
        box = (MARGIN + i * (width + 0.4), top, width, EXPLAIN_H)
        tf = text_frame(slide.shapes.add_textbox(*(Inches(v) for v in box)))
        add_run(tf.paragraphs[0], _(term.label), BODY_PT, ACCENT, bold=True)
        definition = shorten(_(term.definition), lambda t: fits(t, width, room, BODY_PT))
        add_run(tf.add_paragraph(), definition, BODY_PT, INK)


EXPLAIN_H = 1.45


def chart_slide(prs, name: str, table: pd.DataFrame, show: Show, number: int, total: int):
    slide = blank_slide(prs)
    _ = translator(show.lang)
    slide_heading(slide, _(CHART_TITLES[name]))
    subtitle, _size = fit_text(chart_subtitle(show, _), WIDTH - 2 * MARGIN, 0.4, (TEXT_MIN,))
    text_box(slide, (MARGIN, 1.2, WIDTH - 2 * MARGIN, 0.4), subtitle, TEXT_MIN, MUTED)
    with chart_language(_):
        png = chart_png(_slide_chart(name, table))
    explained = EXPLAINED.get(name)
    chart_h = HEIGHT - 2.65 - (EXPLAIN_H + 0.2 if explained else 0)
    _picture_in(slide, png, (MARGIN, 1.75, WIDTH - 2 * MARGIN, chart_h))
    if explained:
        _explain(slide, explained, 1.75 + chart_h + 0.15, _)
    footer(slide, deck_footer(show, _), number, total)


def deck_footer(show: Show, _: Translate = str) -> str:
    about = show.title if show.is_tour else show.subtitle
    return f"{_('Transformation Atlas')}  ·  {one_line(about)}"


def chart_names(table: pd.DataFrame) -> list[str]:
    return list(CHARTS) if len(table) >= MIN_CASES_FOR_CHARTS else []


# --- the deck --------------------------------------------------------------------------------


def build_deck(show: Show, table_for_charts: pd.DataFrame, base_url: str | None = None) -> bytes:
    """The show as a .pptx: title, overview charts of `table_for_charts`, a slide per stop;
    with the app's public address `base_url`, each case slide has its page's QR code."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
    prs.core_properties.title = one_line(show.title)[:200]
    prs.core_properties.author = APP_NAME
    charts = chart_names(table_for_charts)
    laid_out = comparison([s.case for s in show.stops], show.lang) if show.kind == COMPARE else None
    compared = len(laid_out.pages) if laid_out else 0
    total = 1 + compared + len(charts) + len(show)
    title_slide(prs, show)
    if laid_out:
        about = deck_footer(show, translator(show.lang))
        compare_slides(prs, laid_out, show.lang, 2, total, about)
    for i, name in enumerate(charts):
        chart_slide(prs, name, table_for_charts, show, 2 + compared + i, total)
    for i, stop in enumerate(show.stops):
        case_slide(prs, stop, 2 + compared + len(charts) + i, total, show.lang, base_url)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
