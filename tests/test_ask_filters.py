import pytest

from atlas.ask_filters import with_understood
from atlas.filters import Filters


@pytest.mark.parametrize(
    ("before", "typed", "selected", "years", "text"),
    [
        (
            Filters(),
            "failed finance cases since 2015",
            {"outcome": ("failure",), "industry": ("finance",)},
            (2015, None),
            "",
        ),
        (
            Filters({"industry": ("retail",)}),
            "failed finance",
            {"industry": ("retail", "finance"), "outcome": ("failure",)},  # added, not replaced
            (None, None),
            "",
        ),
        (Filters(year_from=2010, year_to=2020), "Kuaidi Dache", {}, (2010, 2020), "Kuaidi Dache"),
        (Filters(), '"Failure Labs"', {}, (None, None), '"Failure Labs"'),
        (
            Filters(),
            "2015年以来失败的金融案例",
            {"outcome": ("failure",), "industry": ("finance",)},
            (2015, None),
            "",
        ),
    ],
)
def test_typed_words_become_filters_and_the_rest_search_text(before, typed, selected, years, text):
    after, matches = with_understood(before, typed)
    assert dict(after.selected) == selected
    assert (after.year_from, after.year_to) == years
    assert after.text.strip('"') == text.strip('"')
    assert bool(matches) == bool(selected or years != (before.year_from, before.year_to))
