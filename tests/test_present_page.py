"""AppTest: presenter mode, compare and the tour builder."""

import pytest

from tests.test_app import all_text, open_page


def button(at, label):
    return next(b for b in at.button if b.label == label)


@pytest.fixture
def tour_library(small_library):
    (small_library / "tours").mkdir()
    (small_library / "tours" / "failures.yaml").write_text(
        "id: failures\ntitle: Failures\ndescription: What went wrong.\nstops:\n"
        "  - {case: taxi-fail, talking_point: Ask who paid for the subsidies.}\n"
        "  - {case: finance-fail, talking_point: Ask who was left holding the risk.}\n"
    )
    return small_library


def test_a_tour_link_opens_its_slide_with_notes(app_test, tour_library):
    at = open_page(
        app_test, tour_library, "app_pages/present.py", present="failures", slide="2", notes="1"
    )
    assert not at.exception
    assert at.title[0].value == "Case finance\\-fail"
    text = all_text(at)
    assert "2 / 2" in text and "Tour: Failures: What went wrong." in text
    assert "Ask who was left holding the risk." in text


def test_next_previous_and_jump_move_the_slide_in_the_url(app_test, tour_library):
    at = open_page(app_test, tour_library, "app_pages/present.py", present="failures")
    assert at.title[0].value == "Case taxi\\-fail"
    assert button(at, "Previous").disabled
    button(at, "Next").click().run()
    assert at.query_params["slide"] == "2"
    assert at.title[0].value == "Case finance\\-fail"
    assert button(at, "Next").disabled
    button(at, "1. Case taxi-fail").click().run()
    assert "slide" not in at.query_params  # the first slide is the default
    assert at.title[0].value == "Case taxi\\-fail"


def test_the_audience_sees_no_notes_until_they_are_shown(app_test, tour_library):
    at = open_page(app_test, tour_library, "app_pages/present.py", present="failures")
    assert "Ask who paid for the subsidies." not in all_text(at)
    button(at, "Show notes").click().run()
    assert at.query_params["notes"] == "1"
    assert "Ask who paid for the subsidies." in all_text(at)
    button(at, "Hide notes").click().run()
    assert "notes" not in at.query_params
    assert "Ask who paid for the subsidies." not in all_text(at)


def test_the_speaker_view_shows_notes_next_slide_and_clock(app_test, tour_library):
    at = open_page(
        app_test,
        tour_library,
        "app_pages/present.py",
        present="failures",
        room="testroom1",
        speaker="1",
    )
    assert not at.exception
    text = all_text(at)
    assert "Ask who paid for the subsidies." in text  # this slide's notes
    assert "Case finance-fail" in text.replace("\\", "")  # the next slide's title
    assert any(m.value.startswith("⏱ 0:0") for m in at.markdown)  # the elapsed time
    button(at, "Next").click().run()
    assert "The end" in all_text(at)


def test_two_windows_of_one_room_stay_in_step(app_test, tour_library):
    """The speaker's Next moves the room; the audience's window follows on its next run."""
    query = {"present": "failures", "room": "stepping1"}
    speaker = open_page(app_test, tour_library, "app_pages/present.py", **query, speaker="1")
    audience = open_page(app_test, tour_library, "app_pages/present.py", **query)
    assert audience.title[0].value == "Case taxi\\-fail"
    button(speaker, "Next").click().run()
    audience.run()
    assert audience.title[0].value == "Case finance\\-fail"
    assert audience.query_params["slide"] == "2"
    button(audience, "Previous").click().run()
    speaker.run()
    assert "1 / 2" in all_text(speaker)


def test_the_audience_window_offers_a_speaker_view_link(app_test, tour_library):
    at = open_page(app_test, tour_library, "app_pages/present.py", present="failures")
    link = next(b for b in at.get("link_button") if b.proto.label == "Speaker view")
    assert link.proto.url.startswith("present?")
    assert "speaker=1" in link.proto.url and "room=" in link.proto.url


def test_presenting_the_selection_uses_the_filters(app_test, small_library):
    at = open_page(app_test, small_library, "app_pages/present.py", present="selection")
    assert "4 cases: the whole library" in all_text(at)
    at = app_test(small_library, outcome="failure")
    at.run()
    at.switch_page("app_pages/present.py")
    at.query_params["present"] = "selection"
    at.run()
    text = all_text(at)
    assert "1 / 2" in text and "2 cases: outcome Failure" in text


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"present": "nope"}, "present='nope'"),
        ({"present": "failures", "slide": "99"}, "2 / 2"),
        ({"present": "failures", "slide": "x"}, "1 / 2"),
    ],
)
def test_bad_presenter_links_fall_back(app_test, tour_library, query, shown):
    at = open_page(app_test, tour_library, "app_pages/present.py", **query)
    assert not at.exception
    assert shown in all_text(at)


