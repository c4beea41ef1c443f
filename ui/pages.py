"""The pages registry: every page's file, title, icon, address and the URL parameters it owns.

The one place that knows them: the frame builds the navigation from it, links and
buttons name a page by its key, and the URL state keeps on each page exactly the shared
parameters (the selection, the language) and the ones that page owns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from atlas.i18n import N_

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # translated where it is shown
    icon: str
    section: str
    params: tuple[str, ...] = ()  # URL parameters this page owns
    filters: bool = False  # shows the shared filter panel in the sidebar
    default: bool = False  # served at "/"

    @property
    def file(self) -> str:
        """The page's script, relative to the project (what st.Page and st.switch_page take)."""
        return f"app_pages/{self.key}.py"

    @property
    def url_path(self) -> str:
        return "" if self.default else self.key.replace("_", "-")


LIBRARY, PRESENT, LEARN, ABOUT = N_("Library"), N_("Present"), N_("Learn"), N_("About the data")

PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "overview", N_("Overview"), ":material/insights:", LIBRARY, filters=True, default=True
    ),
    PageSpec(
        "explore",
        N_("Explore"),
        ":material/view_module:",
        LIBRARY,
        params=("view", "sort", "p"),
        filters=True,
    ),
    PageSpec("case", N_("Case"), ":material/article:", LIBRARY, params=("case",), filters=True),
    PageSpec("compare", N_("Compare"), ":material/compare_arrows:", LIBRARY, params=("compare",)),
    PageSpec("tours", N_("Tours"), ":material/tour:", PRESENT),
    PageSpec(
        "present",
        N_("Present"),
        ":material/slideshow:",
        PRESENT,
        params=("present", "tour", "slide", "notes", "room", "speaker"),
    ),
    PageSpec("concepts", N_("Concepts"), ":material/lightbulb:", LEARN),
    PageSpec(
        "assessment",
        N_("Where do we stand?"),
        ":material/explore:",
        LEARN,
        params=("a", "sector"),
    ),
    PageSpec("data_health", N_("Data health"), ":material/health_and_safety:", ABOUT),
    PageSpec("draft", N_("Draft a case"), ":material/edit_note:", ABOUT),
)
SECTIONS = (LIBRARY, PRESENT, LEARN, ABOUT)
BY_KEY = {p.key: p for p in PAGES}
BY_URL_PATH = {p.url_path: p for p in PAGES}
DEFAULT = next(p for p in PAGES if p.default)


def page(key: str) -> PageSpec:
    return BY_KEY[key]


def path(key: str) -> str:
    """The page's script path, for st.switch_page and st.page_link."""
    return BY_KEY[key].file


def owner_of(params: Iterable[str]) -> PageSpec | None:
    """The page a link's parameters belong to, for a link that names no page
    (`/?case=uber-taxi` opens the case); None when they belong to no single page."""
    owners = {p.key for name in params for p in PAGES if name in p.params}
    return BY_KEY[owners.pop()] if len(owners) == 1 else None


def all_page_params() -> frozenset[str]:
    return frozenset(name for p in PAGES for name in p.params)
