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

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from atlas.facets import VOCABULARIES
from atlas.i18n import N_, Translate
from atlas.schema import Case
from atlas.vocabulary import ConnectionType, Idea, Industry, Mode, Outcome, Stage, Term, Thinking

ANSWERS_PARAM = "a"
INDUSTRY_PARAM = "sector"
INDUSTRY_BONUS = 0.15
TIE_MARGIN = 0.05
MIN_NEAREST, MAX_NEAREST = 3, 5
MAX_QUESTION_STEPS = 3
X, Y = "x", "y"
X_TITLE = N_("Informatization → Digitalization")
Y_TITLE = N_("+Internet → Internet+")

Answers = tuple[int | None, ...]


def says(term: Term, _: Translate = str) -> str:
    """A framework term in its own words: "label: definition"."""
    return _("{label}: {definition}").format(label=_(term.label), definition=_(term.definition))


@dataclass(frozen=True)
class Question:
    """One question; its text and options are English, marked for translation."""

    key: str
    text: str
    explains: tuple[Term, ...]  # the framework terms its help quotes
    options: tuple[str, ...]
    axes: tuple[str, ...]  # X, Y or both
    term_field: str  # the framework term behind the question: a case field ...
    term: str  # ... and the vocabulary value in it, e.g. ("ideas", "connection_redesign")
    step_title: str | None = None  # the next step's title, when not the term's label
    note: str | None = None  # a sentence after the quoted terms

    def score(self, option: int) -> float:
        return option / (len(self.options) - 1)

    def help(self, _: Translate = str) -> str:
        """The terms behind the question, composed from their translated parts."""
        quoted = "  \n".join(says(term, _) for term in self.explains)
        if not self.note:
            return quoted
        return _("{quoted} {note}").format(quoted=quoted, note=_(self.note))  # no space in zh

    @property
    def _term(self) -> Term:
        return VOCABULARIES[self.term_field](self.term)

    def term_label(self, _: Translate = str) -> str:
        return _(self.step_title or self._term.label)

    def term_definition(self, _: Translate = str) -> str:
        return says(self._term, _) if self.step_title else _(self._term.definition)


