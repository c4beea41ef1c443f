"""Files parsed ahead in worker processes (atlas/parallel_load.py): the same library as one
process loads, problems and all; below the threshold, on one core, or when workers cannot
start, no worker is asked."""

import os
import shutil
import sys
from collections import deque
from pathlib import Path

import pytest

from atlas import parallel_load
from atlas.case_store import StoredCase
from atlas.loader import load_library, load_model
from atlas.schema import Case, Tour
from atlas.table import case_values

BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"


@pytest.fixture
def library_with_problems(big_library, tmp_path) -> Path:
    """The 61 synthetic cases, beside files that fail in every way a worker could meet."""
    folder = tmp_path / "cases"
    shutil.copytree(big_library, folder)
    for name in ("unknown-outcome", "empty", "alias-bomb", "invalid-utf8"):
        shutil.copy(BROKEN / f"{name}.yaml", folder)
    first = sorted(folder.glob("synthetic-*.yaml"))[0]
    shutil.copy(first, folder / "zz-duplicate.yaml")  # same id, and not its file's name
    return folder


def loaded(folder: Path, cache: Path, monkeypatch, parallel_min: int):
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(cache))
    monkeypatch.setattr(parallel_load, "PARALLEL_MIN", parallel_min)
    monkeypatch.setattr(parallel_load, "CHUNK", 7)
    lib = load_library(folder)
    return lib.cases, lib.tours, lib.problems, lib.files_read


def test_workers_load_the_library_one_process_would(library_with_problems, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel_load, "cores", lambda: 2)
    monkeypatch.delenv("ATLAS_LOAD_WORKERS", raising=False)
    asked = []
    real = parallel_load._parse_all
    monkeypatch.setattr(parallel_load, "_parse_all", lambda *a: asked.append(len(a[0])) or real(*a))
    serial = loaded(library_with_problems, tmp_path / "a", monkeypatch, 10**9)
    assert asked == []
    parallel = loaded(library_with_problems, tmp_path / "b", monkeypatch, 1)
    assert asked == [66]  # 61 + 4 broken + 1 duplicate
    assert parallel == serial
    assert len(serial[0]) == 61 and len(serial[2]) >= 5


def test_a_file_ahead_that_has_problems_is_parsed_again_here(tmp_path, monkeypatch):
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))[0]
    bad = BROKEN / "unknown-outcome.yaml"
    monkeypatch.setattr(parallel_load, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel_load, "cores", lambda: 2)
    monkeypatch.delenv("ATLAS_LOAD_WORKERS", raising=False)
    calls = []

    def parse(path, model):
        calls.append(path.name)
        return load_model(path, model)

    parsed = parallel_load.parse_ahead([good, bad], Case, parse)
    calls.clear()  # what the workers or this process parsed ahead
    item, problems = parsed(good, Case)
    assert (item.id, problems, calls) == (good.stem, [], [])
    assert parsed(bad, Case) == load_model(bad, Case)
    assert calls == [bad.name]
    assert parsed(good, Case) == load_model(good, Case)  # each answer is given once


def test_a_file_parsed_ahead_as_a_case_is_parsed_as_asked_for_another_model(monkeypatch):
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))[0]
    monkeypatch.setattr(parallel_load, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel_load, "workers", lambda: 1)
    parsed = parallel_load.parse_ahead([good], Case, load_model)
    assert parsed(good, Tour) == load_model(good, Tour)
    assert parsed(good, Tour)[0] is None


def test_workers_from_the_threshold_on(monkeypatch):
    monkeypatch.setattr(parallel_load, "PARALLEL_MIN", 4)
    monkeypatch.setattr(parallel_load, "workers", lambda: 1)
    asked = []
    monkeypatch.setattr(parallel_load, "_parse_all", lambda paths, *a: asked.append(paths) or {})
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))[0]
    parallel_load.parse_ahead([good] * 4, Case, load_model)
    assert asked == [[good] * 4]


@pytest.mark.parametrize(("files", "cores"), [(3, 2), (5, 1)])
def test_no_worker_below_the_threshold_or_on_one_core(files, cores, monkeypatch):
    monkeypatch.setattr(parallel_load, "PARALLEL_MIN", 4)
    monkeypatch.setattr(parallel_load, "cores", lambda: cores)
    monkeypatch.delenv("ATLAS_LOAD_WORKERS", raising=False)
    monkeypatch.setattr(parallel_load, "_parse_all", pytest.fail)
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))[0]
    parsed = parallel_load.parse_ahead([good] * files, Case, load_model)
    assert parsed(good, Case) == load_model(good, Case)


