"""More than one server (issue 18): two replicas behind nginx, run with the shipped
deploy/nginx.conf (only its upstream's server line and its listen line changed to loopback
ports). Twenty browser sessions open views through nginx; the replica they are on is killed;
each must come back on the other replica by Streamlit's own reconnect, with no reload,
showing the same view (its URL and its heading) and no error on the page.

`ip_hash` keys on a client's address, so every session from this machine's loopback lands on
one replica: which one is read from the kernel's table of open TCP connections (each page
holds one websocket through nginx to its replica), and that replica is killed (SIGKILL, as a
crash). Afterwards the survivor must hold every websocket.
"""

from __future__ import annotations

import getpass
import os
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Page

from devtools.browser import PageWatch, Server, _free_port, exceptions_on, wait_ready, watch
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
UPSTREAM_SERVER = re.compile(r"^(?P<indent>[ \t]*)server app:8501(?P<params>[^;\n]*);$", re.M)
LISTEN = re.compile(r"^(?P<indent>[ \t]*)listen 80;$", re.M)

# Twenty sessions, two pages in each of ten browser contexts: filters, search, Explore's
# table, case pages, a comparison, presenter mode on a slide, and Chinese. One presenter
# window only: it reruns a fragment every second (its room), which costs CPU while it waits.
VIEWS = [
    "explore?industry=finance&outcome=failure",
    "explore?connection=user_service&view=table",
    "case?case=wechat-shake",
    "case?case=uber-taxi&lang=zh",
    "present?present=when-internet-plus-fails&slide=2",
    "compare?compare=uber-taxi,didi-kuaidi-merger",
    "explore?outcome=success&from=2015",
    "case?case=ofo-bike-sharing",
    "concepts",
    "explore?q=bike",
    "case?case=mpesa-mobile-money",
    "explore?industry=transportation&view=table&lang=zh",
    "case?case=india-upi",
    "explore?mode=internet_plus&outcome=mixed",
    "compare?compare=ofo-bike-sharing,mobike-meituan",
    "case?case=haier-cosmoplat",
    "explore?region=china&outcome=ongoing",
    "case?case=quibi&lang=zh",
    "explore?outcome=failure&view=table&lang=zh",
    "explore?ids=quibi,juicero,uber-taxi",
]
CONTEXTS = 10

# Every change of the app's connection state, with the browser's clock: set once per page
# before the replica is killed, so the test sees the page lose its server and find another.
RECORD_STATES_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__atlasStates = [];
  window.__atlasNoReload = true;
  new MutationObserver(() => {
    window.__atlasStates.push(
      [app.getAttribute('data-test-connection-state'), Date.now()]);
  }).observe(app, {attributes: true, attributeFilter: ['data-test-connection-state']});
}"""

# Back: the page went through another state and is connected again.
RECONNECTED_JS = """() => {
  const s = window.__atlasStates || [];
  const lost = s.findIndex(([state]) => state !== 'CONNECTED');
  return lost >= 0 && s.slice(lost).some(([state]) => state === 'CONNECTED');
}"""

# When the page was connected again, by the browser's clock (ms since the epoch).
FIRST_BACK_JS = """() => {
  const s = window.__atlasStates;
  const lost = s.findIndex(([state]) => state !== 'CONNECTED');
  return s.slice(lost).find(([state]) => state === 'CONNECTED')[1];
}"""

# What the page shows: its first heading, and the selection sentence where there is one.
VIEW_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const heading = main.querySelector('h1, h2, h3');
  const sentence = document.querySelector('.st-key-selection-sentence');
  return [heading ? heading.innerText : null, sentence ? sentence.innerText : null];
}"""

# Streamlit's own words while it has no server, and its dialog if that lasts.
LOST_SERVER = re.compile(r"connection error|is streamlit still running|connecting", re.I)
# What Streamlit's frontend logs, as a console error, when a page asks for a rerun while it
# has no server (presenter mode reruns a fragment every second): the outage itself.
OUTAGE_CONSOLE_ERROR = re.compile(r"^Cannot send \w+ backMessage when disconnected from server")


def nginx_path() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


def render(conf: str, replica_ports: list[int], listen_port: int) -> str:
    """The shipped configuration, with the replicas and the listen address on the loopback."""
    servers, n = UPSTREAM_SERVER.subn(
        lambda m: "\n".join(
            f"{m['indent']}server 127.0.0.1:{port}{m['params']};" for port in replica_ports
        ),
        conf,
    )
    assert n == 1, "deploy/nginx.conf must have one `server app:8501 ...;` line in its upstream"
    rendered, n = LISTEN.subn(rf"\g<indent>listen 127.0.0.1:{listen_port};", servers)
    assert n == 1, "deploy/nginx.conf must have one `listen 80;` line"
    return rendered


