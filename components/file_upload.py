"""A file uploader whose texts are in the interface's language, as far as Streamlit allows.

The label and the help are the app's. Streamlit 1.67 writes the rest in English in its
frontend (FileUploader.*.js), with no option or translation to change it: the button's
"Upload" and the note "1MB per file • YAML, YML". Here CSS, scoped to this uploader's own
container, hides those two and shows the app's translated texts in their place as
generated content. The button's English word stays for screen readers only: axe-core
counts no generated content as a button's name, so hidden outright it left the button
nameless (browsers read both words).
Left in Streamlit's English, with no hook to reach them: "Drag and drop a file here"
(shown only while a file is dragged over the page), an uploaded file's size and its
delete button's label, and the refusal of a file of another type ("… files are not
allowed.").
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ui.i18n import _


def css_string(text: str) -> str:
    """A CSS string literal holding `text` as text (no quote, backslash or tag escapes)."""
    escaped = "".join(
        f"\\{ord(ch):x} " if ch in '"\\<>' or ord(ch) < 32 else ch for ch in " ".join(text.split())
    )
    return f'"{escaped}"'


def file_uploader(label: str, types: Sequence[str], key: str, max_mb: int, help: str | None = None):
    """`st.file_uploader` for one file of `types`, at most `max_mb` megabytes."""
    scope = f".st-key-upload-{key}"
    button = css_string(_("Choose a file"))
    note = css_string(
        _("At most {size} MB per file · {types}").format(
            size=max_mb, types=_(", ").join(t.upper() for t in types)
        )
    )
    st.html(
        f"""<style>
{scope} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] {{
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }}
{scope} [data-testid="stFileUploaderDropzoneInstructions"] > * {{ display: none; }}
{scope} [data-testid="stFileUploaderDropzone"] button::after {{
  content: {button}; margin-left: 0.5rem; }}
{scope} [data-testid="stFileUploaderDropzoneInstructions"]::after {{
  content: {note}; font-size: 0.875rem; }}
</style>"""
    )
    with st.container(key=f"upload-{key}"):
        return st.file_uploader(label, type=list(types), key=key, help=help, max_upload_size=max_mb)
