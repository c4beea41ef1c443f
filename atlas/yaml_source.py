"""Read one YAML file safely and remember the line of every value.

Safe loading only (the C loader where present). Before anything is built from the
parsed nodes, the node graph is measured: files that are too big, too deep, recursive
or that expand through aliases into huge documents (an "alias bomb") are refused
with a clear message instead of hanging or exhausting memory. Duplicate keys, which
PyYAML would silently overwrite, are errors.

Every refusal is a `YamlFileError` with a `ProblemKind`, a line and a message of our
own, whichever layer noticed the problem first: our guards, or PyYAML's C or pure-Python
reader, scanner, parser or composer (their exceptions are mapped onto our kinds here;
their wording is never what a test or a tool relies on).
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from atlas.problems import Problem, ProblemKind, Severity, field_name

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 20_000  # a large real case has about 500
MAX_DEPTH = 30  # a real case nests 4 levels
# libyaml's composer recurses in C: some 30,000 open brackets overflow the stack and kill
# the process. Text whose nesting could pass this bound is measured event by event first.
SAFE_COMPOSE_DEPTH = 500
MAX_NUMBER_DIGITS = 100
RECHECK_CHARS = 64_000  # text the pure-Python parser measures after a YAML error

_YAML = "tag:yaml.org,2002:"
_STR_TAG = _YAML + "str"
_NUMBER_TAGS = {_YAML + "int", _YAML + "float"}
_MERGE_TAG = _YAML + "merge"
_VALUE_TAG = _YAML + "value"  # a plain '=': text to a case
# The only tags a case file may hold: those plain YAML resolves to. Explicit tags for
# bytes, sets, ordered pairs or Python objects are refused before anything is built.
_SCALAR_TAGS = {
    _YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "merge", "value")
}
_ALLOWED_TAGS = {
    yaml.ScalarNode: _SCALAR_TAGS,
    yaml.SequenceNode: {_YAML + "seq"},
    yaml.MappingNode: {_YAML + "map"},
}
_KIND_OF_TAG = {"bool": "true/false", "timestamp": "a date", "int": "a number", "float": "a number"}
# Boms that say the file is not UTF-8 (UTF-32 first: its little-endian mark starts like UTF-16's).
_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_BOM = "\ufeff"


class _BadValue(Exception):
    """A scalar the constructor could not turn into a value (e.g. the date 2015-02-30)."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__(node.value)
        self.node = node


def loader_class(base: type) -> type:
    """Our loader on `base`: libyaml's CSafeLoader, or PyYAML's pure-Python SafeLoader."""

    class Loader(base):
        def construct_object(self, node, deep=False):
            try:
                return super().construct_object(node, deep)
            except (ValueError, OverflowError, LookupError, AttributeError, TypeError):
                # int(''), a day 30 of February, !!bool maybe, !!timestamp x: a bad scalar
                raise _BadValue(node) from None

    # '=' and '<<' as values are text ('<<' as a key merges, before any constructor runs)
    Loader.add_constructor(_VALUE_TAG, base.construct_yaml_str)
    Loader.add_constructor(_MERGE_TAG, base.construct_yaml_str)
    return Loader


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Loader = loader_class(_BaseLoader)


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
    """Parse a case or tour file; raise YamlFileError with a kind, a line and a message."""
    info = path.stat()  # follows links; a link loop raises OSError
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe waits forever and a device such as /dev/zero never ends.
        raise YamlFileError(
            1, "not a regular file (a folder, pipe or device?)", kind=ProblemKind.NOT_A_FILE
        )
    if info.st_size > MAX_FILE_BYTES:
        raise too_large(info.st_size)
    with path.open("rb") as f:
        raw = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat
    if len(raw) > MAX_FILE_BYTES:
        raise too_large(len(raw))
    return parse_yaml(raw)


def too_large(size: int) -> YamlFileError:
    """The error for a file of `size` bytes, over MAX_FILE_BYTES."""
    return YamlFileError(
        1,
        f"file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB",
        "a case file is a few kilobytes: is this the right file?",
        kind=ProblemKind.TOO_LARGE,
    )