QUESTIONS: tuple[Question, ...] = (
    Question(
        "role",
        N_("What is the internet to your organisation?"),
        (Mode.PLUS_INTERNET, Mode.INTERNET_PLUS),
        (
            N_("A shop window: a website or an online listing"),
            N_("A tool that makes the work we already do faster or cheaper"),
            N_("A channel that reaches people we could not reach before"),
            N_("The way we rethink who we connect and how we earn money"),
        ),
        (Y,),
        "mode",
        Mode.INTERNET_PLUS.value,
    ),
    Question(
        "connected",
        N_("Who is newly connected because of your digital efforts?"),
        (Idea.CONNECTION_REDESIGN,),
        (
            N_("No one new: the same customers, through another channel"),
            N_("Our own people and processes, with each other"),
            N_("Our customers, with us directly"),
            N_("Several groups with each other: customers, partners, suppliers or devices"),
        ),
        (Y,),
        "ideas",
        Idea.CONNECTION_REDESIGN.value,
    ),
    Question(
        "relationship",
        N_("Customer or user thinking: how long does a relationship with a buyer last?"),
        (Thinking.CUSTOMER, Thinking.USER),
        (
            N_("It ends at the till: one-off sales"),
            N_("Buyers come back now and then; we rarely hear from them in between"),
            N_("We keep in touch through accounts or memberships"),
            N_("A lasting, frequent connection that we earn from over time"),
        ),
        (X, Y),
        "thinking",
        Thinking.USER.value,
    ),
    Question(
        "data",
        N_("How are decisions made?"),
        (Stage.DIGITALIZATION,),
        (
            N_("By experience and judgement"),
            N_("With reports put together by hand"),
            N_("From data we collect and analyse routinely"),
            N_("Data steers daily work: pricing, matching, planning or forecasts"),
        ),
        (X,),
        "technologies",
        "big_data",
        step_title=N_("Decisions from data"),
        note=N_("Decisions taken from data are one sign of it."),
    ),
    Question(
        "business_model",
        N_("Is the way you earn money changing?"),
        (Stage.DIGITALIZATION, Idea.SIMPLE_PRODUCT_COMPLEX_MODEL),
        (
            N_("No: the same products at the same prices, some now sold online"),
            N_("A little: online sales sit beside the old ones"),
            N_("Partly: services, subscriptions or platform fees earn part of our revenue"),
            N_("Yes: we are rebuilding how we earn money around connections and data"),
        ),
        (X, Y),
        "ideas",
        Idea.SIMPLE_PRODUCT_COMPLEX_MODEL.value,
    ),
    Question(
        "sales",
        N_("How do you sell?"),
        (Idea.USER_THINKING, ConnectionType.PRODUCER_CONSUMER),
        (
            N_("In person or by phone, as we always have"),
            N_("Also online, with orders handled as before (e.g. through a delivery platform)"),
            N_("Online first, knowing each buyer and what they bought"),
            N_("Directly to end users, with the old middlemen gone or changed"),
        ),
        (X,),
        "connection_types",
        ConnectionType.PRODUCER_CONSUMER.value,
    ),
    Question(
        "management",
        N_("How is your organisation managed?"),
        (ConnectionType.ENTERPRISE_EMPLOYEE,),
        (
            N_("On paper, in meetings and by phone"),
            N_("With office software and e-mail; the way we manage is unchanged"),
            N_("Our people and processes are linked on shared digital platforms"),
            N_("Plans, approvals and performance run on live data"),
        ),
        (X,),
        "connection_types",
        ConnectionType.ENTERPRISE_EMPLOYEE.value,
    ),
    Question(
        "after_sale",
        N_("Do your products stay connected after the sale?"),
        (Idea.HARDWARE_AS_SERVICE,),
        (
            N_("No: the connection ends when the product leaves us"),
            N_("We offer support and a warranty by phone or online"),
            N_("Products in use send us data that we act on"),
            N_("Products get updates, services or subscriptions from us throughout their life"),
        ),
        (X, Y),
        "ideas",
        Idea.HARDWARE_AS_SERVICE.value,
        note=N_("For a service: do customers keep using it through you?"),
    ),
    Question(
        "online_work",
        N_("Is work merely moved online, or did moving online change it?"),
        (Idea.INFORMATIZATION_TO_DIGITALIZATION,),
        (
            N_("Little of our work is online yet"),
            N_("Forms, files and orders moved online; the work itself stayed the same"),
            N_("Some processes were redesigned as they moved online"),
            N_("We changed what we do, not only where we do it"),
        ),
        (X,),
        "ideas",
        Idea.INFORMATIZATION_TO_DIGITALIZATION.value,
    ),
    Question(
        "partners",
        N_("How are you linked with suppliers and partners?"),
        (ConnectionType.ENTERPRISE_SUPPLY_CHAIN, Idea.PLATFORM_ECOSYSTEM),
        (
            N_("By phone, e-mail and paperwork"),
            N_("Through our own systems, one partner at a time"),
            N_("Suppliers, plants, logistics and dealers share data with us"),
            N_("Others build their services on our platform"),
        ),
        (X, Y),
        "connection_types",
        ConnectionType.ENTERPRISE_SUPPLY_CHAIN.value,
    ),
)
NO_ANSWERS: Answers = (None,) * len(QUESTIONS)


# --- the organisation's point -----------------------------------------------------------


def axis_score(answers: Answers, axis: str) -> float | None:
    """The mean score of the answered questions on `axis`, or None if none is answered."""
    scores = [
        q.score(a)
        for q, a in zip(QUESTIONS, answers, strict=True)
        if a is not None and axis in q.axes
    ]
    return sum(scores) / len(scores) if scores else None


def organisation_point(answers: Answers) -> tuple[float, float] | None:
    x, y = axis_score(answers, X), axis_score(answers, Y)
    return None if x is None or y is None else (x, y)


# --- a case's point ---------------------------------------------------------------------

