"""Benchmark the Transformation Atlas on synthetic libraries, against budgets.

Usage (from the project folder, with the project's Python):

    .venv/bin/python benchmarks/run.py            # 100, 1,000 and 10,000 cases + browser
    .venv/bin/python benchmarks/run.py --quick    # 100 and 1,000 cases, no browser
    .venv/bin/python benchmarks/run.py --sizes 100 5000 --no-browser

It writes `atlas synth` libraries into a temporary folder (its snapshot cache too, through
ATLAS_CACHE_DIR, so your own cache is never touched) and prints one `name=value` line per
figure as it goes, then one `budget_<name>=ok|MISSED|skipped` line per budget. Figures:

    loadavg_start, loadavg_end
                          the machine's 1-minute load average: above 2 (its cores), others
                          are using the CPU and every time here is inflated
    synth_s_N             writing N synthetic case files
    first_load_s_N        a fresh process and an empty cache: every file parsed and validated,
                          the library's table built, through the app's loader
    cold_load_s_N         the same in a fresh process, as a user's next start of the app: files
                          unchanged since are taken from the snapshot that the first load wrote
    warm_load_s_N         the app's cached path (ui/library_access.py) once loaded, with
                          the folder stamped again (every file stat-ed), as after each 2 s, median
    warm_hit_s_N          the same within the stamp's 2 s: a cache lookup only, median
    filter_facets_s_N     a new realistic filter applied plus every facet's counts, median of 5
    filter_facets_first_s_N   the first of them (it also prepares each facet's value codes)
    explore_rerun_s_N     AppTest: the explore page's rerun after an industry change, median
    baseline_rerun_s_N    AppTest: a one-line `st.write("hello")` app's rerun, same process
    explore_rerun_ratio_N the two divided: what the budget compares
    page_rerun_s_PAGE_N   AppTest: each page's rerun once opened (Case with the first case,
                          Compare with two, Present with the selection): a page whose time
                          grows with N faster than the others (the Case page took 130 s at
                          10,000 cases before its quadratic loop was found this way) shows here
    explore_rerun_s_curated, explore_rerun_ratio_curated, explore_rerun_growth_N
                          the same on the curated library (cases/), and the rerun at N cases
                          divided by the rerun at the curated library: how cost grows with N
    page_ready_s, baseline_ready_s, page_ready_ratio
                          headless Chromium, the curated library's first page against a one-line
                          app (../shared/tools/browser_check.py --baseline, median of 3 loads)
    server_rss_mb_1, server_rss_mb_10, rss_growth_mb_per_session
                          the streamlit server's memory (RSS) with 1 and 10 open sessions on the
                          largest synthetic library

Absolute times vary 15% or more on a shared machine: compare ratios and runs, not seconds.
The whole run takes about 5 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from devtools.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

BROWSER_CHECK = ROOT.parent / "shared" / "tools" / "browser_check.py"
BIG = 10_000
BUDGETS = {  # name: (figure, limit, what it means)
    "cold_load": (f"cold_load_s_{BIG}", 3.0, "cold load of 10,000 cases within 3 s"),
    "warm_load": (f"warm_load_s_{BIG}", 0.3, "warm load of 10,000 cases within 0.3 s"),
    "filter_change": (f"explore_rerun_ratio_{BIG}", 2.0, "explore rerun within 2x baseline"),
    "page_ready": ("page_ready_ratio", 1.5, "page ready within 1.5x the baseline app"),
    "memory": ("rss_growth_mb_per_session", 20.0, "under 20 MB more per session"),
}
REPEATS = 5
# Realistic selections, each new to the run (nothing remembered from an earlier one):
# industries, connection types, a start year and a word, as a user narrows a search.
FILTERS = [
    {
        "selected": {
            "industry": industries,
            "connection_types": ("user_service", "user_merchant"),
        },
        "year_from": year,
        "text": word,
    }
    for industries, year, word in [
        (("finance", "retail", "healthcare"), 2010, "platform"),
        (("finance",), 2012, "regulators"),
        (("retail", "logistics"), 2005, "data"),
        (("healthcare", "education"), 2015, "users"),
        (("manufacturing",), 2000, "cost"),
    ]
]
INDUSTRY_CHANGES = [["finance"], ["finance", "retail"], ["retail"], ["healthcare"], []]
READY_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stAppSkeleton"]')
    && !!document.querySelector('h1');
}"""


def emit(figures: dict, name: str, value: float | int) -> None:
    figures[name] = value
    text = f"{value:.4f}" if isinstance(value, float) else str(value)
    print(f"{name}={text}", flush=True)


def note(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


# --- workers: each runs in a fresh process and prints one JSON line ---------------------


def _quiet_streamlit() -> None:
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)


