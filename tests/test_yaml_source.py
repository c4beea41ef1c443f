"""Reading one YAML file: every class of unreadable file has its kind and its line.

The tests assert our `ProblemKind`, the line and (where our code controls it) a property
of our own message, never PyYAML's wording: each runs with libyaml's C loader and with
PyYAML's pure-Python one, which word their errors differently and stop at different
limits.
"""

import codecs

import pytest
import yaml

from atlas import yaml_source_pyyaml_errors
from atlas.problems import ProblemKind as K
from atlas.yaml_source import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    MAX_NUMBER_DIGITS,
    YamlFileError,
    parse_yaml,
    read_yaml,
)
from atlas.yaml_source_pyyaml_errors import yaml_error
from tests.conftest import refusal

BOM = "\ufeff".encode()


def test_lines_of_keys_and_list_items(yaml_loader):
    doc = parse_yaml(b"id: a\nlessons:\n  - one\n  - two\nyears:\n  start: 2015\n")
    assert doc.data["lessons"] == ["one", "two"]
    assert doc.line_of(("lessons", 1)) == 4
    assert doc.line_of(("years", "start")) == 6
    # a missing field is placed on its parent; an unknown location on the first line
    assert doc.line_of(("years", "end")) == 5
    assert doc.line_of(("nowhere", 3)) == 1


def flow(depth: int) -> bytes:
    return b"id: a\nx: " + b"[" * depth + b"]" * depth + b"\n"


def alias_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines).encode()


