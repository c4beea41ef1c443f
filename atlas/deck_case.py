"""The slide of one case: its title and facts, the before and after connections on the
left, the outcome with its evidence and key figures on the right, its sources in the
footer and the stop's talking point in the speaker notes. With the app's public address, a
QR code of the case's page sits in the top-right corner, a link to it as well as a code."""

from __future__ import annotations

import io

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from atlas.chart_style import OUTCOME_COLORS
from atlas.citations import numbered
from atlas.deck_layout import (
    ACCENT,
    BOLD_EM,
    CHAR_EM,
    GREY,
    HEIGHT,
    INK,
    LIGHT_ACCENT,
    MARGIN,
    MUTED,
    PANEL,
    RULE,
    WIDTH,
    add_run,
    badge,
    blank_slide,
    chars_per_line,
    clip,
    clip_to,
    fill_shape,
    fit_text,
    footer,
    label_box,
    line,
    rect,
    text_box,
    text_frame,
    width_of,
)
from atlas.figures import figure_text
from atlas.graphs import new_parties
from atlas.i18n import Translate, translator, years_text
from atlas.localized import CaseText, MetricText, case_text
from atlas.presentation import Stop
from atlas.qr import case_url, qr_png, short_url
from atlas.schema import Case, Connection, Metric

MAX_CONNECTION_ROWS = 6
MAX_METRICS = 3

# The body of a case slide: connections on the left, outcome and figures on the right.
BODY_TOP, BODY_BOTTOM = 2.72, HEIGHT - 0.75
PARTY_W, VIA_W = 1.85, 2.6
RIGHT_COLUMN = MARGIN + 2 * PARTY_W + VIA_W + 0.45
METRIC_H = 0.64
# The QR code in the top-right corner, over the header's height (title, badges, summary,
# which leave it the column), the address printed under it.
QR_SIDE, QR_GAP, QR_TOP = 1.3, 0.25, 0.3
QR_LEFT = WIDTH - MARGIN - QR_SIDE
QR_CAPTION_PT = 8


def _case_header(slide, case: Case, text: CaseText, _: Translate, coded: bool = False) -> None:
    full = WIDTH - 2 * MARGIN - ((QR_SIDE + QR_GAP) if coded else 0)
    right = MARGIN + full
    title, size = fit_text(text.title, full, 0.95, (28, 24, 21), BOLD_EM)
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
    colour = OUTCOME_COLORS[status.value].lstrip("#")
    x = badge(slide, MARGIN, 1.33, _(status.label), colour, right=right)
    x = badge(slide, x + 0.12, 1.33, _(case.mode.label), ACCENT, right=right)
    facts = [_(v.label) for v in (case.thinking, case.stage, case.industry)]
    facts.append(years_text(case.years.start, case.years.end, _))
    for fact in facts:
        x = badge(slide, x + 0.12, 1.33, fact, PANEL, INK, right=right)
    summary, size = fit_text(clip(text.summary, 300), full, 0.8, (17, 15, 14))
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
    fill_shape(label, "FFFFFF")


def _connection_styles(fresh: set[str]) -> dict[str, dict]:
    after_party = {True: (ACCENT, "FFFFFF"), False: (LIGHT_ACCENT, ACCENT)}
    return {
        "Before": {"line": GREY, "via": MUTED, "party": lambda p: (GREY, "FFFFFF")},
        "After": {"line": ACCENT, "via": ACCENT, "party": lambda p: after_party[p in fresh]},
    }


def _connections(slide, text: CaseText, _: Translate) -> None:
    before, after = list(text.before), list(text.after)
    headings = {"Before": _("Before"), "After": _("After")}
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
            headings[name].upper(),
            12,
            styles[name]["line"],
            bold=True,
            anchor=MSO_ANCHOR.MIDDLE,
        )
        note = ""
        if len(shown) < len(every):
            note = "   " + _("{shown} of {total} shown").format(shown=len(shown), total=len(every))
        if name == "After" and fresh:
            note += "   " + _("dark boxes: newly connected")
        if note:
            add_run(heading.text_frame.paragraphs[0], note, 10, MUTED)
        y += 0.4
        for conn in shown:
            _connection_row(slide, conn, y, row_h, styles[name])
            y += row_h
        y += 0.05


def _number(metric: Metric, unit: str | None = None) -> str:
    return figure_text(metric.value, unit or metric.unit)


