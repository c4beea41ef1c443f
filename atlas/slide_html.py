"""The body of a presentation slide as HTML: the connections before and after, drawn left
to right, and the outcome with at most three figures.

Sizes are in `cqw` (a hundredth of the slide's width), so the slide is designed once at a
16:9 size and scales to any window, as reveal.js does; at 1920x1080 the smallest text is
over 18 px and body text over 24 px. Long text is shortened by design (a few rows, the
first sentences, three figures), and what is left out is said, never cut by the screen.
All case text is escaped: the cases are data anyone can edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from atlas.citations import numbered
from atlas.figures import figure_text
from atlas.graphs import new_parties
from atlas.i18n import translator
from atlas.localized import CaseText
from atlas.qr import case_url, qr_svg_data_uri, short_url
from atlas.schema import Case, Connection

MAX_BEFORE, MAX_AFTER = 3, 4  # rows of each diagram
EVIDENCE_CHARS = 260  # the outcome's evidence, shortened at a sentence or a word
MAX_FIGURES = 3
INK, MUTED, GREY, ACCENT, PALE = "#0b0e13", "#3d4654", "#5b6675", "#1f5f99", "#dce9f5"

# The code sits in the slide's top-right corner, beside the title (which leaves it room),
# its caption on the badges' line; the slide's container is its positioned ancestor.
QR_TOP, QR_RIGHT, QR_CQW = 1.1, 2.2, 7  # ends above the summary, at 1024 px too
QR_TITLE_ROOM = QR_CQW + 1.2  # the title's right padding when a code is drawn

SLIDE_BODY_CSS = f"""
.atlas-slide-body {{ display: grid; grid-template-columns: 57fr 43fr; gap: 2.4cqw;
  color: {INK}; font-family: inherit; }}
.atlas-slide-body .phase {{ margin: 0 0 0.9cqw; }}
.atlas-slide-body .phase-title {{ font-size: 1.45cqw; font-weight: 700; color: {MUTED};
  text-transform: uppercase; letter-spacing: .04em; margin: 0 0 .4cqw; }}
.atlas-slide-body .phase-title small {{ font-size: 1.3cqw; font-weight: 400;
  text-transform: none; letter-spacing: 0; }}
.atlas-slide-body .row {{ display: grid; grid-template-columns: 28fr 44fr 28fr;
  align-items: center; margin: 0 0 .55cqw; }}
.atlas-slide-body .party {{ font-size: 1.4cqw; font-weight: 700; line-height: 1.15;
  border-radius: .5cqw; padding: .45cqw .6cqw; text-align: center; color: #ffffff;
  background: {GREY}; }}
