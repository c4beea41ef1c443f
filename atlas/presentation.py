"""What a presentation shows: an ordered list of cases with notes, and what they are.

Presenter mode, the deck and the handout all play a `Show`, built from a tour or from a
selection, so the room sees the same slides in the app and in the .pptx. A show knows
its kind (a tour or a selection), its title and its subtitle (the tour's description or
the selection in words) apart, so nothing downstream parses a caption; its texts are in
the show's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from atlas.case_store import same_items
from atlas.i18n import translator
from atlas.localized import case_text, tour_text
from atlas.schema import Case, Tour

APP_NAME = "Transformation Atlas"
TOUR, SELECTION, COMPARE = "tour", "selection", "compare"
LISTED_SLIDES = 100  # the Slides menu lists this many at most, around the current slide


@dataclass(frozen=True)
class Stop:
    case: Case
    note: str  # the talking point, or the case's lessons for a plain selection


class Stops(Sequence[Stop]):
    """A selection's stops, each made when it is asked for: presenting a selection of
    10,000 cases builds the slides shown, not every case (atlas/case_store.py)."""

    __slots__ = ("_cases", "_lang")

    def __init__(self, cases: Sequence[Case], lang: str) -> None:
        self._cases, self._lang = cases, lang

    def _stop(self, case: Case) -> Stop:
        return Stop(case, " ".join(case_text(case, self._lang).lessons))

    def __len__(self) -> int:
        return len(self._cases)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(map(self._stop, self._cases[i]))
        return self._stop(self._cases[i])

    def __iter__(self):
        return map(self._stop, self._cases)

    def __eq__(self, other: object) -> bool:
        return same_items(self, other)

    __hash__ = None


@dataclass(frozen=True)
class Show:
    title: str
    subtitle: str  # the tour's description, or the selection in words
    stops: Sequence[Stop]  # a tuple, or Stops for a selection
    kind: str = SELECTION  # TOUR, SELECTION or COMPARE (a deck opens with the comparison)
    lang: str = "en"
    tour_id: str | None = None

    def __len__(self) -> int:
        return len(self.stops)

    @property
    def is_tour(self) -> bool:
        return self.kind == TOUR

    @property
    def caption(self) -> str:
        """What is shown, in one line: 'Tour: title: description', or the selection."""
        if not self.is_tour:
            return self.subtitle
        _ = translator(self.lang)
        return _("Tour: {title}: {description}").format(title=self.title, description=self.subtitle)


def show_from_tour(tour: Tour, cases_by_id: dict[str, Case], lang: str = "en") -> Show:
    """A tour's stops whose cases exist, in the tour's order, in the language `lang`."""
    text = tour_text(tour, lang)
    stops = tuple(
        Stop(cases_by_id[s.case], point)
        for s, point in zip(tour.stops, text.talking_points, strict=True)
        if s.case in cases_by_id
    )
    return Show(text.title, text.description, stops, TOUR, lang, tour.id)


def show_from_selection(cases: Sequence[Case], sentence: str, lang: str = "en") -> Show:
    """The cases in order; each note is the case's lessons, in the language `lang`.
    A list or tuple of cases gives a tuple of stops; a library's lazy selection, lazy stops."""
    stops = Stops(cases, lang)
    if isinstance(cases, list | tuple):
        stops = tuple(stops)
    return Show(APP_NAME, sentence, stops, SELECTION, lang)


def show_from_compare(cases: Sequence[Case], lang: str = "en") -> Show:
    """Two to four cases compared: the deck opens with them side by side, field by field."""
    _ = translator(lang)
    titles = " · ".join(case_text(c, lang).title for c in cases)
    return Show(_("Comparison"), titles, tuple(Stops(cases, lang)), COMPARE, lang)


def listed_slides(number: int, total: int) -> range:
    """The slide numbers the Slides menu lists: all of them, or LISTED_SLIDES in a row with
    `number` as near their middle as the ends allow (a show of the whole of a large library
    would otherwise draw a button for each of thousands of slides)."""
    size = min(LISTED_SLIDES, total)
    first = max(1, min(number - size // 2, total - size + 1))
    return range(first, first + size)
