"""The snapshot of parsed cases that lets a later start skip unchanged files."""

from __future__ import annotations

import ast
import hashlib
import os
import pickle
import time
from pathlib import Path

import pytest

from atlas import loader
from atlas import snapshot as snap
from atlas.loader import load_library
from atlas.problems import ProblemKind
from atlas.synth import write_library

# --- the snapshot of parsed cases ---------------------------------------------------------

AN_HOUR_AGO = 3600


def settle(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the files count as settled, as files on disk for a while are.

    Files changed in the last seconds are never kept (a second change could keep their
    times); a test cannot set a file's change time back, so it shortens that wait instead.
    """
    monkeypatch.setattr(snap, "_RACY_NS", 0)
    past = time.time() - AN_HOUR_AGO
    for path in folder.glob("*.yaml"):
        os.utime(path, (past, past))


@pytest.fixture
def cached(tmp_path, monkeypatch) -> Path:
    """Six synthetic cases, settled, with the snapshot in a cache folder of the test's own."""
    monkeypatch.setenv(snap.CACHE_ENV_VAR, str(tmp_path / "cache"))
    folder = tmp_path / "cases"
    write_library(folder, 6, seed=1)
    settle(folder, monkeypatch)
    return folder


def snapshot_files(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "cache").glob("snapshot-*"))


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The names of the files the loader parses (rather than takes from the snapshot)."""
    names: list[str] = []
    real = loader.load_model

    def spy(path, model):
        names.append(path.name)
        return real(path, model)

    monkeypatch.setattr(loader, "load_model", spy)
    return names


def test_a_second_load_comes_from_the_snapshot_and_equals_the_first(cached, tmp_path, parsed):
    first = load_library(cached)
    assert len(parsed) == 6 and len(snapshot_files(tmp_path)) == 1
    second = load_library(cached)
    assert len(parsed) == 6  # nothing parsed again
    assert second.cases == first.cases and second.problems == first.problems == ()


def test_a_deferred_snapshot_is_written_only_when_its_job_runs(cached, tmp_path, parsed):
    later: list = []
    first = load_library(cached, defer_save=later.append)
    assert len(later) == 1 and snapshot_files(tmp_path) == []
    later[0]()
    assert len(snapshot_files(tmp_path)) == 1
    assert load_library(cached).cases == first.cases and len(parsed) == 6


def test_cases_from_the_snapshot_come_back_whole(cached):
    """Models pickled as (values, fields-set) come back with both, and nothing extra."""
    from atlas.schema import Case

    load_library(cached)
    cases = load_library(cached).cases
    first = [loader.load_model(p, Case)[0] for p in sorted(cached.glob("*.yaml"))]
    assert len(first) == len(cases) == 6
    for case, was in zip(cases, first, strict=True):
        for model, old in [(case, was), (case.years, was.years)]:
            assert model.model_fields_set == old.model_fields_set
            assert model.__dict__ == old.__dict__
    one = cases[0]
    assert one.model_dump() == type(one).model_validate(one.model_dump(by_alias=True)).model_dump()
    assert one.__pydantic_extra__ is None and one.__pydantic_private__ is None


def test_a_snapshot_written_by_other_code_is_not_used(cached, parsed, monkeypatch):
    load_library(cached)
    monkeypatch.setattr(snap, "_code_fingerprint", lambda: "another version of the schema")
    load_library(cached)
    assert len(parsed) == 12


def _atlas_imports(path: Path) -> set[Path]:
    """The files of the atlas modules `path` imports, at any level (imports in functions too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module == "atlas":
            names |= {f"atlas.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("atlas."):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("atlas.")}
    found = set()
    for name in names:
        base = snap.ATLAS.joinpath(*name.split(".")[1:])
        found |= {p for p in (base.with_suffix(".py"), base / "__init__.py") if p.exists()}
    return found


def test_every_module_that_reads_or_validates_a_file_is_in_the_code_fingerprint():
    # A change to any of them can change what a file loads as: the snapshot must go stale.
    fingerprinted = {snap.ATLAS / name for name in snap._CODE}
    fingerprinted |= {p for d in snap._CODE_DIRS for p in (snap.ATLAS / d).glob("*.py")}
    reached, todo = set(), [snap.ATLAS / "loader.py"]
    while todo:
        path = todo.pop()
        if path not in reached:
            reached.add(path)
            todo += _atlas_imports(path)
    # the snapshot's own format is versioned by its magic line, not by the fingerprint
    reached.discard(snap.ATLAS / "snapshot.py")
    assert sorted(reached - fingerprinted) == []
    assert all(p.exists() for p in fingerprinted)


def test_the_snapshot_lives_beside_the_case_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv(snap.CACHE_ENV_VAR, raising=False)
    folder = tmp_path / "library" / "cases"
    write_library(folder, 2)
    settle(folder, monkeypatch)
    load_library(folder)
    assert list((tmp_path / "library" / ".atlas-cache").glob("snapshot-*"))
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".yaml")] == []


