"""PyYAML's errors, as our kinds: the kind, the line and our own message for each.

Decided from where an error happened and what the text holds there, never from PyYAML's
wording, which changes between releases and between its C and pure-Python loaders (at
most a hint is lost when the wording changes, never the kind or the line).
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from atlas.problems import ProblemKind, field_name
from atlas.yaml_source_bytes import BOM, stray_bom
from atlas.yaml_source_error import YamlFileError, snippet
from atlas.yaml_source_guards import deep_line, too_deep
from atlas.yaml_source_loader import tag_name

RECHECK_CHARS = 64_000  # text the pure-Python parser measures after a YAML error
_KIND_OF_TAG = {"bool": "true/false", "timestamp": "a date", "int": "a number", "float": "a number"}


def yaml_error(
    text: str, exc: yaml.YAMLError, measured: bool = True, *, base: type
) -> YamlFileError:
    """Any error of PyYAML's scanner, parser, composer or constructor, as one of our kinds.

    `measured`: the nesting of the events before the error was measured (the text could
    nest deeper than SAFE_COMPOSE_DEPTH, so the guard read its events first). `base`: the
    loader class that read the text, to find where an unclosed quote began.
    """
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    detail = " ".join(str(p) for p in (exc.context, exc.problem) if p) if mark else str(exc)
    line = mark.line + 1 if mark else 1
    index = mark.index if mark else len(text)
    # A library's own nesting limit (libyaml stops at 1,000 open brackets) or any error
    # past text that already nests too deep: our limit, our message, the line it is passed.
    deep = _deep_line_before(text, index) if measured else None
    if deep is not None:
        return too_deep(deep)
    if _says_too_deep(detail):  # a limit below ours in some future PyYAML
        return too_deep(line)
    end = text.find("\n", index)
    bom = text.rfind(BOM, 0, len(text) if end < 0 else end)
    if bom >= 0:
        return stray_bom(text.count("\n", 0, bom) + 1)
    if isinstance(exc, yaml.constructor.ConstructorError):
        return YamlFileError(
            line,
            f"cannot read this value ({detail})",
            "write plain YAML",
            "(yaml syntax)",
            kind=ProblemKind.BAD_VALUE,
        )
    row = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    at = row[mark.column : mark.column + 1] if mark else ""
    lead = row[: mark.column] if mark else ""
    # a tab where YAML stopped is indentation when only spaces and '- ' come before it (not
    # a tab inside a value, where PyYAML's pure-Python scanner stops and libyaml reads on)
    if "\t" in row[: len(row) - len(row.lstrip())] or (at == "\t" and not lead.strip(" -")):
        return YamlFileError(
            line,
            "a tab in the indentation: YAML indents with spaces only",
            "indent with spaces, not tabs",
            "(yaml syntax)",
            kind=ProblemKind.TAB_INDENT,
        )
    if at == ":" and row[mark.column + 1 : mark.column + 2] in (" ", ""):
        return YamlFileError(
            line,
            "a ': ' inside a value: YAML reads it as the start of another field",
            "quote this value: it contains ': ' (write title: \"A: B\")",
            "(yaml syntax)",
            kind=ProblemKind.SYNTAX,
        )
    opened = _unclosed_quote(text, index, base) if mark else None
    if opened is not None and opened < line:
        return YamlFileError(
            opened,
            f"the quote opened on this line is not closed (YAML stops at line {line})",
            "end the value with the same quote it starts with",
            "(yaml syntax)",
            kind=ProblemKind.SYNTAX,
        )
    return YamlFileError(
        line,
        f"not valid YAML ({detail})",
        _syntax_hint(detail, at),
        "(yaml syntax)",
        kind=ProblemKind.SYNTAX,
    )


def _deep_line_before(text: str, index: int) -> int | None:
    """The line where the text before `index` first nests deeper than MAX_DEPTH, or None.

    Called when a YAML error stopped the measure of the events (libyaml stops at its
    own limit of 1,000 open brackets, before it yields a single event of the line that
    has them): the line that failed is measured again with PyYAML's pure-Python parser,
    which has no such limit. It reads up to 1,024 characters ahead on a line, and is
    slow: only for a prefix of at most RECHECK_CHARS (beyond that, `_says_too_deep`
    decides from the wording).
    """
    line_start = text.rfind("\n", 0, index) + 1
    window = text[: min(index, line_start + 1024)]
    if len(window) > RECHECK_CHARS:
        return None
    return deep_line(window, yaml.SafeLoader, stop_at_error=True)


def _says_too_deep(detail: str) -> bool:
    return bool(re.search(r"nesting|depth|recursion", detail, re.I))


def _unclosed_quote(text: str, index: int, base: type) -> int | None:
    """Start line of a multi-line quoted value ending just before `index`, if any.

    A value with a missing closing quote runs on to the next quote in the file, and the
    parser complains there, often many lines later: the real mistake is where it began.
    """
    last = None
    try:
        for token in yaml.scan(text[:index], Loader=base):
            if not isinstance(token, (yaml.BlockEndToken, yaml.StreamEndToken)):
                last = token
    except yaml.YAMLError:
        pass
    if not isinstance(last, yaml.ScalarToken) or last.style not in ('"', "'"):
        return None
    start, end = last.start_mark.line, last.end_mark.line
    return start + 1 if end > start else None


def reader_error(text: str, exc: yaml.reader.ReaderError) -> YamlFileError:
    """A character YAML does not accept (control characters), placed on its line."""
    # The first such character is the one refused: find it in the text (libyaml gives a
    # byte offset, PyYAML a character index).
    char = chr(exc.character) if isinstance(exc.character, int) else None
    at = text.find(char) if char else -1
    line = text.count("\n", 0, at) + 1 if at >= 0 else 1
    shown = f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character')})" if char else ""
    return YamlFileError(
        line,
        f"the character {shown or 'here'} is not allowed in YAML",
        "delete it: it is invisible in most editors (often pasted from a PDF)",
        kind=ProblemKind.BAD_CHARACTER,
    )


def bad_value(node: yaml.Node, paths: dict[int, tuple[str | int, ...]]) -> YamlFileError:
    """A scalar the constructor could not build (the date 2015-02-30), placed on its field."""
    path = paths.get(id(node))
    kind = tag_name(node)
    if kind == "date":
        message, hint = (
            f"{snippet(node.value)} is not a real date",
            "a date must be a real day (YYYY-MM-DD)",
        )
    else:
        message = f"cannot read {snippet(node.value)} as {_KIND_OF_TAG.get(kind, kind)}"
        hint = "remove the '!!' tag, or write the value as the tag asks"
    return YamlFileError(
        node.start_mark.line + 1,
        message,
        hint,
        field_name(path) if path is not None else "(yaml syntax)",
        kind=ProblemKind.BAD_VALUE,
    )


def _syntax_hint(detail: str, char: str) -> str:
    """A known fix for a syntax error; `char` is the character the parser stopped at.

    Best effort: an unknown wording only costs the hint, never the kind or the line.
    """
    if char in ("@", "`"):
        return "quote this value: it starts with a reserved character"
    if "expected <block end>" in detail or "could not find expected ':'" in detail:
        return "check the indentation of this line and the one before it"
    if "escape character" in detail:
        return "use single quotes, or double the backslash"
    return ""
