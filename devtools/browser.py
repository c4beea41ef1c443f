"""Drive the app in headless Chromium: start a server, open a page, wait until Streamlit is
done, collect errors. Used by the browser tests, the benchmark and the screenshot tool."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")

# Headless Chromium in a container: no sandbox, no GPU, and nothing that calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


READY_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stAppSkeleton"]')
    && !document.querySelector('[data-testid="stSkeleton"]');
}"""


# Drawn: every chart has its marks, every graph its SVG, every image and font has loaded.
# Vega draws a chart and Graphviz a graph some time after the script run is over.
DRAWN_JS = """() => {
  const all = (sel) => [...document.querySelectorAll(sel)];
  return all('[data-testid="stVegaLiteChart"]').every((c) => c.querySelector('.marks'))
    && all('[data-testid="stGraphVizChart"]').every((g) => g.querySelector('svg'))
    && all('img').every((img) => img.complete)
    && document.fonts.status === 'loaded';
}"""

# Streamlit's own, and harmless: opened at a page's address (/explore), its frontend first
# looks for its server under that path (/explore/_stcore/health, /explore/_stcore/host-config),
# gets a 404, then finds it at the root. Chromium logs each such 404 as a console error.
# Only those are allowed, and only when the request really was answered with a 404.
STREAMLIT_PROBE = re.compile(r"^https?://[^/]+/[^?#]+/_stcore/(health|host-config)$")


@dataclass
class PageWatch:
    """What a page did: requests to other hosts, console errors, uncaught exceptions."""

    external: list[str] = field(default_factory=list)
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    page_errors: list[str] = field(default_factory=list)
    not_found: set[str] = field(default_factory=set)  # URLs answered with a 404

    def unexpected_console_errors(self) -> list[str]:
        return [
            f"{text} ({url})" if url else text
            for text, url in self.console_errors
            if not (STREAMLIT_PROBE.match(url) and url in self.not_found)
        ]


def watch(page) -> PageWatch:
    seen = PageWatch()

    def on_request(request):
        host = urlsplit(request.url).hostname or ""
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1", "localhost", "::1"):
            seen.external.append(request.url)

    def on_console(message):
        if message.type == "error":
            seen.console_errors.append((message.text, (message.location or {}).get("url", "")))

    def on_response(response):
        if response.status == 404:
            seen.not_found.add(response.url)

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
    return seen


def wait_ready(page, timeout_ms: int = 60_000) -> None:
    """Until the script run is finished and what it drew is drawn (charts, graphs, images,
    fonts). A test that caused a rerun should first wait for what the rerun changes (the
    URL, a text): a rerun may start only after the 150 ms given here."""
    page.wait_for_timeout(150)  # let a rerun that a click started begin
    page.wait_for_function(READY_JS, timeout=timeout_ms, polling=100)
    page.wait_for_function(DRAWN_JS, timeout=timeout_ms, polling=100)
    page.wait_for_function(READY_JS, timeout=timeout_ms, polling=100)


def exceptions_on(page) -> list[str]:
    boxes = page.locator('[data-testid="stException"]')
    return [boxes.nth(i).inner_text() for i in range(boxes.count())]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run app.py` on a free loopback port, for the browser tests."""

    def __init__(self, cases_dir: Path | None, log: Path, app: str = APP, **env_extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        if cases_dir is not None:
            env["ATLAS_CASES_DIR"] = str(cases_dir)
        env.update(env_extra)
        cmd = [sys.executable, "-m", "streamlit", "run", app, "--server.port", str(self.port)]
        cmd += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        cmd += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        self.log = log
        with open(log, "wb") as out:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=out)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start:\n{log.read_text()}")

    def stop(self) -> None:
        stop_process(self.proc)


def stop_process(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Ask a process to end; kill it if it has not within `timeout` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()


def assert_clean(page, seen: PageWatch) -> None:
    """No traceback on the page, no uncaught error or console error in the browser, and no
    request to any host but the app's own (the app must work in an offline meeting room)."""
    assert exceptions_on(page) == []
    assert seen.page_errors == []
    assert seen.unexpected_console_errors() == []
    assert seen.external == [], "the app must work in an offline meeting room"
