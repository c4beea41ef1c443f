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

from tests.conftest import FIXTURES, GOOD, ROOT
from tests.test_app import PAGES, all_text, run_page

HOSTILE = FIXTURES / "hostile"
LOAD_TIMEOUT = 120  # seconds: generous; the whole corpus loads in well under one
MAX_MESSAGE = 400  # characters: a problem quotes values, never a whole megabyte

# Committed files: name -> (line, field, words in the message).
COMMITTED = {
    "binary-tag": (5, "(yaml syntax)", "the tag !!binary is not allowed"),
    "binary": (3, "(file)", "binary file"),
    "bom": (11, "industry", "'bakeries' is not an allowed value"),
    "complex-key": (13, "(file)", "a key must be a field name"),
    "control-character": (5, "(file)", "U+0007"),
    "crlf": (30, "outcome.status", "'sucess' is not an allowed value"),
    "duplicate-key": (13, "industry", "key appears twice (lines 11 and 13)"),
    "empty-title": (5, "title", "the value is empty"),
    "empty": (1, "(file)", "file is empty"),
    "future-start-year": (13, "years.start", "2999 is in the future"),
    "future-timeline-date": (59, "timeline[0].date", "'2999-01-01' is in the future"),
    "homoglyph-field": (58, "r\u0435lated", "U+0435 CYRILLIC SMALL LETTER IE"),
    "homoglyph-id": (4, "id", "U+043E CYRILLIC SMALL LETTER O"),
    "huge-integer": (13, "(yaml syntax)", "a number 5,001 characters long"),
    "inf-year": (13, "years.end", "expected a whole number, found inf"),
    "invalid-date": (59, "timeline[0].date", "cannot read '2015-02-30'"),
    "invalid-utf8": (5, "(file)", "not valid UTF-8"),
    "javascript-url": (60, "sources[0].url", "must be an http:// or https:// address"),
    "merge-key": (13, "(yaml syntax)", "for merging"),
    "missing-lessons": (1, "lessons", "required field is missing"),
    "multiple-documents": (59, "(yaml syntax)", "expected a single document"),
    "nan-year": (13, "years.start", "expected a whole number, found nan"),
    "non-string-key": (13, "(file)", "the key '2015' is read as number"),
    "null-document": (1, "(file)", "found a single value ('null')"),
    "only-dashes": (1, "(file)", "file is empty"),
    "python-tag": (5, "(yaml syntax)", "could not determine a constructor"),
    "set-tag": (10, "(yaml syntax)", "the tag !!set is not allowed"),
    "syntax-unclosed-quote": (5, "(yaml syntax)", "the quote opened on this line is not closed"),
    "tab-indent": (20, "(yaml syntax)", "cannot start any token"),
    "top-level-list": (1, "(file)", "found a list"),
    "top-level-scalar": (1, "(file)", "found a single value"),
    "unknown-industry": (11, "industry", "'bakeries' is not an allowed value"),
    "unknown-technology": (27, "technologies[1]", "'teleportation' is not an allowed value"),
    "wrong-type-organisations-text": (8, "organisations", "expected a list, found text"),
    "wrong-type-summary-list": (6, "summary", "expected text, found a list"),
    "wrong-type-years-number": (13, "years", "found a number"),
    "yes-as-title": (5, "title", "YAML read True as true/false"),
}
# A second file with an id already taken gives one error, on the id's line.
DUPLICATE_ID = (4, "id", "duplicate id 'bakery-o2o-delivery'")
# a figure that is not a number (.nan, .inf) is refused; the file is kept out of the
# shared folder, which holds one problem per file.
NAN_METRIC = (59, "metrics[0].value", "finite number")


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


def narrative_of(words: int) -> Callable[[Path], None]:
    """A valid case but for a narrative of `words` words (about 5 characters each)."""

    def write(path: Path) -> None:
        case = (GOOD / "bakery-o2o-delivery.yaml").read_text()
        case = case.replace("id: bakery-o2o-delivery", f"id: {path.stem}")
        path.write_text(case.replace("narrative: |\n", "narrative: |\n  " + "word " * words + "\n"))

    return write


DEEP = 100_000  # libyaml's C composer overflowed the stack (segfault) at about 30,000
# name -> (how to make it, (line, field, words))
GENERATED: dict[str, tuple[Callable[[Path], None], tuple[int, str, str]]] = {
    "huge-50mb": (sparse_50mb, (1, "(file)", "file is 50.0 MB; the limit is 1 MB")),
    "string-1mb": (
        text("id: string-1mb\nnarrative: " + "x" * 2**20 + "\n"),
        (1, "(file)", "the limit is 1 MB"),
    ),
    "narrative-900k": (narrative_of(180_000), (35, "narrative", "too long: 901,1")),
    "alias-bomb": (alias_bomb, (5, "(file)", "expands to more than 20,000 values")),
    "many-values": (
        text("id: many-values\nx: [" + ",".join(["1"] * 30_000) + "]\n"),
        (2, "(file)", "holds more than 20,000 values"),
    ),
    "deep-flow-nesting": (
        text("id: deep\nx: " + "[" * DEEP + "]" * DEEP + "\n"),
        (2, "(file)", "nested deeper than 30 levels"),
    ),
    "deep-block-nesting": (
        text("id: deep\nx:\n" + "- " * (DEEP // 2) + "x\n"),
        (3, "(file)", "nested deeper than 30 levels"),
    ),
    "deep-mapping-nesting": (
        text("id: deep\nx: " + "{a: " * (DEEP // 2) + "1" + "}" * (DEEP // 2) + "\n"),
        (2, "(file)", "nested deeper than 30 levels"),
    ),
    "folder": (lambda p: p.mkdir(), (1, "(file)", "not a regular file")),
    "dev-zero": (lambda p: p.symlink_to("/dev/zero"), (1, "(file)", "not a regular file")),
}
if hasattr(os, "mkfifo"):  # reading a pipe would wait for a writer forever
    GENERATED["fifo"] = (lambda p: os.mkfifo(p), (1, "(file)", "not a regular file"))

EXPECTED = {**COMMITTED, **{name: expected for name, (_, expected) in GENERATED.items()}}

LOAD_SCRIPT = """
import json, sys
from atlas.loader import load_library
lib = load_library(sys.argv[1])
problems = [p.as_dict() | {"text": str(p)} for p in lib.problems]
print(json.dumps({"cases": [c.id for c in lib.cases], "problems": problems}))
"""


def load_in_subprocess(folder: Path) -> dict:
    """load_library(folder) in a fresh interpreter, bounded in time; its result as data."""
    run = subprocess.run(
        [sys.executable, "-c", LOAD_SCRIPT, str(folder)],
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


@pytest.fixture(scope="module")
def loaded(corpus) -> dict:
    return load_in_subprocess(corpus)


def problems_of(loaded: dict, name: str) -> list[dict]:
    return [p for p in loaded["problems"] if Path(p["file"]).name == f"{name}.yaml"]


def assert_one_clear_problem(found: list[dict], expected: tuple[int, str, str]) -> None:
    line, field, words = expected
    assert len(found) == 1, [p["text"] for p in found]
    (problem,) = found
    assert (problem["line"], problem["field"]) == (line, field), problem["text"]
    assert words in problem["message"], problem["text"]
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
    assert [p["message"][:34] for p in errors] == ["duplicate id 'bakery-o2o-delivery'"]
    assert "bakery-o2o-delivery" in loaded["cases"]


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
    assert_one_clear_problem(problems_of(loaded, "loop"), (1, "(file)", "cannot read"))
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
