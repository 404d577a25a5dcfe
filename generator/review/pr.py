"""`roadmap pr-check`: what a pull request changes, judged before anyone reviews it.

- Files the generator writes (the pages in site/learn/, the built site, the link
  report, schema/ when it no longer matches the models) must not be edited by hand:
  each is refused with the YAML file to edit instead.
- The whole knowledge base is validated, as `roadmap validate` does.
- With `--summary FILE` (in CI: $GITHUB_STEP_SUMMARY) a Markdown report: the
  validation result, the link check of the changed resources (`--links-report`, the
  Markdown of `roadmap check-links`), and where each changed resource now appears.

Changes are taken from the merge base of `--base` and HEAD to the working tree,
untracked files included, so it gives the same answer locally before a commit
and in CI on the pull request's merge commit.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.kb.markdown import to_plain
from generator.kb.problems import DataError, Position, Problem
from generator.kb.strict_yaml import read_record
from generator.output.project import GENERATED_FOLDER as LEARN, SiteError, config_folders
from generator.safe_text import md_code, md_text, workflow_data, workflow_property

# `roadmap generate` writes <docs_dir>/learn/, `roadmap build` writes <site_dir>/;
# both folders come from mkdocs.yml, these are the project's own defaults.
DOCS_DIR, SITE_DIR = "site", "public"
GENERATED_ELSEWHERE = {
    "link-report.json": "is the link checker's report (`roadmap check-links --format json`), made by CI for the "
    "Link health page; do not commit it. To fix a link, edit `url` in resources/<id>.yml",
    "link-report.md": "is a link checker report (`roadmap check-links --output link-report.md`); do not commit it. "
    "To fix a link, edit `url` in resources/<id>.yml",
    ".roadmap-cache": "is the link checker's cache; do not commit it",
}


class PullRequestError(Exception):
    """git cannot tell what changed (a usage error: exit status 2)."""


@dataclass(frozen=True)
class Change:
    """One changed file: `status` is git's letter (A, M, D, R, ...); `path` is the new path."""

    status: str
    path: str
    old_path: str | None = None


# -- what changed ------------------------------------------------------------------------


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise PullRequestError("git is not installed; pr-check needs it to see what changed") from None
    # Decoded here, not with text=True: its universal newlines would read a CR in a file
    # name as LF, and a name that is not UTF-8 would stop the check with a traceback.
    if done.returncode != 0:
        text = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PullRequestError(text[-1] if text else f"git {args[0]} failed")
    return done.stdout.decode("utf-8", "replace")


def changed_files(root: Path, base: str) -> list[Change]:
    """Files changed since the merge base of `base` and HEAD, in the working tree, sorted by path."""
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except PullRequestError:
        raise PullRequestError(
            f"--base `{base}` is not a commit in this repository; fetch it first (in CI: actions/checkout with `fetch-depth: 0`)"
        ) from None
    merge_base = _git(root, "merge-base", base, "HEAD").strip()
    fields = _git(root, "diff", "--name-status", "-z", "--find-renames", "--relative", merge_base).split("\0")
    changes: list[Change] = []
    i = 0
    while i < len(fields) - 1:
        status = fields[i][:1]
        if status in ("R", "C"):
            changes.append(Change(status, fields[i + 2], fields[i + 1]))
            i += 3
        else:
            changes.append(Change(status, fields[i + 1]))
            i += 2
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard").split("\0")
    changes += [Change("A", path) for path in untracked if path]
    return sorted(changes, key=lambda c: c.path)


# -- generated files -----------------------------------------------------------------------


def _site_folders(root: Path) -> tuple[str, str]:
    """The generated pages' folder and the built site's folder, relative to `root`."""
    docs, site = DOCS_DIR, SITE_DIR
    config = root / "mkdocs.yml"
    if config.is_file():
        try:
            docs, site = config_folders(config)
        except SiteError:
            pass  # `roadmap build` reports a broken mkdocs.yml; use the defaults here
    return PurePosixPath(docs, LEARN).as_posix(), PurePosixPath(site).as_posix()


def _under(path: str, folder: str) -> str | None:
    """`path` relative to `folder`, or None when it is not inside it."""
    prefix = folder.rstrip("/") + "/"
    return path[len(prefix) :] if path.startswith(prefix) else None


