"""Make untrusted text inert before it reaches Markdown or a link."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Markdown, Streamlit's extras ($ for LaTeX, : for emoji and icon shortcodes) and HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md_escape(text: str) -> str:
    """Text shown literally inside st.markdown: no formatting, links, HTML or LaTeX."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def safe_url(url: str) -> str | None:
    """The URL when it is plain http(s), else None: never a javascript: or data: link."""
    parts = urlsplit(str(url).strip())
    return url if parts.scheme in ("http", "https") and parts.netloc else None


_MD_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_HTML_TAG = re.compile(r"<(/?[a-zA-Z!?][^>]*)>")


def safe_markdown(text: str) -> str:
    """Case Markdown with only inert parts: http(s) links stay, everything risky goes.

    Images become their alt text (a remote image would reach the internet), links
    with any other scheme become plain text, autolinks and HTML tags are shown as text.
    """

    def link(m: re.Match) -> str:
        bang, label, url = m.groups()
        if bang or safe_url(url) is None:
            return md_escape(label)
        return f"[{label}]({url})"

    text = _MD_LINK.sub(link, str(text))
    text = _AUTOLINK.sub(lambda m: md_escape(m.group(1)), text)
    return _HTML_TAG.sub(lambda m: "\\<" + md_escape(m.group(1)) + "\\>", text)
