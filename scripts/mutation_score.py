"""The mutation score of each mutated module, from the results `mutmut run` left in mutants/.

    python scripts/mutation_score.py            # one line a module, then every survivor
    python scripts/mutation_score.py --quiet    # the table only

Score = killed / (all mutants that were run): a timeout counts as killed (the mutant made
the tests hang), a survivor or a mutant no selected test reaches counts against the score.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"

# mutmut 3's exit codes (mutmut/stats.py), as far as the score needs them
KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # failed, pytest error, timeouts, type check
SURVIVED = {0}
NO_TESTS = {5, 33}


def module_results(meta: Path) -> dict[str, int | None]:
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="the table only, no survivors")
    args = parser.parse_args(argv)
    metas = sorted(MUTANTS.glob("**/*.py.meta"))
    if not metas:
        print("No results in mutants/: run `make mutants` (or `mutmut run`) first.")
        return 1
    survivors: list[str] = []
    print(f"{'module':<32} {'mutants':>7} {'killed':>6} {'survived':>8} {'no tests':>8} score")
    for meta in metas:
        codes = module_results(meta)
        if not codes:
            continue
        kinds = Counter(
            "killed"
            if c in KILLED
            else "survived"
            if c in SURVIVED
            else "no tests"
            if c in NO_TESTS
            else "other"
            for c in codes.values()
        )
        ran = len(codes) - kinds["other"]
        score = f"{100 * kinds['killed'] / ran:5.1f}%" if ran else "    -"
        name = str(meta.relative_to(MUTANTS)).removesuffix(".meta")
        print(
            f"{name:<32} {len(codes):>7} {kinds['killed']:>6} {kinds['survived']:>8}"
            f" {kinds['no tests']:>8} {score}"
            + (f"  ({kinds['other']} not run or suspicious)" if kinds["other"] else "")
        )
        survivors += [k for k, c in codes.items() if c in SURVIVED or c in NO_TESTS]
    if survivors and not args.quiet:
        print(f"\n{len(survivors)} survivors (see one with `mutmut show NAME`):")
        print("\n".join(f"  {name}" for name in sorted(survivors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
