import copy
import shutil
from pathlib import Path

import pytest
import yaml

from atlas import yaml_source
from atlas.loader import ENV_VAR, cases_dir, load_library, shown_file, shown_folder
from atlas.problems import ProblemKind as K
from atlas.problems import Severity
from tests.conftest import BROKEN, GOOD, YAML_LOADERS, use_yaml_loader

# Every broken fixture file, and its problem: (line, field, kind).
EXPECTED = {
    "alias-bomb.yaml": (5, "(file)", K.TOO_MANY_VALUES),
    "bad-related.yaml": (58, "related[0]", K.UNKNOWN_REFERENCE),
    "binary.yaml": (1, "(file)", K.BINARY),
    "colon-in-value.yaml": (5, "(yaml syntax)", K.SYNTAX),
    "comments-only.yaml": (1, "(file)", K.EMPTY),
    "deep-nesting.yaml": (2, "(file)", K.TOO_DEEP),
    "duplicate-key.yaml": (12, "industry", K.DUPLICATE_KEY),
    "empty.yaml": (1, "(file)", K.EMPTY),
    "future-date.yaml": (13, "years.start", K.BAD_DATE),
    "invalid-utf8.yaml": (2, "(file)", K.NOT_UTF8),
    "javascript-url.yaml": (60, "sources[0].url", K.BAD_URL),
    "missing-title.yaml": (1, "title", K.MISSING_FIELD),
    "needs-quotes.yaml": (5, "title", K.WRONG_TYPE),
    "python-tag.yaml": (2, "(yaml syntax)", K.REFUSED_TAG),
    "tab-indent.yaml": (19, "(yaml syntax)", K.TAB_INDENT),
    "top-level-list.yaml": (1, "(file)", K.NOT_A_MAPPING),
    "unknown-field.yaml": (6, "summry", K.UNKNOWN_FIELD),
    "unknown-outcome.yaml": (30, "outcome.status", K.NOT_ALLOWED_VALUE),
    "wrong-type-years.yaml": (13, "years.start", K.WRONG_TYPE),
}


@pytest.fixture(scope="module", params=sorted(YAML_LOADERS))
def broken(request):
    """The broken folder, read with each YAML loader: the problems must be the same."""
    saved = yaml_source._BaseLoader, yaml_source._Loader
    use_yaml_loader(request.param)
    try:
        yield load_library(BROKEN)
    finally:
        yaml_source._BaseLoader, yaml_source._Loader = saved


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_each_broken_file_names_its_line_field_and_kind(broken, name, expected):
    found = [
        (p.line, p.field, p.kind) for p in broken.problems if p.path.endswith(f"broken/{name}")
    ]
    assert expected in found, found


def test_every_problem_is_printed_as_path_line_field_message(broken):
    for p in broken.problems:
        text = f"{p.path}:{p.line}: {p.field}: {p.message}"
        assert str(p) == (f"{text} (hint: {p.hint})" if p.hint else text)
        assert p.as_dict()["kind"] == p.kind.value


@pytest.mark.parametrize(
    ("name", "quoted"),
    [  # a message quotes what the file says, so the author can find it
        ("bad-related.yaml", "'bakery-o2o-delivry'"),
        ("unknown-field.yaml", "'summry'"),
        ("unknown-outcome.yaml", "'sucess'"),
        ("needs-quotes.yaml", "2015"),
        ("future-date.yaml", "2099"),
    ],
)
def test_messages_quote_the_value_at_fault(broken, name, quoted):
    _, field, _ = EXPECTED[name]
    (problem,) = [p for p in broken.problems if p.path.endswith(name) and p.field == field]
    assert quoted in problem.message


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("unknown-outcome.yaml", "'success'"),
        ("unknown-field.yaml", "'summary'"),
        ("bad-related.yaml", "'bakery-o2o-delivery'"),
    ],
)
def test_a_near_miss_gets_the_closest_name_as_its_hint(broken, name, hint):
    assert any(hint in p.hint for p in broken.problems if p.path.endswith(name))


@pytest.mark.parametrize(
    "name", ["needs-quotes.yaml", "colon-in-value.yaml", "tab-indent.yaml", "alias-bomb.yaml"]
)
def test_known_fixes_come_with_a_hint(broken, name):
    assert all(p.hint for p in broken.problems if p.path.endswith(name))


