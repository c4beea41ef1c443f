"""Years in plain words, for atlas/ask.py: "since 2015", "2010-2015", 2015年以来.

English: "since/from 2015", "2015 onwards" give from=2015; "after 2015" from=2016;
"until/through 2015" to=2015; "before 2015" to=2014; "in/during 2015" both; "2010-2015",
"2010-15", "2010 to 2015", "between 2010 and 2015", "the 2010s". Chinese: 2015年以来/以后/
之后/起 and 自2015年 from=2015; 2015年以前/之前/为止 and 截至2015年 to=2015 (以前 and 以后
include the year, as in Chinese usage); 2010-2015年, 2010年至2015年, 2015年, 2010年代.
A number is a year only with one of these cues: a bare "2015" or "500 million" is not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

_Y = r"(?<!\d)(?P<{}>1[89]\d\d|2\d\d\d)(?!\d)"
_A, _B = _Y.format("a"), _Y.format("b")
_B2 = r"(?<!\d)(?P<b>1[89]\d\d|2\d\d\d|\d\d)(?!\d)"
_DASH = r"\s*[-–—~]\s*"
_FROM = r"(?:\b(?:from|between|since|in|during)\s+)?"
_YEARS: tuple[tuple[str, str], ...] = (
    # English
    (rf"{_FROM}{_A}{_DASH}{_B2}", "range"),
    (rf"{_FROM}{_A}\s+(?:to|until|till|through|thru)\s+{_B}", "range"),
    (rf"\bbetween\s+{_A}\s+and\s+{_B}", "range"),
    (r"(?:\b(?:in|during)\s+)?(?:the\s+)?(?P<a>1[89]\d0|2\d\d0)'?s(?![a-z])", "decade"),
    (rf"\b(?:since|from|starting(?:\s+in)?|beginning(?:\s+in)?)\s+{_A}", "from"),
    (rf"{_A}\s+(?:onwards?|or\s+later|and\s+later)\b", "from"),
    (rf"\bafter\s+{_A}", "after"),
    (rf"\b(?:until|till|through|thru|up\s+to|up\s+until)\s+{_A}", "to"),
    (rf"{_A}\s+or\s+(?:earlier|before)\b", "to"),
    (rf"\bbefore\s+{_A}", "before"),
    (rf"\b(?:in|during)\s+{_A}(?![a-z])", "in"),
    # Chinese
    (rf"(?:从|自|在)?\s*{_A}\s*年?\s*(?:-|–|—|~|至|到)\s*{_B}\s*年?\s*(?:间|之间|期间)?", "range"),
    (r"(?P<a>1[89]\d0|2\d\d0)\s*年代", "decade"),
    (rf"(?:自从|从|自)?\s*{_A}\s*年?\s*(?:起至今|开始至今|以来|以后|之后|后|起|开始|至今)", "from"),
    (rf"(?:自从|从|自)\s*{_A}\s*年", "from"),
    (rf"{_A}\s*年?\s*(?:以前|之前|前|为止)", "to"),
    (rf"(?:截至|截止|直到|到)\s*{_A}\s*年?\s*(?:底|为止)?", "to"),
    (rf"(?:在)?\s*{_A}\s*年(?:间|内|中)?", "in"),
)
_YEAR_PATTERNS = tuple((re.compile(p, re.IGNORECASE), kind) for p, kind in _YEARS)


def year_spans(text: str) -> Iterator[tuple[int, int, int | None, int | None]]:
    """(start, end, from, to) of every phrase that names years, overlapping ones included:
    the caller takes the longest. Years outside 1800 to next year are not years."""
    for pattern, kind in _YEAR_PATTERNS:
        for m in pattern.finditer(text):
            years = _years(m, kind)
            if years is None:
                continue
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            end = m.start() + len(m.group().rstrip())
            yield start, end, *years


def _years(m: re.Match[str], kind: str) -> tuple[int | None, int | None] | None:
    a = int(m.group("a"))
    if kind == "range":
        b_text = m.group("b")
        b = int(b_text) if len(b_text) == 4 else a // 100 * 100 + int(b_text)
        lo, hi = sorted((a, b))
    else:
        lo, hi = {
            "decade": (a, a + 9),
            "from": (a, None),
            "after": (a + 1, None),
            "to": (None, a),
            "before": (None, a - 1),
            "in": (a, a),
        }[kind]
    last = dt.date.today().year + 1
    if kind == "decade":
        hi = min(hi, last)
    if any(y is not None and not 1800 <= y <= last for y in (lo, hi)):
        return None
    return lo, hi