def parse_yaml(raw: bytes) -> MarkedDocument:
    text = _decode(raw)
    lines: dict[tuple[str | int, ...], int] = {}
    paths: dict[int, tuple[str | int, ...]] = {}
    loader = None
    measured = _nesting_bound(text) > SAFE_COMPOSE_DEPTH  # events measured up to any error
    try:
        loader = _Loader(text)  # PyYAML's pure-Python reader checks the characters here
        if measured:
            deep = _deep_line(text, _BaseLoader)
            if deep is not None:
                raise _too_deep(deep)
        node = _single_document(loader, text)
        _check_graph(node)
        if not isinstance(node, yaml.MappingNode):
            raise _not_a_mapping(node)
        _mark_lines(node, (), lines, paths)
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc) from None
    except yaml.YAMLError as exc:
        raise _yaml_error(text, exc, measured) from None
    except _BadValue as exc:
        raise _bad_value(exc.node, paths) from None
    except RecursionError:  # the pure-Python composer recurses once per level
        raise _too_deep(_deep_line(text, yaml.SafeLoader, stop_at_error=True) or 1) from None
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
        found = f"a single value ({_snippet(node.value)})"
    return YamlFileError(
        node.start_mark.line + 1,
        f"the top level must be a mapping of fields, found {found}",
        "start the file with `id: ...` on its own line, not with '- '",
        kind=ProblemKind.NOT_A_MAPPING,
    )


def _too_deep(line: int) -> YamlFileError:
    return YamlFileError(
        line,
        f"nested deeper than {MAX_DEPTH} levels",
        "a case nests a few levels: check the brackets and the indentation",
        kind=ProblemKind.TOO_DEEP,
    )


# --- PyYAML's errors, as our kinds ---------------------------------------------------------


def _yaml_error(text: str, exc: yaml.YAMLError, measured: bool = True) -> YamlFileError:
    """Any error of PyYAML's scanner, parser, composer or constructor, as one of our kinds.

    Decided from where it happened and what the text holds there, not from PyYAML's
    wording (which changes between releases and between its C and Python loaders).
    `measured`: the nesting of the events before the error was measured (the text could
    nest deeper than SAFE_COMPOSE_DEPTH, so the guard read its events first).
    """
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    detail = " ".join(str(p) for p in (exc.context, exc.problem) if p) if mark else str(exc)
    line = mark.line + 1 if mark else 1
    index = mark.index if mark else len(text)
    # A library's own nesting limit (libyaml stops at 1,000 open brackets) or any error
    # past text that already nests too deep: our limit, our message, the line it is passed.
    deep = _deep_line_before(text, index) if measured else None
    if deep is not None:
        return _too_deep(deep)
    if _says_too_deep(detail):  # a limit below ours in some future PyYAML
        return _too_deep(line)
    end = text.find("\n", index)
    bom = text.rfind(_BOM, 0, len(text) if end < 0 else end)
    if bom >= 0:
        return _stray_bom(text.count("\n", 0, bom) + 1)
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
    if at == "\t" or "\t" in row[: len(row) - len(row.lstrip())]:
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
    opened = _unclosed_quote(text, index) if mark else None
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
    return _deep_line(window, yaml.SafeLoader, stop_at_error=True)


def _says_too_deep(detail: str) -> bool:
    return bool(re.search(r"nesting|depth|recursion", detail, re.I))


def _unclosed_quote(text: str, index: int) -> int | None:
    """Start line of a multi-line quoted value ending just before `index`, if any.

    A value with a missing closing quote runs on to the next quote in the file, and the
    parser complains there, often many lines later: the real mistake is where it began.
    """
    last = None
    try:
        for token in yaml.scan(text[:index], Loader=_BaseLoader):
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


def _bad_value(node: yaml.Node, paths: dict[int, tuple[str | int, ...]]) -> YamlFileError:
    path = paths.get(id(node))
    kind = _tag_name(node)
    if kind == "date":
        message, hint = (
            f"{_snippet(node.value)} is not a real date",
            "a date must be a real day (YYYY-MM-DD)",
        )
    else:
        message = f"cannot read {_snippet(node.value)} as {_KIND_OF_TAG.get(kind, kind)}"
        hint = "remove the '!!' tag, or write the value as the tag asks"
    return YamlFileError(
        node.start_mark.line + 1,
        message,
        hint,
        field_name(path) if path is not None else "(yaml syntax)",
        kind=ProblemKind.BAD_VALUE,
    )


def _tag_name(node: yaml.Node) -> str:
    return "date" if node.tag.endswith(":timestamp") else node.tag.rsplit(":", 1)[-1]


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag


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


