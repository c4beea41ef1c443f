"""Cases and tours as one SQLite database, for Datasette, DuckDB or any SQL tool.

`write_database` writes the tables of atlas/sqlite_schema.py with the standard
library's sqlite3, foreign keys enforced while it writes. It writes a file next to the
target and renames it over the target only once the database is complete, so a reader
never finds a half-written file and a failed export leaves the old file as it was.

A database of a selection holds the selected cases and every tour whose stops are all
among them: a tour whose stops name other cases would break the keys.
"""

from __future__ import annotations

import errno
import os
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from atlas.facets import FACETS, VOCABULARIES
from atlas.i18n import translator
from atlas.schema import Case, Tour
from atlas.sqlite_schema import TABLES

SQLITE = "sqlite"  # the name of the format on the command line


class KeyProblem(ValueError):
    """Cases whose references the keys cannot hold (e.g. a figure citing no source)."""


def tours_within(tours: Iterable[Tour], case_ids: Iterable[str]) -> list[Tour]:
    """The tours whose every stop is one of these cases."""
    chosen = set(case_ids)
    return [t for t in tours if all(stop.case in chosen for stop in t.stops)]


def key_problems(cases: Sequence[Case]) -> list[str]:
    """What would break a key, one line each; the loader reports these as warnings."""
    found = []
    for case in cases:
        ids = [s.id for s in case.sources]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            found.append(f"{case.id}: source id {dup!r} is used twice")
        refs = [("metrics", m.source) for m in case.metrics]
        refs += [("timeline", e.source) for e in case.timeline if e.source is not None]
        refs += [("outcome.sources", s) for s in case.outcome.sources]
        for where, ref in refs:
            if ref not in ids:
                found.append(f"{case.id}: {where} cites {ref!r}, which is not one of its sources")
    return found


def write_database(path: str | Path, cases: Sequence[Case], tours: Sequence[Tour] = ()) -> None:
    """Write these cases and tours to `path` as SQLite, replacing the file only when done.

    Raises KeyProblem when a case's references cannot be keys (see `key_problems`) or a
    tour names a case left out, and OSError or sqlite3.Error when the file cannot be made.
    """
    problems = key_problems(cases)
    ids = {c.id for c in cases}
    problems += [
        f"tour {t.id}: names cases that are not exported"
        for t in tours
        if t not in tours_within([t], ids)
    ]
    if problems:
        raise KeyProblem("\n".join(problems))
    path = Path(path)
    if not path.name:  # "/" or ".": a folder, never a database
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    temp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    # Created here, not by sqlite3, so that it exists only once and gets the usual
    # permissions of a new file (0666 less the umask), as the other formats' files do.
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        con = sqlite3.connect(temp)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            con.executescript(TABLES)
            _fill(con, cases, tours)
            con.commit()
            if con.execute("PRAGMA foreign_key_check").fetchall():  # cannot happen with ON
                raise sqlite3.IntegrityError("a foreign key does not hold")
        finally:
            con.close()
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _insert(con: sqlite3.Connection, table: str, rows: Iterable[dict]) -> None:
    """Rows by column name, so a row never depends on the order of the table's columns."""
    rows = list(rows)
    if rows:
        names = list(rows[0])
        marks = ", ".join(f":{n}" for n in names)
        con.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)


def _parallel(chinese: Sequence | None, english: Sequence) -> list:
    """The Chinese entry for each English one, or None each when the lists do not match."""
    if chinese is not None and len(chinese) == len(english):
        return list(chinese)
    return [None] * len(english)


def _fill(con: sqlite3.Connection, cases: Sequence[Case], tours: Sequence[Tour]) -> None:
    _insert(con, "vocabulary", _vocabulary_rows())
    for case in cases:
        _insert_case(con, case)
    for tour in tours:
        zh = tour.zh
        row = {"id": tour.id, "title": tour.title, "description": tour.description}
        row |= {"title_zh": zh and zh.title, "description_zh": zh and zh.description}
        _insert(con, "tours", [row])
        points = _parallel(zh and zh.talking_points, tour.stops)
        stops = enumerate(zip(tour.stops, points, strict=True), start=1)
        _insert(
            con,
            "tour_stops",
            (
                {"tour_id": tour.id, "position": i, "case_id": s.case}
                | {"talking_point": s.talking_point, "talking_point_zh": p}
                for i, (s, p) in stops
            ),
        )


