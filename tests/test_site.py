"""`roadmap generate` and `roadmap build`: where files go, what is refused, and what a failure leaves."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.output import writer
from generator.output.project import SiteError, config_folders, read_config

from helpers import Result, fresh
from site_project import FIXTURES, REPO, copy_project, tree

Run = Callable[..., Result]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site project with the mini knowledge base, as the current folder."""
    return copy_project(tmp_path / "project")


def learn(project: Path) -> Path:
    return project / "site" / "learn"


# -- generate -------------------------------------------------------------------------------


def test_generate_writes_the_pages_and_a_manifest(run: Run, project: Path) -> None:
    result = run("generate", "--root", project)
    assert result.code == 0, result.err
    out = learn(project)
    assert "wrote" in result.out and "site/learn" in result.out
    assert (out / "roadmap/index.md").is_file() and (out / "topics" / "gradients" / "index.md").is_file()
    assert (out / "data" / "roadmap.json").is_file()
    manifest = (out / writer.MANIFEST).read_text(encoding="utf-8").splitlines()
    listed = sorted(line.split("  ", 1)[1] for line in manifest if not line.startswith("#"))
    assert listed == sorted(rel for rel in tree(out) if rel != writer.MANIFEST)
    # nothing is written outside site/learn, and no temporary folders are left behind
    assert sorted(p.name for p in (project / "site").iterdir()) == ["about.md", "assets", "index.md", "learn", "planner.md"]


def test_two_runs_give_byte_identical_files(run: Run, project: Path, tmp_path: Path) -> None:
    assert run("generate", "--root", project).code == 0
    first = tree(learn(project))
    result = run("generate", "--root", project)
    assert result.code == 0 and "up to date" in result.out
    assert tree(learn(project)) == first
    other = tmp_path / "elsewhere"
    assert run("generate", "--root", project, "--out", other).code == 0
    assert tree(other) == first


def test_generate_follows_the_data(run: Run, project: Path) -> None:
    assert run("generate", "--root", project).code == 0
    topic = project / "roadmap" / "vectors.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("title: Vectors", "title: Vectors and arrows"), encoding="utf-8")
    (project / "resources" / "forum.yml").unlink()
    result = run("generate", "--root", project)
    assert result.code == 0 and "wrote" in result.out
    assert "# Vectors and arrows" in (learn(project) / "topics" / "vectors" / "index.md").read_text(encoding="utf-8")
    assert not (learn(project) / "resources" / "forum" / "index.md").exists()  # stale pages go with the swap


def test_generate_never_overwrites_a_hand_written_file(run: Run, project: Path) -> None:
    assert run("generate", "--root", project).code == 0
    before = tree(learn(project))
    note = learn(project) / "topics" / "my-notes.md"
    note.write_text("# My notes\n", encoding="utf-8")
    result = run("generate", "--root", project)
    assert result.code == 2
    assert "did not write" in result.err and "site/learn/topics/my-notes.md" in result.err
    assert tree(learn(project)) == {**before, "topics/my-notes.md": b"# My notes\n"}


def test_generate_refuses_a_folder_it_did_not_make(run: Run, project: Path) -> None:
    result = run("generate", "--root", project, "--out", project / "site")
    assert result.code == 2
    assert "site/about.md" in result.err and "assets/css/site.css" in result.err and "more" in result.err
    assert not (project / "site" / "roadmap/index.md").exists()