def _edit_instead(page: str) -> str:
    """Which YAML a generated page (relative to learn/) is made from.

    Every page is a folder's `index.md` (`topics/<id>/index.md`, `resources/<id>/index.md`,
    `stages/<id>/index.md`, `catalogue/<kind>/index.md`, `link-health/index.md`); the older
    flat names (`topics/<id>.md`) are still mapped, in case one is committed from an old checkout.
    """
    parts = PurePosixPath(page).parts
    if len(parts) == 3 and parts[2] == "index.md":
        folder, name = parts[0], parts[1]
    elif len(parts) == 2 and parts[1].endswith(".md") and parts[1] != "index.md":
        folder, name = parts[0], parts[1][: -len(".md")]
    else:
        folder, name = (parts[0] if parts else ""), ""
    if folder == "topics" and name:
        return f"edit roadmap/{name}.yml instead"
    if folder == "resources" and name:
        return f"edit resources/{name}.yml instead"
    if folder == "stages" and name:
        return "edit roadmap/stages.yml (or a topic's `stage:`) instead"
    if folder == "catalogue":
        return "edit the resources/*.yml files it lists instead"
    if page in ("link-health.md", "link-health/index.md"):
        return "fix the `url` in the resources/<id>.yml it names instead"
    return "edit roadmap/*.yml and resources/*.yml instead"


def generated_problems(root: Path, changes: Iterable[Change]) -> list[Problem]:
    """One problem for each added or changed file that the generator writes."""
    learn, built = _site_folders(root)
    problems = []
    for change in changes:
        if change.status == "D":
            continue  # taking a generated file out of git is a fix, not an edit
        reason = _generated_reason(root, change.path, learn, built)
        if reason is not None:
            problems.append(Problem(Position(change.path), reason, "generated-file"))
    return problems


def _generated_reason(root: Path, path: str, learn: str, built: str) -> str | None:
    page = _under(path, learn)
    if page is not None:
        return f"{learn}/ is written by `roadmap generate` from the YAML and is not kept in git; {_edit_instead(page)}"
    if _under(path, built) is not None:
        return (
            f"{built}/ is the built site (`roadmap build`); edit roadmap/*.yml and resources/*.yml, "
            "or the hand-written pages in site/, instead"
        )
    top = path.split("/", 1)[0]
    if top in GENERATED_ELSEWHERE:
        return f"`{top}` {GENERATED_ELSEWHERE[top]}"
    if re.fullmatch(r"schema/[a-z]+\.schema\.json", path):
        try:  # as records are read: a plain file, bounded (a link to /dev/zero would never end)
            text: str | None = read_record(root / path, path).decode("utf-8")
        except (DataError, UnicodeDecodeError):
            text = None
        if text != _schema_files().get(path):
            return (
                "schema/ is generated from generator/kb/models.py and no longer matches it; change the "
                "model there and run `roadmap schema --out schema/` instead of editing the JSON"
            )
    return None


@functools.lru_cache(maxsize=1)
def _schema_files() -> dict[str, str]:
    from generator.kb.models import json_schemas

    return {
        f"schema/{kind}.schema.json": json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for kind, schema in json_schemas().items()
    }


# -- the summary ------------------------------------------------------------------------


@dataclass
class Report:
    """Everything pr-check found, ready to print or to summarise."""

    changes: list[Change]
    generated: list[Problem]
    validation: list[Problem]
    counts: str  # "5 stages, 72 topics, 150 resources" when the data is valid
    placements: list[tuple[str, str, list[tuple[str, str, str, int, int]]]]  # resource, status, covers

    @property
    def failed(self) -> bool:
        return bool(self.generated or self.validation)


_STATUS = {"A": "added", "M": "changed", "R": "renamed", "C": "copied", "T": "changed", "D": "removed"}


def _records(changes: Iterable[Change], folder: str) -> list[tuple[str, str]]:
    out = []
    for change in changes:
        path = PurePosixPath(change.path)
        if path.parent.as_posix() == folder and path.suffix == ".yml" and path.name != "stages.yml":
            out.append((path.stem, _STATUS.get(change.status, "changed")))
    return out


