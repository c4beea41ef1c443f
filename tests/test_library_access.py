"""The app's cached library: shared, and refreshed when case files change."""

import time

import yaml

from atlas.synth import write_library
from tests.conftest import GOOD, variant
from tests.test_app import open_page
from ui.library_access import STAMP_TTL_S, folder_stamp


def test_the_stamp_changes_when_a_file_is_added_edited_or_removed(small_library):
    first = folder_stamp(small_library)
    assert folder_stamp(small_library) == first, "the same files give the same stamp"
    extra = small_library / "extra.yaml"
    extra.write_text("id: extra\n")
    added = folder_stamp(small_library)
    extra.write_text("id: extra\ntitle: Edited\n")
    edited = folder_stamp(small_library)
    extra.unlink()
    assert len({first, added, edited}) == 3
    assert folder_stamp(small_library) == first


def test_files_that_are_not_cases_do_not_count(small_library):
    first = folder_stamp(small_library)
    (small_library / "notes.txt").write_text("not a case")
    assert folder_stamp(small_library) == first


def test_a_case_added_while_the_app_runs_shows_at_a_later_rerun(
    app_test, small_library, good_case_data
):
    at = open_page(app_test, small_library, "app_pages/explore.py", view="table")
    before = set(at.dataframe[0].value["Case"])
    added = variant(good_case_data, "added-later", title="Added while the app ran")
    (small_library / "added-later.yaml").write_text(yaml.safe_dump(added))
    time.sleep(STAMP_TTL_S + 0.5)  # the folder is looked at again once its stamp expires
    at.run()
    after = set(at.dataframe[0].value["Case"])
    assert after - before == {"Added while the app ran"}


def test_an_edited_case_shows_once_its_stamp_expires(app_test, tmp_path):
    folder = tmp_path / "cases"
    write_library(folder, 5, seed=9)
    at = open_page(app_test, folder, "app_pages/explore.py", view="table")
    target = folder / "synthetic-00004.yaml"
    old_title = next(line for line in target.read_text().splitlines() if line.startswith("title"))
    assert any("Synthetic Org 0004" in t for t in at.dataframe[0].value["Case"])
    target.write_text(target.read_text().replace(old_title, 'title: "Synthetic: Edited"'))
    time.sleep(STAMP_TTL_S + 0.5)
    at.run()
    titles = list(at.dataframe[0].value["Case"])
    assert "Synthetic: Edited" in titles
    assert not any("Synthetic Org 0004" in t for t in titles)


def test_a_session_cannot_change_the_shared_table_or_index(tmp_path, monkeypatch):
    """Every session reads the one loaded library: what a session does to its table stays
    in its own copy, and the shared facet index cannot be written at all."""
    import shutil

    from ui.library_access import current_library

    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    monkeypatch.setenv("ATLAS_CASES_DIR", str(folder))
    _lib, table, index = current_library()
    first = table["title"].iloc[0]
    table.loc[table.index[0], "title"] = "changed by one session"
    _lib, again, index_again = current_library()
    assert again["title"].iloc[0] == first
    assert index_again is index  # shared, not rebuilt
    rows, codes, _positions = index.codes["connection_types"]
    assert not rows.flags.writeable and not codes.flags.writeable


def test_giving_back_free_memory_is_harmless_where_it_is_not_available(monkeypatch):
    from ui import library_access

    library_access.release_free_memory()  # glibc here: trims
    monkeypatch.setattr(library_access, "_malloc_trim", lambda: None)
    library_access.release_free_memory()  # another C library: Arrow's pool only


def test_a_loaded_library_is_set_aside_from_the_collector(tmp_path, monkeypatch):
    """Streamlit's collection after every run does not walk the library's objects."""
    import gc
    import shutil

    from ui.library_access import current_library

    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    monkeypatch.setenv("ATLAS_CASES_DIR", str(folder))
    lib, _table, _index = current_library()
    walked = {id(o) for o in gc.get_objects()}
    assert lib.cases.take_rows() is None  # its items: the stored cases without their rows
    stored = lib.cases._items
    assert id(stored) not in walked and id(stored[0]) not in walked
    assert id(lib) not in walked and id(lib.cases._position) not in walked


def test_arrow_allocates_from_malloc_once_a_library_is_loaded(tmp_path, monkeypatch):
    """Arrow's own pool kept what building the table freed; malloc's is trimmed."""
    import shutil

    import pyarrow

    from ui.library_access import current_library

    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    monkeypatch.setenv("ATLAS_CASES_DIR", str(folder))
    current_library()
    assert pyarrow.default_memory_pool().backend_name == "system"


def test_a_cycle_set_aside_by_one_load_is_collected_at_the_next(tmp_path, monkeypatch):
    import gc
    import shutil
    import weakref

    from ui.library_access import current_library

    class Knot:
        pass

    knot = Knot()
    knot.itself = knot  # garbage only the collector can free
    gone = weakref.ref(knot)
    gc.freeze()  # as a load sets aside what it made, a cycle too
    del knot
    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    monkeypatch.setenv("ATLAS_CASES_DIR", str(folder))
    current_library()
    assert gone() is None


def test_the_app_writes_the_snapshot_after_loading_in_a_thread_of_its_own(tmp_path, monkeypatch):
    """A first visit does not wait for the snapshot; the next start still has it."""
    import shutil
    import threading

    from atlas import snapshot
    from ui.library_access import SAVER_THREAD, current_library

    folder = tmp_path / "cases"
    shutil.copytree(GOOD, folder)
    monkeypatch.setattr(snapshot, "_RACY_NS", -(10**12))  # the copies count as settled
    monkeypatch.setenv("ATLAS_CASES_DIR", str(folder))
    monkeypatch.setenv(snapshot.CACHE_ENV_VAR, str(tmp_path / "cache"))
    started: list[threading.Thread] = []

    class Recorded(threading.Thread):
        def start(self):
            started.append(self)
            super().start()

    monkeypatch.setattr("ui.library_access.threading.Thread", Recorded)
    current_library()
    assert [t.name for t in started] == [SAVER_THREAD]
    started[0].join()
    assert list((tmp_path / "cache").glob("snapshot-*"))
