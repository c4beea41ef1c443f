"""Helpers for the real-browser tests: open a page, wait until Streamlit is done, collect errors."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

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


@dataclass
class PageWatch:
    """What a page did: requests to other hosts, console errors, uncaught exceptions."""

    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def watch(page) -> PageWatch:
    seen = PageWatch()

    def on_request(request):
        host = urlsplit(request.url).hostname or ""
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1", "localhost", "::1"):
            seen.external.append(request.url)

    page.on("request", on_request)
    page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
    page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
    return seen


def wait_ready(page, settle_ms: int = 700, timeout_ms: int = 60_000) -> None:
    """Until the script run is finished; then a pause for charts to draw."""
    page.wait_for_timeout(150)  # let a rerun that a click started begin
    page.wait_for_function(READY_JS, timeout=timeout_ms, polling=100)
    page.wait_for_timeout(settle_ms)
    page.wait_for_function(READY_JS, timeout=timeout_ms, polling=100)


def exceptions_on(page) -> list[str]:
    boxes = page.locator('[data-testid="stException"]')
    return [boxes.nth(i).inner_text() for i in range(boxes.count())]