def _vocabulary_rows() -> list[dict]:
    _ = translator("zh")
    return [
        {"facet": field, "value": t.value, "label": t.label, "definition": t.definition}
        | {"label_zh": _(t.label), "definition_zh": _(t.definition)}
        for field, vocab in VOCABULARIES.items()
        for t in vocab
    ]


def _case_row(case: Case) -> dict:
    zh, out, check = case.zh, case.outcome, case.fact_check
    out_zh = zh.outcome if zh else None
    return {
        "id": case.id,
        "title": case.title,
        "summary": case.summary,
        **dict(_scalar_facets(case)),
        "outcome_as_of": out.as_of,
        "outcome_rationale": out.rationale,
        "outcome_evidence": out.evidence,
        "year_start": case.years.start,
        "year_end": case.years.end,
        "narrative": case.narrative,
        "fact_checked": check and check.checked,
        "fact_check_note": check and check.note,
        "title_zh": zh and zh.title,
        "summary_zh": zh and zh.summary,
        "narrative_zh": zh and zh.narrative,
        "outcome_rationale_zh": out_zh and out_zh.rationale,
        "outcome_evidence_zh": out_zh and out_zh.evidence,
    }


def _scalar_facets(case: Case) -> list[tuple[str, str]]:
    """(column, value) of each single-valued facet: industry, outcome, mode, ..."""
    return [(f.name, f.values_of(case)[0]) for f in FACETS if not f.multi_valued]


def _insert_case(con: sqlite3.Connection, case: Case) -> None:
    zh, cid = case.zh, case.id
    _insert(con, "cases", [_case_row(case)])
    for f in FACETS:
        if f.multi_valued:
            rows = (
                {"case_id": cid, "position": i, "value": v}
                for i, v in enumerate(f.values_of(case), start=1)
            )
            _insert(con, f"case_{f.name}", rows)
    for table, column, english, chinese in (
        ("case_countries", "name", case.countries, zh and zh.countries),
        ("case_organisations", "name", case.organisations, zh and zh.organisations),
        ("case_lessons", "lesson", case.lessons, zh and zh.lessons),
    ):
        pairs = enumerate(zip(english, _parallel(chinese, english), strict=True), start=1)
        rows = (
            {"case_id": cid, "position": i, column: en, f"{column}_zh": z} for i, (en, z) in pairs
        )
        _insert(con, table, rows)
    related = enumerate(case.related, start=1)
    _insert(
        con, "case_related", ({"case_id": cid, "position": i, "related_id": r} for i, r in related)
    )
    conns_zh = zh.connections if zh else None
    for phase in ("before", "after"):
        english = getattr(case.connections, phase)
        chinese = _parallel(conns_zh and getattr(conns_zh, phase), english)
        _insert(
            con,
            "connections",
            (
                {"case_id": cid, "phase": phase, "position": i, "type": c.type and c.type.value}
                | {"from_party": c.from_, "to_party": c.to, "via": c.via}
                | {"from_party_zh": z and z.from_, "to_party_zh": z and z.to, "via_zh": z and z.via}
                for i, (c, z) in enumerate(zip(english, chinese, strict=True), start=1)
            ),
        )
    _insert(
        con,
        "sources",
        (
            {"case_id": cid, "source_id": s.id} | s.model_dump(mode="json", include=_SOURCE_FIELDS)
            for s in case.sources
        ),
    )
    outcome_sources = enumerate(case.outcome.sources, start=1)
    _insert(
        con,
        "outcome_sources",
        ({"case_id": cid, "position": i, "source_id": s} for i, s in outcome_sources),
    )
    metrics = enumerate(
        zip(case.metrics, _parallel(zh and zh.metrics, case.metrics), strict=True), start=1
    )
    _insert(
        con,
        "metrics",
        (
            {"case_id": cid, "position": i, "source_id": m.source}
            | m.model_dump(include={"label", "value", "unit", "year", "note"})
            | {"label_zh": z and z.label, "unit_zh": z and z.unit, "note_zh": z and z.note}
            for i, (m, z) in metrics
        ),
    )
    events = enumerate(
        zip(case.timeline, _parallel(zh and zh.timeline, case.timeline), strict=True), start=1
    )
    _insert(
        con,
        "timeline",
        (
            {"case_id": cid, "position": i, "date": e.date, "event": e.event}
            | {"source_id": e.source, "event_zh": z}
            for i, (e, z) in events
        ),
    )


_SOURCE_FIELDS = {"title", "publisher", "date", "url", "kind", "archive_url", "checked"}
