"""Load a folder of case files into a Library; never let one bad file stop the others.

Each file is read and validated on its own; every problem becomes a `Problem` with a
file, a line and a field. Then checks across files run: duplicate ids, ids that do
not match their file name, and references to cases that do not exist.

Parsing YAML costs about 2 ms a file, so a library of 10,000 cases would take 20 s to
start. A snapshot of the validated cases, keyed on each file's size, times and inode,
lets a later start skip every unchanged file (atlas/snapshot.py).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ValidationError

from atlas.case_store import CaseList
from atlas.parallel_load import parse_ahead
from atlas.problems import Problem, ProblemKind, Severity, field_name
from atlas.schema import Case, Tour
from atlas.schema_rules import case_rule_violations, tour_rule_violations
from atlas.snapshot import Snapshot
from atlas.validation_messages import explain_error
from atlas.yaml_source import MarkedDocument, YamlFileError, parse_yaml, read_yaml
from atlas.yaml_source_bytes import read_bytes

ENV_VAR = "ATLAS_CASES_DIR"
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
    cases: Sequence[Case]  # a CaseList when loaded: each case built when asked for
    tours: tuple[Tour, ...]
    problems: tuple[Problem, ...]
    files_read: int

    @property
    def failed_files(self) -> list[str]:
        """Files that could not be loaded at all (their cases are missing)."""
        return sorted({p.path for p in self.problems if p.severity is Severity.ERROR})

    @cached_property
    def by_id(self) -> Mapping[str, Case]:
        """The cases by id (looked up, not built, until one is asked for)."""
        if isinstance(self.cases, CaseList):
            return self.cases.by_id
        return {c.id: c for c in self.cases}

    def case(self, case_id: str) -> Case | None:
        return self.by_id.get(case_id)

    def cases_in(self, ids) -> Sequence[Case]:
        """The cases with these ids, in that order (e.g. a filtered table's id column);
        each built when asked for."""
        if isinstance(self.cases, CaseList):
            return self.cases.select(ids)
        return [self.by_id[i] for i in ids if i in self.by_id]

    def tour(self, tour_id: str) -> Tour | None:
        return next((t for t in self.tours if t.id == tour_id), None)

    def summary(self) -> str:
        n, k, t = len(self.cases), len(self.problems), len(self.tours)
        tours = f", {t} tour{'s' * (t != 1)}" if t else ""
        return f"{n} case{'s' * (n != 1)}{tours}, {k} problem{'s' * (k != 1)}"


def display_path(path: Path) -> str:
    """A path as a person typed it: relative to the working folder when inside it."""
    try:  # resolve the folder, not the file: a file may be a link that loops
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def shown_folder(folder: str | Path) -> str:
    """The case folder as a web page names it: relative to the working folder when inside
    it, else only its own name (the server's absolute path tells a reader nothing and
    shows the server's layout)."""
    folder = Path(folder)
    shown = display_path(folder)
    return folder.name if Path(shown).is_absolute() else shown


def shown_file(path: str | Path, folder: str | Path) -> str:
    """A file as a web page names it: under the folder's shown name when inside the case
    folder, else by its own name."""
    path = Path(path)
    try:
        inside = path.resolve().relative_to(Path(folder).resolve())
    except (ValueError, OSError, RuntimeError):
        return path.name if path.is_absolute() else str(path)
    return str(Path(shown_folder(folder)) / inside)


def load_model(path: Path, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Read and validate one file; return the model (or None) and its problems."""
    try:
        raw = read_bytes(path)
    except YamlFileError as exc:
        return None, [exc.problem(display_path(path))]
    except OSError as exc:
        message = f"cannot read: {exc.strerror or exc}"
        return None, [
            Problem(display_path(path), 1, "(file)", message, kind=ProblemKind.UNREADABLE)
        ]
    # A file's path is resolved only for its problems: a clean file needs none (and the
    # resolving took 6% of loading 10,000 clean files).
    item, problems = check_text(raw, path.name, model, path.name.removesuffix(".yaml"))
    if problems:
        shown = display_path(path)
        problems = [replace(p, path=shown) for p in problems]
    return item, problems


def check_text(
    raw: bytes, shown: str, model: type[BaseModel], expected_id: str | None = None
) -> tuple[BaseModel | None, list[Problem]]:
    """Validate a file's bytes as `atlas validate` does: the model (or None) and every
    problem, named `shown:line: field`. `expected_id` is the file name without .yaml."""
    try:
        doc = parse_yaml(raw)
    except YamlFileError as exc:
        return None, [exc.problem(shown)]
    try:
        item = model.model_validate(doc.data)
    except ValidationError as exc:
        return None, [_problem(shown, doc, err) for err in exc.errors()]
    rules = case_rule_violations(item) if isinstance(item, Case) else tour_rule_violations(item)
    problems = [
        Problem(
            shown,
            doc.line_of(loc),
            field_name(loc),
            msg,
            hint,
            Severity.WARNING,
            ProblemKind.RULE,
        )
        for loc, msg, hint in rules
    ]
    if expected_id is not None and item.id != expected_id:
        problems.append(
            Problem(
                shown,
                doc.line_of(("id",)),
                "id",
                f"{item.id!r} differs from the file name {expected_id + '.yaml'!r}",
                f"rename the file to {item.id}.yaml or set id: {expected_id}",
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


Defer = Callable[[Callable[[], None]], None]  # takes a job to run later


def load_library(folder: str | Path | None = None, *, defer_save: Defer | None = None) -> Library:
    """Load every *.yaml case in `folder` and every tour in its tours/ subfolder.

    The snapshot of the cases is written before this returns; or, given `defer_save`, the
    writing is handed to it to run later (the app runs it once its page can draw: at 10,000
    cases, a first visit would wait 0.9 s for it)."""
    with gc_paused():
        return _load_library(cases_dir(folder), defer_save)


def _load_library(root: Path, defer_save: Defer | None = None) -> Library:
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
        return Library(str(root), CaseList(), (), tuple(problems), 0)
    case_files = sorted(root.glob("*.yaml"), key=_path_order)
    tour_files = sorted((root / TOURS_SUBDIR).glob("*.yaml"), key=_path_order)
    snapshot = Snapshot(root, load_model)
    snapshot.parse = parse_ahead(snapshot.stale(case_files), Case, load_model)
    cases = _load_unique(case_files, Case, problems, snapshot)
    (defer_save or _now)(snapshot.save)
    tours = _load_unique(tour_files, Tour, problems)
    known = {c.id for c, _ in cases}
    for case, path in cases:
        problems += _unknown_refs(path, ("related",), case.related, known)
    for tour, path in tours:
        refs = [s.case for s in tour.stops]
        problems += _unknown_refs(path, ("stops",), refs, known, subfield="case")
    return Library(
        folder=str(root),
        cases=CaseList(c for c, _ in cases),
        tours=tuple(t for t, _ in tours),
        problems=tuple(sorted(problems)),
        files_read=len(case_files) + len(tour_files),
    )


def _now(job: Callable[[], None]) -> None:
    job()


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
