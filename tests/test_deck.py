import datetime as dt
import io
import re
import zipfile

import pytest
import yaml
from pptx import Presentation
from pptx.util import Inches

from atlas import deck, deck_case, deck_layout, qr
from atlas.charts import CHARTS
from atlas.presentation import Show, Stop, show_from_selection
from atlas.schema import Case
from atlas.table import cases_table
from tests.conftest import GOOD, variant

SOURCES = [
    {
        "id": "one",
        "title": "Bakeries online",
        "publisher": "The Daily Loaf",
        "date": "2020-01",
        "url": "https://example.com/loaf",
        "kind": "press",
    },
    {
        "id": "two",
        "title": "Delivery platforms",
        "publisher": "Analysts Ltd",
        "date": "2021-03-04",
        "url": "https://example.org/report",
        "kind": "analysis",
    },
]
METRICS = [
    {"label": "Orders", "value": 1200, "unit": "orders a week", "year": 2019, "source": "one"},
    {"label": "Commission", "value": 18.5, "unit": "%", "year": 2020, "source": "two"},
]
LONG = "Extraordinarily long-winded descriptive wording that keeps going "


def cited(base: dict, id: str, **changes) -> Case:
    return Case.model_validate(variant(base, id, sources=SOURCES, metrics=METRICS, **changes))


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    """Four cases with sources and figures, spread over outcomes and modes."""
    base = yaml.safe_load((GOOD / "bakery-o2o-delivery.yaml").read_text())
    return [
        cited(base, "shop-a"),
        cited(base, "shop-b", status="failure", mode="internet_plus"),
        cited(base, "shop-c", status="success", industry="finance"),
        cited(base, "shop-d", years={"start": 2012, "end": 2016}),
    ]


@pytest.fixture(scope="module")
def show(cases) -> Show:
    notes = ["First stop.", "Second: a <b>bold</b> claim & more.", "Third.", "Fourth."]
    stops = tuple(Stop(c, n) for c, n in zip(cases, notes, strict=True))
    return Show("Shops online", "Four shops go online.", stops, kind="tour", tour_id="shops")


def read(data: bytes) -> Presentation:
    return Presentation(io.BytesIO(data))


def shape_named(slide, name: str):
    return next(s for s in slide.shapes if s.name == name)


