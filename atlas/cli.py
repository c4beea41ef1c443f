"""The `atlas` command: validate case files, write the JSON Schema, start a new case."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from atlas import cli_export, cli_synth
from atlas.loader import ENV_VAR, cases_dir, display_path, load_library, load_model
from atlas.problems import Problem, ProblemKind, Severity, field_name
from atlas.schema import Case, Tour
from atlas.schema_fields import SLUG_PATTERN

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
TEMPLATE = Path(__file__).resolve().parent / "case_template.yaml"


def schema_documents() -> dict[str, str]:
    """File name -> JSON text of every schema an editor can use."""
    out = {}
    for name, model in (("case.schema.json", Case), ("tour.schema.json", Tour)):
        doc = model.model_json_schema(by_alias=True)
        doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", **doc}
        out[name] = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return out


def cmd_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [cases_dir(args.cases_dir)]
    problems: list[Problem] = []
    n_cases = n_tours = 0
    for path in paths:
        if path.is_dir():
            lib = load_library(path)
            problems += lib.problems
            n_cases, n_tours = n_cases + len(lib.cases), n_tours + len(lib.tours)
        else:
            model = Tour if path.parent.name == "tours" else Case
            item, found = load_model(path, model)
            problems += found
            n_cases += isinstance(item, Case)
            n_tours += isinstance(item, Tour)
    if args.strict:
        problems += strict_problems(paths, args.cases_dir)
    for p in sorted(problems):
        print(p)
    tours = f", {n_tours} tours" if n_tours else ""
    print(
        f"{n_cases} cases{tours}, {len(problems)} problems", file=sys.stderr if problems else None
    )
    return 1 if problems else 0


def strict_problems(paths: list[Path], cases_dir_arg: str | None) -> list[Problem]:
    """The editorial rules of `atlas.strict`, each placed on its line."""
    from atlas.strict import case_findings, tour_findings
    from atlas.yaml_source import YamlFileError, read_yaml

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(path.glob("*.yaml")) + sorted((path / "tours").glob("*.yaml"))
        else:
            files.append(path)
    found: list[Problem] = []
    for path in files:
        model = Tour if path.parent.name == "tours" else Case
        item, _errors = load_model(path, model)
        if item is None:
            continue  # already reported
        rules = case_findings(item) if isinstance(item, Case) else tour_findings(item)
        if not rules:
            continue
        try:
            doc = read_yaml(path)
        except (YamlFileError, OSError):
            continue
        shown = display_path(path)
        for loc, message, hint in rules:
            found.append(
                Problem(
                    shown,
                    doc.line_of(loc),
                    field_name(loc),
                    message,
                    hint,
                    Severity.WARNING,
                    ProblemKind.EDITORIAL,
                )
            )
    return found


def cmd_schema(args: argparse.Namespace) -> int:
    out_dir = Path(args.output_dir)
    stale = []
    for name, text in schema_documents().items():
        target = out_dir / name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(target)
        if not args.check:
            out_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    if args.check and stale:
        print(f"stale: {', '.join(map(str, stale))} (run `atlas schema` to update)")
        return 1
    if not stale:
        print("schema files are up to date")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    import re

    if not re.fullmatch(SLUG_PATTERN, args.id):
        print(f"{args.id!r} is not a valid id: use lower-case words joined by hyphens")
        return 2
    target = cases_dir(args.cases_dir) / f"{args.id}.yaml"
    if target.exists():
        print(f"{target} already exists")
        return 1
    target.write_text(TEMPLATE.read_text(encoding="utf-8").replace("__ID__", args.id), "utf-8")
    print(f"wrote {target}: fill in the TODOs, then run `atlas validate {target}`")
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="atlas", description="Transformation Atlas case library")
    ap.add_argument(
        "--cases-dir", help=f"the case folder (default: ${ENV_VAR}, else the project's cases/)"
    )
    sub = ap.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check case and tour files; exit 1 on any problem")
    v.add_argument("paths", nargs="*", help="files or folders (default: the case folder)")
    v.add_argument(
        "--strict",
        action="store_true",
        help="also the library's editorial rules: original sources, checks recorded, "
        "inline citations, outcome rationale, Chinese text (see CONTRIBUTING.md)",
    )
    v.set_defaults(func=cmd_validate)
    s = sub.add_parser("schema", help="write the JSON Schema files that case files name")
    s.add_argument("--output-dir", default=str(SCHEMA_DIR))
    s.add_argument("--check", action="store_true", help="exit 1 when the files are stale")
    s.set_defaults(func=cmd_schema)
    n = sub.add_parser("new", help="write a commented skeleton for a new case")
    n.add_argument("id", help="the new case's id, e.g. 'alibaba-taobao'")
    n.set_defaults(func=cmd_new)
    cli_export.register(sub)
    cli_synth.register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
