"""Cases kept as bytes: built when asked for, equal to the cases they keep, and only the
schema's classes ever built from bytes."""

from __future__ import annotations

import io
import pickle
import zlib
from pathlib import Path

import pytest

from atlas import case_store as cs
from atlas.loader import load_library
from atlas.synth import write_library
from atlas.table import case_values
from tests.conftest import GOOD, ROOT


@pytest.fixture(scope="module")
def curated_cases():
    return list(load_library(ROOT / "cases").cases)


@pytest.fixture
def stored(curated_cases):
    return cs.CaseList(cs.store(c) for c in curated_cases[:5])


def test_a_stored_case_is_built_back_equal_with_its_facts_and_row(curated_cases):
    case = next(c for c in curated_cases if c.related)
    s = cs.store(case)
    assert (s.id, s.related, s.row) == (case.id, tuple(case.related), case_values(case))
    assert s.case() == case and s.case() is not case


def test_bytes_that_are_not_a_case_are_refused():
    s = cs.StoredCase("x", (), zlib.compress(pickle.dumps(("not", "a case"))))
    with pytest.raises(pickle.UnpicklingError, match="'x' is not a case"):
        s.case()


def test_a_case_list_is_a_sequence_of_its_cases(curated_cases, stored):
    five = curated_cases[:5]
    assert len(stored) == 5 and stored == five and stored == tuple(five)
    assert stored != five[:4] and stored != [*five[:4], curated_cases[5]]
    assert stored.__eq__("abcde") is NotImplemented and stored.__eq__(3) is NotImplemented
    assert list(stored) == five and stored[0] == five[0] and stored[-1] == five[-1]
    assert stored[1:3] == five[1:3] and stored[::-2] == five[::-2]
    assert stored[-5] == five[0]
    for bad in (5, 50):
        with pytest.raises(IndexError):
            stored[bad]
    with pytest.raises(IndexError, match=r"^case index out of range$"):
        stored[-6]
    assert stored.ids == [c.id for c in five]
    assert five[2] in stored and curated_cases[6] not in stored and "x" not in stored
    assert repr(stored) == "CaseList(5 cases)"
    with pytest.raises(TypeError):
        hash(stored)


def test_a_case_asked_for_again_is_not_built_again(stored):
    assert stored[2] is stored[2] is stored.get(stored.ids[2]) is stored[-3]
    assert stored.get("no-such-case") is None


