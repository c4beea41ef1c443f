import argparse
import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from atlas import cli_export
from atlas.facets import FACETS
from tests.conftest import GOOD, ROOT


def parser() -> argparse.ArgumentParser:
    """A stand-in for the `atlas` parser: the global --cases-dir and the subcommands."""
    ap = argparse.ArgumentParser(prog="atlas")
    ap.add_argument("--cases-dir")
    cli_export.register(ap.add_subparsers(dest="command", required=True))
    return ap


def run(*argv: str, cases_dir: Path | str = GOOD) -> int:
    args = parser().parse_args(["--cases-dir", str(cases_dir), "export", *argv])
    return args.func(args)


# The fixture cases by title ("A corner shop…", "A neighbourhood bakery…"): a selection is
# exported in title order, as presenter mode shows it.
BY_TITLE = ["corner-shop-online", "bakery-o2o-delivery"]
CASES = ROOT / "cases"
TOUR = "when-internet-plus-fails"


def csv_ids(path: Path) -> list[str]:
    return [row["id"] for row in csv.DictReader(io.StringIO(path.read_text("utf-8")))]


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        ([], BY_TITLE),
        (["--outcome", "mixed"], BY_TITLE),
        (["--outcome", "failure"], []),
        (
            ["--outcome", "failure", "--outcome", "mixed"],
            BY_TITLE,
        ),
        (
            ["--industry", "Food service", "--mode", "+Internet"],
            BY_TITLE,
        ),
        (["--industry", "food_service", "--mode", "internet_plus"], []),
        (["--connection", "user_merchant"], BY_TITLE),
        (["--connection", "user_driver"], []),
        (["--region", "global", "--q", "corner shop"], ["corner-shop-online"]),
        (["--from", "2016"], BY_TITLE),
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
    assert csv_ids(out) == BY_TITLE
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


@pytest.mark.parametrize("facet", FACETS, ids=lambda f: f.param)
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


def test_a_tour_exports_as_a_deck_with_a_slide_per_stop(tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    assert run("--format", "pptx", "--tour", TOUR, "-o", str(out), cases_dir=CASES) == 0
    stops = yaml.safe_load((CASES / "tours" / f"{TOUR}.yaml").read_text())["stops"]
    deck = Presentation(str(out))
    case_slides = [s for s in deck.slides if any(sh.name == "Sources" for sh in s.shapes)]
    assert len(case_slides) == len(stops) == 7
    notes = [s.notes_slide.notes_text_frame.text.split("\n\n")[0] for s in case_slides]
    assert notes == [stop["talking_point"] for stop in stops]  # first, then the case in full
    assert capsys.readouterr().out.strip() == f"wrote 7 cases to {out}"


def test_a_tour_exports_in_its_order_in_every_format(tmp_path):
    out = tmp_path / "tour.csv"
    assert run("--format", "csv", "--tour", TOUR, "-o", str(out), cases_dir=CASES) == 0
    stops = yaml.safe_load((CASES / "tours" / f"{TOUR}.yaml").read_text())["stops"]
    assert csv_ids(out) == [stop["case"] for stop in stops]


def test_a_handout_of_a_selection(tmp_path):
    out = tmp_path / "handout.html"
    assert run("--format", "html", "--outcome", "mixed", "-o", str(out)) == 0
    html = out.read_text("utf-8")
    assert html.count('<section class="case"') == 2
    assert html.index("A corner shop") < html.index("A neighbourhood bakery")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--tour", "no-such-tour"], "no tour has the id 'no-such-tour'; tours: "),
        (["--tour", TOUR, "--outcome", "failure"], "--tour exports a whole tour"),
        (["--tour", TOUR, "--q", "bike"], "--tour exports a whole tour"),
    ],
)
def test_a_bad_tour_request_exits_2_without_writing(tmp_path, capsys, options, message):
    out = tmp_path / "deck.pptx"
    assert run("--format", "pptx", *options, "-o", str(out), cases_dir=CASES) == 2
    assert not out.exists()
    assert message in capsys.readouterr().err


def test_a_deck_to_stdout_is_written_as_bytes(capsysbinary):
    assert run("--format", "pptx", "--q", "corner", "-o", "-") == 0
    captured = capsysbinary.readouterr()
    assert captured.out.startswith(b"PK")  # a zip archive, as a .pptx is
    assert b"wrote 1 case to -" in captured.err


def test_ids_export_those_cases_in_that_order(tmp_path):
    out = tmp_path / "two.csv"
    ids = "bakery-o2o-delivery,corner-shop-online"
    assert run("--format", "csv", "--ids", ids, "-o", str(out)) == 0
    assert csv_ids(out) == ["bakery-o2o-delivery", "corner-shop-online"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--ids", "bakery-o2o-delivery,nope"], "no case has the id(s): nope"),
        (["--ids", "bakery-o2o-delivery", "--outcome", "mixed"], "--ids names the cases"),
        (["--ids", "bakery-o2o-delivery", "--tour", TOUR], "--ids names the cases"),
    ],
)
def test_ids_that_cannot_be_used_exit_2(tmp_path, capsys, options, message):
    out = tmp_path / "x.csv"
    assert run("--format", "csv", *options, "-o", str(out), cases_dir=CASES) == 2
    assert message in capsys.readouterr().err and not out.exists()


