"""Synthetic case libraries for tests and benchmarks, never for readers.

Every case is valid and documented, with realistic lengths (a 100-250 word narrative,
2-4 lessons, 2-6 sources, dated events and figures that cite them), but its
organisation is "Synthetic Org 0042", its title starts "Synthetic:" and its sources live
on example.org, so nobody can mistake it for a real case. Vocabulary values are dealt
from shuffled decks: every value is used, the spread stays even, and facets do not
move in lockstep. The same seed and count always give the same files.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from atlas.facets import FACETS, VOCABULARIES
from atlas.vocabulary import Evidence, Outcome, Region

TITLE_PREFIX = "Synthetic:"
URL_ROOT = "https://example.org/synthetic"
FIRST_YEAR, LAST_YEAR = 1998, 2024  # fixed, so the output never depends on today's date
# Safe unquoted in block and flow context: no ':', '#', ',' or brackets; dates stay dates.
PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.()&'/-]*[A-Za-z0-9.)]|\d{4}(?:-\d\d){0,2}")
NESTED = ("outcome", "connections", "zh")  # written as blocks of their own
RESERVED = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}
HEADER = (
    "# yaml-language-server: $schema=../schema/case.schema.json\n"
    "# Synthetic: written by `atlas synth` for tests and benchmarks; not a real organisation.\n"
)

COUNTRIES = {
    Region.CHINA: ["China"],
    Region.NORTH_AMERICA: ["United States", "Canada"],
    Region.EUROPE: ["Germany", "France", "United Kingdom", "Spain", "Sweden"],
    Region.ASIA_PACIFIC: ["Japan", "India", "Indonesia", "Australia", "South Korea"],
    Region.LATIN_AMERICA: ["Brazil", "Mexico", "Colombia", "Chile"],
    Region.AFRICA: ["Kenya", "Nigeria", "South Africa", "Ghana"],
    Region.MIDDLE_EAST: ["United Arab Emirates", "Saudi Arabia", "Turkey"],
    Region.GLOBAL: ["United States", "China", "Germany", "Brazil", "India"],
}
ACTIONS = [
    "moves its ordering onto a mobile app",
    "links its plants and suppliers on one data platform",
    "turns one-off sales into a membership",
    "connects its machines to its own cloud",
    "sells straight to buyers without middlemen",
    "puts its services online for everyone",
    "builds a platform on a payment connection",
    "tries to buy growth with subsidies",
]
SIDES = [
    "Customer", "Shop counter", "Sales agent", "Supplier", "Dealer", "Driver", "Farmer",
    "Patient", "Clinic", "Student", "Teacher", "Citizen", "Public office", "Factory",
    "Warehouse", "Courier", "Bank branch", "Borrower", "Viewer", "Publisher", "Machine",
]  # fmt: skip
VIAS = [
    "Phone calls", "Paper forms", "A mobile app", "QR codes", "A shared data platform",
    "Sensors and a cloud service", "A chat channel", "An online marketplace", "A call centre",
    "Visits in person", "Email and spreadsheets", "Over-the-air updates",
]  # fmt: skip
PUBLISHERS = [
    "Example Business Review", "Example Daily", "Example Research Group",
    "Example Statistics Office", "Example University Press", "Example Annual Report",
]  # fmt: skip
METRICS = [  # label, unit, largest value
    ("Monthly active users", "million users", 900), ("Revenue", "USD million", 5000),
    ("Share of orders placed online", "%", 100), ("Connected devices", "thousand", 800),
    ("Cost per transaction", "USD", 12), ("Suppliers on the platform", "firms", 3000),
]  # fmt: skip
SENTENCES = [
    "{org} began as a {industry} business in {start}, serving people through {via}.",
    "Before the change, {before} met {before_to} through {via}, and little data was kept.",
    "The first step was modest: {org} added {tech} to the way it already worked.",
    "Managers measured the change by {metric}, a figure the sources report each year.",
    "By {year} the new connection ran through {tech2}, and the old channel was shrinking.",
    "This is a case of {mode}: the question is whether the connection itself changed.",
    "Competitors in {region} watched closely, and several copied the approach within a year.",
    "Staff had to learn new tools, and some of the older processes were kept for a while.",
    "The sources disagree on how much of the growth came from the new channel alone.",
    "Regulators asked questions about data, prices and the rights of the people involved.",
    "Partners such as {partner} joined the platform and brought their own customers along.",
    "The cost of the change was high, and the payback took longer than first planned.",
    "Users came back more often once the service remembered what they had done before.",
    "Outside {region}, the model travelled less well, because habits and rules differed.",
    "The outcome is judged by what the cited sources report, not by the firm's hopes.",
    "A reader should compare it with the documented cases that took the opposite path.",
    "Data from every order now shaped what {org} offered, when and at what price.",
    "Small firms in the chain found the new system useful but sometimes hard to afford.",
    "The managers who led the change left, and the next team set other priorities.",
    "**Connection is the force** here: who is linked to whom decided who gained.",
]
LESSONS = [
    "Owning the connection with the user matters more than adding one more channel.",
    "A tool added to an unchanged business widens reach but rarely changes its economics.",
    "Growth bought with subsidies lasts only as long as the subsidies do.",
    "Data from a lasting connection lets a firm change what it offers and when.",
    "Small partners need the new system to pay for itself before they will join.",
    "Regulators follow a connection once it carries money, health or public services.",
    "Measure the change by what users do again, not by how many signed up once.",
]
OUTCOME_TEXT = {
    Outcome.SUCCESS: "The sources report that the goals were met and the change lasted.",
    Outcome.MIXED: "The sources report some goals met and others missed, at a high cost.",
    Outcome.FAILURE: "The sources report that the effort was abandoned after losses.",
    Outcome.ONGOING: "The sources report early results; it is too soon to judge.",
}


SPREAD = {"technologies": (1, 5), "ideas": (1, 4)}  # how many values a list facet gets


class Deck:
    """Deals every value once per shuffled round: full coverage, an even spread."""

    def __init__(self, rng: random.Random, values: list[str]) -> None:
        self.rng, self.values, self.cards = rng, values, []

    def draw(self) -> str:
        if not self.cards:
            self.cards = self.rng.sample(self.values, len(self.values))
        return self.cards.pop()

    def some(self, low: int, high: int) -> list[str]:
        """One dealt value plus random others: between low and high distinct values."""
        first = self.draw()
        others = [v for v in self.values if v != first]
        return [first, *self.rng.sample(others, self.rng.randint(low, high) - 1)]


def case_id(i: int) -> str:
    return f"synthetic-{i:05d}"


def generate(count: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, YAML text) of `count` synthetic cases, the same for the same seed."""
    rng = random.Random(seed)
    decks = {name: Deck(rng, vocab.values()) for name, vocab in VOCABULARIES.items()}
    for i in range(count):
        yield f"{case_id(i)}.yaml", to_yaml(synth_case(rng, decks, i, count))


