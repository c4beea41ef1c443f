import re
import subprocess
import sys
from pathlib import Path

import yaml

from atlas.cli import main
from atlas.schema import Case
from tests.conftest import BROKEN, GOOD, ROOT


def test_validate_clean_folder_prints_a_summary(capsys):
    assert main(["validate", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "2 cases, 0 problems"


def shown_path(folder: Path) -> str:
    try:
        return str(folder.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(folder)


def test_validate_broken_folder_prints_one_line_per_problem(capsys):
    assert main(["validate", str(BROKEN)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    # path:line: field: message, the path relative to the working directory
    shape = re.compile(rf"^{re.escape(shown_path(BROKEN))}/([^/:]+\.yaml):([1-9]\d*): [^:]+: .+$")
    assert [line for line in lines if not shape.match(line)] == []
    named = {shape.match(line).group(1) for line in lines}
    valid = {"bakery-o2o-delivery.yaml"}  # the one good file, whose id another file repeats
    assert named == {p.name for p in BROKEN.glob("*.yaml")} - valid, "every broken file named"
    assert any(":30: outcome.status: 'sucess' is not an allowed value" in line for line in lines)
    assert f"{len(lines)} problems" in captured.err


def test_validate_single_files(capsys):
    files = [str(GOOD / "bakery-o2o-delivery.yaml"), str(BROKEN / "empty.yaml")]
    assert main(["validate", *files]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "empty.yaml:1: (file): file is empty" in out[0]


def test_validate_uses_the_env_folder(monkeypatch, capsys):
    monkeypatch.setenv("ATLAS_CASES_DIR", str(GOOD))
    assert main(["validate"]) == 0
    assert main(["--cases-dir", str(BROKEN), "validate"]) == 1


def test_schema_check_and_write(tmp_path, capsys):
    assert main(["schema", "--output-dir", str(tmp_path), "--check"]) == 1
    assert main(["schema", "--output-dir", str(tmp_path)]) == 0
    assert (tmp_path / "case.schema.json").exists()
    assert main(["schema", "--output-dir", str(tmp_path), "--check"]) == 0


def test_new_writes_a_commented_skeleton(tmp_path, capsys):
    assert main(["--cases-dir", str(tmp_path), "new", "acme-online"]) == 0
    text = (tmp_path / "acme-online.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/case.schema.json")
    data = yaml.safe_load(text)
    assert data["id"] == "acme-online"
    Case.model_validate(data)  # the skeleton is valid YAML of the right shape
    assert main(["--cases-dir", str(tmp_path), "new", "acme-online"]) == 1
    assert main(["--cases-dir", str(tmp_path), "new", "Bad Id"]) == 2


def test_console_script_is_installed():
    result = subprocess.run(
        [sys.executable, "-m", "atlas", "validate", str(GOOD)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
