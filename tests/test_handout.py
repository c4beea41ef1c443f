import re
from html import escape

import pytest

from atlas import qr
from atlas.handout import build_handout
from atlas.presentation import Show, Stop, show_from_selection
from atlas.schema import Case, Source
from tests.conftest import variant

SOURCE = {
    "id": "one",
    "title": "Bakeries online",
    "publisher": "The Daily Loaf",
    "date": "2020-01",
    "url": "https://example.com/loaf?a=1&b=2",
    "kind": "press",
}
METRIC = {"label": "Orders", "value": 1200, "unit": "orders a week", "year": 2019, "source": "one"}
# Every element the handout may contain: none of them loads anything.
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "section"}
PAGE_TAGS |= {"div", "p", "span", "small", "h1", "h2", "h3", "ul", "ol", "li", "a"}
PAGE_TAGS |= {"table", "tr", "th", "td"}
PAYLOAD = '<script>alert("x")</script>'


@pytest.fixture
def cases(good_case_data) -> list[Case]:
    return [
        Case.model_validate(
            variant(good_case_data, f"shop-{n}", sources=[SOURCE], metrics=[METRIC])
        )
        for n in "abc"
    ]


@pytest.fixture
def hostile(good_case_data) -> Case:
    """Every kind of case text carries markup that would run if it were not escaped."""
    data = variant(
        good_case_data,
        "hostile",
        title=f"Shop {PAYLOAD}",
        summary=f"Summary <img src=http://evil.example/x.png onerror=alert(1)> {PAYLOAD}",
        lessons=[f"Lesson {PAYLOAD}"],
        organisations=[f"Org {PAYLOAD}"],
        connections={
            "before": [{"from": f"A {PAYLOAD}", "to": "B", "via": f"via {PAYLOAD}"}],
            "after": [{"from": "A", "to": "</style><b>C</b>", "via": "app"}],
        },
        sources=[SOURCE | {"title": f"Title {PAYLOAD}", "publisher": '"><a href="x'}],
        metrics=[METRIC | {"label": f"Metric {PAYLOAD}", "unit": "<u>"}],
    )
    data["outcome"] = data["outcome"] | {"evidence": f"Evidence {PAYLOAD}"}
    return Case.model_validate(data)


def sections(html: str) -> list[str]:
    return re.findall(r'<section class="case".*?</section>', html, flags=re.S)


def test_one_page_per_case_in_show_order(cases):
    html = build_handout(show_from_selection(cases[::-1], "3 cases: outcome Mixed"))
    found = sections(html)
    assert len(found) == 3
    assert [re.search(r"<h2>(.*?)</h2>", s).group(1) for s in found] == [
        c.title for c in cases[::-1]
    ]
    assert re.search(r"\.case \{[^}]*page-break-after: always", html)


def test_a_case_page_has_every_part(cases):
    html = build_handout(
        Show("Tour T", "About shops.", (Stop(cases[0], "Say this."),), kind="tour")
    )
    (page,) = sections(html)
    case = cases[0]
    for text in (case.summary, "Mixed", "Food service", "since 2015", case.lessons[0]):
        assert escape(text) in page
    assert "<h3>Before</h3>" in page and "After" in page
    assert "Walk-in customer – Bakery counter" in page
    assert '<span class="new">Delivery platform</span>' in page  # newly connected
    assert '<span class="new">Bakery counter</span>' not in page
    assert "1,200" in page and "orders a week" in page and "[1]" in page
    assert "Talking point" in page and "Say this." in page
    assert '<a href="https://example.com/loaf?a=1&amp;b=2">' in page
    assert "Bakeries online — The Daily Loaf (2020-01)" in page
    assert "About shops." in html and "Tour: Tour T:" not in html


def test_a_selection_shows_no_talking_point_beside_the_lessons_it_repeats(cases):
    html = build_handout(show_from_selection(cases[:1], "1 case"))
    assert "Talking point" not in html


def test_case_text_is_escaped_everywhere(hostile):
    html = build_handout(Show(f"T {PAYLOAD}", f"C {PAYLOAD}", (Stop(hostile, f"N {PAYLOAD}"),)))
    assert "<script" not in html
    assert "<img" not in html and "<u>" not in html and "<b>C</b>" not in html
    assert html.count("</style>") == 1  # the page's own
    assert html.count("&lt;script&gt;") >= 10
    assert '"><a href="x' not in html


def test_only_http_addresses_become_links(cases):
    bad = Source.model_construct(**(SOURCE | {"url": "javascript:alert(1)"}))
    case = cases[0].model_copy(update={"sources": [bad]})
    html = build_handout(show_from_selection([case], "1 case"))
    assert 'href="javascript' not in html
    assert "javascript:alert(1)" in html  # shown as text


