"""The field types of the schema and the checks behind them: slugs, partial dates, years,
web addresses, one-line and long text.

A value one of these checks refuses raises `FieldError`, whose `kind` names the class of
problem, so the loader can report it in plain words (atlas/validation_messages.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from atlas.problems import ProblemKind

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
MIN_YEAR = 1800
MAX_TEXT_LENGTH = 20_000  # characters of a narrative or other long text

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        min_length=2,
        max_length=80,
        description="Lower-case words joined by hyphens, e.g. 'didi-kuaidi'.",
    ),
]


class FieldError(ValueError):
    """A value one of our validators refuses; `kind` names the class of problem."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _today() -> dt.date:
    return dt.date.today()


def _coerce_date(value: Any) -> Any:
    """YAML reads 2015-07-04 as a date and 2015 as an int: accept both as text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _check_partial_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    year, month, day = ([*parts, 1, 1])[:3]
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise FieldError(ProblemKind.BAD_DATE, f"{value!r} is not a real date") from None
    if year < MIN_YEAR:
        raise FieldError(ProblemKind.BAD_DATE, f"{value!r} is before {MIN_YEAR}")
    if date > _today():
        raise FieldError(ProblemKind.BAD_DATE, f"{value!r} is in the future")
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_coerce_date),
    Field(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_check_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
                {"type": "integer", "minimum": MIN_YEAR},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD; not in the future.",
        }
    ),
]


def _check_year(value: int) -> int:
    if value > _today().year:
        raise FieldError(ProblemKind.BAD_DATE, f"{value} is in the future")
    return value


Year = Annotated[int, Field(ge=MIN_YEAR, strict=True), AfterValidator(_check_year)]


_SPACE = re.compile(r"\s")  # any character str.isspace() calls a space, as Python's re does


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FieldError(ProblemKind.BAD_URL, "must be an http:// or https:// address")
    if _SPACE.search(value):
        raise FieldError(ProblemKind.BAD_URL, "must not contain spaces")
    return value


WebUrl = Annotated[
    str,
    Field(max_length=2000, json_schema_extra={"pattern": r"^https?://\S+$"}),
    AfterValidator(_check_url),
]
Line = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\n]*\S[^\n]*$")]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_LENGTH)]


def tidy_id(text: str) -> str:
    """A slug from free text, e.g. for `atlas new "Didi Kuaidi"`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