def _metric_block(slide, metric: Metric, shown_as: MetricText, case: Case, box) -> None:
    tf = text_frame(slide.shapes.add_textbox(*(Inches(v) for v in box)))
    value = clip_to(_number(metric, shown_as.unit), chars_per_line(box[2], 20, BOLD_EM))
    add_run(tf.paragraphs[0], value, 20, ACCENT, bold=True)
    about = f"{shown_as.label}, {metric.year}"
    source = case.source_by_id.get(metric.source)
    cited = f"{about} · {source.publisher}" if source else about
    per_line = chars_per_line(box[2], 11)
    shown = cited if width_of(cited) <= per_line else about
    add_run(tf.add_paragraph(), clip_to(shown, per_line), 11, MUTED)


def _outcome_and_metrics(slide, case: Case, text: CaseText, _: Translate) -> None:
    left, top, bottom = RIGHT_COLUMN, BODY_TOP, BODY_BOTTOM
    width = WIDTH - MARGIN - left
    rect(slide, (left - 0.25, top, 0.04, bottom - top), RULE)
    status = case.outcome.status
    heading = text_box(
        slide,
        (left, top, width, 0.36),
        _("Outcome").upper() + "   ",
        12,
        INK,
        bold=True,
        anchor=MSO_ANCHOR.MIDDLE,
    )
    colour = OUTCOME_COLORS[status.value].lstrip("#")
    add_run(heading.text_frame.paragraphs[0], _(status.label), 12, colour, bold=True)
    metrics = case.metrics[:MAX_METRICS]
    metrics_h = (0.4 + METRIC_H * len(metrics)) if metrics else 0
    room = bottom - top - 0.42 - metrics_h - 0.12
    evidence = numbered(text.outcome_evidence, case)
    evidence, size = fit_text(clip(evidence, 400), width, room, (14, 13, 12, 11))
    text_box(slide, (left, top + 0.42, width, room), evidence, size, name="Evidence")
    y = bottom - metrics_h
    if metrics:
        text_box(
            slide,
            (left, y, width, 0.36),
            _("Key figures").upper(),
            12,
            INK,
            bold=True,
            anchor=MSO_ANCHOR.MIDDLE,
        )
    for i, metric in enumerate(metrics):
        box = (left, y + 0.4 + METRIC_H * i, width, METRIC_H)
        _metric_block(slide, metric, text.metrics[i], case, box)


def sources_line(case: Case, limit: int = 330, _: Translate = str) -> str:
    """The case's sources as 'Sources: publisher (date); …', cut to whole sources."""
    if not case.sources:
        return _("An illustrative example: no published sources.")
    parts = [f"[{n}] {clip(s.publisher, 70)} ({s.date})" for n, s in enumerate(case.sources, 1)]
    lead = _("Sources:") + " "
    kept: list[str] = []
    for i, part in enumerate(parts):
        rest = len(parts) - i - 1
        tail = _("; and {n} more").format(n=rest) if rest else ""
        if kept and width_of("; ".join([*kept, part])) + width_of(tail) + 9 > limit:
            return lead + "; ".join(kept) + _("; and {n} more").format(n=len(parts) - i)
        kept.append(part)
    return lead + "; ".join(kept)


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


def _qr_code(slide, url: str, _: Translate) -> None:
    """The code of the case's page, a link to it too, with the address printed under it."""
    picture = slide.shapes.add_picture(
        io.BytesIO(qr_png(url)), Inches(QR_LEFT), Inches(QR_TOP), Inches(QR_SIDE), Inches(QR_SIDE)
    )
    picture.name = "QR code"
    picture._element.nvPicPr.cNvPr.set("descr", _("QR code: {url}").format(url=url))
    picture.click_action.hyperlink.address = url
    top = QR_TOP + QR_SIDE + 0.04
    box = (QR_LEFT, top, QR_SIDE, BODY_TOP - 0.1 - top)
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    shape.name = "Case link"
    tf = text_frame(shape)
    per_line = chars_per_line(QR_SIDE, QR_CAPTION_PT)
    for i, part in enumerate(url_lines(short_url(url), per_line)[:4]):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER
        run = add_run(paragraph, part, QR_CAPTION_PT, ACCENT)
        run.hyperlink.address = url


def case_slide(
    prs, stop: Stop, number: int, total: int, lang: str = "en", base_url: str | None = None
) -> None:
    """The case's slide; with the app's public address `base_url`, its QR code too."""
    slide = blank_slide(prs)
    _ = translator(lang)
    text = case_text(stop.case, lang)
    url = case_url(base_url, stop.case.id, lang)
    _case_header(slide, stop.case, text, _, coded=url is not None)
    if url:
        _qr_code(slide, url, _)
    _connections(slide, text, _)
    _outcome_and_metrics(slide, stop.case, text, _)
    footer(slide, sources_line(stop.case, _=_), number, total, name="Sources")
    slide.notes_slide.notes_text_frame.text = stop.note
