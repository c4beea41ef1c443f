"""PyYAML's errors as our kinds (atlas/yaml_source_pyyaml_errors.py).

Each test asserts our kind, our line and our own words; never PyYAML's wording, which
differs between libyaml's C loader and PyYAML's pure-Python one and between releases.
"""

import pytest
import yaml

from atlas import yaml_source_pyyaml_errors as errors
from atlas.problems import ProblemKind as K
from atlas.yaml_source import YamlFileError, parse_yaml
from atlas.yaml_source_guards import MAX_DEPTH
from atlas.yaml_source_pyyaml_errors import RECHECK_CHARS, bad_value, reader_error, yaml_error
from tests.conftest import refusal

SYNTAX = "(yaml syntax)"
COLON = "a ': ' inside a value: YAML reads it as the start of another field"
SAY_COLON = "quote this value: it contains ': ' (write title: \"A: B\")"
TAB = "a tab in the indentation: YAML indents with spaces only"
SAY_TAB = "indent with spaces, not tabs"
SAY_QUOTE_END = "end the value with the same quote it starts with"
SAY_RESERVED = "quote this value: it starts with a reserved character"
SAY_ESCAPE = "use single quotes, or double the backslash"


def quote_not_closed(stops_at: int) -> str:
    return f"the quote opened on this line is not closed (YAML stops at line {stops_at})"


# raw file -> (line, message, hint, field, kind), the same with either loader
OUR_WORDS = {
    "colon in value": (b"id: a\ntitle: A: B\n", (2, COLON, SAY_COLON, SYNTAX, K.SYNTAX)),
    "colon at the end": (b"id: a\ntitle: A:\n", (2, COLON, SAY_COLON, SYNTAX, K.SYNTAX)),
    "tab before a dash": (b"id: a\nx:\n\t- y\n", (3, TAB, SAY_TAB, SYNTAX, K.TAB_INDENT)),
    "tab after spaces": (b"id: a\nx:\n  \t- y\n", (3, TAB, SAY_TAB, SYNTAX, K.TAB_INDENT)),
    "tab after a dash": (b"id: a\nx:\n  -\t- y\n", (3, TAB, SAY_TAB, SYNTAX, K.TAB_INDENT)),
    "unclosed double quote": (
        b'id: a\ntitle: "abc\nx: 1\ny: 2\nz: "q"\n',
        (2, quote_not_closed(5), SAY_QUOTE_END, SYNTAX, K.SYNTAX),
    ),
    "unclosed single quote": (
        b"id: a\ntitle: 'abc\nx: 1\ny: 2\nz: 'q'\n",
        (2, quote_not_closed(5), SAY_QUOTE_END, SYNTAX, K.SYNTAX),
    ),
}


@pytest.mark.parametrize(("raw", "expected"), OUR_WORDS.values(), ids=list(OUR_WORDS))
def test_pyyaml_errors_in_our_words(yaml_loader, raw, expected):
    assert refusal(raw) == expected


# Where our message quotes PyYAML's description, only our part of it is asserted.
GENERIC = {
    # the character the parser stopped at has a known fix
    "reserved @": (b"id: a\ntitle: @x\n", 2, SAY_RESERVED),
    "reserved @ alone": (b"id: a\ntitle: @\n", 2, SAY_RESERVED),
    "reserved backtick": (b"id: a\ntitle: `x\n", 2, SAY_RESERVED),
    "unknown escape": (b'id: a\ntitle: "a\\qb"\n', 2, SAY_ESCAPE),
    # no known fix: only the kind and the line
    "undefined alias": (b"id: a\nx: *nope\n", 2, None),
    "unclosed flow at the end": (b"id: a\nx: [1, 2\n", 3, None),
    # a quoted value that is closed, then an error on a later line: not an unclosed quote
    "closed quote, then an error": (b'id: a\nx: "a"\ny: [\n', 4, None),
    "closed quote on the line before": (b'id: a\nx: "a"\n  - b\n', 3, None),
    # a BOM on a line after the error is not where it broke
    "error, then a bom later": (b"id: a\ntitle: @x\nq: x\xef\xbb\xbfy\n", 2, SAY_RESERVED),
}


@pytest.mark.parametrize(("raw", "line", "hint"), GENERIC.values(), ids=list(GENERIC))
def test_other_syntax_errors_keep_their_kind_line_and_hint(yaml_loader, raw, line, hint):
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(raw)
    e = caught.value
    assert (e.kind, e.line, e.field) == (K.SYNTAX, line, SYNTAX)
    assert e.message.startswith("not valid YAML (") and e.message.endswith(")")
    if hint is not None:
        assert e.hint == hint


