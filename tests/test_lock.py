"""The lock file pins what pyproject.toml asks for: a stale lock fails the test run.

`make test` already stops at `uv sync --locked` when the two disagree; this test says so
in the suite too, offline, and names the requirement that differs.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _declared(pyproject: dict) -> set[tuple[str, str, str]]:
    """(name, specifier, marker) of every dependency and extra in pyproject.toml."""
    project = pyproject["project"]
    found = set()
    for text in project["dependencies"]:
        req = Requirement(text)
        found.add((canonicalize_name(req.name), str(req.specifier), _marker(str(req.marker or ""))))
    for extra, texts in project.get("optional-dependencies", {}).items():
        for text in texts:
            req = Requirement(text)
            marker = f"extra == '{extra}'" + (f" and ({req.marker})" if req.marker else "")
            found.add((canonicalize_name(req.name), str(req.specifier), _marker(marker)))
    return found


def _marker(text: str) -> str:
    return str(Marker(text)) if text else ""


def _locked(lock: dict, project_name: str) -> tuple[set[tuple[str, str, str]], dict]:
    entry = next(p for p in lock["package"] if p["name"] == project_name)
    found = {
        (
            canonicalize_name(r["name"]),
            str(SpecifierSet(r.get("specifier", ""))),
            _marker(r.get("marker", "")),
        )
        for r in entry["metadata"]["requires-dist"]
    }
    return found, entry


def stale_lock_differences(pyproject: dict, lock: dict) -> list[str]:
    """What the lock does not agree with, in words; empty when the lock is current."""
    name = canonicalize_name(pyproject["project"]["name"])
    declared = _declared(pyproject)
    locked, _entry = _locked(lock, name)
    out = [f"not locked: {d}" for d in sorted(declared - locked)]
    out += [f"locked but no longer declared: {d}" for d in sorted(locked - declared)]
    if lock.get("requires-python") != pyproject["project"]["requires-python"]:
        out.append("requires-python differs")
    return out


def _read() -> tuple[dict, dict]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    return pyproject, lock


def test_the_lock_matches_pyproject():
    pyproject, lock = _read()
    assert stale_lock_differences(pyproject, lock) == [], "run `make lock`"


@pytest.mark.parametrize(
    "edit",
    [
        lambda p: p["project"]["dependencies"].append("rich>=13"),
        lambda p: p["project"]["dependencies"].__setitem__(0, "streamlit>=1.99,<2"),
        lambda p: p["project"]["optional-dependencies"]["test"].pop(),
        lambda p: p["project"].__setitem__("requires-python", ">=3.12"),
    ],
    ids=["added", "range-changed", "extra-removed", "python-changed"],
)
def test_a_changed_pyproject_makes_the_lock_stale(edit):
    pyproject, lock = _read()
    edit(pyproject)
    assert stale_lock_differences(pyproject, lock)


def test_every_locked_package_has_a_pinned_version_and_hashes():
    _pyproject, lock = _read()
    for package in lock["package"]:
        if package["source"].get("editable"):
            continue  # the project itself
        assert package.get("version"), package["name"]
        files = [package.get("sdist", {}), *package.get("wheels", [])]
        hashes = [f["hash"] for f in files if f.get("hash")]
        assert hashes and all(h.startswith("sha256:") for h in hashes), package["name"]


def test_the_lock_covers_linux_on_the_supported_pythons():
    _pyproject, lock = _read()
    supported = " ".join(lock.get("supported-markers", []))
    assert "sys_platform == 'linux'" in supported
    assert lock["requires-python"] == ">=3.11"
