import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from atlas import cli_export, filters
from tests.conftest import GOOD


def parser() -> argparse.ArgumentParser:
    """A stand-in for the `atlas` parser: the global --cases-dir and the subcommands."""
    ap = argparse.ArgumentParser(prog="atlas")
    ap.add_argument("--cases-dir")
    cli_export.register(ap.add_subparsers(dest="command", required=True))
    return ap


def run(*argv: str, cases_dir: Path | str = GOOD) -> int:
    args = parser().parse_args(["--cases-dir", str(cases_dir), "export", *argv])
    return args.func(args)


def csv_ids(path: Path) -> list[str]:
    return [row["id"] for row in csv.DictReader(io.StringIO(path.read_text("utf-8")))]


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        ([], ["bakery-o2o-delivery", "corner-shop-online"]),
        (["--outcome", "mixed"], ["bakery-o2o-delivery", "corner-shop-online"]),
        (["--outcome", "failure"], []),
        (
            ["--outcome", "failure", "--outcome", "mixed"],
            ["bakery-o2o-delivery", "corner-shop-online"],
        ),
        (
            ["--industry", "Food service", "--mode", "+Internet"],
            ["bakery-o2o-delivery", "corner-shop-online"],
        ),
        (["--industry", "food_service", "--mode", "internet_plus"], []),
        (["--connection", "user_merchant"], ["bakery-o2o-delivery", "corner-shop-online"]),
        (["--connection", "user_driver"], []),
        (["--region", "global", "--q", "corner shop"], ["corner-shop-online"]),
        (["--from", "2016"], ["bakery-o2o-delivery", "corner-shop-online"]),
        (["--to", "2014"], []),
    ],
)
def test_filters_choose_the_exported_cases(tmp_path, capsys, options, ids):
    out = tmp_path / "cases.csv"
    assert run("--format", "csv", *options, "-o", str(out)) == 0
    assert csv_ids(out) == ids
    plural = "case" if len(ids) == 1 else "cases"
    assert capsys.readouterr().out.strip() == f"wrote {len(ids)} {plural} to {out}"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--industry", "banana"], "Ignored industry 'banana': not a known value."),
        (["--outcome", "mixed", "--outcome", "meh"], "Ignored outcome 'meh'"),
        (["--from", "20x"], "not a year"),
        (["--from", "2019", "--to", "2015"], "Swapped the years"),
    ],
)
def test_a_bad_filter_exits_2_without_writing(tmp_path, capsys, options, message):
    out = tmp_path / "cases.csv"
    assert run("--format", "csv", *options, "-o", str(out)) == 2
    assert not out.exists()
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""


def test_dash_writes_the_export_to_stdout(capsys):
    assert run("--format", "json", "--outcome", "mixed", "-o", "-") == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["count"] == 2
    assert doc["selection"] == "2 cases: outcome Mixed"
    assert "wrote 2 cases to -" in captured.err


def test_markdown_brief_to_a_file(tmp_path):
    out = tmp_path / "brief.md"
    assert run("--format", "md", "--q", "corner", "-o", str(out)) == 0
    text = out.read_text("utf-8")
    assert text.startswith("# Transformation Atlas brief\n\n1 case: matching “corner”\n")
    assert text.count("\n## ") == 1


def test_a_missing_case_folder_exits_2(tmp_path, capsys):
    out = tmp_path / "cases.csv"
    assert run("--format", "csv", "-o", str(out), cases_dir=tmp_path / "nowhere") == 2
    assert not out.exists()
    assert "folder not found" in capsys.readouterr().err


def test_files_that_fail_to_load_are_reported_and_left_out(mixed_folder, tmp_path, capsys):
    out = tmp_path / "cases.csv"
    assert run("--format", "csv", "-o", str(out), cases_dir=mixed_folder) == 0
    assert csv_ids(out) == ["bakery-o2o-delivery", "corner-shop-online"]
    assert "could not be loaded" in capsys.readouterr().err


def test_an_unwritable_output_exits_1(tmp_path, capsys):
    out = tmp_path / "no-such-dir" / "cases.csv"
    assert run("--format", "csv", "-o", str(out)) == 1
    assert "cannot write" in capsys.readouterr().err


def test_format_and_output_are_required():
    with pytest.raises(SystemExit):
        parser().parse_args(["export", "-o", "x.csv"])
    with pytest.raises(SystemExit):
        parser().parse_args(["export", "--format", "csv"])


@pytest.mark.parametrize("facet", filters.FACETS, ids=lambda f: f.param)
def test_every_facet_is_an_option_named_by_its_url_parameter(facet):
    args = parser().parse_args(
        ["export", "--format", "csv", "-o", "-", f"--{facet.param}", "a", f"--{facet.param}", "b"]
    )
    assert cli_export.query_params(args) == {facet.param: ["a", "b"]}


def test_query_params_carry_search_and_years_as_text():
    args = parser().parse_args(
        [
            "export",
            "--format",
            "md",
            "-o",
            "-",
            "--q",
            "red envelopes",
            "--from",
            "2015",
            "--to",
            "2020",
        ]
    )
    assert cli_export.query_params(args) == {"q": "red envelopes", "from": "2015", "to": "2020"}
