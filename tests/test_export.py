import csv
import datetime as dt
import io
import json

import pytest
from pptx import Presentation

from atlas import export
from atlas.loader import load_library
from atlas.presentation import show_from_tour
from atlas.schema import Case, Tour
from atlas.table import cases_table
from tests.conftest import GOOD

SENTENCE = "2 cases: outcome Mixed"


@pytest.fixture(scope="module")
def cases() -> tuple[Case, ...]:
    return load_library(GOOD).cases


@pytest.fixture
def cited_case(good_case_data) -> Case:
    """A fixture case with sources, and text that tries to smuggle in HTML and a heading."""
    data = good_case_data | {
        "sources": [
            {
                "id": "one",
                "title": "Bakeries <b>online</b>",
                "publisher": "The Daily Loaf",
                "date": "2020-01",
                "url": "https://example.com/loaf?a=1&b=2",
                "kind": "press",
            },
            {
                "id": "two",
                "title": "Delivery platforms",
                "publisher": "Analysts Ltd",
                "date": 2021,
                "url": "https://example.org/report",
                "kind": "analysis",
            },
        ],
        "years": {"start": 2015, "end": 2019},
    }
    data["outcome"] = data["outcome"] | {"evidence": "Costs rose.\n## Not a heading <script>x"}
    return Case.model_validate(data)


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_the_columns_in_order_and_no_search_text(cases):
    text = export.to_csv(cases_table(cases))
    header = text.splitlines()[0].split(",")
    assert header == list(export.CSV_COLUMNS)
    assert "search_text" not in text


def test_csv_has_one_row_per_case_with_labels(cases):
    rows = read_csv(export.to_csv(cases_table(cases)))
    assert [r["id"] for r in rows] == [c.id for c in cases]
    row = rows[0]
    assert row["industry"] == "Food service"
    assert row["mode"] == "'+Internet"  # a spreadsheet would run "+Internet" as a formula
    assert row["outcome"] == "Mixed"
    assert row["thinking"] == "Customer thinking"
    assert row["ownership"] == "Small or medium firm"
    assert row["evidence"] == "Illustrative"
    assert row["connection_types"] == "User – merchant"
    assert row["technologies"] == "Mobile apps; Mobile payment; E-commerce"
    assert (row["year_start"], row["year_end"]) == ("2015", "")


def test_csv_writes_the_end_year_when_there_is_one(cited_case):
    (row,) = read_csv(export.to_csv(cases_table([cited_case])))
    assert (row["year_start"], row["year_end"]) == ("2015", "2019")


