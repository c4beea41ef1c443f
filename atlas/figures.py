"""A figure as a reader says it: 'more than 1 million', 'about 5 USD million', '约6百万台'.

Case files keep a figure's qualifier in its unit, in brackets ("million (more than)",
"百万台（以上）"), so the number stays a number; this module puts the qualifier where the
language puts it. A bracket it does not know stays after the figure, as written.
"""

from __future__ import annotations

import re
from unicodedata import east_asian_width

# English qualifier in brackets -> the words before the figure
BEFORE_EN = {
    "more than": "more than",
    "over": "over",
    "about": "about",
    "almost": "almost",
    "less than": "less than",
    "some": "some",
    "upper bound": "up to",
}
# Chinese qualifier in brackets -> (before the figure, after the figure)
AROUND_ZH = {
    "以上": ("", "以上"),
    "约": ("约", ""),
    "近": ("近", ""),
    "不到": ("不到", ""),
    "上限": ("最多", ""),
}
_BRACKETED = re.compile(r"^(?P<unit>.*?)\s*[(（](?P<q>[^()（）]+)[)）]\s*$")
_TIGHT = ("%", "‰")


def number_text(value: float) -> str:
    return f"{value:,.10g}"


def _wide(text: str) -> bool:
    return bool(text) and east_asian_width(text[0]) in "WF"


def _join(number: str, unit: str) -> str:
    if not unit:
        return number
    return f"{number}{unit}" if unit.startswith(_TIGHT) or _wide(unit) else f"{number} {unit}"


def figure_text(value: float, unit: str) -> str:
    """The number with its unit, and its qualifier where the language puts it."""
    number = number_text(value)
    found = _BRACKETED.match(unit.strip())
    if found is None:
        return _join(number, unit.strip())
    bare, qualifier = found["unit"].strip(), found["q"].strip()
    if qualifier.lower() in BEFORE_EN:
        return f"{BEFORE_EN[qualifier.lower()]} {_join(number, bare)}"
    if qualifier in AROUND_ZH:
        before, after = AROUND_ZH[qualifier]
        return f"{before}{_join(number, bare)}{after}"
    return _join(number, unit.strip())  # a note of its own, e.g. "（满分5分）": kept as written
