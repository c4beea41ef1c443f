import os
import re
import sqlite3
from pathlib import Path

import pytest

from atlas import filters, sqlite_export
from atlas.facets import FACETS, VOCABULARIES
from atlas.loader import Library, load_library
from atlas.table import cases_table
from tests.conftest import ROOT
from tests.test_cli_export import run

CASES = ROOT / "cases"
TOUR = "when-internet-plus-fails"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(CASES)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """The whole library, written by `atlas export --format sqlite`."""
    path = tmp_path_factory.mktemp("sqlite") / "atlas.db"
    assert run("--format", "sqlite", "-o", str(path), cases_dir=CASES) == 0
    return path


def query(path: Path, sql: str, *params) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def count(path: Path, table: str) -> int:
    return query(path, f"SELECT count(*) FROM {table}")[0][0]


def selected_ids(library: Library, params: dict) -> set[str]:
    """The app's selection for these URL parameters."""
    chosen, notices = filters.from_query(params)
    assert not notices
    return set(filters.apply(cases_table(library.cases), chosen)["id"])


# --- what is in it ----------------------------------------------------------------------

COUNTS = {
    "cases": lambda lib: len(lib.cases),
    "sources": lambda lib: sum(len(c.sources) for c in lib.cases),
    "metrics": lambda lib: sum(len(c.metrics) for c in lib.cases),
    "timeline": lambda lib: sum(len(c.timeline) for c in lib.cases),
    "outcome_sources": lambda lib: sum(len(c.outcome.sources) for c in lib.cases),
    "connections": lambda lib: sum(
        len(c.connections.before) + len(c.connections.after) for c in lib.cases
    ),
    "case_countries": lambda lib: sum(len(c.countries) for c in lib.cases),
    "case_organisations": lambda lib: sum(len(c.organisations) for c in lib.cases),
    "case_lessons": lambda lib: sum(len(c.lessons) for c in lib.cases),
    "case_related": lambda lib: sum(len(c.related) for c in lib.cases),
    **{
        f"case_{f.name}": lambda lib, f=f: sum(len(f.values_of(c)) for c in lib.cases)
        for f in FACETS
        if f.multi_valued
    },
    "tours": lambda lib: len(lib.tours),
    "tour_stops": lambda lib: sum(len(t.stops) for t in lib.tours),
    "vocabulary": lambda lib: sum(len(v) for v in VOCABULARIES.values()),
}


@pytest.mark.parametrize("table", COUNTS)
def test_every_table_holds_every_row_of_the_library(db, library, table):
    assert count(db, table) == COUNTS[table](library) > 0