class Nginx:
    """Debian's nginx as a plain process: its own prefix, temp folders and pid file."""

    def __init__(self, binary: str, replica_ports: list[int], folder: Path) -> None:
        folder.mkdir()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        site = render(NGINX_CONF.read_text(), replica_ports, self.port)
        (folder / "site.conf").write_text(site)
        temp = " ".join(
            f"{kind}_temp_path {folder / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        # Started by root (as in CI), nginx would run its workers as `nobody`, who cannot
        # reach the temp folders inside pytest's private tmp_path: keep them as this user.
        user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"{user}worker_processes 1;\n"
            "events { worker_connections 512; }\n"
            f"http {{ access_log off; {temp} include {folder / 'site.conf'}; }}\n"
        )
        cmd = [binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", "stderr"]
        check = subprocess.run([*cmd, "-t", "-q"], capture_output=True, text=True)
        assert check.returncode == 0, f"nginx -t:\n{check.stderr}\n{site}"
        self.log = folder / "nginx.log"
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                [*cmd, "-g", f"daemon off; pid {folder / 'nginx.pid'};"], stdout=out, stderr=out
            )

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def wait_for(predicate, timeout: float, what: str | Callable[[], str]) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what() if callable(what) else what}")
        time.sleep(0.1)


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def connections_to(port: int) -> int:
    """Established TCP connections into a local port (IPv4 loopback: the replicas')."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, _remote, state = line.split()[1:4]
        if state == "01" and int(local.rsplit(":", 1)[1], 16) == port:
            count += 1
    return count


@pytest.fixture(scope="module")
def nginx_binary(browser) -> str:
    path = nginx_path()
    if path is None:
        reason = "nginx is not installed: run `make browser` (Debian's nginx package)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the deploy test. {reason}")
        pytest.skip(reason)
    if not Path("/proc/net/tcp").exists():
        pytest.skip("needs Linux's /proc/net/tcp to see which replica holds the sessions")
    return path


@pytest.fixture
def replicas(nginx_binary, tmp_path) -> Iterator[list[Server]]:
    """Two replicas of the app, started side by side."""
    with ThreadPoolExecutor(2) as pool:
        starting = [pool.submit(Server, None, tmp_path / f"replica{i}.log") for i in range(2)]
    started = [f.result() for f in starting if f.exception() is None]
    try:
        assert len(started) == 2, [str(f.exception()) for f in starting]
        yield started
    finally:
        for replica in started:
            replica.stop()  # the killed one too: nothing is left to stop


@pytest.fixture
def proxy(nginx_binary, replicas, tmp_path) -> Iterator[Nginx]:
    nginx = Nginx(nginx_binary, [r.port for r in replicas], tmp_path / "nginx")
    try:
        wait_for(lambda: healthy(nginx.url), 30, lambda: f"nginx:\n{nginx.log.read_text()}")
        yield nginx
    finally:
        nginx.stop()


@pytest.fixture
def sessions(browser, proxy) -> Iterator[list[tuple[Page, PageWatch]]]:
    """Twenty pages through nginx, each on its view, loaded and clean."""
    contexts = [
        browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(CONTEXTS)
    ]
    try:
        opened = []
        for i, context in enumerate(contexts):
            for view in VIEWS[i::CONTEXTS]:  # all at once: the replica serves them side by side
                page = context.new_page()
                opened.append((page, watch(page)))
                page.goto(f"{proxy.url}/{view}", wait_until="commit")
        for page, seen in opened:
            wait_ready(page, timeout_ms=120_000)
            assert exceptions_on(page) == [], page.url
            assert seen.unexpected_console_errors() == [], page.url
        yield opened
    finally:
        for context in contexts:
            context.close()


def test_sessions_survive_losing_their_replica(replicas, sessions):
    before = []
    for page, _seen in sessions:
        page.evaluate(RECORD_STATES_JS)
        before.append((page.url, page.evaluate(VIEW_JS)))

    # One client address: ip_hash has put every page's websocket on the same replica.
    wait_for(
        lambda: max(connections_to(r.port) for r in replicas) >= len(sessions),
        10,
        lambda: f"every websocket on one replica: {[connections_to(r.port) for r in replicas]}",
    )
    victim, survivor = sorted(replicas, key=lambda r: connections_to(r.port), reverse=True)
    assert connections_to(survivor.port) == 0

    killed_at = time.time()
    victim.proc.kill()  # a crash: no goodbye to the browsers
    victim.proc.wait(timeout=10)

    drawn_at = []
    for (page, seen), (url, view) in zip(sessions, before, strict=True):
        page.wait_for_function(RECONNECTED_JS, timeout=60_000, polling=100)
        wait_ready(page, timeout_ms=60_000)
        drawn_at.append(time.time())
        assert page.evaluate("() => window.__atlasNoReload === true"), f"reloaded: {url}"
        assert page.url == url
        assert page.evaluate(VIEW_JS) == view, url
        assert exceptions_on(page) == [], url
        assert page.get_by_role("dialog").filter(has_text=LOST_SERVER).count() == 0, url
        state = page.locator('[data-testid="stApp"]').get_attribute("data-test-connection-state")
        assert state == "CONNECTED", url
        assert seen.page_errors == [], url
        assert seen.external == [], url
        errors = seen.unexpected_console_errors()
        assert [e for e in errors if not OUTAGE_CONSOLE_ERROR.match(e)] == [], url
    assert connections_to(survivor.port) >= len(sessions)

    back = sorted(page.evaluate(FIRST_BACK_JS) / 1000 - killed_at for page, _ in sessions)
    print(
        f"\nfailover of {len(sessions)} sessions: each websocket back "
        f"{back[0]:.2f}-{back[-1]:.2f} s after the kill (median {back[len(back) // 2]:.2f} s); "
        f"every view drawn again within {max(drawn_at) - killed_at:.2f} s"
    )