def worker_load() -> dict:
    """Cold and warm loads through the app's own cached path, then filters and facets."""
    from atlas.filters import Filters, all_facet_counts, apply
    from ui.library_access import current_library, restamp

    _quiet_streamlit()
    start = perf_counter()
    library, table, index = current_library()
    cold = perf_counter() - start
    warm, hits = [], []
    for _ in range(REPEATS):
        restamp()  # as when the stamp's 2 s are over: every file stat-ed again
        start = perf_counter()
        current_library()
        warm.append(perf_counter() - start)
        start = perf_counter()
        current_library()
        hits.append(perf_counter() - start)
    timings, selected = [], []
    for spec in FILTERS:
        filters = Filters(**spec)
        start = perf_counter()
        selected.append(len(apply(table, filters, index)))
        all_facet_counts(table, filters, index)
        timings.append(perf_counter() - start)
    return {
        "cases": len(library.cases),
        "problems": len(library.problems),
        "cold": cold,
        "warm": statistics.median(warm),
        "warm_hit": statistics.median(hits),
        "filter": statistics.median(timings),
        "filter_first": timings[0],
        "selected": selected[0],
    }


def worker_apptest() -> dict:
    """The explore page's rerun after a filter change, and a one-line app's, one process."""
    from streamlit.testing.v1 import AppTest

    _quiet_streamlit()
    base = AppTest.from_string('import streamlit as st\nst.write("hello")', default_timeout=60)
    base.run()
    baseline = []
    for _ in range(2 * REPEATS):
        start = perf_counter()
        base.run()
        baseline.append(perf_counter() - start)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    at.switch_page("app_pages/explore.py")
    at.run()
    reruns = []
    for values in INDUSTRY_CHANGES:
        widget = at.multiselect(key="w.flt.industry").set_value(values)
        start = perf_counter()
        widget.run()
        reruns.append(perf_counter() - start)
    errors = [e.value for e in at.exception]
    from ui.library_access import current_library
    from ui.pages import PAGES

    pages = {}
    queries = page_queries(list(current_library()[1]["id"]))
    for spec in PAGES:  # every page once opened, then its rerun (a click that changes nothing)
        at.switch_page(spec.file)
        for key, value in queries.get(spec.key, {}).items():
            at.query_params[key] = value
        at.run()
        start = perf_counter()
        at.run()
        pages[spec.key] = perf_counter() - start
        errors += [f"{spec.key}: {e.value}" for e in at.exception]
    return {
        "explore": statistics.median(reruns),
        "baseline": statistics.median(baseline),
        "pages": pages,
        "errors": errors,
    }


def page_queries(ids: list[str]) -> dict[str, dict[str, str]]:
    """What a page is opened with: a case, two cases to compare, the selection to present."""
    return {
        "case": {"case": ids[0]},
        "compare": {"compare": ",".join(ids[:2])},
        "present": {"present": "selection"},
    }


WORKERS = {"load": worker_load, "apptest": worker_apptest}


def run_worker(kind: str, cases: Path, cache: Path, timeout: float = 600) -> dict:
    env = dict(os.environ, ATLAS_CASES_DIR=str(cases), ATLAS_CACHE_DIR=str(cache))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind]
    done = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{kind} worker failed:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


# --- per library size -------------------------------------------------------------------


def measure_reruns(label: str, cases: Path, cache: Path, figures: dict) -> None:
    app = run_worker("apptest", cases, cache)
    if app["errors"]:
        note(f"AppTest exceptions on {label}: {app['errors']}")
    emit(figures, f"explore_rerun_s_{label}", app["explore"])
    emit(figures, f"baseline_rerun_s_{label}", app["baseline"])
    emit(figures, f"explore_rerun_ratio_{label}", app["explore"] / app["baseline"])
    for page, seconds in app["pages"].items():
        emit(figures, f"page_rerun_s_{page}_{label}", seconds)


def measure_size(n: int, work: Path, figures: dict, seed: int) -> Path:
    from atlas.synth import write_library

    cases, cache = work / f"cases-{n}", work / f"cache-{n}"
    start = perf_counter()
    write_library(cases, n, seed)
    emit(figures, f"synth_s_{n}", perf_counter() - start)
    time.sleep(2.1)  # older than any file-time granularity, as a library on disk would be
    first = run_worker("load", cases, cache)
    if first["cases"] != n or first["problems"]:
        raise RuntimeError(f"synthetic library of {n}: {first}")
    emit(figures, f"first_load_s_{n}", first["cold"])
    load = run_worker("load", cases, cache)
    emit(figures, f"cold_load_s_{n}", load["cold"])
    emit(figures, f"warm_load_s_{n}", load["warm"])
    emit(figures, f"warm_hit_s_{n}", load["warm_hit"])
    emit(figures, f"filter_facets_s_{n}", load["filter"])
    emit(figures, f"filter_facets_first_s_{n}", load["filter_first"])
    emit(figures, f"filter_selected_{n}", load["selected"])
    measure_reruns(str(n), cases, cache, figures)
    return cases


