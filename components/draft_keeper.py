"""The browser's copy of the draft: kept in its local storage, so a reload keeps it.

Drawn on the "Draft a case" page with no size. Given `save`, it stores that text (an empty
text forgets it); given `offer`, it sends back what it kept, once, as the trigger `kept`.
The copy never leaves the user's browser: nothing is stored on the server.
"""

from __future__ import annotations

import streamlit as st

STORAGE_KEY = "transformation-atlas:draft"

JS = """
export default function (component) {
  const { data, setTriggerValue } = component;
  const key = data.storage_key;
  let store = null;
  try { store = window.localStorage; } catch (e) { return; }  // storage switched off
  if (data.offer) {
    const kept = store.getItem(key);
    if (kept) { setTriggerValue("kept", kept); return; }
  }
  if (data.save === "") store.removeItem(key);
  else if (typeof data.save === "string") store.setItem(key, data.save);
}
"""

_keeper = st.components.v2.component("atlas_draft_keeper", js=JS)


def draft_keeper(save: str | None, offer: bool) -> str | None:
    """Store `save` in the browser (None: leave it, "": forget it); with `offer`, return
    the text the browser kept, on the rerun it causes."""
    result = _keeper(
        key="draft-keeper",
        data={"storage_key": STORAGE_KEY, "save": save, "offer": offer},
        height=0,
        on_kept_change=lambda: None,
    )
    return getattr(result, "kept", None)
