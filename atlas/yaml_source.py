"""Read one YAML file safely and remember the line of every value.

Safe loading only (the C loader where present). Before anything is built from the
parsed nodes, the node graph is measured: files that are too big, too deep, recursive
or that expand through aliases into huge documents (an "alias bomb") are refused
with a clear message instead of hanging or exhausting memory. Duplicate keys, which
PyYAML would silently overwrite, are errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 20_000  # a large real case has about 500
MAX_DEPTH = 30  # a real case nests 4 levels

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlFileError(Exception):
    """A file that cannot be read as one YAML mapping; carries the line to blame."""

    def __init__(self, line: int, message: str, hint: str = "", field: str = "(file)") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint
        self.field = field


@dataclass
class MarkedDocument:
    """The parsed data and the 1-based line of every key and list item in it."""

    data: dict[str, Any]
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """Line of the deepest part of `loc` that exists in the file (1 when none)."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def read_yaml(path: Path) -> MarkedDocument:
    """Parse a case or tour file; raise YamlFileError with a line and a message."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlFileError(
            1,
            f"file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB",
            "a case file is a few kilobytes: is this the right file?",
        )
    return parse_yaml(path.read_bytes())


def parse_yaml(raw: bytes) -> MarkedDocument:
    text = _decode(raw)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlFileError(1, "file is empty", "start from `atlas new ID`")
        _check_graph(node)
        if not isinstance(node, yaml.MappingNode):
            kind = {yaml.SequenceNode: "a list", yaml.ScalarNode: "a single value"}
            raise YamlFileError(
                node.start_mark.line + 1,
                f"the top level must be a mapping of fields, found {kind[type(node)]}",
                "start the file with `id: ...` on its own line, not with '- '",
            )
        lines: dict[tuple[str | int, ...], int] = {}
        _mark_lines(node, (), lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        at = _char_at(text, mark.line, mark.column) if mark else ""
        raise YamlFileError(
            mark.line + 1 if mark else 1, message, _syntax_hint(message, at), "(yaml syntax)"
        ) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(1, str(exc), field="(yaml syntax)") from None
    except RecursionError:
        raise YamlFileError(1, f"nested deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    return MarkedDocument(data, lines)


def _decode(raw: bytes) -> str:
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlFileError(line, "binary file: a case file is UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError(
            line,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8",
        ) from None


def _check_graph(root: yaml.Node) -> None:
    """Refuse recursion, excessive depth and alias expansion before constructing.

    Counts nodes as they would be after expanding every alias, with a memo per node,
    so a billion-laughs file is measured in time linear in its text.
    """
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in _children(node))
            if size[key] > MAX_NODES:
                raise YamlFileError(
                    node.start_mark.line + 1,
                    f"expands to more than {MAX_NODES:,} values (aliases repeated too often?)",
                    "remove the '&anchor' / '*alias' repetition",
                )
            continue
        if key in size:
            continue
        if key in on_path:
            raise YamlFileError(node.start_mark.line + 1, "an alias refers to itself")
        if depth > MAX_DEPTH:
            raise YamlFileError(node.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in _children(node))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _mark_lines(node: yaml.Node, path: tuple[str | int, ...], lines: dict) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            line = key_node.start_mark.line + 1
            if key in seen and key != "<<":
                raise YamlFileError(
                    line,
                    f"key appears twice (lines {seen[key]} and {line})",
                    "keep one of them: YAML would silently drop the first",
                    field=".".join(map(str, (*path, key))),
                )
            seen[key] = line
            lines[(*path, key)] = line
            _mark_lines(value_node, (*path, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            _mark_lines(item, (*path, i), lines)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column : column + 1] if line < len(lines) else ""


def _syntax_hint(message: str, char: str) -> str:
    """A known fix for a syntax error; `char` is the character the parser stopped at."""
    if "mapping values are not allowed" in message:
        return "quote this value: it contains ': ' (write title: \"A: B\")"
    if char == "\t" or "\t" in message:
        return "indent with spaces, not tabs"
    if "found character '@'" in message or "found character '`'" in message:
        return "quote this value: it starts with a reserved character"
    if "expected <block end>" in message or "could not find expected ':'" in message:
        return "check the indentation of this line and the one before it"
    if "found unknown escape character" in message:
        return "use single quotes, or double the backslash"
    if "could not determine a constructor" in message:
        return "remove the '!' tag: only plain YAML is allowed"
    return ""
