"""Make untrusted text inert before it reaches Markdown, a widget label or a link.

Streamlit renders Markdown in st.markdown, captions, alerts and in the labels of buttons
and page links; its Markdown also has LaTeX ($), emoji and icon shortcodes (:smile:,
:material/home:), colour directives (:red[...]) and images that load from any host.
Case files and URLs come from outside, so their text goes through one of these first.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# Markdown and HTML, plus Streamlit's extras: $ (LaTeX), : and / (shortcodes, directives,
# :material/...: icons), @ and . (e-mail and www. autolinks), = (setext headings).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&/@=])")
# What the narrative keeps of Markdown: emphasis, lists, headings, paragraphs; links are
# rebuilt separately. Everything else that could format, link, load or run is escaped.
_PROSE_SPECIAL = re.compile(r"([\\`{}\[\]()!|<>~$:&/@=])")
# Characters a Markdown link target cannot hold as they are.
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


def md_escape(text: str) -> str:
    """Text shown literally inside Markdown: no formatting, links, HTML, LaTeX or icons."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def safe_url(url: str) -> str | None:
    """The URL, ready for a Markdown link, when it is plain http(s); else None.

    Never a javascript:, data: or relative link; characters that would end a Markdown
    link early (spaces, brackets, quotes) are percent-encoded.
    """
    text = str(url).strip()
    if any(ord(c) < 32 or c.isspace() for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed [ in the host part
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(text, safe=_URL_SAFE).replace("(", "%28").replace(")", "%29")


_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<label>[^\[\]\n]*)\]"
    r"\(\s*(?:<(?P<angled>[^<>\n]*)>|(?P<bare>[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)


def safe_markdown(text: str) -> str:
    """Case Markdown with only inert parts: emphasis, lists and http(s) links stay.

    Images become their alt text (a remote image would reach the internet), links with
    any other scheme become their label, and everything else that Markdown or Streamlit
    would turn into HTML, a link, an image, LaTeX or an icon is shown as typed.
    """
    text = str(text)
    out, end = [], 0
    for m in _LINK.finditer(text):
        out.append(_PROSE_SPECIAL.sub(r"\\\1", text[end : m.start()]))
        url = safe_url(m["angled"] if m["angled"] is not None else m["bare"])
        label = md_escape(m["label"])
        out.append(f"[{label}]({url})" if url and not m["bang"] and label else label)
        end = m.end()
    out.append(_PROSE_SPECIAL.sub(r"\\\1", text[end:]))
    return "".join(out)
