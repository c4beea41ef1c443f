"""The one place the app loads the case library, cached and refreshed on file changes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from atlas.loader import TOURS_SUBDIR, Library, cases_dir, gc_paused, load_library
from atlas.table import cases_table


def folder_stamp(folder: Path) -> str:
    """A digest of the name, size and modification time of every file the loader would read.

    A short string, not the list itself: Streamlit hashes a cached function's arguments on
    every call, in Python, which took 0.3 s a run for 10,000 files.
    """
    stamp = []
    for sub in (folder, folder / TOURS_SUBDIR):
        try:
            entries = list(os.scandir(sub))
        except OSError:
            continue
        for e in entries:
            if e.name.endswith(".yaml") and e.is_file():
                st = e.stat()
                stamp.append(f"{e.path}\0{st.st_size}\0{st.st_mtime_ns}")
    stamp.sort()
    return hashlib.sha256("\n".join(stamp).encode("utf-8", "surrogateescape")).hexdigest()


# cache_resource, not cache_data: the library is immutable (frozen models, tuples), so
# every session can share one object; cache_data would unpickle a copy on every rerun.
@st.cache_resource(max_entries=4, show_spinner="Loading the case library…")
def _load(folder: str, stamp: str) -> tuple[Library, pd.DataFrame]:
    lib = load_library(folder)
    with gc_paused():
        return lib, cases_table(lib.cases)


def library_stamp() -> str:
    """What the loaded library is made of, as a short string: a key for derived caches."""
    return _stamp_once_per_run(cases_dir())


def current_library() -> tuple[Library, pd.DataFrame]:
    """The library and its table; reloaded when any case file is added, changed or removed."""
    folder = cases_dir()
    return _load(str(folder), _stamp_once_per_run(folder))


def _stamp_once_per_run(folder: Path) -> str:
    """The folder's stamp, worked out once per script run rather than at every call.

    A run asks for the library three times (the frame twice, the page once), and stating
    10,000 files takes 20-50 ms. Every run still stats them all, so a changed file is seen
    at the next run as before. The memo sits on the run's own context object: Streamlit
    gives each run a new `cursors` dict, so its identity tells one run from the next.
    """
    ctx = get_script_run_ctx(suppress_warning=True)  # None outside a script run
    run = getattr(ctx, "cursors", None)
    memo = getattr(ctx, "_atlas_folder_stamp", None)
    if run is not None and memo is not None and memo[0] is run and memo[1] == folder:
        return memo[2]
    stamp = folder_stamp(folder)
    if run is not None:
        ctx._atlas_folder_stamp = (run, folder, stamp)
    return stamp