X_IDEAS = frozenset({Idea.INFORMATIZATION_TO_DIGITALIZATION, Idea.HARDWARE_AS_SERVICE})
X_CONNECTIONS = frozenset(
    {
        ConnectionType.DEVICE_CLOUD,
        ConnectionType.ENTERPRISE_SUPPLY_CHAIN,
        ConnectionType.ENTERPRISE_EMPLOYEE,
    }
)
DATA_TECHNOLOGIES = frozenset({"big_data", "ai"})
Y_IDEAS = frozenset(
    {
        Idea.CONNECTION_REDESIGN,
        Idea.USER_THINKING,
        Idea.PLATFORM_ECOSYSTEM,
        Idea.SIMPLE_PRODUCT_COMPLEX_MODEL,
    }
)
X_HALF, X_STEP, X_MAX_MARKERS = 0.5, 0.125, 4
Y_HALF, Y_STEP, Y_MAX_MARKERS = 0.5, 0.1, 5


def x_markers(case: Case) -> int:
    found = len(X_IDEAS.intersection(case.ideas))
    found += len(X_CONNECTIONS.intersection(case.connection_types))
    return found + bool(DATA_TECHNOLOGIES.intersection(t.value for t in case.technologies))


def y_markers(case: Case) -> int:
    found = int(case.thinking is Thinking.USER) + len(Y_IDEAS.intersection(case.ideas))
    return found + int(len(set(case.connection_types)) >= 2)


def place_case(case: Case) -> tuple[float, float]:
    """The case on the map, from its stage, mode, thinking, ideas, connections, technologies."""
    x = X_HALF * (case.stage is Stage.DIGITALIZATION)
    x += X_STEP * min(x_markers(case), X_MAX_MARKERS)
    y = Y_HALF * (case.mode is Mode.INTERNET_PLUS)
    y += Y_STEP * min(y_markers(case), Y_MAX_MARKERS)
    return round(x, 6), round(y, 6)


TERM_FIELDS = ("mode", "stage", "thinking", "ideas", "connection_types", "technologies")


def case_terms(case: Case) -> frozenset[str]:
    """The case's framework fields as "field=value" tags, e.g. "ideas=connection_redesign"."""
    tags = set()
    for field in TERM_FIELDS:
        held = getattr(case, field)
        values = held if isinstance(held, list) else [held]
        tags.update(f"{field}={v}" for v in values)
    return frozenset(tags)


@dataclass(frozen=True)
class CasePoint:
    id: str
    title: str
    industry: str
    outcome: str
    x: float
    y: float
    distance: float | None  # from the organisation, when it is placed
    lessons: tuple[str, ...]
    terms: frozenset[str]  # "field=value" of its framework fields, e.g. "mode=internet_plus"
    title_zh: str | None = None  # the case's own Chinese text, when it has it
    lessons_zh: tuple[str, ...] = ()

    def lesson_zh(self, lesson: str) -> str | None:
        """The Chinese of one of its lessons, when its Chinese lessons match one for one."""
        if len(self.lessons_zh) != len(self.lessons) or lesson not in self.lessons:
            return None
        return self.lessons_zh[self.lessons.index(lesson)]


def case_points(cases: Sequence[Case], org: tuple[float, float] | None) -> list[CasePoint]:
    points = []
    for case in cases:
        x, y = place_case(case)
        distance = None if org is None else round(math.dist(org, (x, y)), 9)
        points.append(
            CasePoint(
                case.id,
                case.title,
                case.industry.value,
                case.outcome.status.value,
                x,
                y,
                distance,
                tuple(case.lessons),
                case_terms(case),
                case.zh.title if case.zh else None,
                tuple(case.zh.lessons or ()) if case.zh else (),
            )
        )
    return points


def nearest_cases(points: Sequence[CasePoint], industry: str | None = None) -> list[CasePoint]:
    """The 3 nearest placed cases, and up to 2 more within TIE_MARGIN of the third."""
    placed = [p for p in points if p.distance is not None]

    def rank(p: CasePoint) -> tuple[float, str]:
        bonus = INDUSTRY_BONUS if industry and p.industry == industry else 0.0
        return round(p.distance - bonus, 9), p.id

    ranked = sorted(placed, key=rank)
    if len(ranked) <= MIN_NEAREST:
        return ranked
    limit = rank(ranked[MIN_NEAREST - 1])[0] + TIE_MARGIN
    extra = [p for p in ranked[MIN_NEAREST:MAX_NEAREST] if rank(p)[0] <= limit]
    return ranked[:MIN_NEAREST] + extra