def build_report(root: Path, base: str) -> Report:
    from generator.kb.loading import load_roadmap

    changes = changed_files(root, base)
    generated = generated_problems(root, changes)
    validation: list[Problem] = []
    counts = ""
    placements: list[tuple[str, str, list[tuple[str, str, str, int, int]]]] = []
    try:
        roadmap = load_roadmap(root)
    except DataError as exc:
        validation = list(exc.problems)
    else:
        counts = f"{len(roadmap.stages)} stages, {len(roadmap.topics)} topics, {len(roadmap.resources)} resources"
        for rid, status in _records(changes, "resources"):
            if status == "removed" or rid not in roadmap.resources:
                placements.append((rid, status, []))
                continue
            covers = []
            for cover in roadmap.resources[rid].covers:
                ranked = roadmap.covering[cover.topic]
                covers.append((cover.topic, roadmap.topics[cover.topic].title, cover.sections, ranked.index(rid) + 1, len(ranked)))
            placements.append((rid, status, covers))
    return Report(changes, generated, validation, counts, placements)


def _nested(markdown: str) -> str:
    """The link report one heading level down, so it sits inside this summary's outline."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,5} ", line):
            line = "#" + line
        out.append(line)
    return "\n".join(out)


def _fence(lines: Iterable[str]) -> str:
    """A code fence longer than any run of backticks in `lines`, so none can close it."""
    runs = [len(run) for line in lines for run in re.findall("`+", line)]
    return "`" * max(3, max(runs, default=0) + 1)


def render_summary(report: Report, links: str | None) -> str:
    """The job summary, in GitHub-flavoured Markdown."""
    resources = _records(report.changes, "resources")
    topics = _records(report.changes, "roadmap")
    lines = ["## Pull request check", ""]
    counted = [
        f"{len(resources)} resource file{'s' if len(resources) != 1 else ''}",
        f"{len(topics)} topic file{'s' if len(topics) != 1 else ''}",
    ]
    files = f"{len(report.changes)} file{'s' if len(report.changes) != 1 else ''}"
    lines += [f"Changed since the base: {files}, of them {' and '.join(counted)}.", ""]

    lines += ["### Generated files", ""]
    if report.generated:
        lines += ["❌ This pull request edits files that the generator writes. Edit the YAML instead:", ""]
        lines += [f"- {md_code(p.position.path)}: {md_text(p.message)}" for p in report.generated]
    else:
        lines.append("✅ No generated file is edited.")
    lines.append("")

    lines += ["### Validation", ""]
    if report.validation:
        noun = "problem" if len(report.validation) == 1 else "problems"
        shown = [str(p) for p in report.validation]  # one line each, control characters escaped
        fence = _fence(shown)
        lines += [f"❌ `roadmap validate` found {len(report.validation)} {noun}; each line says what to change:", "", f"{fence}text"]
        lines += [*shown, fence]
    else:
        lines.append(f"✅ `roadmap validate`: {report.counts}, no problems.")
    lines.append("")

    if resources:
        embedded = _nested(links.strip()) if links and links.strip() else ""
        if not embedded.startswith("#"):
            lines += ["### Links", ""]
        lines.append(embedded or "_The links of the changed resources were not checked in this run._")
        lines.append("")
        lines += ["### Where the changed resources appear", ""]
        if report.validation:
            lines += ["_Shown once validation passes._", ""]
        else:
            lines += ["| Resource | Topic | Sections | Place among the topic's resources |", "|---|---|---|---|"]
            for rid, status, covers in report.placements:
                name = f"{md_code(rid)} ({status})"
                if status == "removed":
                    lines.append(f"| {name} | — | — | — |")
                elif not covers:
                    lines.append(f"| {name} | none: listed in the catalogue only | — | — |")
                for topic, title, sections, place, total in covers:
                    lines.append(f"| {name} | {md_text(title)} ({md_code(topic)}) | {md_text(to_plain(sections))} | {place} of {total} |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _annotation(problem: Problem) -> str:
    # GitHub Actions workflow command: shows the problem on the pull request's diff. A file
    # may be named anything (`a,line=9::x`, a newline then `::warning ...`): every property
    # and the message are escaped as GitHub documents, so the file name reaches GitHub as it
    # is and can neither add a property nor start a second command.
    where, title = problem.position, workflow_property(f"error[{problem.check}]")
    file, text = workflow_property(where.path), workflow_data(problem.message)
    return f"::error file={file},line={where.line},col={where.col},title={title}::{text}"
