"""The tables of the SQLite export (atlas/sqlite_export.py), with their keys.

One row per case in `cases`. Every list of a case is a table of its own keyed on
(case_id, position), position 1 the first, so the case file's order survives; a figure,
an event and an outcome name their source by (case_id, source_id). Vocabulary fields
hold the value (`finance`); `vocabulary` (facet, value) gives its label and definition,
in English and Chinese (connections.type is a value of facet `connection_types`,
sources.kind of facet `kind`). A column ending in `_zh` holds the case file's Chinese,
or NULL where it has none. `case_related.related_id` may name a case outside an
exported selection, so it has no foreign key.
"""

from __future__ import annotations

from atlas.facets import LIST_FACETS

VERSION = 1  # PRAGMA user_version: raise it when a table or a column changes

_CASE = "case_id TEXT NOT NULL REFERENCES cases(id)"
_NL = "\n"
_SEP = ",\n  "  # between the columns of a table
_SOURCE = "FOREIGN KEY (case_id, source_id) REFERENCES sources(case_id, source_id)"


def _list_table(name: str, *columns: str) -> str:
    return f"""CREATE TABLE {name} (
  {_CASE},
  position INTEGER NOT NULL,
  {_SEP.join(columns)},
  PRIMARY KEY (case_id, position)
);"""


TABLES = f"""
CREATE TABLE vocabulary (
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  label TEXT NOT NULL,
  definition TEXT NOT NULL,
  label_zh TEXT,
  definition_zh TEXT,
  PRIMARY KEY (facet, value)
);
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  evidence TEXT NOT NULL,
  industry TEXT NOT NULL,
  ownership TEXT NOT NULL,
  region TEXT NOT NULL,
  mode TEXT NOT NULL,
  thinking TEXT NOT NULL,
  stage TEXT NOT NULL,
  outcome TEXT NOT NULL,
  outcome_as_of INTEGER,
  outcome_rationale TEXT,
  outcome_evidence TEXT NOT NULL,
  year_start INTEGER NOT NULL,
  year_end INTEGER,
  narrative TEXT NOT NULL,
  fact_checked TEXT,
  fact_check_note TEXT,
  title_zh TEXT,
  summary_zh TEXT,
  narrative_zh TEXT,
  outcome_rationale_zh TEXT,
  outcome_evidence_zh TEXT
);
{_NL.join(_list_table(f"case_{name}", "value TEXT NOT NULL") for name in LIST_FACETS)}
{_list_table("case_countries", "name TEXT NOT NULL", "name_zh TEXT")}
{_list_table("case_organisations", "name TEXT NOT NULL", "name_zh TEXT")}
{_list_table("case_lessons", "lesson TEXT NOT NULL", "lesson_zh TEXT")}
{_list_table("case_related", "related_id TEXT NOT NULL")}
CREATE TABLE connections (
  {_CASE},
  phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),
  position INTEGER NOT NULL,
  from_party TEXT NOT NULL,
  to_party TEXT NOT NULL,
  via TEXT NOT NULL,
  type TEXT,
  from_party_zh TEXT,
  to_party_zh TEXT,
  via_zh TEXT,
  PRIMARY KEY (case_id, phase, position)
);
CREATE TABLE sources (
  {_CASE},
  source_id TEXT NOT NULL,
  title TEXT NOT NULL,
  publisher TEXT NOT NULL,
  date TEXT NOT NULL,
  url TEXT NOT NULL,
  kind TEXT NOT NULL,
  archive_url TEXT,
  checked TEXT,
  PRIMARY KEY (case_id, source_id)
);
CREATE TABLE outcome_sources (
  {_CASE},
  position INTEGER NOT NULL,
  source_id TEXT NOT NULL,
  PRIMARY KEY (case_id, position),
  {_SOURCE}
);
CREATE TABLE metrics (
  {_CASE},
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  year INTEGER NOT NULL,
  source_id TEXT NOT NULL,
  note TEXT,
  label_zh TEXT,
  unit_zh TEXT,
  note_zh TEXT,
  PRIMARY KEY (case_id, position),
  {_SOURCE}
);
CREATE TABLE timeline (
  {_CASE},
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  event TEXT NOT NULL,
  source_id TEXT,
  event_zh TEXT,
  PRIMARY KEY (case_id, position),
  {_SOURCE}
);
CREATE TABLE tours (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  title_zh TEXT,
  description_zh TEXT
);
CREATE TABLE tour_stops (
  tour_id TEXT NOT NULL REFERENCES tours(id),
  position INTEGER NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  talking_point TEXT NOT NULL,
  talking_point_zh TEXT,
  PRIMARY KEY (tour_id, position)
);
CREATE INDEX tour_stops_case ON tour_stops(case_id);
PRAGMA user_version = {VERSION};
"""