def test_a_deck_in_chinese_with_a_title_of_its_own(tmp_path):
    out = tmp_path / "deck.pptx"
    options = ["--format", "pptx", "--tour", TOUR, "--lang", "zh", "--title", "董事会简报"]
    assert run(*options, "-o", str(out), cases_dir=CASES) == 0
    deck = Presentation(str(out))
    first = "\n".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    tour = yaml.safe_load((CASES / "tours" / f"{TOUR}.yaml").read_text())
    assert "董事会简报" in first and tour["title"] not in first
    assert tour["zh"]["description"] in first  # the tour's own text, in Chinese
    last = "\n".join(s.text_frame.text for s in deck.slides[-1].shapes if s.has_text_frame)
    case = yaml.safe_load((CASES / f"{tour['stops'][-1]['case']}.yaml").read_text())
    assert case["zh"]["title"] in last


# --- QR codes: --base-url, else ATLAS_PUBLIC_URL (issue 19) ---------------------------------

BASE = "https://atlas.example.org"


def deck_links(path: Path) -> list[str]:
    return [
        shape.click_action.hyperlink.address
        for slide in Presentation(str(path)).slides
        for shape in slide.shapes
        if shape.name == "QR code"
    ]


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        ([], None, None),
        (["--base-url", BASE + "/"], None, BASE),
        ([], BASE, BASE),
        (["--base-url", "https://other.example.net"], BASE, "https://other.example.net"),
    ],
    ids=["none", "option", "environment", "option-over-environment"],
)
def test_the_deck_codes_the_case_pages_at_the_public_address(
    tmp_path, monkeypatch, option, env, expected
):
    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    if env:
        monkeypatch.setenv("ATLAS_PUBLIC_URL", env)
    out = tmp_path / "deck.pptx"
    ids = "bakery-o2o-delivery,corner-shop-online"
    assert run("--format", "pptx", "--ids", ids, *option, "-o", str(out)) == 0
    wanted = [f"{expected}/case?case={i}" for i in ids.split(",")] if expected else []
    assert deck_links(out) == wanted


def test_the_handout_codes_the_chinese_case_pages(tmp_path, monkeypatch):
    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    out = tmp_path / "handout.html"
    options = (
        "--format",
        "html",
        "--ids",
        "corner-shop-online",
        "--lang",
        "zh",
        "--base-url",
        BASE,
    )
    assert run(*options, "-o", str(out)) == 0
    assert f'href="{BASE}/case?case=corner-shop-online&amp;lang=zh"' in out.read_text()


@pytest.mark.parametrize(
    ("fmt", "option", "env", "where"),
    [
        ("pptx", ["--base-url", "ftp://atlas.example.org"], None, "--base-url"),
        ("html", ["--base-url", "atlas.example.org"], None, "--base-url"),
        ("csv", ["--base-url", "https://atlas.example.org/?x=1"], None, "--base-url"),
        ("pptx", [], "localhost:8501", "ATLAS_PUBLIC_URL"),
    ],
)
def test_an_unusable_address_exits_2_without_writing(
    tmp_path, capsys, monkeypatch, fmt, option, env, where
):
    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    if env:
        monkeypatch.setenv("ATLAS_PUBLIC_URL", env)
    out = tmp_path / f"export.{fmt}"
    assert run("--format", fmt, *option, "-o", str(out)) == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert err.startswith(f"{where}: ") and "not a usable address" in err


def test_an_unusable_environment_address_does_not_stop_a_table(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_PUBLIC_URL", "localhost:8501")
    assert run("--format", "csv", "-o", str(tmp_path / "t.csv")) == 0


def test_compare_exports_the_cases_side_by_side(tmp_path):
    out = tmp_path / "compare.csv"
    options = ["--format", "csv", "--compare", "uber-taxi,didi-uber-china", "-o", str(out)]
    assert run(*options, cases_dir=CASES) == 0
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert rows[1] == ["id", "uber-taxi", "didi-uber-china"]
    deck = tmp_path / "compare.pptx"
    options = ["--format", "pptx", "--compare", "uber-taxi,didi-uber-china", "-o", str(deck)]
    assert run(*options, cases_dir=CASES) == 0
    assert any(sh.has_table for sh in Presentation(str(deck)).slides[1].shapes)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--compare", "uber-taxi"], "--compare takes 2 to 4 case ids"),
        (["--compare", "uber-taxi,nope"], "no case has the id(s): nope"),
        (["--compare", "uber-taxi,juicero", "--outcome", "failure"], "--compare names the cases"),
    ],
)
def test_a_compare_that_cannot_be_made_exits_2(tmp_path, capsys, options, message):
    out = tmp_path / "x.csv"
    assert run("--format", "csv", *options, "-o", str(out), cases_dir=CASES) == 2
    assert message in capsys.readouterr().err and not out.exists()
