"""Cases kept as bytes: a library of 10,000 cases without 10,000 trees of objects.

A validated case is kept as its pickle, compressed (`StoredCase`), with the few facts the loader
checks across files (its id and related ids) and, until the table is built, its table
row. `CaseList` is the library's sequence of cases: a case is built from its bytes when
asked for (about 0.1 ms), and the last few asked for are kept.

At 10,000 cases the models as objects took about 100 MB and building them from the
snapshot 0.6 s at every start; as bytes they take 24 MB and nothing is built until a page
shows a case. Pages that need a fact of every case read the table (atlas/table.py).
"""

from __future__ import annotations

import importlib
import io
import pickle
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel

from atlas.schema import Case
from atlas.vocabulary import Term

ATLAS = Path(__file__).resolve().parent
RECENT = 256  # cases kept built, per library: a page's worth and more
COMPRESSION = 1  # zlib's quickest: half the bytes (46 -> 24 MB at 10,000), 30 us to undo


def pickled_modules() -> dict[str, object]:
    """The modules whose classes a stored case may hold: the schema and the vocabularies."""
    names = [
        "atlas.schema",
        *(f"atlas.vocabulary.{p.stem}" for p in (ATLAS / "vocabulary").glob("*.py")),
    ]
    return {name: importlib.import_module(name) for name in names}


@cache
def _allowed_modules() -> dict[str, object]:
    return pickled_modules()


class SchemaUnpickler(pickle.Unpickler):
    """Builds only the schema's models and vocabularies: a foreign file cannot run code."""

    def find_class(self, module: str, name: str) -> type:
        cls = getattr(_allowed_modules().get(module), name, None)
        if isinstance(cls, type) and issubclass(cls, BaseModel | Term):
            return cls
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot")


def same_items(mine: Sequence, other: object):
    """`mine == other` for a lazy sequence: equal to any sequence of equal items."""
    if not isinstance(other, Sequence) or isinstance(other, str | bytes):
        return NotImplemented
    return len(mine) == len(other) and all(a == b for a, b in zip(mine, other, strict=True))


def schema_loads(data: bytes) -> object:
    return SchemaUnpickler(io.BytesIO(data)).load()


class StoredCase(NamedTuple):
    """A validated case as bytes, with what the loader checks across files (a tuple: 10,000
    of them come out of the snapshot at every start, and a tuple is the quickest made)."""

    id: str
    related: tuple[str, ...]
    blob: bytes
    row: tuple | None = None  # its table row (atlas/table.py), until the table is built

    def case(self) -> Case:
        case = schema_loads(zlib.decompress(self.blob))
        if not isinstance(case, Case):
            raise pickle.UnpicklingError(f"stored case {self.id!r} is not a case")
        return case


def store(case: Case) -> StoredCase:
    """A case as bytes, with its table row."""
    from atlas.table import case_values  # the table imports the schema, not this

    blob = zlib.compress(pickle.dumps(case, protocol=pickle.HIGHEST_PROTOCOL), COMPRESSION)
    return StoredCase(case.id, tuple(case.related), blob, case_values(case))


class CaseList(Sequence[Case]):
    """The library's cases, in library order, each built from its bytes when asked for.

    Equal to any sequence of the same cases; `by_id` looks a case up by id. The table
    rows the stored cases carry are handed out once (`take_rows`), then forgotten. Sessions
    share one: the recent cases are kept by `lru_cache` (thread-safe) and a case is frozen."""

    __slots__ = ("__weakref__", "_built", "_items", "_position")

    def __init__(self, items: Iterable[StoredCase] = ()) -> None:
        self._items: tuple[StoredCase, ...] = tuple(items)
        self._position = {s.id: i for i, s in enumerate(self._items)}
        self._built = lru_cache(maxsize=RECENT)(self._build)

    def _build(self, i: int) -> Case:
        return self._items[i].case()

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._built(k) for k in range(*i.indices(len(self._items)))]
        if i < 0:
            i += len(self._items)
            if i < 0:  # (past the end, the tuple of items refuses it)
                raise IndexError("case index out of range")
        return self._built(i)

    def __iter__(self) -> Iterator[Case]:
        return (s.case() for s in self._items)  # a walk over all keeps none of them built

    def __eq__(self, other: object) -> bool:
        return same_items(self, other)

    __hash__ = None  # equal to lists and tuples, so not hashable

    def __repr__(self) -> str:
        return f"CaseList({len(self)} cases)"

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self._items]

    def get(self, case_id: str) -> Case | None:
        i = self._position.get(case_id)
        return None if i is None else self._built(i)

    def __contains__(self, case: object) -> bool:
        return isinstance(case, Case) and self.get(case.id) == case

    def select(self, ids: Iterable[str]) -> CaseView:
        """The cases with these ids, in that order; unknown ids are left out."""
        return CaseView(self, [p for i in ids if (p := self._position.get(i)) is not None])

    @property
    def by_id(self) -> Mapping[str, Case]:
        return _ById(self)

    def take_rows(self) -> list[tuple] | None:
        """Every case's table row, once: after that the rows are forgotten (None if any
        case came without one)."""
        rows = [s.row for s in self._items]
        if any(r is None for r in rows):
            return None
        self._items = tuple(s._replace(row=None) for s in self._items)
        return rows


class CaseView(Sequence[Case]):
    """Some of a library's cases, in a given order, built when asked for."""

    __slots__ = ("_cases", "_positions")

    def __init__(self, cases: CaseList, positions: list[int]) -> None:
        self._cases, self._positions = cases, positions

    def __len__(self) -> int:
        return len(self._positions)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._cases._built(p) for p in self._positions[i]]
        return self._cases._built(self._positions[i])

    def __iter__(self) -> Iterator[Case]:
        built = self._cases._built if len(self._positions) <= RECENT else self._cases._build
        return (built(p) for p in self._positions)

    def __eq__(self, other: object) -> bool:
        return same_items(self, other)

    __hash__ = None

    def __repr__(self) -> str:
        return f"CaseView({len(self)} cases)"


class _ById(Mapping[str, Case]):
    __slots__ = ("_cases",)

    def __init__(self, cases: CaseList) -> None:
        self._cases = cases

    def __getitem__(self, case_id: str) -> Case:
        case = self._cases.get(case_id)
        if case is None:
            raise KeyError(case_id)
        return case

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._cases._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._cases.ids)

    def __len__(self) -> int:
        return len(self._cases)