def test_a_changed_file_is_read_again_with_its_problems(cached, parsed):
    load_library(cached)
    target = cached / "synthetic-00002.yaml"
    text = target.read_text()
    target.write_text(text.replace("status: ", "status: sucess #", 1))  # keeps the size class
    found = load_library(cached)
    assert parsed[6:] == [target.name]
    assert [c.id for c in found.cases] == [f"synthetic-0000{i}" for i in (0, 1, 3, 4, 5)]
    [problem] = [p for p in found.problems if p.path.endswith(target.name)]
    line = text[: text.index("status:")].count("\n") + 1
    assert (problem.line, problem.field, problem.kind) == (
        line,
        "outcome.status",
        ProblemKind.NOT_ALLOWED_VALUE,
    )
    target.write_text(text)
    assert len(load_library(cached).cases) == 6


def test_a_file_changed_to_the_same_size_and_time_is_still_read_again(cached):
    load_library(cached)
    target = cached / "synthetic-00003.yaml"
    before = target.stat()
    text = target.read_text()
    target.write_text(text.replace("Synthetic Org 0003", "Synthetic Org 9993", 1))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # only ctime tells
    assert target.stat().st_size == before.st_size
    assert "Synthetic Org 9993" in load_library(cached).case("synthetic-00003").title


def test_one_changed_file_in_many_is_parsed_without_rewriting_the_snapshot(
    tmp_path, monkeypatch, parsed
):
    monkeypatch.setenv(snap.CACHE_ENV_VAR, str(tmp_path / "cache"))
    folder = tmp_path / "cases"
    write_library(folder, 50, seed=4)  # one changed file is then under 5% of them
    settle(folder, monkeypatch)
    load_library(folder)
    [snapshot] = snapshot_files(tmp_path)
    written = snapshot.read_bytes()
    target = folder / "synthetic-00012.yaml"
    target.write_text(target.read_text().replace("Synthetic Org 0012", "Synthetic Org 7712", 1))
    for _ in range(2):
        del parsed[:]
        assert "7712" in load_library(folder).case("synthetic-00012").title
        assert parsed == [target.name]
    assert snapshot.read_bytes() == written


