"""Draft a case: a form built from the case schema, checked as the user types with the
messages `atlas validate` prints; it downloads a file ready for cases/ and shows the case
as its page and its slide. Nothing is stored on the server: the session keeps the draft,
the browser keeps a copy (a reload keeps it), and a downloaded file restores it."""

from __future__ import annotations

import streamlit as st

from atlas.draft import all_paths, form_fields
from atlas.draft_labels import field_label, kind_text, owner_key
from atlas.draft_yaml import check, clean, file_name, from_yaml, kept_outside_form, to_yaml
from atlas.problems import ProblemKind, Severity
from atlas.text_safety import md_escape
from components import case_view
from components.draft_keeper import draft_keeper
from components.slide import SLIDE_ONLY_CSS, slide
from ui import draft_state
from ui.context import context
from ui.draft_form import draft_form
from ui.i18n import _

ctx = context()
FIELDS = form_fields()
KEYS = [f.key for f in FIELDS]

st.title(_("Draft a case"))
st.write(
    _(
        "Write a case of your own in this form. It is checked as you type, with the same "
        "messages as `atlas validate`; download the file and add it to `cases/` in a pull "
        "request (CONTRIBUTING.md says how). Fields marked * are required."
    )
)
st.caption(
    _(
        "Nothing is stored on the server. This browser keeps a copy of the draft, so a "
        "reload keeps it; to move it to another computer, download it and restore it there."
    )
)

tools = st.columns([3, 1], vertical_alignment="bottom")
upload = tools[0].file_uploader(
    _("Restore a draft from a file"), type=["yaml", "yml"], key="draft-upload"
)
if tools[1].button(_("Start a new draft"), icon=":material/restart_alt:", width="stretch"):
    draft_state.replace({}, "new")
    st.rerun()
if upload is not None and draft_state.restored_from() != upload.file_id:
    data, unreadable = from_yaml(upload.getvalue(), upload.name)
    if unreadable:
        st.error(
            _("{name} cannot be restored:").format(name=md_escape(upload.name))
            + "\n\n"
            + "\n".join(f"- `{p}`" for p in unreadable),
            icon=":material/error:",
        )
    elif not isinstance(data, dict):
        st.error(_("{name} holds no case.").format(name=md_escape(upload.name)))
    else:
        draft_state.replace(data, upload.file_id)
        st.rerun()
if draft_state.restored_from() == "browser":
    st.info(_("Your draft from this browser is back."), icon=":material/history:")
elif upload is not None and draft_state.restored_from() == upload.file_id:
    st.info(
        _("Restored from {name}.").format(name=md_escape(upload.name)), icon=":material/history:"
    )

status = st.container(key="draft-status")
tab_form, tab_page, tab_slide, tab_file = st.tabs(
    [_("Form"), _("As its page"), _("As its slide"), _("The file")]
)
titles = ctx.titles
with tab_form:
    draft, slots = draft_form(FIELDS, draft_state.current(), titles)
draft_state.keep(draft)
text, name = to_yaml(draft), file_name(draft)
case, problems = check(draft, text)  # the file as it downloads, written once
empty = clean(draft) is None

for problem in problems:  # under its field, once the field has something in it
    key = owner_key(problem.field, KEYS)
    if key is not None and problem.kind is not ProblemKind.MISSING_FIELD:
        slots[key].markdown(
            f":material/error: **{_(kind_text(problem.kind))}** {md_escape(str(problem))}"
        )

with status:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if empty:
        st.info(_("Start with the required fields below."), icon=":material/edit_note:")
    elif not problems:
        st.success(
            _("No problems: `{name}` is ready for `cases/`.").format(name=name),
            icon=":material/check_circle:",
        )
    else:
        n = len(problems)
        summary = _("{n} problem left") if n == 1 else _("{n} problems left")
        st.warning(summary.format(n=n), icon=":material/warning:")
        with st.expander(_("Every problem, as `atlas validate` prints it")):
            st.markdown(
                "\n".join(
                    f"- **{md_escape(_(field_label(owner_key(p.field, KEYS) or p.field)))}**: "
                    f"{_(kind_text(p.kind))}  \n  `{p}`"
                    for p in problems
                )
            )
    st.download_button(
        _("Download {name}").format(name=name),
        data=text.encode("utf-8"),
        file_name=name,
        mime="application/x-yaml",
        icon=":material/download:",
        disabled=empty,
        help=_("A case file with the schema line and the template's comments."),
    )
    kept = kept_outside_form(draft, all_paths(FIELDS))
    if kept:
        st.markdown(  # not a caption: its faded colour is too light for code
            _("Kept as they came (the form does not show them): {fields}").format(
                fields=", ".join(f"`{k}`" for k in kept)
            )
        )

with tab_page:
    if case is None:
        st.info(_("The page appears once the draft has no errors."), icon=":material/preview:")
    else:
        case_view.header(case)
        case_view.connections(case)
        case_view.narrative(case)
        st.subheader(_("Outcome"), anchor=False)
        case_view.outcome(case)
        st.subheader(_("Lessons"), anchor=False)
        case_view.lessons(case)
        case_view.facts(case)
        case_view.timeline(case)
        case_view.metrics(case)
        case_view.sources(case)
with tab_slide:
    if case is None:
        st.info(_("The slide appears once the draft has no errors."), icon=":material/preview:")
    else:
        st.html(SLIDE_ONLY_CSS)
        slide(case)
with tab_file:
    st.code(text, language="yaml", line_numbers=True)

offer = draft_state.offer_browser_copy()
kept_text = draft_keeper(None if offer else ("" if empty else text), offer)
if kept_text and empty:
    restored, _unreadable = from_yaml(kept_text.encode("utf-8"))
    if isinstance(restored, dict):
        draft_state.replace(restored, "browser")
        st.rerun()
