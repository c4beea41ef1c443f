"""What a user waits for, measured in headless Chromium: pages ready, a filter settled, memory.

Used by benchmarks/peers.py. Every time is taken in the page with the same clock for the
three apps: from the click (or the navigation) to the last change the page drew.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.run import rss_mb  # noqa: E402
from devtools.browser import CHROMIUM_ARGS, READY_JS, free_port, stop_process  # noqa: E402

QUIET_MS = 400  # the page counts as settled once nothing changed for this long
FINANCE = "Finance & payments"

# Records when the page last changed (outside Streamlit's status widget), in epoch ms.
OBSERVE_JS = """() => {
  window.__lastChange = performance.timeOrigin + performance.now();
  new MutationObserver((records) => {
    if (records.some((r) => !(r.target.closest &&
        r.target.closest('[data-testid="stStatusWidget"],[data-testid="stToolbar"]')))) {
      window.__lastChange = performance.timeOrigin + performance.now();
    }
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        characterData: true});
}"""
SETTLED_JS = f"""() => performance.timeOrigin + performance.now() - window.__lastChange
  > {QUIET_MS}"""
NOW_JS = "() => performance.timeOrigin + performance.now()"
STREAMLIT_READY = READY_JS  # connected, the script run over, no skeleton


class App:
    """A server on a free loopback port: `streamlit run` or `datasette`, with its RSS."""

    def __init__(self, cmd: list[str], env: dict[str, str], log: Path, health: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [part.replace("{port}", str(self.port)) for part in cmd]
        started = time.perf_counter()
        with open(log, "wb") as out:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=out)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + health, timeout=2) as r:
                    if r.status == 200:
                        self.start_s = time.perf_counter() - started
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{cmd[:3]} did not start:\n{log.read_text()[-2000:]}")

    @classmethod
    def streamlit(cls, app: Path, log: Path, **env: str) -> App:
        cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", "{port}"]
        cmd += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        cmd += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        return cls(cmd, dict(os.environ, **env), log, "/_stcore/health")

    @classmethod
    def datasette(cls, db: Path, log: Path) -> App:
        datasette = Path(sys.executable).with_name("datasette")
        cmd = [str(datasette), "serve", str(db), "--port", "{port}", "--host", "127.0.0.1"]
        cmd += ["--setting", "default_page_size", "50"]
        return cls(cmd, dict(os.environ), log, "/-/versions.json")

    def rss_mb(self) -> float:
        """Resident memory of the server and its children, in MiB."""
        return rss_mb(self.proc.pid)

    def stop(self) -> None:
        stop_process(self.proc)


@contextmanager
def session(browser) -> Iterator:
    """A new browser session (a fresh context) with one page that records its changes."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        page.add_init_script(f"({OBSERVE_JS})()")
        yield page
    finally:
        ctx.close()


def _settle(page, start_epoch_ms: float, ready_js: str | None, timeout_ms: int) -> float:
    """Seconds from `start_epoch_ms` to the page's last change, once it has settled: the
    app is ready (for Streamlit: the run is over) and nothing changed for QUIET_MS, both
    true at the same moment."""
    both = f"() => ({ready_js or '() => true'})() && ({SETTLED_JS})()"
    page.wait_for_function(both, timeout=timeout_ms, polling=50)
    return (page.evaluate("() => window.__lastChange") - start_epoch_ms) / 1000


def page_ready(browser, url: str, streamlit: bool, timeout_ms: int = 300_000) -> float:
    """A new session opens `url`: seconds until the page settled."""
    with session(browser) as page:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        start = page.evaluate("() => performance.timeOrigin")
        return _settle(page, start, STREAMLIT_READY if streamlit else None, timeout_ms)


def median_ready(browser, url: str, streamlit: bool, repeats: int) -> float:
    return statistics.median(page_ready(browser, url, streamlit) for _ in range(repeats))


