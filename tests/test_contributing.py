"""What contributors read stays true: CONTRIBUTING's examples and sample output, the
pull-request templates, the issue form and the pre-commit hook."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import build_parser
from generator.kb import tex
from generator.kb.checks import ALL_CHECKS, record_problems
from generator.kb.models import Resource, Topic
from generator.kb.strict_yaml import load_text
from generator.kb.vocabulary import COSTS, KINDS, LEVELS

from helpers import MINI, Result

REPO = Path(__file__).resolve().parents[1]
CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")
GITHUB = REPO / ".github"


def _examples() -> dict[str, str]:
    """`<!-- example: PATH -->` followed by a ```yaml block (or ````yaml, when the example holds a
    code fence of its own), keyed by PATH."""
    found = re.findall(r"<!-- example: (\S+) -->\n(`{3,})yaml\n(.*?)\2\n", CONTRIBUTING, re.S)
    return {path: body for path, _, body in found}


def _console(command: str) -> list[str]:
    """The output lines shown under `$ <command>` in a ```console block of CONTRIBUTING."""
    for block in re.findall(r"```console\n(.*?)```\n", CONTRIBUTING, re.S):
        lines: list[str] = block.splitlines()
        if lines and lines[0] == f"$ {command}":
            return lines[1:]
    raise AssertionError(f"no ```console block for `{command}` in CONTRIBUTING.md")


def _check_rows() -> list[list[str]]:
    """The cells of every table row under "What each check means"."""
    section = CONTRIBUTING.split("### What each check means\n", 1)[1].split("\n#", 1)[0]
    rows = [line.strip("|").split(" | ") for line in section.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in row] for row in rows]


def test_every_check_is_explained_once_and_no_other() -> None:
    ids = [row[0] for row in _check_rows()]
    assert all(re.fullmatch(r"`[a-z-]+`", cell) for cell in ids), ids
    listed = [cell.strip("`") for cell in ids]
    assert len(listed) == len(set(listed)), "a check is listed twice"
    assert sorted(listed) == sorted(ALL_CHECKS), (set(ALL_CHECKS) - set(listed), set(listed) - set(ALL_CHECKS))
    # Each says what it means and how to fix it.
    assert all(len(row) == 3 and row[1] and row[2] for row in _check_rows())


def test_one_complete_example_of_each_kind() -> None:
    examples = _examples()
    assert sorted(examples) == ["resources/downey-think-bayes.yml", "roadmap/chain-rule.yml"]


@pytest.mark.parametrize("path", sorted(_examples()))
def test_example_is_a_valid_record_about_real_topics(path: str) -> None:
    text = _examples()[path]
    model: type[Resource] | type[Topic] = Resource if path.startswith("resources/") else Topic
    record, problems = record_problems(load_text(path, text), model)
    assert not problems, "\n".join(map(str, problems))
    topics = {p.stem for p in (REPO / "roadmap").glob("*.yml")}
    named = [c.topic for c in record.covers] if isinstance(record, Resource) else [p.topic for p in record.prerequisites]
    assert named and set(named) <= topics


def _repo_copy(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    for folder in ("roadmap", "resources"):
        shutil.copytree(REPO / folder, root / folder)
    for path, text in _examples().items():
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_sample_validate_output_is_what_validate_says(tmp_path: Path, run: Callable[..., Result]) -> None:
    """The three mistakes of the sample, made in CONTRIBUTING's own examples, give its exact lines."""
    root = _repo_copy(tmp_path)
    book = root / "resources" / "downey-think-bayes.yml"
    book.write_text(
        book.read_text(encoding="utf-8").replace("level: beginner", "level: beginer").replace("edition:", "editon:"),
        encoding="utf-8",
    )
    topic = root / "roadmap" / "chain-rule.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("    strength: required\n", "   strength: required\n"), encoding="utf-8")
    result = run("validate", "--root", root)
    assert result.code == 1
    assert result.err.splitlines() == _console(".venv/bin/roadmap validate")


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        capture_output=True,
        check=True,
    )


def test_sample_pr_check_refusal_is_what_pr_check_says(tmp_path: Path, run: Callable[..., Result]) -> None:
    root = _repo_copy(tmp_path)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    page = root / "site" / "learn" / "topics" / "chain-rule.md"
    page.parent.mkdir(parents=True)
    page.write_text("edited by hand\n", encoding="utf-8")
    result = run("pr-check", "--root", root, "--base", "main")
    assert result.code == 1
    assert result.err.splitlines() == _console(".venv/bin/roadmap pr-check --base origin/main")


def test_sample_summary_has_the_summarys_outline(tmp_path: Path, run: Callable[..., Result]) -> None:
    sample = re.search(r"````markdown\n(.*?)````\n", CONTRIBUTING, re.S)
    assert sample
    root = _repo_copy(tmp_path)
    book = root / "resources" / "downey-think-bayes.yml"
    text = book.read_text(encoding="utf-8")
    book.unlink()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    book.write_text(text, encoding="utf-8")
    summary = tmp_path / "summary.md"
    links = tmp_path / "links.md"
    links.write_text("## Link check\n\nthe report\n", encoding="utf-8")
    assert run("pr-check", "--root", root, "--base", "main", "--summary", summary, "--links-report", links).code == 0

    def outline(markdown: str) -> list[str]:
        return [line for line in markdown.splitlines() if line.startswith(("#", "✅", "| Resource", "| `downey-think-bayes`"))]

    fresh, shown = outline(summary.read_text(encoding="utf-8")), outline(sample.group(1))
    # Counts and places move as the knowledge base grows; the structure must not.
    assert [re.sub(r"\d+", "N", line) for line in fresh] == [re.sub(r"\d+", "N", line) for line in shown]


