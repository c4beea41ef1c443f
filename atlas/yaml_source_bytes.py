"""A case file's bytes: read up to a size limit, and decoded as UTF-8 with its BOMs checked."""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from atlas.problems import ProblemKind
from atlas.yaml_source_error import YamlFileError

MAX_FILE_BYTES = 1_000_000
# Boms that say the file is not UTF-8 (UTF-32 first: its little-endian mark starts like UTF-16's).
_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
BOM = "\ufeff"


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; YamlFileError otherwise."""
    info = path.stat()  # follows links; a link loop raises OSError
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe waits forever and a device such as /dev/zero never ends.
        raise YamlFileError(
            1, "not a regular file (a folder, pipe or device?)", kind=ProblemKind.NOT_A_FILE
        )
    if info.st_size > MAX_FILE_BYTES:
        raise too_large(info.st_size)
    with path.open("rb") as f:
        raw = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat
    if len(raw) > MAX_FILE_BYTES:
        raise too_large(len(raw))
    return raw


def too_large(size: int) -> YamlFileError:
    """The error for a file of `size` bytes, over MAX_FILE_BYTES."""
    return YamlFileError(
        1,
        f"file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB",
        "a case file is a few kilobytes: is this the right file?",
        kind=ProblemKind.TOO_LARGE,
    )


def decode(raw: bytes) -> str:
    """The text of a UTF-8 file (a leading BOM dropped); YamlFileError for anything else."""
    for bom, encoding in _FOREIGN_BOMS:
        if raw.startswith(bom):
            raise YamlFileError(
                1,
                f"the file is saved as {encoding} (it starts with its byte order mark); "
                "a case file is UTF-8",
                "save the file as UTF-8",
                kind=ProblemKind.NOT_UTF8,
            )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlFileError(line, "binary file: a case file is UTF-8 text", kind=ProblemKind.BINARY)
    try:
        text = raw.decode("utf-8-sig")  # a leading UTF-8 byte order mark is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError(
            line,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8",
            kind=ProblemKind.NOT_UTF8,
        ) from None
    joined = text.find("\n" + BOM)
    if joined >= 0:  # libyaml stops there, PyYAML makes it part of a field's name
        raise stray_bom(text.count("\n", 0, joined) + 2)
    return text


def stray_bom(line: int) -> YamlFileError:
    """The error for a byte order mark inside the text, on `line`."""
    return YamlFileError(
        line,
        "an invisible byte order mark (U+FEFF) inside the text breaks the YAML here",
        "delete it: it often comes from joining two files; only the very start may hold one",
        "(yaml syntax)",
        kind=ProblemKind.BOM,
    )
