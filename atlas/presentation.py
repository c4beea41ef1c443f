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


@dataclass(frozen=True)
class Show:
    title: str
    subtitle: str  # the tour's description, or the selection in words
    stops: tuple[Stop, ...]
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
    """The cases in order; each note is the case's lessons, in the language `lang`."""
    stops = tuple(Stop(c, " ".join(case_text(c, lang).lessons)) for c in cases)
    return Show(APP_NAME, sentence, stops, SELECTION, lang)


def show_from_compare(cases: Sequence[Case], lang: str = "en") -> Show:
    """Two to four cases compared: the deck opens with them side by side, field by field."""
    _ = translator(lang)
    titles = " · ".join(case_text(c, lang).title for c in cases)
    stops = tuple(Stop(c, " ".join(case_text(c, lang).lessons)) for c in cases)
    return Show(_("Comparison"), titles, stops, COMPARE, lang)


def listed_slides(number: int, total: int) -> range:
    """The slide numbers the Slides menu lists: all of them, or LISTED_SLIDES in a row with
    `number` as near their middle as the ends allow (a show of the whole of a large library
    would otherwise draw a button for each of thousands of slides)."""
    size = min(LISTED_SLIDES, total)
    first = max(1, min(number - size // 2, total - size + 1))
    return range(first, first + size)
