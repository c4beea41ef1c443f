import shutil

import pytest
import yaml

from atlas.loader import ENV_VAR, cases_dir, load_library
from atlas.problems import Severity
from tests.conftest import BROKEN, GOOD

# Every broken fixture file, and what its problem must say: (line, field, words).
EXPECTED = {
    "alias-bomb.yaml": (5, "(file)", "expands to more than"),
    "bad-related.yaml": (58, "related[0]", "no case has the id 'bakery-o2o-delivry'"),
    "binary.yaml": (1, "(file)", "binary file"),
    "colon-in-value.yaml": (5, "(yaml syntax)", "mapping values are not allowed"),
    "comments-only.yaml": (1, "(file)", "file is empty"),
    "deep-nesting.yaml": (2, "(file)", "nested deeper than"),
    "duplicate-key.yaml": (12, "industry", "key appears twice"),
    "empty.yaml": (1, "(file)", "file is empty"),
    "future-date.yaml": (13, "years.start", "2099 is in the future"),
    "invalid-utf8.yaml": (2, "(file)", "not valid UTF-8"),
    "javascript-url.yaml": (60, "sources[0].url", "must be an http:// or https:// address"),
    "missing-title.yaml": (1, "title", "required field is missing"),
    "needs-quotes.yaml": (5, "title", "YAML read 2015 as a number"),
    "python-tag.yaml": (2, "(yaml syntax)", "could not determine a constructor"),
    "tab-indent.yaml": (19, "(yaml syntax)", "cannot start any token"),
    "top-level-list.yaml": (1, "(file)", "the top level must be a mapping"),
    "unknown-field.yaml": (6, "summry", "unknown field 'summry'"),
    "unknown-outcome.yaml": (30, "outcome.status", "'sucess' is not an allowed value"),
    "wrong-type-years.yaml": (13, "years.start", "expected a whole number"),
}


@pytest.fixture(scope="module")
def broken():
    return load_library(BROKEN)


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_each_broken_file_names_its_line_field_and_problem(broken, name, expected):
    line, field, words = expected
    found = [p for p in broken.problems if p.path.endswith(f"broken/{name}")]
    assert found, f"no problem reported for {name}"
    assert any(p.line == line and p.field == field and words in p.message for p in found), [
        str(p) for p in found
    ]
    assert all(str(p).startswith(f"{p.path}:{p.line}: {p.field}: ") for p in found)


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("unknown-outcome.yaml", "did you mean 'success'? allowed: success, mixed"),
        ("unknown-field.yaml", "did you mean 'summary'?"),
        ("needs-quotes.yaml", "quote this value"),
        ("colon-in-value.yaml", "quote this value"),
        ("bad-related.yaml", "did you mean 'bakery-o2o-delivery'?"),
        ("tab-indent.yaml", "spaces, not tabs"),
    ],
)
def test_known_fixes_come_with_a_hint(broken, name, hint):
    assert any(hint in p.hint for p in broken.problems if p.path.endswith(name))


def test_cross_file_checks(broken):
    # a duplicate id is one error on the id's line (its file-name warning is implied)
    (problem,) = [p for p in broken.problems if "id-not-filename" in p.path]
    assert (problem.line, problem.field) == (4, "id")
    assert "duplicate id 'bakery-o2o-delivery'" in problem.message
    # the first file with the id loads, as do cases with only warnings
    assert {c.id for c in broken.cases} == {"bakery-o2o-delivery", "bad-related"}


def test_errors_leave_a_file_out_warnings_do_not(broken):
    failed = {p.split("/")[-1] for p in broken.failed_files}
    assert "unknown-outcome.yaml" in failed
    assert "bad-related.yaml" not in failed
    warning = next(p for p in broken.problems if p.path.endswith("bad-related.yaml"))
    assert warning.severity is Severity.WARNING


def test_good_cases_load_beside_broken_ones(mixed_folder):
    lib = load_library(mixed_folder)
    assert sorted(c.id for c in lib.cases) == ["bakery-o2o-delivery", "corner-shop-online"]
    assert len(lib.failed_files) == 4
    assert lib.summary() == "2 cases, 4 problems"


def test_good_folder_is_clean():
    lib = load_library(GOOD)
    assert lib.problems == ()
    assert lib.case("corner-shop-online").title.startswith("A corner shop")
    assert lib.case("missing") is None


def test_tours_are_loaded_and_checked(tmp_path):
    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    (folder / "tours").mkdir()
    (folder / "tours" / "intro.yaml").write_text(
        "id: intro\ntitle: Intro\ndescription: A first look.\nstops:\n"
        "  - {case: bakery-o2o-delivery, talking_point: Start here.}\n"
        "  - {case: no-such-case, talking_point: Then this.}\n"
    )
    lib = load_library(folder)
    assert [t.id for t in lib.tours] == ["intro"]
    (problem,) = lib.problems
    assert (problem.line, problem.field) == (6, "stops[1].case")
    assert "no-such-case" in problem.message


def test_missing_folder_is_a_problem_not_a_crash(tmp_path):
    lib = load_library(tmp_path / "nope")
    assert lib.cases == () and "folder not found" in lib.problems[0].message


def test_folder_choice(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert cases_dir().name == "cases"
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert cases_dir() == tmp_path
    assert cases_dir(GOOD) == GOOD


def test_an_id_that_differs_from_its_file_name_is_a_warning(good_case_data, write_cases):
    folder = write_cases(("renamed.yaml", yaml.safe_dump(good_case_data, sort_keys=False)))
    lib = load_library(folder)
    (problem,) = lib.problems
    assert problem.severity is Severity.WARNING and problem.field == "id"
    assert "differs from the file name 'renamed.yaml'" in problem.message
    assert [c.id for c in lib.cases] == ["bakery-o2o-delivery"]  # shown all the same
