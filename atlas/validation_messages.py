"""Turn pydantic's validation errors into problems a case author can act on.

Each error becomes one of our `ProblemKind`s with a message of our own: pydantic's
wording never reaches the author (nor a test), and neither does its error type's
name. An error type not mapped here still gets a kind (`invalid_value`) and a message
of ours; a test checks that every error the schema can raise is mapped.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
import unicodedata
from difflib import get_close_matches
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from atlas import schema, schema_fields
from atlas.problems import ProblemKind

MAX_QUOTE = 60  # characters of a value quoted in a message: enough to recognise it
_WRONG_TYPE = {
    "int_type",
    "int_parsing",
    "int_from_float",
    "float_type",
    "float_parsing",
    "finite_number",
    "bool_type",
    "bool_parsing",
    "list_type",
    "dict_type",
    "model_type",
    "model_attributes_type",
    "string_type",
}


class Explained(NamedTuple):
    kind: ProblemKind
    message: str
    hint: str


def explain_error(err: dict[str, Any]) -> Explained:
    """Our kind, message and hint for one entry of `ValidationError.errors()`."""
    kind, value = err["type"], err.get("input")
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        close = get_close_matches(str(loc[-1]), all_field_names(), n=1)
        hint = f"did you mean {close[0]!r}?" if close else "remove it, or check its indentation"
        return Explained(
            ProblemKind.UNKNOWN_FIELD, f"unknown field {quote(loc[-1])}{_foreign(loc[-1])}", hint
        )
    if kind == "missing":
        return Explained(
            ProblemKind.MISSING_FIELD, "required field is missing", f"add `{loc[-1]}:` here"
        )
    if kind in ("enum", "literal_error"):
        allowed = allowed_values(loc)
        close = get_close_matches(str(value)[:MAX_QUOTE], allowed, n=1, cutoff=0.5)
        hint = (f"did you mean {close[0]!r}? " if close else "") + f"allowed: {', '.join(allowed)}"
        message = f"{quote(value)} is not an allowed value{_foreign(value)}"
        return Explained(ProblemKind.NOT_ALLOWED_VALUE, message, hint)
    if kind == "value_error":  # one of our validators (atlas.schema_fields.FieldError)
        error = ctx.get("error")
        if isinstance(error, schema_fields.FieldError):
            return Explained(error.kind, str(error), "")
        return Explained(ProblemKind.INVALID_VALUE, f"{quote(value)} is not valid here", "")
    if kind == "string_type" and value is None:
        return _empty()
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        return _wrong_shape(kind, value)
    if kind in _WRONG_TYPE:  # numbers
        whole = kind.startswith("int")
        expected = "a whole number" if whole else "a number"
        hint = "write a year like 2015" if whole else "write the figure as a plain number, like 3.5"
        return Explained(ProblemKind.WRONG_TYPE, f"expected {expected}, found {quote(value)}", hint)
    if kind == "greater_than_equal":  # a year before the first one the library allows
        return Explained(ProblemKind.BAD_DATE, f"{quote(value)} is before {ctx.get('ge')}", "")
    if kind == "string_pattern_mismatch":
        return _pattern(ctx.get("pattern"), value)
    if kind == "string_too_short":
        if not str(value).strip():
            return _empty()
        least = ctx.get("min_length")
        message = f"too short: {len(value):,} characters, at least {least:,}"
        return Explained(ProblemKind.TOO_SHORT, message, "write it out in full")
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        message = f"too long: {len(value):,} characters, the limit is {limit:,}"
        return Explained(ProblemKind.TOO_LONG, message, "shorten it")
    if kind == "too_short":
        least, found = ctx.get("min_length"), ctx.get("actual_length")
        message = f"needs at least {least} {_entries(least)}, found {found}"
        return Explained(ProblemKind.TOO_SHORT, message, "add them as '- ' lines under it")
    if kind == "too_long":
        limit, found = ctx.get("max_length"), ctx.get("actual_length")
        message = f"too many entries: {found}, the limit is {limit}"
        return Explained(ProblemKind.TOO_LONG, message, "keep the ones that matter most")
    return Explained(ProblemKind.INVALID_VALUE, f"{quote(value)} is not valid here", "")


def _empty() -> Explained:
    return Explained(
        ProblemKind.EMPTY_VALUE,
        "the value is empty",
        "write the text after the ':', or remove the line",
    )


def _wrong_shape(kind: str, value: Any) -> Explained:
    if kind == "string_type":
        if _is_yaml_scalar(value):
            message = f"expected text, but YAML read {quote(value)} as {_yaml_kind(value)}"
            return Explained(ProblemKind.WRONG_TYPE, message, "quote this value")
        message = f"expected text, found {_kind_of(value)}"
        return Explained(
            ProblemKind.WRONG_TYPE, message, "write the text on one line after the ':'"
        )
    if kind == "list_type":
        message = f"expected a list, found {_kind_of(value)}"
        return Explained(ProblemKind.WRONG_TYPE, message, "write it as [one, two] or as '- ' lines")
    message = f"expected fields (`name: value` lines), found {_kind_of(value)}"
    hint = "indent its fields under it, or write them as {name: value}"
    return Explained(ProblemKind.WRONG_TYPE, message, hint)


def _pattern(pattern: str | None, value: Any) -> Explained:
    if pattern == schema_fields.SLUG_PATTERN:
        hint = "use lower-case words joined by hyphens: 'didi-uber'"
        return Explained(
            ProblemKind.INVALID_ID, f"{quote(value)} is not a valid id{_foreign(value)}", hint
        )
    if pattern == schema_fields.PARTIAL_DATE_PATTERN:
        hint = "write YYYY, YYYY-MM or YYYY-MM-DD"
        return Explained(ProblemKind.BAD_DATE, f"{quote(value)} is not a date", hint)
    if "\n" in str(value):
        hint = "write it on one line, or use '>-' to fold lines"
        return Explained(ProblemKind.NOT_ONE_LINE, "must be a single line", hint)
    if not str(value).strip():
        return _empty()
    return Explained(ProblemKind.INVALID_VALUE, f"{quote(value)} is not valid here", "")


def _entries(n: Any) -> str:
    return "entry" if n == 1 else "entries"


def describe_error(err: dict[str, Any]) -> tuple[str, str]:
    """(message, hint) for one entry of `ValidationError.errors()`."""
    _, message, hint = explain_error(err)
    return message, hint


def quote(value: Any) -> str:
    """A value as a message quotes it: repr, cut to a readable length."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > MAX_QUOTE:
        return repr(text[: MAX_QUOTE - 1] + "…") + f" ({len(text):,} characters)"
    return repr(value) if isinstance(value, (str, int, float)) else repr(text)


