import pytest

from atlas.facets import VOCABULARIES, definition_for, label_for
from atlas.vocabulary import Mode, Outcome, Term

ALL_TERMS = [(name, term) for name, vocab in VOCABULARIES.items() for term in vocab]


@pytest.mark.parametrize(("field", "term"), ALL_TERMS, ids=lambda x: str(x))
def test_every_value_has_a_label_and_a_one_line_definition(field: str, term: Term):
    assert term.label.strip() and term.definition.strip()
    assert "\n" not in term.definition
    assert term.definition.endswith(".")


@pytest.mark.parametrize("vocab", VOCABULARIES.values(), ids=lambda v: v.__name__)
def test_labels_are_unique_within_a_vocabulary(vocab: type[Term]):
    labels = [t.label for t in vocab]
    assert len(labels) == len(set(labels))
    assert vocab.__doc__


def test_the_mission_words_are_the_labels():
    assert Mode.PLUS_INTERNET.label == "+Internet"
    assert Mode.INTERNET_PLUS.label == "Internet+"
    assert Outcome.values() == ["success", "mixed", "failure", "ongoing"]


@pytest.mark.parametrize(
    ("field", "value", "label"),
    [
        ("mode", "internet_plus", "Internet+"),
        ("connection_types", "device_cloud", "Device – cloud (IoT/IoE)"),
        ("outcome", "nonsense", "nonsense"),
        ("not_a_field", "x", "x"),
    ],
)
def test_label_for(field, value, label):
    assert label_for(field, value) == label


def test_definition_for_unknown_is_empty():
    assert definition_for("outcome", "failure").startswith("Shut down")
    assert definition_for("outcome", "nope") == ""
