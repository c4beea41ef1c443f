"""The slide of one case, at sizes a room can read: its title, outcome and mode as
badges and its other facts on a line, the summary (its first sentences when it is long), the
before and after connections on the left (`atlas.deck_connections`), the outcome in a few
words and at most three key figures on the right, and its sources in the footer. What does
not fit is shortened by whole sentences and written in full in the speaker notes, after the
stop's talking point (`atlas.deck_notes`). With the app's public address, a QR code of the
case's page sits in the top-right corner, a link to it as well as a code."""

from __future__ import annotations

import io

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from atlas.chart_style import OUTCOME_COLORS
from atlas.citations import numbered
from atlas.deck_connections import COLUMN_W, connections
from atlas.deck_layout import (
    ACCENT,
    BADGE_H,
    BODY_PT,
    BOLD_EM,
    CHAR_EM,
    FOOTER_PT,
    FOOTER_TOP,
    INK,
    LINE,
    MARGIN,
    MUTED,
    RULE,
    TEXT_MIN,
    WIDTH,
    add_run,
    badge,
    badge_width,
    blank_slide,
    chars_per_line,
    fit_text,
    fits,
    footer,
    mixed_lines,
    rect,
    shorten,
    text_box,
    text_frame,
    text_height,
    width_of,
)
from atlas.deck_notes import case_notes, sources_line
from atlas.figures import figure_text
from atlas.i18n import Translate, translator, years_text
from atlas.localized import CaseText, MetricText, case_text
from atlas.presentation import Stop
from atlas.qr import case_url, qr_png, short_url
from atlas.schema import Case, Metric

__all__ = ["case_slide", "sources_line", "url_lines"]

MAX_METRICS = 3
FIGURE_PT = 24  # a key figure's number
BODY_BOTTOM = FOOTER_TOP - 0.12
RIGHT_COLUMN = MARGIN + COLUMN_W + 0.5
HEADING_H = 0.42
# The QR code in the top-right corner, over the header's height (title, badges, summary,
# which leave it the column), the address printed under it.
QR_SIDE, QR_GAP, QR_TOP = 1.3, 0.25, 0.3
QR_LEFT = WIDTH - MARGIN - QR_SIDE
QR_CAPTION_PT = FOOTER_PT
QR_CAPTION_LINES = 4


def _case_header(slide, case: Case, text: CaseText, _: Translate, coded: bool) -> float:
    """Title, badges, facts and summary; returns where they end (inches from the top)."""
    full = WIDTH - 2 * MARGIN - ((QR_SIDE + QR_GAP) if coded else 0)
    title, size = fit_text(text.title, full, 0.95, (32, 28, 24, 20), BOLD_EM, prose=False)
    text_box(
        slide, (MARGIN, 0.3, full, 0.95), title, size, bold=True, anchor=MSO_ANCHOR.MIDDLE,
        name="Title",
    )  # fmt: skip
    status = case.outcome.status
    colour = OUTCOME_COLORS[status.value].lstrip("#")
    top = 1.35
    x = badge(slide, MARGIN, top, _(status.label), colour)
    x = badge(slide, x + 0.15, top, _(case.mode.label), ACCENT) + 0.25
    facts = [_(v.label) for v in (case.thinking, case.stage, case.industry)]
    facts.append(years_text(case.years.start, case.years.end, _))
    facts_text = "  ·  ".join(facts)
    facts_h = max(BADGE_H, text_height(facts_text, MARGIN + full - x, TEXT_MIN))
    text_box(
        slide, (x, top, MARGIN + full - x, facts_h), facts_text, TEXT_MIN, MUTED,
        anchor=MSO_ANCHOR.MIDDLE, name="Facts",
    )  # fmt: skip
    top += facts_h + 0.12
    summary, size = fit_text(text.summary, full, 3 * BODY_PT * LINE / 72 + 0.02, (22, BODY_PT))
    height = text_height(summary, full, size)
    text_box(slide, (MARGIN, top, full, height), summary, size, name="Summary")
    return top + height


def _figure_lines(metric: Metric, shown_as: MetricText, width: float) -> tuple[str, str, int]:
    """A key figure's number, what it counts (shortened to two lines) and its lines."""
    value = figure_text(metric.value, shown_as.unit or metric.unit)

    def lines(about: str) -> int:
        parts = [(value, FIGURE_PT, BOLD_EM), (about, TEXT_MIN, CHAR_EM)]
        return mixed_lines(parts, width)

    about = shorten(f"{shown_as.label}, {metric.year}", lambda t: lines(t) <= 2, prose=False)
    return value, about, lines(about)


def _figure_height(lines: int) -> float:
    return lines * TEXT_MIN * LINE / 72 + (FIGURE_PT - TEXT_MIN) * LINE / 72 + 0.1


def _said_in(text: str, width: float, room: float, cut: str) -> str:
    """The text if it fits (cut 'none'), or shortened by sentences and clauses ('parts') or
    also by words ('words'); '' when that does not fit."""

    def fit(t: str) -> bool:
        return fits(t, width, room, BODY_PT)

    if cut == "none":
        return text if fit(text) else ""
    return shorten(text, fit, words=cut == "words")


def _figures_height(figures: list) -> float:
    return HEADING_H + sum(_figure_height(f[2]) for f in figures) if figures else 0.0


def _outcome_text(case: Case, text: CaseText) -> str:
    return numbered(text.outcome_rationale or text.outcome_evidence, case)


