"""A printable handout of a Show: one self-contained HTML page, each case from a new printed page.

Everything is inline (CSS only: no fonts, scripts or image files), so the file opens and
prints the same offline. All case text is HTML-escaped and only http(s) addresses become
links: the cases are data from files anyone can edit. With the app's public address, each
case page has a QR code of the case's page in the app (an inline SVG) in its top corner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from atlas.chart_style import OUTCOME_COLORS
from atlas.citations import numbered
from atlas.figures import figure_text
from atlas.i18n import Translate, count_text, long_date, translator, years_text
from atlas.localized import CaseText, case_text
from atlas.presentation import Show, Stop
from atlas.qr import case_url, qr_svg, short_url
from atlas.schema import Case, Connection, Source
from atlas.text_safety import safe_url

STYLE = """
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; color: #1c2430;
  font-size: 14pt; line-height: 1.35; margin: 0; -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
main { max-width: 182mm; margin: 0 auto; }
.cover, .case { break-after: page; page-break-after: always; }  /* a case may run on */
.case:last-child { break-after: auto; page-break-after: auto; }
p, ul, ol { margin: 0 0 1.5mm; }
ul, ol { padding-left: 4.5mm; }
li { margin: .4mm 0; }
.kicker { color: #1f5f99; font-weight: bold; letter-spacing: .06em; font-size: 14pt;
  margin: 0 0 1mm; }
h1 { font-size: 26pt; line-height: 1.15; margin: 2mm 0 3mm; }
h2 { font-size: 18pt; line-height: 1.2; margin: 0 0 1.5mm; }
h3 { font-size: 14pt; margin: 2.5mm 0 1mm; color: #1f5f99; text-transform: uppercase;
  letter-spacing: .04em; break-after: avoid; page-break-after: avoid; }
