"""One case as a presentation slide, designed at 16:9 and scaled to the window.

The slide is a container sized to the largest 16:9 box that fits the window's width and
its height less the presenter's bar; everything on it is sized in `cqw` (hundredths of
the slide's width), so it looks the same at 1920x1080 and on a 1024x768 projector, and
nothing scrolls. The slide is always dark text on white, the highest contrast for a
washed-out projector, whichever theme the app is in.
"""

from __future__ import annotations

import streamlit as st

from atlas.localized import case_text
from atlas.qr import public_url
from atlas.schema import Case
from atlas.slide_html import (
    INK,
    MUTED,
    QR_TITLE_ROOM,
    SLIDE_BODY_CSS,
    SLIDE_QR_CSS,
    shorten,
    slide_body_html,
    slide_qr_caption_html,
    slide_qr_html,
    slide_qr_url,
)
from atlas.text_safety import md_escape
from components.case_card import mode_badge, outcome_badge
from ui.i18n import _, current_language

SUMMARY_CHARS = 240
BAR_REM = 10.5  # the window's height kept for the caption above and the bar below

# Presenter mode: no sidebar or app chrome; the slide scales with the window.
CHROME_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stToolbarActions"],
[data-testid="stAppDeployButton"], [data-testid="stMainMenu"],
[data-testid="stHeader"], [data-testid="stElementToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1rem 1.5rem 0.5rem; max-width: 100%; }
.st-key-speaker-notes p { font-size: 1.3rem; }
"""
# The slide itself, wherever it is drawn (Present, or a draft's preview).
SLIDE_CSS = f"""
.st-key-slide {{ container-type: inline-size; box-sizing: border-box; margin: 0 auto;
  width: min(100%, calc((100vh - {BAR_REM}rem) * 16 / 9)); aspect-ratio: 16 / 9;
  background: #ffffff; color: {INK}; border: 1px solid #c9d0d9; border-radius: .6cqw;
  padding: 2cqw 3cqw 1.4cqw; gap: .9cqw !important; overflow: hidden; position: relative; }}
.st-key-slide [data-testid="stVerticalBlock"] {{ gap: .9cqw; }}
.st-key-slide h1 {{ font-size: 3.5cqw !important; line-height: 1.12; padding: 0 0 .3cqw !important;
  color: {INK}; }}
.st-key-slide:has(.atlas-slide-qr) h1, .st-key-slide:has(.atlas-slide-qr) .st-key-slide-badges {{
  padding-right: {QR_TITLE_ROOM}cqw !important; }}
.st-key-slide .st-key-slide-badges {{ gap: .8cqw; }}
.st-key-slide .st-key-slide-badges span, .st-key-slide .st-key-slide-badges p {{
  font-size: 1.4cqw !important; }}
.st-key-slide .st-key-slide-summary p {{ font-size: 1.95cqw; line-height: 1.35; margin: 0;
  color: {INK}; }}
  .st-key-slide .st-key-slide-sources {{ margin-top: auto; }}
.st-key-slide .st-key-slide-sources p {{ font-size: 1.25cqw; line-height: 1.3; margin: 0;
  color: {MUTED}; }}
{SLIDE_BODY_CSS}
{SLIDE_QR_CSS}
"""
PRESENTER_CSS = f"<style>{CHROME_CSS}{SLIDE_CSS}</style>"
SLIDE_ONLY_CSS = f"<style>{SLIDE_CSS}</style>"


def slide(case: Case) -> None:
    lang = current_language()
    text = case_text(case, lang)
    with st.container(key="slide"):
        st.title(md_escape(text.title), anchor=False)
        url = slide_qr_url(case, lang, public_url())
        if url:  # the app's public address is set: the case's page, for phones in the room
            with st.container(key="slide-qr"):
                st.html(slide_qr_html(url, lang))
        with st.container(horizontal=True, gap="small", key="slide-badges"):
            outcome_badge(case.outcome.status.value)
            mode_badge(case.mode.value)
            if url:
                st.html(slide_qr_caption_html(url, lang))
        summary, _cut = shorten(text.summary, SUMMARY_CHARS)
        with st.container(key="slide-summary"):
            st.markdown(md_escape(summary))
        st.html(slide_body_html(case, text, lang))
        refs = "; ".join(f"[{n}] {s.publisher} ({s.date})" for n, s in enumerate(case.sources, 1))
        refs, _cut = shorten(refs, 260)
        note = _("Sources: {sources}").format(sources=md_escape(refs))
        with st.container(key="slide-sources"):  # not a caption: captions are faded
            st.markdown(note if refs else _("Illustrative example."))