def test_the_page_loads_nothing(cases, hostile):
    html = build_handout(show_from_selection([*cases, hostile], "4 cases"))
    tags = re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", html)
    assert {name for name, _ in tags} <= PAGE_TAGS
    assert not any("src=" in attrs.lower() for _, attrs in tags)
    style = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    hrefs = [re.search(r'href="([^"]*)"', attrs) for _, attrs in tags]
    linked = [(name, h.group(1)) for (name, _), h in zip(tags, hrefs, strict=True) if h]
    assert linked and all(name == "a" and h.startswith("https://") for name, h in linked)


def test_an_empty_show_is_a_cover_page():
    html = build_handout(show_from_selection([], "0 cases"))
    assert sections(html) == [] and "0 cases" in html


def test_a_chinese_handout_is_in_chinese_case_text_and_labels(library_case_with_zh):
    case = library_case_with_zh
    html = build_handout(show_from_selection([case], "一个案例", lang="zh"))
    page = sections(html)[0]
    assert escape(case.zh.title, quote=True) in page and escape(case.title, quote=True) not in page
    assert escape(case.zh.summary, quote=True) in page
    assert "经验" in page or "教训" in page  # the Lessons heading, translated
    assert "Lessons" not in page and "Sources" not in page and "Before" not in page
    assert '<html lang="zh">' in html


@pytest.fixture
def library_case_with_zh() -> Case:
    from atlas.loader import DEFAULT_DIR, load_library

    return next(c for c in load_library(DEFAULT_DIR).cases if c.id == "didi-uber-china")


BASE = "https://atlas.example.org"
QR_TAGS = {"figure", "figcaption", "svg", "path"}


def test_with_a_base_url_each_case_page_has_its_code_in_the_corner(cases):
    html = build_handout(show_from_selection(cases, "3 cases"), base_url=BASE + "/")
    for section, case in zip(sections(html), cases, strict=True):
        url = f"{BASE}/case?case={case.id}"
        figure = re.search(r'<figure class="qr">(.*?)</figure>', section, flags=re.S).group(1)
        assert section.index('<figure class="qr">') < section.index("<h2>")  # at the top
        assert qr.qr_svg(url).split(">", 1)[1] in figure  # the code of that address
        assert f'aria-label="QR code: {url}"' in figure
        assert f'<a href="{url}">{qr.short_url(url)}</a>' in figure


def test_a_chinese_handout_codes_the_chinese_case_page(cases):
    html = build_handout(show_from_selection(cases[:1], "一个案例", "zh"), BASE)
    url = escape(f"{BASE}/case?case={cases[0].id}&lang=zh")
    assert f'href="{url}"' in html and f'aria-label="二维码：{url}"' in html


@pytest.mark.parametrize("base", [None, "", "javascript:alert(1)", "http://"])
def test_without_a_usable_base_url_there_is_no_code(cases, base):
    html = build_handout(show_from_selection(cases, "3 cases"), base)
    assert "<svg" not in html and '<figure class="qr">' not in html


def test_a_coded_handout_still_loads_nothing(cases, hostile):
    html = build_handout(show_from_selection([*cases, hostile], "4 cases"), BASE)
    tags = re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", html)
    assert {name for name, _ in tags} <= PAGE_TAGS | QR_TAGS
    assert not any("src=" in attrs.lower() or "xlink" in attrs.lower() for _, attrs in tags)


# --- the same rules as the deck: 14 pt or more, nothing cut -------------------------------


def test_no_text_is_printed_under_14_pt():
    from atlas.handout import STYLE

    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", STYLE)]
    assert sizes and min(sizes) >= 14
    assert not re.search(r"font-size:\s*[\d.]+(px|em|rem|%)", STYLE)  # every size in points


def test_a_long_address_is_printed_whole(good_case_data):
    long_url = "https://example.com/" + "a-long-path-segment/" * 8 + "article.html"
    case = Case.model_validate(
        variant(good_case_data, "long", sources=[SOURCE | {"url": long_url}], metrics=[METRIC])
    )
    html = build_handout(show_from_selection([case], "One case"))
    assert f">{escape(long_url)}</a>" in html
    assert "…" not in html


def test_the_librarys_handout_cuts_nothing_with_an_ellipsis(curated):
    lib, _table = curated
    for lang in ("en", "zh"):
        html = build_handout(show_from_selection(list(lib.cases), "All", lang=lang))
        assert "…" not in html and "..." not in html
