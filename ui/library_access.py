"""The one place the app loads the case library, cached and refreshed on file changes."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import hashlib
import os
import threading
from functools import cache
from pathlib import Path

import pandas as pd
import streamlit as st

from atlas.filters import FacetIndex, index_table
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


SAVER_THREAD = "atlas-snapshot-save"


# cache_resource, not cache_data: the library is immutable (cases as bytes, tuples) and
# the index's arrays are read-only, so every session can share one object; cache_data
# would unpickle a copy on every rerun. The table is handed out as a shallow copy (below).
#
# Streamlit collects garbage after every run (its runner.postScriptGC), a full collection
# that walks every object in the process, the library's too, while the server cannot send
# the run's last messages: 0.07 s a click for the curated library, 0.7 s at 10,000 cases.
# A library lives until a newer one replaces it, so what loading made is set aside from the
# collector (gc.freeze) before the collector runs again: no walk at all, where letting it
# run first took 0.2 s at 10,000 cases and a collection before freezing 0.46 s more. An
# object set aside is still freed once nothing refers to it (a replaced library); only a
# cycle made while loading would wait, until the next load puts everything back first.
@st.cache_resource(max_entries=4, show_spinner="Loading the case library…")
def _load(folder: str, stamp: str) -> tuple[Library, pd.DataFrame, FacetIndex]:
    _system_allocator_for_arrow()
    if gc.get_freeze_count():  # what earlier loads set aside is collectable again
        gc.unfreeze()
        gc.collect()
    later: list = []  # writing the snapshot: after the table, while the page draws
    with gc_paused():
        lib = load_library(folder, defer_save=later.append)
        table = cases_table(lib.cases)
        index = index_table(table)
        gc.freeze()
    release_free_memory()
    for job in later:
        threading.Thread(target=_then_release, args=(job,), name=SAVER_THREAD).start()
    return lib, table, index


def _then_release(job) -> None:
    job()
    release_free_memory()  # what writing the snapshot held (its bytes, 33 MB at 10,000)


@cache
def _system_allocator_for_arrow() -> None:
    """Arrow's memory from the C library's malloc, not Arrow's own mimalloc pool, which kept
    what building the table freed: 7 MB less resident at 10,000 cases, trimmed below."""
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


@cache
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    """Give back to the system what loading freed but the allocators kept.

    Parsing and building the table leave freed memory that glibc's malloc and Arrow's
    pool hold on to: 31 MB and 23 MB at 10,000 cases, resident until the process ends."""
    import pyarrow  # pandas' strings are Arrow's: already imported with pandas

    pyarrow.default_memory_pool().release_unused()
    if (trim := _malloc_trim()) is not None:
        trim(0)


def library_stamp() -> str:
    """What the loaded library is made of, as a short string: a key for derived caches."""
    return _recent_stamp(str(cases_dir()))


def current_library() -> tuple[Library, pd.DataFrame, FacetIndex]:
    """The library, its table and the table's facet index; reloaded when a case file is
    added, changed or removed (seen within STAMP_TTL_S seconds).

    The table every session gets is a shallow copy of the shared one: with pandas'
    copy-on-write, a session that changed it would change only its own copy."""
    folder = str(cases_dir())
    lib, table, index = _load(folder, _recent_stamp(folder))
    return lib, table.copy(deep=False), index


# Stating every file costs 30-60 ms at 10,000 cases, and a run asks three times (the
# frame twice, the page once); with several people clicking, more. A saved edit showing
# within two seconds is as good as at once for a person switching to the browser.
STAMP_TTL_S = 2


@st.cache_data(ttl=STAMP_TTL_S, max_entries=8, show_spinner=False)
def _recent_stamp(folder: str) -> str:
    return folder_stamp(Path(folder))


def restamp() -> None:
    """Forget the folder's stamp, as when its STAMP_TTL_S are over: the next access states
    every file again (the benchmark measures that path)."""
    _recent_stamp.clear()
