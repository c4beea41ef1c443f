"""AppTest: filtering, facet counts, chips, URL state and notices on the explore pages."""

from urllib.parse import parse_qs

from tests.test_app import all_text, run_page

EXPLORE = "app_pages/explore.py"


def table_ids(at) -> list[str]:
    return sorted(at.dataframe[0].value["Case"])


def multiselect(at, title: str):
    return next(m for m in at.multiselect if m.label == title)


def test_filters_combine_or_within_and_across(app_test, small_library):
    at = run_page(app_test(small_library, view="table"), EXPLORE)
    assert len(table_ids(at)) == 4
    multiselect(at, "Industry").set_value(["finance", "transportation"]).run()
    assert table_ids(at) == ["Case finance-fail", "Case finance-win", "Case taxi-fail"]
    multiselect(at, "Outcome").set_value(["failure"]).run()
    assert table_ids(at) == ["Case finance-fail", "Case taxi-fail"]
    # the industry choice survived the outcome change, whose counts changed the labels
    assert multiselect(at, "Industry").value == ["finance", "transportation"]
    assert "2 cases: Finance & payments or Transportation & mobility, outcome Failure" in all_text(
        at
    )


def test_facet_options_show_counts_under_the_other_filters(app_test, small_library):
    at = run_page(app_test(small_library, outcome="failure"), EXPLORE)
    industry = multiselect(at, "Industry")
    labels = {o: industry.format_func(o) for o in ("finance", "transportation", "food_service")}
    assert labels == {
        "finance": "Finance & payments (1)",
        "transportation": "Transportation & mobility (1)",
        "food_service": "Food service (0)",
    }


def test_a_link_restores_the_view(app_test, small_library):
    at = app_test(small_library, view="table", industry="finance", connection="user_merchant")
    at = run_page(at, EXPLORE)
    assert table_ids(at) == ["Case finance-win"]
    assert multiselect(at, "Industry").value == ["finance"]
    assert multiselect(at, "Connection type").value == ["user_merchant"]
    assert not at.warning


def test_the_url_follows_the_filters(app_test, small_library):
    at = run_page(app_test(small_library), EXPLORE)
    multiselect(at, "Outcome").set_value(["failure", "mixed"]).run()
    search_box(at).set_value("Ezubao").run()  # no vocabulary word: searched as text
    assert at.query_params["outcome"] == ["failure", "mixed"]
    assert at.query_params["q"] == "Ezubao"


def test_bad_parameters_fall_back_with_a_notice(app_test, small_library):
    at = app_test(
        small_library,
        view="table",
        industry=["finance", "banana"],
        colour="red",
        **{"from": "20x5"},
    )
    at.run()  # the notices show on the page the link opens
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert any("'banana'" in n for n in notices)
    assert any("'colour'" in n for n in notices)
    assert any("not a year" in n for n in notices)
    assert at.query_params["industry"] == "finance"  # the URL keeps only what applies
    assert "colour" not in at.query_params
    at.switch_page(EXPLORE).run()
    assert table_ids(at) == ["Case finance-fail", "Case finance-win"]  # the valid part kept


def test_chip_removes_one_filter_and_reset_clears_all(app_test, small_library):
    at = app_test(small_library, view="table", industry="finance", outcome="failure")
    at = run_page(at, EXPLORE)
    assert table_ids(at) == ["Case finance-fail"]
    chip = next(b for b in at.button if b.label == "Failure")
    chip.click().run()
    assert table_ids(at) == ["Case finance-fail", "Case finance-win"]
    next(b for b in at.button if b.label == "Reset all filters").click().run()
    assert len(table_ids(at)) == 4


def test_search_matches_every_word(app_test, small_library):
    # in quotes, "lending" is searched as a word rather than read as Finance & payments
    at = run_page(app_test(small_library, view="table", q='"P2P lending"'), EXPLORE)
    assert table_ids(at) == ["Case finance-fail"]


def test_plain_words_in_a_link_become_filters_and_the_url_says_so(app_test, small_library):
    at = run_page(app_test(small_library, view="table", q="failed lending Ezubao"), EXPLORE)
    assert multiselect(at, "Industry").value == ["finance"]
    assert multiselect(at, "Outcome").value == ["failure"]
    assert at.query_params["q"] == "Ezubao"  # the word it did not know stays the search
    assert at.query_params["industry"] == "finance" and at.query_params["outcome"] == "failure"
    assert "0 cases" in all_text(at)  # no case mentions Ezubao