def test_generate_refuses_to_lose_edits_to_a_generated_page(run: Run, project: Path) -> None:
    assert run("generate", "--root", project).code == 0
    page = learn(project) / "topics" / "vectors" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA hand-made edit.\n", encoding="utf-8")
    result = run("generate", "--root", project)
    assert result.code == 2
    assert "edited by hand" in result.err and "site/learn/topics/vectors/index.md" in result.err
    assert "A hand-made edit." in page.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_link_or_a_pipe_in_the_generated_folder_is_not_ours(tmp_path: Path) -> None:
    out = tmp_path / "learn"
    assert writer.write_generated(out, {"a/index.md": "a\n", "b.md": "b\n"})
    (out / "a" / "index.md").unlink()
    os.mkfifo(out / "a" / "index.md")  # where the manifest has a page; reading it would wait forever
    (out / "b.md").unlink()
    (out / "b.md").symlink_to(out / "a" / "index.md")  # a link, where the manifest has a file
    (out / "elsewhere").symlink_to(tmp_path, target_is_directory=True)  # not followed
    with pytest.raises(SiteError) as caught:
        writer.check_ours(out)
    message = str(caught.value)
    assert "did not write" in message
    for name in ("a/index.md", "b.md", "elsewhere"):
        assert str(out / name) in message, name


def test_every_page_of_a_big_generated_folder_is_checked(tmp_path: Path) -> None:
    out = tmp_path / "learn"
    writer.write_generated(out, {f"topics/t{i:04}/index.md": f"page {i}\n" for i in range(1500)})
    assert len(writer.check_ours(out)) == 1500
    for i in (7, 1499):
        (out / f"topics/t{i:04}/index.md").write_text("edited by hand\n")
    with pytest.raises(SiteError) as caught:
        writer.check_ours(out)
    found = [line.strip().rsplit("learn/", 1)[1] for line in str(caught.value).splitlines() if "index.md" in line]
    assert found == ["topics/t0007/index.md", "topics/t1499/index.md"]


