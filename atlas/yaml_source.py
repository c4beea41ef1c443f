"""Read one YAML file safely and remember the line of every value.

Safe loading only (the C loader where present). Before anything is built from the
parsed nodes, the node graph is measured: files that are too big, too deep, recursive
or that expand through aliases into huge documents (an "alias bomb") are refused
with a clear message instead of hanging or exhausting memory. Duplicate keys, which
PyYAML would silently overwrite, are errors.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from atlas.problems import field_name

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 20_000  # a large real case has about 500
MAX_DEPTH = 30  # a real case nests 4 levels
# libyaml's composer recurses in C: some 30,000 open brackets overflow the stack and kill
# the process. Text whose nesting could pass this bound is measured event by event first.
SAFE_COMPOSE_DEPTH = 500
MAX_NUMBER_DIGITS = 100

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Tags the safe loader knows but a case never needs: bytes, sets, ordered pairs.
_REFUSED_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("binary", "set", "omap", "pairs")}
_STR_TAG = "tag:yaml.org,2002:str"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _BadValue(Exception):
    """A scalar the constructor could not turn into a value (e.g. the date 2015-02-30)."""

    def __init__(self, node: yaml.Node, reason: str) -> None:
        super().__init__(reason)
        self.node = node
        self.reason = reason


class _Loader(_BaseLoader):
    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            raise _BadValue(node, str(exc)) from None


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
    info = path.stat()  # follows links; a link loop raises OSError
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe waits forever and a device such as /dev/zero never ends.
        raise YamlFileError(1, "not a regular file (a folder, pipe or device?)")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(info.st_size)
    with path.open("rb") as f:
        raw = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(len(raw))
    return parse_yaml(raw)


def _too_big(size: int) -> YamlFileError:
    return YamlFileError(
        1,
        f"file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB",
        "a case file is a few kilobytes: is this the right file?",
    )


def parse_yaml(raw: bytes) -> MarkedDocument:
    text = _decode(raw)
    lines: dict[tuple[str | int, ...], int] = {}
    paths: dict[int, tuple[str | int, ...]] = {}
    loader = _Loader(text)
    try:
        if _nesting_bound(text) > SAFE_COMPOSE_DEPTH:
            _check_event_depth(text)
        node = loader.get_single_node()
        if node is None or _is_empty_document(node):
            raise YamlFileError(1, "file is empty", "start from `atlas new ID`")
        _check_graph(node)
        if not isinstance(node, yaml.MappingNode):
            raise _not_a_mapping(node)
        _mark_lines(node, (), lines, paths)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, exc) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(1, str(exc), field="(yaml syntax)") from None
    except _BadValue as exc:
        raise _bad_value(exc, paths) from None
    except RecursionError:
        raise YamlFileError(1, f"nested deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    return MarkedDocument(data, lines)


def _is_empty_document(node: yaml.Node) -> bool:
    """A file that is only '---' (or '--- ...'): a document with no content at all."""
    return isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style


def _not_a_mapping(node: yaml.Node) -> YamlFileError:
    if isinstance(node, yaml.SequenceNode):
        found = "a list"
    else:
        found = f"a single value ({_snippet(node.value)})"
    return YamlFileError(
        node.start_mark.line + 1,
        f"the top level must be a mapping of fields, found {found}",
        "start the file with `id: ...` on its own line, not with '- '",
    )


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> YamlFileError:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    at = _char_at(text, mark.line, mark.column) if mark else ""
    line = mark.line + 1 if mark else 1
    hint = _syntax_hint(message, at)
    opened = _unclosed_quote(text, mark.index) if mark else None
    if opened is not None and opened < line:
        message = f"the quote opened on this line is not closed (line {line}: {message})"
        line, hint = opened, "end the value with the same quote it starts with"
    return YamlFileError(line, message, hint, "(yaml syntax)")


def _unclosed_quote(text: str, index: int) -> int | None:
    """Start line of a multi-line quoted value ending just before `index`, if any.

    A value with a missing closing quote runs on to the next quote in the file, and the
    parser complains there, often many lines later: the real mistake is where it began.
    """
    last = None
    try:
        for token in yaml.scan(text[:index], Loader=yaml.SafeLoader):
            if not isinstance(token, (yaml.BlockEndToken, yaml.StreamEndToken)):
                last = token
    except yaml.YAMLError:
        pass
    if not isinstance(last, yaml.ScalarToken) or last.style not in ('"', "'"):
        return None
    start, end = last.start_mark.line, last.end_mark.line
    return start + 1 if end > start else None


def _reader_error(text: str, exc: yaml.reader.ReaderError) -> YamlFileError:
    """A character YAML does not accept (control characters), placed on its line."""
    line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.character, int) else 1
    char = chr(exc.character) if isinstance(exc.character, int) else "?"
    name = unicodedata.name(char, "a control character")
    return YamlFileError(
        line,
        f"the character U+{ord(char):04X} ({name}) is not allowed in YAML",
        "delete it: it is invisible in most editors (often pasted from a PDF)",
    )


def _bad_value(exc: _BadValue, paths: dict[int, tuple[str | int, ...]]) -> YamlFileError:
    node = exc.node
    path = paths.get(id(node))
    return YamlFileError(
        node.start_mark.line + 1,
        f"cannot read {_snippet(node.value)}: {exc.reason}",
        "a date must be a real day (YYYY-MM-DD)" if "date" in _tag_name(node) else "",
        field_name(path) if path is not None else "(yaml syntax)",
    )


def _tag_name(node: yaml.Node) -> str:
    return "date" if node.tag.endswith(":timestamp") else node.tag.rsplit(":", 1)[-1]


def _snippet(value: Any, limit: int = 40) -> str:
    text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# --- nesting that could crash the C composer ----------------------------------------------

_INDENT = re.compile(r"^[ \t]*", re.M)


def _nesting_bound(text: str) -> int:
    """A cheap upper bound of how deep the document nests.

    Each level is an open bracket, a deeper indent or a '-', '?' or ':' on one line.
    """
    brackets = text.count("[") + text.count("{")
    widest = max((len(m.group()) for m in _INDENT.finditer(text)), default=0)
    markers = max(
        (line.count("-") + line.count(":") + line.count("?") for line in text.splitlines()),
        default=0,
    )
    return brackets + widest + markers + 1


def _check_event_depth(text: str) -> None:
    """Measure nesting on the parser's events (libyaml's parser does not recurse)."""
    loader = _BaseLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1
                    raise YamlFileError(line, f"nested deeper than {MAX_DEPTH} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


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
    aliased = False  # some node is reached twice: through an *alias
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in _children(node))
            if size[key] > MAX_NODES:
                raise _too_many(node, aliased)
            continue
        if key in size:
            aliased = True
            continue
        _check_scalar(node)
        if key in on_path:
            raise YamlFileError(node.start_mark.line + 1, "an alias refers to itself")
        if depth > MAX_DEPTH:
            raise YamlFileError(node.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in _children(node))


def _too_many(node: yaml.Node, aliased: bool) -> YamlFileError:
    if aliased:
        message = f"expands to more than {MAX_NODES:,} values (aliases repeated too often?)"
        hint = "remove the '&anchor' / '*alias' repetition"
    else:
        message = f"holds more than {MAX_NODES:,} values"
        hint = "a large case has a few hundred: is this the right file?"
    return YamlFileError(node.start_mark.line + 1, message, hint)


def _check_scalar(node: yaml.Node) -> None:
    """Refuse tags a case never needs and numbers too long to be real."""
    if node.tag in _REFUSED_TAGS:
        tag = "!!" + node.tag.rsplit(":", 1)[-1]
        raise YamlFileError(
            node.start_mark.line + 1,
            f"the tag {tag} is not allowed",
            "remove the '!' tag: only plain YAML is allowed",
            "(yaml syntax)",
        )
    if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_DIGITS:
        raise YamlFileError(
            node.start_mark.line + 1,
            f"a number {len(node.value):,} characters long",
            "no figure in a case needs more than a few digits: is this the right value?",
            "(yaml syntax)",
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _mark_lines(node: yaml.Node, path: tuple[str | int, ...], lines: dict, paths: dict) -> None:
    """Record the line of every key and list item, and the path of every node."""
    paths[id(node)] = path
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = _key_text(key_node, path)
            if key in seen and key != "<<":
                raise YamlFileError(
                    line,
                    f"key appears twice (lines {seen[key]} and {line})",
                    "keep one of them: YAML would silently drop the first",
                    field=".".join(map(str, (*path, key))),
                )
            seen[key] = line
            lines[(*path, key)] = line
            _mark_lines(value_node, (*path, key), lines, paths)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            _mark_lines(item, (*path, i), lines, paths)


def _key_text(key_node: yaml.Node, path: tuple[str | int, ...]) -> str:
    """A mapping key as text; field names are words, so other keys are refused here."""
    if isinstance(key_node, yaml.ScalarNode) and key_node.tag in (_STR_TAG, _MERGE_TAG):
        return key_node.value
    line = key_node.start_mark.line + 1
    where = field_name(path)
    if isinstance(key_node, yaml.ScalarNode):
        kind = _tag_name(key_node).replace("int", "number").replace("float", "number")
        found = f"the key {_snippet(key_node.value)} is read as {kind}, not as a field name"
        hint = "quote it, or check the indentation: field names are words like `title`"
    else:
        found = "a key must be a field name, not a list or a mapping"
        hint = "remove the '?' or the brackets before the ':'"
    raise YamlFileError(line, found, hint, where)


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
    if "for merging" in message:
        return "'<<' merges in another mapping: write the fields out instead"
    return ""