def test_added_and_removed_files_are_seen(cached):
    load_library(cached)
    (cached / "synthetic-00001.yaml").unlink()
    write_library(cached / "more", 8, seed=1)
    (cached / "more" / "synthetic-00007.yaml").rename(cached / "synthetic-00007.yaml")
    ids = [c.id for c in load_library(cached).cases]
    assert "synthetic-00001" not in ids and "synthetic-00007" in ids


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: raw[:-10] + b"0123456789",  # changed bytes: checksum fails
        lambda raw: b"",
        lambda raw: b"\x80\x05garbage" * 100,
        lambda raw: raw.replace(b"atlas-snapshot", b"other-snapshot", 1),
    ],
)
def test_a_damaged_snapshot_is_ignored_and_replaced(cached, tmp_path, damage):
    expected = load_library(cached)
    [path] = snapshot_files(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    assert load_library(cached) == expected
    assert load_library(cached) == expected  # and the rewritten snapshot works too


class RunsCode:
    """Unpickling this calls os.mkdir: what a planted snapshot could do."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self):
        return os.mkdir, (str(self.target),)


def test_a_snapshot_that_would_run_code_is_refused(cached, tmp_path):
    """A well-formed snapshot naming anything but the schema's classes is not unpickled."""
    load_library(cached)
    [path] = snapshot_files(tmp_path)
    planted = tmp_path / "planted"
    payload = pickle.dumps({"cases": {}, "x": RunsCode(planted)}, protocol=5)
    path.write_bytes(snap._MAGIC + hashlib.sha256(payload).digest() + payload)
    assert len(load_library(cached).cases) == 6
    assert not planted.exists()


def test_new_files_are_not_kept_until_they_have_settled(tmp_path, monkeypatch):
    monkeypatch.setenv(snap.CACHE_ENV_VAR, str(tmp_path / "cache"))
    folder = tmp_path / "cases"
    write_library(folder, 3)
    assert len(load_library(folder).cases) == 3
    assert snapshot_files(tmp_path) == []  # written just now: a second edit could hide


# --- edges the mutation run (make mutants) found untested -----------------------------------


def snapshot_entries(folder: Path) -> dict:
    """What a new Snapshot of `folder` reads back from disk (file name -> (stamp, case))."""
    return snap.Snapshot(folder, loader.load_model).old


def test_the_snapshot_is_named_after_its_folder(cached, tmp_path):
    load_library(cached)
    key = hashlib.sha256(str(cached.resolve()).encode()).hexdigest()[:16]
    assert [p.name for p in snapshot_files(tmp_path)] == [f"snapshot-{key}.pickle"]


def test_a_change_is_kept_and_the_next_load_parses_nothing(cached, parsed):
    load_library(cached)
    target = cached / "synthetic-00002.yaml"
    target.write_text(target.read_text().replace("Synthetic Org 0002", "Synthetic Org 8802", 1))
    load_library(cached)  # one file in six changed: the snapshot is rewritten
    assert parsed[6:] == [target.name]
    assert "8802" in load_library(cached).case("synthetic-00002").title
    assert len(parsed) == 7  # the third load parsed nothing
    assert sorted(snapshot_entries(cached)) == sorted(p.name for p in cached.glob("*.yaml"))


def test_removed_files_leave_the_snapshot(cached):
    load_library(cached)
    for i in (0, 1, 2):
        (cached / f"synthetic-0000{i}.yaml").unlink()
    load_library(cached)  # half the entries are gone: the snapshot is rewritten
    assert sorted(snapshot_entries(cached)) == [f"synthetic-0000{i}.yaml" for i in (3, 4, 5)]


def test_one_changed_file_in_twenty_is_not_worth_a_rewrite(tmp_path, monkeypatch):
    monkeypatch.setenv(snap.CACHE_ENV_VAR, str(tmp_path / "cache"))
    folder = tmp_path / "cases"
    write_library(folder, 40, seed=2)
    settle(folder, monkeypatch)
    load_library(folder)
    [snapshot] = snapshot_files(tmp_path)
    written = snapshot.read_bytes()
    target = folder / "synthetic-00007.yaml"
    target.write_text(target.read_text().replace("Synthetic Org 0007", "Synthetic Org 6607", 1))
    load_library(folder)  # 2 of 40 entries differ (one old, one new): exactly 1 in 20
    assert snapshot.read_bytes() == written


def test_a_cache_folder_is_made_with_its_parents(tmp_path, monkeypatch):
    monkeypatch.setenv(snap.CACHE_ENV_VAR, str(tmp_path / "deep" / "er" / "cache"))
    folder = tmp_path / "cases"
    write_library(folder, 3)
    settle(folder, monkeypatch)
    load_library(folder)
    assert list((tmp_path / "deep" / "er" / "cache").glob("snapshot-*.pickle"))


def test_a_cache_place_that_cannot_be_a_folder_is_no_error(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv(snap.CACHE_ENV_VAR, str(tmp_path / "a-file"))
    folder = tmp_path / "cases"
    write_library(folder, 3)
    settle(folder, monkeypatch)
    assert len(load_library(folder).cases) == 3
    assert len(load_library(folder).cases) == 3


def test_a_snapshot_with_a_wrong_checksum_is_not_used(cached, tmp_path, parsed):
    load_library(cached)
    [path] = snapshot_files(tmp_path)
    raw = path.read_bytes()
    start = len(snap._MAGIC)
    path.write_bytes(raw[:start] + bytes(32) + raw[start + 32 :])  # payload intact
    load_library(cached)
    assert len(parsed) == 12


@pytest.mark.parametrize(
    ("mtime_from_now", "racy_ns", "kept"),
    [
        (-AN_HOUR_AGO, None, False),  # changed (ctime) just now, even if its mtime is old
        (AN_HOUR_AGO, 0, False),  # an mtime in the future is not settled either
        (-AN_HOUR_AGO, 0, True),
    ],
)
def test_only_files_settled_by_both_their_times_are_kept(
    tmp_path, monkeypatch, mtime_from_now, racy_ns, kept
):
    monkeypatch.setenv(snap.CACHE_ENV_VAR, str(tmp_path / "cache"))
    if racy_ns is not None:
        monkeypatch.setattr(snap, "_RACY_NS", racy_ns)
    folder = tmp_path / "cases"
    write_library(folder, 3)
    when = time.time() + mtime_from_now
    for path in folder.glob("*.yaml"):
        os.utime(path, (when, when))
    load_library(folder)
    assert bool(snapshot_files(tmp_path)) is kept


def test_what_counts_as_a_snapshot_entry():
    stamp, row = (1, 2, 3, 4), ("a", None, 3)
    good = (stamp, "a", ("b", "c"), b"bytes", row)
    assert snap._is_entry(good) and snap._is_entry((stamp, "a", (), b"", ()))
    bad = [
        list(good),
        good[:4],
        (*good, None),
        ([1, 2, 3, 4], *good[1:]),  # a stamp as a list
        (stamp, 7, *good[2:]),  # the id
        (stamp, "a", ["b"], *good[3:]),  # related ids as a list
        (stamp, "a", ("b",), "text", row),  # a str, not bytes
        (stamp, "a", ("b",), b"bytes", None),  # no row
        (stamp, "a", ("b",), b"bytes", ["a"]),
        "abcde",
        None,
    ]
    for value in bad:
        assert not snap._is_entry(value), value


def test_a_tour_is_never_taken_from_the_snapshot(tmp_path):
    from atlas.schema import Tour

    calls = []

    def parse(path, model):
        calls.append((path, model))
        return None, []

    snapshot = snap.Snapshot(tmp_path, parse)
    assert snapshot.load(tmp_path / "intro.yaml", Tour) == (None, [])
    assert calls == [(tmp_path / "intro.yaml", Tour)]


def test_stale_names_the_files_to_parse_each_stamped_before_it_is_read(cached):
    from atlas.schema import Case

    load_library(cached)  # the snapshot written
    files = sorted(cached.glob("*.yaml"))
    edited = files[2]
    edited.write_text(edited.read_text() + "\n")
    snapshot = snap.Snapshot(cached, loader.load_model)
    assert snapshot.stale(files) == [edited]
    taken = snapshot.stamps[edited.name]
    assert taken == snap._stamp(edited)
    edited.write_text(edited.read_text() + "\n")  # changed again once stamped
    item, problems = snapshot.load(edited, Case)
    assert item is not None and problems == []
    # kept under the stamp taken first: the next start sees the file changed since
    assert snapshot.new[edited.name][0] == taken != snap._stamp(edited)
    assert edited.name not in snapshot.stamps
    assert snapshot.load(files[0], Case) == (snapshot.old[files[0].name][1], [])


def test_a_start_from_the_snapshot_builds_no_case_and_gives_the_same_table(cached, parsed):
    """Each case comes back as its bytes and table row: the table is the one its cases give,
    and no case is built until asked for."""
    import pandas as pd

    from atlas import case_store
    from atlas.table import cases_table

    first = load_library(cached)
    expected = cases_table(list(first.cases))
    built = []
    real = case_store.StoredCase.case
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(case_store.StoredCase, "case", lambda s: built.append(s.id) or real(s))
        again = load_library(cached)
        table = cases_table(again.cases)
        assert built == [] and len(parsed) == 6  # parsed the first time only
    pd.testing.assert_frame_equal(table, expected)
    assert again.cases == first.cases


def test_a_changed_file_gets_a_fresh_row_beside_the_kept_ones(cached):
    from atlas.table import cases_table

    load_library(cached)
    target = sorted(cached.glob("*.yaml"))[3]
    text = target.read_text()
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    target.write_text(text.replace(title, "title: A title changed since the snapshot", 1))
    lib = load_library(cached)
    table = cases_table(lib.cases)
    assert table["title"].iloc[3] == "A title changed since the snapshot"
    assert table.equals(cases_table(list(lib.cases)))


def test_a_case_loaded_without_a_stamp_taken_ahead_is_stamped_as_it_is_loaded(cached):
    """`load` without `stale` first (a file the loader did not list) stamps the file then."""
    from atlas.schema import Case

    path = sorted(cached.glob("*.yaml"))[0]
    first = snap.Snapshot(cached, loader.load_model)
    item, found = first.load(path, Case)
    assert found == [] and item.id == path.stem and first.stamps == {}
    assert first.new[path.name][0] == snap._stamp(path)
    first.save()
    again = snap.Snapshot(cached, loader.load_model)
    assert again.load(path, Case) == (item, []) and again.reused == 1
