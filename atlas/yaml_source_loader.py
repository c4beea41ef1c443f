"""PyYAML's safe loader as a case file needs it, and the names of the tags plain YAML uses."""

from __future__ import annotations

from typing import ClassVar

import yaml

YAML_TAG = "tag:yaml.org,2002:"
STR_TAG = YAML_TAG + "str"
MERGE_TAG = YAML_TAG + "merge"
VALUE_TAG = YAML_TAG + "value"  # a plain '=': text to a case
REMEMBERED = 20_000  # plain scalars whose tags a loader class remembers, at most
REMEMBERED_LENGTH = 48  # characters: keys and terms, not prose


class BadValue(Exception):
    """A scalar the constructor could not turn into a value (e.g. the date 2015-02-30)."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__(node.value)
        self.node = node


def loader_class(base: type) -> type:
    """Our loader on `base`: libyaml's CSafeLoader, or PyYAML's pure-Python SafeLoader."""

    class Loader(base):
        remembered_tags: ClassVar[dict[str, str]] = {}  # a short plain scalar's text -> its tag

        def resolve(self, kind, value, implicit):
            """PyYAML's tag for a node, remembered for short plain scalars (keys, terms).

            libyaml's composer asks this for each of a file's nodes, and PyYAML answers
            by trying the implicit resolvers' patterns in Python; the answer depends on
            the text alone while no path resolver is added (this loader adds none).
            """
            if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
                return super().resolve(kind, value, implicit)
            if not implicit[0]:  # quoted, or with an explicit tag: text
                return self.DEFAULT_SCALAR_TAG
            remembered = self.remembered_tags
            tag = remembered.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(value) <= REMEMBERED_LENGTH and len(remembered) < REMEMBERED:
                    remembered[value] = tag
            return tag

        def construct_object(self, node, deep=False):
            try:
                return super().construct_object(node, deep)
            except (ValueError, OverflowError, LookupError, AttributeError, TypeError):
                # int(''), a day 30 of February, !!bool maybe, !!timestamp x: a bad scalar
                raise BadValue(node) from None

    # '=' and '<<' as values are text ('<<' as a key merges, before any constructor runs)
    Loader.add_constructor(VALUE_TAG, base.construct_yaml_str)
    Loader.add_constructor(MERGE_TAG, base.construct_yaml_str)
    return Loader


def tag_name(node: yaml.Node) -> str:
    """The kind of value a node's tag asks for: 'date', 'int', 'bool' ...

    Only plain YAML's tags reach here (the guards refuse any other before a key is read
    or a value built).
    """
    return "date" if node.tag.endswith(":timestamp") else node.tag.removeprefix(YAML_TAG)
