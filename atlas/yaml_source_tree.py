"""The fast path: a clean file's values built in one walk over its nodes.

A document where no node is reached twice (through an '*alias') is a tree, so the node
graph needs no memo to be measured, and one walk can check every node and build the value
at once. That walk stands in for `check_graph`, `mark_lines` and PyYAML's constructor, which
walk the nodes three times (two thirds of a clean file's load).

It builds only what the full path would, and only from files the full path would pass: at
the first thing it does not expect (an anchor, a '<<' merge, a key twice, a key that is not
text, a tag or a number the guards refuse, a value the constructor cannot build, too deep,
too many values) it gives up and returns None, and the caller takes the full path, which
finds the problem and words it. So both paths refuse the same files with the same messages.
"""

from __future__ import annotations

from typing import Any

import yaml

from atlas.yaml_source_guards import (
    ALLOWED_TAGS,
    MAX_DEPTH,
    MAX_NODES,
    MAX_NUMBER_DIGITS,
    NUMBER_TAGS,
    SCALAR_TAGS,
)
from atlas.yaml_source_loader import MERGE_TAG, STR_TAG, VALUE_TAG

# The tags the guards allow, split by how a scalar is built. '=' and '<<' as values are
# text (yaml_source_loader); the rest go to the loader's constructors.
_TEXT_TAGS = frozenset({STR_TAG, VALUE_TAG, MERGE_TAG})
_OTHER_SCALAR_TAGS = frozenset(SCALAR_TAGS - _TEXT_TAGS - NUMBER_TAGS)
(_MAP_TAG,) = ALLOWED_TAGS[yaml.MappingNode]
(_SEQ_TAG,) = ALLOWED_TAGS[yaml.SequenceNode]


class _GiveUp(Exception):
    """Something the fast path does not handle: the full path decides."""


def build_tree(root: yaml.Node, loader: yaml.BaseLoader) -> Any | None:
    """The value of a tree document, or None if the full path must decide.

    `loader` is the one that composed `root`: its constructors build the scalars that are
    not text, exactly as the full path's would."""
    if not isinstance(root, yaml.MappingNode):
        return None
    builders = loader.yaml_constructors
    seen: set[int] = set()  # a node reached twice came through an alias: not a tree

    def build(node: yaml.Node, depth: int) -> Any:
        seen.add(id(node))
        if depth > MAX_DEPTH or len(seen) > MAX_NODES:
            raise _GiveUp
        tag = node.tag
        if type(node) is yaml.ScalarNode:
            if tag in _TEXT_TAGS:
                return node.value
            if tag in NUMBER_TAGS:
                if len(node.value) > MAX_NUMBER_DIGITS:
                    raise _GiveUp
            elif tag not in _OTHER_SCALAR_TAGS:
                raise _GiveUp
            try:
                return builders[tag](loader, node)
            except Exception:  # the full path words a value it cannot build
                raise _GiveUp from None
        if type(node) is yaml.MappingNode and tag == _MAP_TAG:
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if type(key_node) is not yaml.ScalarNode or key_node.tag != STR_TAG:
                    raise _GiveUp  # a merge, or a key that is not text
                key = key_node.value
                if key in mapping or id(key_node) in seen or id(value_node) in seen:
                    raise _GiveUp  # a key twice, or a node reached again: an alias
                seen.add(id(key_node))  # a key is a node too, as check_graph counts
                mapping[key] = build(value_node, depth + 1)
            return mapping
        if type(node) is yaml.SequenceNode and tag == _SEQ_TAG:
            items = []
            for item in node.value:
                if id(item) in seen:
                    raise _GiveUp
                items.append(build(item, depth + 1))
            return items
        raise _GiveUp

    try:
        return build(root, 1)
    except _GiveUp:
        return None
    finally:
        # `build` refers to itself, and through it to the loader: left as it is, the loader
        # and libyaml's buffers (tens of KB a file) would wait for the cyclic collector,
        # which a library load pauses. Clearing it frees them now.
        build = None