.atlas-slide-body .after .party {{ background: {PALE}; color: {ACCENT}; }}
.atlas-slide-body .after .party.new {{ background: {ACCENT}; color: #ffffff; }}
.atlas-slide-body .via {{ font-size: 1.3cqw; line-height: 1.15; color: {MUTED};
  font-style: italic; text-align: center; padding: 0 .5cqw; border-bottom: .12cqw solid
  {GREY}; }}
.atlas-slide-body .after .via {{ color: {ACCENT}; border-color: {ACCENT}; }}
.atlas-slide-body .more {{ font-size: 1.3cqw; color: {MUTED}; margin: 0 0 .4cqw; }}
.atlas-slide-body .verdict {{ font-size: 1.75cqw; line-height: 1.38; margin: 0 0 1.1cqw; }}
.atlas-slide-body .fig {{ margin: 0 0 .8cqw; }}
.atlas-slide-body .num {{ font-size: 2.7cqw; font-weight: 700; line-height: 1.1;
  color: {ACCENT}; }}
.atlas-slide-body .about {{ font-size: 1.4cqw; line-height: 1.25; color: {MUTED}; }}
"""
# Inside the slide's container (`.st-key-slide`), whose child `.st-key-slide-qr` holds the
# code: that container's wrapper is taken out of the column (no gap), into the corner. The
# caption follows the badges in their row (`.st-key-slide-badges`), below the title however
# many lines it has; the title and that row leave the code its column.
SLIDE_QR_CSS = f"""
[data-testid="stLayoutWrapper"]:has(> .st-key-slide-qr) {{ position: absolute !important;
  top: {QR_TOP}cqw; right: {QR_RIGHT}cqw; width: {QR_CQW}cqw !important; }}
.atlas-slide-qr {{ margin: 0; }}
.atlas-slide-qr img {{ display: block; width: 100%; height: auto; }}
.st-key-slide-badges [data-testid="stElementContainer"]:has(.atlas-slide-qr-caption) {{
  align-self: center; min-width: 0; }}
.atlas-slide-qr-caption {{ font-size: 1.25cqw; line-height: 1.15; color: {MUTED};
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
"""


def _e(text: object) -> str:
    return escape(" ".join(str(text).split()), quote=True)


def shorten(text: str, limit: int) -> tuple[str, bool]:
    """The text whole if it fits; else its first sentences that fit, or its first words
    and an ellipsis. Returns (text, whether it was shortened)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    for mark in (". ", "。", "; ", "；"):
        end = head.rfind(mark)
        if end >= limit // 2:
            return head[: end + 1].strip(), True
    cut = head.rfind(" ")
    return (head[:cut] if cut >= limit // 2 else head).rstrip(",;:") + "…", True


def _rows(connections: Sequence[Connection], fresh: set[str]) -> str:
    def party(name: str) -> str:
        cls = "party new" if name in fresh else "party"
        return f'<div class="{cls}">{_e(name)}</div>'

    return "".join(
        f'<div class="row">{party(c.from_)}<div class="via">{_e(c.via)}</div>{party(c.to)}</div>'
        for c in connections
    )


def _phase(name: str, every: Sequence[Connection], most: int, fresh: set[str], _) -> str:
    shown = list(every)[:most]
    legend = f" <small>{_e(_('dark boxes: newly connected'))}</small>" if fresh else ""
    more = ""
    if len(every) > len(shown):
        left_out = _("and {n} more on the case page").format(n=len(every) - len(shown))
        more = f'<div class="more">{_e(left_out)}</div>'
    cls = name.lower()
    title = _(name)
    return (
        f'<div class="phase {cls}"><div class="phase-title">{_e(title)}'
        f"{legend if cls == 'after' else ''}</div>{_rows(shown, fresh)}{more}</div>"
    )


def _figures(case: Case, text: CaseText) -> str:
    numbers = {s.id: n for n, s in enumerate(case.sources, 1)}
    blocks = []
    for metric, shown in list(zip(case.metrics, text.metrics, strict=True))[:MAX_FIGURES]:
        ref = f" [{numbers[metric.source]}]" if metric.source in numbers else ""
        blocks.append(
            f'<div class="fig"><div class="num">{_e(figure_text(metric.value, shown.unit))}'
            f'</div><div class="about">{_e(shown.label)} ({metric.year}){_e(ref)}</div></div>'
        )
    return "".join(blocks)


def slide_qr_url(case: Case, lang: str = "en", base_url: str | None = None) -> str | None:
    """The case's page at the app's public address `base_url`; None without a usable one."""
    return case_url(base_url, case.id, lang)


def slide_qr_html(url: str, lang: str = "en") -> str:
    """A QR code of the address, with its alt text."""
    _ = translator(lang)
    alt = _("QR code: {url}").format(url=url)
    src = escape(qr_svg_data_uri(url), quote=True)
    return f'<figure class="atlas-slide-qr"><img src="{src}" alt="{_e(alt)}"></figure>'


def slide_qr_caption_html(url: str, lang: str = "en") -> str:
    """The address printed beside the code, for those who would rather type it."""
    _ = translator(lang)
    caption = _("On your phone: {address}").format(address=short_url(url))
    return f'<div class="atlas-slide-qr-caption">{_e(caption)}</div>'


def slide_body_html(case: Case, text: CaseText, lang: str = "en") -> str:
    """The slide's diagrams and outcome, in the language of `text`."""
    _ = translator(lang)
    fresh = set(new_parties(text.before, text.after))
    evidence, cut = shorten(numbered(text.outcome_evidence, case), EVIDENCE_CHARS)
    if cut:
        evidence += " " + _("(more on the case page)")
    status = _(case.outcome.status.label)
    left = _phase("Before", text.before, MAX_BEFORE, set(), _)
    left += _phase("After", text.after, MAX_AFTER, fresh, _)
    right = f'<div class="verdict"><b>{_e(status)}.</b> {_e(evidence)}</div>'
    right += _figures(case, text)
    return (
        f'<div class="atlas-slide-body"><div class="diagrams">{left}</div>'
        f'<div class="outcome">{right}</div></div>'
    )
