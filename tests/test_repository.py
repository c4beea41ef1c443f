"""The repository's own text: no merge left half done.

A merge once left its conflict markers in README.md's module table, and nothing failed.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", ".tools", ".git", "mutants", "node_modules", "__pycache__"}
TEXT = {".py", ".md", ".yaml", ".yml", ".toml", ".po", ".pot", ".cfg", ".conf", ".txt", ".json"}
MARKER = re.compile(r"^(<{7}|>{7})( |$)|^={7}$", re.M)


def text_files() -> list[Path]:
    found = []
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        if any(p in SKIPPED or p.startswith(".atlas") for p in parts):
            continue
        if path.suffix in TEXT and path.is_file():
            found.append(path)
    return found


def test_no_file_holds_a_merge_conflict_marker():
    files = text_files()
    assert ROOT / "README.md" in files and len(files) > 100
    marked = [
        str(path.relative_to(ROOT))
        for path in files
        if MARKER.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert marked == []


def test_the_marker_pattern_finds_each_kind_of_marker():
    for text in ("<<<<<<< HEAD\n", "x\n=======\ny", ">>>>>>> branch\n", ">>>>>>>\n"):
        assert MARKER.search(text), text
    for text in ("<<<<<<<< eight\n", "======== eight\n", "a <<<<<<< b\n", "=======x\n"):
        assert not MARKER.search(text), text
