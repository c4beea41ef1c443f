"""The benchmark's table and verdicts (benchmarks/peers_report.py), from figures given here."""

from __future__ import annotations

import json

from benchmarks.peers_report import ROWS, TARGETS, chart, table, verdicts

FIGURES = {
    "cases": 62,
    "explore_ready_s": 1.5,
    "overview_ready_s": 2.5,
    "floor_ready_s": 1.0,
    "datasette_ready_s": 0.4,
    "filter_s": 0.3,
    "datasette_filter_s": 0.2,
    "rss_1_mb": 140.0,
    "rss_per_session_mb": 1.2,
    "floor_rss_mb": 56.0,
    "table_floor_rss_mb": 140.0,
    "datasette_rss_mb": 60.0,
    "validate_cold_s": 0.2,
    "first_load_s": 3.0,
    "warm_start_s": 0.1,
}
BIG = dict(FIGURES, cases=10_000, rss_1_mb=300.0, validate_cold_s=6.0, warm_start_s=0.4)
BIG.update(sessions=20, concurrent_p95_s=1.5, concurrent_errors=0)


def run(**sizes) -> dict:
    return {"date": "2026-12-03", "machine": "2 cores", "loadavg_start": 0.5, "sizes": sizes}


def test_each_target_holds_or_not_by_its_limit_at_its_size():
    found = {(row, size): holds for row, size, _l, _v, holds in verdicts(run(curated=FIGURES))}
    assert found[("Explore ready / floor", "curated")] is True  # 1.5x <= 1.6x
    assert found[("Overview ready / floor", "curated")] is False  # 2.5x > 2x
    assert found[("filter / Datasette", "curated")] is False  # 1.5x > 1x
    assert found[("server RSS, one session", "curated")] is True
    assert ("`atlas validate`, cold", "curated") not in found  # a 10,000-case target
    big = {(row, size): holds for row, size, _l, _v, holds in verdicts(run(**{"10000": BIG}))}
    assert big[("server RSS, one session", "10000")] is False  # 300 > 250
    assert big[("`atlas validate`, cold", "10000")] is False
    assert big[("warm start (library from the snapshot)", "10000")] is True
    assert big[("concurrent sessions: p95 filter", "10000")] is True
    assert big[("concurrent sessions: pages with an error", "10000")] is True


def test_a_figure_not_measured_is_shown_as_missing_not_as_a_pass():
    partial = {k: v for k, v in FIGURES.items() if k != "datasette_filter_s"}
    rows = {row: holds for row, _s, _l, _v, holds in verdicts(run(curated=partial))}
    assert rows["filter / Datasette"] is None
    line = next(x for x in table(run(curated=partial)).splitlines() if "filter / Data" in x)
    assert "| – |" in line


def test_the_table_has_a_column_per_size_and_marks_misses():
    text = table(run(curated=FIGURES, **{"10000": BIG}))
    assert "| figure | curated (62 cases) | 10,000 | target |" in text
    assert "2.50x **missed**" in text and "1.50x ok" in text
    assert "2 cores" in text and "20 users" in text
    assert len([x for x in text.splitlines() if x.startswith("| ")]) == len(ROWS) + 1


def test_every_target_of_the_issue_is_a_row():
    assert set(TARGETS) >= {
        "Explore ready / floor",
        "Overview ready / floor",
        "filter / Datasette",
        "server RSS, one session",
        "each further session",
        "`atlas validate`, cold",
        "first visit, no snapshot",
        "warm start (library from the snapshot)",
        "concurrent sessions: p95 filter",
    }


def test_the_chart_is_a_png(tmp_path):
    target = tmp_path / "peers.png"
    chart(json.loads(json.dumps(run(curated=FIGURES, **{"10000": BIG}))), target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
