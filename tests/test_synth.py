"""Synthetic libraries (`atlas synth`), and the parsed snapshot that speeds up large ones."""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from atlas import cli_synth
from atlas.cli import main as atlas_main
from atlas.facets import FACET_BY_NAME, FACETS, VOCABULARIES
from atlas.filters import Filters, apply, facet_counts
from atlas.loader import load_library
from atlas.synth import TITLE_PREFIX, generate, write_library
from atlas.table import cases_table
from atlas.vocabulary import Evidence

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
