"""A tour as a link: its title, description, stops and talking points in one URL value.

`encode_tour` writes "1." and then the tour as compact JSON, compressed with zlib and
written in URL-safe base64 without padding, so it needs no escaping in a query string
(`/present?tour=1.eJy...`). The "1." names the format, so a later one can be told apart.
A 10-stop tour whose talking points are the cases' summaries takes about 1,600
characters, the longest tour the Tours page builds (60 stops, the summaries in Chinese)
about 9,300; a value longer than `MAX_CODE_CHARS` (16,000) is refused, and such a tour
is presented from the session and shared as a tour file instead.

`decode_tour` reads a value from a link, which is never trusted: anything it cannot use
gives None and a notice, never an exception; stops whose case the library does not have
are left out and named; what is left is checked by the same model as a tour file
(atlas/schema.py), so a tour from a link can be downloaded as a tour file unchanged.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Collection
from typing import Any

from pydantic import ValidationError

from atlas.i18n import Translate
from atlas.schema import Tour
from atlas.schema_fields import tidy_id
from atlas.url_params import quoted

VERSION = "1."
PARAM = "tour"
MAX_CODE_CHARS = 16_000  # characters of the link's value; browsers and Tornado take 64 KB
MAX_JSON_BYTES = 200_000  # what the value may unpack to (a 60-stop tour with Chinese text)


def _plain(message: str) -> str:
    return message


def _compact(tour: Tour) -> dict[str, Any]:
    """Short keys, and the id only when it is not the one the title gives."""
    data: dict[str, Any] = {
        "t": tour.title,
        "d": tour.description,
        "s": [[s.case, s.talking_point] for s in tour.stops],
    }
    if tour.id != _id_for(tour.title):
        data["i"] = tour.id
    if tour.zh is not None:
        data["z"] = tour.zh.model_dump(mode="json", exclude_none=True)
    return data


def _id_for(title: str) -> str:
    return tidy_id(title)[:80].strip("-") or "my-tour"


def encode_tour(tour: Tour) -> str:
    """The tour as a link's value: "1." + base64url(zlib(JSON))."""
    text = json.dumps(_compact(tour), ensure_ascii=False, separators=(",", ":"))
    packed = zlib.compress(text.encode("utf-8"), 9)
    return VERSION + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def fits_in_link(code: str) -> bool:
    return len(code) <= MAX_CODE_CHARS


def _unpack(text: str) -> Any:
    """The JSON a value holds; ValueError when it is not one of ours."""
    body = text[len(VERSION) :]
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64") from exc
    unzip = zlib.decompressobj()
    try:
        raw = unzip.decompress(packed, MAX_JSON_BYTES)
    except zlib.error as exc:
        raise ValueError("not zlib") from exc
    if unzip.unconsumed_tail or not unzip.eof:
        raise ValueError("cut short or too large")
    return json.loads(raw.decode("utf-8"))  # UnicodeDecodeError and JSONDecodeError are ValueErrors


def decode_tour(
    text: str, known_case_ids: Collection[str], _: Translate = _plain
) -> tuple[Tour | None, list[str]]:
    """The tour a link's value stands for, or None; and a notice for what could not be used."""
    text = str(text).strip()
    not_a_tour = _("Ignored {param}={value}: not a tour link (was it cut short when copied?).")
    if len(text) > MAX_CODE_CHARS:
        notice = _("Ignored {param}: the tour link is longer than {max} characters.")
        return None, [notice.format(param=PARAM, max=MAX_CODE_CHARS)]
    if not text.startswith(VERSION):
        return None, [not_a_tour.format(param=PARAM, value=quoted(text))]
    try:
        data = _unpack(text)
    except (ValueError, RecursionError):
        return None, [not_a_tour.format(param=PARAM, value=quoted(text))]
    if not isinstance(data, dict) or not isinstance(data.get("s"), list):
        return None, [not_a_tour.format(param=PARAM, value=quoted(text))]

    stops, points_zh, unknown = [], [], []
    zh = data.get("z") if isinstance(data.get("z"), dict) else None
    zh_points = zh.get("talking_points") if zh else None
    for i, stop in enumerate(data["s"]):
        if not (isinstance(stop, list) and len(stop) == 2):
            return None, [not_a_tour.format(param=PARAM, value=quoted(text))]
        case, point = stop
        if isinstance(case, str) and case in known_case_ids:
            stops.append({"case": case, "talking_point": point})
            if isinstance(zh_points, list) and i < len(zh_points):
                points_zh.append(zh_points[i])
        else:
            unknown.append(str(case))
    notices = []
    if unknown:
        listed = ", ".join(quoted(u) for u in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        notices.append(
            _("The tour link's stops for {ids} are left out: no case has that id.").format(
                ids=listed
            )
        )
    if not stops:
        return None, [
            *notices,
            _("Ignored {param}: the tour has no stops left.").format(param=PARAM),
        ]
    doc: dict[str, Any] = {
        "id": data.get("i") or _id_for(str(data.get("t") or "")),
        "title": data.get("t"),
        "description": data.get("d"),
        "stops": stops,
    }
    if zh is not None:
        doc["zh"] = {**zh, "talking_points": points_zh} if zh_points is not None else zh
    try:
        return Tour.model_validate(doc), notices
    except (ValidationError, TypeError, ValueError):
        return None, [*notices, not_a_tour.format(param=PARAM, value=quoted(text))]
