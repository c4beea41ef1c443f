"""Load a folder of case files into a Library; never let one bad file stop the others.

Each file is read and validated on its own; every problem becomes a `Problem` with a
file, a line and a field. Then checks across files run: duplicate ids, ids that do
not match their file name, and references to cases that do not exist.

Parsing YAML costs about 2 ms a file, so a library of 10,000 cases would take 20 s to
start. A snapshot of the validated cases, keyed on each file's size, times and inode,
lets a later start skip every unchanged file (see `Snapshot`).
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import pydantic
import yaml
from pydantic import BaseModel, ValidationError

from atlas import schema, vocabulary
from atlas.problems import Problem, ProblemKind, Severity, field_name
from atlas.schema import Case, Tour, case_rule_violations, tour_rule_violations
from atlas.validation_messages import explain_error
from atlas.vocabulary import Term
from atlas.yaml_source import MarkedDocument, YamlFileError, read_yaml

ENV_VAR = "ATLAS_CASES_DIR"
CACHE_ENV_VAR = "ATLAS_CACHE_DIR"
CACHE_SUBDIR = ".atlas-cache"  # beside the case folder, never inside it
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "cases"
TOURS_SUBDIR = "tours"


def cases_dir(explicit: str | Path | None = None) -> Path:
    """The folder to load: an explicit one, else $ATLAS_CASES_DIR, else the project's cases/."""
    chosen = explicit or os.environ.get(ENV_VAR) or DEFAULT_DIR
    return Path(chosen).expanduser()


@dataclass(frozen=True)
class Library:
    """Everything loaded from one folder: valid cases and tours, and every problem found."""

    folder: str
    cases: tuple[Case, ...]
    tours: tuple[Tour, ...]
    problems: tuple[Problem, ...]
    files_read: int

    @property
    def failed_files(self) -> list[str]:
        """Files that could not be loaded at all (their cases are missing)."""
        return sorted({p.path for p in self.problems if p.severity is Severity.ERROR})

    @cached_property
    def _by_id(self) -> dict[str, Case]:
        return {c.id: c for c in self.cases}

    def case(self, case_id: str) -> Case | None:
        return self._by_id.get(case_id)

    def cases_in(self, ids) -> list[Case]:
        """The cases with these ids, in that order (e.g. a filtered table's id column)."""
        return [self._by_id[i] for i in ids if i in self._by_id]

    def tour(self, tour_id: str) -> Tour | None:
        return next((t for t in self.tours if t.id == tour_id), None)

    def summary(self) -> str:
        n, k = len(self.cases), len(self.problems)
        tours = f", {len(self.tours)} tours" if self.tours else ""
        return f"{n} case{'s' * (n != 1)}{tours}, {k} problem{'s' * (k != 1)}"


