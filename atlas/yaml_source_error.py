"""The error a YAML file is refused with: our kind, the line to blame and our own message."""

from __future__ import annotations

from typing import Any

from atlas.problems import Problem, ProblemKind, Severity


class YamlFileError(Exception):
    """A file that cannot be read as one YAML mapping; carries its kind and the line to blame."""

    def __init__(
        self, line: int, message: str, hint: str = "", field: str = "(file)", *, kind: ProblemKind
    ) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint
        self.field = field
        self.kind = kind

    def problem(self, path: str) -> Problem:
        """This error as the problem of the file shown as `path`."""
        return Problem(
            path, self.line, self.field, self.message, self.hint, Severity.ERROR, self.kind
        )


def snippet(value: Any, limit: int = 40) -> str:
    """A value as a message quotes it: in quotes, cut to `limit` characters."""
    text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
