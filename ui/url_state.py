"""The URL is the state: the one module that keeps the URL and the session's state in step.

Every piece of state that a link must restore belongs to a *group* of URL parameters:
the selection (filters, search, years), the ticked rows, and each page's own parameters
(ui/params.py names them; ui/pages.py says which page owns which). On every run, before
the page is drawn, the frame calls `sync`:

1. For each group, the URL's part is compared with what the app last wrote. A
   difference means the URL came from outside (a shared link, the back button, a hand
   edit): the group adopts it, and every value that cannot be used is named in a notice.
   An empty part on arriving at another page means the navigation dropped the
   parameters: the state is kept.
2. The URL is rewritten from the state: the shared groups on every page (so the
   selection holds wherever the user goes, and every address is a complete link), and
   only the current page's own parameters; parameters of no group are dropped, named.
   It is also written after a group adopted the URL's part, since a link to the page
   already open does not change the browser's address bar by itself.

The values live in plain session state (widgets show them through `bind`); callbacks
change session state only, and the next run's `sync` writes the URL. Code that changes
state in the middle of a run calls `put`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

import streamlit as st

from atlas.text_safety import md_escape
from ui.i18n import _
from ui.pages import PageSpec

Query = dict[str, list[str]]
_MEMO, _PAGE, _NOTICES, _SLOT = "_url_memo", "_url_page", "_url_notices", "_url_slot"
_CAME_FROM = "_url_came_from"


def came_from() -> str | None:
    """The key of the page the user was on before this one (None on the first page)."""
    return st.session_state.get(_CAME_FROM)


class Group(Protocol):
    """Some URL parameters and the session state they stand for."""

    name: str
    names: frozenset[str]

    def adopt(self, part: Query, ctx: Any) -> list[str]:
        """Take the URL's part into session state; a notice for each unusable value."""

    def dump(self, ctx: Any) -> Query:
        """The URL's part for the session state (defaults left out)."""


def normalise(query: Mapping[str, Any]) -> Query:
    out: Query = {}
    for key, value in sorted(query.items()):
        values = [value] if isinstance(value, str) else [str(v) for v in value]
        if values:
            out[key] = values
    return out


def memo(group_name: str) -> Query | None:
    """What the app last wrote for a group (None before it first did)."""
    return st.session_state.get(_MEMO, {}).get(group_name)


def current_url() -> Query:
    return normalise({k: st.query_params.get_all(k) for k in st.query_params})


def sync(page: PageSpec, groups: Iterable[Group], ctx: Any) -> None:
    """Adopt what came from outside, then rewrite the URL from the state (see above)."""
    state = st.session_state
    url = current_url()
    memo: dict[str, Query] = state.setdefault(_MEMO, {})
    switched = state.get(_PAGE) not in (None, page.key)
    if switched:
        state[_CAME_FROM] = state[_PAGE]
    state[_PAGE] = page.key
    notices: list[str] = []
    desired: Query = {}
    owned: set[str] = set()
    adopted = False
    for group in groups:
        owned |= group.names
        part = {k: v for k, v in url.items() if k in group.names}
        if switched and not part and group.name in memo:
            pass  # the navigation dropped the parameters: keep the state
        elif group.name not in memo or part != memo[group.name]:
            notices += group.adopt(part, ctx)
            adopted = True
        memo[group.name] = group.dump(ctx)
        desired |= memo[group.name]
    stray = sorted(k for k in url if k not in owned)
    if stray:
        shown = ", ".join(repr(k[:30]) for k in stray[:5])
        notices.append(_("Ignored {names}: not used on this page.").format(names=shown))
    state[_NOTICES] = notices
    # Written back also when a group adopted the URL: a link to the page already open
    # (st.page_link) reruns it with the link's query but leaves the address bar as it was.
    # The browser rewrites its address only when it differs, so this is otherwise a no-op.
    if desired != url or adopted:
        st.query_params.from_dict(desired)


def put(group: Group, ctx: Any) -> None:
    """After code changed a group's state during a run: rewrite its part of the URL now."""
    memo: dict[str, Query] = st.session_state.setdefault(_MEMO, {})
    old = memo.get(group.name, {})
    new = group.dump(ctx)
    memo[group.name] = new
    for key in old:
        if key not in new:
            st.query_params.pop(key, None)
    for key, values in new.items():
        st.query_params[key] = values if len(values) > 1 else values[0]


# --- notices: one box per run, however many parts of the link could not be used -----------


def notice_slot() -> None:
    """Where this run's notices show: drawn by the frame before the page."""
    st.session_state[_SLOT] = st.empty()
    _draw()


def notice(text: str) -> None:
    """Add a notice from the page (e.g. a page number past the last page)."""
    st.session_state.setdefault(_NOTICES, []).append(text)
    _draw()


def _draw() -> None:
    slot = st.session_state.get(_SLOT)
    notices = st.session_state.get(_NOTICES) or []
    if slot is None or not notices:
        return
    lines = [md_escape(n) for n in dict.fromkeys(notices)]
    text = lines[0] if len(lines) == 1 else "\n".join(f"- {line}" for line in lines)
    slot.warning(
        _("Some of this link could not be used; the rest applies.") + "\n\n" + text,
        icon=":material/link_off:",
    )


# --- widgets that show a value the session keeps -------------------------------------------


def bind(key: str, value: Any, on_change: Callable[[], None] | None = None) -> dict[str, Any]:
    """Keyword arguments for a widget that shows `st.session_state[key]` (the value a link
    restores) and writes the user's change back to it.

    The widget has a key of its own, given the kept value on every run before it is
    drawn: Streamlit forgets a widget's value while a page does not draw it, and keeps a
    value it cannot read back (a label) when asked to persist it."""
    widget_key = f"w.{key}"
    st.session_state[widget_key] = value

    def changed() -> None:
        st.session_state[key] = st.session_state[widget_key]
        if on_change is not None:
            on_change()

    return {"key": widget_key, "on_change": changed}
