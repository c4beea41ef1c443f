"""Data health: every problem in the case files, with where and how to fix it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.loader import shown_file, shown_folder
from atlas.text_safety import md_escape
from ui.i18n import _
from ui.library_access import current_library

library = current_library()[0]

st.title(_("Data health"))
st.caption(
    _("Case folder: {folder} · {n} files read").format(
        folder=md_escape(shown_folder(library.folder)), n=library.files_read
    )
)

loaded, failed, problems = len(library.cases), len(library.failed_files), len(library.problems)
c1, c2, c3 = st.columns(3)
c1.metric(_("Cases loaded"), loaded)
c2.metric(_("Files not loaded"), failed)
c3.metric(_("Problems"), problems)

if not problems:
    st.success(_("Every case file is valid."), icon=":material/check_circle:")
else:
    st.write(
        _(
            "Files with an **error** are left out of the app until fixed; cases with a "
            "**warning** are shown but need attention. Run `atlas validate` to see the same "
            "list. The messages themselves are in English, as `atlas validate` prints them."
        )
    )
    frame = pd.DataFrame([p.as_dict() for p in library.problems])
    frame["file"] = [shown_file(f, library.folder) for f in frame["file"]]
    for path, group in frame.groupby("file", sort=True):
        severe = (group["severity"] == "error").any()
        with st.container(border=True):
            icon = ":material/error:" if severe else ":material/warning:"
            status = _("not loaded") if severe else _("loaded, with warnings")
            st.markdown(f"{icon} **{md_escape(path)}** · {status}")
            # Messages quote what the file says, so they are escaped, never formatted.
            for row in group.itertuples():
                fix = f"  \n:material/lightbulb: {md_escape(row.hint)}" if row.hint else ""
                where = _("Line {n}").format(n=row.line)
                st.markdown(f"{where} · **{md_escape(row.field)}** · {md_escape(row.message)}{fix}")
    st.download_button(
        _("Download the list (CSV)"),
        frame.to_csv(index=False),
        file_name="atlas-problems.csv",
        mime="text/csv",
        icon=":material/download:",
    )
