"""`atlas export`: write a filtered selection, or a tour, as CSV, JSON, Markdown, a
PowerPoint deck, a printable HTML handout or an SQLite database.

The filter options are the app's URL parameters (`--industry finance --outcome failure`
selects what `?industry=finance&outcome=failure` shows), read by the same
`filters.from_query`, so the command and the app can never disagree on a selection. A
selection is ordered by title, as presenter mode shows it; `--tour ID` exports a tour's
stops in the tour's order instead. An SQLite database holds the chosen cases and every
tour whose stops are all among them, in English and Chinese (atlas/sqlite_export.py); it
is a file of its own, never written to stdout. With the app's public address (`--base-url`,
else ATLAS_PUBLIC_URL) a deck or handout has a QR code of each case's page in the app.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sqlite3
import sys
from pathlib import Path

from atlas import filters
from atlas.compare import MAX_CASES, MIN_CASES
from atlas.compare_export import compare_csv, compare_markdown
from atlas.export import FORMATS, render_show
from atlas.facets import FACETS
from atlas.i18n import LANGUAGES, SOURCE_LANGUAGE, translator
from atlas.loader import Library, load_library
from atlas.presentation import Show, show_from_compare, show_from_selection, show_from_tour
from atlas.qr import ENV_VAR, base_url
from atlas.sqlite_export import SQLITE, KeyProblem, tours_within, write_database
from atlas.table import cases_table

STDOUT = "-"


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `export` subcommand to the `atlas` command's subparsers."""
    p = subparsers.add_parser(
        "export",
        help="write a filtered selection of cases, or a tour, as CSV, JSON, Markdown, "
        "a PowerPoint deck (pptx), a printable handout (html) or an SQLite database (sqlite)",
        description="Facet options are repeatable (OR within a facet, AND across facets) "
        "and take a vocabulary value or its label, e.g. --industry finance. --tour ID "
        "exports a tour's stops in order instead (no facet options with it). An sqlite "
        "database holds the chosen cases and every tour whose stops are all among them.",
    )
    p.add_argument("--format", required=True, choices=sorted([*FORMATS, SQLITE]), dest="fmt")
    p.add_argument(
        "-o", "--output", required=True, help="the file to write; '-' for stdout (not for sqlite)"
    )
    p.add_argument("--tour", metavar="ID", help="export this tour's stops, in order")
    p.add_argument(
        "--ids",
        metavar="ID,ID,...",
        help="export these cases, in this order (no facet options or --tour with it)",
    )
    p.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=SOURCE_LANGUAGE,
        help="the language of the deck or handout: case texts, tour texts and labels "
        f"(default {SOURCE_LANGUAGE})",
    )
    p.add_argument("--title", metavar="TEXT", help="the title on the first slide or the cover")
    p.add_argument(
        "--base-url",
        metavar="URL",
        help="the app's public address, e.g. https://atlas.example.org: each case slide of a "
        "deck and each handout page get a QR code of the case's page there "
        f"(default ${ENV_VAR}; without one, no codes)",
    )
    p.add_argument(
        "--compare",
        metavar="ID,ID[,ID,ID]",
        help="two to four cases side by side: a deck that opens with the comparison, or the "
        "comparison as CSV or Markdown (no filters, --tour or --ids with it)",
    )
    for facet in FACETS:
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
    for facet in FACETS:
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


