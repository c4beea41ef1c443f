"""QR codes of the case pages (issue 19): the address they encode, checked through segno's
own data (the matrix of a code made from the expected address), never by decoding images."""

from __future__ import annotations

import io
import re

import pytest
import segno
from PIL import Image

from atlas import qr
from atlas.schema import Case
from atlas.slide_html import slide_qr_caption_html, slide_qr_html, slide_qr_url
from tests.conftest import variant

BASE = "https://atlas.example.org"


@pytest.mark.parametrize(
    ("base", "case_id", "lang", "expected"),
    [
        (BASE, "uber-taxi", None, f"{BASE}/case?case=uber-taxi"),
        (BASE + "/", "uber-taxi", "en", f"{BASE}/case?case=uber-taxi"),
        (BASE, "uber-taxi", "zh", f"{BASE}/case?case=uber-taxi&lang=zh"),
        ("  http://10.0.0.5:8501/atlas/  ", "a", None, "http://10.0.0.5:8501/atlas/case?case=a"),
        ("HTTPS://Atlas.Example.org", "a", None, "HTTPS://Atlas.Example.org/case?case=a"),
        (BASE, "a b&c", None, f"{BASE}/case?case=a%20b%26c"),  # an id is always one value
    ],
    ids=["plain", "trailing-slash", "chinese", "path-and-port", "capitals", "quoted-id"],
)
def test_the_case_url_is_the_case_page_at_the_base(base, case_id, lang, expected):
    assert qr.case_url(base, case_id, lang) == expected


@pytest.mark.parametrize(
    "base",
    [
        None,
        "",
        "   ",
        "atlas.example.org",  # no scheme
        "/atlas",  # relative
        "ftp://atlas.example.org",
        "javascript:alert(1)//",
        "data:text/html,<b>x</b>",
        "https://",  # no host
        "https://atlas example.org",  # a space
        "https://atlas.example.org/?q=1",  # a query: the case page cannot be added to it
        "https://atlas.example.org?",
        "https://atlas.example.org/#top",
        "https://user:secret@atlas.example.org",  # credentials in a printed code
        "https://atlas.example.org/\nx",
    ],
)
def test_a_base_that_is_not_a_plain_http_address_gives_no_url(base):
    assert qr.base_url(base) is None
    assert qr.case_url(base, "uber-taxi") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("ftp://x.org", None), (f"{BASE}/", BASE), (BASE, BASE)],
)
def test_the_public_url_comes_from_the_environment(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(qr.ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(qr.ENV_VAR, value)
    assert qr.public_url() == expected


@pytest.mark.parametrize(
    "url", [f"{BASE}/case?case=uber-taxi", f"{BASE}/case?case=lin-qingxuan-epidemic&lang=zh"]
)
def test_the_code_encodes_the_url_at_level_m(url):
    code = qr.qr_code(url)
    assert code.error == "M" and not code.is_micro
    assert code.matrix == segno.make(url, error="m", micro=False, boost_error=False).matrix
    assert code.matrix != qr.qr_code(url + "x").matrix


def test_the_png_is_the_code_with_a_quiet_zone():
    url = f"{BASE}/case?case=uber-taxi"
    code = qr.qr_code(url)
    image = Image.open(io.BytesIO(qr.qr_png(url, scale=3)))
    side = (code.symbol_size(scale=1, border=0)[0] + 2 * qr.BORDER) * 3
    assert image.format == "PNG" and image.size == (side, side)
    # Drawn module by module (this reads the pixels segno wrote; nothing is decoded).
    pixels = image.convert("L")
    for y, row in enumerate(code.matrix):
        for x, dark in enumerate(row):
            at = ((qr.BORDER + x) * 3 + 1, (qr.BORDER + y) * 3 + 1)
            assert (pixels.getpixel(at) < 128) == bool(dark)


def test_the_svg_scales_and_is_the_same_code():
    url = f"{BASE}/case?case=uber-taxi"
    svg = qr.qr_svg(url)
    side = len(qr.qr_code(url).matrix) + 2 * qr.BORDER
    assert svg.startswith("<svg") and f'viewBox="0 0 {side} {side}"' in svg
    assert "width=" not in svg.split(">", 1)[0]  # sized by its box
    assert svg == qr.qr_code(url).svg_inline(
        scale=1, border=qr.BORDER, dark="#000000", light="#ffffff", omitsize=True,
        svgclass="qr-code", lineclass=None,
    )  # fmt: skip
    assert qr.qr_svg_data_uri(url).startswith("data:image/svg+xml")


def test_short_url_drops_the_scheme():
    assert qr.short_url(f"{BASE}/case?case=a") == "atlas.example.org/case?case=a"


def test_a_slide_has_the_code_only_with_a_public_address(good_case_data):
    case = Case.model_validate(variant(good_case_data, "shop-a"))
    assert slide_qr_url(case, "en", None) is None
    assert slide_qr_url(case, "en", "not an address") is None
    url = slide_qr_url(case, "zh", BASE)
    assert url == f"{BASE}/case?case=shop-a&lang=zh"
    html = slide_qr_html(url, "zh")
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    assert alt == f"二维码：{url}".replace("&", "&amp;")
    src = re.search(r'src="([^"]*)"', html).group(1).replace("&amp;", "&")
    assert src == qr.qr_svg_data_uri(url)
    caption = slide_qr_caption_html(url, "zh")
    assert "atlas.example.org/case?case=shop-a&amp;lang=zh" in caption  # the printed address
