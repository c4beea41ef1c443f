"""What a presentation shows: an ordered list of cases with notes, and a caption.

Both presenter mode and the deck export play a `Show`, built from a tour or from the
current selection, so the room sees the same slides in the app and in the .pptx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from atlas.i18n import Translate
from atlas.schema import Case, Tour


@dataclass(frozen=True)
class Stop:
    case: Case
    note: str  # the talking point, or the case's lessons for a plain selection


@dataclass(frozen=True)
class Show:
    title: str
    caption: str  # says what is shown: the tour, or the selection in words
    stops: tuple[Stop, ...]

    def __len__(self) -> int:
        return len(self.stops)


def show_from_tour(tour: Tour, cases_by_id: dict[str, Case], _: Translate = str) -> Show:
    """A tour's stops whose cases exist, in the tour's order."""
    stops = tuple(
        Stop(cases_by_id[s.case], s.talking_point) for s in tour.stops if s.case in cases_by_id
    )
    caption = _("Tour: {title}: {description}").format(
        title=tour.title, description=tour.description
    )
    return Show(tour.title, caption, stops)


def show_from_selection(cases: Sequence[Case], sentence: str) -> Show:
    stops = tuple(Stop(c, " ".join(c.lessons)) for c in cases)
    return Show("Transformation Atlas", sentence, stops)


def slide_number(raw: str | None, count: int) -> tuple[int, str | None]:
    """A 1-based slide number from the URL, clamped; with a notice when it was not usable."""
    if raw is None or count == 0:
        return 1, None
    try:
        number = int(str(raw).strip())
    except ValueError:
        return 1, f"Slide {str(raw)[:20]!r} is not a number; showing the first slide."
    if 1 <= number <= count:
        return number, None
    clamped = min(max(number, 1), count)
    return clamped, f"There is no slide {number}; showing slide {clamped} of {count}."
