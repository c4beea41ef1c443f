"""Keep the interface's message catalogues in step with the code.

    python scripts/messages.py          # re-extract messages.pot, update every language's .po
    python scripts/messages.py --check  # exit 1 if the .pot is stale or a message is untranslated

Messages come from `_("...")`, `N_("...")` and the charts' `_t("...")` calls in app.py,
app_pages/, ui/, components/ and atlas/, and from every vocabulary value's label and definition
and every vocabulary's description, and the case schema's field descriptions (the help of
"Draft a case").
"""

from __future__ import annotations

import argparse
import re
import sys
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from atlas.draft import form_fields  # noqa: E402
from atlas.facets import VOCABULARIES  # noqa: E402
from atlas.i18n import LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE, po_path  # noqa: E402

POT = LOCALE_DIR / "messages.pot"
KEYWORDS = {"_": None, "N_": None, "_t": None}
SOURCES = ("app.py", "app_pages", "ui", "components", "atlas")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def extract() -> Catalog:
    catalog = Catalog(project="Transformation Atlas", fuzzy=False)
    for source in SOURCES:
        path = ROOT / source
        directory, pattern = (path.parent, path.name) if path.is_file() else (path, "**.py")
        for _file, _line, message, _comments, _ctx in extract_from_dir(
            str(directory),
            method_map=[(pattern, "python")],
            keywords=KEYWORDS,
        ):
            if isinstance(message, str) and message:
                catalog.add(message)
    for vocab in VOCABULARIES.values():
        catalog.add(vocab.__doc__)
        for term in vocab:
            catalog.add(term.label)
            catalog.add(term.definition)
    for field in form_fields():  # the schema's descriptions: help in "Draft a case"
        for item in (field, *field.columns):
            if item.help:
                catalog.add(item.help)
    return catalog


def _text(catalog: Catalog) -> str:
    out = BytesIO()
    write_po(out, catalog, omit_header=True, sort_output=True, no_location=True, width=0)
    return out.getvalue().decode("utf-8")


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def untranslated(lang: str) -> list[str]:
    """Messages of the template with no (or a broken) translation in `lang`."""
    template = _read(POT)
    catalog = _read(po_path(lang), lang)
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id)
        text = found.string if found else ""
        if not text or (found and found.fuzzy):
            missing.append(f"untranslated: {message.id!r}")
        elif sorted(PLACEHOLDER.findall(message.id)) != sorted(PLACEHOLDER.findall(text)):
            missing.append(f"placeholders differ: {message.id!r} -> {text!r}")
    return missing


def update() -> None:
    template = extract()
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_text(_text(template), encoding="utf-8")
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        path = po_path(lang)
        catalog = _read(path, lang) if path.exists() else Catalog(locale=lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_text(catalog), encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(untranslated(lang))} to translate")


def check() -> list[str]:
    problems = []
    if not POT.exists() or POT.read_text(encoding="utf-8") != _text(extract()):
        problems.append(f"{POT.relative_to(ROOT)} is stale: run python scripts/messages.py")
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE:
            problems += [f"{lang}: {p}" for p in untranslated(lang)]
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true")
    if ap.parse_args().check:
        problems = check()
        print("\n".join(problems) or "catalogues are complete")
        return 1 if problems else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