# --- next steps -------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    title: str  # framework words
    text: str  # framework words
    case_id: str | None = None
    case_title: str | None = None
    lesson: str | None = None  # the case's own words, in English ...
    case_title_zh: str | None = None  # ... and in Chinese, when the case has them
    lesson_zh: str | None = None


_STOP = frozenset(("with", "that", "from", "into", "their", "than", "more"))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4 and w not in _STOP}


def best_lesson(lessons: Sequence[str], framework_words: str) -> str | None:
    """The lesson sharing the most words with the framework text; the earlier on a tie."""
    wanted = _words(framework_words)
    scored = [(-len(wanted & _words(lesson)), i) for i, lesson in enumerate(lessons)]
    return lessons[min(scored)[1]] if scored else None


# A step's framework words (title, text) in the language of a translate function
Words = Callable[[Translate], tuple[str, str]]


def _step(words: Words, case: CasePoint | None, _: Translate) -> Step:
    """The step in `_`'s language; its lesson is chosen by the English words, so it is the
    same lesson in every language."""
    title, text = words(_)
    if case is None:
        return Step(title, text)
    lesson = best_lesson(case.lessons, " ".join(words(str)))
    zh = case.lesson_zh(lesson) if lesson else None
    return Step(title, text, case.id, case.title, lesson, case.title_zh, zh)


def _closest(points: Sequence[CasePoint], ok, used: set[str]) -> CasePoint | None:
    """The nearest case that passes `ok`: unused cases first, then non-failures."""
    found = [p for p in points if p.distance is not None and ok(p)]
    found.sort(key=lambda p: (p.id in used, p.outcome == Outcome.FAILURE, p.distance, p.id))
    return found[0] if found else None


def weaker_axis(point: tuple[float, float]) -> str:
    """X (digitalization) or Y (Internet+); a tie counts as digitalization."""
    return X if point[0] <= point[1] else Y


def weakest_questions(answers: Answers, axis: str) -> list[int]:
    """Indexes of answered questions below their top option, weakest first."""
    low = [
        (axis not in q.axes, q.score(a), i)
        for i, (q, a) in enumerate(zip(QUESTIONS, answers, strict=True))
        if a is not None and q.score(a) < 1
    ]
    return [i for *_, i in sorted(low)][:MAX_QUESTION_STEPS]


FAILURE_CLOSE = N_("A failure close to you")
# The framework idea that moves a case along each axis.
AXIS_TERMS = {
    X: (Stage.DIGITALIZATION, Idea.INFORMATIZATION_TO_DIGITALIZATION),
    Y: (Mode.INTERNET_PLUS, Idea.CONNECTION_REDESIGN),
}


def _axis_step(
    point: tuple[float, float], points: Sequence[CasePoint], _: Translate
) -> Step | None:
    if min(point) >= 1:
        return None  # already at the top of both axes
    axis = weaker_axis(point)
    term, idea = AXIS_TERMS[axis]
    i = 0 if axis == X else 1
    ahead = _closest(
        points, lambda p: (p.x, p.y)[i] > point[i] and f"ideas={idea}" in p.terms, set()
    )

    def words(_: Translate) -> tuple[str, str]:
        title = _("Your weaker axis: {term}").format(term=_(term.label))
        return title, _(term.definition)

    return _step(words, ahead, _)


