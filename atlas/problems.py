"""A problem found in a case file, formatted as `path:line: field: message`.

Every problem carries its `ProblemKind`: the class of problem, whichever layer found it
(the YAML reader, the schema or a check of our own). Tools and tests read the kind; the
message is for people and may be reworded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"  # the file could not be loaded
    WARNING = "warning"  # the case loaded, but something in it needs fixing


class ProblemKind(str, Enum):
    """Every class of problem a case or tour file can have."""

    # The file itself: it cannot be read as text.
    NOT_A_FILE = "not_a_file"  # a folder, pipe or device
    UNREADABLE = "unreadable"  # the system refused to read it (permissions, link loop)
    TOO_LARGE = "too_large"  # over MAX_FILE_BYTES
    BINARY = "binary"  # holds NUL bytes
    NOT_UTF8 = "not_utf8"  # not UTF-8 (or saved as UTF-16)
    BOM = "bom"  # a byte order mark inside the text breaks it (a leading one is fine)
    BAD_CHARACTER = "bad_character"  # a control character YAML refuses
    EMPTY = "empty"  # nothing but comments, blank lines or '---'
    # The text is not the YAML a case may be.
    SYNTAX = "syntax"  # YAML cannot read it
    TAB_INDENT = "tab_indent"  # indented with a tab
    MULTIPLE_DOCUMENTS = "multiple_documents"  # a second '---' document
    TOO_DEEP = "too_deep"  # nested deeper than MAX_DEPTH
    TOO_MANY_VALUES = "too_many_values"  # more than MAX_NODES values (an alias bomb, say)
    ALIAS_LOOP = "alias_loop"  # an alias inside its own anchor
    REFUSED_TAG = "refused_tag"  # an explicit tag (!!python/..., !!binary, !!set ...)
    BAD_MERGE = "bad_merge"  # '<<' followed by something that is not a mapping
    NUMBER_TOO_LONG = "number_too_long"  # a number of more than MAX_NUMBER_DIGITS
    DUPLICATE_KEY = "duplicate_key"  # a field given twice
    BAD_KEY = "bad_key"  # a key that is not a field name (a number, a list ...)
    BAD_VALUE = "bad_value"  # a value YAML cannot build (the date 2015-02-30)
    NOT_A_MAPPING = "not_a_mapping"  # the top level is a list or a single value
    # The data does not fit the schema.
    UNKNOWN_FIELD = "unknown_field"
    MISSING_FIELD = "missing_field"
    EMPTY_VALUE = "empty_value"  # a field written with no value, or only spaces
    NOT_ALLOWED_VALUE = "not_allowed_value"  # not one of a vocabulary's values
    WRONG_TYPE = "wrong_type"  # a list for text, text for a number ...
    INVALID_ID = "invalid_id"  # not lower-case words joined by hyphens
    NOT_ONE_LINE = "not_one_line"  # a line field that holds a line break
    TOO_SHORT = "too_short"  # text or a list shorter than allowed
    TOO_LONG = "too_long"  # text or a list longer than allowed
    BAD_DATE = "bad_date"  # not a real date or year, in the future, or too early
    BAD_URL = "bad_url"  # not an http(s) address
    INVALID_VALUE = "invalid_value"  # any other value the schema refuses
    RULE = "rule"  # a rule across fields (a metric citing a source the case lacks)
    EDITORIAL = "editorial"  # an editorial rule of `atlas validate --strict`
    # Across files.
    DUPLICATE_ID = "duplicate_id"
    ID_MISMATCH = "id_mismatch"  # the id differs from the file name
    UNKNOWN_REFERENCE = "unknown_reference"  # a related case or tour stop that does not exist
    FOLDER_MISSING = "folder_missing"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    kind: ProblemKind = ProblemKind.RULE

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.field}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def as_dict(self) -> dict[str, str | int]:
        return {
            "file": self.path,
            "line": self.line,
            "field": self.field,
            "kind": self.kind.value,
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
