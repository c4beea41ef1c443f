"""A printable handout of a Show: one self-contained HTML page, one case per printed page.

Everything is inline (CSS only: no fonts, scripts or images), so the file opens and prints
the same offline. All case text is HTML-escaped and only http(s) addresses become links:
the cases are data from files anyone can edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from atlas.chart_style import OUTCOME_COLORS
from atlas.citations import numbered
from atlas.presentation import Show, Stop
from atlas.schema import Case, Connection, Source
from atlas.text_safety import safe_url

URL_SHOWN = 90  # characters of an address printed under a source

STYLE = """
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; color: #1c2430;
  font-size: 9.5pt; line-height: 1.3; margin: 0; -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
main { max-width: 182mm; margin: 0 auto; }
.cover, .case { break-after: page; page-break-after: always; }
.case:last-child { break-after: auto; page-break-after: auto; }
p, ul, ol { margin: 0 0 1.5mm; }
ul, ol { padding-left: 4.5mm; }
li { margin: .4mm 0; }
.kicker { color: #1f5f99; font-weight: bold; letter-spacing: .06em; font-size: 8.5pt;
  margin: 0 0 1mm; }
h1 { font-size: 24pt; line-height: 1.15; margin: 2mm 0 3mm; }
h2 { font-size: 15pt; line-height: 1.2; margin: 0 0 1.5mm; }
h3 { font-size: 9pt; margin: 2.5mm 0 1mm; color: #1f5f99; text-transform: uppercase;
  letter-spacing: .04em; break-after: avoid; page-break-after: avoid; }
