"""`atlas validate --strict`: the library's editorial rules, beyond what a file needs to load.

A case may load and show without these (a draft, someone's own folder); the curated
library must pass them all (CONTRIBUTING.md, "Fact-checking"):

- the fact check is recorded, and every source says when it was checked;
- each source is the original publisher's page (its host belongs to the publisher it
  names, in atlas/publishers.yaml), or an archived copy of it recorded as such;
- no tag or topic page stands for a dated claim;
- every sentence of a narrative that states a number cites a source with [s:id];
- the outcome has a one-line rationale and the year it was judged for;
- everything shown in the interface has its Simplified Chinese text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from atlas.citations import uncited_figures
from atlas.schema import Case, Source, Tour
from atlas.schema_rules import Loc
from atlas.vocabulary import Evidence

PUBLISHERS_FILE = Path(__file__).resolve().parent / "publishers.yaml"
ARCHIVE_HOSTS = ("web.archive.org", "archive.org", "archive.ph", "archive.today", "archive.is")
_TAG_PAGE = re.compile(r"/(tag|tags|topic|topics|keyword|keywords|category)(/|$)", re.I)

Finding = tuple[Loc, str, str]


@cache
def publisher_hosts(path: Path = PUBLISHERS_FILE) -> dict[str, tuple[str, ...]]:
    """Publisher name (case-insensitive) -> the hosts that are its own."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k).casefold(): tuple(str(h).lower() for h in v) for k, v in data.items()}


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _on_host(host: str, allowed: tuple[str, ...]) -> bool:
    return any(host == a or host.endswith("." + a) for a in allowed)


def source_findings(i: int, source: Source, hosts: dict[str, tuple[str, ...]]) -> list[Finding]:
    here: Loc = ("sources", i)
    found: list[Finding] = []
    allowed = hosts.get(source.publisher.casefold())
    host = host_of(source.url)
    if allowed is None:
        found.append(
            (
                (*here, "publisher"),
                f"{source.publisher!r} is not in the table of publishers",
                f"add `{source.publisher}: [{host}]` to atlas/publishers.yaml if {host} is "
                "the publisher's own site; else cite the original publisher",
            )
        )
    elif not _on_host(host, allowed):
        found.append(
            (
                (*here, "url"),
                f"{host} is not a site of {source.publisher} ({', '.join(allowed)})",
                "cite the original publisher's page, or its archived copy in archive_url; a "
                "reprint is credited to the site that reprints it",
            )
        )
    if source.archive_url is not None and not _on_host(host_of(source.archive_url), ARCHIVE_HOSTS):
        found.append(
            ((*here, "archive_url"), "is not on a web archive", f"use one of {ARCHIVE_HOSTS}")
        )
    if _TAG_PAGE.search(urlsplit(source.url).path):
        found.append(
            ((*here, "url"), "a tag or topic page changes over time", "cite the article itself")
        )
    if source.checked is None:
        found.append(
            (
                (*here, "checked"),
                "not checked: no date of the check against this source",
                "read the source, check every claim that cites it, then add checked: YYYY-MM-DD",
            )
        )
    return found


def chinese_findings(case: Case) -> list[Finding]:
    zh = case.zh
    if zh is None:
        return [(("zh",), "no Chinese text", "add a zh: block (see CONTRIBUTING.md)")]
    wanted: list[tuple[Loc, object]] = [
        (("zh", "title"), zh.title),
        (("zh", "summary"), zh.summary),
        (("zh", "narrative"), zh.narrative),
        (("zh", "lessons"), zh.lessons),
        (("zh", "organisations"), zh.organisations),
        (("zh", "countries"), zh.countries),
        (("zh", "outcome", "rationale"), zh.outcome and zh.outcome.rationale),
        (("zh", "outcome", "evidence"), zh.outcome and zh.outcome.evidence),
        (("zh", "connections"), zh.connections),
    ]
    if case.metrics:
        wanted.append((("zh", "metrics"), zh.metrics))
    if case.timeline:
        wanted.append((("zh", "timeline"), zh.timeline))
    return [
        (loc, "missing Chinese text", "translate the English field") for loc, v in wanted if not v
    ]


def case_findings(case: Case, hosts: dict[str, tuple[str, ...]] | None = None) -> list[Finding]:
    """Every editorial rule the case breaks, as (location, message, hint)."""
    hosts = publisher_hosts() if hosts is None else hosts
    found: list[Finding] = []
    if case.evidence is Evidence.DOCUMENTED:
        if case.fact_check is None:
            found.append(
                (
                    ("fact_check",),
                    "the fact check is not recorded",
                    "add fact_check: {checked: YYYY-MM-DD, note: what was checked and changed}",
                )
            )
        for i, source in enumerate(case.sources):
            found += source_findings(i, source, hosts)
        for field, text in (
            (("narrative",), case.narrative),
            (
                ("zh", "narrative"),
                case.zh and case.zh.narrative,
            ),
        ):
            for sentence in uncited_figures(text or ""):
                quoted = sentence if len(sentence) <= 70 else sentence[:69] + "…"
                found.append(
                    (
                        field,
                        f"a figure or date without a source marker: {quoted!r}",
                        "end the sentence with [s:source-id] before its full stop",
                    )
                )
    outcome = case.outcome
    if outcome.rationale is None:
        found.append((("outcome", "rationale"), "missing", "one line: why this label"))
    if outcome.as_of is None:
        found.append((("outcome", "as_of"), "missing", "the year the outcome was judged for"))
    found += chinese_findings(case)
    return found


def tour_findings(tour: Tour) -> list[Finding]:
    zh = tour.zh
    if zh is None:
        return [(("zh",), "no Chinese text", "add zh: {title, description, talking_points}")]
    wanted = [
        (("zh", "title"), zh.title),
        (("zh", "description"), zh.description),
        (("zh", "talking_points"), zh.talking_points),
    ]
    return [
        (loc, "missing Chinese text", "translate the English field") for loc, v in wanted if not v
    ]
