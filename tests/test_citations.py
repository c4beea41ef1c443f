"""Inline citations: [s:id] markers, their footnote numbers and the sentence rule."""

import pytest

from atlas.citations import cited_ids, number_markers, strip_markers, uncited_figures

TEXT = "Didi raised 700 million USD in 2014 [s:b]. It merged [s:a] [s:b]. No figure here."


def test_markers_are_found_in_order_and_stripped():
    assert cited_ids(TEXT) == ["b", "a", "b"]
    assert strip_markers(TEXT) == "Didi raised 700 million USD in 2014. It merged. No figure here."


def test_numbers_follow_the_order_of_the_sources_not_of_the_text():
    out = number_markers(TEXT, ["a", "b"])
    assert out.text == "Didi raised 700 million USD in 2014 [2]. It merged [1] [2]. No figure here."
    assert out.numbers == (2, 1)


def test_a_marker_naming_no_source_is_dropped_from_the_text():
    assert number_markers("Fact [s:gone].", ["a"]).text == "Fact."


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Founded in 2012 [s:a].", []),
        ("Founded in 2012. Later it grew.", ["Founded in 2012."]),
        ("It grew. Revenue rose 12% [s:a]. It fell to 3 stores.", ["It fell to 3 stores."]),
        ("2014年融资7亿美元[s:a]。2015年合并。", ["2015年合并。"]),
        ("No numbers at all. None here either.", []),
        ("O2O and P2P platforms met COVID-19.", []),  # digits inside names are no figures
        ("It had 4G phones.", ["It had 4G phones."]),
    ],
)
def test_sentences_with_a_number_and_no_marker_are_flagged(text, flagged):
    assert uncited_figures(text) == flagged