def _outcome_and_figures(slide, case: Case, text: CaseText, top: float, _: Translate) -> None:
    """The outcome's one-line reason and up to three key figures, as many as leave the reason
    whole; the rest are in the notes."""
    left, bottom = RIGHT_COLUMN, BODY_BOTTOM
    width = WIDTH - MARGIN - left
    rect(slide, (left - 0.25, top, 0.04, bottom - top), RULE)
    status = case.outcome.status
    heading = text_box(
        slide, (left, top, width, HEADING_H), _("Outcome").upper() + "   ", TEXT_MIN, INK,
        bold=True, anchor=MSO_ANCHOR.MIDDLE,
    )  # fmt: skip
    colour = OUTCOME_COLORS[status.value].lstrip("#")
    add_run(heading.text_frame.paragraphs[0], _(status.label), TEXT_MIN, colour, bold=True)
    pairs = list(zip(case.metrics, text.metrics, strict=True))[:MAX_METRICS]
    figures = [_figure_lines(m, t, width) for m, t in pairs]
    said = _outcome_text(case, text)
    # The outcome's words whole with as many figures as leave them room (at least one), else
    # its first sentences or clauses, else no figures; first words only as a last resort.
    most = len(figures)
    tries = [(1, "none"), (1, "parts"), (0, "none"), (0, "parts"), (0, "words")]
    words, shown, room = "", 0, 0.0
    for least, cut in tries:
        for shown in range(most, least - 1, -1):
            room = bottom - top - HEADING_H - _figures_height(figures[:shown]) - 0.1
            words = _said_in(said, width, room, cut)
            if words:
                break
        if words:
            break
    figures = figures[:shown]
    figures_h = _figures_height(figures)
    text_box(slide, (left, top + HEADING_H, width, room), words, BODY_PT, name="Evidence")
    if not figures:
        return
    y = bottom - figures_h
    heading = _("Key figures").upper()
    box = text_box(
        slide, (left, y, width, HEADING_H), heading, TEXT_MIN, INK, bold=True,
        anchor=MSO_ANCHOR.MIDDLE,
    )  # fmt: skip
    if len(figures) < len(case.metrics):
        shown_of = {"shown": len(figures), "total": len(case.metrics)}
        more = _("{shown} of {total}, all in the notes").format(**shown_of)
        if badge_width(heading) + width_of(more + "   ") * TEXT_MIN * CHAR_EM / 72 > width:
            more = _("{shown} of {total}").format(**shown_of)
        add_run(box.text_frame.paragraphs[0], "   " + more, TEXT_MIN, MUTED)
    y += HEADING_H
    for value, about, lines in figures:
        h = _figure_height(lines)
        tf = text_frame(slide.shapes.add_textbox(*(Inches(v) for v in (left, y, width, h))))
        paragraph = tf.paragraphs[0]
        add_run(paragraph, value + "  ", FIGURE_PT, ACCENT, bold=True)
        add_run(paragraph, about, TEXT_MIN, MUTED)
        y += h


def url_lines(address: str, per_line: int) -> list[str]:
    """The address in lines of at most `per_line` characters, broken before a / ? or &
    or after a hyphen near the end of a line, else where the line is full."""
    lines = []
    while len(address) > per_line:
        cut = max(address.rfind(mark, 1, per_line + 1) for mark in "/?&")
        cut = max(cut, address.rfind("-", 1, per_line) + 1)
        cut = cut if cut > per_line // 3 else per_line
        lines.append(address[:cut])
        address = address[cut:]
    return [*lines, address] if address else lines


def _qr_code(slide, url: str, _: Translate) -> float:
    """The code of the case's page, a link to it too, with the address printed under it;
    returns where it ends."""
    picture = slide.shapes.add_picture(
        io.BytesIO(qr_png(url)), Inches(QR_LEFT), Inches(QR_TOP), Inches(QR_SIDE), Inches(QR_SIDE)
    )
    picture.name = "QR code"
    picture._element.nvPicPr.cNvPr.set("descr", _("QR code: {url}").format(url=url))
    picture.click_action.hyperlink.address = url
    top = QR_TOP + QR_SIDE + 0.04
    per_line = chars_per_line(QR_SIDE, QR_CAPTION_PT)
    lines = url_lines(short_url(url), per_line)[:QR_CAPTION_LINES]
    box = (QR_LEFT, top, QR_SIDE, len(lines) * QR_CAPTION_PT * LINE / 72 + 0.05)
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    shape.name = "Case link"
    tf = text_frame(shape)
    for i, part in enumerate(lines):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER
        run = add_run(paragraph, part, QR_CAPTION_PT, ACCENT)
        run.hyperlink.address = url
    return top + box[3]


def case_slide(
    prs, stop: Stop, number: int, total: int, lang: str = "en", base_url: str | None = None
) -> None:
    """The case's slide; with the app's public address `base_url`, its QR code too."""
    slide = blank_slide(prs)
    _ = translator(lang)
    text = case_text(stop.case, lang)
    url = case_url(base_url, stop.case.id, lang)
    top = _case_header(slide, stop.case, text, _, coded=url is not None)
    if url:
        top = max(top, _qr_code(slide, url, _))
    top += 0.2
    connections(slide, list(text.before), list(text.after), top, BODY_BOTTOM, _)
    _outcome_and_figures(slide, stop.case, text, top, _)
    footer(slide, sources_line(stop.case, _=_), number, total, name="Sources")
    slide.notes_slide.notes_text_frame.text = case_notes(stop, text, _)
