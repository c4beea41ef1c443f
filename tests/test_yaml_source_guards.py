"""Guards that measure a document before anything is built (atlas/yaml_source_guards.py):
nesting, the number of values after aliases, alias loops, tags and long numbers. Each
asserts our kind, line and words."""

import pytest
import yaml

from atlas.problems import ProblemKind as K
from atlas.yaml_source import parse_yaml
from atlas.yaml_source_guards import (
    MAX_DEPTH,
    MAX_NODES,
    MAX_NUMBER_DIGITS,
    deep_line,
    may_nest_past,
    nesting_bound,
)
from tests.conftest import refusal

SYNTAX = "(yaml syntax)"
SAY_TAG = "remove the '!' tag: only plain YAML is allowed"
SAY_DIGITS = "no figure in a case needs more than a few digits: is this the right value?"
SAY_DEEP = "a case nests a few levels: check the brackets and the indentation"
DEEP = f"nested deeper than {MAX_DEPTH} levels"


def bomb() -> bytes:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines).encode()


def values(n: int) -> bytes:
    """A file of exactly `n` values: the top mapping, its key, a list and its items."""
    return b"x: [" + b",".join([b"1"] * (n - 3)) + b"]\n"


# raw file -> (line, message, hint, field, kind)
OUR_WORDS = {
    "alias bomb": (
        bomb(),
        (
            5,
            f"expands to more than {MAX_NODES:,} values (aliases repeated too often?)",
            "remove the '&anchor' / '*alias' repetition",
            "(file)",
            K.TOO_MANY_VALUES,
        ),
    ),
    "one value too many": (
        values(MAX_NODES + 1),
        (
            1,
            f"holds more than {MAX_NODES:,} values",
            "a large case has a few hundred: is this the right file?",
            "(file)",
            K.TOO_MANY_VALUES,
        ),
    ),
    "alias loop": (
        b"id: a\nx: &a\n  - *a\n",
        (
            2,
            "an alias refers to itself",
            "an '*alias' cannot stand inside its own '&anchor'",
            "(file)",
            K.ALIAS_LOOP,
        ),
    ),
    "set tag": (
        b"id: a\n\nx: !!set {a, b}\n",
        (3, "the tag !!set is not allowed", SAY_TAG, SYNTAX, K.REFUSED_TAG),
    ),
    "local tag": (
        b"id: a\nx: !shell rm\n",
        (2, "the tag !shell is not allowed", SAY_TAG, SYNTAX, K.REFUSED_TAG),
    ),
    "a full tag": (
        b"id: a\nx: !<tag:example.com,2000:x> rm\n",
        (2, "the tag tag:example.com,2000:x is not allowed", SAY_TAG, SYNTAX, K.REFUSED_TAG),
    ),
    "long number": (
        b"id: a\n\nx: " + b"9" * (MAX_NUMBER_DIGITS + 1) + b"\n",
        (
            3,
            f"a number {MAX_NUMBER_DIGITS + 1} characters long",
            SAY_DIGITS,
            SYNTAX,
            K.NUMBER_TOO_LONG,
        ),
    ),
    "very long number": (
        b"id: a\nx: 1." + b"5" * 1_232 + b"\n",
        (2, "a number 1,234 characters long", SAY_DIGITS, SYNTAX, K.NUMBER_TOO_LONG),
    ),
    "flow nesting": (
        b"id: a\nx:\n  " + b"[" * MAX_DEPTH + b"]" * MAX_DEPTH + b"\n",
        (3, DEEP, SAY_DEEP, "(file)", K.TOO_DEEP),
    ),
    "block nesting": (
        b"id: a\nx:\n" + b"".join(b" " * n + b"a:\n" for n in range(1, 40)) + b" " * 40 + b"b\n",
        (2 + MAX_DEPTH, DEEP, SAY_DEEP, "(file)", K.TOO_DEEP),
    ),
}


@pytest.mark.parametrize(("raw", "expected"), OUR_WORDS.values(), ids=list(OUR_WORDS))
def test_each_guard_in_our_words(yaml_loader, raw, expected):
    assert refusal(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        values(MAX_NODES),  # up to the limit
        b"x: " + b"9" * MAX_NUMBER_DIGITS + b"\n",  # a number of the longest length
        b"x: " + b"a" * (MAX_NUMBER_DIGITS + 50) + b"\n",  # long text is no number
        b"a: &a [1, 2]\nb: *a\nc: *a\n",  # an alias used twice
        b"x: " + b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1) + b"\n",
    ],
)
def test_files_within_the_limits_load(yaml_loader, raw):
    assert parse_yaml(raw).data


# --- nesting, measured on the parser's events -----------------------------------------------


@pytest.mark.parametrize("base", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
@pytest.mark.parametrize(
    ("text", "line"),
    [
        # the top mapping is the first level
        ("id: a\nx: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", None),
        ("id: a\nx:\n " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", 3),
        ("x: [" + "[1], " * 40 + "]\n", None),  # many lists side by side: 3 levels
        # a list closed before the next opens: its level counts no more
        ("x: [[1],\n " + "[" * (MAX_DEPTH - 1) + "]" * MAX_DEPTH + "\n", 2),
        ("- " * 10, None),  # within the bound: not measured
    ],
)
def test_deep_line_is_where_the_nesting_passes_the_limit(base, text, line):
    assert deep_line(text, base) == line


def test_deep_line_stops_at_a_yaml_error_only_when_told():
    text = "x: @" + "-" * 40 + "\n"  # the bound says measure; the parser stops at '@'
    assert deep_line(text, yaml.SafeLoader, stop_at_error=True) is None
    with pytest.raises(yaml.YAMLError):
        deep_line(text, yaml.SafeLoader)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("", 1),
        ("a", 1),
        ("a: [b, {c: d}]", 5),  # two brackets, two ':'
        ("[[{", 4),
        ("x:\n  - a\n    - b: c\n", 7),  # the widest indent, the most markers on one line
        ("- - -\n", 4),
        ("a: b: c:\n", 4),
        ("? ? ?\n", 4),
        ("? a\n", 2),
        ("\t\tx", 3),
    ],
)
def test_nesting_bound_counts_every_way_to_nest(text, bound):
    assert nesting_bound(text) == bound
    for depth in range(bound - 2, bound + 2):
        assert may_nest_past(text, depth) is (bound > depth)


@pytest.mark.parametrize("depth", [3, 4, 5])
def test_a_loose_bound_past_the_depth_still_asks_the_exact_one(depth):
    # one marker on each of four lines: 4 on the loose bound, 1 on the exact
    text = "a: 1\nb: 2\nc: 3\nd: 4\n"
    assert nesting_bound(text) == 2
    assert may_nest_past(text, depth) is False
