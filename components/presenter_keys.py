"""F toggles fullscreen on the Present page (the browser's Fullscreen API).

Streamlit's button shortcuts cover the other keys (arrows, Home, End, Esc); fullscreen needs
the page itself, so a tiny script in a zero-height component listens on the app's document.
It does nothing while the user types in a field, and only on the Present page.
"""

from __future__ import annotations

import streamlit.components.v1 as components

KEYS_JS = """<script>
(function () {
  const doc = window.parent.document;
  if (doc.__atlasPresenterKeys) return;
  doc.__atlasPresenterKeys = true;
  doc.addEventListener("keydown", (event) => {
    if (!/\\/present$/.test(window.parent.location.pathname)) return;
    const target = event.target;
    const typing = target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "f" || event.key === "F") {
      if (doc.fullscreenElement) doc.exitFullscreen();
      else doc.documentElement.requestFullscreen().catch(() => {});
    }
  });
})();
</script>"""


def presenter_keys() -> None:
    components.html(KEYS_JS, height=0)