def display_path(path: Path) -> str:
    """A path as a person typed it: relative to the working folder when inside it."""
    try:  # resolve the folder, not the file: a file may be a link that loops
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def load_model(path: Path, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Read and validate one file; return the model (or None) and its problems."""
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        return None, [exc.problem(display_path(path))]
    except OSError as exc:
        message = f"cannot read: {exc.strerror or exc}"
        return None, [
            Problem(display_path(path), 1, "(file)", message, kind=ProblemKind.UNREADABLE)
        ]
    try:
        item = model.model_validate(doc.data)
    except ValidationError as exc:
        return None, [_problem(display_path(path), doc, err) for err in exc.errors()]
    rules = case_rule_violations(item) if isinstance(item, Case) else tour_rule_violations(item)
    problems = [
        Problem(
            display_path(path),
            doc.line_of(loc),
            field_name(loc),
            msg,
            hint,
            Severity.WARNING,
            ProblemKind.RULE,
        )
        for loc, msg, hint in rules
    ]
    expected = path.name.removesuffix(".yaml")
    if item.id != expected:
        problems.append(
            Problem(
                display_path(path),
                doc.line_of(("id",)),
                "id",
                f"{item.id!r} differs from the file name {path.name!r}",
                f"rename the file to {item.id}.yaml or set id: {expected}",
                Severity.WARNING,
                ProblemKind.ID_MISMATCH,
            )
        )
    return item, problems


def _problem(shown: str, doc: MarkedDocument, err: dict) -> Problem:
    loc = tuple(err["loc"])
    kind, message, hint = explain_error(err)
    return Problem(shown, doc.line_of(loc), field_name(loc), message, hint, kind=kind)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a library is built: it makes millions of objects
    that all live on, and each collection would walk them all again (half the load time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_library(folder: str | Path | None = None) -> Library:
    """Load every *.yaml case in `folder` and every tour in its tours/ subfolder."""
    with gc_paused():
        return _load_library(cases_dir(folder))


def _load_library(root: Path) -> Library:
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(
            Problem(
                str(root),
                1,
                "(folder)",
                "folder not found",
                f"set {ENV_VAR}",
                kind=ProblemKind.FOLDER_MISSING,
            )
        )
        return Library(str(root), (), (), tuple(problems), 0)
    case_files = sorted(root.glob("*.yaml"), key=_path_order)
    tour_files = sorted((root / TOURS_SUBDIR).glob("*.yaml"), key=_path_order)
    snapshot = Snapshot(root)
    cases = _load_unique(case_files, Case, problems, snapshot)
    snapshot.save()
    tours = _load_unique(tour_files, Tour, problems)
    known = {c.id for c, _ in cases}
    for case, path in cases:
        problems += _unknown_refs(path, ("related",), case.related, known)
    for tour, path in tours:
        refs = [s.case for s in tour.stops]
        problems += _unknown_refs(path, ("stops",), refs, known, subfield="case")
    return Library(
        folder=str(root),
        cases=tuple(c for c, _ in cases),
        tours=tuple(t for t, _ in tours),
        problems=tuple(sorted(problems)),
        files_read=len(case_files) + len(tour_files),
    )


def _path_order(path: Path) -> str:
    # The order Path objects sort in within one folder, without their slow comparisons.
    return os.path.normcase(path.name)


def _load_unique(
    files: list[Path],
    model: type[BaseModel],
    problems: list[Problem],
    snapshot: Snapshot | None = None,
) -> list:
    """Load files in name order, as (item, path); a later file reusing an id is not loaded."""
    loaded, first_file = [], {}
    for path in files:
        item, found = snapshot.load(path, model) if snapshot else load_model(path, model)
        if item is not None and item.id in first_file:
            # One problem for a duplicate: its "differs from the file name" warning is implied.
            mismatch = [p for p in found if p.kind is ProblemKind.ID_MISMATCH]
            id_line = mismatch[0].line if mismatch else 1
            problems += [p for p in found if p.kind is not ProblemKind.ID_MISMATCH]
            first = display_path(first_file[item.id])
            problems.append(
                Problem(
                    display_path(path),
                    id_line,
                    "id",
                    f"duplicate id {item.id!r}: already used by {first}",
                    "give each case its own id, equal to its file name",
                    kind=ProblemKind.DUPLICATE_ID,
                )
            )
            continue
        problems += found
        if item is None:
            continue
        first_file[item.id] = path  # shown only if a duplicate needs it: display_path is slow
        loaded.append((item, path))
    return loaded


def _unknown_refs(
    path: Path, base: tuple[str], refs: list[str], known: set[str], subfield: str = ""
) -> list[Problem]:
    """References to case ids that did not load, each placed on its line."""
    bad = [(i, ref) for i, ref in enumerate(refs) if ref not in known]
    doc = _lines_of(path) if bad else None  # lines are needed only to report
    found = []
    for i, ref in bad:
        loc = (*base, i, subfield) if subfield else (*base, i)
        found.append(
            Problem(
                display_path(path),
                doc.line_of(loc) if doc else 1,
                field_name(loc),
                f"no case has the id {ref!r}",
                _closest_hint(ref, known),
                Severity.WARNING,
                ProblemKind.UNKNOWN_REFERENCE,
            )
        )
    return found


def _lines_of(path: Path | None) -> MarkedDocument | None:
    if path is None:
        return None
    try:
        return read_yaml(path)
    except (YamlFileError, OSError):
        return None


def _closest_hint(ref: str, known: set[str]) -> str:
    from difflib import get_close_matches

    match = get_close_matches(ref, sorted(known), n=1)
    return f"did you mean {match[0]!r}?" if match else "check the spelling of the case id"


# --- the snapshot -----------------------------------------------------------------------

_MAGIC = b"atlas-snapshot 1\n"
_RACY_NS = 2_000_000_000  # a file changed this recently could change again unseen
_CODE = ("loader", "schema", "vocabulary", "yaml_source", "validation_messages", "problems")
Stamp = tuple[int, int, int, int]
_PICKLED_MODULES = {"atlas.schema": schema, "atlas.vocabulary": vocabulary}


def cache_dir(folder: Path) -> Path:
    """Where snapshots live: $ATLAS_CACHE_DIR, else .atlas-cache/ beside the case folder."""
    return Path(os.environ.get(CACHE_ENV_VAR) or folder.parent / CACHE_SUBDIR).expanduser()


@cache
def _code_fingerprint() -> str:
    """Changes whenever the code that parses and validates a file changes."""
    digest = hashlib.sha256(f"pydantic {pydantic.VERSION} pyyaml {yaml.__version__}".encode())
    for name in _CODE:
        digest.update((Path(__file__).parent / f"{name}.py").read_bytes())
    return digest.hexdigest()


class _SchemaUnpickler(pickle.Unpickler):
    """Builds only the schema's models and vocabularies: a foreign file cannot run code."""

    def find_class(self, module: str, name: str) -> type:
        cls = getattr(_PICKLED_MODULES.get(module), name, None)
        if isinstance(cls, type) and issubclass(cls, BaseModel | Term):
            return cls
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot")


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

    def __init__(self, folder: Path) -> None:
        self.folder = str(folder.resolve())
        key = hashlib.sha256(self.folder.encode()).hexdigest()[:16]
        self.path = cache_dir(folder) / f"snapshot-{key}.pickle"
        self.old: dict[str, tuple[Stamp, Case]] = self._read()
        self.new: dict[str, tuple[Stamp, Case]] = {}
        self.reused = 0

    def load(self, path: Path, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
        """Like `load_model`, from the snapshot when the file has not changed."""
        if model is not Case:
            return load_model(path, model)
        stamp = _stamp(path)  # before reading: a later change gets a later stamp
        entry = self.old.get(path.name)
        if stamp is not None and entry is not None and entry[0] == stamp:
            self.new[path.name] = entry
            self.reused += 1
            return entry[1], []
        item, found = load_model(path, model)
        settled = stamp is not None and time.time_ns() - max(stamp[1], stamp[2]) > _RACY_NS
        if settled and item is not None and not found:
            self.new[path.name] = (stamp, item)
        return item, found

    def _read(self) -> dict:
        try:
            raw = self.path.read_bytes()
        except OSError:
            return {}
        digest, payload = raw[len(_MAGIC) : len(_MAGIC) + 32], raw[len(_MAGIC) + 32 :]
        if not raw.startswith(_MAGIC) or hashlib.sha256(payload).digest() != digest:
            return {}
        try:
            data = _SchemaUnpickler(io.BytesIO(payload)).load()
        except Exception:  # any damage at all means: no snapshot
            return {}
        if not isinstance(data, dict):
            return {}
        if (data.get("code"), data.get("folder")) != (_code_fingerprint(), self.folder):
            return {}
        cases = data.get("cases")
        if not isinstance(cases, dict):
            return {}
        return {k: v for k, v in cases.items() if _is_entry(v)}

    def save(self) -> None:
        """Write the snapshot when it is out of date enough; a read-only place is no error.

        Rewriting 10,000 cases takes longer than parsing a few files: while fewer than
        one in 20 entries would change, the few changed files are simply parsed each time.
        """
        drift = (len(self.new) - self.reused) + (len(self.old) - self.reused)
        if drift * 20 <= max(len(self.new), len(self.old)):
            return
        data = {"code": _code_fingerprint(), "folder": self.folder, "cases": self.new}
        payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        writer = f"{os.getpid()}-{threading.get_ident()}"  # two writers never share a file
        temporary = self.path.with_name(f"{self.path.name}.{writer}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, self.path)
        except OSError:
            temporary.unlink(missing_ok=True)


def _is_entry(value: object) -> bool:
    return type(value) is tuple and len(value) == 2 and isinstance(value[1], Case)


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
