"""Read one YAML file safely and remember the line of every value.

Safe loading only (the C loader where present). Before anything is built from the
parsed nodes, the node graph is measured: files that are too big, too deep, recursive
or that expand through aliases into huge documents (an "alias bomb") are refused
with a clear message instead of hanging or exhausting memory. Duplicate keys, which
PyYAML would silently overwrite, are errors.

Every refusal is a `YamlFileError` with a `ProblemKind`, a line and a message of our
own, whichever layer noticed the problem first: our guards, or PyYAML's C or pure-Python
reader, scanner, parser or composer (their exceptions are mapped onto our kinds; their
wording is never what a test or a tool relies on).

This module is the entry point; the parts live beside it, by what they do:
`yaml_source_bytes` reads and decodes the bytes, `yaml_source_guards` measures the
nesting and the node graph, `yaml_source_pyyaml_errors` maps PyYAML's errors onto our
kinds, `yaml_source_lines` marks the line of every key and list item,
`yaml_source_loader` is the safe loader, `yaml_source_error` the error itself, and
`yaml_source_tree` the fast path a clean file takes (the rest is there for the others).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from atlas.problems import ProblemKind
from atlas.yaml_source_bytes import MAX_FILE_BYTES, decode, read_bytes, too_large
from atlas.yaml_source_error import YamlFileError, snippet
from atlas.yaml_source_guards import (
    MAX_DEPTH,
    MAX_NODES,
    MAX_NUMBER_DIGITS,
    SAFE_COMPOSE_DEPTH,
    check_graph,
    deep_line,
    may_nest_past,
    too_deep,
)
from atlas.yaml_source_lines import mark_lines
from atlas.yaml_source_loader import BadValue, loader_class
from atlas.yaml_source_pyyaml_errors import bad_value, reader_error, yaml_error
from atlas.yaml_source_tree import build_tree

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "MAX_NUMBER_DIGITS",
    "MarkedDocument",
    "YamlFileError",
    "loader_class",
    "parse_yaml",
    "read_yaml",
    "too_large",
]

# The loader every file is read with (tests swap in PyYAML's pure-Python one here).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Loader = loader_class(_BaseLoader)


class MarkedDocument:
    """The parsed data and the 1-based line of every key and list item in it.

    A file read by the fast path keeps its nodes instead, and marks its lines the first
    time they are asked for: a clean file never needs them.
    """

    def __init__(
        self,
        data: dict[str, Any],
        lines: dict[tuple[str | int, ...], int] | None = None,
        *,
        root: yaml.Node | None = None,
    ) -> None:
        self.data = data
        self._lines = lines
        self._root = root

    @property
    def lines(self) -> dict[tuple[str | int, ...], int]:
        if self._lines is None:
            self._lines = {}
            if self._root is not None:
                mark_lines(self._root, (), self._lines, {})
                self._root = None
        return self._lines

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """Line of the deepest part of `loc` that exists in the file (1 when none)."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def read_yaml(path: Path) -> MarkedDocument:
    """Parse a case or tour file; raise YamlFileError with a kind, a line and a message."""
    return parse_yaml(read_bytes(path))


def parse_yaml(raw: bytes) -> MarkedDocument:
    """Parse a file's bytes; raise YamlFileError with a kind, a line and a message."""
    text = decode(raw)
    lines: dict[tuple[str | int, ...], int] = {}
    paths: dict[int, tuple[str | int, ...]] = {}
    loader = None
    measured = may_nest_past(text, SAFE_COMPOSE_DEPTH)  # events measured up to any error
    try:
        loader = _Loader(text)  # PyYAML's pure-Python reader checks the characters here
        if measured:
            deep = deep_line(text, _BaseLoader)
            if deep is not None:
                raise too_deep(deep)
        node = _single_document(loader, text)
        data = build_tree(node, loader)
        if data is not None:
            return MarkedDocument(data, root=node)
        check_graph(node)
        if not isinstance(node, yaml.MappingNode):
            raise _not_a_mapping(node)
        mark_lines(node, (), lines, paths)
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:
        raise reader_error(text, exc) from None
    except yaml.YAMLError as exc:
        raise yaml_error(text, exc, measured, base=_BaseLoader) from None
    except BadValue as exc:
        raise bad_value(exc.node, paths) from None
    except RecursionError:  # the pure-Python composer recurses once per level
        raise too_deep(deep_line(text, yaml.SafeLoader, stop_at_error=True) or 1) from None
    finally:
        if loader is not None:
            loader.dispose()
    return MarkedDocument(data, lines)


def _single_document(loader: yaml.BaseLoader, text: str) -> yaml.Node:
    """The file's one document; refuse an empty file and a second document."""
    if not loader.check_node():
        raise _empty()
    node = loader.get_node()
    if _is_empty_document(node):
        raise _empty()
    if loader.check_node():
        raise YamlFileError(
            _document_marker_line(text, node.end_mark.line),
            "a second YAML document starts here; a case file holds one",
            "remove the '---' line and what follows it, or move it to a file of its own",
            "(yaml syntax)",
            kind=ProblemKind.MULTIPLE_DOCUMENTS,
        )
    return node


def _empty() -> YamlFileError:
    return YamlFileError(1, "file is empty", "start from `atlas new ID`", kind=ProblemKind.EMPTY)


def _document_marker_line(text: str, row: int) -> int:
    """The first '---' or '...' line from `row` (0-based) on: where the first document ends."""
    for n, line in enumerate(text.splitlines()[row:], start=row + 1):
        if re.match(r"(---|\.\.\.)(\s|$)", line):
            return n
    return row + 1


def _is_empty_document(node: yaml.Node) -> bool:
    """A file that is only '---' (or '--- ...'): a document with no content at all."""
    return isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style


def _not_a_mapping(node: yaml.Node) -> YamlFileError:
    if isinstance(node, yaml.SequenceNode):
        found = "a list"
    else:
        found = f"a single value ({snippet(node.value)})"
    return YamlFileError(
        node.start_mark.line + 1,
        f"the top level must be a mapping of fields, found {found}",
        "start the file with `id: ...` on its own line, not with '- '",
        kind=ProblemKind.NOT_A_MAPPING,
    )
