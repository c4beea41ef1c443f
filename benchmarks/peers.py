"""The app beside what users would pick instead, in one run: `make bench`.

    .venv/bin/python benchmarks/peers.py                     # curated, 1,000 and 10,000 cases
    .venv/bin/python benchmarks/peers.py --sizes 1000 --repeats 1 --sessions 5   # a quick look

For the curated library (cases/) and `atlas synth` libraries of each size, it starts three
servers: this app (an empty snapshot cache, so the first visit loads every file), Datasette
serving the same cases from `atlas export --format sqlite` with facets on industry, outcome
and mode (the faceted browser a user would pick instead), and a one-line Streamlit app (the
floor: what any Streamlit page costs). It drives all three in headless Chromium, prints one
table of figures with the targets of issue 18 and whether each holds, and writes
benchmarks/out/peers.json and a chart of the figures against the library's size,
benchmarks/out/peers.png. Times are medians of --repeats runs, each in a new browser session.
Absolute times move with the machine's load (printed first): compare within one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks import peers_browser as pb  # noqa: E402
from benchmarks.peers_report import chart, table  # noqa: E402
from devtools.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
FLOOR_APP = 'import streamlit as st\n\nst.title("hello")\n'
# The least a Streamlit filter can cost: one multiselect in the sidebar, and a rerun that
# draws one line. The app's filter is measured against it as well as against Datasette.
FILTER_FLOOR_APP = f"""import streamlit as st

st.title("hello")
picked = st.sidebar.multiselect("Industry", ["{pb.FINANCE}", "Retail"])
st.write(picked)
"""
# The least memory a Streamlit app that shows a table can take: pandas, numpy and Arrow
# (st.dataframe sends Arrow) loaded, one row drawn. The app cannot go below it.
TABLE_FLOOR_APP = """import pandas as pd
import streamlit as st

