""" "Where do we stand?": a self-assessment that places an organisation among the cases.

The map has two axes, each from 0 to 1:

- x, informatization (0) to digitalization (1): is work only moved online, or do data and
  connections change the business, sales and management model?
- y, "+Internet" (0) to "Internet+" (1): is the internet a tool added to an unchanged
  business, or does it redesign who is connected to whom and how money is earned?

Scoring
-------
The organisation. Each of the ten QUESTIONS scores one or both axes. Its options run from
the lowest to the highest: option k of n (counting from 0) scores k / (n - 1) on each axis
the question scores. The organisation's x is the mean x score of the answered questions
that score x, and its y likewise. Unanswered questions count for nothing; until both axes
have at least one answer the organisation is not placed.

A case, from its own fields (deterministic):

- x = 0.5 if its stage is digitalization (else 0), plus 0.125 for each digitalization
  marker, counting at most 4 markers. Markers: the ideas "From informatization to
  digitalization" and "Hardware becomes a service"; the connection types device - cloud,
  enterprise - supply chain and enterprise - employees; decisions from data (the
  technology big data or AI).
- y = 0.5 if its mode is Internet+ (else 0), plus 0.1 for each Internet+ marker, counting
  at most 5 markers. Markers: user thinking; the ideas "Connection is the force", "From
  customers to users", "Platforms and ecosystems" and "Simple product, complex business
  model"; two or more kinds of connection.

So a case's stage and mode decide its half of each axis, and the markers its place there.

Nearest cases: the straight-line distance on the map. If an industry is chosen, a case of
that industry ranks as if it were INDUSTRY_BONUS closer (the distance shown stays the real
one). Ties go to the smaller id. The 3 nearest are named, plus up to 2 more that are within
TIE_MARGIN of the third.

Next steps are only framework words and the cases' own lessons, never new facts:

1. The weaker axis (a tie counts as digitalization; left out at the top of both axes): its
   framework definition, with the nearest case further along that axis that carries the
   idea behind it ("From informatization to digitalization", or "Connection is the force").
2. Up to 3 of the weakest answers (below the top option; answers on the weaker axis first,
   then the lowest score, then question order): the framework term behind the question,
   with the nearest case that carries that term.
3. In the Internet+ and digitalization quarter (both axes at 0.5 or more): "Subsidies,
   bubbles and failures", with the nearest case that carries that idea.
4. If one of the nearest cases failed and is not an example yet: that failure.

An example is the nearest fitting case, preferring cases not used by an earlier step, then
cases that did not fail; ties go to the smaller id. It is quoted by the lesson that shares
the most words with the step's framework words (the earlier lesson on a tie).

Languages: questions, options, notes, axis titles and step words are English, marked with
N_; help texts are composed from the vocabulary's labels and definitions when shown. Pass a
translate function `_` to `Question.help`, `assess` and the decoders to have them in another
language. A step's lesson is chosen by its English words, so it is the same in every
language. The Markdown export stays English.

Links: the answers are the `a` parameter, one digit per question in question order: 1 for
the first option, 2 for the second, ..., 0 for no answer; trailing zeros are left out. The
chosen industry is the `sector` parameter. New questions must be added at the end, so old
links keep their meaning. Nothing is stored on the server.
"""

from __future__ import annotations

from atlas.assessment.links import decode_answers, decode_industry, encode_answers, to_query
from atlas.assessment.questions import (
    ANSWERS_PARAM,
    INDUSTRY_BONUS,
    INDUSTRY_PARAM,
    MAX_NEAREST,
    MIN_NEAREST,
    NO_ANSWERS,
    QUESTIONS,
    TIE_MARGIN,
    X_TITLE,
    Y_TITLE,
    Answers,
    Question,
    X,
    Y,
    says,
)
from atlas.assessment.report import SCORING_SUMMARY, to_markdown
from atlas.assessment.result import Result, assess
from atlas.assessment.scoring import (
    CasePoint,
    axis_score,
    case_points,
    case_terms,
    nearest_cases,
    organisation_point,
    place_case,
    placed_cases,
    quadrant,
    x_markers,
    y_markers,
)
from atlas.assessment.steps import Step, best_lesson, next_steps, weaker_axis, weakest_questions

__all__ = [
    "ANSWERS_PARAM",
    "INDUSTRY_BONUS",
    "INDUSTRY_PARAM",
    "MAX_NEAREST",
    "MIN_NEAREST",
    "NO_ANSWERS",
    "QUESTIONS",
    "SCORING_SUMMARY",
    "TIE_MARGIN",
    "X_TITLE",
    "Y_TITLE",
    "Answers",
    "CasePoint",
    "Question",
    "Result",
    "Step",
    "X",
    "Y",
    "assess",
    "axis_score",
    "best_lesson",
    "case_points",
    "case_terms",
    "decode_answers",
    "decode_industry",
    "encode_answers",
    "nearest_cases",
    "next_steps",
    "organisation_point",
    "place_case",
    "placed_cases",
    "quadrant",
    "says",
    "to_markdown",
    "to_query",
    "weaker_axis",
    "weakest_questions",
    "x_markers",
    "y_markers",
]