# raw file -> (kind, line, field)
UNREADABLE = {
    "empty": (b"", K.EMPTY, 1, "(file)"),
    "only a comment": (b"# only a comment\n", K.EMPTY, 1, "(file)"),
    "only dashes": (b"---\n", K.EMPTY, 1, "(file)"),
    "a list": (b"- a\n- b\n", K.NOT_A_MAPPING, 1, "(file)"),
    "a single value": (b"just a string\n", K.NOT_A_MAPPING, 1, "(file)"),
    "latin-1": (b"id: a\ntitle: caf\xe9\n", K.NOT_UTF8, 2, "(file)"),
    "utf-16": ("id: a\n".encode("utf-16"), K.NOT_UTF8, 1, "(file)"),
    "utf-32": (codecs.BOM_UTF32_LE + "id: a\n".encode("utf-32-le"), K.NOT_UTF8, 1, "(file)"),
    "binary": (b"id: a\n\x00\x01\x02", K.BINARY, 2, "(file)"),
    "bom inside": (b"id: a\n" + BOM + b"title: joined\n", K.BOM, 2, "(yaml syntax)"),
    "bell": (b"id: a\ntitle: a\x07b\n", K.BAD_CHARACTER, 2, "(file)"),
    # libyaml counts bytes, PyYAML characters: the line is right either way
    "escape after chinese": (
        ("title: " + "中" * 300 + "\nx: 1\ny: a\x1bb\n").encode(),
        K.BAD_CHARACTER,
        3,
        "(file)",
    ),
    "colon in value": (b"id: a\ntitle: A: B\n", K.SYNTAX, 2, "(yaml syntax)"),
    "unclosed flow": (b"id: a\nx: [1, 2\ny: 3\n", K.SYNTAX, 3, "(yaml syntax)"),
    "undefined alias": (b"id: a\nx: *nope\n", K.SYNTAX, 2, "(yaml syntax)"),
    "tab indent": (b"id: a\nx:\n\t- y\n", K.TAB_INDENT, 3, "(yaml syntax)"),
    # a tab inside a value is no indentation (PyYAML's pure-Python scanner stops at it)
    "tab inside a value": (b"id: a\ntitle: a\tb: c\n", K.SYNTAX, 2, "(yaml syntax)"),
    "duplicate key": (b"id: a\nid: b\n", K.DUPLICATE_KEY, 2, "id"),
    "nested duplicate key": (
        b"id: a\nyears:\n  start: 1\n  start: 2\n",
        K.DUPLICATE_KEY,
        4,
        "years.start",
    ),
    "two documents": (b"id: a\n---\nid: b\n", K.MULTIPLE_DOCUMENTS, 2, "(yaml syntax)"),
    "python tag": (b"x: !!python/object/apply:os.system [ls]\n", K.REFUSED_TAG, 1, "(yaml syntax)"),
    "local tag": (b"id: a\nx: !shell rm\n", K.REFUSED_TAG, 2, "(yaml syntax)"),
    "set tag": (b"id: a\nx: !!set {a, b}\n", K.REFUSED_TAG, 2, "(yaml syntax)"),
    "map tag on text": (b"id: a\nx: !!map 5\n", K.REFUSED_TAG, 2, "(yaml syntax)"),
    "bad bool": (b"id: a\nx: !!bool maybe\n", K.BAD_VALUE, 2, "x"),
    "bad timestamp": (b"id: a\nx: !!timestamp soon\n", K.BAD_VALUE, 2, "x"),
    "empty int": (b"id: a\nx: !!int ''\n", K.BAD_VALUE, 2, "x"),
    "30 February": (
        b"id: a\ntimeline:\n  - date: 2015-02-30\n",
        K.BAD_VALUE,
        3,
        "timeline[0].date",
    ),
    "long number": (
        b"id: a\nx: " + b"9" * (MAX_NUMBER_DIGITS + 1),
        K.NUMBER_TOO_LONG,
        2,
        "(yaml syntax)",
    ),
    "number as key": (b"id: a\n2015: x\n", K.BAD_KEY, 2, "(file)"),
    "list as key": (b"id: a\n? [a, b]\n: x\n", K.BAD_KEY, 2, "(file)"),
    "merge of a value": (b"id: a\n<<: 5\n", K.BAD_MERGE, 2, "(file)"),
    "alias loop": (b"a: &a [*a]\n", K.ALIAS_LOOP, 1, "(file)"),
    "alias bomb": (alias_bomb(), K.TOO_MANY_VALUES, 5, "(file)"),
    "many values": (
        b"id: a\nx: [" + b",".join([b"1"] * MAX_NODES) + b"]\n",
        K.TOO_MANY_VALUES,
        2,
        "(file)",
    ),
    # too deep: our guard, the pure-Python composer's recursion limit and libyaml's own
    # limit of 1,000 open brackets all give our kind, on the line where it is passed
    "flow nesting 40": (flow(40), K.TOO_DEEP, 2, "(file)"),
    "flow nesting 400": (flow(400), K.TOO_DEEP, 2, "(file)"),
    "flow nesting 1,500": (flow(1_500), K.TOO_DEEP, 2, "(file)"),
    "flow nesting after 75 KB": (
        b"id: a\n" + b"y: 1\n" * 15_000 + b"x: " + b"[" * 1_500 + b"]" * 1_500,
        K.TOO_DEEP,
        15_002,
        "(file)",
    ),
    "flow nesting over lines": (
        b"id: a\nx:\n" + b"  [\n" * 60 + b"  " + b"]" * 60,
        K.TOO_DEEP,
        32,
        "(file)",
    ),
    "mapping nesting 1,500": (
        b"id: a\nx: " + b"{a: " * 1_500 + b"1" + b"}" * 1_500,
        K.TOO_DEEP,
        2,
        "(file)",
    ),
    "block nesting 40": (b"id: a\nx:\n" + b"- " * 40 + b"x\n", K.TOO_DEEP, 3, "(file)"),
    "block nesting 2,000": (b"id: a\nx:\n" + b"- " * 2_000 + b"x\n", K.TOO_DEEP, 3, "(file)"),
    "block nesting over lines": (
        b"id: a\nx:\n" + b"".join(b" " * n + b"a:\n" for n in range(1, 61)) + b" " * 61 + b"b\n",
        K.TOO_DEEP,
        32,
        "(file)",
    ),
}


@pytest.mark.parametrize(("raw", "kind", "line", "field"), UNREADABLE.values(), ids=UNREADABLE)
def test_each_unreadable_file_gets_its_kind_and_line(yaml_loader, raw, kind, line, field):
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(raw)
    error = caught.value
    assert (error.kind, error.line, error.field) == (kind, line, field), error.message
    problem = error.problem("cases/x.yaml")
    assert (problem.kind, problem.line, problem.field) == (kind, line, field)
    assert str(problem).startswith(f"cases/x.yaml:{line}: {field}: ")


