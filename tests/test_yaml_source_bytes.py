"""A case file's bytes (atlas/yaml_source_bytes.py): read up to the size limit, decoded as
UTF-8, its byte order marks checked. Each asserts our kind, line and words."""

import codecs
import io
import os

import pytest

from atlas.problems import ProblemKind as K
from atlas.yaml_source import YamlFileError
from atlas.yaml_source_bytes import MAX_FILE_BYTES, decode, read_bytes, too_large

BOM = codecs.BOM_UTF8
SAY_UTF8 = "save the file as UTF-8"
STRAY = "an invisible byte order mark (U+FEFF) inside the text breaks the YAML here"
SAY_STRAY = "delete it: it often comes from joining two files; only the very start may hold one"


def saved_as(encoding: str) -> str:
    return (
        f"the file is saved as {encoding} (it starts with its byte order mark); "
        "a case file is UTF-8"
    )


# raw bytes -> (line, message, hint, field, kind)
REFUSED = {
    "utf-16 le": ("id: a\n".encode("utf-16-le"), codecs.BOM_UTF16_LE, "UTF-16"),
    "utf-16 be": ("id: a\n".encode("utf-16-be"), codecs.BOM_UTF16_BE, "UTF-16"),
    "utf-32 le": ("id: a\n".encode("utf-32-le"), codecs.BOM_UTF32_LE, "UTF-32"),
    "utf-32 be": ("id: a\n".encode("utf-32-be"), codecs.BOM_UTF32_BE, "UTF-32"),
}


@pytest.mark.parametrize(("body", "bom", "encoding"), REFUSED.values(), ids=list(REFUSED))
def test_a_file_saved_as_utf16_or_utf32_is_named_so(body, bom, encoding):
    with pytest.raises(YamlFileError) as caught:
        decode(bom + body)
    e = caught.value
    assert (e.line, e.message, e.hint, e.field, e.kind) == (
        1,
        saved_as(encoding),
        SAY_UTF8,
        "(file)",
        K.NOT_UTF8,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"id: a\nt: \x00\n\x00",  # the first NUL
            (2, "binary file: a case file is UTF-8 text", "", "(file)", K.BINARY),
        ),
        (
            b"id: a\n\ntitle: caf\xe9\n",
            (3, "not valid UTF-8 (byte 0xe9 at offset 17)", SAY_UTF8, "(file)", K.NOT_UTF8),
        ),
        (b"\n" + BOM + b"id: a\n", (2, STRAY, SAY_STRAY, "(yaml syntax)", K.BOM)),
        (b"\n\n" + BOM + b"id: a\n", (3, STRAY, SAY_STRAY, "(yaml syntax)", K.BOM)),
        (
            b"id: a\n" + BOM + b"x: 1\n" + BOM + b"y: 2\n",
            (2, STRAY, SAY_STRAY, "(yaml syntax)", K.BOM),
        ),
    ],
)
def test_bytes_that_are_not_a_case_files_text(raw, expected):
    with pytest.raises(YamlFileError) as caught:
        decode(raw)
    e = caught.value
    assert (e.line, e.message, e.hint, e.field, e.kind) == expected


def test_a_leading_bom_is_dropped():
    assert decode(BOM + b"id: a\n") == "id: a\n"


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(YamlFileError) as caught:
        read_bytes(tmp_path)
    e = caught.value
    assert (e.line, e.message, e.field, e.kind) == (
        1,
        "not a regular file (a folder, pipe or device?)",
        "(file)",
        K.NOT_A_FILE,
    )


def sized(path, size: int):
    with path.open("wb") as f:
        f.write(b"#" * size)
    return path


def test_a_file_of_the_largest_size_is_read_whole(tmp_path):
    assert len(read_bytes(sized(tmp_path / "max.yaml", MAX_FILE_BYTES))) == MAX_FILE_BYTES


def test_a_file_one_byte_too_large_is_refused(tmp_path):
    with pytest.raises(YamlFileError) as caught:
        read_bytes(sized(tmp_path / "big.yaml", MAX_FILE_BYTES + 1))
    assert caught.value.kind is K.TOO_LARGE


class _Content(io.BytesIO):
    read_up_to = 0

    def close(self):
        self.read_up_to = self.tell()
        super().close()


class _Grown:
    """A file that was small when its size was asked, and large when it was read."""

    def __init__(self):
        self.content = _Content(b"#" * (3 * MAX_FILE_BYTES))

    def stat(self):
        return os.stat_result((0o100644, 0, 0, 1, 0, 0, 10, 0, 0, 0))

    def open(self, mode):
        assert mode == "rb"
        return self.content


def test_a_file_that_grew_after_its_size_was_read_is_refused_unread():
    # no more than one byte over the limit is read: a file may never end (a device, a pipe)
    grown = _Grown()
    with pytest.raises(YamlFileError) as caught:
        read_bytes(grown)
    e = caught.value
    assert (e.kind, e.message) == (K.TOO_LARGE, "file is 1.0 MB; the limit is 1 MB")
    assert grown.content.read_up_to == MAX_FILE_BYTES + 1


@pytest.mark.parametrize(
    ("size", "shown"), [(2_500_000, "2.5"), (1_050_000, "1.1"), (1_049_000, "1.0")]
)
def test_too_large_names_the_size_in_megabytes(size, shown):
    e = too_large(size)
    assert (e.line, e.message, e.hint, e.field, e.kind) == (
        1,
        f"file is {shown} MB; the limit is 1 MB",
        "a case file is a few kilobytes: is this the right file?",
        "(file)",
        K.TOO_LARGE,
    )
