"""The drawing kit of the deck: slide geometry, colours and fonts, text that is measured
and cut to fit its box, and the shapes every slide is made of (text boxes, filled boxes,
badges, lines, the heading and the footer).

A .pptx has no reliable overflow rule, so text is fitted here: `width_of` counts a wide
(e.g. Chinese) character twice, `fit_text` picks the largest size that fits a box and cuts
the text when none does.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from unicodedata import east_asian_width

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from atlas.graphs import AFTER_COLOUR, BEFORE_COLOUR

WIDTH, HEIGHT, MARGIN = 13.333, 7.5, 0.55  # inches: 16:9
FONT = "Arial"  # LibreOffice maps it to the metric-compatible Liberation Sans
INK, MUTED, RULE = "1C2430", "5B6675", "D5DAE1"
ACCENT, GREY = AFTER_COLOUR.lstrip("#").upper(), BEFORE_COLOUR.lstrip("#").upper()
LIGHT_ACCENT, PANEL = "DCE7F2", "F3F5F8"
# Average character width of Arial as a share of the font size (measured on case text:
# 0.44 regular, 0.55 bold), a little generous so that an estimate that fits really fits.
CHAR_EM, BOLD_EM = 0.47, 0.57


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


def chars_per_line(width_in: float, size_pt: float, em: float = CHAR_EM) -> int:
    """About how many characters fit on a line of the width."""
    return max(1, int(width_in * 72 / (size_pt * em)))


def lines_needed(text: str, width_in: float, size_pt: float, em: float = CHAR_EM) -> int:
    return len(textwrap.wrap(_measured(text), chars_per_line(width_in, size_pt, em))) or 1


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


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def add_run(paragraph, text: str, size: float, colour: str = INK, bold=False, italic=False):
    run = paragraph.add_run()
    run.text = text
    font = run.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    font.color.rgb = rgb(colour)
    return run


def text_frame(shape, anchor=MSO_ANCHOR.TOP, margin: float = 0.0):
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
    paragraph = text_frame(shape, anchor).paragraphs[0]
    paragraph.alignment = align
    add_run(paragraph, text, size, colour, bold, italic)
    return shape


def fill_shape(shape, colour: str | None, line: str | None = None) -> None:
    if colour:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(colour)
    else:
        shape.fill.background()
    if line:
        shape.line.color.rgb = rgb(line)
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
    fill_shape(shape, colour, line)
    return shape


def label_box(slide, box, text: str, size: float, fill: str, ink: str, bold=False):
    """A filled box with centred text: a party of a connection, or a badge."""
    shape = rect(slide, box, fill, rounded=True)
    paragraph = text_frame(shape, MSO_ANCHOR.MIDDLE, margin=0.06).paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    add_run(paragraph, text, size, ink, bold=bold)
    return shape


def badge(
    slide,
    left: float,
    top: float,
    text: str,
    fill: str,
    ink: str = "FFFFFF",
    right: float = WIDTH - MARGIN,
) -> float:
    """A pill sized to its text; returns its right edge (no pill if it would not pass
    `right`)."""
    width = width_of(text) * 12 * BOLD_EM / 72 + 0.3
    if left + width > right:
        return left
    label_box(slide, (left, top, width, 0.34), text, 12, fill, ink, bold=True)
    return left + width


# --- slide frame ---------------------------------------------------------------------------


def blank_slide(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])  # "Blank": no 4:3 placeholders


def slide_heading(slide, title: str, size: int = 28) -> None:
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
    shape.line.color.rgb, shape.line.width = rgb(colour), Pt(width_pt)
    return shape


def footer(slide, left_text: str, number: int, total: int, name: str = "Footer") -> None:
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
