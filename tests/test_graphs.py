"""atlas.graphs: the connections before and after as Graphviz DOT text.

No Graphviz is installed, so a small reader of the DOT subset the app writes checks
the text: it must tokenise (every string closed, no stray character), have the shape
`digraph { attribute, node and edge statements }`, and its strings must read back as
the case's text, wrapped and cut, with quotes and backslashes intact.
"""

from __future__ import annotations

import re

import pytest

from atlas.graphs import AFTER_COLOUR, BEFORE_COLOUR, MAX_LABEL, connection_dot, new_parties
from atlas.loader import load_library
from atlas.schema import Connection
from tests.conftest import ROOT

TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<arrow>->)|(?P<punct>[{}\[\];,=])'
    r"|(?P<id>[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?|-?\.\d+))"
)
Attrs = dict[str, str]


def link(a: str, b: str, via: str = "an app") -> Connection:
    return Connection.model_validate({"from": a, "to": b, "via": via})


def tokens(dot: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while dot[pos:].strip():
        m = TOKEN.match(dot, pos)
        assert m, f"not DOT at {pos}: {dot[pos : pos + 40]!r}"
        out.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
    return out


def unquote(literal: str) -> str:
    r"""A DOT string as Graphviz shows it: \" a quote, \\ a backslash, \n a line break."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), literal[1:-1])


def parse(dot: str) -> tuple[dict[str, Attrs], list[tuple[str, str, Attrs]]]:
    """(nodes {id: attrs}, edges [(from, to, attrs)]) of a digraph; fails on anything else."""
    toks = tokens(dot)
    assert toks[:2] == [("id", "digraph"), ("punct", "{")] and toks[-1] == ("punct", "}")
    body = toks[2:-1]
    nodes: dict[str, Attrs] = {}
    edges: list[tuple[str, str, Attrs]] = []

    def attrs(j: int) -> tuple[Attrs, int]:
        assert body[j] == ("punct", "["), body[j]
        found: Attrs = {}
        j += 1
        while body[j] != ("punct", "]"):
            (k_kind, key), eq, (v_kind, value) = body[j : j + 3]
            assert k_kind == "id" and eq == ("punct", "=") and v_kind in ("id", "string")
            found[key] = unquote(value) if v_kind == "string" else value
            j += 3
            if body[j] == ("punct", ","):
                j += 1
        return found, j + 1

    i = 0
    while i < len(body):
        kind, name = body[i]
        assert kind == "id", f"a statement starts with an id, not {name!r}"
        nxt = body[i + 1]
        if nxt == ("punct", "="):  # a graph attribute: rankdir=LR;
            assert body[i + 2][0] in ("id", "string")
            i += 3
        elif nxt == ("arrow", "->"):
            target = body[i + 2]
            assert target[0] == "id"
            found, i = attrs(i + 3)
            edges.append((name, target[1], found))
        elif nxt == ("punct", "["):
            found, i = attrs(i + 1)
            if name not in ("node", "edge", "graph"):
                nodes[name] = found
        else:
            pytest.fail(f"unexpected {nxt!r} after {name!r}")
        assert body[i] == ("punct", ";"), f"statement not ended at {body[i]!r}"
        i += 1
    return nodes, edges


def shown(label: str) -> str:
    """A label as one line of words, as the reader takes it in."""
    return " ".join(label.split("\n"))


def test_one_node_per_party_and_one_labelled_edge_per_connection():
    links = [
        link("Passenger", "Taxi driver", "Street hail"),
        link("Passenger", "Platform", "A mobile app"),
        link("Platform", "Taxi driver", "Dispatch"),
    ]
    nodes, edges = parse(connection_dot(links))
    names = {key: attrs["label"] for key, attrs in nodes.items()}
    assert sorted(names.values()) == ["Passenger", "Platform", "Taxi driver"]
    drawn = [(names[a], names[b], shown(attrs["label"])) for a, b, attrs in edges]
    assert drawn == [
        ("Passenger", "Taxi driver", "Street hail"),
        ("Passenger", "Platform", "A mobile app"),
        ("Platform", "Taxi driver", "Dispatch"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'The "Internet+" plan',
        "C:\\temp\\",  # ends on a backslash: it must not escape the closing quote
        '\\"',  # a backslash and a quote: neither may end the string
        "say \\n, not a break",  # a written backslash-n is text, not a line break
        '"]; n9 -> n0 [label="pwned',  # would add an edge if the quotes were not escaped
        "}",
    ],
)
def test_quotes_and_backslashes_stay_text(text):
    nodes, edges = parse(connection_dot([link(text, "Shop", text)]))
    assert len(nodes) == 2 and len(edges) == 1, "the text added no statement"
    labels = [shown(a["label"]) for a in nodes.values()]
    assert " ".join(text.split()) in labels
    assert shown(edges[0][2]["label"]) == " ".join(text.split())


def test_long_labels_are_wrapped_to_short_lines_and_cut():
    party = "A very long party name " * 10
    via = "through a long chain of intermediaries and brokers and agents " * 3
    nodes, edges = parse(connection_dot([link(party, "Shop", via)]))
    label = next(a["label"] for a in nodes.values() if a["label"] != "Shop")
    lines = label.split("\n")
    assert len(lines) > 1 and max(map(len, lines)) <= 18
    assert len(shown(label)) <= MAX_LABEL and shown(label).endswith("…")
    assert shown(label)[:-1] in " ".join(party.split())  # cut, never rewritten
    via_lines = edges[0][2]["label"].split("\n")
    assert len(via_lines) > 1 and max(map(len, via_lines)) <= 22  # edge labels are wider
    assert len(shown(edges[0][2]["label"])) <= MAX_LABEL


def test_a_label_of_exactly_the_limit_is_kept_whole_and_one_more_is_cut():
    exact = ("abcd " * 16).strip() + "x"
    assert len(exact) == MAX_LABEL
    nodes, _ = parse(connection_dot([link(exact, "Shop")]))
    assert exact in [shown(a["label"]) for a in nodes.values()]
    nodes, _ = parse(connection_dot([link(exact + "y", "Shop")]))
    cut = next(shown(a["label"]) for a in nodes.values() if a["label"] != "Shop")
    assert cut == exact[:-1] + "…"


def test_runs_of_spaces_and_tabs_collapse():
    nodes, _ = parse(connection_dot([link("Bank \t  branch\t", "Borrower")]))
    assert {a["label"] for a in nodes.values()} == {"Bank branch", "Borrower"}


def test_the_colour_is_the_one_asked_for():
    before = connection_dot([link("A", "B")], BEFORE_COLOUR)
    after = connection_dot([link("A", "B")])
    assert f'fillcolor="{BEFORE_COLOUR}"' in before and AFTER_COLOUR not in before
    assert f'fillcolor="{AFTER_COLOUR}"' in after and BEFORE_COLOUR not in after


def test_every_case_of_the_library_gives_valid_dot():
    library = load_library(ROOT / "cases")
    assert library.cases
    for case in library.cases:
        for links in (case.connections.before, case.connections.after):
            nodes, edges = parse(connection_dot(links))
            assert len(edges) == len(links), case.id
            parties = {p for c in links for p in (c.from_, c.to)}
            assert len(nodes) == len(parties), case.id


def test_new_parties_are_those_only_after_in_order_of_appearance():
    before = [link("Passenger", "Taxi driver"), link("Taxi driver", "Radio dispatch")]
    after = [
        link("Passenger", "Platform"),
        link("Platform", "Taxi driver"),
        link("Platform", "Payment app"),
        link("Payment app", "Platform"),
    ]
    assert new_parties(before, after) == ["Platform", "Payment app"]


def test_no_new_parties_when_the_same_people_are_linked_another_way():
    before = [link("Farmer", "Buyer", "Market")]
    assert new_parties(before, [link("Buyer", "Farmer", "App")]) == []
    assert new_parties(before, []) == []
    assert new_parties([], before) == ["Farmer", "Buyer"]
