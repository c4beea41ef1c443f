"""The tour being built on the Tours page, kept in the session: its order, the stops left
out and the talking points typed. Changed by the table's edits and the Up and Down buttons."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from atlas.tours import MAX_STOPS, merged_order, moved, nudged

PLAN = "tour_plan"


@dataclass
class Plan:
    """The tour being built: the stops' order, those left out, the talking points typed.
    `version` names the table's widget: a new one is drawn after every change, so the
    table always shows the plan as it is (a table's edits are kept against its first rows)."""

    ids: tuple[str, ...] = ()  # the selection the plan was made for
    order: list[str] = field(default_factory=list)
    hidden: set[str] = field(default_factory=set)
    points: dict[str, str] = field(default_factory=dict)
    version: int = 0


def plan_for(ids: list[str]) -> Plan:
    """The plan for this selection: a case already placed keeps its place; a new one
    follows, shown while the tour has room."""
    plan = st.session_state.setdefault(PLAN, Plan())
    if tuple(ids) != plan.ids:
        fresh = set(ids) - set(plan.order)
        plan.order = merged_order(plan.order, ids)
        plan.hidden = {i for i in plan.hidden if i in ids}
        plan.hidden |= {i for n, i in enumerate(plan.order) if i in fresh and n >= MAX_STOPS}
        plan.ids = tuple(ids)
        plan.version += 1
    return plan


def editor_key(plan: Plan) -> str:
    return f"adhoc_plan_{plan.version}"


def apply_edits(plan: Plan) -> None:
    """Take what was typed in the table into the plan; a typed Order moves the stop there."""
    edits = st.session_state.get(editor_key(plan)) or {}
    rows = edits.get("edited_rows") or {} if isinstance(edits, dict) else {}
    drawn = list(plan.order)  # the order the table was drawn in
    for index, change in sorted(rows.items(), key=lambda row: int(row[0])):
        if not 0 <= int(index) < len(drawn):
            continue
        item = drawn[int(index)]
        if "Show" in change:
            (plan.hidden.discard if change["Show"] else plan.hidden.add)(item)
        if "Talking point" in change:
            point = " ".join(str(change["Talking point"] or "").split())
            if point:
                plan.points[item] = point
            else:
                plan.points.pop(item, None)  # emptied: the case's summary again
        if isinstance(change.get("Order"), int | float) and change["Order"] == change["Order"]:
            plan.order = moved(plan.order, item, int(change["Order"]))
    if rows:
        plan.version += 1


def nudge(item: str, step: int) -> None:
    plan: Plan = st.session_state[PLAN]
    apply_edits(plan)
    shown = [i for i in plan.order if i not in plan.hidden]
    plan.order = nudged(plan.order, item, step, shown)
    plan.version += 1