# Kinds we name in our own words: PyYAML's description of the same error is not in them.
OWN_WORDS = ["colon in value", "tab indent", "two documents", "python tag", "flow nesting 1,500"]


@pytest.mark.parametrize("name", OWN_WORDS)
def test_named_problems_are_told_in_our_words(yaml_loader, name):
    raw = UNREADABLE[name][0]
    theirs = []
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        try:
            yaml.load(raw, Loader=loader)
        except yaml.MarkedYAMLError as exc:
            theirs += [str(part) for part in (exc.context, exc.problem) if part]
        except RecursionError:
            pass
    assert theirs, "PyYAML itself refuses this file"
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(raw)
    assert not [words for words in theirs if words in caught.value.message]


def test_limits_are_named_from_our_constants(tmp_path, yaml_loader):
    with pytest.raises(YamlFileError) as deep:
        parse_yaml(flow(1_500))
    assert str(MAX_DEPTH) in deep.value.message
    with pytest.raises(YamlFileError) as bomb:
        parse_yaml(alias_bomb())
    assert f"{MAX_NODES:,}" in bomb.value.message
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.seek(MAX_FILE_BYTES + 10)
        f.write(b"\n")
    with pytest.raises(YamlFileError) as large:
        read_yaml(big)
    assert large.value.kind is K.TOO_LARGE
    assert f"{MAX_FILE_BYTES / 1e6:.0f} MB" in large.value.message


def test_libyamls_nesting_limit_is_recognised_without_its_wording(monkeypatch):
    # libyaml (1,000 open brackets) stops before our guard sees the line: the line is
    # measured again, whatever libyaml's message says
    monkeypatch.setattr(yaml_source_pyyaml_errors, "_says_too_deep", lambda detail: False)
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(flow(1_500))
    assert (caught.value.kind, caught.value.line) == (K.TOO_DEEP, 2)


def test_a_nesting_limit_of_any_yaml_library_is_our_too_deep():
    # A library that stops nesting before our guard looks (libyaml does, at 1,000 open
    # brackets) is mapped on its exception, whatever the text: our kind, its line.
    text = "id: a\nx: [1]\n"
    mark = yaml.Mark("<file>", 7, 1, 3, text, 7)
    error = yaml.scanner.ScannerError(None, None, "exceeded maximum nesting depth", mark)
    mapped = yaml_error(text, error, base=yaml.SafeLoader)
    assert (mapped.kind, mapped.line) == (K.TOO_DEEP, 2)
    assert str(MAX_DEPTH) in mapped.message


@pytest.mark.parametrize(
    "raw",
    [
        BOM + b"id: a\ntitle: B\n",  # a leading byte order mark, as Windows editors write
        BOM + b"# comment\nid: a\ntitle: B\n",
        b"id: a\ntitle: =\n",  # '=' and '<<' as values are text
        b"id: a\ntitle: <<\n",
        b"base: &b {id: a}\ncase:\n  <<: *b\n  title: B\n",  # a merge of a mapping
        b"id: a\ntitle: B\n...\n",  # an explicit end of the document
        b'id: a\ntitle: "tab\\tinside"\n',
        # just deep enough: the top-level mapping is the first level
        b"id: a\nx: " + b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1) + b"\n",
        # brackets enough to be measured first, side by side: not deep
        b"id: a\nx: [" + b"[1], " * 600 + b"]\n",
    ],
)
def test_files_that_are_fine_load(yaml_loader, raw):
    doc = parse_yaml(raw)
    assert doc.data


def test_a_leading_bom_does_not_move_the_lines(yaml_loader):
    doc = parse_yaml(BOM + b"id: a\nlessons:\n  - one\n")
    assert doc.data["id"] == "a" and doc.line_of(("lessons", 0)) == 3


def test_dates_stay_dates_until_the_schema_reads_them(yaml_loader):
    doc = parse_yaml(b"date: 2016-08-01\nyear: 2015\n")
    assert str(doc.data["date"]) == "2016-08-01"
    assert doc.data["year"] == 2015


