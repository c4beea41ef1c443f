"""No injection: script and HTML in every text field of a case never run, load or link.

A case folder is written with one case per kind of payload; every text field of that
case carries the payload, tagged with the field's name. A real Chromium opens each page
and checks that nothing ran (no dialog, no window flag), that no element came from a
payload (script, img, iframe, javascript: link, inline handler), that no request left
127.0.0.1, that no LaTeX was typeset, and that the payload text is shown as text.
Hostile query parameters get the same checks: the URL is input from outside too.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from devtools.browser import Server, assert_clean, wait_ready, watch

pytestmark = pytest.mark.browser

FLAG = "__pwned"
EVIL = "http://evil.example"
# kind -> payload; {m} becomes "<kind>-<field>", so a hit names its field.
PAYLOADS = {
    "script": "<script>window.__pwned='{m}'</script>",
    "img": "<img src=x onerror=\"window.__pwned='{m}'\">",
    "jslink": "[link {m}](javascript:alert('{m}'))",
    "mdimage": "![image {m}](" + EVIL + "/{m}.png)",
    "iframe": '<iframe src="' + EVIL + '/{m}"></iframe>',
    "shortcode": ":material/home: :red[{m}] :smile:",
    "latex": "$x^2$ {m} $$y$$",
    "svg": "<svg/onload=\"window.__pwned='{m}'\">",
}
# Markdown that only multi-line fields can hold: a reference image and a nested label.
TEXT_TRICKS = (
    "\n\n![ref {m}][evil]\n\n[evil]: " + EVIL + "/ref-{m}.png\n\n"
    "![[nested {m}]](" + EVIL + "/nested-{m}.png) [[x]](javascript:alert(1))\n\n"
    '<a href="javascript:alert(1)">html link {m}</a> &#60;b&#62;entity {m}&#60;/b&#62;'
)
URL_WITH_HTML = "https://example.org/a\"><svg/onload=window.__pwned='url'>"


def payload_case(kind: str, template: str) -> dict:
    def p(field: str) -> str:
        return template.format(m=f"{kind}-{field}")

    def text(field: str) -> str:
        return p(field) + TEXT_TRICKS.format(m=f"{kind}-{field}")

    source = {"publisher": p("publisher"), "date": "2016", "kind": "press"}
    return {
        "id": f"inject-{kind}",
        "title": p("title"),
        "summary": p("summary"),
        "evidence": "documented",
        "organisations": [p("organisation")],
        "region": "global",
        "countries": [p("country")],
        "industry": "retail",
        "ownership": "sme",
        "years": {"start": 2015},
        "mode": "internet_plus",
        "thinking": "user",
        "stage": "digitalization",
        "connection_types": ["user_merchant"],
        "connections": {
            when: [{"from": p(f"{when}-from"), "to": p(f"{when}-to"), "via": p(f"{when}-via")}]
            for when in ("before", "after")
        },
        "outcome": {"status": "mixed", "evidence": text("evidence"), "sources": ["src-a"]},
        "narrative": text("narrative"),
        "timeline": [{"date": "2016-05", "event": p("event"), "source": "src-a"}],
        "metrics": [
            {
                "label": p("metric-label"),
                "value": 1.5,
                "unit": p("metric-unit"),
                "year": 2016,
                "source": "src-b",
                "note": p("metric-note"),
            }
        ],
        "lessons": [p("lesson")],
        "sources": [
            {"id": "src-a", "title": p("source-title"), "url": URL_WITH_HTML} | source,
            {"id": "src-b", "title": p("source-title-b"), "url": "https://example.org/b"} | source,
        ],
        "related": [f"inject-{k}" for k in PAYLOADS if k != kind],
        "zh": {"title": p("zh-title"), "summary": p("zh-summary"), "lessons": [p("zh-lesson")]},
    }


# Fields shown as Markdown text on the case page (metrics are drawn in a canvas table).
CASE_TEXT_FIELDS = [
    "title",
    "summary",
    "organisation",
    "country",
    "before-from",
    "before-to",
    "before-via",
    "after-from",
    "after-to",
    "after-via",
    "evidence",
    "event",
    "lesson",
    "source-title",
    "publisher",
]

FIND_INJECTED = """() => {
  const hits = [];
  const bad = (el) => hits.push(el.outerHTML.slice(0, 200));
  document.querySelectorAll('script').forEach((s) => {
    if (/pwned|alert|evil/.test(s.textContent + (s.src || ''))) bad(s);
  });
  document.querySelectorAll('img, iframe, svg image, object, embed, video, audio').forEach((e) => {
    const src = e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('data') || '';
    if (src === 'x' || /evil|javascript:/i.test(src)) bad(e);
  });
  document.querySelectorAll('iframe').forEach(bad);
  document.querySelectorAll('a[href]').forEach((a) => {
    if (!/^https?:$/.test(new URL(a.href, location.href).protocol)) bad(a);
  });
  document.querySelectorAll('*').forEach((e) => {
    for (const attr of e.attributes) if (/^on/i.test(attr.name)) { bad(e); break; }
  });
  document.querySelectorAll('math').forEach(bad);  // typeset LaTeX is MathML
  return hits;
}"""


# Streamlit renders Markdown in button and page-link labels and in alerts: the views
# escape what they show there (md_escape), so a title or a URL value that is a Markdown
# image is never fetched and $...$ is never typeset. These pages check that.


@pytest.fixture(scope="module")
def injected_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("injection") / "cases"
    folder.mkdir()
    for kind, template in PAYLOADS.items():
        case = payload_case(kind, template)
        (folder / f"{case['id']}.yaml").write_text(yaml.safe_dump(case, allow_unicode=True))
    # Problems quote what a file says: a bad value and a file name, each a payload.
    bad = "industry: \"<img src=x onerror=window.__pwned='health'>\"\n"
    (folder / "<img src=x onerror=alert('file')>.yaml").write_text(bad)
    return folder


@pytest.fixture(scope="module")
def injected_server(browser, injected_folder, tmp_path_factory):
    srv = Server(injected_folder, tmp_path_factory.mktemp("injection-log") / "streamlit.log")
    yield srv
    srv.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    yield context.new_page()
    context.close()


def open_and_check(page, url: str, last_text: str) -> str:
    """Open `url`, assert nothing ran or was injected; return the page's whole text.

    `last_text` is drawn at the end of the page: the checks wait for it, since the app
    can look idle before its first run has begun.
    """
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    seen = watch(page)
    page.goto(url)
    page.get_by_text(last_text).first.wait_for(state="attached", timeout=60_000)
    # Drawn: no widget skeleton, every chart, graph, image and font loaded; inactive tabs
    # and closed expanders are in the DOM too, so a payload in them would have loaded.
    wait_ready(page)
    assert page.evaluate(f"() => window.{FLAG}") is None, "a payload ran"
    assert dialogs == [], "a payload opened a dialog"
    assert page.evaluate(FIND_INJECTED) == [], "an element came from a payload"
    assert seen.external == [], "a payload made the browser ask another host"
    assert_clean(page, seen)
    return page.evaluate("() => document.body.textContent")


# path, and a text drawn last on that page
LIBRARY_PAGES = [
    ("", "Click a bar to pick a year"),
    ("explore", "Open case"),
    ("explore?view=table", "export exactly those cases"),
    ("concepts", "Outcomes are mixed"),
    ("data-health", "Download the list"),
]


@pytest.mark.parametrize(("path", "last_text"), LIBRARY_PAGES)
def test_library_pages_run_nothing_from_case_text(page, injected_server, path, last_text):
    shown = open_and_check(page, f"{injected_server.url}/{path}", last_text)
    if path == "explore":  # cards: every title and summary, as typed
        for kind, template in PAYLOADS.items():
            for field in ("title", "summary"):
                assert template.format(m=f"{kind}-{field}") in shown
    if path == "data-health":
        assert "<img src=x onerror=window.__pwned='health'>" in shown
        assert "<img src=x onerror=alert('file')>.yaml" in shown


@pytest.mark.parametrize("kind", sorted(PAYLOADS))
def test_case_page_shows_every_field_as_text(page, injected_server, kind):
    shown = open_and_check(page, f"{injected_server.url}/case?case=inject-{kind}", "Related cases")
    template = PAYLOADS[kind]
    missing = [f for f in CASE_TEXT_FIELDS if template.format(m=f"{kind}-{f}") not in shown]
    assert missing == [], f"not shown as typed: {missing}"
    # The narrative is Markdown: its text shows, its links only when they are http(s).
    assert f"{kind}-narrative" in shown
    assert f"nested {kind}-narrative" in shown and f"html link {kind}-narrative" in shown


HOSTILE_QUERIES = [
    (
        "explore?q=" + quote("![q](" + EVIL + "/q.png) <img src=x onerror=alert(1)>"),
        "No case matches",
    ),
    (
        "explore?industry=" + quote("![i](" + EVIL + "/i.png)") + "&" + quote("<b>k</b>") + "=1",
        "Open case",
    ),
    ("case?case=" + quote("![c](" + EVIL + "/c.png)<script>alert(1)</script>"), "Choose a case"),
    (
        "?from=" + quote("$x$") + "&outcome=" + quote(":red[x] [a](javascript:alert(1))"),
        "Click a bar to pick a year",
    ),
]


@pytest.mark.parametrize(("path", "last_text"), HOSTILE_QUERIES)
def test_hostile_query_parameters_run_nothing(page, injected_server, path, last_text):
    open_and_check(page, f"{injected_server.url}/{path}", last_text)
