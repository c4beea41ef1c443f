"""The upload widget's own texts go into CSS as text, never as CSS or markup."""

import pytest

from components.file_upload import css_string


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("选择文件", '"选择文件"'),
        ("Choose a file", '"Choose a file"'),
        ('say "hi"', '"say \\22 hi\\22 "'),
        ("a\\b", '"a\\5c b"'),
        ("</style><script>", '"\\3c /style\\3e \\3c script\\3e "'),
        ("two\nlines", '"two lines"'),
    ],
)
def test_css_string(text, literal):
    assert css_string(text) == literal