def test_the_tables_are_the_documented_ones(db):
    tables = {name for (name,) in query(db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == set(COUNTS)
    readme = (ROOT / "README.md").read_text("utf-8")
    assert all(f"`{t}`" in readme for t in tables)


@pytest.mark.parametrize(
    ("table", "columns", "parent"),
    [
        ("case_ideas", ("case_id",), "cases"),
        ("case_countries", ("case_id",), "cases"),
        ("connections", ("case_id",), "cases"),
        ("sources", ("case_id",), "cases"),
        ("metrics", ("case_id", "source_id"), "sources"),
        ("timeline", ("case_id", "source_id"), "sources"),
        ("outcome_sources", ("case_id", "source_id"), "sources"),
        ("tour_stops", ("tour_id",), "tours"),
        ("tour_stops", ("case_id",), "cases"),
    ],
)
def test_the_keys_are_declared(db, table, columns, parent):
    keys: dict[int, list] = {}
    for row in query(db, f"PRAGMA foreign_key_list({table})"):
        keys.setdefault(row[0], []).append(row)
    declared = {(tuple(r[3] for r in rows), rows[0][2]) for rows in keys.values()}
    assert (columns, parent) in declared


def test_the_keys_hold(db):
    assert query(db, "PRAGMA foreign_key_check") == []
    assert query(db, "PRAGMA integrity_check") == [("ok",)]


def test_a_case_row_is_the_case_file(db, library):
    case = library.case("ofo-bike-sharing")
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    row = dict(con.execute("SELECT * FROM cases WHERE id = ?", (case.id,)).fetchone())
    metric = dict(
        con.execute(
            "SELECT * FROM metrics WHERE case_id = ? AND position = 1", (case.id,)
        ).fetchone()
    )
    con.close()
    assert row["title"] == case.title and row["title_zh"] == case.zh.title
    assert {f.name: row[f.name] for f in FACETS if not f.multi_valued} == {
        f.name: f.values_of(case)[0] for f in FACETS if not f.multi_valued
    }
    assert (row["year_start"], row["year_end"]) == (case.years.start, case.years.end)
    assert row["outcome_evidence"] == case.outcome.evidence
    assert row["narrative_zh"] == case.zh.narrative
    first = case.metrics[0]
    assert (metric["label"], metric["value"], metric["source_id"]) == (
        first.label,
        first.value,
        first.source,
    )
    assert metric["label_zh"] == case.zh.metrics[0].label


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("cases", "title_zh"),
        ("cases", "summary_zh"),
        ("cases", "narrative_zh"),
        ("cases", "outcome_evidence_zh"),
        ("case_lessons", "lesson_zh"),
        ("case_countries", "name_zh"),
        ("connections", "from_party_zh"),
        ("connections", "via_zh"),
        ("metrics", "label_zh"),
        ("timeline", "event_zh"),
        ("tours", "title_zh"),
        ("tour_stops", "talking_point_zh"),
        ("vocabulary", "label_zh"),
    ],
)
def test_chinese_columns_are_filled(db, table, column):
    # Every case and tour of the library has its Chinese (CONTRIBUTING.md, "Chinese text").
    assert query(db, f"SELECT count(*) FROM {table} WHERE {column} IS NULL") == [(0,)]
    assert query(db, f"SELECT count(*) FROM {table} WHERE {column} GLOB '*[一-龥]*'")[0][0] > 0


# --- SQL gives the app's answers -------------------------------------------------------

JOINS = [
    (
        {"industry": ["finance"], "outcome": ["failure"]},
        "SELECT id FROM cases WHERE industry = 'finance' AND outcome = 'failure'",
    ),
    (
        {"connection": ["user_service", "user_driver"]},
        "SELECT DISTINCT case_id FROM case_connection_types "
        "WHERE value IN ('user_service', 'user_driver')",
    ),
    (
        {"tech": ["Mobile apps"], "region": ["china"]},
        "SELECT c.id FROM cases c JOIN case_technologies t ON t.case_id = c.id "
        "JOIN vocabulary v ON v.facet = 'technologies' AND v.value = t.value "
        "WHERE v.label = 'Mobile apps' AND c.region = 'china'",
    ),
    (
        {"from": "2018", "to": "2019"},
        "SELECT id FROM cases WHERE year_start <= 2019 AND coalesce(year_end, 9999) >= 2018",
    ),
]


@pytest.mark.parametrize(("params", "sql"), JOINS)
def test_sql_selects_what_the_filters_select(db, library, params, sql):
    expected = selected_ids(library, params)
    assert {row[0] for row in query(db, sql)} == expected
    assert expected  # a query that finds nothing would prove nothing


def test_the_readme_query_works(db, library):
    readme = (ROOT / "README.md").read_text("utf-8")
    sql = re.search(r"```sql\n(.*?)```", readme, re.S).group(1)
    rows = query(db, sql)
    params = {"industry": ["finance"], "outcome": ["failure"], "connection": ["user_service"]}
    assert {r[0] for r in rows} == selected_ids(library, params)
    assert rows and all(r[2] and r[4] == "Failure" for r in rows)  # title_zh and the label


