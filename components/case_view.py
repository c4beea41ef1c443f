"""The parts of a case page, each a function of a Case. Case text is always made inert."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.facets import FACETS, definition_for
from atlas.graphs import BEFORE_COLOUR, connection_dot, new_parties
from atlas.schema import Case
from atlas.text_safety import md_escape, safe_markdown, safe_url
from atlas.vocabulary import Stage, Thinking
from components.case_card import mode_badge, outcome_badge, years_text
from ui.i18n import _, current_language, label, localized, localized_list


def header(case: Case) -> None:
    zh = case.zh
    st.title(md_escape(localized(case.title, zh and zh.title)), anchor=False)
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
    st.markdown(f"*{md_escape(localized(case.summary, zh and zh.summary))}*")


BADGE_FACETS = ("outcome", "mode", "thinking", "stage")  # shown as badges under the title


def facts(case: Case) -> None:
    """The facts panel: every facet not shown as a badge, one labelled line each."""
    orgs = localized_list(case.organisations, case.zh, "organisations")
    rows = [(_("Organisations"), ", ".join(orgs))]
    rows.append((_("Years"), years_text(case.years.start, case.years.end)))
    for f in FACETS:
        if f.name in BADGE_FACETS:
            continue
        text = _(", ").join(label(f.name, v) for v in f.values_of(case)) or "—"
        if f.name == "region":
            text += f" ({', '.join(localized_list(case.countries, case.zh, 'countries'))})"
        rows.append((_(f.title), text))
    with st.container(border=True):
        st.markdown("  \n".join(f"**{name}:** {md_escape(value)}" for name, value in rows))


def connections(case: Case) -> None:
    before, after = case.connections.before, case.connections.after
    for title, links, colour in ((_("Before"), before, BEFORE_COLOUR), (_("After"), after, None)):
        st.markdown(f"**{title}**")
        dot = connection_dot(links, colour) if colour else connection_dot(links)
        st.graphviz_chart(dot, width="content")
    newcomers = new_parties(before, after)
    if newcomers:
        st.caption(_("Newly connected: {parties}").format(parties=md_escape(", ".join(newcomers))))
    with st.expander(_("The connections as text")):
        for title, links in ((_("Before"), before), (_("After"), after)):
            items = [
                f"- {md_escape(c.from_)} — {md_escape(c.to)}: {md_escape(c.via)}" for c in links
            ]
            st.markdown(f"**{title}**\n\n" + "\n".join(items))


def _source_ref(case: Case, source_id: str | None) -> str:
    source = case.source_by_id.get(source_id or "")
    if source is None:
        return ""
    return f"{source.publisher} ({source.date})"


def narrative(case: Case) -> None:
    zh = case.zh
    st.markdown(safe_markdown(localized(case.narrative, zh and zh.narrative)))


def outcome(case: Case) -> None:
    status = label("outcome", case.outcome.status.value)
    cited = "; ".join(_source_ref(case, s) for s in case.outcome.sources)
    st.markdown(f"**{status}.** {md_escape(case.outcome.evidence)}")
    if cited:
        st.caption(_("Sources: {sources}").format(sources=md_escape(cited)))


def timeline(case: Case) -> None:
    if not case.timeline:
        st.caption(_("No dated events."))
        return
    lines = []
    for e in case.timeline:
        cited = _source_ref(case, e.source)
        lines.append(
            f"- **{e.date}** — {md_escape(e.event)}" + (f" · *{md_escape(cited)}*" if cited else "")
        )
    st.markdown("\n".join(lines))


def metrics(case: Case) -> None:
    if not case.metrics:
        st.caption(_("No sourced figures."))
        return
    frame = pd.DataFrame(
        [
            (
                m.label,
                f"{m.value:,.10g} {m.unit}",
                m.year,
                _source_ref(case, m.source),
                m.note or "",
            )
            for m in case.metrics
        ],
        columns=[_("Figure"), _("Value"), _("Year"), _("Source"), _("Note")],
    )
    st.dataframe(frame, hide_index=True, width="stretch")


def lessons(case: Case) -> None:
    zh_lessons = case.zh.lessons if case.zh and case.zh.lessons else None
    shown = zh_lessons if zh_lessons and current_language() == "zh" else case.lessons
    st.markdown("\n".join(f"- {md_escape(lesson)}" for lesson in shown))


def sources(case: Case) -> None:
    if not case.sources:
        st.caption(_("An illustrative example: it cites no sources and states no figures."))
        return
    lines = []
    for i, s in enumerate(case.sources, 1):
        title = md_escape(s.title)
        url = safe_url(s.url)
        url = url and url.replace("(", "%28").replace(")", "%29")  # keep the link whole
        linked = f"[{title}]({url})" if url else title
        kind = label("kind", s.kind.value)
        lines.append(f"{i}. {linked} — {md_escape(s.publisher)}, {s.date} · {kind}")
    st.markdown("\n".join(lines))
