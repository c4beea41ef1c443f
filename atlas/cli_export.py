"""`atlas export`: write a filtered selection of the library as CSV, JSON or Markdown.

The filter options are the app's URL parameters (`--industry finance --outcome failure`
selects what `?industry=finance&outcome=failure` shows), read by the same
`filters.from_query`, so the command and the app can never disagree on a selection.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas import filters
from atlas.export import FORMATS, render
from atlas.loader import load_library
from atlas.table import cases_table

STDOUT = "-"


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `export` subcommand to the `atlas` command's subparsers."""
    p = subparsers.add_parser(
        "export",
        help="write a filtered selection of cases as CSV, JSON or Markdown",
        description="Facet options are repeatable (OR within a facet, AND across facets) "
        "and take a vocabulary value or its label, e.g. --industry finance.",
    )
    p.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
    p.add_argument("-o", "--output", required=True, help="the file to write; '-' for stdout")
    for facet in filters.FACETS:
        p.add_argument(
            f"--{facet.param}",
            dest=f"facet_{facet.name}",
            action="append",
            metavar="VALUE",
            help=f"{facet.title} (repeatable)",
        )
    p.add_argument(f"--{filters.SEARCH_PARAM}", dest="text", help="full-text search")
    p.add_argument(
        f"--{filters.YEAR_FROM_PARAM}", dest="year_from", metavar="YEAR", help="active since"
    )
    p.add_argument(
        f"--{filters.YEAR_TO_PARAM}", dest="year_to", metavar="YEAR", help="active until"
    )
    p.set_defaults(func=cmd_export)
    return p


def query_params(args: argparse.Namespace) -> dict[str, str | list[str]]:
    """The options as the URL query parameters the app would have."""
    params: dict[str, str | list[str]] = {}
    for facet in filters.FACETS:
        values = getattr(args, f"facet_{facet.name}", None)
        if values:
            params[facet.param] = list(values)
    for param, dest in (
        (filters.SEARCH_PARAM, "text"),
        (filters.YEAR_FROM_PARAM, "year_from"),
        (filters.YEAR_TO_PARAM, "year_to"),
    ):
        value = getattr(args, dest, None)
        if value is not None:
            params[param] = value
    return params


def cmd_export(args: argparse.Namespace) -> int:
    chosen, notices = filters.from_query(query_params(args))
    if notices:
        # A dropped filter would silently widen the selection: refuse rather than guess.
        for notice in notices:
            print(notice, file=sys.stderr)
        return 2
    library = load_library(getattr(args, "cases_dir", None))
    if not library.files_read and library.problems:  # no folder: nothing to export from
        for problem in library.problems:
            print(problem, file=sys.stderr)
        return 2
    if library.failed_files:
        print(
            f"warning: {len(library.failed_files)} file(s) could not be loaded and are left "
            "out; run `atlas validate` to see why",
            file=sys.stderr,
        )
    table = filters.apply(cases_table(library.cases), chosen)
    by_id = {c.id: c for c in library.cases}
    cases = [by_id[i] for i in table["id"]]
    text = render(args.fmt, cases, filters.describe(chosen, len(cases)))
    return _write(text, args.output, len(cases))


def _write(text: str, output: str, count: int) -> int:
    done = f"wrote {count} case{'s' * (count != 1)} to {output}"
    if output == STDOUT:
        sys.stdout.write(text)
        print(done, file=sys.stderr)  # stdout carries only the export
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(done)
    return 0