h3 small { text-transform: none; letter-spacing: 0; color: #5b6675; font-weight: normal; }
.caption { font-size: 16pt; color: #5b6675; margin: 0 0 4mm; }
.contents { font-size: 14pt; }
.contents li { margin: 1.2mm 0; }
.summary { font-size: 15pt; margin: 0 0 2mm; }
.facts { display: flex; flex-wrap: wrap; gap: 1.5mm; margin: 0 0 1.5mm; padding: 0; }
.facts li { list-style: none; background: #f3f5f8; border-radius: 3px; padding: .3mm 2mm;
  margin: 0; font-size: 14pt; }
.facts .outcome { color: #fff; font-weight: bold; }
.meta { color: #5b6675; font-size: 14pt; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.via { color: #5b6675; font-style: italic; }
.new { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 14pt; }
th, td { text-align: left; padding: .6mm 2mm .6mm 0; border-bottom: 1px solid #d5dae1;
  vertical-align: top; }
th { color: #5b6675; font-weight: normal; }
td.value { white-space: nowrap; font-weight: bold; color: #1f5f99; }
.note { border-left: 3px solid #1f5f99; padding: 1mm 3mm; background: #f3f5f8; }
.sources { font-size: 14pt; line-height: 1.3; }
.sources li { margin: .3mm 0; break-inside: avoid; }
.sources a, .sources .url { color: #1f5f99; word-break: break-all; }
.qr { float: right; width: 40mm; margin: 0 0 2mm 4mm; text-align: center; }
.qr svg { display: block; width: 40mm; height: 40mm; }
.qr figcaption { font-size: 14pt; line-height: 1.2; color: #5b6675; word-break: break-all; }
.qr a { color: inherit; text-decoration: none; }
@media screen {
  main { padding: 8mm; }
  .case { border-top: 1px solid #d5dae1; padding-top: 6mm; margin-top: 6mm; }
}
"""


def _e(text: object) -> str:
    return escape(" ".join(str(text).split()), quote=True)


def _link(url: str) -> str:
    """An http(s) address as a link that shows the whole address (it is printed; a long one
    wraps); else text."""
    safe = safe_url(url)
    if safe is None:
        return f'<span class="url">{_e(url)}</span>'
    return f'<a href="{escape(safe, quote=True)}">{_e(safe)}</a>'


def _facts(case: Case, _: Translate) -> str:
    status = case.outcome.status
    colour = OUTCOME_COLORS[status.value]
    facts = [case.mode.label, case.thinking.label, case.stage.label, case.industry.label]
    facts = [_(label) for label in [*facts, case.region.label]]
    facts.append(years_text(case.years.start, case.years.end, _))
    items = [f'<li class="outcome" style="background:{colour}">{_e(_(status.label))}</li>']
    items += [f"<li>{_e(fact)}</li>" for fact in facts]
    return f'<ul class="facts">{"".join(items)}</ul>'


def _connection_list(connections: Sequence[Connection], new: set[str], _: Translate) -> str:
    def party(name: str) -> str:
        return f'<span class="new">{_e(name)}</span>' if name in new else _e(name)

    items = [
        f"<li>{party(c.from_)} – {party(c.to)} "
        f'<span class="via">{_e(_("via {how}").format(how=c.via))}</span></li>'
        for c in connections
    ]
    return f"<ul>{''.join(items)}</ul>"


def _connections(text: CaseText, _: Translate) -> str:
    before, after = text.before, text.after
    old = {p for c in before for p in (c.from_, c.to)}
    new = {p for c in after for p in (c.from_, c.to)} - old
    legend = f" <small>{_e(_('(newly connected in bold)'))}</small>" if new else ""
    return (
        '<div class="columns">'
        f"<div><h3>{_e(_('Before'))}</h3>{_connection_list(before, set(), _)}</div>"
        f"<div><h3>{_e(_('After'))}{legend}</h3>{_connection_list(after, new, _)}</div>"
        "</div>"
    )


def _metrics(case: Case, text: CaseText, numbers: dict[str, int], _: Translate) -> str:
    if not case.metrics:
        return ""
    rows = []
    for m, shown in zip(case.metrics, text.metrics, strict=True):
        cited = f"[{numbers[m.source]}]" if m.source in numbers else ""
        note = f' <span class="via">{_e(shown.note)}</span>' if shown.note else ""
        rows.append(
            f"<tr><td>{_e(shown.label)}{note}</td>"
            f"<td class='value'>{_e(figure_text(m.value, shown.unit))}</td>"
            f"<td>{m.year}</td><td>{cited}</td></tr>"
        )
    heads = (_("Figure"), _("Value"), _("Year"), _("Source"))
    head = "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr>"
    return f"<h3>{_e(_('Key figures'))}</h3><table>{head}{''.join(rows)}</table>"


def _source_item(source: Source) -> str:
    return (
        f"<li>{_e(source.title)} — {_e(source.publisher)} ({_e(source.date)}). "
        f"{_link(source.url)}</li>"
    )


def _sources(case: Case, _: Translate) -> str:
    heading = f"<h3>{_e(_('Sources'))}</h3>"
    if not case.sources:
        note = _("An illustrative example: no published sources.")
        return f'{heading}<p class="meta">{_e(note)}</p>'
    items = "".join(_source_item(s) for s in case.sources)
    return f'{heading}<ol class="sources">{items}</ol>'


def _bullets(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _lessons(stop: Stop, text: CaseText, _: Translate) -> str:
    """The lessons, and beside them the stop's talking point when it says something else."""
    lessons = f"<h3>{_e(_('Lessons'))}</h3>{_bullets(text.lessons)}"
    if not stop.note.strip() or stop.note in (" ".join(text.lessons), " ".join(stop.case.lessons)):
        return lessons
    point = f'<h3>{_e(_("Talking point"))}</h3><p class="note">{_e(stop.note)}</p>'
    return f'<div class="columns"><div>{lessons}</div><div>{point}</div></div>'


def _qr(url: str, _: Translate) -> str:
    """The QR code of the address, in the page's top corner, the address printed under it."""
    alt = _("QR code: {url}").format(url=url)
    svg = qr_svg(url).replace("<svg ", f'<svg role="img" aria-label="{_e(alt)}" ', 1)
    link = f'<a href="{escape(url, quote=True)}">{_e(short_url(url))}</a>'
    return f'<figure class="qr">{svg}<figcaption>{link}</figcaption></figure>'


def case_section(
    stop: Stop, number: int, total: int, lang: str = "en", base_url: str | None = None
) -> str:
    """One case's printed page; with the app's public address `base_url`, the QR code of
    the case's page in its top corner."""
    case = stop.case
    _ = translator(lang)
    url = case_url(base_url, case.id, lang)
    text = case_text(case, lang)
    numbers = {s.id: i for i, s in enumerate(case.sources, start=1)}
    kicker = _("Case {number} of {total}").format(number=number, total=total)
    outcome = _("Outcome: {outcome}").format(outcome=_(case.outcome.status.label))
    parts = [
        f'<section class="case" id="{escape(case.id, quote=True)}">',
        _qr(url, _) if url else "",
        f'<p class="kicker">{_e(kicker.upper())}</p>',
        f"<h2>{_e(text.title)}</h2>",
        f'<p class="summary">{_e(text.summary)}</p>',
        _facts(case, _),
        f'<p class="meta">{_e(", ".join(text.organisations))} · '
        f"{_e(', '.join(text.countries))}</p>",
        _connections(text, _),
        f"<h3>{_e(outcome)}</h3><p>{_e(numbered(text.outcome_evidence, case))}</p>",
        _metrics(case, text, numbers, _),
        _lessons(stop, text, _),
        _sources(case, _),
        "</section>",
    ]
    return "\n".join(p for p in parts if p)


def _caption(show: Show) -> str:
    """What is shown: the tour's description (the cover shows its title), or the selection."""
    return show.subtitle


def _cover(show: Show, _: Translate) -> str:
    count = count_text(len(show), _)
    titles = [case_text(s.case, show.lang).title for s in show.stops]
    items = "".join(f"<li>{_e(title)}</li>" for title in titles)
    contents = f'<h3>{_e(_("Contents"))}</h3><ol class="contents">{items}</ol>' if items else ""
    kicker = _("Transformation Atlas · handout").upper()
    return (
        '<header class="cover">'
        f'<p class="kicker">{_e(kicker)}</p>'
        f"<h1>{_e(show.title)}</h1>"
        f'<p class="caption">{_e(_caption(show))}</p>'
        f'<p class="meta">{_e(count)} · {long_date(dt.date.today(), show.lang)}</p>'
        f"{contents}</header>"
    )


def build_handout(show: Show, base_url: str | None = None) -> str:
    """The show as one printable HTML page: a cover, then one page per case (with the app's
    public address `base_url`, each with its case page's QR code)."""
    total = len(show)
    _ = translator(show.lang)
    sections = [
        case_section(s, i, total, show.lang, base_url) for i, s in enumerate(show.stops, start=1)
    ]
    title = _("{title} · handout").format(title=show.title)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(show.lang, quote=True)}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title>",
            f"<style>{STYLE}</style></head><body><main>",
            _cover(show, _),
            *sections,
            "</main></body></html>",
            "",
        ]
    )
