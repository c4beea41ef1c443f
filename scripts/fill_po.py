"""Fill missing Chinese translations from a JSON file {msgid: msgstr} (a maintainer's tool).

.venv/bin/python scripts/fill_po.py translations.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "atlas/locale/zh/LC_MESSAGES/messages.po"


def main(path: str) -> None:
    wanted = json.loads(Path(path).read_text(encoding="utf-8"))
    with PO.open("rb") as f:
        catalog = read_po(f, locale="zh")
    filled = 0
    for message in catalog:
        if message.id in wanted and not message.string:
            message.string = wanted[message.id]
            filled += 1
    with PO.open("wb") as f:
        write_po(f, catalog, width=100)
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"filled {filled}; still missing {len(missing)}")
    for m in missing:
        print(repr(m))


if __name__ == "__main__":
    main(sys.argv[1])
