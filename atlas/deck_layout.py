"""The drawing kit of the deck: slide geometry, colours, fonts and sizes, and the shapes
every slide is made of (text boxes, filled boxes, badges, lines, the heading and the
footer). Text is measured and shortened to fit by `atlas.deck_text` (re-exported here).
Sizes are for a room: 18 pt or more, body text 20 pt, the footer 12 pt.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from atlas.deck_text import (  # noqa: F401  (the deck's modules draw with these from here)
    BOLD_EM,
    CHAR_EM,
    LINE,
    chars_per_line,
    fit_text,
    fits,
    lines_needed,
    mixed_lines,
    one_line,
    shorten,
    text_height,
    width_of,
)
from atlas.graphs import AFTER_COLOUR, BEFORE_COLOUR

WIDTH, HEIGHT, MARGIN = 13.333, 7.5, 0.55  # inches: 16:9
FONT = "Arial"  # LibreOffice maps it to the metric-compatible Liberation Sans
INK, MUTED, RULE = "1C2430", "5B6675", "D5DAE1"
ACCENT, GREY = AFTER_COLOUR.lstrip("#").upper(), BEFORE_COLOUR.lstrip("#").upper()
LIGHT_ACCENT, PANEL = "DCE7F2", "F3F5F8"
# Sizes in points: nothing on a slide is smaller than TEXT_MIN but the footer (FOOTER_PT),
# body text (summaries, outcomes, table cells) is BODY_PT or more.
TEXT_MIN, BODY_PT, FOOTER_PT = 18, 20, 12


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
    size: float = TEXT_MIN,
) -> float:
    """A pill sized to its text; returns its right edge."""
    width = badge_width(text, size)
    label_box(slide, (left, top, width, BADGE_H), text, size, fill, ink, bold=True)
    return left + width


BADGE_H = 0.46


def badge_width(text: str, size: float = TEXT_MIN) -> float:
    return width_of(text) * size * BOLD_EM / 72 + 0.3


# --- slide frame ---------------------------------------------------------------------------


def blank_slide(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])  # "Blank": no 4:3 placeholders


def slide_heading(slide, title: str, size: int = 30) -> None:
    title, size = fit_text(title, WIDTH - 2 * MARGIN, 0.9, (size, 26, 22), BOLD_EM)
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


FOOTER_TOP = HEIGHT - 0.62
# The footer's text box: two lines at FOOTER_PT beside the slide number.
FOOTER_BOX = (MARGIN, FOOTER_TOP + 0.06, WIDTH - 2 * MARGIN - 1.1, 0.48)


def footer(slide, left_text: str, number: int, total: int, name: str = "Footer") -> None:
    """The rule, a line or two of `left_text` (shortened to fit) and the slide's number."""
    top = FOOTER_TOP
    line(slide, MARGIN, top, WIDTH - MARGIN, top, RULE, 0.75)
    left_text, _ = fit_text(left_text, *FOOTER_BOX[2:], (FOOTER_PT,))
    text_box(slide, FOOTER_BOX, left_text, FOOTER_PT, MUTED, name=name)
    text_box(
        slide,
        (WIDTH - MARGIN - 1.0, top + 0.06, 1.0, 0.3),
        f"{number} / {total}",
        FOOTER_PT,
        MUTED,
        align=PP_ALIGN.RIGHT,
    )
