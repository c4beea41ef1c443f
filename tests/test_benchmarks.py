"""The benchmark script: its budget verdicts, and a small run that prints every figure."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from benchmarks import run as bench
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("value", "verdict"),
    [(0.1, "ok"), (3.0, "ok"), (3.01, "MISSED"), (None, "skipped")],
)
def test_budget_verdicts(value, verdict, capsys):
    figure, limit, _ = bench.BUDGETS["cold_load"]
    assert limit == 3.0
    figures = {} if value is None else {figure: value}
    missed = bench.print_budgets(figures)
    lines = capsys.readouterr().out.splitlines()
    assert f"budget_cold_load={verdict}" in lines
    assert missed == (verdict == "MISSED")


def test_a_small_run_prints_every_figure_as_name_value(tmp_path):
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--sizes", "40", "--no-browser"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    printed = dict(
        line.split("=", 1) for line in done.stdout.splitlines() if "=" in line and line[0] != "#"
    )
    per_size = ["first_load_s", "cold_load_s", "warm_load_s", "warm_hit_s", "filter_facets_s"]
    per_size += ["explore_rerun_s", "baseline_rerun_s", "explore_rerun_ratio"]
    # every figure printed as a number with four decimals (a time of 0.00004 s reads 0.0000)
    for name in [f"{n}_40" for n in per_size] + ["explore_rerun_s_curated"]:
        assert re.fullmatch(r"\d+\.\d{4}", printed[name]), (name, printed[name])
    fig = {k: float(v) for k, v in printed.items() if re.fullmatch(r"[\d.]+", v)}
    # what each figure measures, through relations that hold on any machine:
    # parsing and validating 40 files takes milliseconds (that a start from the snapshot
    # parses none is tested by the files parsed, in test_snapshot.py: at 40 files, with the
    # app writing the snapshot in a thread of its own, the two times came within noise),
    assert fig["first_load_s_40"] >= 0.005 and fig["cold_load_s_40"] > 0
    # within the stamp's 2 s the load is a lookup; with a new stamp it stats every file,
    assert fig["warm_hit_s_40"] <= fig["warm_load_s_40"] < fig["cold_load_s_40"]
    # the explore page reruns slower than a one-line app, and the ratio is the two divided
    assert fig["explore_rerun_s_40"] > fig["baseline_rerun_s_40"] > 0
    e, b, half = fig["explore_rerun_s_40"], fig["baseline_rerun_s_40"], 0.00005
    assert (e - half) / (b + half) <= fig["explore_rerun_ratio_40"] <= (e + half) / (b - half)
    # the filter selects what atlas.filters selects on the same synthetic library
    assert int(printed["filter_selected_40"]) == expected_selection(tmp_path, 40)
    # every page's rerun, each a time of its own
    from ui.pages import PAGES

    reruns = [fig[f"page_rerun_s_{spec.key}_40"] for spec in PAGES]
    assert all(t > 0 for t in reruns) and len(set(reruns)) > 1
    assert printed["budget_page_ready"] == "skipped"  # no browser asked for
    assert set(f"budget_{name}" for name in bench.BUDGETS) <= printed.keys()


def expected_selection(folder, n: int) -> int:
    """The benchmark's first filter on its synthetic library of n cases (seed 0)."""
    from atlas.filters import Filters, apply
    from atlas.loader import load_library
    from atlas.synth import write_library
    from atlas.table import cases_table

    write_library(folder / "cases", n, 0)
    table = cases_table(load_library(folder / "cases").cases)
    return len(apply(table, Filters(**bench.FILTERS[0])))
