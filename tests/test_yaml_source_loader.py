"""The safe loader and the tag names (atlas/yaml_source_loader.py)."""

import pytest
import yaml

from atlas.yaml_source_loader import BadValue, loader_class, tag_name

LOADERS = [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)]


@pytest.mark.parametrize("base", LOADERS)
def test_equals_and_merge_signs_as_values_are_text(base):
    loader = loader_class(base)("a: =\nb: <<\nc: [=, <<]\n")
    try:
        assert loader.get_single_data() == {"a": "=", "b": "<<", "c": ["=", "<<"]}
    finally:
        loader.dispose()


@pytest.mark.parametrize("base", LOADERS)
@pytest.mark.parametrize(
    "text", ["x: !!int ''", "x: !!bool maybe", "x: 2015-02-30", "x: !!float z"]
)
def test_a_scalar_that_cannot_be_built_is_a_bad_value_naming_its_node(base, text):
    loader = loader_class(base)(text)
    try:
        node = loader.get_single_node()
        with pytest.raises(BadValue) as caught:
            loader.construct_document(node)
    finally:
        loader.dispose()
    assert caught.value.node is node.value[0][1]
    assert caught.value.args == (node.value[0][1].value,)


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("tag:yaml.org,2002:timestamp", "date"),
        ("tag:yaml.org,2002:int", "int"),
        ("tag:yaml.org,2002:bool", "bool"),
        ("tag:yaml.org,2002:null", "null"),
    ],
)
def test_tag_name_is_the_kind_a_tag_asks_for(tag, name):
    assert tag_name(yaml.ScalarNode(tag, "v")) == name


@pytest.mark.parametrize("base", LOADERS)
def test_the_loader_itself_builds_no_value_of_an_unknown_tag(base):
    # parse_yaml refuses such tags before building anything; the loader alone does too
    loader = loader_class(base)("x: !shell rm\n")
    try:
        with pytest.raises(yaml.constructor.ConstructorError):
            loader.get_single_data()
    finally:
        loader.dispose()
