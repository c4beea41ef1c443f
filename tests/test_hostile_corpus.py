"""Hostile input: every bad case file gives exactly one clear problem, on its line and field.

Small bad files are committed in tests/fixtures/hostile; large or special ones (a 50 MB
file, an alias bomb, deep nesting, a 1 MB string, a pipe, a device, a link loop) are
made here in tmp_path. The library is loaded in a subprocess with a time limit, so a
hang fails the test instead of stalling the run, and a crash of the YAML parser (C code:
a segfault) fails it instead of killing pytest.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from atlas.problems import ProblemKind as K
from atlas.schema_fields import MAX_TEXT_LENGTH
from atlas.yaml_source import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES
from tests.conftest import FIXTURES, GOOD, ROOT, YAML_LOADERS
from tests.test_app import PAGES, all_text, run_page

HOSTILE = FIXTURES / "hostile"
LOAD_TIMEOUT = 120  # seconds: generous; the whole corpus loads in well under one
MAX_MESSAGE = 400  # characters: a problem quotes values, never a whole megabyte

# Committed files: name -> (line, field, kind of problem).
COMMITTED = {
    "binary-tag": (5, "(yaml syntax)", K.REFUSED_TAG),
    "binary": (3, "(file)", K.BINARY),
    "bom": (11, "industry", K.NOT_ALLOWED_VALUE),  # a leading BOM is fine: the case is read
    "complex-key": (13, "(file)", K.BAD_KEY),
    "control-character": (5, "(file)", K.BAD_CHARACTER),
    "crlf": (30, "outcome.status", K.NOT_ALLOWED_VALUE),
    "duplicate-key": (13, "industry", K.DUPLICATE_KEY),
    "empty-title": (5, "title", K.EMPTY_VALUE),
    "empty": (1, "(file)", K.EMPTY),
    "future-start-year": (13, "years.start", K.BAD_DATE),
    "future-timeline-date": (59, "timeline[0].date", K.BAD_DATE),
    "homoglyph-field": (58, "r\u0435lated", K.UNKNOWN_FIELD),
    "homoglyph-id": (4, "id", K.INVALID_ID),
    "huge-integer": (13, "(yaml syntax)", K.NUMBER_TOO_LONG),
    "inf-year": (13, "years.end", K.WRONG_TYPE),
    "invalid-date": (59, "timeline[0].date", K.BAD_VALUE),
    "invalid-utf8": (5, "(file)", K.NOT_UTF8),
    "javascript-url": (60, "sources[0].url", K.BAD_URL),
    "merge-key": (13, "(file)", K.BAD_MERGE),
    "missing-lessons": (1, "lessons", K.MISSING_FIELD),
    "multiple-documents": (59, "(yaml syntax)", K.MULTIPLE_DOCUMENTS),
    "nan-year": (13, "years.start", K.WRONG_TYPE),
    "non-string-key": (13, "(file)", K.BAD_KEY),
    "null-document": (1, "(file)", K.NOT_A_MAPPING),
    "only-dashes": (1, "(file)", K.EMPTY),
    "python-tag": (5, "(yaml syntax)", K.REFUSED_TAG),
    "set-tag": (10, "(yaml syntax)", K.REFUSED_TAG),
    "syntax-unclosed-quote": (5, "(yaml syntax)", K.SYNTAX),
    "tab-indent": (20, "(yaml syntax)", K.TAB_INDENT),
    "top-level-list": (1, "(file)", K.NOT_A_MAPPING),
    "top-level-scalar": (1, "(file)", K.NOT_A_MAPPING),
    "unknown-industry": (11, "industry", K.NOT_ALLOWED_VALUE),
    "unknown-technology": (27, "technologies[1]", K.NOT_ALLOWED_VALUE),
    "wrong-type-organisations-text": (8, "organisations", K.WRONG_TYPE),
    "wrong-type-summary-list": (6, "summary", K.WRONG_TYPE),
    "wrong-type-years-number": (13, "years", K.WRONG_TYPE),
    "yes-as-title": (5, "title", K.WRONG_TYPE),
}
# A second file with an id already taken gives one error, on the id's line.
DUPLICATE_ID = (4, "id", K.DUPLICATE_ID)
# a figure that is not a number (.nan, .inf) is refused; the file is kept out of the
# shared folder, which holds one problem per file.
NAN_METRIC = (59, "metrics[0].value", K.WRONG_TYPE)


# --- generated files ----------------------------------------------------------------------


def sparse_50mb(path: Path) -> None:
    with path.open("wb") as f:
        f.write(b"id: huge-50mb\n")
        f.seek(50_000_000)
        f.write(b"\n")


def alias_bomb(path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path.write_text("\n".join(lines) + "\n")


def text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content)


def raw(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def narrative_of(words: int) -> Callable[[Path], None]:
    """A valid case but for a narrative of `words` words (about 5 characters each)."""

    def write(path: Path) -> None:
        case = (GOOD / "bakery-o2o-delivery.yaml").read_text()
        case = case.replace("id: bakery-o2o-delivery", f"id: {path.stem}")
        path.write_text(case.replace("narrative: |\n", "narrative: |\n  " + "word " * words + "\n"))

    return write


def good_case_joined_at(line: int) -> Callable[[Path], None]:
    """A valid case with a UTF-8 byte order mark at the start of `line`: two files joined."""

    def write(path: Path) -> None:
        lines = (GOOD / "bakery-o2o-delivery.yaml").read_text().splitlines(keepends=True)
        lines[line - 1] = "\ufeff" + lines[line - 1]
        path.write_text("".join(lines), encoding="utf-8")

    return write


DEEP = 100_000  # libyaml's C composer overflowed the stack (segfault) at about 30,000
# name -> (how to make it, (line, field, kind))
GENERATED: dict[str, tuple[Callable[[Path], None], tuple[int, str, K]]] = {
    "huge-50mb": (sparse_50mb, (1, "(file)", K.TOO_LARGE)),
    "string-1mb": (
        text("id: string-1mb\nnarrative: " + "x" * 2**20 + "\n"),
        (1, "(file)", K.TOO_LARGE),
    ),
    "narrative-900k": (narrative_of(180_000), (35, "narrative", K.TOO_LONG)),
    "alias-bomb": (alias_bomb, (5, "(file)", K.TOO_MANY_VALUES)),
    "many-values": (
        text("id: many-values\nx: [" + ",".join(["1"] * 30_000) + "]\n"),
        (2, "(file)", K.TOO_MANY_VALUES),
    ),
    # libyaml refuses more than 1,000 open brackets itself, before our guard looks
    "deep-flow-nesting": (
        text("id: deep\nx: " + "[" * DEEP + "]" * DEEP + "\n"),
        (2, "(file)", K.TOO_DEEP),
    ),
    "deep-flow-nesting-over-lines": (
        text("id: deep\nx:\n" + "  [\n" * DEEP + "  " + "]" * DEEP + "\n"),
        (32, "(file)", K.TOO_DEEP),
    ),
    "deep-block-nesting": (
        text("id: deep\nx:\n" + "- " * (DEEP // 2) + "x\n"),
        (3, "(file)", K.TOO_DEEP),
    ),
    "deep-mapping-nesting": (
        text("id: deep\nx: " + "{a: " * (DEEP // 2) + "1" + "}" * (DEEP // 2) + "\n"),
        (2, "(file)", K.TOO_DEEP),
    ),
    "utf-16": (
        raw("id: utf-16\ntitle: Saved by Notepad\n".encode("utf-16")),
        (1, "(file)", K.NOT_UTF8),
    ),
    "bom-inside": (good_case_joined_at(12), (12, "(yaml syntax)", K.BOM)),
    "bool-tag": (text("id: bool-tag\ntitle: !!bool maybe\n"), (2, "title", K.BAD_VALUE)),
    "control-after-chinese": (
        text("id: control-after-chinese\ntitle: " + "中" * 300 + "\nsummary: a\x1bb\n"),
        (3, "(file)", K.BAD_CHARACTER),
    ),
    "folder": (lambda p: p.mkdir(), (1, "(file)", K.NOT_A_FILE)),
    "dev-zero": (lambda p: p.symlink_to("/dev/zero"), (1, "(file)", K.NOT_A_FILE)),
}
if hasattr(os, "mkfifo"):  # reading a pipe would wait for a writer forever
    GENERATED["fifo"] = (lambda p: os.mkfifo(p), (1, "(file)", K.NOT_A_FILE))

EXPECTED = {**COMMITTED, **{name: expected for name, (_, expected) in GENERATED.items()}}

LOAD_SCRIPT = """
import json, sys
from atlas.loader import load_library
from tests.conftest import use_yaml_loader
use_yaml_loader(sys.argv[2])
lib = load_library(sys.argv[1])
problems = [p.as_dict() | {"text": str(p)} for p in lib.problems]
print(json.dumps({"cases": [c.id for c in lib.cases], "problems": problems}))
"""


def load_in_subprocess(folder: Path, yaml_loader: str = "libyaml") -> dict:
    """load_library(folder) in a fresh interpreter, bounded in time; its result as data."""
    run = subprocess.run(
        [sys.executable, "-c", LOAD_SCRIPT, str(folder), yaml_loader],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=LOAD_TIMEOUT,
    )
    assert run.returncode == 0, f"the loader crashed ({run.returncode}):\n{run.stderr[-3000:]}"
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The good cases, every committed bad file and every generated one, in one folder."""
    folder = tmp_path_factory.mktemp("corpus") / "cases"
    shutil.copytree(GOOD, folder)
    for path in HOSTILE.glob("*.yaml"):
        if path.stem != "nan-metric":
            shutil.copy(path, folder)
    for name, (make, _) in GENERATED.items():
        make(folder / f"{name}.yaml")
    return folder


