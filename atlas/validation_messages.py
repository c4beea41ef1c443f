"""Turn pydantic's validation errors into messages a case author can act on."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from difflib import get_close_matches
from functools import cache
from typing import Any

from pydantic import BaseModel

from atlas import schema

MAX_QUOTE = 60  # characters of a value quoted in a message: enough to recognise it


def describe_error(err: dict[str, Any]) -> tuple[str, str]:
    """(message, hint) for one entry of `ValidationError.errors()`."""
    kind, value = err["type"], err.get("input")
    loc = tuple(err["loc"])
    if kind == "extra_forbidden":
        close = get_close_matches(str(loc[-1]), all_field_names(), n=1)
        hint = f"did you mean {close[0]!r}?" if close else "remove it, or check its indentation"
        return f"unknown field {quote(loc[-1])}{_foreign(loc[-1])}", hint
    if kind == "missing":
        return "required field is missing", f"add `{loc[-1]}:` here"
    if kind == "enum":
        allowed = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
        close = get_close_matches(str(value)[:MAX_QUOTE], allowed, n=1, cutoff=0.5)
        hint = (f"did you mean {close[0]!r}? " if close else "") + f"allowed: {', '.join(allowed)}"
        return f"{quote(value)} is not an allowed value{_foreign(value)}", hint
    if kind == "string_type":
        return _not_text(value)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {quote(value)}", "write a year like 2015"
    if kind == "string_pattern_mismatch" and (loc[-1] in ("id", "source") or _is_slug_list(loc)):
        hint = "use lower-case words joined by hyphens: 'didi-uber'"
        return f"{quote(value)} is not a valid id{_foreign(value)}", hint
    if kind == "string_pattern_mismatch" and "\n" in str(value):
        return "must be a single line", "write it on one line, or use '>-' to fold lines"
    if kind == "string_too_long":
        limit = err.get("ctx", {}).get("max_length")
        return f"too long: {len(value):,} characters, the limit is {limit:,}", "shorten it"
    if kind == "list_type":
        return (
            f"expected a list, found {_kind_of(value)}",
            "write it as [one, two] or as '- ' lines",
        )
    if kind in ("dict_type", "model_type"):
        return f"expected fields (`name: value` lines), found {_kind_of(value)}", (
            "indent its fields under it, or write them as {name: value}"
        )
    return err["msg"].removeprefix("Value error, "), ""


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


def _not_text(value: Any) -> tuple[str, str]:
    if value is None:
        return "the value is empty", "write the text after the ':', or remove the line"
    if _is_yaml_scalar(value):
        return f"expected text, but YAML read {quote(value)} as {_yaml_kind(value)}", (
            "quote this value"
        )
    return f"expected text, found {_kind_of(value)}", "write the text on one line after the ':'"


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