def write_library(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write the cases into `folder` (created if needed); return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate(count, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# --- one case -------------------------------------------------------------------------


def synth_case(rng: random.Random, decks: dict[str, Deck], i: int, count: int) -> dict:
    """One case as plain data, fields in the order a hand-written file has them."""
    # One value (or a few) of every facet in the registry, drawn from its shuffled deck.
    picks = {
        f.name: decks[f.name].some(*SPREAD.get(f.name, (1, 3)))
        if f.multi_valued
        else decks[f.name].draw()
        for f in FACETS
    }
    picks["evidence"] = Evidence.DOCUMENTED.value
    region, industry, mode, status = (picks[k] for k in ("region", "industry", "mode", "outcome"))
    start = rng.randint(FIRST_YEAR, LAST_YEAR - 2)
    end = None if status == "ongoing" or rng.random() < 0.4 else rng.randint(start, LAST_YEAR)
    org, partner = f"Synthetic Org {i:04d}", f"Synthetic Partner {rng.randrange(10_000):04d}"
    types, technologies = picks["connection_types"], picks["technologies"]
    sources = _sources(rng, decks, case_id(i), start)
    places = COUNTRIES[Region(region)]
    source_ids = [s["id"] for s in sources]
    industry_words = VOCABULARIES["industry"](industry).label.lower()
    case = {
        "id": case_id(i),
        "title": f"{TITLE_PREFIX} {org} {rng.choice(ACTIONS)}",
        "summary": f"{org}, a synthetic {industry_words} firm, {rng.choice(ACTIONS)}.",
        "evidence": picks["evidence"],
        "organisations": [org, partner][: rng.randint(1, 2)],
        "region": region,
        "countries": rng.sample(places, rng.randint(1, min(2, len(places)))),
        "industry": industry,
        "ownership": picks["ownership"],
        "years": {"start": start} | ({"end": end} if end else {}),
        "mode": mode,
        "thinking": picks["thinking"],
        "stage": picks["stage"],
        "connection_types": types,
        "connections": _connections(rng, types),
        "technologies": technologies,
        "ideas": picks["ideas"],
        "outcome": {
            "status": status,
            "evidence": f"{OUTCOME_TEXT[Outcome(status)]} {org} is synthetic.",
            "sources": rng.sample(source_ids, rng.randint(1, min(3, len(source_ids)))),
        },
    }
    words = {
        "org": org,
        "partner": partner,
        "industry": industry_words,
        "region": VOCABULARIES["region"](region).label,
        "start": start,
        "year": rng.randint(start, LAST_YEAR),
        "tech": VOCABULARIES["technologies"](technologies[0]).label.lower(),
        "tech2": VOCABULARIES["technologies"](technologies[-1]).label.lower(),
        "mode": VOCABULARIES["mode"](mode).label,
        "via": rng.choice(VIAS).lower(),
        "before": rng.choice(SIDES).lower(),
        "before_to": rng.choice(SIDES).lower(),
        "metric": rng.choice(METRICS)[0].lower(),
    }
    case |= {
        "narrative": _narrative(rng, words),
        "timeline": _timeline(rng, source_ids, start, end),
        "metrics": _metrics(rng, source_ids, start, end),
        "lessons": rng.sample(LESSONS, rng.randint(2, 4)),
        "sources": sources,
        "related": _related(rng, i, count),
    }
    for f in FACETS:  # a facet added to the registry is filled in too
        _set_path(case, f.path, picks[f.name])
    if i % 6 == 0:
        case["zh"] = {
            "title": f"合成案例：合成机构 {i:04d}",
            "summary": "仅用于测试和基准的合成案例。",
        }
    return case


def _narrative(rng: random.Random, words: dict) -> str:
    """Sentences up to a drawn length of 110-240 words (never under 100), in 2-4 paragraphs."""
    target, chosen, n_words, pool = rng.randint(110, 240), [], 0, []
    while True:
        pool = pool or rng.sample(SENTENCES, len(SENTENCES))
        sentence = pool.pop().format(**words)
        n = len(sentence.split())
        if n_words >= 100 and n_words + n > target:
            break
        chosen.append(sentence)
        n_words += n
    cuts = sorted(rng.sample(range(1, len(chosen)), rng.randint(1, 3)))
    paragraphs = [chosen[a:b] for a, b in zip([0, *cuts], [*cuts, len(chosen)], strict=True)]
    return "\n\n".join(" ".join(p) for p in paragraphs)


def _set_path(data: dict, path: str, value: object) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data.setdefault(last, value)


def _date(rng: random.Random, lo: int, hi: int) -> str:
    year, month, day = rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"])


def _sources(rng: random.Random, decks: dict[str, Deck], cid: str, start: int) -> list[dict]:
    out = []
    for k in range(rng.randint(2, 6)):
        publisher = rng.choice(PUBLISHERS)
        out.append(
            {
                "id": f"src-{k + 1}",
                "title": f"Report {k + 1} on {cid}: {rng.choice(ACTIONS)}",
                "publisher": publisher,
                "date": _date(rng, start, LAST_YEAR),
                "url": f"{URL_ROOT}/{cid}/src-{k + 1}",
                "kind": decks["kind"].draw(),
            }
        )
    return out


def _timeline(rng: random.Random, sources: list[str], start: int, end: int | None) -> list:
    dates = sorted(_date(rng, start, end or LAST_YEAR) for _ in range(rng.randint(2, 6)))
    return [
        {"date": d, "event": f"{rng.choice(ACTIONS).capitalize()}", "source": rng.choice(sources)}
        for d in dates
    ]


def _metrics(rng: random.Random, sources: list[str], start: int, end: int | None) -> list:
    out = []
    for label, unit, top in rng.sample(METRICS, rng.randint(1, 4)):
        metric = {
            "label": label,
            "value": round(rng.uniform(0.01, 1) * top, rng.choice([0, 1, 2])),
            "unit": unit,
            "year": rng.randint(start, end or LAST_YEAR),
            "source": rng.choice(sources),
        }
        if rng.random() < 0.3:
            metric["note"] = "As reported; synthetic figure"
        out.append(metric)
    return out


def _connections(rng: random.Random, types: list[str]) -> dict:
    def links(low: int, high: int) -> list[dict]:
        out = []
        for _ in range(rng.randint(low, high)):
            link = {"from": rng.choice(SIDES), "to": rng.choice(SIDES), "via": rng.choice(VIAS)}
            if rng.random() < 0.7:
                link["type"] = rng.choice(types)
            out.append(link)
        return out

    return {"before": links(1, 3), "after": links(1, 4)}


def _related(rng: random.Random, i: int, count: int) -> list[str]:
    others = rng.sample(range(count), min(count, 4))
    return [case_id(j) for j in others if j != i][: rng.randint(0, 3)]


# --- YAML text --------------------------------------------------------------------------


def _scalar(value: object) -> str:
    """Plain where a person would write it plain, else a JSON string (valid YAML)."""
    if isinstance(value, str) and PLAIN.fullmatch(value) and value.lower() not in RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)


def _flow(value: dict | list) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(_scalar, value)) + "]"
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"


def _value(value: object) -> str:
    return _flow(value) if isinstance(value, list | dict) else _scalar(value)


def _is_block_list(key: str, value: object) -> bool:
    return (
        isinstance(value, list) and bool(value) and (key == "lessons" or isinstance(value[0], dict))
    )


def _entry(key: str, value: object, indent: str = "") -> list[str]:
    """One key as hand-written files have it: flow items in a block list, else inline."""
    if key == "narrative":
        return ["narrative: |", *(f"  {line}" if line else "" for line in value.split("\n"))]
    if _is_block_list(key, value):
        return [f"{indent}{key}:", *(f"{indent}  - {_value(item)}" for item in value)]
    if key in NESTED:
        return [f"{key}:", *(line for k, v in value.items() for line in _entry(k, v, "  "))]
    return [f"{indent}{key}: {_value(value)}"]


def to_yaml(case: dict) -> str:
    lines = [HEADER.rstrip("\n")]
    for key, value in case.items():
        lines += _entry(key, value)
    return "\n".join(lines) + "\n"
