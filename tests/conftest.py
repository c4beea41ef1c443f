"""Shared fixtures: fixture folders, an AppTest factory, and a live server for browser tests."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

from devtools.browser import CHROMIUM_ARGS, Server, chromium_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "good"
BROKEN = FIXTURES / "broken"
APP = str(ROOT / "app.py")
APPTEST_TIMEOUT = 30  # a cold first run imports pandas and altair: seconds, not ms

# Every hypothesis test, whatever its own @settings leave out: no per-example deadline
# (hypothesis' default fails a test when one example takes over 200 ms, which a busy 2-core
# machine makes happen at random) and no health check that fails a run for being slow.
# A property still fails on a bad example.
settings.register_profile(
    "atlas", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("atlas")


YAML_LOADERS = {"libyaml": "CSafeLoader", "python": "SafeLoader"}


def use_yaml_loader(name: str) -> None:
    """Read YAML with libyaml's C loader or PyYAML's pure-Python one (where libyaml is
    missing, the app uses the latter): the problems found must not depend on which."""
    from atlas import yaml_source

    base = getattr(yaml, YAML_LOADERS[name])
    yaml_source._BaseLoader = base
    yaml_source._Loader = yaml_source.loader_class(base)


@pytest.fixture(params=sorted(YAML_LOADERS))
def yaml_loader(request, monkeypatch) -> str:
    """Each test that takes it runs with each YAML loader."""
    from atlas import yaml_source

    monkeypatch.setattr(yaml_source, "_BaseLoader", yaml_source._BaseLoader)
    monkeypatch.setattr(yaml_source, "_Loader", yaml_source._Loader)
    use_yaml_loader(request.param)
    return request.param


@pytest.fixture(scope="session", autouse=True)
def snapshots_of_this_run(tmp_path_factory) -> Iterator[Path]:
    """The loader's snapshots (atlas/snapshot.py) go to a folder of this run's own.

    Not beside tests/fixtures/: the tests write nothing into the source tree, and no run
    takes cases from a snapshot an earlier run left. Mutation testing needs the latter: its
    copy of the code holds every mutant at once, so the code fingerprint never changes, and
    a snapshot left by one mutant's run would hide the next mutant from every loading test.
    """
    from atlas.snapshot import CACHE_ENV_VAR

    folder = tmp_path_factory.mktemp("atlas-cache")
    before = os.environ.get(CACHE_ENV_VAR)
    os.environ[CACHE_ENV_VAR] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(CACHE_ENV_VAR, None)
    else:
        os.environ[CACHE_ENV_VAR] = before


@pytest.fixture
def good_case_data() -> dict:
    """A valid case as plain data, to break one field at a time."""
    return yaml.safe_load((GOOD / "bakery-o2o-delivery.yaml").read_text())


@pytest.fixture
def write_cases(tmp_path: Path) -> Callable[..., Path]:
    """Write a case folder: dicts become YAML files named by their id; text is written as is."""

    def write(*items: dict | tuple[str, str | bytes], folder: Path | None = None) -> Path:
        folder = folder or tmp_path / "cases"
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            if isinstance(item, dict):
                (folder / f"{item['id']}.yaml").write_text(yaml.safe_dump(item, sort_keys=False))
            else:
                name, content = item
                target = folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, bytes):
                    target.write_bytes(content)
                else:
                    target.write_text(content)
        return folder

    return write


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Two good cases beside a few broken files."""
    folder = tmp_path / "mixed"
    shutil.copytree(GOOD, folder)
    for name in ("unknown-outcome", "empty", "alias-bomb", "invalid-utf8"):
        shutil.copy(BROKEN / f"{name}.yaml", folder)
    return folder


@pytest.fixture
def app_test(monkeypatch: pytest.MonkeyPatch):
    """AppTest of the whole app (the frame and its default page), on a chosen case folder."""
    from streamlit.testing.v1 import AppTest

    def make(cases_dir: Path | None = None, **query: str | list[str]) -> AppTest:
        if cases_dir is not None:
            monkeypatch.setenv("ATLAS_CASES_DIR", str(cases_dir))
        at = AppTest.from_file(APP, default_timeout=APPTEST_TIMEOUT)
        for key, value in query.items():
            at.query_params[key] = value
        return at

    return make


# --- real browser -------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; skipped where it cannot be had, never in CI."""
    path = chromium_path()
    if path is None:
        reason = "Chromium is not installed: run `make browser` (Debian's chromium package)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests. {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A browser window of 1280x1000 that accepts downloads, closed after the test."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def curated():
    """The curated library in cases/ and its table (a test module may name its own
    `library`; the browser tests read this one)."""
    from atlas.loader import load_library
    from atlas.table import cases_table

    lib = load_library(ROOT / "cases")
    return lib, cases_table(lib.cases)


@pytest.fixture(scope="session")
def server(browser, tmp_path_factory) -> Iterator[Server]:
    srv = Server(None, tmp_path_factory.mktemp("server") / "streamlit.log", APP)
    yield srv
    srv.stop()


BIG_LIBRARY_SIZE = 61  # Explore: 6 pages of 12 cards (the last holds one), 2 of 50 rows


@pytest.fixture(scope="session")
def big_library(tmp_path_factory) -> Path:
    """`atlas synth`'s library of 61 cases: every vocabulary value used, years spread. Titles
    lead with what the case does, so title order is not the files' (the ids') order."""
    from atlas.synth import write_library

    folder = tmp_path_factory.mktemp("big") / "cases"
    for path in write_library(folder, BIG_LIBRARY_SIZE, seed=7):
        text = path.read_text()
        retitled = re.sub(
            r'^title: "Synthetic: Synthetic Org (\d+) (.*)"$',
            r'title: "Synthetic: \2, org \1"',
            text,
            count=1,
            flags=re.M,
        )
        assert retitled != text
        path.write_text(retitled)
    return folder


def variant(base: dict, id: str, **changes) -> dict:
    """A copy of a case with another id and some fields changed."""
    data = yaml.safe_load(yaml.safe_dump(base)) | {"id": id, "title": f"Case {id}"} | changes
    data["outcome"] = data["outcome"] | {"status": changes.get("status", "mixed")}
    data.pop("status", None)
    return data


@pytest.fixture
def small_library(good_case_data, write_cases) -> Path:
    """Four cases spread over industries, outcomes and connection types."""
    base = good_case_data
    return write_cases(
        base,
        variant(
            base,
            "finance-fail",
            industry="finance",
            status="failure",
            connection_types=["user_service"],
            summary="A P2P lending platform collapsed.",
        ),
        variant(
            base,
            "finance-win",
            industry="finance",
            status="success",
            connection_types=["user_service", "user_merchant"],
            mode="internet_plus",
        ),
        variant(
            base,
            "taxi-fail",
            industry="transportation",
            status="failure",
            connection_types=["user_driver"],
            mode="internet_plus",
            years={"start": 2012, "end": 2016},
        ),
    )


def refusal(raw: bytes, whole: bool = False):
    """What parse_yaml says of bytes it refuses: (line, message, hint, field, kind), or the
    error itself with `whole`."""
    from atlas.yaml_source import YamlFileError, parse_yaml

    with pytest.raises(YamlFileError) as caught:
        parse_yaml(raw)
    e = caught.value
    return e if whole else (e.line, e.message, e.hint, e.field, e.kind)
