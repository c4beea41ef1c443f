"""Reading one URL parameter's text: a value to use, or a notice naming what was ignored."""

import pytest

from atlas import url_params as up


def zh_like(message: str) -> str:  # a translate function that marks what it translated
    return "«" + message + "»"


@pytest.mark.parametrize(
    ("raw", "value", "noticed"),
    [("table", "table", False), (" TABLE ", "table", False), ("grid", "cards", True)],
)
def test_choice(raw, value, noticed):
    got, notice = up.choice("view", ("cards", "table"), "cards")(raw, str)
    assert got == value and (notice is not None) == noticed
    if noticed:
        assert "view='grid'" in notice and "cards, table" in notice


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("3", 3),
        (" 12 ", 12),
        ("0", 1),
        ("-2", 1),
        ("2.5", 1),
        ("two", 1),
        ("", 1),
        ("9" * 5000, 1),
        ("١٢", 1),
        ("100001", 1),
    ],
)
def test_positive_int_never_raises(raw, value):
    got, notice = up.positive_int("p", limit=100_000)(raw, str)
    assert got == value
    assert (notice is None) == (raw.strip() in ("3", "12"))


def test_a_notice_quotes_the_value_shortly_and_is_translated():
    _got, notice = up.positive_int("p")("x" * 500, zh_like)
    assert notice.startswith("«") and len(notice) < 120 and "…" in notice


def test_known_id():
    parse = up.known_id("case", lambda: {"uber-taxi"}, "case")
    assert parse(" uber-taxi ", str) == ("uber-taxi", None)
    value, notice = parse("nope", str)
    assert value is None and "case='nope'" in notice


def test_id_list_keeps_order_drops_repeats_and_names_the_rest():
    parse = up.id_list("compare", lambda: {"a", "b", "c", "d", "e"}, most=4)
    ids, notices = parse("b,a,b,,x,c,d,e,y", str)
    assert ids == ("b", "a", "c", "d")
    assert len(notices) == 2
    assert "'x'" in notices[0] and "'y'" in notices[0]
    assert "'e'" in notices[1] and "4" in notices[1]


@pytest.mark.parametrize(
    ("raw", "value", "noticed"),
    [("1", True, False), ("0", False, False), ("off", False, False), ("maybe", True, True)],
)
def test_flag(raw, value, noticed):
    got, notice = up.flag("notes", True)(raw, str)
    assert got is value and (notice is not None) == noticed


def test_last_reads_a_repeated_parameter_as_its_last_value():
    assert up.last({"p": ["1", "3"]}, "p") == "3"
    assert up.last({}, "p") is None