STRAY_BOM = "an invisible byte order mark (U+FEFF) inside the text breaks the YAML here"
B = b"\xef\xbb\xbf"


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"id: a\ntitle: b" + B + b"c: d\n", 2),
        (b"id: a\ntitle: b" + B + b"c: d\nq: 1\n", 2),  # not the last line
        (b"\nid: a\ntitle: b" + B + b"c: d\n", 3),  # a blank first line counts
        (b"id: a\ntitle: A: B" + B + b"\n", 2),  # after the column that failed
        # two on the lines read: the one nearest the error
        (b"id: a\nt: x" + B + b"y\nu: 1\nv: b" + B + b"c: d\n", 4),
    ],
)
def test_a_bom_inside_a_line_is_blamed_on_its_line(yaml_loader, raw, line):
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(raw)
    e = caught.value
    assert (e.kind, e.line, e.message, e.field) == (K.BOM, line, STRAY_BOM, SYNTAX)


# --- yaml_error on its own: errors of any YAML library, placed by their marks -------------


def marked(cls, text, line, column, problem="it broke", context=None, on="problem"):
    """An error of class `cls` with a mark at 0-based (line, column) of `text`."""
    index = sum(len(row) + 1 for row in text.split("\n")[:line]) + column
    mark = yaml.Mark("<file>", index, line, column, text, index)
    marks = {"problem_mark": mark} if on == "problem" else {"context_mark": mark}
    return cls(context, marks.get("context_mark"), problem, marks.get("problem_mark"))


def test_an_error_without_a_mark_is_placed_on_line_one():
    e = yaml_error("id: a\nx: 1\n", yaml.YAMLError("it broke"), base=yaml.SafeLoader)
    assert (e.line, e.message, e.hint, e.field, e.kind) == (
        1,
        "not valid YAML (it broke)",
        "",
        SYNTAX,
        K.SYNTAX,
    )


def test_the_problem_mark_places_the_error_before_the_context_mark():
    text = "id: a\nx: 1\ny: 2\n"
    context_mark = yaml.Mark("<file>", 0, 0, 0, text, 0)
    problem_mark = yaml.Mark("<file>", 12, 2, 0, text, 12)
    exc = yaml.parser.ParserError("while reading", context_mark, "it broke", problem_mark)
    e = yaml_error(text, exc, base=yaml.SafeLoader)
    assert (e.line, e.message, e.kind) == (3, "not valid YAML (while reading it broke)", K.SYNTAX)


def test_the_context_mark_places_an_error_without_a_problem_mark():
    exc = marked(yaml.parser.ParserError, "id: a\nx: 1\ny: 2\n", 1, 0, on="context")
    e = yaml_error("id: a\nx: 1\ny: 2\n", exc, base=yaml.SafeLoader)
    assert (e.line, e.message, e.kind) == (2, "not valid YAML (it broke)", K.SYNTAX)


def test_a_constructor_error_is_a_bad_value_on_its_line():
    text = "id: a\nx: 1\ny: 2\n"
    exc = marked(yaml.constructor.ConstructorError, text, 2, 3, "no such value", "while building")
    e = yaml_error(text, exc, base=yaml.SafeLoader)
    assert (e.line, e.message, e.hint, e.field, e.kind) == (
        3,
        "cannot read this value (while building no such value)",
        "write plain YAML",
        SYNTAX,
        K.BAD_VALUE,
    )


# text, 0-based line and column of the mark -> kind, our message (None: the generic one)
AT_THE_MARK = {
    "a tab in the indentation, mark elsewhere": ("id: a\n\tx: 1\n", 1, 3, K.TAB_INDENT, TAB),
    "a tab where it stopped, after a dash": ("id: a\nx:\n  -\t- b\n", 2, 3, K.TAB_INDENT, TAB),
    "a tab inside the value": ("id: a\nx: a\tb: c\n", 1, 0, K.SYNTAX, None),
    "stopped at a tab inside the value": ("id: a\nx: a\tb: c\n", 1, 4, K.SYNTAX, None),
    "stopped at a tab after a word": ("id: a\nXX\tb: c\n", 1, 2, K.SYNTAX, None),
    "a colon without a space": ("id: a\nx: a:b\n", 1, 4, K.SYNTAX, None),
    "a space after the mark, no colon": ("id: a\nx: @ b\n", 1, 3, K.SYNTAX, None),
    "a colon and a space": ("id: a\nx: a: b\n", 1, 4, K.SYNTAX, COLON),
    "a colon at the end of the line": ("id: a\nx: a:\n", 1, 4, K.SYNTAX, COLON),
    "past the last line": ("id: a\nx: [1\n", 2, 0, K.SYNTAX, None),
}