def test_cross_file_checks(broken):
    # a duplicate id is one error on the id's line (its file-name warning is implied)
    (problem,) = [p for p in broken.problems if "id-not-filename" in p.path]
    assert (problem.line, problem.field, problem.kind) == (4, "id", K.DUPLICATE_ID)
    assert "'bakery-o2o-delivery'" in problem.message
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
    assert (problem.line, problem.field, problem.kind) == (6, "stops[1].case", K.UNKNOWN_REFERENCE)
    assert "no-such-case" in problem.message


def test_missing_folder_is_a_problem_not_a_crash(tmp_path):
    from atlas.problems import Problem

    lib = load_library(tmp_path / "nope")
    assert lib.cases == ()
    assert [(p.path, p.kind) for p in lib.problems] == [(str(tmp_path / "nope"), K.FOLDER_MISSING)]
    assert lib.problems == (
        Problem(
            str(tmp_path / "nope"),
            1,
            "(folder)",
            "folder not found",
            f"set {ENV_VAR}",
            kind=K.FOLDER_MISSING,
        ),
    )
    assert (lib.folder, lib.tours, lib.files_read) == (str(tmp_path / "nope"), (), 0)


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
    assert (problem.severity, problem.field, problem.kind) == (
        Severity.WARNING,
        "id",
        K.ID_MISMATCH,
    )
    assert "'renamed.yaml'" in problem.message
    assert [c.id for c in lib.cases] == ["bakery-o2o-delivery"]  # shown all the same


def test_a_folder_is_shown_relative_to_the_working_folder_or_by_its_name(tmp_path, monkeypatch):
    inside = tmp_path / "work" / "cases"
    inside.mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "work")
    assert shown_folder(inside) == "cases"
    assert shown_folder(tmp_path / "elsewhere" / "library") == "library"
    assert shown_folder("cases") == shown_folder(Path("cases")) == "cases"
    (tmp_path / "work" / "data" / "cases").mkdir(parents=True)
    assert shown_folder(tmp_path / "work" / "data" / "cases") == "data/cases"  # the whole way


def test_a_file_is_shown_under_its_folders_shown_name(tmp_path, monkeypatch):
    folder = tmp_path / "library"
    (folder / "tours").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "library" / "tours")
    assert shown_file(folder / "tours" / "a.yaml", folder) == "library/tours/a.yaml"
    assert shown_file(tmp_path / "other" / "b.yaml", folder) == "b.yaml"
    assert shown_file("c.yaml", folder) == "library/tours/c.yaml"  # relative to where we are
    # a relative file outside the folder keeps the way it was given
    assert shown_file("../../other/d.yaml", folder) == "../../other/d.yaml"


# --- each problem in full, in a folder of the test's own ---------------------------------
# (The broken folder above is loaded once per module: mutation testing credits that load to
# the first test only, so what the other tests check of it is checked here again in full.)


