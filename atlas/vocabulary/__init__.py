"""The controlled vocabularies of a case file, each value with a label and a definition.

Every enum here is the single source for what a case file may say, what the UI shows
as a label, what a tooltip explains, and what the JSON Schema offers an editor. Which
field of a case uses which vocabulary is said once, in atlas/facets.py.
"""

from atlas.vocabulary.classification import ConnectionType, Industry, Ownership, Region, Technology
from atlas.vocabulary.framework import Evidence, Idea, Mode, Outcome, SourceKind, Stage, Thinking
from atlas.vocabulary.term import Term

__all__ = [
    "ConnectionType",
    "Evidence",
    "Idea",
    "Industry",
    "Mode",
    "Outcome",
    "Ownership",
    "Region",
    "SourceKind",
    "Stage",
    "Technology",
    "Term",
    "Thinking",
]