@pytest.mark.parametrize(
    ("text", "line", "column", "kind", "message"), AT_THE_MARK.values(), ids=list(AT_THE_MARK)
)
def test_what_is_at_the_mark_decides_the_kind(text, line, column, kind, message):
    exc = marked(yaml.scanner.ScannerError, text, line, column)
    e = yaml_error(text, exc, base=yaml.SafeLoader)
    assert (e.kind, e.line) == (kind, line + 1)
    assert e.message == (message or "not valid YAML (it broke)")


@pytest.mark.parametrize(
    ("text", "line", "column", "bom_line"),
    [
        ("\ufeffid: a\nx: 1\n", 1, 0, 1),  # at the very start (a second leading BOM)
        ("\nx\ufeff: 1\n", 1, 0, 2),  # on the error's line, after its column
        ("\nx: 1\n\ufeff", 0, 0, None),  # only on a later line
        ("\nx: 1\ny: 2\ufeff\n", 1, 0, None),
        ("\nx\ufeff", 1, 0, 2),  # on the last line, with no line break after it
    ],
)
def test_a_bom_counts_up_to_the_end_of_the_errors_line(text, line, column, bom_line):
    exc = marked(yaml.scanner.ScannerError, text, line, column)
    e = yaml_error(text, exc, measured=False, base=yaml.SafeLoader)
    if bom_line is None:
        assert (e.kind, e.line) == (K.SYNTAX, line + 1)
    else:
        assert (e.kind, e.line, e.message) == (K.BOM, bom_line, STRAY_BOM)


def test_a_bom_at_a_line_break_is_on_the_next_line():
    # a text that starts with a line break, the error on it: the BOM after it is not read
    text = "\nx\ufeff\n"
    exc = marked(yaml.scanner.ScannerError, text, 0, 0)
    assert yaml_error(text, exc, base=yaml.SafeLoader).kind is K.SYNTAX


# --- nesting: the text before the error is measured again ---------------------------------

TOO_DEEP = f"nested deeper than {MAX_DEPTH} levels"


def deep_flow(before: int) -> str:
    """A line whose brackets pass MAX_DEPTH at column `before` + 34 (the mapping is a level)."""
    return "x: [" + "a" * before + ", " + "[" * (MAX_DEPTH - 1)


def test_an_error_past_text_that_nests_too_deep_is_too_deep():
    text = "id: a\n" + deep_flow(1) + "\ny: 1\n"
    exc = marked(yaml.scanner.ScannerError, text, 2, 0)
    e = yaml_error(text, exc, base=yaml.SafeLoader)  # measured unless told otherwise
    assert (e.kind, e.line, e.message) == (K.TOO_DEEP, 2, TOO_DEEP)
    # not measured (the guard found the text shallow enough): the error as it is
    assert yaml_error(text, exc, measured=False, base=yaml.SafeLoader).kind is K.SYNTAX


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        # the line that failed is read up to 1,024 characters: the 1,024th passes the limit
        ("\n" + deep_flow(989), 2),
        ("\nid: a\n" + deep_flow(989), 3),
        ("\n" + deep_flow(990), None),  # the 1,025th: not read
        ("\nid: a\n" + deep_flow(990), None),
        ("\n" + deep_flow(1) + "]" * MAX_DEPTH + "\n", 2),
        ("id: a\nx: [[1]]\n", None),
    ],
)
def test_the_line_that_failed_is_measured_up_to_1024_characters(text, deep):
    assert errors._deep_line_before(text, len(text)) == deep


def test_the_text_after_the_error_is_not_measured():
    text = "\n" + deep_flow(1)
    assert errors._deep_line_before(text, text.index("[[")) is None
    # the 1,024 characters are counted from the start of the error's line, not of the last
    text = "\n" + deep_flow(990) + "\nmore\n"
    assert errors._deep_line_before(text, text.index("\nmore")) is None


@pytest.mark.parametrize(("length", "deep"), [(RECHECK_CHARS, 3), (RECHECK_CHARS + 1, None)])
def test_at_most_recheck_chars_are_measured_again(length, deep):
    last = "x: " + "[" * (MAX_DEPTH + 10)
    text = "id: a\n#" + "#" * (length - 8 - len(last)) + "\n" + last
    assert len(text) == length
    assert errors._deep_line_before(text, len(text)) == deep


@pytest.mark.parametrize(
    ("detail", "deep"),
    [
        ("exceeded maximum nesting depth", True),
        ("the NESTING is too much", True),
        ("Depth", True),
        ("maximum recursion", True),
        ("found undefined alias", False),
        ("", False),
    ],
)
def test_words_of_a_nesting_limit(detail, deep):
    assert errors._says_too_deep(detail) is deep


