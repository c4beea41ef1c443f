"""Synthetic libraries (`atlas synth`), and the parsed snapshot that speeds up large ones."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import pickle
import random
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from atlas import cli_synth, loader
from atlas.cli import main as atlas_main
from atlas.filters import FACET_BY_NAME, FACETS, Filters, apply, facet_counts
from atlas.loader import load_library
from atlas.problems import ProblemKind
from atlas.synth import TITLE_PREFIX, generate, write_library
from atlas.table import cases_table
from atlas.vocabulary import VOCABULARIES, Evidence

N = 40  # more than the largest vocabulary (19 industries): every value is dealt


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "cases"
    write_library(folder, N, seed=7)
    return folder


@pytest.fixture(scope="module")
def library(synthetic):
    return load_library(synthetic)


def test_a_synthetic_library_validates_clean(synthetic, library, capsys):
    assert [str(p) for p in library.problems] == []
    assert len(library.cases) == N
    assert atlas_main(["validate", str(synthetic)]) == 0
    assert capsys.readouterr().out.strip() == f"{N} cases, 0 problems"


def test_ids_are_unique_and_equal_to_file_names(synthetic, library):
    stems = sorted(p.stem for p in synthetic.glob("*.yaml"))
    assert len(stems) == N
    assert sorted(c.id for c in library.cases) == stems


@pytest.mark.parametrize(
    "field",
    ["industry", "outcome", "mode", "thinking", "stage", "region", "ownership"],
)
def test_every_value_of_each_vocabulary_is_used_evenly(library, field):
    value = (lambda c: c.outcome.status) if field == "outcome" else (lambda c: getattr(c, field))
    counts = Counter(value(c) for c in library.cases)
    vocab = VOCABULARIES[field]
    assert set(counts) == set(vocab)
    # dealt from shuffled decks: no value runs more than one round ahead of another
    assert max(counts.values()) - min(counts.values()) <= 1


@pytest.mark.parametrize("field", ["connection_types", "technologies", "ideas"])
def test_every_value_of_each_list_vocabulary_is_used(library, field):
    used = {v for c in library.cases for v in getattr(c, field)}
    assert used == set(VOCABULARIES[field])


def test_source_kinds_are_all_used(library):
    assert {s.kind for c in library.cases for s in c.sources} == set(VOCABULARIES["kind"])


def test_cases_read_like_real_ones_but_say_they_are_synthetic(library):
    for case in library.cases:
        assert 100 <= len(case.narrative.split()) <= 250, case.id
        assert 2 <= len(case.lessons) <= 4, case.id
        assert 2 <= len(case.sources) <= 6, case.id
        assert case.metrics and case.timeline, case.id
        assert case.connections.before and case.connections.after, case.id
        assert case.summary.endswith("."), case.id
        assert case.title.startswith(TITLE_PREFIX), case.id
        assert case.organisations[0].startswith("Synthetic Org "), case.id
        assert case.evidence is Evidence.DOCUMENTED
        assert all(s.url.startswith("https://example.org/") for s in case.sources), case.id
        known = set(case.source_by_id)
        assert {m.source for m in case.metrics} | {e.source for e in case.timeline} <= known


def test_related_cases_exist(library):
    ids = {c.id for c in library.cases}
    assert any(c.related for c in library.cases)
    assert all(set(c.related) <= ids - {c.id} for c in library.cases)


def test_the_same_seed_gives_the_same_files():
    assert list(generate(25, seed=3)) == list(generate(25, seed=3))
    assert list(generate(25, seed=3)) != list(generate(25, seed=4))


def synth_cli(argv: list[str]) -> int:
    """The `synth` subcommand through its own parser, as atlas.cli wires it."""
    parser = argparse.ArgumentParser(prog="atlas")
    cli_synth.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_the_command_writes_a_library_and_refuses_a_folder_with_cases(tmp_path, capsys):
    target = tmp_path / "new" / "cases"
    assert synth_cli(["synth", "--count", "12", str(target), "--seed", "2"]) == 0
    assert len(list(target.glob("*.yaml"))) == 12
    assert "wrote 12 synthetic cases" in capsys.readouterr().out
    assert [f.read_text() for f in sorted(target.glob("*.yaml"))] == [
        text for _, text in generate(12, seed=2)
    ]
    assert synth_cli(["synth", "--count", "3", str(target)]) == 1
    assert "already holds case files" in capsys.readouterr().out
    assert len(list(target.glob("*.yaml"))) == 12


@pytest.mark.parametrize("count", ["0", "-3", "many"])
def test_the_command_wants_a_positive_count(tmp_path, count):
    with pytest.raises(SystemExit):
        synth_cli(["synth", "--count", count, str(tmp_path / "x")])


# --- the snapshot of parsed cases ---------------------------------------------------------

AN_HOUR_AGO = 3600


def settle(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the files count as settled, as files on disk for a while are.

    Files changed in the last seconds are never kept (a second change could keep their
    times); a test cannot set a file's change time back, so it shortens that wait instead.
    """
    monkeypatch.setattr(loader, "_RACY_NS", 0)
    past = time.time() - AN_HOUR_AGO
    for path in folder.glob("*.yaml"):
        os.utime(path, (past, past))


