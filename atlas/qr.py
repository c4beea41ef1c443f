"""QR codes that take the audience from a slide, a deck page or a handout page to the case's
page in the app, on their phones (issue 19).

A code needs the app's public address: `ATLAS_PUBLIC_URL` (or `atlas export --base-url`).
With no address there is no code: one pointing at localhost would help nobody in the room.
Only a plain http(s) address without a query or fragment is taken as a base. The codes
are made by segno (pure Python, offline): error correction level M, a 4-module quiet zone.
"""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from atlas.i18n import SOURCE_LANGUAGE
from atlas.text_safety import safe_url

if TYPE_CHECKING:
    import segno

ENV_VAR = "ATLAS_PUBLIC_URL"
ERROR = "m"  # 15% of the code may be lost (a glare on the screen, a fold in the paper)
BORDER = 4  # the quiet zone the standard asks for, in modules
DARK, LIGHT = "#000000", "#ffffff"


def base_url(text: str | None) -> str | None:
    """The app's public address, without a trailing slash, when it is a plain http(s)
    address (no query or fragment: case pages are added to it); else None."""
    if text is None:
        return None
    safe = safe_url(text)
    if safe is None:
        return None
    if "?" in safe or "#" in safe or "@" in urlsplit(safe).netloc:
        return None
    return safe.rstrip("/")


def public_url() -> str | None:
    """The app's public address from ATLAS_PUBLIC_URL; None when unset or not usable."""
    return base_url(os.environ.get(ENV_VAR) or None)


def case_url(base: str | None, case_id: str, lang: str | None = None) -> str | None:
    """The case's page at the public address (`{base}/case?case=ID`, and `&lang=zh` for a
    language other than English); None without a usable base."""
    root = base_url(base)
    if root is None:
        return None
    url = f"{root}/case?case={quote(str(case_id), safe='')}"
    if lang and lang != SOURCE_LANGUAGE:
        url += f"&lang={quote(lang, safe='')}"
    return url


def short_url(url: str) -> str:
    """The address as printed under a code: without the scheme."""
    return url.split("://", 1)[-1]


def qr_code(url: str) -> segno.QRCode:
    """The QR code of the address (never a Micro QR, which phones do not all read)."""
    import segno  # here: only a server with a public address draws codes

    return segno.make(url, error=ERROR, micro=False, boost_error=False)


def qr_png(url: str, scale: int = 10) -> bytes:
    """The code as a PNG, `scale` pixels per module, black on white."""
    out = io.BytesIO()
    qr_code(url).save(out, kind="png", scale=scale, border=BORDER, dark=DARK, light=LIGHT)
    return out.getvalue()


def _svg_options() -> dict:
    return {"scale": 1, "border": BORDER, "dark": DARK, "light": LIGHT, "omitsize": True}


def qr_svg(url: str) -> str:
    """The code as an inline <svg> that scales to its box (a viewBox, no fixed size)."""
    return qr_code(url).svg_inline(svgclass="qr-code", lineclass=None, **_svg_options())


def qr_svg_data_uri(url: str) -> str:
    """The code as a data: URI of an SVG, for an <img> (which carries the alt text)."""
    return qr_code(url).svg_data_uri(**_svg_options())
