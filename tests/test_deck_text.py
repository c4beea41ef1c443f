"""The deck's text measure: shortened by whole sentences, clauses or words, never with an
ellipsis (atlas/deck_text.py)."""

import pytest

from atlas import deck_text

LONG = "Extraordinarily long-winded descriptive wording that keeps going "


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("  spaced \n out  ", 20, "spaced out"),
        ("One two. Three four five.", 12, "One two."),
        ("Red, green and blue, and then more words", 22, "Red, green and blue."),
        ("one two three four", 12, "one two"),
        ("第一句。第二句很长很长很长。", 10, "第一句。"),
        ("甲乙丙，丁戊己庚辛壬癸", 10, "甲乙丙。"),
        ("甲乙丙丁戊己庚辛", 7, "甲乙丙"),  # no spaces: Chinese is cut between characters
        ("price (Basic Autopilot cars) rises", 24, "price"),  # never inside brackets
        ("unbreakable", 5, ""),
    ],
)
def test_shorten_keeps_whole_sentences_clauses_or_words(text, limit, expected):
    def fit(t):
        return deck_text.width_of(t) <= limit

    assert deck_text.shorten(text, fit) == expected


def test_fit_text_shrinks_then_shortens():
    assert deck_text.fit_text("A short line.", 5, 1, (20, 12)) == ("A short line.", 20)
    assert deck_text.fit_text(LONG * 3, 5, 1, (20, 12)) == ((LONG * 3).strip(), 12)
    cut, size = deck_text.fit_text(LONG * 50, 5, 1, (20, 12))
    assert size == 12 and not cut.endswith("…") and deck_text.fits(cut, 5, 1, 12)
    assert (LONG * 50).startswith(cut)
