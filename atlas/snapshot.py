"""The snapshot: validated cases of unchanged files, so a later start skips parsing them.

Parsing and validating costs about 2.5 ms a case file. The snapshot keeps the cases of
files that loaded cleanly, keyed on each file's size, times and inode, beside the case
folder (or in $ATLAS_CACHE_DIR); the loader takes a case from it only while its file is
unchanged. Each case is kept as its own bytes with its table row (atlas/case_store.py),
so a start from the snapshot builds neither the cases nor their rows.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import threading
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pydantic
import yaml
from pydantic import BaseModel

from atlas.case_store import SchemaUnpickler, StoredCase, store
from atlas.problems import Problem
from atlas.schema import Case

CACHE_ENV_VAR = "ATLAS_CACHE_DIR"
CACHE_SUBDIR = ".atlas-cache"  # beside the case folder, never inside it
_MAGIC = b"atlas-snapshot 3\n"  # 3: each case as its own bytes, with its table row
_RACY_NS = 2_000_000_000  # a file changed this recently could change again unseen
ATLAS = Path(__file__).resolve().parent
# The code that parses and validates a file: a change to any of it makes the snapshot stale.
_CODE = (
    "case_store.py",
    "citations.py",  # schema_rules.py checks the [s:id] markers with it; table.py too
    "facets.py",  # a stored case's table row holds its facet values
    "i18n.py",  # facets.py marks its labels with it
    "loader.py",
    "parallel_load.py",
    "schema.py",
    "schema_fields.py",
    "schema_rules.py",
    "table.py",  # the row kept with each case
    "yaml_source.py",
    "yaml_source_bytes.py",
    "yaml_source_error.py",
    "yaml_source_guards.py",
    "yaml_source_lines.py",
    "yaml_source_loader.py",
    "yaml_source_pyyaml_errors.py",
    "yaml_source_tree.py",
    "validation_messages.py",
    "problems.py",
)
_CODE_DIRS = ("vocabulary",)
Stamp = tuple[int, int, int, int]
Parse = Callable[[Path, type[BaseModel]], tuple[BaseModel | None, list[Problem]]]


def cache_dir(folder: Path) -> Path:
    """Where snapshots live: $ATLAS_CACHE_DIR, else .atlas-cache/ beside the case folder."""
    return Path(os.environ.get(CACHE_ENV_VAR) or folder.parent / CACHE_SUBDIR).expanduser()


@cache
def _code_fingerprint() -> str:
    """Changes whenever the code that parses and validates a file changes."""
    digest = hashlib.sha256(f"pydantic {pydantic.VERSION} pyyaml {yaml.__version__}".encode())
    files = [ATLAS / name for name in _CODE]
    files += sorted(p for d in _CODE_DIRS for p in (ATLAS / d).glob("*.py"))
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Snapshot:
    """The validated cases of files that loaded cleanly last time, per folder.

    A file is taken from the snapshot only while its size, modification and change times
    and inode are the ones recorded, so an edited, replaced or copied file is parsed
    again; files changed in the last two seconds are never recorded (a second edit could
    keep the same times). Only files without any problem are kept, so every problem is
    still found and reported with its line. The snapshot is trusted as __pycache__ is
    (whoever can write there can change the code too): it is written only by this code,
    beside the case folder or in $ATLAS_CACHE_DIR. A damaged or stale one (checksum, code
    version or folder differ), or one naming classes beyond the schema's, is ignored.
    """

    def __init__(self, folder: Path, parse: Parse) -> None:
        self.parse = parse  # reads and validates one file: the loader's load_model
        self.folder = str(folder.resolve())
        key = hashlib.sha256(self.folder.encode()).hexdigest()[:16]
        self.path = cache_dir(folder) / f"snapshot-{key}.pickle"
        self.old: dict[str, tuple[Stamp, StoredCase]] = self._read()
        self.new: dict[str, tuple[Stamp, StoredCase]] = {}
        self.reused = 0
        self.stamps: dict[str, Stamp | None] = {}  # taken by stale(), before any read

    def stale(self, paths: list[Path]) -> list[Path]:
        """The case files the snapshot cannot give, each stamped now, before anything
        reads it (so they can be read ahead, and load() then uses these stamps)."""
        out = []
        for path in paths:
            name = path.name  # (once: pathlib works it out again at every ask)
            stamp = self.stamps[name] = _stamp(path)
            entry = self.old.get(name)
            if stamp is None or entry is None or entry[0] != stamp:
                out.append(path)
        return out

    def load(
        self, path: Path, model: type[BaseModel]
    ) -> tuple[BaseModel | StoredCase | None, list[Problem]]:
        """Like `load_model`, from the snapshot when the file has not changed; a case
        comes as a StoredCase (its bytes and table row), from the snapshot or parsed."""
        if model is not Case:
            return self.parse(path, model)
        # before reading: a later change gets a later stamp
        name = path.name
        stamp = self.stamps.pop(name) if name in self.stamps else _stamp(path)
        entry = self.old.get(name)
        if stamp is not None and entry is not None and entry[0] == stamp:
            self.new[name] = entry
            self.reused += 1
            return entry[1], []
        parsed, found = self.parse(path, model)
        item = parsed if parsed is None or isinstance(parsed, StoredCase) else store(parsed)
        settled = stamp is not None and time.time_ns() - max(stamp[1], stamp[2]) > _RACY_NS
        if settled and item is not None and not found:
            self.new[name] = (stamp, item)
        return item, found

    def _read(self) -> dict:
        try:
            with self.path.open("rb") as file:  # read apart: no copy of 60 MB at 10,000 cases
                magic, digest, payload = file.read(len(_MAGIC)), file.read(32), file.read()
        except OSError:
            return {}
        if magic != _MAGIC or hashlib.sha256(payload).digest() != digest:
            return {}
        try:
            data = SchemaUnpickler(io.BytesIO(payload)).load()
        except Exception:  # any damage at all means: no snapshot
            return {}
        if not isinstance(data, dict):
            return {}
        if (data.get("code"), data.get("folder")) != (_code_fingerprint(), self.folder):
            return {}
        cases = data.get("cases")
        if not isinstance(cases, dict):
            return {}
        return {k: (v[0], StoredCase(*v[1:])) for k, v in cases.items() if _is_entry(v)}

    def save(self) -> None:
        """Write the snapshot when it is out of date enough; a read-only place is no error.

        Rewriting 10,000 cases takes longer than parsing a few files: while fewer than
        one in 20 entries would change, the few changed files are simply parsed each time.
        """
        drift = (len(self.new) - self.reused) + (len(self.old) - self.reused)
        if drift * 20 <= max(len(self.new), len(self.old)):
            return
        cases = {k: (t, s.id, s.related, s.blob, s.row) for k, (t, s) in self.new.items()}
        data = {"code": _code_fingerprint(), "folder": self.folder, "cases": cases}
        payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        writer = f"{os.getpid()}-{threading.get_ident()}"  # two writers never share a file
        temporary = self.path.with_name(f"{self.path.name}.{writer}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, self.path)
        except OSError:  # e.g. a read-only place, or $ATLAS_CACHE_DIR naming a file
            with contextlib.suppress(OSError):  # not only a missing file: a missing folder
                temporary.unlink()


def _is_entry(value: object) -> bool:
    """(stamp, id, related ids, bytes, table row), as save() writes it. Only the shape is
    checked: a stamp must equal a file's to be used, and the bytes are checked when a case
    is built from them (atlas/case_store.py)."""
    return (
        type(value) is tuple
        and len(value) == 5
        and type(value[0]) is tuple
        and type(value[1]) is str
        and type(value[2]) is tuple
        and type(value[3]) is bytes
        and type(value[4]) is tuple
    )


def _stamp(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