@pytest.fixture(scope="module", params=sorted(YAML_LOADERS))
def loaded(corpus, request) -> dict:
    """The corpus read with libyaml's C loader and with PyYAML's pure-Python one."""
    return load_in_subprocess(corpus, request.param)


def problems_of(loaded: dict, name: str) -> list[dict]:
    return [p for p in loaded["problems"] if Path(p["file"]).name == f"{name}.yaml"]


def assert_one_clear_problem(found: list[dict], expected: tuple[int, str, K]) -> None:
    line, field, kind = expected
    assert len(found) == 1, [p["text"] for p in found]
    (problem,) = found
    assert (problem["line"], problem["field"], problem["kind"]) == (line, field, kind.value), (
        problem["text"]
    )
    assert problem["severity"] == "error"
    assert problem["text"].startswith(f"{problem['file']}:{line}: {field}: {problem['message']}")
    assert len(problem["text"]) < MAX_MESSAGE + len(problem["file"]), problem["text"][:500]


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_each_hostile_file_gives_one_clear_problem(loaded, name, expected):
    assert_one_clear_problem(problems_of(loaded, name), expected)


def test_a_duplicate_id_gives_one_clear_problem(loaded):
    assert_one_clear_problem(problems_of(loaded, "duplicate-id"), DUPLICATE_ID)


