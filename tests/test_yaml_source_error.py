"""The error a YAML file is refused with (atlas/yaml_source_error.py)."""

from atlas.problems import Problem, ProblemKind, Severity
from atlas.yaml_source_error import YamlFileError


def test_an_error_without_hint_or_field_blames_the_file():
    e = YamlFileError(3, "it broke", kind=ProblemKind.BINARY)
    assert (e.line, e.message, e.hint, e.field, e.kind) == (
        3,
        "it broke",
        "",
        "(file)",
        ProblemKind.BINARY,
    )
    assert str(e) == "it broke"
    assert str(e.problem("cases/x.yaml")) == "cases/x.yaml:3: (file): it broke"


def test_an_error_is_the_problem_of_its_file():
    e = YamlFileError(7, "it broke", "mend it", "years.start", kind=ProblemKind.SYNTAX)
    assert e.problem("cases/x.yaml") == Problem(
        "cases/x.yaml", 7, "years.start", "it broke", "mend it", Severity.ERROR, ProblemKind.SYNTAX
    )
