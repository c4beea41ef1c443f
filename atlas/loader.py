"""Load a folder of case files into a Library; never let one bad file stop the others.

Each file is read and validated on its own; every problem becomes a `Problem` with a
file, a line and a field. Then checks across files run: duplicate ids, ids that do
not match their file name, and references to cases that do not exist.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ValidationError

from atlas.problems import Problem, Severity, field_name
from atlas.schema import Case, Tour, case_rule_violations
from atlas.validation_messages import describe_error
from atlas.yaml_source import MarkedDocument, YamlFileError, read_yaml

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
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_model(path: Path, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Read and validate one file; return the model (or None) and its problems."""
    shown = display_path(path)
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        return None, [Problem(shown, exc.line, exc.field, exc.message, exc.hint)]
    except OSError as exc:
        return None, [Problem(shown, 1, "(file)", f"cannot read: {exc.strerror or exc}")]
    try:
        item = model.model_validate(doc.data)
    except ValidationError as exc:
        return None, [_problem(shown, doc, err) for err in exc.errors()]
    problems = []
    if isinstance(item, Case):
        problems = [
            Problem(shown, doc.line_of(loc), field_name(loc), msg, hint, Severity.WARNING)
            for loc, msg, hint in case_rule_violations(item)
        ]
    expected = path.name.removesuffix(".yaml")
    if item.id != expected:
        problems.append(
            Problem(
                shown,
                doc.line_of(("id",)),
                "id",
                f"{item.id!r} differs from the file name {path.name!r}",
                f"rename the file to {item.id}.yaml or set id: {expected}",
                Severity.WARNING,
            )
        )
    return item, problems


def _problem(shown: str, doc: MarkedDocument, err: dict) -> Problem:
    loc = tuple(err["loc"])
    message, hint = describe_error(err)
    return Problem(shown, doc.line_of(loc), field_name(loc), message, hint)


def load_library(folder: str | Path | None = None) -> Library:
    """Load every *.yaml case in `folder` and every tour in its tours/ subfolder."""
    root = cases_dir(folder)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(root), 1, "(folder)", "folder not found", f"set {ENV_VAR}"))
        return Library(str(root), (), (), tuple(problems), 0)
    case_files = sorted(root.glob("*.yaml"))
    tour_files = sorted((root / TOURS_SUBDIR).glob("*.yaml"))
    cases = _load_unique(case_files, Case, problems)
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


def _load_unique(files: list[Path], model: type[BaseModel], problems: list[Problem]) -> list:
    """Load files in name order, as (item, path); a later file reusing an id is not loaded."""
    loaded, first_file = [], {}
    for path in files:
        item, found = load_model(path, model)
        problems += found
        if item is None:
            continue
        if item.id in first_file:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    "id",
                    f"duplicate id {item.id!r}: already used by {first_file[item.id]}",
                    "give each case its own id, equal to its file name",
                )
            )
            continue
        first_file[item.id] = display_path(path)
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
