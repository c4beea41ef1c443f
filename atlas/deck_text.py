"""Text measured and shortened to fit a box on a slide, without drawing anything.

A .pptx has no reliable overflow rule, so the deck measures its text itself: `width_of`
counts a wide (e.g. Chinese) character as about 2.2 Latin letters, `lines_needed` wraps
at a font size's line length, and `fit_text` picks the largest size that fits a box and,
when none does, keeps the first sentences (or clauses, or words) that fit (`shorten`):
text is never cut inside a word or marked with an ellipsis.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from unicodedata import east_asian_width

# Average character width of Arial as a share of the font size (measured on case text:
# 0.44 regular, 0.55 bold), a little generous so that an estimate that fits really fits.
CHAR_EM, BOLD_EM = 0.47, 0.57
LINE = 1.2  # a line's height as a share of the font size


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def _measured(text: str) -> str:
    """The text with each wide (e.g. Chinese) character doubled, and every fifth tripled
    (from the third on): a wide character is a full em, and spaced from Latin text beside
    it, about 2.2 times an average Latin letter, so lengths of this string compare with
    Latin line widths."""
    out, wide = [], 0
    for c in text:
        if east_asian_width(c) in "WF":
            wide += 1
            out.append(c * (3 if wide % 5 == 3 else 2))
        else:
            out.append(c)
    return "".join(out)


def width_of(text: str) -> int:
    return len(_measured(text))


def chars_per_line(width_in: float, size_pt: float, em: float = CHAR_EM) -> int:
    """About how many characters fit on a line of the width."""
    return max(1, int(width_in * 72 / (size_pt * em)))


def lines_needed(text: str, width_in: float, size_pt: float, em: float = CHAR_EM) -> int:
    per_line = chars_per_line(width_in, size_pt, em)
    return sum(len(textwrap.wrap(_measured(p), per_line)) or 1 for p in text.split("\n"))


def mixed_lines(parts: Sequence[tuple[str, float, float]], width_in: float) -> int:
    """Lines that runs of (text, size, em) take together: each run counted in characters
    of the smallest run's size, wrapped at that size's line length."""
    base = min(size * em for _text, size, em in parts)
    words = []
    for text, size, em in parts:
        scale = size * em / base
        words += ["0" * max(1, round(width_of(w) * scale)) for w in text.split()]
    return len(textwrap.wrap(" ".join(words), chars_per_line(width_in, base, 1.0))) or 1


def text_height(text: str, width_in: float, size_pt: float, em: float = CHAR_EM) -> float:
    """Inches that the text takes in a box of the width (lines of 1.2 times the size)."""
    return lines_needed(text, width_in, size_pt, em) * size_pt * LINE / 72


def fits(text: str, box_w: float, box_h: float, size: float, em: float = CHAR_EM) -> bool:
    return text_height(text, box_w, size, em) <= box_h


# Where a text may be shortened: after a sentence, else after a clause, else after a word.
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])")
# A comma ends a clause only before a word that starts one ("…, and", "…, which"): a
# comma in a list ("green, yellow and red") does not.
_JOINS = "and|but|while|which|whose|who|before|after|then|so|as|until|when|where|its|their"
_CLAUSE = re.compile(rf"(?<=[;:])\s+(?=\S)|(?<=,)\s+(?=(?:{_JOINS})\b)|(?<=[，；：])|\s+[–—]\s+")
# Between words: at a space, or after a wide (e.g. Chinese) character, which is a word.
_WORD = re.compile(r"\s+|(?<=[\u3000-\u9fff\uff00-\uffef])(?=\S)")
# Words a shortened text does not end on: it would read as cut ("the spread of").
_DANGLING = {"a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "for"}
_DANGLING |= {"with", "by", "from", "as", "its", "their", "his", "her", "into"}


def _prefixes(text: str, pattern: re.Pattern) -> list[str]:
    """The text's beginnings that end where the pattern splits it, longest first."""
    cuts = [m.start() for m in pattern.finditer(text) if 0 < m.start() < len(text)]
    return [text[:c].rstrip(" ,;:，；：、–—") for c in reversed(cuts)]


def _closed(text: str) -> str:
    """A shortened text ends as a sentence: with its full stop."""
    if not text or text[-1] in ".!?。！？":
        return text
    return text + ("。" if east_asian_width(text[-1]) in "WF" else ".")


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("()", "（）", "[]", "“”"))


def shorten(text: str, fit: Callable[[str], bool], words: bool = True, prose: bool = True) -> str:
    """The text, or its first sentences, first clauses or (with `words`) first words,
    whichever is the longest that `fit` accepts; shortened by whole parts, never cut inside
    a word and never marked with an ellipsis ('' when nothing fits). In `prose`, a text cut
    after a clause ends with a full stop; a name or a label does not."""
    text = one_line(text)
    if fit(text):
        return text
    cuts = ((_SENTENCE, False), (_CLAUSE, prose)) + (((_WORD, False),) if words else ())
    for pattern, close in cuts:
        for head in _prefixes(text, pattern):
            if pattern is not _SENTENCE and not _balanced(head):
                continue  # never "price (Basic Autopilot"
            if pattern is _WORD and head.rsplit(" ", 1)[-1].lower() in _DANGLING:
                continue
            head = _closed(head) if close else head
            if fit(head):
                return head
    return ""


def fit_text(
    text: str,
    box_w: float,
    box_h: float,
    sizes: Sequence[float],
    em: float = CHAR_EM,
    prose: bool = True,
) -> tuple[str, float]:
    """(text, size) that fit the box: the largest size that fits, else the smallest size
    with the text shortened (`shorten`) to what the box holds."""
    text = one_line(text)
    size = next((s for s in sizes if fits(text, box_w, box_h, s, em)), sizes[-1])
    return shorten(text, lambda t: fits(t, box_w, box_h, size, em), prose=prose), size