def test_compare_shows_the_cases_side_by_side(app_test, small_library):
    at = open_page(
        app_test, small_library, "app_pages/compare.py", compare="taxi-fail,finance-win,nope"
    )
    assert not at.exception
    assert "'nope'" in at.warning[0].value
    text = all_text(at)
    assert "Case taxi-fail" in text and "Case finance-win" in text
    assert ":orange[≠] Outcome" in text  # failure against success
    assert "\nThinking\n" in text  # the same for both: shown, unmarked
    at.toggle[0].set_value(True).run()
    text = all_text(at)
    assert ":orange[≠] Outcome" in text and ":orange[≠] Industry" in text
    assert "\nThinking\n" not in text  # only the differences are left


def test_compare_needs_two_cases(app_test, small_library):
    at = open_page(app_test, small_library, "app_pages/compare.py", compare="taxi-fail")
    assert "Choose 2 to 4 cases" in all_text(at)


def test_build_and_present_a_tour_from_the_selection(app_test, small_library):
    at = app_test(small_library, outcome="failure")
    at.run()
    at.switch_page("app_pages/tours.py").run()
    at.text_input(key="adhoc_title").set_value("Two failures").run()
    button(at, "Present this tour").click().run()
    assert not at.exception
    # the selection in title order: finance-fail is stop 1, and the tour opens on it
    assert at.title[0].value == "Case finance\\-fail"
    assert "present" not in at.query_params  # the link carries the tour: a reload keeps it
    assert at.query_params["tour"].startswith("1.")
    text = all_text(at)
    assert "Tour: Two failures" in text and "1 / 2" in text
    stops = [b.label for b in at.button if b.key and b.key.startswith("jump_")]
    assert stops == ["1. Case finance-fail", "2. Case taxi-fail"]


def test_a_selection_larger_than_a_tour_offers_the_first_stops_and_says_so(app_test, big_library):
    from atlas.tours import MAX_STOPS

    at = app_test(big_library)
    at.run()
    at.switch_page("app_pages/tours.py").run()
    assert not at.exception
    assert f"at most {MAX_STOPS} stops" in all_text(at)
    button(at, "Present this tour").click().run()
    assert not at.exception
    assert f"1 / {MAX_STOPS}" in all_text(at)  # the tour holds the first 60, not all 61


def slide_codes(at) -> list[str]:
    return [e.proto.body for e in at.get("html") if 'class="atlas-slide-qr"' in e.proto.body]


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://atlas.example.org/", "https://atlas.example.org/case?case=finance-fail"),
        (None, None),
        ("http://", None),  # not an address: no code rather than a broken one
    ],
    ids=["set", "unset", "unusable"],
)
def test_a_slide_has_its_case_page_code_only_with_a_public_address(
    app_test, tour_library, monkeypatch, address, expected
):
    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    if address:
        monkeypatch.setenv("ATLAS_PUBLIC_URL", address)
    at = open_page(app_test, tour_library, "app_pages/present.py", present="failures", slide="2")
    assert not at.exception
    codes = slide_codes(at)
    if expected is None:
        assert codes == []
    else:
        (code,) = codes
        assert f'alt="QR code: {expected}"' in code


def test_first_last_and_leave(app_test, tour_library):
    at = open_page(app_test, tour_library, "app_pages/present.py", present="failures")
    button(at, "Last slide").click().run()
    assert at.query_params["slide"] == "2"
    button(at, "First slide").click().run()
    assert "slide" not in at.query_params
    button(at, "Leave").click().run()
    assert not at.exception
    assert "present" not in at.query_params  # back on the page the user came from


def carried_tour(*stops):
    """A tour link's value for these (case, talking point) stops."""
    from atlas.schema import Tour
    from atlas.tour_link import encode_tour

    return encode_tour(
        Tour(
            id="risk-first",
            title="Risk first",
            description="Who held the risk.",
            stops=[{"case": c, "talking_point": p} for c, p in stops],
        )
    )


def test_a_link_that_carries_a_tour_plays_it_and_keeps_it(app_test, small_library):
    code = carried_tour(("taxi-fail", "Who paid?"), ("finance-win", "Who gained?"))
    at = open_page(app_test, small_library, "app_pages/present.py", tour=code, notes="1")
    assert not at.exception and not at.warning
    assert at.title[0].value == "Case taxi\\-fail"
    text = all_text(at)
    assert "Tour: Risk first: Who held the risk." in text and "1 / 2" in text
    assert "Who paid?" in text
    button(at, "Next").click().run()
    assert at.title[0].value == "Case finance\\-win"
    assert "Who gained?" in all_text(at)
    assert at.query_params["tour"] == code and at.query_params["slide"] == "2"
    stops = [b.label for b in at.button if b.key and b.key.startswith("jump_")]
    assert stops == ["1. Case taxi-fail", "2. Case finance-win"]


