"""Guards that measure a document before anything is built from it.

Files that nest too deep, hold too many values, refer to themselves or expand through
aliases into huge documents (an "alias bomb") are refused, and so are explicit tags and
numbers too long to be real. Nothing here recurses, so no depth can crash it: nesting is
measured on the parser's events, and the node graph with a stack.
"""

from __future__ import annotations

import re

import yaml

from atlas.problems import ProblemKind
from atlas.yaml_source_error import YamlFileError
from atlas.yaml_source_loader import YAML_TAG

MAX_NODES = 20_000  # a large real case has about 500
MAX_DEPTH = 30  # a real case nests 4 levels
# libyaml's composer recurses in C: some 30,000 open brackets overflow the stack and kill
# the process. Text whose nesting could pass this bound is measured event by event first.
SAFE_COMPOSE_DEPTH = 500
MAX_NUMBER_DIGITS = 100

NUMBER_TAGS = {YAML_TAG + "int", YAML_TAG + "float"}
# The only tags a case file may hold: those plain YAML resolves to. Explicit tags for
# bytes, sets, ordered pairs or Python objects are refused before anything is built.
SCALAR_TAGS = {
    YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "merge", "value")
}
ALLOWED_TAGS = {
    yaml.ScalarNode: SCALAR_TAGS,
    yaml.SequenceNode: {YAML_TAG + "seq"},
    yaml.MappingNode: {YAML_TAG + "map"},
}


def too_deep(line: int) -> YamlFileError:
    """The error for text that nests deeper than MAX_DEPTH, passed on `line`."""
    return YamlFileError(
        line,
        f"nested deeper than {MAX_DEPTH} levels",
        "a case nests a few levels: check the brackets and the indentation",
        kind=ProblemKind.TOO_DEEP,
    )


# --- nesting that could crash the C composer ----------------------------------------------

_INDENT = re.compile(r"^[ \t]*", re.M)


def nesting_bound(text: str) -> int:
    """A cheap upper bound of how deep the document nests.

    Each level is an open bracket, a deeper indent or a '-', '?' or ':' on one line.
    """
    brackets = text.count("[") + text.count("{")
    # the pattern matches at the start of any text, even an empty one: max() has a value
    widest = max(len(m.group()) for m in _INDENT.finditer(text))
    markers = max(
        (line.count("-") + line.count(":") + line.count("?") for line in text.splitlines()),
        default=0,
    )
    return brackets + widest + markers + 1


_INDENTED = re.compile(r"^[ \t]+", re.M)


def may_nest_past(text: str, depth: int) -> bool:
    """Whether `nesting_bound(text) > depth`, tried first on a looser bound that costs no
    loop in Python: every marker in the text, not only the most on one line."""
    loose = sum(map(text.count, "[{-:?")) + max(map(len, _INDENTED.findall(text)), default=0)
    return loose + 1 > depth and nesting_bound(text) > depth


def deep_line(text: str, base: type, stop_at_error: bool = False) -> int | None:
    """The line where the text first nests deeper than MAX_DEPTH, or None.

    Measured on the parser's events (neither parser recurses). With `stop_at_error`,
    a YAML error ends the measure (None when the text was not too deep up to there).
    """
    if nesting_bound(text) <= MAX_DEPTH:
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


# --- the node graph, before anything is constructed ----------------------------------------


def check_graph(root: yaml.Node) -> None:
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
            raise too_deep(node.start_mark.line + 1)
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
    if node.tag not in ALLOWED_TAGS[type(node)]:
        raise YamlFileError(
            node.start_mark.line + 1,
            f"the tag {_shown_tag(node.tag)} is not allowed",
            "remove the '!' tag: only plain YAML is allowed",
            "(yaml syntax)",
            kind=ProblemKind.REFUSED_TAG,
        )
    if node.tag in NUMBER_TAGS and len(node.value) > MAX_NUMBER_DIGITS:
        raise YamlFileError(
            node.start_mark.line + 1,
            f"a number {len(node.value):,} characters long",
            "no figure in a case needs more than a few digits: is this the right value?",
            "(yaml syntax)",
            kind=ProblemKind.NUMBER_TOO_LONG,
        )


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(YAML_TAG) if tag.startswith(YAML_TAG) else tag


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
