"""The drawing kit of the deck: slide geometry, colours and fonts, text that is measured
and shortened to fit its box, and the shapes every slide is made of (text boxes, filled
boxes, badges, lines, the heading and the footer).

A .pptx has no reliable overflow rule, so text is fitted here: `width_of` counts a wide
(e.g. Chinese) character twice, `fit_text` picks the largest size that fits a box and, when
none does, keeps the first sentences (or clauses, or words) that fit: text is never cut
inside a word or marked with an ellipsis. Sizes are for a room: 18 pt or more, body text
20 pt, the footer 12 pt.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
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
LINE = 1.2  # a line's height as a share of the font size
# Sizes in points: nothing on a slide is smaller than TEXT_MIN but the footer (FOOTER_PT),
# body text (summaries, outcomes, table cells) is BODY_PT or more.
TEXT_MIN, BODY_PT, FOOTER_PT = 18, 20, 12


# --- text ------------------------------------------------------------------------------


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def _measured(text: str) -> str:
    """The text with each wide (e.g. Chinese) character doubled, and every fifth tripled
    (from the third on): a wide character is a full em, and spaced from Latin text beside
    it, about 2.2 times an average Latin letter, so lengths of this string compare with
    Latin line widths."""
    out, wide = [], 0
    for c in text:
        if east_asian_width(c) in "WF":
            wide += 1
            out.append(c * (3 if wide % 5 == 3 else 2))
        else:
            out.append(c)
    return "".join(out)


def width_of(text: str) -> int:
    return len(_measured(text))


def chars_per_line(width_in: float, size_pt: float, em: float = CHAR_EM) -> int:
    """About how many characters fit on a line of the width."""
    return max(1, int(width_in * 72 / (size_pt * em)))


def lines_needed(text: str, width_in: float, size_pt: float, em: float = CHAR_EM) -> int:
    per_line = chars_per_line(width_in, size_pt, em)
    return sum(len(textwrap.wrap(_measured(p), per_line)) or 1 for p in text.split("\n"))


def mixed_lines(parts: Sequence[tuple[str, float, float]], width_in: float) -> int:
    """Lines that runs of (text, size, em) take together: each run counted in characters
    of the smallest run's size, wrapped at that size's line length."""
    base = min(size * em for _text, size, em in parts)
    words = []
    for text, size, em in parts:
        scale = size * em / base
        words += ["0" * max(1, round(width_of(w) * scale)) for w in text.split()]
    return len(textwrap.wrap(" ".join(words), chars_per_line(width_in, base, 1.0))) or 1


def text_height(text: str, width_in: float, size_pt: float, em: float = CHAR_EM) -> float:
    """Inches that the text takes in a box of the width (lines of 1.2 times the size)."""
    return lines_needed(text, width_in, size_pt, em) * size_pt * LINE / 72


def fits(text: str, box_w: float, box_h: float, size: float, em: float = CHAR_EM) -> bool:
    return text_height(text, box_w, size, em) <= box_h


# Where a text may be shortened: after a sentence, else after a clause, else after a word.
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])")
# A comma ends a clause only before a word that starts one ("…, and", "…, which"): a
# comma in a list ("green, yellow and red") does not.
_JOINS = "and|but|while|which|whose|who|before|after|then|so|as|until|when|where|its|their"
_CLAUSE = re.compile(rf"(?<=[;:])\s+(?=\S)|(?<=,)\s+(?=(?:{_JOINS})\b)|(?<=[，；：])|\s+[–—]\s+")
# Between words: at a space, or after a wide (e.g. Chinese) character, which is a word.
_WORD = re.compile(r"\s+|(?<=[\u3000-\u9fff\uff00-\uffef])(?=\S)")
# Words a shortened text does not end on: it would read as cut ("the spread of").
_DANGLING = {"a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "for"}
_DANGLING |= {"with", "by", "from", "as", "its", "their", "his", "her", "into"}


def _prefixes(text: str, pattern: re.Pattern) -> list[str]:
    """The text's beginnings that end where the pattern splits it, longest first."""
    cuts = [m.start() for m in pattern.finditer(text) if 0 < m.start() < len(text)]
    return [text[:c].rstrip(" ,;:，；：、–—") for c in reversed(cuts)]


def _closed(text: str) -> str:
    """A shortened text ends as a sentence: with its full stop."""
    if not text or text[-1] in ".!?。！？":
        return text
    return text + ("。" if east_asian_width(text[-1]) in "WF" else ".")


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("()", "（）", "[]", "“”"))


def shorten(text: str, fit: Callable[[str], bool], words: bool = True, prose: bool = True) -> str:
    """The text, or its first sentences, first clauses or (with `words`) first words,
    whichever is the longest that `fit` accepts; shortened by whole parts, never cut inside
    a word and never marked with an ellipsis ('' when nothing fits). In `prose`, a text cut
    after a clause ends with a full stop; a name or a label does not."""
    text = one_line(text)
    if fit(text):
        return text
    cuts = ((_SENTENCE, False), (_CLAUSE, prose)) + (((_WORD, False),) if words else ())
    for pattern, close in cuts:
        for head in _prefixes(text, pattern):
            if pattern is not _SENTENCE and not _balanced(head):
                continue  # never "price (Basic Autopilot"
            if pattern is _WORD and head.rsplit(" ", 1)[-1].lower() in _DANGLING:
                continue
            head = _closed(head) if close else head
            if fit(head):
                return head
    return ""


def fit_text(
    text: str,
    box_w: float,
    box_h: float,
    sizes: Sequence[float],
    em: float = CHAR_EM,
    prose: bool = True,
) -> tuple[str, float]:
    """(text, size) that fit the box: the largest size that fits, else the smallest size
    with the text shortened (`shorten`) to what the box holds."""
    text = one_line(text)
    size = next((s for s in sizes if fits(text, box_w, box_h, s, em)), sizes[-1])
    return shorten(text, lambda t: fits(t, box_w, box_h, size, em), prose=prose), size


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
