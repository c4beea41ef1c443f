"""The line of every key and list item, and the checks made on the way
(atlas/yaml_source_lines.py): a key given twice, a key that is not a field name, a '<<'
merge of no mapping. Each asserts our kind, line, field and (our own) words."""

import pytest

from atlas.problems import ProblemKind as K
from atlas.yaml_source import YamlFileError, parse_yaml
from tests.conftest import refusal


def test_every_key_and_item_has_its_line(yaml_loader):
    doc = parse_yaml(b"id: a\nlist:\n  - one\n  - k: v\n    j: w\nmap:\n  deep:\n    x: 1\n")
    assert doc.lines == {
        ("id",): 1,
        ("list",): 2,
        ("list", 0): 3,
        ("list", 1): 4,
        ("list", 1, "k"): 4,
        ("list", 1, "j"): 5,
        ("map",): 6,
        ("map", "deep"): 7,
        ("map", "deep", "x"): 8,
    }


def test_the_keys_after_a_merge_are_marked_too(yaml_loader):
    doc = parse_yaml(b"base: &b {start: 1}\nyears:\n  <<: *b\n  end: 2\n  note: x\n")
    assert doc.data["years"] == {"start": 1, "end": 2, "note": "x"}
    assert doc.lines == {
        ("base",): 1,
        ("base", "start"): 1,
        ("years",): 2,
        ("years", "end"): 4,
        ("years", "note"): 5,
    }


SAY_QUOTE = "quote it, or check the indentation: field names are words like `title`"
SAY_TWICE = "keep one of them: YAML would silently drop the first"
SAY_MERGE = "'<<' merges in another mapping: write the fields out instead"

# raw file -> (line, message, hint, field, kind): each named where it is, in a list too
IN_PLACE = {
    "a key twice in a list item": (
        b"id: a\ntimeline:\n  - date: 2015\n\n    date: 2016\n",
        (5, "key appears twice (lines 3 and 5)", SAY_TWICE, "timeline[0].date", K.DUPLICATE_KEY),
    ),
    "a key twice at the top": (
        b"\nid: a\ntitle: x\nid: b\n",
        (4, "key appears twice (lines 2 and 4)", SAY_TWICE, "id", K.DUPLICATE_KEY),
    ),
    "a number key in a list item": (
        b"id: a\nmetrics:\n  - 12: x\n",
        (
            3,
            "the key '12' is read as number, not as a field name",
            SAY_QUOTE,
            "metrics[0]",
            K.BAD_KEY,
        ),
    ),
    "a null key": (
        b"id: a\nyears:\n  ~: x\n",
        (3, "the key '~' is read as null, not as a field name", SAY_QUOTE, "years", K.BAD_KEY),
    ),
    "a mapping as a key": (
        b"id: a\nyears:\n\n  ? {a: b}\n  : x\n",
        (
            4,
            "a key must be a field name, not a list or a mapping",
            "remove the '?' or the brackets before the ':'",
            "years",
            K.BAD_KEY,
        ),
    ),
    "a merge of a value in a list item": (
        b"id: a\nlist:\n  - x: 1\n\n    <<: 3\n",
        (
            5,
            "'<<' must be followed by a mapping to merge in, found a single value",
            SAY_MERGE,
            "list[0]",
            K.BAD_MERGE,
        ),
    ),
    "a merge of a list of values": (
        b"id: a\nbase: &b {x: 1}\nyears:\n  <<: [*b, [1]]\n",
        (
            4,
            "'<<' must be followed by a mapping to merge in, found a list of values",
            SAY_MERGE,
            "years",
            K.BAD_MERGE,
        ),
    ),
}


@pytest.mark.parametrize(("raw", "expected"), IN_PLACE.values(), ids=list(IN_PLACE))
def test_each_check_names_its_place(yaml_loader, raw, expected):
    assert refusal(raw) == expected


def test_a_bad_value_deep_in_lists_is_named_by_its_path(yaml_loader):
    # the path of every node is recorded on the way, for the error of a value built later
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(b"id: a\nlist:\n  - x: 1\n  - y:\n      - 2015-02-30\n")
    e = caught.value
    assert (e.line, e.field, e.kind) == (5, "list[1].y[0]", K.BAD_VALUE)
