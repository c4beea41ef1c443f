"""Reading one URL parameter's text: a value the app can use, or a notice saying why not.

Pure functions, translated with `_`; the UI's URL state (ui/params.py) binds them to
session state. Nothing here raises: text from a link is never trusted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from atlas.i18n import Translate

Parsed = tuple[Any, str | None]  # (value, notice)
Parser = Callable[[str, Translate], Parsed]

SHOWN = 30  # characters of a bad value quoted back


def quoted(raw: str) -> str:
    text = str(raw).strip()
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


def choice(param: str, options: Collection[str], default: str) -> Parser:
    """One of a few words, e.g. view=cards|table."""

    def parse(raw: str, _: Translate) -> Parsed:
        value = raw.strip().lower()
        if value in options:
            return value, None
        notice = _("Ignored {param}={value}: use one of {options}.").format(
            param=param, value=quoted(raw), options=", ".join(options)
        )
        return default, notice

    return parse


def positive_int(param: str, default: int = 1, limit: int = 100_000) -> Parser:
    """A whole number from 1, e.g. p=3 or slide=12."""

    def parse(raw: str, _: Translate) -> Parsed:
        text = raw.strip()
        if text.isascii() and text.isdigit() and len(text) <= 9 and 1 <= int(text) <= limit:
            return int(text), None
        notice = _("Ignored {param}={value}: not a number from 1.").format(
            param=param, value=quoted(raw)
        )
        return default, notice

    return parse


def known_id(param: str, known: Callable[[], Collection[str]], what: str) -> Parser:
    """The id of something the library has, e.g. case=uber-taxi."""

    def parse(raw: str, _: Translate) -> Parsed:
        value = raw.strip()
        if value in known():
            return value, None
        return None, _("Ignored {param}={value}: no {what} has that id.").format(
            param=param, value=quoted(raw), what=_(what)
        )

    return parse


def id_list(
    param: str, known: Callable[[], Collection[str]], most: int | None = None
) -> Callable[[str, Translate], tuple[tuple[str, ...], list[str]]]:
    """Comma-separated ids in order, without repeats: compare=a,b or ids=a,b,c."""

    def parse(raw: str, _: Translate) -> tuple[tuple[str, ...], list[str]]:
        ids: list[str] = []
        bad: list[str] = []
        extra: list[str] = []
        universe = known()
        for part in raw.split(","):
            item = part.strip()
            if not item or item in ids:
                continue
            if item not in universe:
                bad.append(item)
            elif most is not None and len(ids) >= most:
                extra.append(item)
            else:
                ids.append(item)
        notices = []
        if bad:
            listed = ", ".join(quoted(b) for b in bad[:5]) + (" …" if len(bad) > 5 else "")
            notices.append(
                _("Ignored {param}: no case has the id {ids}.").format(param=param, ids=listed)
            )
        if extra:
            notices.append(
                _("{param} takes at most {n} cases; ignored {ids}.").format(
                    param=param, n=most, ids=", ".join(quoted(e) for e in extra[:5])
                )
            )
        return tuple(ids), notices

    return parse


def flag(param: str, default: bool) -> Parser:
    """1/0, on/off, true/false, yes/no."""
    words = {"1": True, "on": True, "true": True, "yes": True}
    words |= {"0": False, "off": False, "false": False, "no": False}

    def parse(raw: str, _: Translate) -> Parsed:
        value = words.get(raw.strip().lower())
        if value is not None:
            return value, None
        notice = _("Ignored {param}={value}: use 1 or 0.").format(param=param, value=quoted(raw))
        return default, notice

    return parse


def last(part: Mapping[str, list[str]], param: str) -> str | None:
    """The value a link gives a single-valued parameter (the last, if repeated)."""
    values = part.get(param) or []
    return values[-1] if values else None


TOKEN = re.compile(r"^[a-z0-9]{6,32}$")


def token(param: str) -> Parser:
    """A short lower-case letters-and-digits id, e.g. room=k3x9q2ab; None when unusable."""

    def parse(raw: str, _: Translate) -> Parsed:
        value = raw.strip().lower()
        if TOKEN.match(value):
            return value, None
        notice = _("Ignored {param}={value}: not an id of 6 to 32 letters and digits.").format(
            param=param, value=quoted(raw)
        )
        return None, notice

    return parse
