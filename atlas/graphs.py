"""Connections before and after, as Graphviz DOT text for two small graphs."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from atlas.schema import Connection

BEFORE_COLOUR, AFTER_COLOUR = "#7a8594", "#1f5f99"
MAX_LABEL = 80


def _quote(text: str, width: int = 18) -> str:
    """A DOT string literal, wrapped to short lines; quotes and backslashes escaped, so
    case text stays text."""
    text = " ".join(text.split())
    text = text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"
    lines = textwrap.wrap(text, width) or [""]
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in lines]
    return '"' + "\\n".join(escaped) + '"'


def connection_dot(connections: Sequence[Connection], colour: str = AFTER_COLOUR) -> str:
    """Left-to-right graph: one node per party, one labelled edge per connection."""
    parties: list[str] = []
    for c in connections:
        parties += [p for p in (c.from_, c.to) if p not in parties]
    lines = [
        "digraph {",
        '  rankdir=LR; bgcolor="transparent"; pad=0.2; nodesep=0.35; ranksep=0.6;',
        f'  node [shape=box, style="rounded,filled", fillcolor="{colour}", fontcolor="white",'
        ' fontname="sans-serif", fontsize=14, color="none", margin="0.15,0.08"];',
        f'  edge [color="{colour}", fontcolor="{colour}", fontname="sans-serif", fontsize=12,'
        " arrowhead=none, penwidth=1.6];",
    ]
    ids = {p: f"n{i}" for i, p in enumerate(parties)}
    lines += [f"  {ids[p]} [label={_quote(p)}];" for p in parties]
    lines += [f"  {ids[c.from_]} -> {ids[c.to]} [label={_quote(c.via, 22)}];" for c in connections]
    lines.append("}")
    return "\n".join(lines)


def new_parties(before: Sequence[Connection], after: Sequence[Connection]) -> list[str]:
    """Parties that appear only after the change: who got newly connected."""
    old = {p for c in before for p in (c.from_, c.to)}
    seen: list[str] = []
    for c in after:
        seen += [p for p in (c.from_, c.to) if p not in old and p not in seen]
    return seen
