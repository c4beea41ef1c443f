"""The answers in a link: one digit per question in `a`, the industry in `sector`."""

from __future__ import annotations

from collections.abc import Mapping

from atlas.assessment.questions import ANSWERS_PARAM, INDUSTRY_PARAM, QUESTIONS, Answers
from atlas.i18n import Translate
from atlas.vocabulary import Industry

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