def _deep_line(text: str, base: type, stop_at_error: bool = False) -> int | None:
    """The line where the text first nests deeper than MAX_DEPTH, or None.

    Measured on the parser's events (neither parser recurses). With `stop_at_error`,
    a YAML error ends the measure (None when the text was not too deep up to there).
    """
    if _nesting_bound(text) <= MAX_DEPTH:
        return None
    loader = base(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        if not stop_at_error:
            raise
    finally:
        loader.dispose()
    return None


def _decode(raw: bytes) -> str:
    for bom, encoding in _FOREIGN_BOMS:
        if raw.startswith(bom):
            raise YamlFileError(
                1,
                f"the file is saved as {encoding} (it starts with its byte order mark); "
                "a case file is UTF-8",
                "save the file as UTF-8",
                kind=ProblemKind.NOT_UTF8,
            )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlFileError(line, "binary file: a case file is UTF-8 text", kind=ProblemKind.BINARY)
    try:
        text = raw.decode("utf-8-sig")  # a leading UTF-8 byte order mark is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError(
            line,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8",
            kind=ProblemKind.NOT_UTF8,
        ) from None
    joined = text.find("\n" + _BOM)
    if joined >= 0:  # libyaml stops there, PyYAML makes it part of a field's name
        raise _stray_bom(text.count("\n", 0, joined) + 2)
    return text


def _stray_bom(line: int) -> YamlFileError:
    return YamlFileError(
        line,
        "an invisible byte order mark (U+FEFF) inside the text breaks the YAML here",
        "delete it: it often comes from joining two files; only the very start may hold one",
        "(yaml syntax)",
        kind=ProblemKind.BOM,
    )


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
        if key in on_path:
            raise YamlFileError(
                node.start_mark.line + 1,
                "an alias refers to itself",
                "an '*alias' cannot stand inside its own '&anchor'",
                kind=ProblemKind.ALIAS_LOOP,
            )
        _check_node(node)
        if depth > MAX_DEPTH:
            raise _too_deep(node.start_mark.line + 1)
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
    return YamlFileError(node.start_mark.line + 1, message, hint, kind=ProblemKind.TOO_MANY_VALUES)


def _check_node(node: yaml.Node) -> None:
    """Refuse tags a case never needs and numbers too long to be real."""
    if node.tag not in _ALLOWED_TAGS[type(node)]:
        raise YamlFileError(
            node.start_mark.line + 1,
            f"the tag {_shown_tag(node.tag)} is not allowed",
            "remove the '!' tag: only plain YAML is allowed",
            "(yaml syntax)",
            kind=ProblemKind.REFUSED_TAG,
        )
    if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_DIGITS:
        raise YamlFileError(
            node.start_mark.line + 1,
            f"a number {len(node.value):,} characters long",
            "no figure in a case needs more than a few digits: is this the right value?",
            "(yaml syntax)",
            kind=ProblemKind.NUMBER_TOO_LONG,
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
            if key_node.tag == _MERGE_TAG:
                _check_merge(value_node, line, path)
                continue
            if key in seen:
                raise YamlFileError(
                    line,
                    f"key appears twice (lines {seen[key]} and {line})",
                    "keep one of them: YAML would silently drop the first",
                    field=".".join(map(str, (*path, key))),
                    kind=ProblemKind.DUPLICATE_KEY,
                )
            seen[key] = line
            lines[(*path, key)] = line
            _mark_lines(value_node, (*path, key), lines, paths)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            _mark_lines(item, (*path, i), lines, paths)


def _check_merge(value: yaml.Node, line: int, path: tuple[str | int, ...]) -> None:
    """'<<: *anchor' merges a mapping (or a list of mappings) in; anything else cannot."""
    items = value.value if isinstance(value, yaml.SequenceNode) else [value]
    if all(isinstance(item, yaml.MappingNode) for item in items):
        return
    found = "a single value" if isinstance(value, yaml.ScalarNode) else "a list of values"
    raise YamlFileError(
        line,
        f"'<<' must be followed by a mapping to merge in, found {found}",
        "'<<' merges in another mapping: write the fields out instead",
        field_name(path),
        kind=ProblemKind.BAD_MERGE,
    )


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
    raise YamlFileError(line, found, hint, where, kind=ProblemKind.BAD_KEY)


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