def test_workers_that_cannot_start_leave_the_files_to_this_process(
    library_with_problems, tmp_path, monkeypatch
):
    monkeypatch.setattr(parallel_load, "cores", lambda: 2)
    monkeypatch.delenv("ATLAS_LOAD_WORKERS", raising=False)
    serial = loaded(library_with_problems, tmp_path / "a", monkeypatch, 10**9)

    def no_processes(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(parallel_load.subprocess, "Popen", no_processes)
    assert loaded(library_with_problems, tmp_path / "b", monkeypatch, 1) == serial


def chunks_of(paths: list[Path], size: int) -> deque:
    return deque([str(p) for p in paths[i : i + size]] for i in range(0, len(paths), size))


def clean_models(paths: list[Path]) -> dict:
    """The clean files' cases by path, with the facts kept beside each one."""
    results = {str(p): load_model(p, Case) for p in paths}
    return {
        name: (item.id, tuple(item.related), case_values(item), item)
        for name, (item, problems) in results.items()
        if item and not problems
    }


def as_kept(ready: dict) -> dict:
    """What was given back, as clean_models() words it: every case came as a StoredCase."""
    assert all(type(s) is StoredCase for s in ready.values())
    return {name: (s.id, s.related, s.row, s.case()) for name, s in ready.items()}


def test_a_worker_gives_the_cases_of_the_clean_files_as_bytes_with_their_rows(
    library_with_problems,
):
    paths = sorted(library_with_problems.glob("*.yaml"))
    todo, ready = chunks_of(paths, 9), {}
    parallel_load._feed(todo, Case, ready)  # one worker takes every chunk, in this thread
    assert not todo
    assert as_kept(ready) == clean_models(paths) and len(ready) == 61


def test_a_worker_that_stops_gives_its_chunk_back(monkeypatch):
    # reads one chunk and stops without a reply
    quits = [sys.executable, "-c", "import sys; sys.stdin.readline()"]
    monkeypatch.setattr(parallel_load, "worker_command", lambda: quits)
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))
    todo, ready = chunks_of(good, 1), {}
    parallel_load._feed(todo, Case, ready)
    assert (list(todo), ready) == (list(chunks_of(good, 1)), {})


def test_a_worker_that_answers_nonsense_leaves_the_rest_here(monkeypatch):
    garbage = "import sys; sys.stdin.readline(); sys.stdout.buffer.write(b'\\x05' + 8 * b'x')"
    monkeypatch.setattr(parallel_load, "worker_command", lambda: [sys.executable, "-c", garbage])
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))
    todo, ready = chunks_of(good, 1), {}
    parallel_load._feed(todo, Case, ready)
    assert ready == {} and len(todo) == len(good) - 1  # the chunk it took is parsed here


def test_each_worker_is_fed_from_the_same_chunks(monkeypatch):
    fed = []
    monkeypatch.setattr(parallel_load, "_feed", lambda todo, model, ready: fed.append(todo))
    monkeypatch.setattr(parallel_load, "workers", lambda: 2)
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))
    parallel_load._parse_all(good, Case, load_model)
    assert len(fed) == 2 and fed[0] is fed[1]


def test_this_process_parses_every_chunk_when_no_worker_helps(monkeypatch):
    monkeypatch.setattr(parallel_load, "_feed", lambda todo, model, ready: None)
    monkeypatch.setattr(parallel_load, "cores", lambda: 3)
    monkeypatch.delenv("ATLAS_LOAD_WORKERS", raising=False)
    monkeypatch.setattr(parallel_load, "CHUNK", 2)
    sizes = []
    real = parallel_load._clean
    monkeypatch.setattr(
        parallel_load, "_clean", lambda chunk, *a: sizes.append(len(chunk)) or real(chunk, *a)
    )
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml")) * 3
    assert as_kept(parallel_load._parse_all(good, Case, load_model)) == clean_models(good)
    assert sizes == [2] * (len(good) // 2) + [1] * (len(good) % 2)


def test_cores_are_those_this_process_may_run_on(monkeypatch):
    assert parallel_load.cores() == len(os.sched_getaffinity(0)) >= 1
    monkeypatch.delattr(parallel_load.os, "sched_getaffinity")
    monkeypatch.setattr(parallel_load.os, "cpu_count", lambda: 6)
    assert parallel_load.cores() == 6
    monkeypatch.setattr(parallel_load.os, "cpu_count", lambda: None)
    assert parallel_load.cores() == 1


@pytest.mark.parametrize(
    ("setting", "cores", "workers"),
    [(None, 2, 1), (None, 1, 0), (None, 8, 7), ("0", 8, 0), ("3", 2, 3), ("-1", 2, 0), ("x", 4, 3)],
)
def test_one_worker_per_further_core_unless_the_environment_says(
    setting, cores, workers, monkeypatch
):
    monkeypatch.setattr(parallel_load, "cores", lambda: cores)
    if setting is None:
        monkeypatch.delenv("ATLAS_LOAD_WORKERS", raising=False)
    else:
        monkeypatch.setenv("ATLAS_LOAD_WORKERS", setting)
    assert parallel_load.workers() == workers


def test_no_worker_when_the_environment_says_none(monkeypatch):
    monkeypatch.setattr(parallel_load, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel_load, "cores", lambda: 4)
    monkeypatch.setenv("ATLAS_LOAD_WORKERS", "0")
    monkeypatch.setattr(parallel_load, "_parse_all", pytest.fail)
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))[0]
    assert parallel_load.parse_ahead([good] * 5, Case, load_model)(good, Case)[0].id == good.stem


def test_only_a_case_is_kept_as_bytes():
    from tests.conftest import ROOT

    tour = sorted((ROOT / "cases" / "tours").glob("*.yaml"))[0]
    found = parallel_load._clean([str(tour)], Tour, load_model)
    assert found == {str(tour): load_model(tour, Tour)[0]}