def test_every_problem_of_a_file_in_full(good_case_data, write_cases, monkeypatch, tmp_path):
    from atlas.problems import Problem

    case_id = good_case_data["id"]
    warned = copy.deepcopy(good_case_data)
    warned["years"] = {"start": 2015, "end": 2010}
    warned["outcome"]["sources"] = ["nope"]
    warned["related"] = [case_id, "qqqqqqqqqqqq"]
    misspelt = copy.deepcopy(good_case_data)
    misspelt["outcome"]["status"] = "sucess"
    dumped = yaml.safe_dump(warned, sort_keys=False)
    folder = write_cases(
        (f"{case_id}.yaml", dumped),
        ("bad-status.yaml", yaml.safe_dump(misspelt, sort_keys=False)),
        ("zz-copy.yaml", "# the same case again, under another name\n" + dumped),
    )
    (folder / "loop.yaml").symlink_to("loop.yaml")
    monkeypatch.chdir(tmp_path)
    lib = load_library(folder)

    W, E = Severity.WARNING, Severity.ERROR
    mine, copied = f"cases/{case_id}.yaml", "cases/zz-copy.yaml"
    end, nope, related = 15, 58, 108
    rules = [  # (line, field, message, hint) of each rule a case breaks
        (end, "years.end", "ends (2010) before it starts (2015)", ""),
        (
            nope,
            "outcome.sources[0]",
            "'nope' is not the id of a source of this case",
            "add it under 'sources'",
        ),
        (related, "related", "a case cannot be related to itself", ""),
    ]
    assert list(lib.problems) == sorted(
        [
            Problem(
                "cases/bad-status.yaml",
                52,
                "outcome.status",
                "'sucess' is not an allowed value",
                "did you mean 'success'? allowed: success, mixed, failure, ongoing",
                E,
                K.NOT_ALLOWED_VALUE,
            ),
            *(Problem(mine, *rule, W, K.RULE) for rule in rules),
            Problem(
                mine,
                related + 2,
                "related[1]",
                "no case has the id 'qqqqqqqqqqqq'",
                "check the spelling of the case id",  # nothing near it to suggest
                W,
                K.UNKNOWN_REFERENCE,
            ),
            Problem(
                "cases/loop.yaml",
                1,
                "(file)",
                "cannot read: Too many levels of symbolic links",
                "",
                E,
                K.UNREADABLE,
            ),
            # a duplicate keeps its other problems, one line further down (the comment);
            # its "differs from the file name" warning is left out, its id's line kept
            *(
                Problem(copied, line + 1, field, msg, hint, W, K.RULE)
                for line, field, msg, hint in rules
            ),
            Problem(
                copied,
                2,
                "id",
                f"duplicate id '{case_id}': already used by {mine}",
                "give each case its own id, equal to its file name",
                E,
                K.DUPLICATE_ID,
            ),
        ]
    )
    assert [c.id for c in lib.cases] == [case_id]
    assert lib.summary() == "1 case, 10 problems"
    assert lib.failed_files == ["cases/bad-status.yaml", "cases/loop.yaml", copied]


def test_an_id_that_differs_from_its_file_name_in_full(good_case_data, write_cases, monkeypatch):
    from atlas.problems import Problem

    text = "# renamed by hand\n" + yaml.safe_dump(good_case_data, sort_keys=False)
    folder = write_cases(("renamed.yaml", text))
    monkeypatch.chdir(folder.parent)
    assert load_library(folder).problems == (
        Problem(
            "cases/renamed.yaml",
            2,
            "id",
            "'bakery-o2o-delivery' differs from the file name 'renamed.yaml'",
            "rename the file to bakery-o2o-delivery.yaml or set id: renamed",
            Severity.WARNING,
            K.ID_MISMATCH,
        ),
    )


def test_a_library_finds_its_tours_and_counts_in_words(tmp_path):
    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    (folder / "tours").mkdir()
    (folder / "tours" / "intro.yaml").write_text(
        "id: intro\ntitle: Intro\ndescription: A first look.\nstops:\n"
        "  - {case: bakery-o2o-delivery, talking_point: Start here.}\n"
        "  - {case: no-such-case, talking_point: Then this.}\n"
    )
    text = (folder / "corner-shop-online.yaml").read_text()
    text = text.replace("related: []", "related: [no-such-case-either]")
    (folder / "corner-shop-online.yaml").write_text(text)
    lib = load_library(folder)
    assert lib.tour("intro").title == "Intro" and lib.tour("outro") is None
    assert (lib.folder, lib.files_read) == (str(folder), 3)
    assert sorted((p.path.rsplit("/", 1)[-1], p.field) for p in lib.problems) == [
        ("corner-shop-online.yaml", "related[0]"),  # a case's problems and a tour's both
        ("intro.yaml", "stops[1].case"),
    ]
    assert lib.summary() == "2 cases, 1 tour, 2 problems"
    assert load_library(GOOD).summary() == "2 cases, 0 problems"


@pytest.mark.parametrize(
    ("base", "refs", "subfield", "expected"),
    [
        (("related",), ["a", "zz"], "", [(4, "related[1]")]),
        (("stops",), ["zz", "a"], "case", [(3, "stops[0].case")]),
    ],
)
def test_unknown_references_are_placed_on_their_line(tmp_path, base, refs, subfield, expected):
    from atlas.loader import _unknown_refs

    path = tmp_path / "x.yaml"
    if base == ("related",):
        path.write_text("id: x\nrelated:\n  - a\n  - zz\n")
    else:
        path.write_text("id: x\nstops:\n  - case: zz\n  - case: a\n")
    found = _unknown_refs(path, base, refs, {"a"}, subfield)
    assert [(p.line, p.field) for p in found] == expected
    assert {(p.severity, p.kind) for p in found} == {(Severity.WARNING, K.UNKNOWN_REFERENCE)}
    path.unlink()  # a file gone since it loaded: its references go on line 1
    assert [p.line for p in _unknown_refs(path, base, refs, {"a"}, subfield)] == [1]


