"""PyYAML's safe loader as a case file needs it, and the names of the tags plain YAML uses."""

from __future__ import annotations

import yaml

YAML_TAG = "tag:yaml.org,2002:"
STR_TAG = YAML_TAG + "str"
MERGE_TAG = YAML_TAG + "merge"
VALUE_TAG = YAML_TAG + "value"  # a plain '=': text to a case


class BadValue(Exception):
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