def test_generate_into_an_empty_folder_or_a_new_one(run: Run, project: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("generate", "--root", project, "--out", empty).code == 0
    assert run("generate", "--root", project, "--out", tmp_path / "new" / "deeper").code == 0
    assert (tmp_path / "new" / "deeper" / "roadmap/index.md").is_file()


def test_every_page_is_a_new_file_never_a_link_into_the_folder_it_replaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "learn"
    assert writer.write_generated(out, {"same/index.md": "kept\n", "edited/index.md": "before\n"})
    old = {(out / rel).stat().st_ino for rel in ("same/index.md", "edited/index.md")}
    staged: list[set[int]] = []
    real_swap = writer.swap_in

    def swap(new: Path, target: Path) -> None:
        staged.append({p.stat().st_ino for p in new.rglob("*") if p.is_file()})
        assert all(p.stat().st_nlink == 1 for p in new.rglob("*") if p.is_file())
        real_swap(new, target)

    monkeypatch.setattr(writer, "swap_in", swap)
    assert writer.write_generated(out, {"same/index.md": "kept\n", "edited/index.md": "after\n", "new.md": "new\n"})
    # A page that comes out the same is written again too: no file of the staging folder is
    # a file of the live one, so nothing written there can change a page being served.
    assert staged and not staged[0] & old
    assert tree(out) == {
        "same/index.md": b"kept\n",
        "edited/index.md": b"after\n",
        "new.md": b"new\n",
        writer.MANIFEST: (out / writer.MANIFEST).read_bytes(),
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["learn"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
def test_a_share_redone_after_a_child_failed_never_touches_the_live_pages() -> None:
    # A child makes and writes a page, then fails; the parent makes its share again, and
    # that second write fails half-way (the file opened, then the disk is full). When the
    # child's page was a hard link to the live one, reopening it emptied the live page.
    out = fresh(
        """
        import functools, os, tempfile
        from pathlib import Path
        from generator import parallel
        from generator.output import writer
        parallel.cores = lambda: 2
        parent = os.getpid()
        out = Path(tempfile.mkdtemp()) / "learn"
        # 400 pages on 2 cores go out in chunks of 3, and each process starts on a chunk of
        # its own: the child always makes two pages, whatever the load on the machine.
        texts = {f"p{i:03}.md": f"page {i}\\n" for i in range(400)}
        writer.write_generated(out, texts)
        before = {p.name: p.read_bytes() for p in out.iterdir()}
        made_in_child = []

        def make(rel):
            if os.getpid() != parent:
                made_in_child.append(rel)
                if len(made_in_child) == 2:
                    raise RuntimeError("a child's bug")
            return texts[rel]

        real_write = writer._write_file

        def write(path, data):
            if os.getpid() == parent and os.path.exists(path):  # only a redone page exists already
                open(path, "wb").close()
                raise OSError(28, "No space left on device")
            real_write(path, data)

        writer._write_file = write
        try:
            writer.write_jobs(out, [(rel, functools.partial(make, rel)) for rel in sorted(texts)], parallel_from=2)
        except OSError as exc:
            print(exc)
        after = {p.name: p.read_bytes() for p in out.iterdir()}
        print(bool(forks), after == before, sorted(p.name for p in out.parent.iterdir()))
        """
    )
    assert out == "[Errno 28] No space left on device\nTrue True ['learn']"


def test_a_data_error_leaves_the_previous_pages_untouched(run: Run, project: Path) -> None:
    assert run("generate", "--root", project).code == 0
    before = tree(learn(project))
    (project / "roadmap" / "gradients.yml").write_text("title: Gradients\nstage: nowhere\n", encoding="utf-8")
    result = run("generate", "--root", project)
    assert result.code == 1
    assert "roadmap/gradients.yml:" in result.err
    assert tree(learn(project)) == before


def test_a_failure_while_writing_leaves_the_previous_pages_untouched(run: Run, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("generate", "--root", project).code == 0
    before = tree(learn(project))
    topic = project / "roadmap" / "vectors.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("title: Vectors", "title: Changed"), encoding="utf-8")
    written: list[str | Path] = []
    real_write = writer._write_file

    def failing_write(path: str | Path, data: bytes) -> None:
        if len(written) == 5:
            raise OSError(28, "No space left on device")
        written.append(path)
        real_write(path, data)

    monkeypatch.setattr(writer, "_write_file", failing_write)
    result = run("generate", "--root", project)
    assert result.code == 1 and result.err == "roadmap generate: error: No space left on device\n"
    assert len(written) == 5
    assert tree(learn(project)) == before
    assert sorted(p.name for p in (project / "site").iterdir()) == ["about.md", "assets", "index.md", "learn", "planner.md"]


GENERATE_FORKED = """
    import json, os, sys
    from pathlib import Path
    from generator import sizes
    from generator.output import writer
    from generator.kb.loading import load_roadmap
    parent = os.getpid()
    mode, root, out = sys.argv[1:4]
    if mode == "child-fails":
        real_write = writer._write_file
        def write(path, data):
            if os.getpid() != parent:
                raise OSError(28, "No space left on device")
            real_write(path, data)
        writer._write_file = write
    if mode == "all-fail":
        def write(*args):
            raise OSError(28, "No space left on device")
        writer._write_file = write
    sizes.PARALLEL_PAGES = 2
    try:
        changed = writer.generate(load_roadmap(Path(root)), Path(out))
    except OSError as exc:
        changed = str(exc)
    print(json.dumps({"forked": bool(forks), "changed": changed}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
def test_a_big_site_is_made_and_written_on_every_core_with_the_same_bytes(run: Run, project: Path, tmp_path: Path) -> None:
    assert run("generate", "--root", project).code == 0
    here = tree(learn(project))

    def forked(mode: str, out: Path) -> dict[str, object]:
        code = GENERATE_FORKED.replace("sys.argv[1:4]", repr([mode, str(project), str(out)]))
        found: dict[str, object] = json.loads(fresh(code))
        return found

    spread = tmp_path / "spread"
    assert forked("plain", spread) == {"forked": True, "changed": True}
    assert tree(spread) == here  # every page and the manifest, byte for byte
    # A child that fails has its share made again here; nothing of it is lost.
    again = tmp_path / "again"
    assert forked("child-fails", again) == {"forked": True, "changed": True}
    assert tree(again) == here
    # A failure everywhere leaves the folder as it was and nothing beside it.
    assert forked("all-fail", spread) == {"forked": True, "changed": "[Errno 28] No space left on device"}
    assert tree(spread) == here
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again", "project", "spread"]
    # Unchanged data: nothing is replaced.
    assert forked("plain", spread) == {"forked": True, "changed": False}


def test_link_report_is_read_from_the_root_or_given(run: Run, project: Path, tmp_path: Path) -> None:
    report = FIXTURES.parent / "golden" / "link-report.json"
    shutil.copy(report, project / "link-report.json")
    assert run("generate", "--root", project).code == 0
    assert (learn(project) / "link-health/index.md").is_file()
    assert "Link check" in (learn(project) / "resources" / "forum" / "index.md").read_text(encoding="utf-8")
    (project / "link-report.json").unlink()
    assert run("generate", "--root", project).code == 0
    assert not (learn(project) / "link-health/index.md").exists()
    assert run("generate", "--root", project, "--link-report", report).code == 0
    assert (learn(project) / "link-health/index.md").is_file()
    missing = run("generate", "--root", project, "--link-report", tmp_path / "nope.json")
    assert missing.code == 2 and "no such link report" in missing.err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"results": [{"url": "x"}]}), encoding="utf-8")
    malformed = run("generate", "--root", project, "--link-report", bad)
    assert malformed.code == 2 and "not a link report" in malformed.err


def test_generate_without_a_site_config_needs_out(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("generate", "--root", FIXTURES / "mini")
    assert result.code == 2 and "mkdocs.yml" in result.err
    assert run("generate", "--root", FIXTURES / "mini", "--out", tmp_path / "learn").code == 0


@pytest.mark.parametrize(
    ("text", "folders"),
    [
        ("docs_dir: pages\nsite_dir: out\n", ("pages", "out")),
        ("site_name: x\n", ("docs", "site")),  # mkdocs's own defaults
        ("docs_dir: pages\nextra:\n  key: !ENV [KEY, none]\nhook: !!python/name:os.getcwd\n", ("pages", "site")),
        ("", ("docs", "site")),
    ],
)
def test_the_folders_mkdocs_yml_names(tmp_path: Path, text: str, folders: tuple[str, str]) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert config_folders(config) == folders


@pytest.mark.parametrize("raw", [b"docs_dir: [\n", b"- a list\n", b"docs_dir: caf\xe9\n"], ids=["broken", "not-a-mapping", "not-utf-8"])
def test_an_unreadable_mkdocs_yml_is_one_message(run: Run, project: Path, raw: bytes) -> None:
    (project / "mkdocs.yml").write_bytes(raw)
    with pytest.raises(SiteError, match=r"mkdocs\.yml: "):
        config_folders(project / "mkdocs.yml")
    result = run("generate", "--root", project)
    assert result.code == 2 and "mkdocs.yml: " in result.err and "Traceback" not in result.err


def _alias_bomb(levels: int = 7) -> str:
    """A "billion laughs" mkdocs.yml: a few lines whose aliases expand to 9**levels strings."""
    lines = ["site_name: x", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join([*lines, f"docs_dir: *l{levels}", f"site_dir: *l{levels}", ""])


@pytest.mark.parametrize("command", ["generate", "build"])
def test_an_alias_bomb_in_mkdocs_yml_is_refused_at_once(run: Run, project: Path, command: str) -> None:
    (project / "mkdocs.yml").write_text(_alias_bomb(), encoding="utf-8")
    started = time.monotonic()
    result = run(command, "--root", project)
    assert time.monotonic() - started < 1.0
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.splitlines() == [
        f"roadmap {command}: error: {project / 'mkdocs.yml'}: line 3: alias `*l0`: mkdocs.yml is read without aliases; write the value out in full"
    ]
    assert not learn(project).exists() and not (project / "public").exists()


def test_a_huge_or_deeply_nested_mkdocs_yml_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  padding: " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(SiteError, match=r"mkdocs\.yml: over 1024 KiB, too big for a site's settings"):
        config_folders(config)
    config.write_text("extra: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(SiteError, match=r"mkdocs\.yml: line 1: nested more than 64 levels deep"):
        config_folders(config)
    config.write_text("docs_dir: [pages]\n", encoding="utf-8")
    with pytest.raises(SiteError, match=r"mkdocs\.yml: docs_dir must be a folder name, not a list"):
        config_folders(config)


def test_pr_check_reads_an_alias_bomb_in_mkdocs_yml_at_once(run: Run, tmp_path: Path) -> None:
    root = shutil.copytree(FIXTURES / "mini", tmp_path / "repo")
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    git = ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True, env=env)
    subprocess.run([*git, "add", "."], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True, env=env)
    (root / "mkdocs.yml").write_text(_alias_bomb(), encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", "bomb"], check=True, env=env)
    started = time.monotonic()
    result = run("pr-check", "--root", root, "--base", "HEAD~1")
    assert time.monotonic() - started < 2.0
    assert result.code == 0 and "Traceback" not in result.err


# -- build -------------------------------------------------------------------------------


@pytest.mark.slow
def test_build_with_mkdocs_strict(run: Run, project: Path) -> None:
    result = run("build", "--root", project)
    assert result.code == 0, result.err
    public = project / "public"
    assert (public / "learn" / "roadmap" / "index.html").is_file()
    assert (public / "learn" / "topics" / "gradients" / "index.html").is_file()
    assert (public / "learn" / "catalogue" / "books" / "index.html").is_file()
    assert (public / "learn" / "data" / "roadmap.json").is_file()
    assert not list(project.glob(".public*")) and not list(project.glob(".roadmap-*"))


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_failed_build_leaves_the_previous_site_untouched(run: Run, project: Path, engine: str) -> None:
    assert run("build", "--root", project, "--engine", engine).code == 0
    public = project / "public"
    before = tree(public)
    about = project / "site" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    result = run("build", "--root", project, "--engine", engine)
    assert result.code == 1
    assert f"{engine} build failed" in result.err and "no-such-page.md" in result.err
    assert "INFO" not in result.err and "Traceback" not in result.err  # just what went wrong
    assert tree(public) == before
    # nothing left beside it (Zensical keeps its cache in .cache/, git-ignored)
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) in ([], [".cache"])


@pytest.mark.slow
def test_a_data_error_stops_the_build_before_anything_changes(run: Run, project: Path) -> None:
    assert run("build", "--root", project).code == 0
    before_site, before_learn = tree(project / "public"), tree(learn(project))
    (project / "resources" / "forum.yml").write_text("title: [\n", encoding="utf-8")
    result = run("build", "--root", project)
    assert result.code == 1 and "resources/forum.yml:" in result.err
    assert tree(project / "public") == before_site and tree(learn(project)) == before_learn


def test_build_refuses_to_replace_a_folder_that_is_not_a_site(run: Run, project: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep me\n", encoding="utf-8")
    result = run("build", "--root", project, "--out", notes)
    assert result.code == 2 and "not a site built before" in result.err
    assert (notes / "todo.txt").read_text(encoding="utf-8") == "keep me\n"
    for target in (project, project / "site", project / "site" / "public"):
        refused = run("build", "--root", project, "--out", target)
        assert refused.code == 2, target


def test_build_never_replaces_a_folder_without_its_marker(run: Run, project: Path, tmp_path: Path) -> None:
    # It looks like a site (an index.html and a sitemap.xml), but we did not build it.
    looks_built = tmp_path / "looks-built"
    looks_built.mkdir()
    files = {"index.html": "<p>mine</p>\n", "sitemap.xml": "<urlset/>\n", "notes.txt": "hand-written\n"}
    for name, text in files.items():
        (looks_built / name).write_text(text, encoding="utf-8")
    result = run("build", "--root", project, "--out", looks_built)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"roadmap build: error: {looks_built} exists and is not a site built before (it has no .roadmap-build file); "
        "it will not be replaced. Move its files elsewhere, or pick an empty or new folder for --out"
    ]
    assert tree(looks_built) == {name: text.encode() for name, text in files.items()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["looks-built", "project"]


@pytest.mark.slow
def test_build_replaces_the_folder_it_built(run: Run, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "built"
    assert run("build", "--root", project, "--out", out).code == 0
    assert (out / ".roadmap-build").is_file() and (out / "index.html").is_file()
    (out / "stale.html").write_text("from an earlier build\n", encoding="utf-8")
    assert run("build", "--root", project, "--out", out).code == 0
    assert (out / ".roadmap-build").is_file() and (out / "index.html").is_file() and not (out / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["built", "project"]


@pytest.mark.slow
def test_build_with_zensical(run: Run, project: Path, tmp_path: Path) -> None:
    """Zensical reads the same mkdocs.yml and builds the same generated folder."""
    out = tmp_path / "zensical-site"
    result = run("build", "--root", project, "--engine", "zensical", "--out", out)
    assert result.code == 0, result.err
    for page in ("index.html", "learn/roadmap/index.html", "learn/topics/gradients/index.html", "learn/catalogue/index.html"):
        assert (out / page).is_file(), page
    roadmap = (out / "learn" / "roadmap" / "index.html").read_text(encoding="utf-8")
    assert roadmap.count('class="rm-node area-') == 6
    assert '<div class="rm-progress" data-topic="gradients"></div>' in (out / "learn/topics/gradients/index.html").read_text(
        encoding="utf-8"
    )
    # the throwaway config and the staging folder are gone
    assert not list(project.glob(".roadmap-zensical-*")) and not list(project.glob(".public.zensical-*"))


# -- the configuration and the hand-written pages --------------------------------------------


def _config() -> dict[str, object]:
    return read_config(REPO / "mkdocs.yml")


def _nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    return []


def test_the_navigation_lists_every_step_and_every_catalogue() -> None:
    from generator.kb.loading import load_roadmap
    from generator.kb.vocabulary import KIND_PLURALS
    from generator.render import urls

    files = _nav_files(_config()["nav"])
    assert files[:3] == ["index.md", "learn/roadmap/index.md", "planner.md"] and files[-1] == "about.md"
    for data in (REPO, FIXTURES / "mini"):
        for stage in load_roadmap(data).stages:
            assert urls.stage_page(stage.id) in files, stage.id
    for kind in KIND_PLURALS:
        assert urls.catalogue_page(kind) in files
    assert urls.CATALOGUE_INDEX in files


def test_the_home_page_names_every_step_of_the_guide() -> None:
    from generator.kb.loading import load_roadmap

    home = (REPO / "site" / "index.md").read_text(encoding="utf-8")
    for stage in load_roadmap(REPO).stages:
        assert f"<strong>{stage.title}</strong>" in home, stage.title
        assert f"(learn/stages/{stage.id}/index.md)" in home, stage.id


def test_the_configuration_keeps_the_site_to_itself() -> None:
    config = _config()
    theme = config["theme"]
    assert isinstance(theme, dict) and theme["font"] is False  # no Google Fonts
    assert "repo_url" not in config  # Material would fetch repository facts from GitHub
    assert config["docs_dir"] == "site" and config["site_dir"] == "public" and config["strict"] is True
    scripts = config["extra_javascript"]
    assert isinstance(scripts, list)
    for script in scripts:
        assert isinstance(script, str) and script.startswith("assets/js/") and (REPO / "site" / script).is_file(), script
    assert "navigation.instant" not in theme["features"]  # our scripts run on each page load
