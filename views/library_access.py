"""The one place the app loads the case library, cached and refreshed on file changes."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from atlas.loader import TOURS_SUBDIR, Library, cases_dir, load_library
from atlas.table import cases_table


def folder_stamp(folder: Path) -> tuple:
    """Name, size and modification time of every file the loader would read."""
    stamp = []
    for sub in (folder, folder / TOURS_SUBDIR):
        try:
            entries = list(os.scandir(sub))
        except OSError:
            continue
        stamp += [
            (e.path, e.stat().st_size, e.stat().st_mtime_ns)
            for e in entries
            if e.name.endswith(".yaml") and e.is_file()
        ]
    return tuple(sorted(stamp))


# cache_resource, not cache_data: the library is immutable (frozen models, tuples), so
# every session can share one object; cache_data would unpickle a copy on every rerun.
@st.cache_resource(max_entries=4, show_spinner="Loading the case library…")
def _load(folder: str, stamp: tuple) -> tuple[Library, pd.DataFrame]:
    lib = load_library(folder)
    return lib, cases_table(lib.cases)


def current_library() -> tuple[Library, pd.DataFrame]:
    """The library and its table; reloaded when any case file is added, changed or removed."""
    folder = cases_dir()
    return _load(str(folder), folder_stamp(folder))
