import csv
import io

import pytest
from pptx import Presentation

from atlas.compare import FIELDS
from atlas.compare_export import compare_csv, compare_markdown
from atlas.deck import build_deck
from atlas.deck_compare import SIZE, compare_pages
from atlas.deck_layout import HEIGHT
from atlas.loader import DEFAULT_DIR, load_library
from atlas.presentation import show_from_compare
from atlas.table import cases_table

IDS = ["uber-taxi", "didi-uber-china", "ofo-bike-sharing", "juicero"]


@pytest.fixture(scope="module")
def cases():
    lib = load_library(DEFAULT_DIR)
    return lib.cases_in(IDS)


def test_the_csv_has_a_row_per_field_and_a_column_per_case(cases):
    rows = list(csv.reader(io.StringIO(compare_csv(cases[:2]))))
    assert rows[0] == ["Field", cases[0].title, cases[1].title]
    assert rows[1] == ["id", "uber-taxi", "didi-uber-china"]
    assert [r[0] for r in rows[2:]] == [name for name, _ in FIELDS]
    assert all(len(r) == 3 for r in rows)


def test_the_markdown_marks_differences_and_is_in_chinese_when_asked(cases):
    text = compare_markdown(cases[:2], "zh")
    assert cases[0].zh.title in text and cases[0].title not in text
    assert "| ≠ " in text  # at least one field differs
    assert text.count("\n| ") == 1 + len(FIELDS)  # the header and one line per field
    assert text.startswith("# 对比")


def test_the_compare_deck_opens_with_the_cases_side_by_side_none_cut(cases):
    deck = Presentation(io.BytesIO(build_deck(show_from_compare(cases), cases_table([]))))
    slides = list(deck.slides)
    tables = [s for s in slides if any(sh.has_table for sh in s.shapes)]
    assert slides[1] in tables  # right after the title slide
    fields = []
    for slide in tables:
        table = next(sh.table for sh in slide.shapes if sh.has_table)
        assert [table.cell(0, j).text for j in range(1, 5)] == [c.title for c in cases]
        fields += [table.cell(i, 0).text.lstrip("≠ ") for i in range(1, len(table.rows))]
        fields = [f for f in fields if not f.endswith("(continued)")]
        bottom = max(sh.top + sh.height for sh in slide.shapes if sh.has_table)
        assert bottom <= int(HEIGHT * 914400)  # on the slide
        for row in table.rows:
            for cell in row.cells:
                for p in cell.text_frame.paragraphs:
                    assert all(r.font.size.pt >= SIZE for r in p.runs if r.text)
                assert "…" not in cell.text_frame.text
    assert fields == [name for name, _ in FIELDS]  # every field, in order, none dropped
    assert len(slides) == 1 + len(tables) + len(cases)


def test_rows_that_do_not_fit_continue_on_the_next_slide(cases):
    from atlas.compare import Row

    long = Row("Lessons", tuple("\n".join(["a lesson of some words"] * 40) for _ in range(2)))
    short = Row("Mode", ("A", "B"))
    pages = compare_pages([short, long, short], ["One", "Two"])
    rows = [r for page in pages for r in page]
    assert len(pages) >= 2
    assert rows[0].field == "Mode" and rows[-1].field == "Mode"
    parts = [r for r in rows if r.field == "Lessons"]
    assert len(parts) >= 2 and [r.continued for r in parts] == [False] + [True] * (len(parts) - 1)
    for i in range(2):  # every line of every cell is kept, in order
        assert "\n".join(r.values[i] for r in parts) == long.values[i]