def test_only_the_most_recent_cases_stay_built(curated_cases):
    many = cs.CaseList(cs.store(c) for c in curated_cases[: cs.RECENT // 8] * 9)
    first = many[0]
    for i in range(1, cs.RECENT + 1):
        many[i]
    assert many[0] is not first and many[0] == first
    assert many[cs.RECENT] is many[cs.RECENT]


def test_a_walk_over_all_keeps_none_built(stored):
    walked = list(stored)
    assert walked == list(stored) and walked[0] is not next(iter(stored))


def test_by_id_looks_cases_up(curated_cases, stored):
    by_id = stored.by_id
    assert len(by_id) == 5 and list(by_id) == stored.ids
    assert by_id[stored.ids[1]] == curated_cases[1] and stored.ids[4] in by_id
    assert "no-such-case" not in by_id and 3 not in by_id
    with pytest.raises(KeyError, match="no-such-case"):
        by_id["no-such-case"]
    assert dict(by_id) == {c.id: c for c in curated_cases[:5]}


def test_select_keeps_the_order_asked_and_leaves_out_unknown_ids(curated_cases, stored):
    ids = stored.ids
    view = stored.select([ids[3], "nope", ids[0], ids[3]])
    assert len(view) == 3 and view == [curated_cases[3], curated_cases[0], curated_cases[3]]
    assert view[1] == curated_cases[0] and view[-1] == curated_cases[3]
    assert view[:2] == [curated_cases[3], curated_cases[0]]
    assert view[0] is stored[3] and view != [curated_cases[3]] and view.__eq__(1) is NotImplemented
    assert repr(view) == "CaseView(3 cases)" and stored.select([]) == []


def test_a_walk_over_more_than_the_recent_cases_leaves_them_be(curated_cases, monkeypatch):
    monkeypatch.setattr(cs, "RECENT", 4)
    ten = cs.CaseList(cs.store(c) for c in curated_cases[:10])
    first = ten[0]
    assert list(ten.select(ten.ids)) == curated_cases[:10]  # ten: more than RECENT
    assert ten[0] is first  # still the one kept: the walk built its own
    walked = list(ten.select(ten.ids[:4]))  # four, RECENT: through the cache
    assert walked == curated_cases[:4] and walked[3] is ten[3] and ten[0] is first
    for i in range(5, 10):
        ten[i]
    assert ten[0] is not first


def test_a_long_selection_is_walked_without_filling_the_recent_cases(curated_cases, stored):
    big = cs.CaseList(cs.store(c) for c in curated_cases)
    assert len(curated_cases) > 30
    wanted = big.ids * (cs.RECENT // len(curated_cases) + 1)
    assert len(wanted) > cs.RECENT
    assert list(big.select(wanted)) == [big.get(i) for i in wanted]
    short = big.select(big.ids[:3])
    assert [a is b for a, b in zip(short, big[:3], strict=True)] == [True] * 3


def test_the_rows_are_handed_out_once(curated_cases, stored):
    before = list(stored._items)
    rows = stored.take_rows()
    assert rows == [case_values(c) for c in curated_cases[:5]]
    assert stored.take_rows() is None and stored == curated_cases[:5]
    assert list(stored._items) == [s._replace(row=None) for s in before]
    mixed = cs.CaseList([cs.store(curated_cases[0]), cs.StoredCase("b", (), b"")])
    assert mixed.take_rows() is None and mixed.take_rows() is None


def test_the_library_keeps_stored_cases_and_looks_them_up(tmp_path):
    folder = tmp_path / "cases"
    write_library(folder, 4)
    lib = load_library(folder)
    assert isinstance(lib.cases, cs.CaseList)
    ids = lib.cases.ids
    assert lib.case(ids[1]) == lib.cases[1] and lib.case("nope") is None
    assert lib.cases_in([ids[2], "nope", ids[0]]) == [lib.cases[2], lib.cases[0]]
    assert lib.by_id is not None and set(lib.by_id) == set(ids)


def test_a_library_of_plain_cases_looks_them_up_too():
    from atlas.loader import Library

    cases = tuple(load_library(GOOD).cases)
    lib = Library("f", cases, (), (), 2)
    assert lib.case(cases[1].id) is cases[1] and lib.cases_in([cases[1].id, "x"]) == [cases[1]]


def test_the_bytes_may_hold_the_schema_and_every_vocabulary():
    modules = cs.pickled_modules()  # uncached: what _allowed_modules remembers
    vocabularies = {f"atlas.vocabulary.{p.stem}" for p in (cs.ATLAS / "vocabulary").glob("*.py")}
    assert len(vocabularies) > 3
    assert set(modules) == {"atlas.schema", *vocabularies}
    assert all(module.__name__ == name for name, module in modules.items())


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("atlas.schema", "NoSuchClass"),  # not there
        ("atlas.schema", "case_rule_violations"),  # there, but not a class
        ("atlas.schema", "Path"),  # a class, but not a model
        ("os", "system"),
    ],
)
def test_the_unpickler_refuses_all_but_the_schemas_classes(module, name):
    with pytest.raises(pickle.UnpicklingError, match=rf"^{module}\.{name} is not allowed"):
        cs.SchemaUnpickler(io.BytesIO()).find_class(module, name)


def test_a_stored_case_naming_a_foreign_class_is_refused():
    s = cs.StoredCase("x", (), zlib.compress(pickle.dumps(Path("/"))))
    with pytest.raises(pickle.UnpicklingError, match="is not allowed"):
        s.case()


def test_a_case_is_kept_compressed(curated_cases):
    case = curated_cases[0]
    s = cs.store(case)
    plain = pickle.dumps(case, protocol=pickle.HIGHEST_PROTOCOL)
    assert zlib.decompress(s.blob) == plain and len(s.blob) < len(plain)
