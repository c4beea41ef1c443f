"""A case or a tour in one language: every text the app shows, from its translation where
the file has one, else the English (field by field, and list by list only when the
translation has every entry).

The case page, the slides, the deck, the handout and Compare all read a case through
`case_text`, so a case looks the same everywhere in a language. Source titles are never
translated; proper names without a Chinese form stay as the file writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from atlas.schema import Case, Connection, Metric, Tour

SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class MetricText:
    label: str
    unit: str
    note: str | None


@dataclass(frozen=True)
class CaseText:
    lang: str
    title: str
    summary: str
    narrative: str  # Markdown with [s:id] markers
    lessons: tuple[str, ...]
    organisations: tuple[str, ...]
    countries: tuple[str, ...]
    outcome_rationale: str | None
    outcome_evidence: str  # may hold [s:id] markers
    before: tuple[Connection, ...]  # labels in the language; each keeps its type
    after: tuple[Connection, ...]
    metrics: tuple[MetricText, ...]  # parallel to case.metrics
    timeline: tuple[str, ...]  # parallel to case.timeline


def _pick(chinese: str | None, english: str, lang: str) -> str:
    return chinese if lang == "zh" and chinese and chinese.strip() else english


def _pick_list(chinese: Sequence | None, english: Sequence, lang: str) -> tuple:
    if lang == "zh" and chinese and len(chinese) == len(english):
        return tuple(chinese)
    return tuple(english)


def _connections(english: Sequence[Connection], chinese: Sequence | None, lang: str) -> tuple:
    if not (lang == "zh" and chinese and len(chinese) == len(english)):
        return tuple(english)
    return tuple(
        Connection(**{"from": zh.from_, "to": zh.to, "via": zh.via, "type": en.type})
        for en, zh in zip(english, chinese, strict=True)
    )


def _metric(metric: Metric, chinese: object | None) -> MetricText:
    if chinese is None:
        return MetricText(metric.label, metric.unit, metric.note)
    return MetricText(chinese.label, chinese.unit, chinese.note or metric.note)


def case_text(case: Case, lang: str = SOURCE_LANGUAGE) -> CaseText:
    zh = case.zh if lang == "zh" else None
    outcome = zh.outcome if zh and zh.outcome else None
    conns = zh.connections if zh else None
    metrics_zh = zh.metrics if zh and zh.metrics and len(zh.metrics) == len(case.metrics) else None
    return CaseText(
        lang=lang,
        title=_pick(zh and zh.title, case.title, lang),
        summary=_pick(zh and zh.summary, case.summary, lang),
        narrative=_pick(zh and zh.narrative, case.narrative, lang),
        lessons=_pick_list(zh and zh.lessons, case.lessons, lang),
        organisations=_pick_list(zh and zh.organisations, case.organisations, lang),
        countries=_pick_list(zh and zh.countries, case.countries, lang),
        outcome_rationale=_pick(outcome and outcome.rationale, case.outcome.rationale or "", lang)
        or None,
        outcome_evidence=_pick(outcome and outcome.evidence, case.outcome.evidence, lang),
        before=_connections(case.connections.before, conns and conns.before, lang),
        after=_connections(case.connections.after, conns and conns.after, lang),
        metrics=tuple(
            _metric(m, metrics_zh[i] if metrics_zh else None) for i, m in enumerate(case.metrics)
        ),
        timeline=_pick_list(zh and zh.timeline, [e.event for e in case.timeline], lang),
    )


@dataclass(frozen=True)
class TourText:
    title: str
    description: str
    talking_points: tuple[str, ...]  # parallel to the stops


def tour_text(tour: Tour, lang: str = SOURCE_LANGUAGE) -> TourText:
    zh = tour.zh if lang == "zh" else None
    english_points = [s.talking_point for s in tour.stops]
    return TourText(
        title=_pick(zh and zh.title, tour.title, lang),
        description=_pick(zh and zh.description, tour.description, lang),
        talking_points=_pick_list(zh and zh.talking_points, english_points, lang),
    )
