"""Files parsed ahead in worker processes (atlas/parallel_load.py): the same library as one
process loads, problems and all; below the threshold, on one core, or when workers cannot
start, no worker is asked."""

import shutil
from pathlib import Path

import pytest

from atlas import parallel_load
from atlas.loader import load_library, load_model
from atlas.schema import Case, Tour

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
    assert parsed(good, Tour)[0] is None  # another model is parsed as asked


@pytest.mark.parametrize(("files", "cores"), [(3, 2), (5, 1)])
def test_no_worker_below_the_threshold_or_on_one_core(files, cores, monkeypatch):
    monkeypatch.setattr(parallel_load, "PARALLEL_MIN", 4)
    monkeypatch.setattr(parallel_load, "cores", lambda: cores)
    monkeypatch.setattr(parallel_load, "_parse_all", pytest.fail)
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))[0]
    parsed = parallel_load.parse_ahead([good] * files, Case, load_model)
    assert parsed(good, Case) == load_model(good, Case)


def test_workers_that_cannot_start_leave_the_files_to_this_process(
    library_with_problems, tmp_path, monkeypatch
):
    monkeypatch.setattr(parallel_load, "cores", lambda: 2)
    serial = loaded(library_with_problems, tmp_path / "a", monkeypatch, 10**9)

    def no_processes(method):
        raise OSError("no processes here")

    monkeypatch.setattr(parallel_load.multiprocessing, "get_context", no_processes)
    assert loaded(library_with_problems, tmp_path / "b", monkeypatch, 1) == serial


def test_this_process_takes_the_chunks_no_worker_started(tmp_path, monkeypatch):
    # a pool whose workers never start anything: every chunk is parsed here
    class Idle:
        def __init__(self, *a, **k):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, fn, *args):
            from concurrent.futures import Future

            return Future()  # pending: cancel() succeeds

    monkeypatch.setattr(parallel_load, "ProcessPoolExecutor", Idle)
    monkeypatch.setattr(parallel_load, "CHUNK", 1)
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))
    ready = parallel_load._parse_all(good, Case, load_model)
    assert sorted(ready) == sorted(map(str, good))


def test_a_worker_that_fails_leaves_its_files_to_this_process():
    from concurrent.futures import Future

    failed = Future()
    failed.set_exception(MemoryError())
    assert parallel_load._result(failed) == {}
    done = Future()
    done.set_result({"a": 1})
    assert parallel_load._result(done) == {"a": 1}


def test_the_worker_function_keeps_only_clean_models():
    good = sorted((Path(__file__).parent / "fixtures" / "good").glob("*.yaml"))[0]
    bad = BROKEN / "unknown-outcome.yaml"
    found = parallel_load.clean_models([str(good), str(bad)], Case)
    assert list(found) == [str(good)] and found[str(good)].id == good.stem


def test_workers_give_the_models_of_the_clean_files(library_with_problems, monkeypatch):
    from concurrent.futures import Future

    monkeypatch.setattr(Future, "cancel", lambda self: False)  # this process takes none
    monkeypatch.setattr(parallel_load, "CHUNK", 7)
    monkeypatch.setattr(parallel_load, "cores", lambda: 3)
    paths = sorted(library_with_problems.glob("*.yaml"))
    ready = parallel_load._parse_all(paths, Case, pytest.fail)
    results = {str(p): load_model(p, Case) for p in paths}
    clean = {name: item for name, (item, problems) in results.items() if item and not problems}
    assert ready == clean and len(clean) == 61
