"""Line marks: the line of every key and list item, and the checks made on the way.

Walking the mappings finds what PyYAML would let through silently: a key given twice
(it keeps the last), a key that is not a field name, and a '<<' merge of no mapping.
"""

from __future__ import annotations

import yaml

from atlas.problems import ProblemKind, field_name
from atlas.yaml_source_error import YamlFileError, snippet
from atlas.yaml_source_loader import MERGE_TAG, STR_TAG, tag_name

Loc = tuple[str | int, ...]


def mark_lines(node: yaml.Node, path: Loc, lines: dict, paths: dict) -> None:
    """Record the line of every key and list item, and the path of every node."""
    paths[id(node)] = path
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = _key_text(key_node, path)
            if key_node.tag == MERGE_TAG:
                _check_merge(value_node, line, path)
                continue
            if key in seen:
                raise YamlFileError(
                    line,
                    f"key appears twice (lines {seen[key]} and {line})",
                    "keep one of them: YAML would silently drop the first",
                    field=field_name((*path, key)),
                    kind=ProblemKind.DUPLICATE_KEY,
                )
            seen[key] = line
            lines[(*path, key)] = line
            mark_lines(value_node, (*path, key), lines, paths)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            mark_lines(item, (*path, i), lines, paths)


def _check_merge(value: yaml.Node, line: int, path: Loc) -> None:
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


def _key_text(key_node: yaml.Node, path: Loc) -> str:
    """A mapping key as text; field names are words, so other keys are refused here."""
    if isinstance(key_node, yaml.ScalarNode) and key_node.tag in (STR_TAG, MERGE_TAG):
        return key_node.value
    line = key_node.start_mark.line + 1
    where = field_name(path)
    if isinstance(key_node, yaml.ScalarNode):
        kind = tag_name(key_node).replace("int", "number").replace("float", "number")
        found = f"the key {snippet(key_node.value)} is read as {kind}, not as a field name"
        hint = "quote it, or check the indentation: field names are words like `title`"
    else:
        found = "a key must be a field name, not a list or a mapping"
        hint = "remove the '?' or the brackets before the ':'"
    raise YamlFileError(line, found, hint, where, kind=ProblemKind.BAD_KEY)
