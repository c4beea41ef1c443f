"""`atlas synth --count N DIR`: write a synthetic library for tests and benchmarks."""

from __future__ import annotations

import argparse
from pathlib import Path

from atlas.synth import TITLE_PREFIX, write_library


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `synth` subcommand to the `atlas` command's subparsers."""
    p = subparsers.add_parser(
        "synth",
        help="write N synthetic cases (for tests and benchmarks, never for readers)",
        description=f"Every case is valid, its title starts {TITLE_PREFIX!r} and its "
        "organisation is 'Synthetic Org NNNN'. The same seed gives the same files.",
    )
    p.add_argument("--count", type=positive, required=True, metavar="N", help="how many cases")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("dir", metavar="DIR", help="an empty or new folder for the case files")
    p.set_defaults(func=cmd_synth)
    return p


def cmd_synth(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        print(f"{folder} is not a folder")
        return 1
    if folder.is_dir() and any(folder.glob("*.yaml")):
        # never mix synthetic cases into a real library, nor into an older synthetic one
        print(f"{folder} already holds case files: choose an empty or new folder")
        return 1
    written = write_library(folder, args.count, args.seed)
    print(f"wrote {len(written)} synthetic cases to {folder} (seed {args.seed})")
    return 0