def test_empty_selection_says_so(app_test, small_library):
    at = run_page(app_test(small_library, industry="agriculture"), EXPLORE)
    assert "No case matches this selection" in all_text(at)


def test_cards_link_to_the_case_page_with_the_selection(app_test, small_library):
    at = run_page(
        app_test(small_library, industry="finance", outcome=["failure", "success"]), EXPLORE
    )
    # one card per case, in title order, each linking to its case with the filters kept
    links = [e.proto for e in at.get("page_link") if e.proto.label == "Open case"]
    assert [(link.page, parse_qs(link.query_string)) for link in links] == [
        ("case", {"industry": ["finance"], "outcome": ["failure", "success"], "case": [case]})
        for case in ("finance-fail", "finance-win")
    ]


def test_filters_survive_a_page_without_the_sidebar(app_test, small_library):
    at = run_page(app_test(small_library, view="table", outcome="failure"), EXPLORE)
    at.switch_page("app_pages/concepts.py").run()
    at.switch_page(EXPLORE).run()
    assert table_ids(at) == ["Case finance-fail", "Case taxi-fail"]


# --- ticked cases: ids=a,b is a selection of its own ---------------------------------------


def ticked(at) -> str | None:
    value = at.query_params.get("ids")
    return value[0] if isinstance(value, list) else value


def test_ticked_ids_in_a_link_show_in_the_bar_and_stay(app_test, small_library):
    at = run_page(app_test(small_library, ids="taxi-fail,finance-win"), EXPLORE)
    text = all_text(at)
    assert "2 ticked cases" in text
    chips = [b.label.replace("\\", "") for b in at.button if b.key and b.key.startswith("unpick_")]
    assert chips == ["Case taxi-fail", "Case finance-win"]  # in the order ticked
    assert any(b.label == "Compare 2" for b in at.button)
    assert ticked(at) == "taxi-fail,finance-win"


def test_an_unknown_ticked_id_is_named_and_the_rest_kept(app_test, small_library):
    at = app_test(small_library, ids="taxi-fail,nope")
    at.run()  # the notice shows on the page the link opens
    assert "nope" in at.warning[0].value
    at.switch_page(EXPLORE).run()
    assert ticked(at) == "taxi-fail"
    assert "1 ticked case" in all_text(at)


def test_untick_one_then_clear_returns_to_the_selection(app_test, small_library):
    at = run_page(app_test(small_library, ids="taxi-fail,finance-win,finance-fail"), EXPLORE)
    next(b for b in at.button if b.key == "unpick_finance-win").click().run()
    assert ticked(at) == "taxi-fail,finance-fail"
    next(b for b in at.button if b.key == "picked_clear").click().run()
    assert ticked(at) is None
    assert "ticked case" not in all_text(at)


def test_a_card_box_ticks_its_case(app_test, small_library):
    at = run_page(app_test(small_library), EXPLORE)
    at.checkbox(key="tick_taxi-fail").check().run()
    at.checkbox(key="tick_finance-win").check().run()
    assert ticked(at) == "taxi-fail,finance-win"
    assert at.checkbox(key="tick_taxi-fail").value is True
    at.checkbox(key="tick_taxi-fail").uncheck().run()
    assert ticked(at) == "finance-win"


def test_the_exports_and_present_use_exactly_the_ticked_cases(app_test, small_library):

    at = run_page(app_test(small_library, ids="taxi-fail,finance-win"), EXPLORE)
    assert "2 ticked cases, in the order ticked." in all_text(at)
    at.switch_page("app_pages/present.py").run()
    assert not at.exception
    text = all_text(at)
    assert "1 / 2" in text and "2 ticked cases" in text
    assert ticked(at) == "taxi-fail,finance-win"  # kept on every page


def test_plain_words_in_the_search_box_become_filters(app_test, small_library):
    at = run_page(app_test(small_library, view="table"), EXPLORE)
    search_box(at).set_value("failed finance cases since 2015").run()
    assert multiselect(at, "Industry").value == ["finance"]
    assert multiselect(at, "Outcome").value == ["failure"]
    assert at.query_params["industry"] == "finance" and at.query_params["from"] == "2015"
    assert "q" not in at.query_params  # every word was understood
    assert search_box(at).value == ""
    search_box(at).set_value('"Case finance"').run()  # quoted: searched as text
    assert at.query_params["q"] == "Case finance"
    assert at.query_params["industry"] == "finance"  # kept from before, nothing added


def search_box(at):
    """The filter panel's search (the export menu has a text input too: the deck's title)."""
    return next(t for t in at.text_input if t.label == "Search")