# --- which cases and tours --------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "tours"),
    [
        (["--tour", TOUR], [TOUR]),
        (["--outcome", "failure"], []),
        (["--ids", "ofo-bike-sharing,uber-taxi"], []),
        ([], None),  # every tour
    ],
)
def test_a_selection_holds_its_cases_and_the_tours_within_it(
    tmp_path, capsys, library, options, tours
):
    out = tmp_path / "part.db"
    assert run("--format", "sqlite", *options, "-o", str(out), cases_dir=CASES) == 0
    ids = {i for (i,) in query(out, "SELECT id FROM cases")}
    tours = sorted(t.id for t in library.tours) if tours is None else tours
    assert sorted(i for (i,) in query(out, "SELECT id FROM tours")) == tours
    for tour in tours:
        assert {s.case for s in library.tour(tour).stops} <= ids
    assert query(out, "PRAGMA foreign_key_check") == []
    plural = "tour" if len(tours) == 1 else "tours"
    assert capsys.readouterr().out.strip() == (
        f"wrote {len(ids)} cases and {len(tours)} {plural} to {out}"
    )


def test_tours_within_needs_every_stop(library):
    tour = library.tour(TOUR)
    stops = [s.case for s in tour.stops]
    assert sqlite_export.tours_within([tour], stops) == [tour]
    assert sqlite_export.tours_within([tour], stops[1:]) == []


# --- writing the file -------------------------------------------------------------------


def test_a_second_export_replaces_the_file(tmp_path):
    out = tmp_path / "atlas.db"
    assert run("--format", "sqlite", "-o", str(out), cases_dir=CASES) == 0
    assert count(out, "cases") > 10
    assert (
        run("--format", "sqlite", "--ids", "ofo-bike-sharing", "-o", str(out), cases_dir=CASES) == 0
    )
    assert query(out, "SELECT id FROM cases") == [("ofo-bike-sharing",)]
    assert count(out, "tours") == 0
    assert os.listdir(tmp_path) == ["atlas.db"]  # no temporary file left


def test_a_failed_export_leaves_the_old_file_and_no_other(tmp_path, monkeypatch, capsys):
    out = tmp_path / "atlas.db"
    assert (
        run("--format", "sqlite", "--ids", "ofo-bike-sharing", "-o", str(out), cases_dir=CASES) == 0
    )
    before = out.read_bytes()

    def broken(con, cases, tours):
        con.execute("INSERT INTO cases (id) VALUES ('half')")  # a NOT NULL column is missing

    monkeypatch.setattr(sqlite_export, "_fill", broken)
    assert run("--format", "sqlite", "-o", str(out), cases_dir=CASES) == 1
    assert "cannot write" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert os.listdir(tmp_path) == ["atlas.db"]


def test_stdout_is_refused(capsysbinary):
    assert run("--format", "sqlite", "-o", "-", cases_dir=CASES) == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert b"an SQLite database is a file: give its name with -o FILE" in captured.err


@pytest.mark.parametrize(
    ("output", "message"),
    [("no-such-dir/atlas.db", "No such file or directory"), ("", "Is a directory")],
)
def test_an_unwritable_output_exits_1(tmp_path, capsys, output, message):
    out = f"{tmp_path}/{output}"  # "" names the folder itself
    assert run("--format", "sqlite", "-o", out, cases_dir=CASES) == 1
    assert f"cannot write {out}: {message}" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {
                "metrics": [
                    {"label": "Orders", "value": 1, "unit": "k", "year": 2016, "source": "nope"}
                ]
            },
            "bakery-o2o-delivery: metrics cites 'nope', which is not one of its sources",
        ),
        (
            {"timeline": [{"date": "2016", "event": "Listed", "source": "gone"}]},
            "bakery-o2o-delivery: timeline cites 'gone'",
        ),
    ],
)
def test_references_that_cannot_be_keys_exit_2_without_writing(
    good_case_data, write_cases, tmp_path, capsys, change, message
):
    folder = write_cases(good_case_data | change)
    out = tmp_path / "atlas.db"
    assert run("--format", "sqlite", "-o", str(out), cases_dir=folder) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_source_id_used_twice_is_a_key_problem(library, tmp_path):
    case = library.case("ofo-bike-sharing")
    twice = case.model_copy(update={"sources": [*case.sources, case.sources[0]]})
    assert sqlite_export.key_problems([twice]) == [
        f"ofo-bike-sharing: source id {case.sources[0].id!r} is used twice"
    ]
    with pytest.raises(sqlite_export.KeyProblem):
        sqlite_export.write_database(tmp_path / "never.db", [twice])
    assert os.listdir(tmp_path) == []
