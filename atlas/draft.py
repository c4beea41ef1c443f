"""A case drafted in a form: the form's fields, derived from the case schema.

The "Draft a case" page draws one widget per `FormField`; nothing here knows Streamlit.
The fields come from `atlas.schema.Case` itself: a vocabulary becomes a choice (its
definitions are the help), a list of vocabulary values a multiple choice, a list of
models (connections, timeline, figures, sources) a table with one column per field, a
nested model (years, outcome) its own fields. Required fields come first. A field added
to the schema appears in the form without a change here; `atlas.draft_yaml` writes the
draft as a case file and checks it as `atlas validate` does.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from atlas.schema import Case
from atlas.schema_fields import Text, Year
from atlas.vocabulary import Term

Path = tuple[str, ...]


class Kind(str, Enum):
    LINE = "line"  # one line of text
    TEXT = "text"  # several lines (Markdown)
    YEAR = "year"
    NUMBER = "number"
    CHOICE = "choice"  # one vocabulary value
    CHOICES = "choices"  # several vocabulary values
    LINES = "lines"  # a list of one-line texts, one per line
    SOURCE_ID = "source_id"  # the id of one of the draft's own sources
    SOURCE_IDS = "source_ids"  # ids of the draft's own sources
    CASE_IDS = "case_ids"  # ids of cases in the library
    TABLE = "table"  # a list of records: one row each


@dataclass(frozen=True)
class FormField:
    path: Path  # where the value lives in the case file, e.g. ("outcome", "status")
    kind: Kind
    required: bool
    help: str = ""
    vocabulary: type[Term] | None = None
    columns: tuple[FormField, ...] = ()  # a table's columns (their paths are one key)

    @property
    def key(self) -> str:
        """The field as `atlas validate` names it: 'outcome.status'."""
        return ".".join(self.path)


# Lists of ids that point elsewhere: the draft's own sources, or the library's cases.
ID_LISTS = {("outcome", "sources"): Kind.SOURCE_IDS, ("related",): Kind.CASE_IDS}
# Left out of the form: the fact check is recorded by the reviewer, and of the Chinese
# text the form offers what a contributor writes first (the rest is kept from a file).
LEFT_OUT = {("fact_check",)}
ONLY = {("zh",): ("title", "summary", "narrative", "lessons")}


def form_fields(model: type[BaseModel] = Case) -> tuple[FormField, ...]:
    """The form for a case: required fields first, each nested model's fields together."""
    fields = _fields(model, ())
    return tuple(sorted(fields, key=lambda f: not _top_required(model, f.path[0])))


def all_paths(fields: tuple[FormField, ...]) -> set[Path]:
    """Every path the form edits (tables count as one)."""
    return {f.path for f in fields}


def _top_required(model: type[BaseModel], name: str) -> bool:
    return next(f for n, f in _named(model) if n == name).is_required()


def _named(model: type[BaseModel]):
    """(name as written in the file, FieldInfo) in the model's order."""
    return [(info.alias or name, info) for name, info in model.model_fields.items()]


def _fields(model: type[BaseModel], prefix: Path, inherited: bool = True) -> list[FormField]:
    hints = typing.get_type_hints(model, include_extras=True)
    only = ONLY.get(prefix)
    out: list[FormField] = []
    for (name, info), attr in zip(_named(model), model.model_fields, strict=True):
        path = (*prefix, name)
        if path in LEFT_OUT or (only is not None and name not in only):
            continue
        required = inherited and info.is_required()
        hint = _optional_inner(hints[attr])
        inner = _model_of(hint)
        if inner is not None:  # a nested model: its own fields, under its name
            out += _fields(inner, path, required)
            continue
        out.append(_field(path, hint, required, info.description or ""))
    return out


def _field(path: Path, hint: Any, required: bool, help_text: str) -> FormField:
    if path in ID_LISTS:
        return FormField(path, ID_LISTS[path], required, help_text)
    item = _list_item(hint)
    if item is not None:
        item_model = _model_of(item)
        if item_model is not None:
            columns = tuple(
                FormField((name,), Kind.SOURCE_ID, info.is_required(), info.description or "")
                if name == "source"
                else _field((name,), _optional_inner(h), info.is_required(), info.description or "")
                for (name, info), h in zip(
                    _named(item_model),
                    typing.get_type_hints(item_model, include_extras=True).values(),
                    strict=True,
                )
            )
            return FormField(path, Kind.TABLE, required, help_text, columns=columns)
        vocabulary = _term(item)
        if vocabulary is not None:
            return FormField(path, Kind.CHOICES, required, help_text, vocabulary)
        return FormField(path, Kind.LINES, required, help_text)
    vocabulary = _term(hint)
    if vocabulary is not None:
        return FormField(path, Kind.CHOICE, required, help_text, vocabulary)
    if hint == Year:
        return FormField(path, Kind.YEAR, required, help_text)
    if hint is float or hint is int:
        return FormField(path, Kind.NUMBER, required, help_text)
    return FormField(path, Kind.TEXT if hint == Text else Kind.LINE, required, help_text)


def _optional_inner(hint: Any) -> Any:
    """`X | None` -> X."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return hint


def _list_item(hint: Any) -> Any:
    base = typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint
    return typing.get_args(base)[0] if typing.get_origin(base) is list else None


def _model_of(hint: Any) -> type[BaseModel] | None:
    return hint if isinstance(hint, type) and issubclass(hint, BaseModel) else None


def _term(hint: Any) -> type[Term] | None:
    return hint if isinstance(hint, type) and issubclass(hint, Term) else None


def get(data: dict, path: Path) -> Any:
    """The value at `path` in a nested draft, or None."""
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def put(data: dict, path: Path, value: Any) -> None:
    """Set the value at `path`, making the mappings on the way."""
    for part in path[:-1]:
        if not isinstance(data.get(part), dict):
            data[part] = {}
        data = data[part]
    data[path[-1]] = value
