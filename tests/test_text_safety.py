"""The escaping helpers: case text reaches Markdown inert; links are http(s) only.

What a browser finally shows is checked in tests/test_injection.py; here the helpers'
output is checked against what Streamlit's Markdown would act on.
"""

import re

import pytest

from atlas.text_safety import md_escape, safe_markdown, safe_url

# What would make Streamlit's Markdown format, link, load or run something, in any text
# that went through md_escape: an unescaped special character.
UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*[\[\]()<>!$:`*_#|~&/@]")

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![](http://evil.example/x.png)",
    "<iframe src=//evil.example></iframe>",
    ":material/home: :smile: :red[red] :streamlit:",
    "$x^2$ and $$\\frac{1}{2}$$",
    "`code` **bold** _it_ ~~gone~~ # heading | table |",
    "www.evil.example and mail@evil.example and <http://evil.example>",
    "&lt;script&gt; &#106;avascript:",
    "back\\slash\\",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_escape_leaves_nothing_markdown_would_act_on(payload):
    escaped = md_escape(payload)
    assert not UNESCAPED.search(escaped), escaped
    # every backslash added escapes one character: removing them gives the text back
    assert re.sub(r"\\(.)", r"\1", escaped) == payload


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org/a?b=1&c=2#d", "http://example.org/a?b=1&c=2#d"),
        ("HTTPS://example.org/", "HTTPS://example.org/"),
        ("  https://example.org/  ", "https://example.org/"),
        (
            "https://en.wikipedia.org/wiki/Ant_(company)",
            "https://en.wikipedia.org/wiki/Ant_%28company%29",
        ),
        ('https://example.org/"><img>', "https://example.org/%22%3E%3Cimg%3E"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("//evil.example/x", None),
        ("/relative/path", None),
        ("http:///no-host", None),
        ("https://exa mple.org", None),
        ("https://example.org/\njavascript:alert(1)", None),
        ("http://[::1", None),
        ("", None),
    ],
)
def test_safe_url_accepts_only_http_and_https(url, safe):
    assert safe_url(url) == safe


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # formatting a narrative needs stays
        ("**bold** and *italic*", "**bold** and *italic*"),
        ("1. first\n- second", "1. first\n- second"),
        ("[the plan](https://gov.example/plan)", "[the plan](https://gov.example/plan)"),
        ("[a](<https://x.example/a(b)>)", "[a](https://x.example/a%28b%29)"),
        # links with another scheme become their label; images their alt text
        ("[click](javascript:alert(1))", "click"),
        ("![a photo](http://evil.example/x.png)", "a photo"),
        ("[x](data:text/html,hi)", "x"),
        # everything else is shown as typed
        (
            "![w][1]\n\n[1]: http://evil.example/r.png",
            r"\!\[w\]\[1\]" + "\n\n" + r"\[1\]\: http\:\/\/evil.example\/r.png",
        ),
        ("![[y]](http://evil.example/n.png)", r"\!\[\[y\]\]\(http\:\/\/evil.example\/n.png\)"),
        ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
        ("revenue fell from $2.17 billion to $1.42", r"revenue fell from \$2.17 billion to \$1.42"),
        (":material/home: :red[x]", r"\:material\/home\: \:red\[x\]"),
        ("`code` | &amp; ~~x~~", r"\`code\` \| \&amp; \~\~x\~\~"),
    ],
)
def test_safe_markdown_keeps_prose_and_http_links_only(text, shown):
    # the whole output: "click" is *in* "[click](javascript:...)" too
    assert safe_markdown(text) == shown


@pytest.mark.parametrize("payload", PAYLOADS)
def test_safe_markdown_never_keeps_an_image_html_or_non_http_link(payload):
    out = safe_markdown(payload)
    assert not re.search(r"(?<!\\)(?:\\\\)*[<>!$]", out), out
    assert not re.search(r"(?<!\\)\]\((?!https?://)", out), out
