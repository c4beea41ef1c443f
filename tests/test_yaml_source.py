import pytest

from atlas.yaml_source import MAX_FILE_BYTES, YamlFileError, parse_yaml, read_yaml


def test_lines_of_keys_and_list_items():
    doc = parse_yaml(b"id: a\nlessons:\n  - one\n  - two\nyears:\n  start: 2015\n")
    assert doc.data["lessons"] == ["one", "two"]
    assert doc.line_of(("lessons", 1)) == 4
    assert doc.line_of(("years", "start")) == 6
    # a missing field is placed on its parent; an unknown location on the first line
    assert doc.line_of(("years", "end")) == 5
    assert doc.line_of(("nowhere", 3)) == 1


@pytest.mark.parametrize(
    ("raw", "line", "needle", "hint"),
    [
        (b"", 1, "empty", "atlas new"),
        (b"# only a comment\n", 1, "empty", ""),
        (b"- a\n- b\n", 1, "found a list", "id: ..."),
        (b"just a string\n", 1, "found a single value", ""),
        (b"id: a\ntitle: caf\xe9\n", 2, "not valid UTF-8", "UTF-8"),
        (b"id: a\n\x00\x01\x02", 2, "binary file", ""),
        (b"id: a\ntitle: A: B\n", 2, "mapping values are not allowed", "quote this value"),
        (b"id: a\nx:\n\t- y\n", 3, "cannot start any token", "spaces, not tabs"),
        (b"id: a\nid: b\n", 2, "key appears twice (lines 1 and 2)", "drop the first"),
        (b"id: a\n---\nid: b\n", 2, "single document", ""),
        (b"x: !!python/object/apply:os.system [ls]\n", 1, "constructor", "tag"),
        (b"a: &a [*a]\n", 1, "refers to itself", ""),
        (b"x: " + b"[" * 200 + b"]" * 200 + b"\n", 1, "nested deeper", ""),
    ],
)
def test_unreadable_files_get_a_line_and_a_reason(raw, line, needle, hint):
    with pytest.raises(YamlFileError) as exc:
        parse_yaml(raw)
    assert exc.value.line == line
    assert needle in exc.value.message
    assert hint in exc.value.hint


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(YamlFileError, match="expands to more than"):
        parse_yaml("\n".join(lines).encode())


def test_oversized_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.seek(MAX_FILE_BYTES + 10)
        f.write(b"\n")
    with pytest.raises(YamlFileError, match="the limit is 1 MB"):
        read_yaml(big)


def test_dates_stay_dates_until_the_schema_reads_them():
    doc = parse_yaml(b"date: 2016-08-01\nyear: 2015\n")
    assert str(doc.data["date"]) == "2016-08-01"
    assert doc.data["year"] == 2015
