"""`roadmap pr-check` on real git repositories made in tmp_path: no network, no GitHub."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.kb.models import json_schemas

from helpers import MINI, Result

NEW_BOOK = """\
title: Another Linear Algebra Book
kind: book
url: https://books.example.org/another-la
authors: [Cy Writer]
cost: paid
level: intermediate
description: >-
  A second fixture book, for the pull-request tests.
covers:
  - topic: vectors
    sections: Ch. 1-2
  - topic: gradients
    sections: "Ch. 9 | Appendix B"
"""


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    done = subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The mini knowledge base on `main`, with a branch `contribution` checked out."""
    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    (root / ".gitignore").write_text("/site/learn/\n/public/\nlink-report.json\n", encoding="utf-8")
    (root / "site").mkdir()
    (root / "site" / "index.md").write_text("# Hand-written\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "contribution")
    return root


def commit(root: Path, message: str = "change", *, force: str | None = None) -> None:
    git(root, "add", "-A")
    if force:
        git(root, "add", "-f", force)
    git(root, "commit", "-q", "-m", message)


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def test_a_good_resource_passes_and_is_summarised(repo: Path, tmp_path: Path, run: Callable[..., Result]) -> None:
    write(repo, "resources/another-la-book.yml", NEW_BOOK)
    commit(repo)
    links = tmp_path / "links.md"
    links.write_text("## Link check\n\n**nothing broken** · 1 ok — 1 URL checked\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("(earlier steps)\n", encoding="utf-8")
    result = run("pr-check", "--root", repo, "--base", "main", "--summary", summary, "--links-report", links)
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out == (
        "ok: no generated file edited; 1 resource and 0 topic file(s) changed; 5 stages, 6 topics, 5 resources, no problems\n"
    )
    assert (
        summary.read_text(encoding="utf-8")
        == """\
(earlier steps)
## Pull request check

Changed since the base: 1 file, of them 1 resource file and 0 topic files.

### Generated files

✅ No generated file is edited.

### Validation

✅ `roadmap validate`: 5 stages, 6 topics, 5 resources, no problems.

### Link check

**nothing broken** · 1 ok — 1 URL checked

### Where the changed resources appear

| Resource | Topic | Sections | Place among the topic's resources |
|---|---|---|---|
| `another-la-book` (added) | Vectors (`vectors`) | Ch. 1-2 | 2 of 2 |
| `another-la-book` (added) | Gradients (`gradients`) | Ch. 9 \\| Appendix B | 2 of 2 |
"""
    )


GENERATED = "site/learn/ is written by `roadmap generate` from the YAML and is not kept in git; "


@pytest.mark.parametrize(
    ("path", "edit_instead"),
    [
        # The pages as `roadmap generate` writes them: every page is a folder's index.md.
        ("site/learn/topics/gradients/index.md", f"{GENERATED}edit roadmap/gradients.yml instead"),
        ("site/learn/resources/la-book/index.md", f"{GENERATED}edit resources/la-book.yml instead"),
        ("site/learn/stages/foundations/index.md", f"{GENERATED}edit roadmap/stages.yml (or a topic's `stage:`) instead"),
        ("site/learn/catalogue/books/index.md", f"{GENERATED}edit the resources/*.yml files it lists instead"),
        ("site/learn/catalogue/index.md", f"{GENERATED}edit the resources/*.yml files it lists instead"),
        ("site/learn/roadmap/index.md", f"{GENERATED}edit roadmap/*.yml and resources/*.yml instead"),
        ("site/learn/link-health/index.md", f"{GENERATED}fix the `url` in the resources/<id>.yml it names instead"),
        ("site/learn/data/roadmap.json", f"{GENERATED}edit roadmap/*.yml and resources/*.yml instead"),
        # Flat names from before that layout are still told where to go.
        ("site/learn/topics/gradients.md", f"{GENERATED}edit roadmap/gradients.yml instead"),
        ("site/learn/resources/la-book.md", f"{GENERATED}edit resources/la-book.yml instead"),
        # Not a topic page (there is none named `index`): the general advice.
        ("site/learn/topics/index.md", f"{GENERATED}edit roadmap/*.yml and resources/*.yml instead"),
        (
            "public/index.html",
            "public/ is the built site (`roadmap build`); edit roadmap/*.yml and resources/*.yml, or the hand-written pages in site/, instead",
        ),
        (
            "link-report.md",
            "`link-report.md` is a link checker report (`roadmap check-links --output link-report.md`); do not commit it. To fix a link, edit `url` in resources/<id>.yml",
        ),
        (
            "link-report.json",
            "`link-report.json` is the link checker's report (`roadmap check-links --format json`), made by CI for the Link health page; do not commit it. To fix a link, edit `url` in resources/<id>.yml",
        ),
    ],
)
def test_an_edited_generated_file_is_refused_with_the_yaml_to_edit(
    repo: Path, tmp_path: Path, run: Callable[..., Result], path: str, edit_instead: str
) -> None:
    write(repo, path, "edited by hand\n")
    commit(repo, force=path)
    summary = tmp_path / "summary.md"
    result = run("pr-check", "--root", repo, "--base", "main", "--summary", summary)
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{path}:1:1: error[generated-file]: {edit_instead}",
        "pr-check: 1 generated file(s) edited, 0 validation problem(s)",
    ]
    text = summary.read_text(encoding="utf-8")
    assert "❌ This pull request edits files that the generator writes. Edit the YAML instead:" in text
    # The message as escaped Markdown text: its backticks, `*` and `<id>` shown as typed.
    escaped = re.sub(r"([`*<>])", r"\\\1", edit_instead)
    assert f"- `{path}`: {escaped}" in text


def test_hand_written_pages_may_change(repo: Path, run: Callable[..., Result]) -> None:
    write(repo, "site/index.md", "# Hand-written, improved\n")
    write(repo, "site/about.md", "# About\n")
    commit(repo)
    assert run("pr-check", "--root", repo, "--base", "main").code == 0


def test_removing_a_committed_generated_file_is_welcome(repo: Path, run: Callable[..., Result]) -> None:
    git(repo, "checkout", "-q", "main")
    write(repo, "site/learn/roadmap/index.md", "committed by mistake\n")
    commit(repo, force="site/learn/roadmap/index.md")
    git(repo, "checkout", "-q", "-b", "cleanup")
    git(repo, "rm", "-q", "site/learn/roadmap/index.md")
    commit(repo)
    assert run("pr-check", "--root", repo, "--base", "main").code == 0


def _schemas(root: Path) -> None:
    for kind, schema in json_schemas().items():
        write(root, f"schema/{kind}.schema.json", json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


def test_schema_may_change_only_as_the_generator_writes_it(repo: Path, run: Callable[..., Result]) -> None:
    _schemas(repo)
    commit(repo, "schema regenerated")
    assert run("pr-check", "--root", repo, "--base", "main").code == 0

    path = repo / "schema" / "topic.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"maxItems": 6', '"maxItems": 60'), encoding="utf-8")
    commit(repo, "schema edited by hand")
    result = run("pr-check", "--root", repo, "--base", "main")
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        "schema/topic.schema.json:1:1: error[generated-file]: schema/ is generated from generator/kb/models.py and no longer matches it; "
        "change the model there and run `roadmap schema --out schema/` instead of editing the JSON"
    )


def test_a_schema_file_replaced_by_a_link_to_dev_zero_is_refused_at_once(repo: Path, run: Callable[..., Result]) -> None:
    # A pull request can commit a symbolic link; reading through it would never end.
    _schemas(repo)
    commit(repo, "schema regenerated")
    path = repo / "schema" / "topic.schema.json"
    path.unlink()
    path.symlink_to("/dev/zero")
    commit(repo, "schema replaced by a link")
    result = run("pr-check", "--root", repo, "--base", "main")
    assert result.code == 1
    assert result.err.splitlines()[0].startswith("schema/topic.schema.json:1:1: error[generated-file]: schema/ is generated")


def test_invalid_data_fails_and_the_summary_shows_each_problem(repo: Path, tmp_path: Path, run: Callable[..., Result]) -> None:
    write(repo, "resources/another-la-book.yml", NEW_BOOK.replace("topic: gradients", "topic: gradient"))
    commit(repo)
    summary = tmp_path / "summary.md"
    result = run("pr-check", "--root", repo, "--base", "main", "--summary", summary)
    assert result.code == 1
    problem = (
        "resources/another-la-book.yml:12:12: error[unknown-topic]: `covers[1].topic` names `gradient`, which is not a topic; "
        "did you mean `gradients`?"
    )
    assert result.err.splitlines() == [problem, "pr-check: 0 generated file(s) edited, 1 validation problem(s)"]
    text = summary.read_text(encoding="utf-8")
    assert f"❌ `roadmap validate` found 1 problem; each line says what to change:\n\n```text\n{problem}\n```" in text
    assert "_The links of the changed resources were not checked in this run._" in text
    assert "_Shown once validation passes._" in text


def test_uncommitted_and_untracked_files_count(repo: Path, run: Callable[..., Result]) -> None:
    write(repo, "resources/another-la-book.yml", NEW_BOOK)
    result = run("pr-check", "--root", repo, "--base", "main")
    assert result.code == 0
    assert "1 resource and 0 topic file(s) changed" in result.out


def test_renamed_and_removed_resources(repo: Path, tmp_path: Path, run: Callable[..., Result]) -> None:
    git(repo, "mv", "resources/la-book.yml", "resources/linear-algebra-book.yml")
    git(repo, "rm", "-q", "resources/forum.yml")
    commit(repo)
    summary = tmp_path / "summary.md"
    assert run("pr-check", "--root", repo, "--base", "main", "--summary", summary).code == 0
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    assert rows == [
        "| `forum` (removed) | — | — | — |",
        "| `linear-algebra-book` (renamed) | Vectors (`vectors`) | Ch. 1 | 1 of 1 |",
        "| `linear-algebra-book` (renamed) | Matrices (`matrices`) | Ch. 2-3 | 1 of 1 |",
    ]


def test_a_topicless_resource_is_listed_in_the_catalogue_only(repo: Path, tmp_path: Path, run: Callable[..., Result]) -> None:
    forum = (repo / "resources" / "forum.yml").read_text(encoding="utf-8")
    write(repo, "resources/another-forum.yml", forum.replace("forum.example.org", "talk.example.org"))
    commit(repo)
    summary = tmp_path / "summary.md"
    assert run("pr-check", "--root", repo, "--base", "main", "--summary", summary).code == 0
    assert "| `another-forum` (added) | none: listed in the catalogue only | — | — |" in summary.read_text(encoding="utf-8")


def test_folders_come_from_mkdocs_yml(repo: Path, run: Callable[..., Result]) -> None:
    write(
        repo,
        "mkdocs.yml",
        "site_name: x\ndocs_dir: docs\nsite_dir: build\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
    )
    commit(repo)
    write(repo, "docs/learn/topics/vectors/index.md", "edited\n")
    write(repo, "build/index.html", "edited\n")
    write(repo, "site/learn/topics/vectors/index.md", "not generated in this project\n")
    result = run("pr-check", "--root", repo, "--base", "main")
    assert result.code == 1
    assert [line.split(": error[generated-file]: ")[0] for line in result.err.splitlines()[:-1]] == [
        "build/index.html:1:1",
        "docs/learn/topics/vectors/index.md:1:1",
    ]


def test_github_actions_gets_annotations(repo: Path, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write(repo, "site/learn/topics/vectors/index.md", "50% edited\n")
    commit(repo, force="site/learn/topics/vectors/index.md")
    result = run("pr-check", "--root", repo, "--base", "main")
    assert result.code == 1
    assert result.out.splitlines() == [
        "::error file=site/learn/topics/vectors/index.md,line=1,col=1,title=error[generated-file]::site/learn/ is written by `roadmap generate` "
        "from the YAML and is not kept in git; edit roadmap/vectors.yml instead"
    ]


def test_an_unknown_base_is_a_usage_error(repo: Path, run: Callable[..., Result]) -> None:
    result = run("pr-check", "--root", repo, "--base", "origin/main")
    assert result.code == 2
    assert result.err == (
        "roadmap pr-check: error: --base `origin/main` is not a commit in this repository; fetch it first "
        "(in CI: actions/checkout with `fetch-depth: 0`)\n"
    )


def test_outside_a_git_repository_is_a_usage_error(tmp_path: Path, run: Callable[..., Result]) -> None:
    root = tmp_path / "plain"
    shutil.copytree(MINI, root)
    result = run("pr-check", "--root", root, "--base", "main")
    assert result.code == 2
    assert result.err.startswith("roadmap pr-check: error: ")


def test_a_missing_link_report_is_said_in_the_summary(repo: Path, tmp_path: Path, run: Callable[..., Result]) -> None:
    write(repo, "resources/another-la-book.yml", NEW_BOOK)
    summary = tmp_path / "summary.md"
    result = run("pr-check", "--root", repo, "--base", "main", "--summary", summary, "--links-report", tmp_path / "none.md")
    assert result.code == 0
    assert f"_The link check wrote no report to `{tmp_path / 'none.md'}`; see its step in the log._" in summary.read_text(encoding="utf-8")


def test_pr_check_expects_schema_files_exactly_as_the_schema_command_writes_them(tmp_path: Path, run: Callable[..., Result]) -> None:
    from generator.review.pr import _schema_files

    assert run("schema", "--out", tmp_path / "schema").code == 0
    written = {f"schema/{p.name}": p.read_text(encoding="utf-8") for p in (tmp_path / "schema").iterdir()}
    assert written == _schema_files()


def test_file_names_cannot_inject_workflow_commands(repo: Path, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write(repo, "roadmap/a\n::warning title=x::all checks passed.txt", "x\n")
    write(repo, "roadmap/b,line=999::x.txt", "x\n")
    write(repo, "roadmap/c\n::warning::50% d.yml", "x\n")
    write(repo, "site/learn/50%,col=9\r::notice::c\x1b[2J.md", "edited\n")
    commit(repo, force="site/learn")
    result = run("pr-check", "--root", repo, "--base", "main")
    assert result.code == 1
    assert result.out.splitlines() == [
        "::error file=site/learn/50%25%2Ccol=9%0D%3A%3Anotice%3A%3Ac\\x1b[2J.md,line=1,col=1,title=error[generated-file]::"
        "site/learn/ is written by `roadmap generate` from the YAML and is not kept in git; edit roadmap/*.yml and resources/*.yml instead",
        "::error file=roadmap/a%0A%3A%3Awarning title=x%3A%3Aall checks passed.txt,line=1,col=1,title=error[stray-file]::"
        "only `.yml` records belong in this folder; move or delete this file",
        "::error file=roadmap/b%2Cline=999%3A%3Ax.txt,line=1,col=1,title=error[stray-file]::"
        "only `.yml` records belong in this folder; move or delete this file",
        "::error file=roadmap/c%0A%3A%3Awarning%3A%3A50%25 d.yml,line=1,col=1,title=error[file-name]::"
        "file name `c%0A::warning::50%25 d.yml` is not a valid id: use lowercase words joined by hyphens, e.g. `gradient-descent.yml`",
    ]
    # The same problems on stderr, one line each, none of them a workflow command.
    assert [line.split(":", 1)[0] for line in result.err.splitlines()[:-1]] == [
        "site/learn/50%,col=9\\x0d",
        "roadmap/a\\x0a",
        "roadmap/b,line=999",
        "roadmap/c\\x0a",
    ]


def test_the_summary_escapes_file_names_titles_and_sections(repo: Path, tmp_path: Path, run: Callable[..., Result]) -> None:
    evil = "resources/x| @org-team #12 `y` [z](https:\n## Heading.yml"
    write(repo, evil, "x\n")
    commit(repo)
    git(repo, "branch", "-f", "main", "HEAD")  # the base holds it; the pull request removes it
    git(repo, "rm", "-q", evil)
    vectors = (repo / "roadmap" / "vectors.yml").read_text(encoding="utf-8")
    write(
        repo, "roadmap/vectors.yml", vectors.replace("title: Vectors", 'title: "Vectors | @octocat #42 *b* [l](https://e.example)\\e[2J"')
    )
    write(repo, "resources/another-la-book.yml", NEW_BOOK.replace('"Ch. 9 | Appendix B"', '"`Ch. 9` | @team, see #7 > b"'))
    commit(repo)
    summary = tmp_path / "summary.md"
    result = run("pr-check", "--root", repo, "--base", "main", "--summary", summary)
    assert result.code == 0, result.err
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    assert rows == [
        "| `another-la-book` (added) | Vectors \\| @\u200boctocat #\u200b42 \\*b\\* \\[l\\](https://e.example)\\\\x1b\\[2J (`vectors`) | Ch. 1-2 | 2 of 2 |",
        "| `another-la-book` (added) | Gradients (`gradients`) | Ch. 9 \\| @\u200bteam, see #\u200b7 \\> b | 2 of 2 |",
        "| ``x\\| @org-team #12 `y` [z](https: ## Heading`` (removed) | — | — | — |",
    ]


def test_the_summary_escapes_generated_file_names_and_fences_every_problem(repo: Path, tmp_path: Path, run: Callable[..., Result]) -> None:
    page = "site/learn/topics/@octocat #1 | x\n## Heading/index.md"
    write(repo, page, "edited\n")
    write(repo, "roadmap/````x.yml", "x\n")
    commit(repo, force="site/learn")
    summary = tmp_path / "summary.md"
    assert run("pr-check", "--root", repo, "--base", "main", "--summary", summary).code == 1
    text = summary.read_text(encoding="utf-8")
    assert (
        "- `site/learn/topics/@octocat #1 \\| x ## Heading/index.md`: site/learn/ is written by \\`roadmap generate\\` "
        "from the YAML and is not kept in git; edit roadmap/@\u200boctocat #\u200b1 \\| x ## Heading.yml instead\n"
    ) in text
    problem = (
        "roadmap/````x.yml:1:1: error[file-name]: file name `````x.yml` is not a valid id: "
        "use lowercase words joined by hyphens, e.g. `gradient-descent.yml`"
    )
    assert f"\n\n``````text\n{problem}\n``````\n" in text  # longer than the five backticks inside
