"""The parts of a case page, each a function of a Case. Case text is always made inert.

Every text comes from `atlas.localized.case_text` in the interface's language; a `[s:id]`
marker becomes a numbered footnote [n] linking its source, numbered as the source list.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from atlas.citations import number_markers
from atlas.facets import FACETS, definition_for
from atlas.figures import figure_text
from atlas.graphs import BEFORE_COLOUR, connection_dot, new_parties
from atlas.localized import CaseText, case_text
from atlas.schema import Case
from atlas.text_safety import md_escape, safe_markdown, safe_url
from atlas.vocabulary import Stage, Thinking
from components.case_card import mode_badge, outcome_badge, years_text
from ui.i18n import _, current_language, label

BADGE_FACETS = ("outcome", "mode", "thinking", "stage")  # shown as badges under the title
_NOTE = re.compile("\ue000(\\d+)\ue001")  # a footnote's place while the text is escaped


def text_of(case: Case) -> CaseText:
    return case_text(case, current_language())


def _link(url: str | None) -> str | None:
    url = safe_url(url) if url else None
    return url and url.replace("(", "%28").replace(")", "%29")  # keep the link whole


def cited(text: str, case: Case, escape=md_escape) -> str:
    """Markdown of `text` (escaped by `escape`) with each [s:id] as a numbered link [n]."""
    numbered = number_markers(text, [s.id for s in case.sources], lambda n, _id: f"\ue000{n}\ue001")
    body = escape(numbered.text)
    urls = {i: _link(s.url) for i, s in enumerate(case.sources, 1)}

    def note(match: re.Match) -> str:
        n = int(match.group(1))
        return f" [\\[{n}\\]]({urls[n]})" if urls.get(n) else f" \\[{n}\\]"

    return _NOTE.sub(note, body)


def header(case: Case) -> None:
    text = text_of(case)
    st.title(md_escape(text.title), anchor=False)
    with st.container(horizontal=True, gap="small"):
        outcome_badge(case.outcome.status.value)
        mode_badge(case.mode.value)
        st.badge(
            _(Thinking.label_of(case.thinking)),
            color="gray",
            help=_(definition_for("thinking", case.thinking.value)),
        )
        st.badge(
            _(Stage.label_of(case.stage)),
            color="gray",
            help=_(definition_for("stage", case.stage.value)),
        )
        if case.evidence.value == "illustrative":
            st.badge(
                _("Illustrative example"),
                icon=":material/school:",
                color="yellow",
                help=_(definition_for("evidence", "illustrative")),
            )
    st.markdown(f"*{md_escape(text.summary)}*")


def facts(case: Case) -> None:
    """The facts panel: every facet not shown as a badge, one labelled line each."""
    text = text_of(case)
    rows = [(_("Organisations"), _(", ").join(text.organisations))]
    rows.append((_("Years"), years_text(case.years.start, case.years.end)))
    for f in FACETS:
        if f.name in BADGE_FACETS:
            continue
        shown = _(", ").join(label(f.name, v) for v in f.values_of(case)) or "—"
        if f.name == "region":
            shown += f" ({_(', ').join(text.countries)})"
        rows.append((_(f.title), shown))
    with st.container(border=True):
        st.markdown("  \n".join(f"**{name}:** {md_escape(value)}" for name, value in rows))


def connections(case: Case) -> None:
    text = text_of(case)
    before, after = text.before, text.after
    for title, links, colour in ((_("Before"), before, BEFORE_COLOUR), (_("After"), after, None)):
        st.markdown(f"**{title}**")
        dot = connection_dot(links, colour) if colour else connection_dot(links)
        st.graphviz_chart(dot, width="content")
    newcomers = new_parties(before, after)
    if newcomers:
        st.caption(
            _("Newly connected: {parties}").format(parties=md_escape(_(", ").join(newcomers)))
        )
    with st.expander(_("The connections as text")):
        for title, links in ((_("Before"), before), (_("After"), after)):
            items = [
                f"- {md_escape(c.from_)} — {md_escape(c.to)}: {md_escape(c.via)}" for c in links
            ]
            st.markdown(f"**{title}**\n\n" + "\n".join(items))


def _source_ref(case: Case, source_id: str | None) -> str:
    """'[3] Publisher (date)': the source by its number in the list below."""
    for n, source in enumerate(case.sources, 1):
        if source.id == source_id:
            return f"[{n}] {source.publisher} ({source.date})"
    return ""


def narrative(case: Case) -> None:
    st.markdown(cited(text_of(case).narrative, case, safe_markdown))


def outcome(case: Case) -> None:
    text = text_of(case)
    status = label("outcome", case.outcome.status.value)
    st.markdown(f"**{status}.** {cited(text.outcome_evidence, case)}")
    if text.outcome_rationale:
        judged = _("Why this label (as of {year}): {rationale}")
        year = case.outcome.as_of or "—"
        st.markdown(f"*{md_escape(judged.format(year=year, rationale=text.outcome_rationale))}*")
    cited_sources = "; ".join(_source_ref(case, s) for s in case.outcome.sources)
    if cited_sources:
        st.caption(_("Sources: {sources}").format(sources=md_escape(cited_sources)))


def timeline(case: Case) -> None:
    if not case.timeline:
        st.caption(_("No dated events."))
        return
    events = text_of(case).timeline
    lines = []
    for e, event in zip(case.timeline, events, strict=True):
        ref = _source_ref(case, e.source)
        lines.append(
            f"- **{e.date}** — {md_escape(event)}" + (f" · *{md_escape(ref)}*" if ref else "")
        )
    st.markdown("\n".join(lines))


def metrics(case: Case) -> None:
    if not case.metrics:
        st.caption(_("No sourced figures."))
        return
    texts = text_of(case).metrics
    frame = pd.DataFrame(
        [
            (
                t.label,
                figure_text(m.value, t.unit),
                m.year,
                _source_ref(case, m.source),
                t.note or "",
            )
            for m, t in zip(case.metrics, texts, strict=True)
        ],
        columns=[_("Figure"), _("Value"), _("Year"), _("Source"), _("Note")],
    ).fillna("")
    st.dataframe(frame, hide_index=True, width="stretch")


def lessons(case: Case) -> None:
    st.markdown("\n".join(f"- {md_escape(lesson)}" for lesson in text_of(case).lessons))


def sources(case: Case) -> None:
    if not case.sources:
        st.caption(_("An illustrative example: it cites no sources and states no figures."))
        return
    lines = []
    for i, s in enumerate(case.sources, 1):
        title = md_escape(s.title)
        url = _link(s.url)
        linked = f"[{title}]({url})" if url else title
        kind = label("kind", s.kind.value)
        line = f"{i}. {linked} — {md_escape(s.publisher)}, {s.date} · {kind}"
        archive = _link(s.archive_url)
        if archive:
            archived = _("archived copy")
            line += f" · [{archived}]({archive})"
        if s.checked:
            line += " · " + md_escape(_("checked {date}").format(date=s.checked))
        lines.append(line)
    st.markdown("\n".join(lines))
    if case.fact_check:
        st.caption(
            md_escape(
                _("Fact check of {date}: {note}").format(
                    date=case.fact_check.checked, note=" ".join(case.fact_check.note.split())
                )
            )
        )