def texts(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


@pytest.fixture(scope="module")
def enough(cases) -> list[Case]:
    """As many cases as a chart needs to say something: the four, and four more."""
    base = yaml.safe_load((GOOD / "bakery-o2o-delivery.yaml").read_text())
    more = [cited(base, f"more-{i}", industry="finance") for i in range(4)]
    return [*cases, *more][: deck.MIN_CASES_FOR_CHARTS]


@pytest.fixture(scope="module")
def built(show, enough) -> Presentation:
    """One deck for the tests that only read it: charts take a second to render."""
    return read(deck.build_deck(show, cases_table(enough)))


def test_the_deck_is_16_by_9(built):
    assert (built.slide_width, built.slide_height) == (Inches(13.333), Inches(7.5))


def test_a_title_slide_then_a_slide_per_chart_then_one_per_case(built, show):
    assert len(built.slides) == 1 + len(CHARTS) + len(show)
    chart_slides = list(built.slides)[1 : 1 + len(CHARTS)]
    for slide, name in zip(chart_slides, CHARTS, strict=True):
        assert deck.CHART_TITLES[name] in texts(slide)
        assert sum(s.shape_type == 13 for s in slide.shapes) == 1  # one picture: the chart


def test_the_title_slide_has_the_title_caption_date_and_contents(built, show):
    text = texts(built.slides[0])
    today = dt.date.today()
    assert "Shops online" in text
    assert "Four shops go online." in text
    assert f"{today.day} {today:%B %Y}" in text
    assert all(stop.case.title in text for stop in show.stops)


def test_each_case_slide_has_its_title_notes_and_sources_in_the_footer(built, show):
    case_slides = list(built.slides)[-len(show) :]
    for slide, stop in zip(case_slides, show.stops, strict=True):
        assert shape_named(slide, "Title").text_frame.text == stop.case.title
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith(stop.note + "\n\n")
        assert (
            "[2] Delivery platforms. Analysts Ltd, 2021-03-04. https://example.org/report" in notes
        )
        footer = shape_named(slide, "Sources")
        assert footer.top > Inches(6.5)
        assert footer.text_frame.text == (
            "Sources: [1] The Daily Loaf (2020-01); [2] Analysts Ltd (2021-03-04)"
        )


def test_a_case_slide_shows_summary_outcome_figures_and_connections(built, show):
    case = show.stops[0].case
    slide = built.slides[-len(show)]
    text, notes = texts(slide), slide.notes_slide.notes_text_frame.text
    assert case.summary in text and case.outcome.evidence.split()[0] in text
    assert "1,200 orders a week" in text and "18.5%" in text and "Orders, 2019" in text
    # What the slide has no room for is in the notes, and the slide says so.
    assert case.outcome.evidence in notes
    for conn in (*case.connections.before, *case.connections.after):
        assert f"{conn.from_} → {conn.to}: {conn.via}" in notes
    shown = sum(s.name == "Via" for s in slide.shapes)
    every = len(case.connections.before) + len(case.connections.after)
    assert (shown < every) == ("all in the notes" in text)


def test_a_short_selection_has_no_chart_slides(show, cases, enough):
    two = show_from_selection(cases[:2], "2 cases: outcome Mixed")
    built = read(deck.build_deck(two, cases_table(cases[:2])))
    assert len(built.slides) == 1 + 2
    assert "2 cases: outcome Mixed" in texts(built.slides[0])
    one_short = enough[:-1]  # one case fewer than a chart needs
    built = read(deck.build_deck(show_from_selection(one_short, "7"), cases_table(one_short)))
    assert len(built.slides) == 1 + len(one_short)


def test_an_empty_show_is_a_title_slide(cases):
    built = read(deck.build_deck(show_from_selection([], "0 cases"), cases_table([])))
    assert len(built.slides) == 1


@pytest.mark.parametrize("base", [None, "https://atlas.example.org"], ids=["plain", "coded"])
def test_long_text_is_cut_and_every_shape_stays_on_the_slide(good_case_data, base):
    connection = {"from": LONG * 4, "to": LONG, "via": LONG * 3}
    data = variant(
        good_case_data,
        "long-case",
        title=(LONG * 2)[:100],
        summary=(LONG * 5)[:300],
        connections={"before": [connection] * 12, "after": [connection] * 12},
        sources=[SOURCES[0] | {"id": f"s{i}", "publisher": LONG} for i in range(30)],
        metrics=[METRICS[0] | {"label": LONG * 3, "source": "s1"}] * 5,
    )
    data["outcome"] = data["outcome"] | {"evidence": LONG * 100}
    case = Case.model_validate(data)
    long_show = Show(LONG * 2, LONG * 10, (Stop(case, "n"),), kind="tour")
    built = read(deck.build_deck(long_show, cases_table([]), base))
    slide = built.slides[-1]
    for shape in slide.shapes:
        assert shape.left >= 0 and shape.top >= 0
        assert shape.left + shape.width <= built.slide_width
        assert shape.top + shape.height <= built.slide_height
    assert shape_named(slide, "Sources").text_frame.text.endswith("more in the notes")
    assert "of 12, all in the notes" in texts(slide)
    assert "…" not in texts(slide)
    assert (LONG * 100).strip() in slide.notes_slide.notes_text_frame.text


def test_nothing_in_the_deck_points_outside_it(built):
    data = io.BytesIO()
    built.save(data)
    with zipfile.ZipFile(data) as archive:
        rels = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".rels")]
    assert not any('TargetMode="External"' in r for r in rels)


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Luckin Coffee - app-only coffee", "Luckin Coffee"),
        ("Haier's COSMOPlat: mass customisation", "Haier's COSMOPlat"),
        ("Blockbuster vs Netflix, rental stores", "Blockbuster vs Netflix, rental stores"),
        ("AB - a two-letter name stays whole", "AB - a two-letter name stays whole"),
    ],
)
def test_short_title(title, short):
    assert deck.short_title(title) == short


def test_sources_line_names_whole_sources_and_counts_the_rest(good_case_data):
    many = [SOURCES[0] | {"id": f"s{i}", "publisher": f"Publisher {i}"} for i in range(30)]
    case = Case.model_validate(variant(good_case_data, "many", sources=many))
    box = (0, 0, 6, 0.45)  # two lines of 12 pt, 6 inches wide
    line = deck_case.sources_line(case, box=box)
    assert line.startswith("Sources: [1] Publisher 0 (2020-01); [2] Publisher 1 (2020-01);")
    shown = line.count("(2020-01)")
    assert line.endswith(f"; and {30 - shown} more in the notes")
    assert deck_layout.fits(line, 6, 0.45, 12)
    assert deck_case.sources_line(Case.model_validate(good_case_data)).startswith(
        "An illustrative example"
    )


def test_a_tour_deck_in_chinese_is_still_a_tour_deck(cases):
    """Whether a deck is a tour's is the show's kind, never read from its words: a tour's
    deck in Chinese gets the tour's title slide, as in English."""
    from atlas.presentation import show_from_tour
    from atlas.schema import Tour

    tour = Tour(
        id="shops",
        title="Shops online",
        description="Four shops go online.",
        stops=[{"case": c.id, "talking_point": f"Stop {c.id}."} for c in cases],
        zh={
            "title": "网店之路",
            "description": "四家商店上网。",
            "talking_points": [f"第{i}站。" for i in range(1, 5)],
        },
    )
    for lang, title, about, kinds in (
        ("en", "Shops online", "Four shops", ("TOUR", "SELECTION")),
        ("zh", "网店之路", "四家商店", ("导览", "所选案例")),
    ):
        show = show_from_tour(tour, {c.id: c for c in cases}, lang)
        first = read(deck.build_deck(show, cases_table(cases))).slides[0]
        words = texts(first)
        tour_word, selection_word = kinds
        assert tour_word in words and selection_word not in words, lang
        assert title in words and about in words, lang