def test_a_figure_that_is_not_a_number_gives_one_clear_problem(tmp_path):
    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    shutil.copy(HOSTILE / "nan-metric.yaml", folder)
    assert_one_clear_problem(problems_of(load_in_subprocess(folder), "nan-metric"), NAN_METRIC)


def test_a_duplicate_id_is_refused_and_the_first_file_kept(loaded):
    errors = [p for p in problems_of(loaded, "duplicate-id") if p["severity"] == "error"]
    assert [p["kind"] for p in errors] == [K.DUPLICATE_ID.value]
    assert "'bakery-o2o-delivery'" in errors[0]["message"]  # it names the id
    assert "bakery-o2o-delivery" in loaded["cases"]


@pytest.mark.parametrize(
    ("name", "limit"),
    [  # a refusal names our limit, from our constant
        ("huge-50mb", f"{MAX_FILE_BYTES / 1e6:.0f} MB"),
        ("string-1mb", f"{MAX_FILE_BYTES / 1e6:.0f} MB"),
        ("alias-bomb", f"{MAX_NODES:,}"),
        ("many-values", f"{MAX_NODES:,}"),
        ("deep-flow-nesting", f"{MAX_DEPTH} levels"),
        ("deep-flow-nesting-over-lines", f"{MAX_DEPTH} levels"),
        ("deep-block-nesting", f"{MAX_DEPTH} levels"),
        ("deep-mapping-nesting", f"{MAX_DEPTH} levels"),
        ("huge-integer", f"{5_001:,}"),  # the length it found
        ("narrative-900k", f"{MAX_TEXT_LENGTH:,}"),
    ],
)
def test_a_refusal_names_the_limit(loaded, name, limit):
    (problem,) = problems_of(loaded, name)
    assert limit in problem["message"], problem["text"]


def test_the_good_cases_still_load_and_every_bad_file_is_accounted_for(loaded, corpus):
    assert sorted(loaded["cases"]) == sorted(p.stem for p in GOOD.glob("*.yaml"))
    with_problems = {Path(p["file"]).stem for p in loaded["problems"]}
    assert with_problems == {*EXPECTED, "duplicate-id"}
    assert len(with_problems) >= 25
    committed = {p.stem for p in HOSTILE.glob("*.yaml")}
    assert committed == {*COMMITTED, "duplicate-id", "nan-metric"}, "each has an expectation"


def test_a_symlink_loop_is_one_problem_not_a_crash(tmp_path):
    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    (folder / "loop.yaml").symlink_to("loop.yaml")
    loaded = load_in_subprocess(folder)
    assert_one_clear_problem(problems_of(loaded, "loop"), (1, "(file)", K.UNREADABLE))
    assert len(loaded["cases"]) == 2


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_good_cases_beside_the_corpus(app_test, corpus, page):
    at = run_page(app_test(corpus), page)
    assert not at.exception
    failed = len(EXPECTED) + 1  # and the duplicate id
    assert f"{failed} case files could not be loaded" in all_text(at)


def test_explore_lists_the_good_cases_and_data_health_every_bad_file(app_test, corpus):
    at = run_page(app_test(corpus, view="table"), "app_pages/explore.py")
    assert not at.exception
    assert len(at.dataframe[0].value["Case"]) == len(list(GOOD.glob("*.yaml")))
    at = run_page(app_test(corpus), "app_pages/data_health.py")
    text = all_text(at)
    missing = [name for name in EXPECTED if f"{name}.yaml" not in text]
    assert not missing
    assert at.metric[0].value == "2"