@pytest.mark.parametrize(
    ("detail", "char", "hint"),
    [
        ("anything", "@", SAY_RESERVED),
        ("anything", "`", SAY_RESERVED),
        ("expected <block end>, but found", "@", SAY_RESERVED),  # the character first
        (
            "expected <block end>, but found",
            "-",
            "check the indentation of this line and the one before it",
        ),
        (
            "could not find expected ':'",
            "",
            "check the indentation of this line and the one before it",
        ),
        ("found unknown escape character 'q'", "q", SAY_ESCAPE),
        ("found undefined alias", "*", ""),
        ("", "", ""),
    ],
)
def test_a_known_fix_for_a_syntax_error(detail, char, hint):
    assert errors._syntax_hint(detail, char) == hint


# --- characters and values -----------------------------------------------------------------


def reader(character, position=0):
    return yaml.reader.ReaderError("<file>", position, character, "utf-8", "not allowed")


NOT_ALLOWED = "the character {} is not allowed in YAML"
SAY_DELETE = "delete it: it is invisible in most editors (often pasted from a PDF)"


@pytest.mark.parametrize(
    ("text", "character", "line", "shown"),
    [
        ("id: a\nx: a\x07b\n", 7, 2, "U+0007 (a control character)"),
        ("\n\nx: \x07\n", 7, 3, "U+0007 (a control character)"),  # blank lines count
        ("\x07: a\n", 7, 1, "U+0007 (a control character)"),
        ("id: a\nx: \x7f\ny: \x7f\n", 0x7F, 2, "U+007F (a control character)"),  # the first
        ("id: a\nx: \u2028\n", 0x2028, 2, "U+2028 (LINE SEPARATOR)"),  # a named one
        ("\nid: a\n", 7, 1, "U+0007 (a control character)"),  # not in the text: line 1
        ("\nid: a\n", None, 1, "here"),  # no character given
    ],
)
def test_a_character_yaml_refuses_is_named_and_placed(text, character, line, shown):
    e = reader_error(text, reader(character))
    assert (e.line, e.message, e.hint, e.field, e.kind) == (
        line,
        NOT_ALLOWED.format(shown),
        SAY_DELETE,
        "(file)",
        K.BAD_CHARACTER,
    )


def test_a_refused_character_in_a_file_in_our_words(yaml_loader):
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(b"id: a\n\nx: a\x1bb\n")
    e = caught.value
    assert (e.line, e.message, e.hint, e.kind) == (
        3,
        NOT_ALLOWED.format("U+001B (a control character)"),
        SAY_DELETE,
        K.BAD_CHARACTER,
    )


SAY_TAG = "remove the '!!' tag, or write the value as the tag asks"
SAY_DATE = "a date must be a real day (YYYY-MM-DD)"

BAD_VALUES = {
    "bool": (b"id: a\nx: !!bool maybe\n", (2, "cannot read 'maybe' as true/false", SAY_TAG, "x")),
    "int": (b"id: a\nx: !!int ''\n", (2, "cannot read '' as a number", SAY_TAG, "x")),
    "float": (b"id: a\n\nx: !!float z\n", (3, "cannot read 'z' as a number", SAY_TAG, "x")),
    "timestamp": (b"id: a\nx: !!timestamp soon\n", (2, "'soon' is not a real date", SAY_DATE, "x")),
    "30 February": (
        b"id: a\nyears:\n  - 2015-02-30\n",
        (3, "'2015-02-30' is not a real date", SAY_DATE, "years[0]"),
    ),
}


@pytest.mark.parametrize(("raw", "expected"), BAD_VALUES.values(), ids=list(BAD_VALUES))
def test_a_value_that_cannot_be_built_in_our_words(yaml_loader, raw, expected):
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(raw)
    e = caught.value
    assert (e.line, e.message, e.hint, e.field, e.kind) == (*expected, K.BAD_VALUE)


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("tag:yaml.org,2002:null", "cannot read 'x' as null"),  # a tag of no kind of ours
        ("tag:yaml.org,2002:timestamp", "'x' is not a real date"),
    ],
)
def test_a_bad_value_outside_the_marked_fields_is_a_syntax_problem(tag, message):
    node = yaml.ScalarNode(tag, "x", yaml.Mark("<file>", 8, 1, 3, "", 8))
    e = bad_value(node, {})
    assert (e.line, e.message, e.field, e.kind) == (2, message, SYNTAX, K.BAD_VALUE)
