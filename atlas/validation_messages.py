"""Turn pydantic's validation errors into messages a case author can act on."""

from __future__ import annotations

import datetime as dt
import re
from difflib import get_close_matches
from functools import cache
from typing import Any

from pydantic import BaseModel

from atlas import schema


def describe_error(err: dict[str, Any]) -> tuple[str, str]:
    """(message, hint) for one entry of `ValidationError.errors()`."""
    kind, value = err["type"], err.get("input")
    loc = tuple(err["loc"])
    if kind == "extra_forbidden":
        close = get_close_matches(str(loc[-1]), all_field_names(), n=1)
        hint = f"did you mean {close[0]!r}?" if close else "remove it, or check its indentation"
        return f"unknown field {loc[-1]!r}", hint
    if kind == "missing":
        return "required field is missing", f"add `{loc[-1]}:` here"
    if kind == "enum":
        allowed = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
        close = get_close_matches(str(value), allowed, n=1, cutoff=0.5)
        hint = (f"did you mean {close[0]!r}? " if close else "") + f"allowed: {', '.join(allowed)}"
        return f"{value!r} is not an allowed value", hint
    if kind == "string_type" and _is_yaml_scalar(value):
        return f"expected text, but YAML read {value!r} as {_yaml_kind(value)}", "quote this value"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {value!r}", "write a year like 2015"
    if kind == "string_pattern_mismatch" and (loc[-1] in ("id", "source") or _is_slug_list(loc)):
        return f"{value!r} is not a valid id", "use lower-case words joined by hyphens: 'didi-uber'"
    if kind == "string_pattern_mismatch" and "\n" in str(value):
        return "must be a single line", "write it on one line, or use '>-' to fold lines"
    message = err["msg"].removeprefix("Value error, ")
    if kind in ("list_type", "dict_type", "model_type"):
        message += f", found {type(value).__name__}"
    return message, ""


def _is_yaml_scalar(value: Any) -> bool:
    return isinstance(value, (bool, int, float, dt.date))


def _yaml_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return "a date" if isinstance(value, dt.date) else "a number"


def _is_slug_list(loc: tuple) -> bool:
    return len(loc) >= 2 and loc[-2] in ("related", "sources") and isinstance(loc[-1], int)


@cache
def all_field_names() -> list[str]:
    """Every field name (by its YAML spelling) of every model of the schema."""
    names: set[str] = set()
    for obj in vars(schema).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
            names |= {f.alias or n for n, f in obj.model_fields.items()}
    return sorted(names)