def _commands() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return set(sub.choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "README.md"])
def test_every_roadmap_command_mentioned_exists(name: str) -> None:
    text = CONTRIBUTING if name == "CONTRIBUTING.md" else README
    mentioned = set(re.findall(r"(?:`|\.venv/bin/|\$ )roadmap ([a-z][a-z-]+)", text))
    unknown = sorted(mentioned - _commands())
    assert {"validate", "new"} <= mentioned
    assert not unknown, f"{name} mentions roadmap {', '.join(unknown)}, which are not commands"


# -- pull-request templates ------------------------------------------------------------


def test_pull_request_templates_and_the_default_that_points_at_them() -> None:
    names = sorted(p.name for p in (GITHUB / "PULL_REQUEST_TEMPLATE").glob("*.md"))
    assert names == ["code.md", "resource.md", "topic.md"]
    default = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for name in names:
        assert f"(?expand=1&template={name})" in default
    resource = (GITHUB / "PULL_REQUEST_TEMPLATE" / "resource.md").read_text(encoding="utf-8")
    for must in ("affiliate", "own words", "sections", "roadmap validate", "check-links --changed-since origin/main"):
        assert must in resource


# -- the issue form ------------------------------------------------------------------------


def _form() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "suggest-resource.yml").read_text(encoding="utf-8"))
    return data


def _fields() -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in _form()["body"] if "id" in item}


def test_issue_form_is_well_formed() -> None:
    form = _form()
    assert {"name", "description", "body"} <= set(form) and form["labels"]
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if item["type"] != "markdown":
            assert re.fullmatch(r"[a-z0-9_-]+", item["id"]) and item["attributes"]["label"]
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is True


@pytest.mark.parametrize(("field", "values"), [("kind", KINDS), ("cost", COSTS), ("level", LEVELS)])
def test_issue_form_dropdowns_are_the_schema_enums(field: str, values: tuple[str, ...]) -> None:
    item = _fields()[field]
    assert item["type"] == "dropdown"
    assert tuple(item["attributes"]["options"]) == values
    assert item["validations"]["required"] is True


def test_issue_form_asks_for_every_required_resource_field() -> None:
    fields = _fields()
    for name, info in Resource.model_fields.items():
        if info.is_required():
            assert name in fields, f"the issue form has no field for `{name}`"
            assert fields[name].get("validations", {}).get("required") is True, name
    assert {"authors", "provider", "covers", "hours", "year"} <= set(fields)
    # The covers example reads as `roadmap new resource --covers TOPIC:SECTIONS` takes it.
    topics = {p.stem for p in (REPO / "roadmap").glob("*.yml")}
    for line in fields["covers"]["attributes"]["placeholder"].splitlines():
        topic, _, sections = line.partition(":")
        assert topic in topics and sections.strip()


# -- pre-commit --------------------------------------------------------------------------


def test_pre_commit_hook_validates_changed_yaml(tmp_path: Path) -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["roadmap-validate"]
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("roadmap/gradients.yml") and files.search("resources/la-book.yml")
    assert not files.search("site/index.md") and not files.search("generator/kb/models.py")
    # pre-commit runs the entry from the repository root; .venv/bin/roadmap is this environment's.
    executable, *args = hook["entry"].split()
    assert executable == ".venv/bin/roadmap"
    command = [str(Path(sys.executable).parent / "roadmap"), *args]
    assert subprocess.run([*command, "--root", str(MINI)], capture_output=True).returncode == 0
    broken = tmp_path / "kb"
    shutil.copytree(MINI, broken)
    (broken / "resources" / "la-book.yml").write_text("title: [\n", encoding="utf-8")
    assert subprocess.run([*command, "--root", str(broken)], capture_output=True).returncode == 1


def _tex_tables() -> tuple[str, str]:
    rows = ["| Group | Commands |", "|---|---|"]
    slash = "\\"
    rows += [f"| {group} | {' '.join(f'`{slash}{name}`' for name in names.split())} |" for group, names in tex.COMMAND_GROUPS.items()]
    return "\n".join(rows), ", ".join(f"`{env}`" for env in tex.ENVIRONMENTS)


def test_the_tex_commands_listed_are_the_ones_accepted() -> None:
    table = re.search(r"<!-- tex-commands -->\n(.*?)\n<!-- /tex-commands -->", CONTRIBUTING, re.S)
    envs = re.search(r"<!-- tex-environments -->(.*?)<!-- /tex-environments -->", CONTRIBUTING)
    assert table and envs
    assert (table.group(1), envs.group(1)) == _tex_tables()
