import pytest

from atlas.figures import figure_text


@pytest.mark.parametrize(
    ("value", "unit", "said"),
    [
        (1, "million (more than)", "more than 1 million"),
        (100, "owners (over)", "over 100 owners"),
        (5, "USD million (about)", "about 5 USD million"),
        (1.2, "GBP billion (almost)", "almost 1.2 GBP billion"),
        (1, "% (less than)", "less than 1%"),
        (30, "% (upper bound)", "up to 30%"),
        (12, "engines (some)", "some 12 engines"),
        (18.5, "%", "18.5%"),
        (1200, "orders a week", "1,200 orders a week"),
        (2031220, "vehicles", "2,031,220 vehicles"),
        (6, "百万台（以上）", "6百万台以上"),
        (5, "百万美元（约）", "约5百万美元"),
        (1.2, "十亿英镑（近）", "近1.2十亿英镑"),
        (1, "%（不到）", "不到1%"),
        (30, "%（上限）", "最多30%"),
        (4.5, "分（满分5分）", "4.5分（满分5分）"),  # a note, not a qualifier: as written
        (3, "%（同比）", "3%（同比）"),
        (25, "百万单", "25百万单"),
        (7, "", "7"),
    ],
)
def test_a_figure_reads_as_a_reader_says_it(value, unit, said):
    assert figure_text(value, unit) == said