def test_a_bad_tour_link_is_named_and_the_rest_applies(app_test, tour_library):
    code = carried_tour(("taxi-fail", "Who paid?"), ("gone-case", "Left out."))
    at = open_page(app_test, tour_library, "app_pages/present.py", tour=code)
    assert not at.exception
    text = all_text(at)
    assert "stops for 'gone-case' are left out" in text and "1 / 1" in text
    at = open_page(
        app_test, tour_library, "app_pages/present.py", tour="1.garbage", present="failures"
    )
    assert not at.exception
    text = all_text(at)
    assert "Ignored tour='1.garbage': not a tour link" in text
    assert "Tour: Failures" in text  # the rest of the link applies
    assert "tour" not in at.query_params and at.query_params["present"] == "failures"


def test_a_link_to_a_library_tour_replaces_a_carried_one(app_test, tour_library):
    code = carried_tour(("taxi-fail", "Who paid?"))
    at = open_page(app_test, tour_library, "app_pages/present.py", tour=code)
    at.switch_page("app_pages/tours.py").run()
    at.switch_page("app_pages/present.py")
    at.query_params["present"] = "failures"  # the Tours page's Present link
    at.run()
    assert "Tour: Failures" in all_text(at) and "tour" not in at.query_params


def tour_stops(at):
    return [b.label for b in at.button if b.key and b.key.startswith("jump_")]


def tours_page(app_test, small_library):
    """The Tours page on the whole small library: four cases, in title order."""
    at = app_test(small_library)
    at.run()
    at.switch_page("app_pages/tours.py").run()
    return at


def plan_order(at):
    return at.data_editor[0].value["id"].to_list()


def stops_of(at, ids):
    """The Slides menu's labels for these cases, as the Tours table names them."""
    title = dict(zip(at.data_editor[0].value["id"], at.data_editor[0].value["Case"], strict=True))
    return [f"{n}. {title[i]}" for n, i in enumerate(ids, 1)]


def test_up_and_down_buttons_reorder_the_tour(app_test, small_library):
    at = tours_page(app_test, small_library)
    first = plan_order(at)
    assert len(first) == 4
    assert at.button(key=f"up_{first[0]}").disabled
    at.button(key=f"up_{first[2]}").click().run()
    assert plan_order(at) == [first[0], first[2], first[1], first[3]]  # the table shows it
    at.button(key=f"down_{first[0]}").click().run()
    assert plan_order(at) == [first[2], first[0], first[1], first[3]]
    expected = stops_of(at, plan_order(at))
    button(at, "Present this tour").click().run()
    assert not at.exception
    assert tour_stops(at) == expected


def test_a_typed_order_number_moves_the_stop_there(app_test, small_library):
    at = tours_page(app_test, small_library)
    first = plan_order(at)
    key = at.data_editor[0].key
    at.session_state[key] = {
        "edited_rows": {3: {"Order": 1}, 0: {"Talking point": "Start with this one."}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    assert plan_order(at) == [first[3], first[0], first[1], first[2]]
    assert at.data_editor[0].key != key  # drawn anew, showing the new order
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {2: {"Show": False}},  # first[1] is left out
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert at.data_editor[0].value["Show"].to_list() == [True, True, False, True]
    expected = stops_of(at, [first[3], first[0], first[2]])
    button(at, "Present this tour").click().run()
    assert tour_stops(at) == expected
    # the link is the tour: opened in a new session (a reload, a colleague) it plays the same
    link = {k: at.query_params[k] for k in at.query_params}
    at = open_page(app_test, small_library, "app_pages/present.py", **link, slide="2", notes="1")
    assert not at.exception and tour_stops(at) == expected
    assert "2 / 3" in all_text(at) and "Start with this one." in all_text(at)


def test_the_tour_is_shared_as_a_link_that_plays_it(app_test, small_library):
    from atlas.tour_link import decode_tour

    at = tours_page(app_test, small_library)
    link = next(b for b in at.get("link_button") if b.proto.label == "Open as a link")
    assert link.proto.url.startswith("present?tour=1.")
    shown = at.code[0].value
    assert shown.endswith(link.proto.url)
    tour, notices = decode_tour(link.proto.url.split("tour=", 1)[1], set(plan_order(at)))
    assert notices == [] and [s.case for s in tour.stops] == plan_order(at)


def test_a_long_show_s_slides_menu_lists_the_slides_around_the_current_one(
    app_test, small_library, monkeypatch
):
    """A show of thousands of cases must not draw a button for each: the menu lists a
    stretch around the current slide and says how to reach the others."""
    from atlas import presentation

    monkeypatch.setattr(presentation, "LISTED_SLIDES", 2)
    at = open_page(app_test, small_library, "app_pages/present.py", present="selection", slide="3")
    assert not at.exception
    assert [label.split(".")[0] for label in tour_stops(at)] == ["2", "3"]
    assert "Slides 2–3 of 4: type any other number in “Go to slide”." in all_text(at)
    monkeypatch.setattr(presentation, "LISTED_SLIDES", 100)
    at.run()
    assert len(tour_stops(at)) == 4 and "type any other number" not in all_text(at)
