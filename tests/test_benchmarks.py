"""The benchmark script: its budget verdicts, and a small run that prints every figure."""

from __future__ import annotations

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


def test_a_small_run_prints_every_figure_as_name_value():
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--sizes", "40", "--no-browser"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    figures = dict(
        line.split("=", 1) for line in done.stdout.splitlines() if "=" in line and line[0] != "#"
    )
    per_size = ["first_load_s", "cold_load_s", "warm_load_s", "warm_hit_s", "filter_facets_s"]
    per_size += ["explore_rerun_s", "baseline_rerun_s", "explore_rerun_ratio"]
    for name in per_size:
        assert float(figures[f"{name}_40"]) > 0, name
    assert float(figures["explore_rerun_s_curated"]) > 0
    assert int(figures["filter_selected_40"]) >= 0
    # the warm path within the stamp's 2 s is a lookup; with a new stamp it stats every file
    assert float(figures["warm_hit_s_40"]) < float(figures["cold_load_s_40"])
    assert figures["budget_page_ready"] == "skipped"  # no browser asked for
    assert set(f"budget_{name}" for name in bench.BUDGETS) <= figures.keys()
