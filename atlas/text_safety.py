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