@pytest.mark.parametrize("kind", list(K))
def test_every_kind_has_a_plain_value(kind):
    assert kind.value == kind.name.lower() and str(kind.value).isidentifier()


# --- our own words, in full ----------------------------------------------------------------
# Where the message is ours (not PyYAML's), a file is refused with exactly these words: the
# mutation run (make mutants) found the messages, hints and fields of these checked nowhere.

SAY_MAPPING = "start the file with `id: ...` on its own line, not with '- '"
SAY_QUOTE = "quote it, or check the indentation: field names are words like `title`"
SAY_MERGE = "'<<' merges in another mapping: write the fields out instead"
SECOND = "a second YAML document starts here; a case file holds one"
SAY_SECOND = "remove the '---' line and what follows it, or move it to a file of its own"
MAPPING = "the top level must be a mapping of fields, found "
MERGE = "'<<' must be followed by a mapping to merge in, found "

# raw file -> (line, message, hint, field, kind)
OUR_WORDS = {
    "empty": (b"", (1, "file is empty", "start from `atlas new ID`", "(file)", K.EMPTY)),
    "only dashes": (
        b"---\n",
        (1, "file is empty", "start from `atlas new ID`", "(file)", K.EMPTY),
    ),
    "a list": (b"- a\n- b\n", (1, MAPPING + "a list", SAY_MAPPING, "(file)", K.NOT_A_MAPPING)),
    "a value": (
        b"\njust a string\n",
        (2, MAPPING + "a single value ('just a string')", SAY_MAPPING, "(file)", K.NOT_A_MAPPING),
    ),
    "a long value": (
        b"x" * 60,
        (1, MAPPING + f"a single value ('{'x' * 39}…')", SAY_MAPPING, "(file)", K.NOT_A_MAPPING),
    ),
    "second document": (
        b"id: a\nx: 1\n# the next one\n--- \nid: b\n",
        (4, SECOND, SAY_SECOND, "(yaml syntax)", K.MULTIPLE_DOCUMENTS),
    ),
    "end marker, then a document": (
        b"id: a\n...\n---\nid: b\n",
        (2, SECOND, SAY_SECOND, "(yaml syntax)", K.MULTIPLE_DOCUMENTS),
    ),
    "stray bom": (
        b"id: a\ntitle: b\n" + BOM + b"x: 1\n",
        (
            3,
            "an invisible byte order mark (U+FEFF) inside the text breaks the YAML here",
            "delete it: it often comes from joining two files; only the very start may hold one",
            "(yaml syntax)",
            K.BOM,
        ),
    ),
    "duplicate key": (
        b"id: a\nyears:\n  start: 1\n  start: 2\n",
        (
            4,
            "key appears twice (lines 3 and 4)",
            "keep one of them: YAML would silently drop the first",
            "years.start",
            K.DUPLICATE_KEY,
        ),
    ),
    "number key": (
        b"id: a\n2015: x\n",
        (
            2,
            "the key '2015' is read as number, not as a field name",
            SAY_QUOTE,
            "(file)",
            K.BAD_KEY,
        ),
    ),
    "float key": (
        b"id: a\n1.5: x\n",
        (
            2,
            "the key '1.5' is read as number, not as a field name",
            SAY_QUOTE,
            "(file)",
            K.BAD_KEY,
        ),
    ),
    "bool key": (
        b"id: a\nyears:\n  yes: x\n",
        (3, "the key 'yes' is read as bool, not as a field name", SAY_QUOTE, "years", K.BAD_KEY),
    ),
    "date key": (
        b"id: a\n2015-01-02: x\n",
        (
            2,
            "the key '2015-01-02' is read as date, not as a field name",
            SAY_QUOTE,
            "(file)",
            K.BAD_KEY,
        ),
    ),
    "list key": (
        b"id: a\n? [a, b]\n: x\n",
        (
            2,
            "a key must be a field name, not a list or a mapping",
            "remove the '?' or the brackets before the ':'",
            "(file)",
            K.BAD_KEY,
        ),
    ),
    "merge of a value": (
        b"id: a\nyears:\n  <<: 3\n",
        (3, MERGE + "a single value", SAY_MERGE, "years", K.BAD_MERGE),
    ),
    "merge of values": (
        b"id: a\nyears:\n  <<: [1, {start: 2}]\n",
        (3, MERGE + "a list of values", SAY_MERGE, "years", K.BAD_MERGE),
    ),
}