# --- browser ----------------------------------------------------------------------------


def measure_page_ready(figures: dict, cache: Path) -> None:
    """The curated library's first page against a one-line app, by the shared tool."""
    if not BROWSER_CHECK.is_file():
        note(f"{BROWSER_CHECK} not found: page-ready figures skipped")
        return
    env = {k: v for k, v in os.environ.items() if k != "ATLAS_CASES_DIR"}
    env["ATLAS_CACHE_DIR"] = str(cache)
    cmd = [sys.executable, str(BROWSER_CHECK), "app.py", "--project", str(ROOT), "--baseline"]
    cmd += ["--repeat", "3", "--screenshot", "", "--server-arg=--server.fileWatcherType=none"]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=400)
    last = (done.stdout.strip().splitlines() or [""])[-1]
    values = dict(p.split("=", 1) for p in last.split() if "=" in p)
    if done.returncode != 0 or "ratio" not in values:
        note(f"browser_check failed ({done.returncode}): {last}\n{done.stderr[-2000:]}")
        return
    emit(figures, "page_ready_s", float(values["ready_s"]))
    emit(figures, "baseline_ready_s", float(values["baseline_s"]))
    emit(figures, "page_ready_ratio", float(values["ratio"]))


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MiB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            pass
    return total / 1024


def start_server(cases: Path, cache: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, ATLAS_CASES_DIR=str(cases), ATLAS_CACHE_DIR=str(cache))
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    cmd += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    cmd += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("the streamlit server did not start")


def measure_memory(figures: dict, cases: Path, cache: Path) -> None:
    """Server RSS with 1 and with 10 sessions open at once (each a browser context)."""
    from playwright.sync_api import sync_playwright

    chromium = chromium_path()
    if chromium is None:
        note("Chromium not installed: memory figures skipped")
        return
    proc, url = start_server(cases, cache)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            contexts = []
            try:
                for i in range(10):
                    contexts.append(browser.new_context(viewport={"width": 1280, "height": 900}))
                    page = contexts[-1].new_page()
                    page.goto(url, wait_until="commit", timeout=120_000)
                    page.wait_for_function(READY_JS, timeout=300_000, polling=100)
                    if i == 0:
                        time.sleep(1)
                        emit(figures, "server_rss_mb_1", round(rss_mb(proc.pid), 1))
                time.sleep(2)
                emit(figures, "server_rss_mb_10", round(rss_mb(proc.pid), 1))
            finally:
                for ctx in contexts:
                    ctx.close()
                browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    growth = (figures["server_rss_mb_10"] - figures["server_rss_mb_1"]) / 9
    emit(figures, "rss_growth_mb_per_session", round(growth, 2))


# --- main -------------------------------------------------------------------------------


def print_budgets(figures: dict) -> int:
    missed = 0
    for name, (figure, limit, meaning) in BUDGETS.items():
        if figure not in figures:
            verdict = "skipped"
        else:
            verdict = "ok" if figures[figure] <= limit else "MISSED"
            missed += verdict == "MISSED"
        print(f"budget_{name}={verdict}", flush=True)
        note(f"{name}: {meaning}: {figures.get(figure, 'not measured')} (limit {limit})")
    return missed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="100 and 1,000 cases, no browser")
    ap.add_argument("--sizes", type=int, nargs="+", help="library sizes (default 100 1000 10000)")
    ap.add_argument("--no-browser", action="store_true", help="skip page-ready and memory")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(WORKERS[args.worker]()), flush=True)
        return 0
    sizes = args.sizes or ([100, 1000] if args.quick else [100, 1000, BIG])
    browser = not (args.quick or args.no_browser)
    figures: dict = {}
    started = perf_counter()
    emit(figures, "loadavg_start", round(os.getloadavg()[0], 2))
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        work = Path(tmp)
        measure_reruns("curated", ROOT / "cases", work / "cache-curated", figures)
        largest = None
        for n in sizes:
            largest = measure_size(n, work, figures, args.seed)
            growth = figures[f"explore_rerun_s_{n}"] / figures["explore_rerun_s_curated"]
            emit(figures, f"explore_rerun_growth_{n}", growth)
        if browser:
            measure_page_ready(figures, work / "cache-curated")
            if largest is not None:
                measure_memory(figures, largest, work / f"cache-{max(sizes)}")
    emit(figures, "loadavg_end", round(os.getloadavg()[0], 2))
    emit(figures, "benchmark_s", perf_counter() - started)
    print_budgets(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