def _foreign(value: Any) -> str:
    """Name the first character that is not plain ASCII: 'а' (Cyrillic) looks like 'a'."""
    char = next((c for c in str(value)[:200] if not c.isascii()), None)
    if char is None:
        return ""
    name = unicodedata.name(char, "unnamed")
    return f" (it contains {char!r}, U+{ord(char):04X} {name})"


def _kind_of(value: Any) -> str:
    names = {list: "a list", dict: "a mapping", str: "text", bool: "true/false", set: "a set"}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _is_yaml_scalar(value: Any) -> bool:
    return isinstance(value, (bool, int, float, dt.date))


def _yaml_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return "a date" if isinstance(value, dt.date) else "a number"


@cache
def all_field_names() -> list[str]:
    """Every field name (by its YAML spelling) of every model of the schema."""
    names: set[str] = set()
    for obj in vars(schema).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
            names |= {f.alias or n for n, f in obj.model_fields.items()}
    return sorted(names)


@cache
def allowed_values(loc: tuple[str | int, ...]) -> list[str]:
    """The values the vocabulary at `loc` allows (a case's or a tour's field), or []."""
    for model in (schema.Case, schema.Tour):
        found = _enum_at(model, loc)
        if found is not None:
            return [m.value for m in found]
    return []


def _enum_at(annotation: Any, loc: tuple[str | int, ...]) -> type[enum.Enum] | None:
    """Follow `loc` through the models' annotations to the vocabulary it ends in."""
    for part in loc:
        annotation = _unwrap(annotation, isinstance(part, int))
        if isinstance(part, int):
            continue
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        fields = annotation.model_fields
        name = next((n for n, f in fields.items() if (f.alias or n) == part), None)
        if name is None:
            return None
        annotation = fields[name].annotation
    annotation = _unwrap(annotation, False)
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, enum.Enum) else None
    )


def _unwrap(annotation: Any, item: bool) -> Any:
    """`X | None` -> X; with `item`, `list[X]` -> X."""
    while typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if item and typing.get_origin(annotation) is list:
        annotation = typing.get_args(annotation)[0]
        annotation = _unwrap(annotation, False)
    return annotation
