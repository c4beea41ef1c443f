"""Words for the "Draft a case" form: each field's label and each class of problem in
plain words, marked for translation (the form shows them in English or Chinese).

The field names themselves come from the schema (atlas.draft.form_fields); a field with
no label here is shown by its name, so a new schema field still appears in the form.
"""

from __future__ import annotations

from atlas.i18n import N_
from atlas.problems import ProblemKind

FIELD_LABELS = {
    "id": N_("Id (the file name)"),
    "title": N_("Title"),
    "summary": N_("Summary (one sentence)"),
    "evidence": N_("Evidence"),
    "organisations": N_("Organisations (one per line)"),
    "region": N_("Region"),
    "countries": N_("Countries (one per line)"),
    "industry": N_("Industry"),
    "ownership": N_("Ownership"),
    "years.start": N_("Start year"),
    "years.end": N_("End year"),
    "mode": N_("+Internet or Internet+"),
    "thinking": N_("Customer or user thinking"),
    "stage": N_("Informatization or digitalization"),
    "connection_types": N_("Connection types"),
    "connections.before": N_("Connections before"),
    "connections.after": N_("Connections after"),
    "outcome.status": N_("Outcome"),
    "outcome.as_of": N_("Outcome judged in (year)"),
    "outcome.rationale": N_("Why this outcome (one line)"),
    "outcome.evidence": N_("Evidence for the outcome"),
    "outcome.sources": N_("Sources of the outcome"),
    "narrative": N_("Narrative (Markdown, 100 to 250 words)"),
    "lessons": N_("Lessons (one per line)"),
    "technologies": N_("Technologies"),
    "ideas": N_("Ideas"),
    "timeline": N_("Timeline"),
    "metrics": N_("Figures"),
    "sources": N_("Sources"),
    "related": N_("Related cases"),
    "zh.title": N_("Chinese title"),
    "zh.summary": N_("Chinese summary"),
    "zh.narrative": N_("Chinese narrative"),
    "zh.lessons": N_("Chinese lessons (one per line)"),
}

COLUMN_LABELS = {
    "from": N_("From"),
    "to": N_("To"),
    "via": N_("Via"),
    "type": N_("Type"),
    "date": N_("Date"),
    "event": N_("Event"),
    "source": N_("Source id"),
    "label": N_("What was measured"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "year": N_("Year"),
    "note": N_("Note"),
    "id": N_("Id"),
    "title": N_("Title"),
    "publisher": N_("Publisher"),
    "url": N_("Address (URL)"),
    "archive_url": N_("Archived copy (URL)"),
    "kind": N_("Kind"),
    "checked": N_("Checked on"),
}

# Each class of problem in a sentence, shown above `atlas validate`'s own line for it.
KIND_TEXT = {
    ProblemKind.MISSING_FIELD: N_("This field is required."),
    ProblemKind.EMPTY_VALUE: N_("This field is empty."),
    ProblemKind.NOT_ALLOWED_VALUE: N_("This value is not one of the allowed values."),
    ProblemKind.WRONG_TYPE: N_("This value has the wrong type."),
    ProblemKind.INVALID_ID: N_("Use lower-case words joined by hyphens."),
    ProblemKind.NOT_ONE_LINE: N_("This field must be one line."),
    ProblemKind.TOO_SHORT: N_("Too short, or too few entries."),
    ProblemKind.TOO_LONG: N_("Too long, or too many entries."),
    ProblemKind.BAD_DATE: N_("Not a real date or year, or in the future."),
    ProblemKind.BAD_URL: N_("Not a web address (http:// or https://)."),
    ProblemKind.RULE: N_("A rule across fields is broken."),
    ProblemKind.ID_MISMATCH: N_("The id differs from the file name."),
    ProblemKind.UNKNOWN_FIELD: N_("This field is not in the schema."),
}
OTHER_KIND = N_("The case file cannot be used as it is.")


def field_label(key: str) -> str:
    """The label of a form field ('outcome.status'), untranslated; its name if none."""
    return FIELD_LABELS.get(key, key)


def column_label(name: str) -> str:
    return COLUMN_LABELS.get(name, name)


def kind_text(kind: ProblemKind) -> str:
    return KIND_TEXT.get(kind, OTHER_KIND)


def owner_key(problem_field: str, keys: list[str]) -> str | None:
    """The form field a problem belongs to: 'metrics[2].source' -> 'metrics',
    'years.end' -> 'years.end', 'years' -> 'years.start' (its first field)."""
    plain = problem_field.split("[", 1)[0]
    if plain in keys:
        return plain
    longest = [k for k in keys if plain.startswith(k + ".")]
    if longest:
        return max(longest, key=len)
    return next((k for k in keys if k.startswith(plain + ".")), None)