h3 small { text-transform: none; letter-spacing: 0; color: #5b6675; font-weight: normal; }
.caption { font-size: 12pt; color: #5b6675; margin: 0 0 4mm; }
.contents { font-size: 11pt; }
.contents li { margin: 1.2mm 0; }
.summary { font-size: 10.5pt; margin: 0 0 2mm; }
.facts { display: flex; flex-wrap: wrap; gap: 1.5mm; margin: 0 0 1.5mm; padding: 0; }
.facts li { list-style: none; background: #f3f5f8; border-radius: 3px; padding: .3mm 2mm;
  margin: 0; font-size: 8.5pt; }
.facts .outcome { color: #fff; font-weight: bold; }
.meta { color: #5b6675; font-size: 8.5pt; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.via { color: #5b6675; font-style: italic; }
.new { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { text-align: left; padding: .6mm 2mm .6mm 0; border-bottom: 1px solid #d5dae1;
  vertical-align: top; }
th { color: #5b6675; font-weight: normal; }
td.value { white-space: nowrap; font-weight: bold; color: #1f5f99; }
.note { border-left: 3px solid #1f5f99; padding: 1mm 3mm; background: #f3f5f8; }
.sources { font-size: 7.5pt; line-height: 1.3; columns: 2; column-gap: 6mm; }
.sources li { margin: .3mm 0; break-inside: avoid; }
.sources a, .sources .url { color: #1f5f99; word-break: break-all; }
@media screen {
  main { padding: 8mm; }
  .case { border-top: 1px solid #d5dae1; padding-top: 6mm; margin-top: 6mm; }
}
"""


def _e(text: object) -> str:
    return escape(" ".join(str(text).split()), quote=True)


def _shown(url: str) -> str:
    """The address as printed: a long one is cut (the link itself keeps all of it)."""
    return url if len(url) <= URL_SHOWN else url[: URL_SHOWN - 1] + "…"


def _link(url: str) -> str:
    """An http(s) address as a link that shows the address (it is printed); else text."""
    safe = safe_url(url)
    if safe is None:
        return f'<span class="url">{_e(_shown(url))}</span>'
    return f'<a href="{escape(safe, quote=True)}">{_e(_shown(safe))}</a>'


def _years(case: Case) -> str:
    start, end = case.years.start, case.years.end
    return f"since {start}" if end is None else (f"{start}" if end == start else f"{start}–{end}")


def _facts(case: Case) -> str:
    status = case.outcome.status
    colour = OUTCOME_COLORS[status.value]
    facts = [case.mode.label, case.thinking.label, case.stage.label, case.industry.label]
    facts += [case.region.label, _years(case)]
    items = [f'<li class="outcome" style="background:{colour}">{_e(status.label)}</li>']
    items += [f"<li>{_e(fact)}</li>" for fact in facts]
    return f'<ul class="facts">{"".join(items)}</ul>'


def _connection_list(connections: Sequence[Connection], new: set[str]) -> str:
    def party(name: str) -> str:
        return f'<span class="new">{_e(name)}</span>' if name in new else _e(name)

    items = [
        f'<li>{party(c.from_)} – {party(c.to)} <span class="via">via {_e(c.via)}</span></li>'
        for c in connections
    ]
    return f"<ul>{''.join(items)}</ul>"


def _connections(case: Case) -> str:
    before, after = case.connections.before, case.connections.after
    old = {p for c in before for p in (c.from_, c.to)}
    new = {p for c in after for p in (c.from_, c.to)} - old
    legend = " <small>(newly connected in bold)</small>" if new else ""
    return (
        '<div class="columns">'
        f"<div><h3>Before</h3>{_connection_list(before, set())}</div>"
        f"<div><h3>After{legend}</h3>{_connection_list(after, new)}</div>"
        "</div>"
    )


def _metrics(case: Case, numbers: dict[str, int]) -> str:
    if not case.metrics:
        return ""
    rows = []
    for m in case.metrics:
        cited = f"[{numbers[m.source]}]" if m.source in numbers else ""
        note = f' <span class="via">{_e(m.note)}</span>' if m.note else ""
        rows.append(
            f"<tr><td>{_e(m.label)}{note}</td><td class='value'>{_e(f'{m.value:,.10g}')} "
            f"{_e(m.unit)}</td><td>{m.year}</td><td>{cited}</td></tr>"
        )
    head = "<tr><th>Figure</th><th>Value</th><th>Year</th><th>Source</th></tr>"
    return f"<h3>Key figures</h3><table>{head}{''.join(rows)}</table>"


def _source_item(source: Source) -> str:
    return (
        f"<li>{_e(source.title)} — {_e(source.publisher)} ({_e(source.date)}). "
        f"{_link(source.url)}</li>"
    )


def _sources(case: Case) -> str:
    if not case.sources:
        return '<h3>Sources</h3><p class="meta">An illustrative example: no published sources.</p>'
    items = "".join(_source_item(s) for s in case.sources)
    return f'<h3>Sources</h3><ol class="sources">{items}</ol>'


def _bullets(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _lessons(stop: Stop) -> str:
    """The lessons, and beside them the stop's talking point when it says something else."""
    lessons = f"<h3>Lessons</h3>{_bullets(stop.case.lessons)}"
    if not stop.note.strip() or stop.note == " ".join(stop.case.lessons):
        return lessons
    point = f'<h3>Talking point</h3><p class="note">{_e(stop.note)}</p>'
    return f'<div class="columns"><div>{lessons}</div><div>{point}</div></div>'


def case_section(stop: Stop, number: int, total: int) -> str:
    case = stop.case
    numbers = {s.id: i for i, s in enumerate(case.sources, start=1)}
    organisations = ", ".join(case.organisations)
    parts = [
        f'<section class="case" id="{escape(case.id, quote=True)}">',
        f'<p class="kicker">CASE {number} OF {total}</p>',
        f"<h2>{_e(case.title)}</h2>",
        f'<p class="summary">{_e(case.summary)}</p>',
        _facts(case),
        f'<p class="meta">{_e(organisations)} · {_e(", ".join(case.countries))}</p>',
        _connections(case),
        f"<h3>Outcome: {_e(case.outcome.status.label)}</h3>"
        f"<p>{_e(numbered(case.outcome.evidence, case))}</p>",
        _metrics(case, numbers),
        _lessons(stop),
        _sources(case),
        "</section>",
    ]
    return "\n".join(p for p in parts if p)


def _caption(show: Show) -> str:
    """What is shown: the tour's description (the cover shows its title), or the selection."""
    return show.subtitle


def _cover(show: Show) -> str:
    count = f"{len(show)} case{'s' * (len(show) != 1)}"
    today = dt.date.today()
    items = "".join(f"<li>{_e(s.case.title)}</li>" for s in show.stops)
    contents = f'<h3>Contents</h3><ol class="contents">{items}</ol>' if items else ""
    return (
        '<header class="cover">'
        '<p class="kicker">TRANSFORMATION ATLAS · HANDOUT</p>'
        f"<h1>{_e(show.title)}</h1>"
        f'<p class="caption">{_e(_caption(show))}</p>'
        f'<p class="meta">{count} · {today.day} {today:%B %Y}</p>'
        f"{contents}</header>"
    )


def build_handout(show: Show) -> str:
    """The show as one printable HTML page: a cover, then one page per case."""
    total = len(show)
    sections = [case_section(s, i, total) for i, s in enumerate(show.stops, start=1)]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(show.title)} · handout</title>",
            f"<style>{STYLE}</style></head><body><main>",
            _cover(show),
            *sections,
            "</main></body></html>",
            "",
        ]
    )