@pytest.mark.parametrize(("raw", "expected"), OUR_WORDS.values(), ids=list(OUR_WORDS))
def test_our_refusals_in_full(yaml_loader, raw, expected):
    assert refusal(raw) == expected
    e = refusal(raw, whole=True)
    assert str(e) == e.message


def test_a_merge_of_mappings_is_read_and_marked(yaml_loader):
    doc = parse_yaml(b"base: &b {start: 1}\nmore: &m {end: 2}\nyears:\n  <<: [*b, *m]\n")
    assert doc.data["years"] == {"start": 1, "end": 2}
    assert doc.lines == {
        ("base",): 1,
        ("base", "start"): 1,
        ("more",): 2,
        ("more", "end"): 2,
        ("years",): 3,
    }


def test_a_file_too_large_in_full(tmp_path):
    from atlas.yaml_source import too_large

    e = too_large(2_500_000)
    assert (e.line, e.message, e.hint, e.field, e.kind) == (
        1,
        "file is 2.5 MB; the limit is 1 MB",
        "a case file is a few kilobytes: is this the right file?",
        "(file)",
        K.TOO_LARGE,
    )


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("a" * 40, "'" + "a" * 40 + "'"),  # up to the limit: whole
        ("a" * 41, "'" + "a" * 39 + "…'"),  # over it: cut, and the cut shown
        (2015, "'2015'"),
        ("it's", '"it\'s"'),
    ],
)
def test_snippet_quotes_a_value_within_40_characters(value, quoted):
    from atlas.yaml_source_error import snippet

    assert snippet(value) == quoted
    assert snippet("abcdef", limit=4) == "'abc…'"


def test_a_recursion_error_while_reading_is_too_deep_where_the_nesting_passes(monkeypatch):
    # PyYAML's pure-Python composer recurses once per level: whatever recursed, the file
    # is too deep, on the line where it passes the limit (line 1 if none does)
    from atlas import yaml_source

    def recursing(node):
        raise RecursionError

    monkeypatch.setattr(yaml_source, "build_tree", lambda node, loader: None)  # full path
    monkeypatch.setattr(yaml_source, "check_graph", recursing)
    with pytest.raises(YamlFileError) as deep:
        parse_yaml(b"id: a\n\nx: " + b"[" * 40 + b"]" * 40 + b"\n")
    assert (deep.value.kind, deep.value.line) == (K.TOO_DEEP, 3)
    with pytest.raises(YamlFileError) as shallow:
        parse_yaml(b"id: a\n\nx: [1]\n")
    assert (shallow.value.kind, shallow.value.line) == (K.TOO_DEEP, 1)
    # the text measured again may not even parse: where it stops, the measure ends
    monkeypatch.setattr(yaml_source, "_single_document", lambda loader, text: recursing(text))
    with pytest.raises(YamlFileError) as broken:
        parse_yaml(b"id: a\n# " + b"-" * 40 + b"\nx: @\n")
    assert (broken.value.kind, broken.value.line) == (K.TOO_DEEP, 1)


def test_a_syntax_error_in_a_file_within_the_nesting_bound_is_where_yaml_stops(yaml_loader):
    # the nesting of such a file is checked once it parses: the syntax error comes first
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(b"id: a\nx: " + b"[" * 40 + b"1" + b"]" * 40 + b"\ny: @\n")
    assert (caught.value.kind, caught.value.line) == (K.SYNTAX, 3)


def test_a_second_document_with_no_marker_line_is_blamed_after_the_first():
    from atlas.yaml_source import _document_marker_line

    assert _document_marker_line("id: a\nx: 1\n--- \nid: b\n", 1) == 3
    assert _document_marker_line("id: a\nx: 1\n", 1) == 2  # none found: the line after


def test_a_quoted_empty_document_is_a_value_not_an_empty_file(yaml_loader):
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(b'--- ""\n')
    assert (caught.value.kind, caught.value.line) == (K.NOT_A_MAPPING, 1)
