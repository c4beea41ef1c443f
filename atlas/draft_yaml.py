"""A drafted case as a case file, and back: write it, check it, restore it.

`to_yaml` writes what `atlas new` would have given, filled in: the schema line, the
template's comments beside their fields, the fields in the schema's order; fields the form
does not show (a fact check, Chinese connection labels) are kept as they came. `check`
validates that very text with the loader's own code, so the draft gets the messages
`atlas validate` prints, with the line numbers of the file it downloads. `from_yaml`
reads a downloaded draft back, with every value it holds.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from atlas.loader import check_text
from atlas.problems import Problem
from atlas.schema import Case
from atlas.schema_fields import SLUG_PATTERN
from atlas.yaml_source import YamlFileError, parse_yaml

TEMPLATE = Path(__file__).with_name("case_template.yaml")
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/case.schema.json"
NO_ID = "draft"  # the file name while the draft has no usable id
_TOP_COMMENT = re.compile(r"^([a-z_]+):[^#\n]*#\s*(.+)$")


def template_comments(template: Path = TEMPLATE) -> dict[str, str]:
    """The template's comment beside each top-level field: {'id': 'equal to the file ...'}."""
    found = (_TOP_COMMENT.match(line) for line in template.read_text("utf-8").splitlines())
    return {m[1]: m[2].strip() for m in found if m}


def header(template: Path = TEMPLATE) -> list[str]:
    """The template's opening comments, the schema line first; the TODO line is dropped."""
    lines = []
    for line in template.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return [SCHEMA_LINE, *(line for line in lines[1:] if "TODO" not in line)]


def clean(value: Any) -> Any:
    """The draft as a case file holds it: blank text, empty rows and empty lists left
    out, whole numbers written without '.0'; text kept as typed. None when nothing is left."""
    if isinstance(value, dict):
        kept = {k: clean(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v is not None} or None
    if isinstance(value, list):
        kept = [clean(v) for v in value]
        return [v for v in kept if v is not None] or None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float):
        if value != value:  # NaN: an empty number cell
            return None
        return int(value) if value.is_integer() else value
    return value


def file_name(data: dict) -> str:
    """The name the case file needs: its id and '.yaml' (or 'draft.yaml' while it has none)."""
    case_id = (data or {}).get("id")
    ok = isinstance(case_id, str) and re.fullmatch(SLUG_PATTERN, case_id.strip())
    return f"{case_id.strip() if ok else NO_ID}.yaml"


def to_yaml(data: dict) -> str:
    """The draft as a case file, ready for cases/."""
    tidy = clean(data) or {}
    order = [info.alias or name for name, info in Case.model_fields.items()]
    keys = [k for k in order if k in tidy] + [k for k in tidy if k not in order]
    comments = template_comments()
    out = header()
    for key in keys:
        block = yaml.safe_dump(
            {key: tidy[key]}, sort_keys=False, allow_unicode=True, width=88, indent=2
        ).rstrip("\n")
        note = comments.get(key)
        first, _, rest = block.partition("\n")
        if note and not rest and len(first) + len(note) < 96:
            block = f"{first}  # {note}"
        elif note:
            block = f"# {key}: {note}\n{block}"
        out.append(block)
    return "\n".join(out) + "\n"


def check(data: dict, text: str | None = None) -> tuple[Case | None, list[Problem]]:
    """Validate the draft as `atlas validate` would its file in cases/; `text` is the draft
    as `to_yaml` wrote it, when the caller has it already."""
    name = file_name(data)
    expected = None if name == f"{NO_ID}.yaml" else name.removesuffix(".yaml")
    raw = (to_yaml(data) if text is None else text).encode("utf-8")
    item, problems = check_text(raw, f"cases/{name}", Case, expected)
    return item, sorted(problems, key=lambda p: (p.line, p.field))


def from_yaml(raw: bytes, shown: str = "draft.yaml") -> tuple[dict | None, list[Problem]]:
    """A downloaded draft read back: (its data, []) or (None, why it cannot be read).

    Every value is kept, whether the form shows it or not; dates become text, as the
    form writes them."""
    try:
        doc = parse_yaml(raw)
    except YamlFileError as exc:
        return None, [exc.problem(shown)]
    return _as_text_dates(doc.data), []


def _as_text_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _as_text_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text_dates(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def kept_outside_form(data: dict, edited: set[tuple[str, ...]]) -> list[str]:
    """Fields of a restored draft the form does not show (they are written back as they
    came), e.g. ['fact_check', 'zh.connections']."""
    out: list[str] = []

    def walk(value: Any, path: tuple[str, ...]) -> None:
        if path in edited:
            return
        below = [p for p in edited if p[: len(path)] == path and len(p) > len(path)]
        if isinstance(value, dict) and below:
            for k, v in value.items():
                walk(v, (*path, k))
        elif path:
            out.append(".".join(path))

    walk(data or {}, ())
    return out
