"""A problem found in a case file, formatted as `path:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"  # the file could not be loaded
    WARNING = "warning"  # the case loaded, but something in it needs fixing


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.field}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def as_dict(self) -> dict[str, str | int]:
        return {
            "file": self.path,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity.value,
        }


def field_name(loc: tuple[str | int, ...]) -> str:
    """('metrics', 2, 'source') -> 'metrics[2].source'; () -> '(file)'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"