def test_a_chinese_deck_shows_the_cases_chinese_text_and_labels():
    from atlas.loader import DEFAULT_DIR, load_library
    from atlas.presentation import show_from_selection

    lib = load_library(DEFAULT_DIR)
    case = lib.case("didi-uber-china")
    built = read(deck.build_deck(show_from_selection([case], "一个案例", "zh"), cases_table([])))
    title, slide = texts(built.slides[0]), texts(built.slides[-1])
    assert case.zh.title in title and case.title not in title  # the contents list
    assert case.zh.title in slide and case.zh.summary[:20] in slide
    assert case.title not in slide
    for english in ("OUTCOME", "KEY FIGURES", "BEFORE", "AFTER", "Sources:"):
        assert english not in slide


# --- QR codes of the case pages (issue 19) ---------------------------------------------------

BASE = "https://atlas.example.org"


def qr_pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == 13 and s.name == "QR code"]


@pytest.fixture(scope="module")
def coded(show, cases) -> Presentation:
    return read(deck.build_deck(show, cases_table(cases), base_url=BASE + "/"))


def test_with_a_base_url_every_case_slide_links_its_code_to_the_case_page(coded, show):
    case_slides = list(coded.slides)[-len(show) :]
    for slide, stop in zip(case_slides, show.stops, strict=True):
        url = f"{BASE}/case?case={stop.case.id}"
        (picture,) = qr_pictures(slide)
        assert picture.click_action.hyperlink.address == url
        assert picture.image.blob == qr.qr_png(url)  # the code of that address
        assert picture._element.nvPicPr.cNvPr.get("descr") == f"QR code: {url}"
        link = shape_named(slide, "Case link")
        runs = [r for p in link.text_frame.paragraphs for r in p.runs]
        assert "".join(r.text for r in runs) == qr.short_url(url)
        assert {r.hyperlink.address for r in runs} == {url}
    assert not qr_pictures(coded.slides[0])  # the title slide has none


def test_the_code_keeps_clear_of_everything_on_the_slide(coded, show):
    def box(shape):
        return shape.left, shape.top, shape.left + shape.width, shape.top + shape.height

    for slide in list(coded.slides)[-len(show) :]:
        code = [box(shape_named(slide, "QR code")), box(shape_named(slide, "Case link"))]
        assert all(right <= coded.slide_width and bottom <= coded.slide_height
                   for _l, _t, right, bottom in code)  # fmt: skip
        for shape in slide.shapes:
            if shape.name in ("QR code", "Case link"):
                continue
            left, top, right, bottom = box(shape)
            for c_left, c_top, c_right, c_bottom in code:
                apart = right <= c_left or left >= c_right or bottom <= c_top or top >= c_bottom
                assert apart, f"{shape.name} overlaps the QR code"


def test_the_only_outside_links_are_the_case_pages(coded, show):
    data = io.BytesIO()
    coded.save(data)
    with zipfile.ZipFile(data) as archive:
        rels = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".rels"))
    targets = set(re.findall(r'Target="([^"]*)" TargetMode="External"', rels))
    assert targets == {f"{BASE}/case?case={s.case.id}" for s in show.stops}


def test_a_chinese_deck_links_the_chinese_case_page(cases):
    show = show_from_selection(cases[:1], "一个案例", "zh")
    (picture,) = qr_pictures(read(deck.build_deck(show, cases_table([]), BASE)).slides[-1])
    assert picture.click_action.hyperlink.address == f"{BASE}/case?case=shop-a&lang=zh"


@pytest.mark.parametrize("base", [None, "", "ftp://atlas.example.org", "localhost:8501"])
def test_without_a_usable_base_url_there_is_no_code(cases, base):
    built = read(deck.build_deck(show_from_selection(cases[:2], "2"), cases_table([]), base))
    for slide in built.slides:
        assert not qr_pictures(slide)
        assert not any(s.name == "Case link" for s in slide.shapes)


@pytest.mark.parametrize(
    ("address", "lines"),
    [
        ("atlas.example.org/case?case=uber-taxi", ["atlas.example.org/case", "?case=uber-taxi"]),
        ("a.org/case?case=plus-action-plan", ["a.org/case?case=plus-", "action-plan"]),
        ("a.org/case?case=internet-plus-action", ["a.org/case", "?case=internet-plus-", "action"]),
        ("x" * 30, ["x" * 24, "x" * 6]),
    ],
)  # fmt: skip
def test_url_lines_break_at_the_parts_of_the_address(address, lines):
    assert deck_case.url_lines(address, 24) == lines