@pytest.fixture
def cached(tmp_path, monkeypatch) -> Path:
    """Six synthetic cases, settled, with the snapshot in a cache folder of the test's own."""
    monkeypatch.setenv(loader.CACHE_ENV_VAR, str(tmp_path / "cache"))
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


def test_a_snapshot_written_by_other_code_is_not_used(cached, parsed, monkeypatch):
    load_library(cached)
    monkeypatch.setattr(loader, "_code_fingerprint", lambda: "another version of the schema")
    load_library(cached)
    assert len(parsed) == 12


def test_the_snapshot_lives_beside_the_case_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv(loader.CACHE_ENV_VAR, raising=False)
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
    monkeypatch.setenv(loader.CACHE_ENV_VAR, str(tmp_path / "cache"))
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
    path.write_bytes(loader._MAGIC + hashlib.sha256(payload).digest() + payload)
    assert len(load_library(cached).cases) == 6
    assert not planted.exists()


def test_new_files_are_not_kept_until_they_have_settled(tmp_path, monkeypatch):
    monkeypatch.setenv(loader.CACHE_ENV_VAR, str(tmp_path / "cache"))
    folder = tmp_path / "cases"
    write_library(folder, 3)
    assert len(load_library(folder).cases) == 3
    assert snapshot_files(tmp_path) == []  # written just now: a second edit could hide


# --- filters and facet counts on a larger library, against a plain reading of the rules --


@pytest.fixture(scope="module")
def big_table(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth-big") / "cases"
    write_library(folder, 200, seed=11)
    return cases_table(load_library(folder).cases)


def passes(row: dict, filters: Filters, skip: str | None = None) -> bool:
    """The filter rules, one case at a time: OR within a facet, AND across facets."""
    for facet, values in filters.selected.items():
        cell = row[facet]
        hit = set(cell) & set(values) if FACET_BY_NAME[facet].multi_valued else cell in values
        if facet != skip and values and not hit:
            return False
    if not all(word in row["search_text"] for word in filters.text.casefold().split()):
        return False
    end = dt.date.today().year if pd.isna(row["year_end"]) else row["year_end"]
    if filters.year_to is not None and row["year_start"] > filters.year_to:
        return False
    return filters.year_from is None or end >= filters.year_from


def random_filters(rng: random.Random) -> list[Filters]:
    """One random selection of facets, with each of several texts and year ranges."""
    selected = {}
    for facet in rng.sample(FACETS, rng.randint(0, 3)):
        values = facet.vocabulary.values()
        selected[facet.name] = tuple(rng.sample(values, rng.randint(1, min(3, len(values)))))
    years = [(None, None), (2005, None), (None, 2012), (2015, 2024)]
    texts = ["", "platform", "Cost data", "regulators"]
    return [Filters(selected, lo, hi, text) for lo, hi in years for text in texts]


@pytest.mark.parametrize(
    "filters", [f for seed in range(6) for f in random_filters(random.Random(seed))]
)
def test_selection_and_facet_counts_follow_the_rules(big_table, filters):
    rows = big_table.to_dict("records")
    assert list(apply(big_table, filters)["id"]) == [r["id"] for r in rows if passes(r, filters)]
    for facet in FACETS:
        expected = Counter()
        for row in rows:
            if passes(row, filters, skip=facet.name):
                cell = row[facet.name]
                expected.update(cell if facet.multi_valued else [cell])
        counts = facet_counts(big_table, filters, facet.name)
        assert counts == {v: expected[v] for v in facet.vocabulary.values()}, facet.name


def test_counts_follow_each_table_even_when_tables_come_and_go(big_table):
    """What is kept beside a table never leaks to another table."""
    filters = Filters({"outcome": ("failure",)})
    whole = facet_counts(big_table, filters, "industry")
    for size in (150, 100, 50):
        part = big_table.iloc[:size].copy()
        expected = Counter(part[part["outcome"] == "failure"]["industry"])
        assert facet_counts(part, filters, "industry") == {
            v: expected[v] for v in VOCABULARIES["industry"].values()
        }
        del part
    assert facet_counts(big_table, filters, "industry") == whole