def next_steps(
    answers: Answers,
    point: tuple[float, float],
    points: Sequence[CasePoint],
    nearest: Sequence[CasePoint],
    _: Translate = str,
) -> list[Step]:
    """Steps in framework words (translated with `_`), each with a case lesson where a case
    fits (see the top)."""
    steps = [s for s in [_axis_step(point, points, _)] if s]
    used = {s.case_id for s in steps if s.case_id}

    def add(words: Words, example: CasePoint | None) -> None:
        steps.append(_step(words, example, _))
        if example:
            used.add(example.id)

    for i in weakest_questions(answers, weaker_axis(point)):
        q = QUESTIONS[i]
        tag = f"{q.term_field}={q.term}"
        example = _closest(points, lambda p, t=tag: t in p.terms, used)
        add(lambda _, q=q: (q.term_label(_), q.term_definition(_)), example)
    if quadrant(point) == (Mode.INTERNET_PLUS, Stage.DIGITALIZATION):
        bubble = Idea.SUBSIDY_AND_BUBBLE
        tag = f"ideas={bubble}"
        example = _closest(points, lambda p: tag in p.terms, used)
        add(lambda _: (_(bubble.label), _(bubble.definition)), example)
    failed = [p for p in nearest if p.outcome == Outcome.FAILURE and p.id not in used]
    if failed:
        add(lambda _: (_(FAILURE_CLOSE), _(Outcome.FAILURE.definition)), failed[0])
    return steps


# --- the whole result -------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    answers: Answers
    industry: str | None
    x: float | None
    y: float | None
    points: tuple[CasePoint, ...]
    nearest: tuple[CasePoint, ...]
    steps: tuple[Step, ...]

    @property
    def answered(self) -> int:
        return sum(a is not None for a in self.answers)

    @property
    def point(self) -> tuple[float, float] | None:
        return None if self.x is None or self.y is None else (self.x, self.y)


def assess(
    answers: Answers, cases: Sequence[Case], industry: str | None = None, _: Translate = str
) -> Result:
    """The organisation's place, the cases' places, the nearest cases and the next steps,
    whose framework words are translated with `_` (English by default)."""
    point = organisation_point(answers)
    points = case_points(cases, point)
    if point is None:
        nearest, steps = [], []
    else:
        nearest = nearest_cases(points, industry)
        steps = next_steps(answers, point, points, nearest, _)
    x, y = axis_score(answers, X), axis_score(answers, Y)
    return Result(answers, industry, x, y, tuple(points), tuple(nearest), tuple(steps))


def quadrant(point: tuple[float, float]) -> tuple[Mode, Stage]:
    """The framework's words for a point: the mode and the stage of its quarter."""
    mode = Mode.INTERNET_PLUS if point[1] >= 0.5 else Mode.PLUS_INTERNET
    stage = Stage.DIGITALIZATION if point[0] >= 0.5 else Stage.INFORMATIZATION
    return mode, stage


# --- links ------------------------------------------------------------------------------


def encode_answers(answers: Answers) -> str:
    """One digit per question (1 = first option, 0 = no answer), trailing zeros left out."""
    return "".join("0" if a is None else str(a + 1) for a in answers).rstrip("0")


def _last(raw: object) -> str:
    if isinstance(raw, (list, tuple)):
        raw = raw[-1] if raw else ""
    return "" if raw is None else str(raw)


def decode_answers(params: Mapping[str, object], _: Translate = str) -> tuple[Answers, list[str]]:
    """Answers from query parameters, and a notice (translated with `_`) for each part that
    was ignored.

    Never raises: junk gives no answer for the questions it touches.
    """
    raw = _last(params.get(ANSWERS_PARAM, "")).strip()
    notices: list[str] = []
    if len(raw) > len(QUESTIONS):
        notices.append(
            _(
                "The link has {given} answers, but there are {total} questions: "
                "the extra ones were ignored."
            ).format(given=len(raw), total=len(QUESTIONS))
        )
    answers: list[int | None] = []
    for q, char in zip(QUESTIONS, raw.ljust(len(QUESTIONS), "0"), strict=False):
        if char == "0":
            answers.append(None)
        elif char in "123456789" and int(char) <= len(q.options):
            answers.append(int(char) - 1)
        else:
            answers.append(None)
            notices.append(
                _(
                    "Ignored the answer {answer} to question {number}: it has options 1 to {last}."
                ).format(answer=repr(char), number=len(answers), last=len(q.options))
            )
    return tuple(answers), notices


