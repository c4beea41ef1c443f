"""The fast path (atlas/yaml_source_tree.py): a clean file is built in one walk, to the same
value and lines as the full path; at anything else it gives up and the full path decides."""

from pathlib import Path

import pytest
import yaml

from atlas import yaml_source
from atlas.yaml_source import YamlFileError, parse_yaml
from atlas.yaml_source_guards import MAX_DEPTH, MAX_NODES, MAX_NUMBER_DIGITS
from atlas.yaml_source_tree import build_tree

CASES = Path(__file__).resolve().parent.parent / "cases"


def fast(text: str):
    """build_tree's value for the text: the document as the loader in use composes it."""
    loader = yaml_source._Loader(text)
    try:
        return build_tree(loader.get_single_node(), loader)
    finally:
        loader.dispose()


def full_path(raw: bytes, monkeypatch):
    """What parse_yaml gives with the fast path off: the value, or the refusal."""
    with monkeypatch.context() as m:
        m.setattr(yaml_source, "build_tree", lambda node, loader: None)
        try:
            doc = parse_yaml(raw)
        except YamlFileError as exc:
            return ("refused", exc.kind, exc.line, exc.field, exc.message)
        return doc.data, doc.lines


BUILT = [
    "id: a\n",
    "id: a\ntitle: 'quoted: text'\nyear: 2015\nshare: 0.4\nok: yes\nnone: ~\n",
    "id: a\nwhen: 2020-02-03\nlist:\n  - one\n  - k: v\n    j: [1, 2.5, x]\n",
    "id: a\nempty: {}\nnothing: []\nblank:\n",
    "id: a\nvalue: =\nmerge: <<\n",  # '=' and '<<' as values are text
    "id: a\nanchored: &x 1\nplain: R&D and AT&T\n",  # an anchor no alias reaches
    "id: a\nbig: 0x1F\nsexagesimal: 1:20\nexp: 1e3\ninf: .inf\n",
    "id: a\nlong: " + "9" * MAX_NUMBER_DIGITS + "\n",
    "id: a\nx: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n",
    "id: a\nxs: [" + ", ".join(["1"] * (MAX_NODES - 5)) + "]\n",  # root, 2 keys, id, list: 5
]


@pytest.mark.parametrize("text", BUILT, ids=range(len(BUILT)))
def test_a_clean_document_is_built_to_the_full_paths_value_and_lines(
    text, yaml_loader, monkeypatch
):
    data, lines = full_path(text.encode(), monkeypatch)
    assert fast(text) == data
    doc = parse_yaml(text.encode())
    assert (doc.data, doc.lines) == (data, lines)


def test_every_curated_case_takes_the_fast_path_to_the_same_value_and_lines(monkeypatch):
    files = sorted(CASES.glob("*.yaml"))
    assert files
    for path in files:
        raw = path.read_bytes()
        assert fast(raw.decode()) is not None, path.name
        doc = parse_yaml(raw)
        assert (doc.data, doc.lines) == full_path(raw, monkeypatch), path.name


GIVES_UP = {
    "an alias": "id: a\nx: &n 1\ny: *n\n",
    "an alias to a list": "id: a\nx: &n [1]\ny: *n\n",
    "an alias to a key": "id: a\n&k k: 1\nz: {*k : 2}\n",
    "an alias inside its own anchor": "id: a\nx: &n [*n]\n",
    "a merge": "id: a\nyears:\n  <<: {start: 1}\n",
    "a key twice": "id: a\nid: b\n",
    "a key that is a number": "id: a\n1: x\n",
    "a key that is a list": "id: a\n? [x]\n: 1\n",
    "'=' as a key": "id: a\n=: x\n",
    "a refused tag": "id: a\nx: !!binary aGk=\n",
    "a refused tag on a list": "id: a\nx: !!set {a}\n",
    "a local tag": "id: a\nx: !thing 1\n",
    "a number too long": "id: a\nx: " + "9" * (MAX_NUMBER_DIGITS + 1) + "\n",
    "a float too long": "id: a\nx: 1." + "5" * MAX_NUMBER_DIGITS + "\n",
    "a date that is not": "id: a\nwhen: 2015-02-30\n",
    "too deep": "id: a\nx: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n",
    "too many values": "id: a\nxs: [" + ", ".join(["1"] * (MAX_NODES - 4)) + "]\n",
    "a list at the top": "- id: a\n",
    "a value at the top": "just text\n",
}


@pytest.mark.parametrize("text", GIVES_UP.values(), ids=GIVES_UP.keys())
def test_anything_else_is_left_to_the_full_path(text, yaml_loader, monkeypatch):
    assert fast(text) is None
    expected = full_path(text.encode(), monkeypatch)
    try:
        doc = parse_yaml(text.encode())
    except YamlFileError as exc:
        assert ("refused", exc.kind, exc.line, exc.field, exc.message) == expected
    else:
        assert (doc.data, doc.lines) == expected


def test_lines_are_marked_only_when_asked_for(monkeypatch):
    marked = []
    real = yaml_source.mark_lines
    monkeypatch.setattr(yaml_source, "mark_lines", lambda *a: marked.append(1) or real(*a))
    doc = parse_yaml(b"id: a\nlist:\n  - x\n")
    assert marked == [] and doc.data == {"id": "a", "list": ["x"]}
    assert doc.line_of(("list", 0)) == 3
    assert doc.lines == {("id",): 1, ("list",): 2, ("list", 0): 3}
    assert marked == [1]  # once


def test_the_walk_uses_the_loaders_constructors_for_values_that_are_not_text():
    loader = yaml.SafeLoader("x: 2020-02-03\n")
    try:
        assert build_tree(loader.get_single_node(), loader) == {
            "x": loader.construct_yaml_timestamp(
                yaml.ScalarNode("tag:yaml.org,2002:timestamp", "2020-02-03")
            )
        }
    finally:
        loader.dispose()


def test_reading_a_file_leaves_nothing_for_the_cyclic_collector(monkeypatch):
    # a library load pauses the collector: anything left in a cycle (the loader, and with
    # it libyaml's buffers) would stay in memory until the load is over
    import gc

    from atlas.loader import load_model
    from atlas.schema import Case

    files = sorted(CASES.glob("*.yaml"))[:5]
    gc.collect()
    gc.disable()
    try:
        for path in files:
            assert load_model(path, Case)[0] is not None
        assert gc.collect() == 0
    finally:
        gc.enable()