def public_base(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(the public address for QR codes, or None; an error message, or None): --base-url,
    else ATLAS_PUBLIC_URL; an address given that is not a plain http(s) one is an error."""
    given = getattr(args, "base_url", None)
    where = "--base-url"
    if given is None:
        given, where = os.environ.get(ENV_VAR) or None, ENV_VAR
    if given is None:
        return None, None
    base = base_url(given)
    if base is None:
        return None, (
            f"{where}: {given!r} is not a usable address: give a plain http(s) address "
            "such as https://atlas.example.org (no query or fragment)"
        )
    return base, None


def cmd_export(args: argparse.Namespace) -> int:
    params = query_params(args)
    tour_id = getattr(args, "tour", None)
    ids = [i.strip() for i in (getattr(args, "ids", None) or "").split(",") if i.strip()]
    lang = getattr(args, "lang", SOURCE_LANGUAGE)
    linked = args.fmt in FORMATS and FORMATS[args.fmt].linked  # a deck or a handout
    base, problem = public_base(args)
    if problem and (linked or getattr(args, "base_url", None) is not None):
        print(problem, file=sys.stderr)
        return 2
    if args.fmt == SQLITE and args.output == STDOUT:
        print("an SQLite database is a file: give its name with -o FILE, not '-'", file=sys.stderr)
        return 2
    if tour_id is not None and params:
        print("--tour exports a whole tour: leave out the filter options", file=sys.stderr)
        return 2
    if ids and (params or tour_id is not None):
        print("--ids names the cases itself: leave out --tour and the filters", file=sys.stderr)
        return 2
    compared = getattr(args, "compare", None)
    if compared is not None and (params or tour_id is not None or ids):
        print("--compare names the cases itself: leave out the others", file=sys.stderr)
        return 2
    chosen, notices = filters.from_query(params)
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
    if compared is not None:
        return _compare(library, compared, args.fmt, args.output, lang, base)
    if ids:
        show = ids_show(library, ids, lang)
    elif tour_id is None:
        show = selection_show(library, chosen, lang)
    else:
        show = tour_show(library, tour_id, lang)
    if show is None:
        return 2
    if args.fmt == SQLITE:
        return _write_database(library, show, args.output)
    title = " ".join((getattr(args, "title", None) or "").split())
    if title:
        show = dataclasses.replace(show, title=title)
    return _write(render_show(args.fmt, show, base), args.output, len(show))


def selection_show(library: Library, chosen: filters.Filters, lang: str = "en") -> Show:
    """The filtered cases by title, as presenter mode orders a selection."""
    table = filters.apply(cases_table(library.cases), chosen)
    cases = library.cases_in(table.sort_values("title", kind="stable")["id"])
    sentence = filters.describe(chosen, len(cases), translator(lang))
    return show_from_selection(cases, sentence, lang)


def ids_show(library: Library, ids: list[str], lang: str = "en") -> Show | None:
    """These cases in this order; an unknown id is an error, not a silent gap."""
    by_id = {c.id: c for c in library.cases}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        print(f"no case has the id(s): {', '.join(unknown)}", file=sys.stderr)
        return None
    cases = [by_id[i] for i in dict.fromkeys(ids)]  # a repeated id once, first place kept
    _ = translator(lang)
    sentence = (_("{n} case") if len(cases) == 1 else _("{n} cases")).format(n=len(cases))
    return show_from_selection(cases, sentence, lang)


def tour_show(library: Library, tour_id: str, lang: str = "en") -> Show | None:
    tour = library.tour(tour_id)
    if tour is None:
        known = ", ".join(sorted(t.id for t in library.tours)) or "none"
        print(f"no tour has the id {tour_id!r}; tours: {known}", file=sys.stderr)
        return None
    show = show_from_tour(tour, {c.id: c for c in library.cases}, lang)
    if len(show) < len(tour.stops):
        missing = len(tour.stops) - len(show)
        print(
            f"warning: {missing} stop(s) of the tour name cases that did not load", file=sys.stderr
        )
    return show


def _write_database(library: Library, show: Show, output: str) -> int:
    """The show's cases and the library's tours that lie wholly among them, as SQLite."""
    cases = [stop.case for stop in show.stops]
    tours = tours_within(library.tours, (c.id for c in cases))
    try:
        write_database(output, cases, tours)
    except KeyProblem as exc:
        print(f"cannot write {output}: references that cannot be keys:\n{exc}", file=sys.stderr)
        print("run `atlas validate` to see where they are", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as exc:
        print(f"cannot write {output}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 1
    n, k = len(cases), len(tours)
    print(f"wrote {n} case{'s' * (n != 1)} and {k} tour{'s' * (k != 1)} to {output}")
    return 0


def _compare(
    library: Library, raw: str, fmt: str, output: str, lang: str, base: str | None = None
) -> int:
    ids = [i.strip() for i in raw.split(",") if i.strip()]
    by_id = {c.id: c for c in library.cases}
    unknown = [i for i in ids if i not in by_id]
    cases = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    if unknown or not MIN_CASES <= len(cases) <= MAX_CASES:
        problem = f"no case has the id(s): {', '.join(unknown)}" if unknown else ""
        problem = problem or f"--compare takes {MIN_CASES} to {MAX_CASES} case ids"
        print(problem, file=sys.stderr)
        return 2
    writers = {
        "csv": lambda: compare_csv(cases, lang),
        "md": lambda: compare_markdown(cases, lang),
        "pptx": lambda: render_show("pptx", show_from_compare(cases, lang), base),
    }
    if fmt not in writers:
        print(f"--compare writes {', '.join(sorted(writers))}, not {fmt}", file=sys.stderr)
        return 2
    return _write(writers[fmt](), output, len(cases))


def _write(data: str | bytes, output: str, count: int) -> int:
    done = f"wrote {count} case{'s' * (count != 1)} to {output}"
    if output == STDOUT:
        if isinstance(data, bytes):  # e.g. a deck piped on: bytes as they are
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
        print(done, file=sys.stderr)  # stdout carries only the export
        return 0
    try:
        Path(output).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError as exc:
        print(f"cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(done)
    return 0