def decode_industry(
    params: Mapping[str, object], _: Translate = str
) -> tuple[str | None, list[str]]:
    """The industry from query parameters (its value or English label), or a notice."""
    raw = _last(params.get(INDUSTRY_PARAM, "")).strip()
    if not raw:
        return None, []
    for term in Industry:
        if raw.casefold() in (term.value, term.label.casefold()):
            return term.value, []
    notice = _("Ignored the industry {industry}: not a known industry.")
    return None, [notice.format(industry=repr(raw[:40]))]


def to_query(answers: Answers, industry: str | None = None) -> dict[str, str]:
    """The query parameters of a result; empty parts are left out."""
    query = {ANSWERS_PARAM: encode_answers(answers)}
    if industry:
        query[INDUSTRY_PARAM] = industry
    return {k: v for k, v in query.items() if v}


# --- Markdown export --------------------------------------------------------------------


def _inert(text: str) -> str:
    """Case text on one line with no HTML: a stray newline could start a heading."""
    return " ".join(str(text).split()).replace("<", "&lt;")


def _position_lines(result: Result) -> list[str]:
    point = result.point
    if point is None:
        return ["Not placed yet: answer at least one question on each axis.", ""]
    mode, stage = quadrant(point)
    return [
        f"- {X_TITLE}: {point[0]:.2f}",
        f"- {Y_TITLE}: {point[1]:.2f}",
        f"- Quarter of the map: {mode.label} · {stage.label}",
        "",
        f"{mode.label}: {mode.definition} {stage.label}: {stage.definition}",
        "",
    ]


def _answer_lines(result: Result) -> list[str]:
    lines = []
    for n, (q, a) in enumerate(zip(QUESTIONS, result.answers, strict=True), start=1):
        lines.append(f"{n}. {q.text} — {'(not answered)' if a is None else q.options[a]}")
    return [*lines, ""]


def _nearest_lines(result: Result) -> list[str]:
    lines = []
    for p in result.nearest:
        facts = f"{Outcome.label_of(p.outcome)} · {Industry.label_of(p.industry)}"
        lines += [f"### {_inert(p.title)}", "", f"*{facts} · distance {p.distance:.2f}*", ""]
        lines += [*(f"- {_inert(lesson)}" for lesson in p.lessons), ""]
    return lines


def _step_lines(result: Result) -> list[str]:
    lines = []
    for n, s in enumerate(result.steps, start=1):
        lines.append(f"{n}. **{s.title}.** {s.text}")
        if s.case_title and s.lesson:
            lines.append(f"   From *{_inert(s.case_title)}*: “{_inert(s.lesson)}”")
    return [*lines, ""]


def to_markdown(result: Result, link: str | None = None) -> str:
    """The result as a Markdown document to keep or send: nothing of it stays on the server.

    In English, like the app's other exports: pass a result assessed without a translate
    function, or its steps come out in the interface's language amid English text.
    """
    intro = (
        f"A self-assessment with Transformation Atlas: {result.answered} of "
        f"{len(QUESTIONS)} questions answered."
    )
    if result.industry:
        intro += f" Preferred industry: {Industry.label_of(result.industry)}."
    lines = ["# Where do we stand?", "", intro, ""]
    if link:
        lines += [f"Link to this result: <{link.replace('>', '%3E')}>", ""]
    lines += ["## Position", "", *_position_lines(result)]
    lines += ["## Answers", "", *_answer_lines(result)]
    if result.nearest:
        lines += ["## Nearest cases", "", *_nearest_lines(result)]
    if result.steps:
        lines += ["## Next steps", "", *_step_lines(result)]
    lines += ["## How the map is scored", "", *(f"- {s}" for s in SCORING_SUMMARY)]
    return "\n".join(lines).rstrip("\n") + "\n"


SCORING_SUMMARY = (
    "Each answer scores 0 (first option) to 1 (last option) on the axes its question is "
    "about; your position is the mean per axis.",
    "A case's stage and mode decide its half of each axis; markers in its ideas, "
    "connections, thinking and technologies place it within that half.",
    "Nearest cases are by straight-line distance on the map; next steps quote only the "
    "framework and the cases' own lessons.",
)
