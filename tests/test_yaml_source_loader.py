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


STR = "tag:yaml.org,2002:str"
PLAIN = [
    "2015",
    "-3",
    "1.5",
    ".inf",
    "0x1F",
    "0o17",
    "true",
    "No",
    "~",
    "null",
    "",
    "2015-02-03",
    "2015-02-03 10:00:00",
    "<<",
    "=",
    "text",
    "Didi",
    "user_driver",
    "x" * 49,
    "1" * 60,
]


@pytest.mark.parametrize("base", LOADERS)
@pytest.mark.parametrize("value", PLAIN)
def test_a_scalar_gets_pyyaml_s_own_tag_also_when_remembered(base, value):
    """The loader remembers the tags of short plain scalars: the same tag each time."""
    loader = loader_class(base)("")
    reference = yaml.resolver.Resolver()
    try:
        for implicit in [(True, False), (True, False), (False, True), (False, False)]:
            expected = reference.resolve(yaml.ScalarNode, value, implicit)
            assert loader.resolve(yaml.ScalarNode, value, implicit) == expected
        for kind in (yaml.MappingNode, yaml.SequenceNode):
            assert loader.resolve(kind, None, (True, False)) == reference.resolve(
                kind, None, (True, False)
            )
    finally:
        loader.dispose()


def test_tags_are_remembered_for_short_plain_scalars_only_and_up_to_a_bound(monkeypatch):
    from atlas import yaml_source_loader

    monkeypatch.setattr(yaml_source_loader, "REMEMBERED", 2)
    loader = loader_class(yaml.SafeLoader)("")
    for value, implicit in [
        ("short", (True, False)),
        ("quoted", (False, True)),
        ("x" * (yaml_source_loader.REMEMBERED_LENGTH + 1), (True, False)),
        ("y" * yaml_source_loader.REMEMBERED_LENGTH, (True, False)),
        ("2015", (True, False)),
        ("third", (True, False)),
    ]:
        loader.resolve(yaml.ScalarNode, value, implicit)
    assert loader.remembered_tags == {"short": STR, "y" * yaml_source_loader.REMEMBERED_LENGTH: STR}
    loader.dispose()


def test_a_remembered_tag_is_answered_from_memory():
    loader = loader_class(yaml.SafeLoader)("")
    loader.remembered_tags["2015"] = STR  # as if "2015" had been text
    assert loader.resolve(yaml.ScalarNode, "2015", (True, False)) == STR
    loader.dispose()