def test_a_near_miss_reference_gets_the_closest_id(tmp_path):
    from atlas.loader import _unknown_refs

    path = tmp_path / "x.yaml"
    path.write_text("id: x\nrelated: [bakery-o2o-delivry]\n")
    known = {"bakery-o2o-delivery", "corner-shop-online"}
    [found] = _unknown_refs(path, ("related",), ["bakery-o2o-delivry"], known)
    assert found.hint == "did you mean 'bakery-o2o-delivery'?"


def test_a_duplicate_named_as_its_id_is_placed_on_its_first_line(good_case_data, write_cases):
    # a-first.yaml loads first with the id; the file named after it is then the duplicate
    text = yaml.safe_dump(good_case_data | {"id": "bakery-copy"}, sort_keys=False)
    folder = write_cases(("a-first.yaml", text), ("bakery-copy.yaml", text))
    problems = load_library(folder).problems
    assert [(p.path.rsplit("/", 1)[-1], p.line, p.field, p.kind) for p in problems] == [
        ("a-first.yaml", 1, "id", K.ID_MISMATCH),
        ("bakery-copy.yaml", 1, "id", K.DUPLICATE_ID),
    ]


def test_check_text_names_the_text_as_shown_and_checks_the_id_only_when_told(good_case_data):
    # what the draft page checks: bytes, not a file, named as the user will save them
    from atlas.loader import check_text
    from atlas.problems import Problem
    from atlas.schema import Case

    raw = ("# drafted\n" + yaml.safe_dump(good_case_data, sort_keys=False)).encode()
    item, problems = check_text(raw, "cases/draft.yaml", Case)
    assert (item.id, problems) == ("bakery-o2o-delivery", [])
    item, problems = check_text(raw, "cases/draft.yaml", Case, "draft")
    assert item.id == "bakery-o2o-delivery"
    assert problems == [
        Problem(
            "cases/draft.yaml",
            2,
            "id",
            "'bakery-o2o-delivery' differs from the file name 'draft.yaml'",
            "rename the file to bakery-o2o-delivery.yaml or set id: draft",
            Severity.WARNING,
            K.ID_MISMATCH,
        )
    ]


def test_check_text_names_a_rule_warning_as_shown(good_case_data):
    from atlas.loader import check_text
    from atlas.schema import Case

    data = {**good_case_data, "related": [good_case_data["id"]]}
    raw = yaml.safe_dump(data, sort_keys=False).encode()
    item, problems = check_text(raw, "cases/draft.yaml", Case)
    assert item is not None
    assert [(p.path, p.field, p.severity, p.kind) for p in problems] == [
        ("cases/draft.yaml", "related", Severity.WARNING, K.RULE)
    ]


def test_a_library_s_summary_counts_its_cases_tours_and_problems_in_words():
    from atlas.loader import Library

    assert Library("f", (), (), (), 0).summary() == "0 cases, 0 problems"
    two = Library("f", ("a", "b"), ("t", "u"), ("p", "q"), 4)
    assert two.summary() == "2 cases, 2 tours, 2 problems"


def test_check_text_gives_every_problem_of_bytes_that_do_not_load(good_case_data):
    from atlas.loader import check_text
    from atlas.schema import Case

    item, problems = check_text(b"id: a\n\nid: b\n", "cases/draft.yaml", Case, "a")
    assert item is None
    assert [(p.path, p.line, p.field, p.kind) for p in problems] == [
        ("cases/draft.yaml", 3, "id", K.DUPLICATE_KEY)
    ]
    data = {k: v for k, v in good_case_data.items() if k not in ("title", "industry")}
    raw = ("\n" + yaml.safe_dump(data, sort_keys=False)).encode()
    item, problems = check_text(raw, "cases/draft.yaml", Case)
    assert item is None
    assert sorted((p.path, p.line, p.field, p.kind) for p in problems) == [
        ("cases/draft.yaml", 1, "industry", K.MISSING_FIELD),
        ("cases/draft.yaml", 1, "title", K.MISSING_FIELD),
    ]