st.dataframe(pd.DataFrame({"a": ["hello"]}))
"""
CURATED = "curated"


def atlas_cli(*args: str, env: dict | None = None) -> float:
    """Run `atlas ...` in a fresh process; its wall time in seconds."""
    atlas = Path(sys.executable).with_name("atlas")
    started = time.perf_counter()
    subprocess.run([str(atlas), *args], check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - started


def library(size: str, work: Path, seed: int) -> tuple[Path, int]:
    if size == CURATED:
        folder = ROOT / "cases"
        return folder, len(list(folder.glob("*.yaml")))
    from atlas.synth import write_library

    folder = work / f"cases-{size}"
    return folder, len(write_library(folder, int(size), seed))


def snapshot_load_s(folder: Path, cache: Path) -> float:
    """A fresh process loading the library through the app's path, the snapshot written
    (its imports done first: they are the same for any Streamlit app)."""
    code = (
        "import time, logging; logging.disable(logging.WARNING);"
        "from ui.library_access import current_library; t=time.perf_counter();"
        "current_library(); print(time.perf_counter()-t)"
    )
    env = dict(os.environ, ATLAS_CASES_DIR=str(folder), ATLAS_CACHE_DIR=str(cache))
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def measure(size: str, work: Path, args, browser, chromium: str) -> dict:
    fig: dict = {}
    folder, n = library(size, work, args.seed)
    fig["cases"] = n
    print(f"# {size}: {n} cases in {folder}", file=sys.stderr, flush=True)
    db = work / f"db-{size}" / "atlas.db"  # Datasette serves it at /atlas
    db.parent.mkdir()

    def fresh_cache(name: str) -> dict:  # an empty snapshot cache: every file parsed
        return dict(os.environ, ATLAS_CASES_DIR=str(folder), ATLAS_CACHE_DIR=str(work / name))

    fig["validate_cold_s"] = atlas_cli("validate", str(folder), env=fresh_cache(f"v-{size}"))
    atlas_cli("export", "--format", "sqlite", "-o", str(db), env=fresh_cache(f"e-{size}"))
    logs = work / f"logs-{size}"
    logs.mkdir()
    cache = work / f"cache-{size}"
    app = pb.App.streamlit(
        ROOT / "app.py",
        logs / "atlas.log",
        ATLAS_CASES_DIR=str(folder),
        ATLAS_CACHE_DIR=str(cache),
    )
    floor_file = work / "floor.py"
    floor_file.write_text(FLOOR_APP)
    floor = pb.App.streamlit(floor_file, logs / "floor.log")
    filter_floor_file = work / "filter_floor.py"
    filter_floor_file.write_text(FILTER_FLOOR_APP)
    filter_floor = pb.App.streamlit(filter_floor_file, logs / "filter_floor.log")
    peer = pb.App.datasette(db, logs / "datasette.log")
    try:
        held = browser.new_context(viewport={"width": 1280, "height": 900})
        page = held.new_page()
        page.add_init_script(f"({pb.OBSERVE_JS})()")
        page.goto(f"{app.url}/explore", wait_until="commit", timeout=600_000)
        fig["first_load_s"] = pb._settle(
            page, page.evaluate("() => performance.timeOrigin"), pb.STREAMLIT_READY, 600_000
        )
        time.sleep(1)
        fig["rss_1_mb"] = app.rss_mb()
        more = [browser.new_context() for _ in range(5)]
        for ctx in more:
            p = ctx.new_page()
            p.goto(f"{app.url}/explore", wait_until="commit", timeout=600_000)
            p.wait_for_function(pb.STREAMLIT_READY, timeout=600_000, polling=100)
        time.sleep(1)
        fig["rss_per_session_mb"] = (app.rss_mb() - fig["rss_1_mb"]) / len(more)
        for ctx in [held, *more]:
            ctx.close()
        fig["floor_rss_mb"] = _rss_with_one_session(browser, floor)
        fig["table_floor_rss_mb"] = _table_floor_rss(browser, work, logs)
        fig["datasette_rss_mb"] = peer.rss_mb()
        r = args.repeats
        fig["explore_ready_s"] = pb.median_ready(browser, f"{app.url}/explore", True, r)
        fig["overview_ready_s"] = pb.median_ready(browser, app.url, True, r)
        fig["floor_ready_s"] = pb.median_ready(browser, floor.url, True, r)
        fig["datasette_ready_s"] = pb.median_ready(
            browser, f"{peer.url}/atlas/cases?_facet=industry&_facet=outcome", False, r
        )
        fig["filter_s"] = statistics.median(pb.atlas_filters(browser, app.url, r))
        fig["datasette_filter_s"] = statistics.median(pb.datasette_filters(browser, peer.url, r))
        floor_filters = pb.atlas_filters(browser, filter_floor.url, r, path="/")
        fig["floor_filter_s"] = statistics.median(floor_filters)
        if size == args.concurrent_at:
            times, errors = pb.concurrent_filters(chromium, app.url, args.sessions)
            fig["sessions"] = args.sessions
            fig["concurrent_p95_s"] = pb.p95(times) if times else float("nan")
            fig["concurrent_errors"] = errors
            # the same users on the one-multiselect app: what 2 cores give any Streamlit app
            times, _errors = pb.concurrent_filters(chromium, filter_floor.url, args.sessions, "/")
            fig["floor_concurrent_p95_s"] = pb.p95(times) if times else float("nan")
    finally:
        for server in (app, floor, filter_floor, peer):
            server.stop()
    # the median of five starts: it runs after the 20 browsers of the concurrent test,
    # whose exit leaves the machine busy for a while (one start measured 0.44 and 0.60 s)
    fig["warm_start_s"] = statistics.median(snapshot_load_s(folder, cache) for _ in range(5))
    return fig


def _table_floor_rss(browser, work: Path, logs: Path) -> float:
    app_file = work / "table_floor.py"
    app_file.write_text(TABLE_FLOOR_APP)
    app = pb.App.streamlit(app_file, logs / "table_floor.log")
    try:
        return _rss_with_one_session(browser, app)
    finally:
        app.stop()


def _rss_with_one_session(browser, floor: pb.App) -> float:
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.goto(floor.url, wait_until="commit")
        page.wait_for_function(pb.STREAMLIT_READY, timeout=60_000, polling=100)
        time.sleep(1)
        return floor.rss_mb()
    finally:
        ctx.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", default=[CURATED, "1000", "10000"])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--sessions", type=int, default=20, help="concurrent users at the largest")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    args.concurrent_at = args.sizes[-1]
    chromium = chromium_path()
    if chromium is None:
        print("Chromium is not installed: run `make browser`", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    run = {
        "date": dt.date.today().isoformat(),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}",
        "loadavg_start": os.getloadavg()[0],
        "sizes": {},
    }
    print(f"# {run['machine']}; load average {run['loadavg_start']:.2f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="atlas-peers-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for size in args.sizes:
                run["sizes"][size] = measure(size, Path(tmp), args, browser, chromium)
        finally:
            browser.close()
    run["loadavg_end"] = os.getloadavg()[0]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "peers.json").write_text(json.dumps(run, indent=2) + "\n")
    print(table(run))
    chart(run, args.out / "peers.png")
    print(f"# wrote {args.out / 'peers.json'} and {args.out / 'peers.png'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