def atlas_filter(page, timeout_ms: int = 300_000) -> float:
    """On Explore, pick Industry = Finance in the sidebar as a person does: seconds from the
    click on the option to the page settled with the new selection."""
    box = page.get_by_role("combobox", name="Industry")
    box.click()
    option = page.get_by_role("option").filter(has_text=FINANCE).first
    option.wait_for(state="visible", timeout=timeout_ms)
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms, polling=50)
    start = page.evaluate(NOW_JS)
    option.click()
    # the chip appears at once and Streamlit greys what the rerun will redraw: the page
    # changes, then settles once the rerun is drawn
    page.wait_for_function(f"() => window.__lastChange > {start}", timeout=timeout_ms, polling=20)
    return _settle(page, start, STREAMLIT_READY, timeout_ms)


def atlas_filters(browser, url: str, repeats: int, path: str = "/explore") -> list[float]:
    out = []
    for _ in range(repeats):
        with session(browser) as page:
            page.goto(f"{url}{path}", wait_until="commit", timeout=300_000)
            _settle(page, 0, STREAMLIT_READY, 300_000)
            out.append(atlas_filter(page))
    return out


def datasette_filters(browser, url: str, repeats: int) -> list[float]:
    """Datasette's table of cases faceted by industry, outcome and mode: seconds from the
    click on the facet value 'finance' to the new page settled."""
    out = []
    for _ in range(repeats):
        with session(browser) as page:
            page.goto(f"{url}/atlas/cases?_facet=industry&_facet=outcome&_facet=mode")
            page.wait_for_function(SETTLED_JS, timeout=60_000, polling=50)
            link = page.locator('a[href*="industry=finance"]').first
            start = page.evaluate(NOW_JS)
            link.click()
            page.wait_for_url("**industry=finance**")
            out.append(_settle(page, start, None, 60_000))
    return out


def concurrent_filters(
    chromium: str, url: str, sessions: int, path: str = "/explore"
) -> tuple[list[float], int]:
    """`sessions` users on Explore (or `path`) at once, each picking Finance at the same
    moment: every user's seconds to a settled page, and how many pages showed an error."""
    from playwright.async_api import async_playwright

    waiting: list[int] = []

    async def one(browser, gate: asyncio.Event) -> tuple[float, bool]:
        ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = await ctx.new_page()
            await page.add_init_script(f"({OBSERVE_JS})()")
            await page.goto(f"{url}{path}", wait_until="commit", timeout=600_000)
            await page.wait_for_function(STREAMLIT_READY, timeout=600_000, polling=100)
            box = page.get_by_role("combobox", name="Industry")
            await box.click()
            option = page.get_by_role("option").filter(has_text=FINANCE).first
            await option.wait_for(state="visible", timeout=600_000)
            waiting.append(1)
            await gate.wait()
            start = await page.evaluate(NOW_JS)
            await option.click()
            await page.wait_for_function(
                f"() => window.__lastChange > {start}", timeout=600_000, polling=20
            )
            await page.wait_for_function(STREAMLIT_READY, timeout=600_000, polling=50)
            await page.wait_for_function(SETTLED_JS, timeout=600_000, polling=50)
            took = (await page.evaluate("() => window.__lastChange") - start) / 1000
            failed = await page.get_by_test_id("stException").count() > 0
            return took, failed
        finally:
            await ctx.close()

    async def run() -> list[tuple[float, bool]]:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            gate = asyncio.Event()
            tasks = [asyncio.create_task(one(browser, gate)) for _ in range(sessions)]
            while len(waiting) < sum(not t.done() for t in tasks):
                await asyncio.sleep(0.2)
            gate.set()
            try:
                return await asyncio.gather(*tasks, return_exceptions=True)
            finally:
                await browser.close()

    # Its own thread: the caller's synchronous Playwright already runs an event loop here.
    with ThreadPoolExecutor(1) as pool:
        results = pool.submit(lambda: asyncio.run(run())).result()
    done = [r for r in results if not isinstance(r, BaseException)]
    return [r[0] for r in done], sum(r[1] for r in done) + len(results) - len(done)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