@pytest.mark.parametrize(
    ("summary", "cell"),
    [
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+1 555 0100 calls", "'+1 555 0100 calls"),
        ("-2% margin", "'-2% margin"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("A plain sentence = fine.", "A plain sentence = fine."),
        ("'Quoted' already", "'Quoted' already"),
    ],
)
def test_csv_cells_cannot_start_a_formula(good_case_data, summary, cell):
    case = Case.model_validate(good_case_data | {"summary": summary, "title": summary})
    (row,) = read_csv(export.to_csv(cases_table([case])))
    assert (row["summary"], row["title"]) == (cell, cell)
    assert row["year_start"] == "2015"  # numbers stay numbers


def test_csv_of_no_cases_is_just_the_header():
    assert export.to_csv(cases_table([])) == ",".join(export.CSV_COLUMNS) + "\n"


def test_json_round_trips_to_the_same_cases(cases, cited_case):
    selection = [*cases, cited_case]
    doc = json.loads(export.to_json(selection, SENTENCE))
    assert doc["selection"] == SENTENCE
    assert doc["count"] == 3
    assert doc["generated"] == dt.date.today().isoformat()
    assert [Case.model_validate(c) for c in doc["cases"]] == selection


def test_json_uses_the_file_spelling_and_drops_empty_fields(cases):
    (case,) = json.loads(export.to_json(cases[:1], SENTENCE))["cases"]
    assert "from" in case["connections"]["before"][0]
    assert "from_" not in case["connections"]["before"][0]
    assert "zh" not in case and "end" not in case["years"]


def test_json_keeps_non_ascii_text_readable(cases):
    text = export.to_json(cases, "2 cases: active 2015–2020, “面包”")
    assert "2015–2020, “面包”" in text


def test_markdown_brief_has_a_heading_the_sentence_and_a_section_per_case(cases, cited_case):
    selection = [*cases, cited_case]
    text = export.to_markdown(selection, SENTENCE)
    lines = text.splitlines()
    assert lines[0] == "# Transformation Atlas brief"
    assert SENTENCE in lines
    assert [line for line in lines if line.startswith("## ")] == [
        f"## {c.title}" for c in selection
    ]


def test_markdown_case_section_has_facts_evidence_lessons_and_sources(cited_case):
    text = export.to_markdown([cited_case], SENTENCE)
    lines = text.splitlines()
    assert (
        "*Food service · +Internet · Customer thinking · Informatization · Mixed · 2015–2019*"
        in lines
    )
    assert sum(line.startswith("- ") for line in lines) == len(cited_case.lessons)
    assert f"- {cited_case.lessons[0]}" in lines
    assert (
        "1. Bakeries &lt;b>online&lt;/b> — The Daily Loaf (2020-01) "
        "<https://example.com/loaf?a=1&b=2>" in lines
    )
    assert "2. Delivery platforms — Analysts Ltd (2021) <https://example.org/report>" in lines


def test_markdown_never_passes_on_html_or_headings_from_case_text(cited_case):
    text = export.to_markdown([cited_case], SENTENCE)
    assert "<b>" not in text and "<script>" not in text
    assert "Costs rose. ## Not a heading &lt;script>x" in text
    assert sum(line.startswith("## ") for line in text.splitlines()) == 1


@pytest.mark.parametrize(
    ("years", "shown"),
    [({"start": 2015}, "since 2015"), ({"start": 2015, "end": 2015}, "2015")],
)
def test_markdown_years(good_case_data, years, shown):
    case = Case.model_validate(good_case_data | {"years": years})
    facts = next(line for line in export.to_markdown([case], "").splitlines() if " · " in line)
    assert facts.endswith(f" · {shown}*")


def test_markdown_of_no_cases_is_just_the_heading_and_sentence():
    assert export.to_markdown([], "0 cases: the whole library") == (
        "# Transformation Atlas brief\n\n0 cases: the whole library\n"
    )


@pytest.mark.parametrize(
    ("fmt", "mime", "extension", "marker"),
    [
        ("csv", "text/csv", "csv", "id,title,summary"),
        ("json", "application/json", "json", '"selection": "2 cases: outcome Mixed"'),
        ("md", "text/markdown", "md", "# Transformation Atlas brief"),
        ("html", "text/html", "html", "<!DOCTYPE html>"),
    ],
)
def test_text_formats_render_the_selection(cases, fmt, mime, extension, marker):
    spec = export.FORMATS[fmt]
    assert (spec.mime, spec.extension, spec.binary) == (mime, extension, False)
    text = export.render(fmt, cases, SENTENCE)
    assert marker in text
    assert all(c.title in text for c in cases)
    assert text.endswith("\n")


def test_the_deck_format_renders_the_selection_as_pptx_bytes(cases):
    spec = export.FORMATS["pptx"]
    assert spec.binary and spec.extension == "pptx"
    assert spec.mime == "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    deck = Presentation(io.BytesIO(export.render("pptx", cases, SENTENCE)))
    assert len(deck.slides) == 1 + len(cases)  # two cases: no overview charts
    assert SENTENCE in "".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)


def test_a_show_exports_in_its_own_order(cases):
    tour = show_from_tour(
        Tour(
            id="tt",
            title="T",
            description="D",
            stops=[{"case": c.id, "talking_point": "P"} for c in reversed(cases)],
        ),
        {c.id: c for c in cases},
    )
    rows = read_csv(export.render_show("csv", tour))
    assert [r["id"] for r in rows] == [c.id for c in reversed(cases)]
    assert json.loads(export.render_show("json", tour))["selection"] == "Tour: T: D"


def test_render_rejects_an_unknown_format(cases):
    with pytest.raises(KeyError):
        export.render("xlsx", cases, SENTENCE)


@pytest.mark.parametrize(
    ("fmt", "linked"),
    [("csv", False), ("json", False), ("md", False), ("pptx", True), ("html", True)],
)
def test_a_base_url_reaches_the_deck_and_handout_and_changes_nothing_else(cases, fmt, linked):
    base = "https://atlas.example.org"
    assert export.FORMATS[fmt].linked == linked
    plain, coded = (
        export.render(fmt, cases, SENTENCE),
        export.render(fmt, cases, SENTENCE, "en", base),
    )
    if fmt == "pptx":
        pictures = [
            s.click_action.hyperlink.address
            for slide in Presentation(io.BytesIO(coded)).slides
            for s in slide.shapes
            if s.name == "QR code"
        ]
        assert pictures == [f"{base}/case?case={c.id}" for c in cases]
    elif fmt == "html":
        assert all(f'aria-label="QR code: {base}/case?case={c.id}"' in coded for c in cases)
        assert "<svg" not in plain
    else:
        assert coded == plain
