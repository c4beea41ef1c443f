"""The "Draft a case" form: one widget per field of the case schema (atlas.draft).

A vocabulary is a select box whose help lists every value's definition; a list of
records (connections, timeline, figures, sources) is a table with a row per record; a
list of lines is a text area, one per line. A value the form cannot offer (a restored
'sucess') stays in the draft, shown as it is, so validation names it and nothing is lost.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from atlas.draft import FormField, Kind, get, put
from atlas.draft_labels import column_label, field_label
from atlas.text_safety import md_escape
from ui import draft_state
from ui.i18n import _, label

Slots = dict[str, Any]  # field key -> an empty element for its messages


def draft_form(
    fields: tuple[FormField, ...], draft: dict, case_titles: dict[str, str]
) -> tuple[dict, Slots]:
    """Draw the form from `draft`; return the edited draft and a slot under each field."""
    out = copy.deepcopy(draft)
    slots: Slots = {}
    required = [f for f in fields if f.required]
    optional = [f for f in fields if not f.required]
    for title, group in ((_("Required"), required), (_("Optional"), optional)):
        st.subheader(title, anchor=False)
        for field in group:
            value = _widget(field, get(out, field.path), out, case_titles)
            put(out, field.path, value)
            slots[field.key] = st.empty()
    return out, slots


def _help(field: FormField) -> str:
    text = _(field.help) if field.help else ""
    if field.vocabulary is not None:
        lines = [f"- **{_(t.label)}**: {_(t.definition)}" for t in field.vocabulary]
        text = "\n".join([text, "", *lines]) if text else "\n".join(lines)
    return text


def _label(field: FormField) -> str:
    shown = _(field_label(field.key))
    return f"{shown} *" if field.required else shown


def _widget(field: FormField, value: Any, draft: dict, case_titles: dict[str, str]) -> Any:
    key = draft_state.widget_key(field.key)
    common = {"label": _label(field), "key": key, "help": _help(field) or None}
    kind = field.kind
    if kind is Kind.LINE:
        draft_state.seed(key, "" if value is None else str(value))
        return st.text_input(**common)
    if kind is Kind.TEXT:
        draft_state.seed(key, "" if value is None else str(value))
        return st.text_area(height=160 if field.path[-1] == "narrative" else 90, **common)
    if kind is Kind.LINES:
        draft_state.seed(key, "\n".join(map(str, value or [])))
        text = st.text_area(height=90, **common)
        return [line.strip() for line in text.splitlines() if line.strip()]
    if kind is Kind.YEAR:
        draft_state.seed(key, value if isinstance(value, int) else None)
        return st.number_input(step=1, format="%d", placeholder=_("Year"), **common)
    if kind is Kind.CHOICE:
        options = _with(field.vocabulary.values(), [value] if value else [])
        draft_state.seed(key, value or None)
        return st.selectbox(
            options=options,
            format_func=_vocabulary_label(field),
            placeholder=_("Choose…"),
            **common,
        )
    if kind in (Kind.CHOICES, Kind.SOURCE_IDS, Kind.CASE_IDS):
        values = [str(v) for v in value] if isinstance(value, list) else []
        if kind is Kind.CHOICES:
            options, shown = field.vocabulary.values(), _vocabulary_label(field)
        elif kind is Kind.SOURCE_IDS:
            options, shown = _source_ids(draft), str
        else:
            options, shown = sorted(case_titles), lambda i: case_titles.get(i, i)
        draft_state.seed(key, values)
        return st.multiselect(
            options=_with(options, values), format_func=shown, placeholder=_("Choose…"), **common
        )
    if kind is Kind.TABLE:
        return _table(field, value, draft, common)
    raise ValueError(f"no widget for {kind}")  # a new Kind needs a widget here


def _with(options: list[str], present: list[str]) -> list[str]:
    """The options, and any value the draft holds that is not one of them."""
    return [*options, *(v for v in present if v not in options)]


def _vocabulary_label(field: FormField) -> Callable[[str], str]:
    return lambda value: label(field.path[-1], value) if field.vocabulary else value


def _source_ids(draft: dict) -> list[str]:
    rows = get(draft, ("sources",)) or []
    return [str(r["id"]) for r in rows if isinstance(r, dict) and r.get("id")]


def _table(field: FormField, value: Any, draft: dict, common: dict) -> list[dict]:
    names = [c.path[0] for c in field.columns]
    columns = dict(zip(names, field.columns, strict=True))
    rows = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
    base = draft_state.base_rows(common["key"], rows)
    frame = pd.DataFrame(
        [{n: _cell(r.get(n), c.kind) for n, c in columns.items()} for r in base],
        columns=names,
    )
    for name, column in columns.items():
        if column.kind in (Kind.NUMBER, Kind.YEAR):
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
        else:
            frame[name] = frame[name].astype("object")
    extra = any(n not in names for r in base for n in r)  # fields the table does not show
    st.markdown(f"**{md_escape(common['label'])}**", help=common["help"])
    edited = st.data_editor(
        frame,
        key=common["key"],
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={n: _column(c, [r.get(n) for r in base], draft) for n, c in columns.items()},
    )
    out = [{k: v for k, v in row.items() if not _blank(v)} for row in edited.to_dict("records")]
    if extra:  # kept as they came, on the rows they came with
        for row, original in zip(out, base, strict=False):
            row.update({k: v for k, v in original.items() if k not in names})
    return [row for row in out if row]


def _cell(value: Any, kind: Kind) -> Any:
    if value is None:
        return None
    return value if kind in (Kind.NUMBER, Kind.YEAR) else str(value)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _column(column: FormField, present: list[Any], draft: dict):
    name = column.path[0]
    common = {
        "label": _(column_label(name)),
        "help": _help(column) or None,
        "required": column.required,
    }
    shown = [str(v) for v in present if v not in (None, "")]
    if column.kind is Kind.CHOICE:
        return st.column_config.SelectboxColumn(
            options=_with(column.vocabulary.values(), shown), **common
        )
    if column.kind is Kind.SOURCE_ID:
        return st.column_config.SelectboxColumn(options=_with(_source_ids(draft), shown), **common)
    if column.kind in (Kind.NUMBER, Kind.YEAR):
        step = 1 if column.kind is Kind.YEAR else None
        return st.column_config.NumberColumn(step=step, format="%d" if step else None, **common)
    return st.column_config.TextColumn(**common)
