"""A vocabulary value that carries its own label and definition: the base of every vocabulary."""

from __future__ import annotations

from enum import Enum


class Term(str, Enum):
    """A vocabulary value that carries its own human label and one-line definition."""

    label: str
    definition: str

    def __new__(cls, value: str, label: str, definition: str) -> Term:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.definition = definition
        return obj

    def __str__(self) -> str:
        return self.value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        # Editors (yaml-language-server) show these next to each allowed value.
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["enumDescriptions"] = [f"{t.label}: {t.definition}" for t in cls]
        schema["description"] = cls.__doc__ or schema.get("description", "")
        return schema

    @classmethod
    def values(cls) -> list[str]:
        return [t.value for t in cls]

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {t.value: t.label for t in cls}

    @classmethod
    def label_of(cls, value: str) -> str:
        """The label of a value, or the value itself when it is not in the vocabulary."""
        try:
            return cls(value).label
        except ValueError:
            return value
