"""Load: 20 browser sessions on one server filter and open cases at the same time.

One Chromium, one context per session (its own cookies and websocket: its own Streamlit
session). Every step is started in all sessions before any is awaited, so the server
runs the 20 reruns at once. Each session must then show its own selection, counted as
atlas.filters counts it on the same library, and open its own case; no page may show
an error, ask another host, or leave a traceback in the server's log.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest

from atlas.filters import Filters, apply, describe
from atlas.loader import load_library
from atlas.table import cases_table
from devtools.browser import Server, exceptions_on, wait_ready, watch
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SESSIONS = 20
STEP_TIMEOUT = 180_000  # ms for one step in every session: generous, the machine is shared
SENTENCE = ".st-key-selection-sentence"
NO_SKELETON = "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"


@dataclass
class Session:
    """What one visitor does, and what they must see."""

    industry: str
    word: str
    first_sentence: str
    second_sentence: str
    count: int
    first_title: str
    page: object = None
    seen: object = None


@pytest.fixture(scope="module")
def library_folder(tmp_path_factory):
    """A snapshot of the real library, so the expectations and the server agree."""
    folder = tmp_path_factory.mktemp("load") / "cases"
    shutil.copytree(ROOT / "cases", folder, ignore=shutil.ignore_patterns("tours"))
    return folder


def plan(folder) -> list[Session]:
    """A session per case: filter by its industry, then search a word of its title (one
    the search box reads as text, not as a filter)."""
    from atlas.ask import understand

    table = cases_table(load_library(folder).cases)
    sessions, used = [], set()
    for row in table.sort_values("id").itertuples():
        words = sorted(re.findall(r"[A-Za-z]{5,}", row.title), key=len, reverse=True)
        words = [w for w in words if not understand(w).params]
        if not words or (row.industry, words[0].casefold()) in used:
            continue
        word = words[0].casefold()
        used.add((row.industry, word))
        first = Filters({"industry": (row.industry,)})
        second = Filters({"industry": (row.industry,)}, text=word)
        picked = apply(table, second).sort_values("title", kind="stable")
        sessions.append(
            Session(
                row.industry,
                word,
                describe(first, len(apply(table, first))),
                describe(second, len(picked)),
                len(picked),
                picked["title"].iloc[0],
            )
        )
    assert len(sessions) >= SESSIONS, "the library is too small for distinct sessions"
    return sessions[:SESSIONS]


def sentence_is(page, expected: str) -> None:
    page.wait_for_function(
        "([sel, want]) => { const el = document.querySelector(sel);"
        " return !!el && el.innerText.trim() === want; }",
        arg=[SENTENCE, expected],
        timeout=STEP_TIMEOUT,
        polling=200,
    )


def settled(page) -> None:
    wait_ready(page, timeout_ms=STEP_TIMEOUT)
    page.wait_for_function(NO_SKELETON, timeout=STEP_TIMEOUT, polling=200)


def test_twenty_sessions_filter_and_open_cases_at_once(browser, library_folder, tmp_path):
    sessions = plan(library_folder)
    log = tmp_path / "streamlit.log"
    server = Server(library_folder, log)
    contexts = []
    try:
        for s in sessions:  # every session opens its shared link
            contexts.append(browser.new_context(viewport={"width": 1280, "height": 900}))
            s.page = contexts[-1].new_page()
            s.seen = watch(s.page)
            query = urlencode({"industry": s.industry})
            s.page.goto(f"{server.url}/explore?{query}", wait_until="commit")
        for s in sessions:
            sentence_is(s.page, s.first_sentence)
            settled(s.page)

        for s in sessions:  # every session searches at once
            search = s.page.get_by_role("textbox", name="Search")
            search.fill(s.word)
            search.press("Enter")
        for s in sessions:
            sentence_is(s.page, s.second_sentence)
            settled(s.page)

        for s in sessions:  # every session opens the first case of its selection
            s.page.get_by_role("link", name="Open case").first.click()
        for s in sessions:
            heading = s.page.get_by_role("heading", name=s.first_title, exact=True)
            heading.wait_for(timeout=STEP_TIMEOUT)
            # its place in its own selection, which the case page read from its own state
            where = s.page.get_by_text(f"Case 1 of {s.count} · {s.second_sentence}")
            where.first.wait_for(timeout=STEP_TIMEOUT)
            settled(s.page)

        for s in sessions:
            assert exceptions_on(s.page) == [], s.industry
            assert s.seen.page_errors == [], s.industry
            assert s.seen.unexpected_console_errors() == [], s.industry
            assert s.seen.external == [], "loopback only"
    finally:
        for context in contexts:
            context.close()
        server.stop()
    assert "Traceback" not in log.read_text()
