"""`roadmap check-links` end to end: what it checks, what it writes, how it exits."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.links import Verdict
from generator.links._progress import Progress

from .conftest import Servers

FIXTURE = Path(__file__).parent / "fixtures" / "kb"
FAST = ["--interval", "0", "--timeout", "2", "--retries", "0", "--allow-private"]


@pytest.fixture
def kb(tmp_path: Path, servers: Servers, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture knowledge base whose `.invalid` hosts reach the loopback server."""
    root = tmp_path / "kb"
    shutil.copytree(FIXTURE, root)
    for file in (root / "resources").glob("*.yml"):
        file.write_text(file.read_text().replace(":9/", f":{servers.plain.port}/"))

    async def resolve(host: str, port: int) -> list[str]:
        assert host.endswith(".example.invalid"), host
        return ["127.0.0.1"]

    monkeypatch.setattr("generator.links._guard.system_resolve", resolve)
    return root


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def test_checks_every_resource_and_fails_on_broken(run: Callable[..., Any], kb: Path) -> None:
    report = kb / "out" / "link-report.json"
    result = run("check-links", "--root", kb, *FAST, "--format", "json", "--output", report)
    assert result.code == 1
    data = _json(report)
    assert data["summary"] == {"ok": 1, "redirected": 1, "broken": 1, "indeterminate": 0, "skipped": 0}
    broken = data["results"][0]
    assert (broken["resource"], broken["location"], broken["reason"]) == ("gone-video", "resources/gone-video.yml:3", "not-found")
    assert "3 URLs: 1 broken, 1 redirected, 1 ok" in result.err  # the summary, since the report went to a file
    assert result.out == ""


def test_text_report_on_stdout(run: Callable[..., Any], kb: Path) -> None:
    result = run("check-links", "--root", kb, *FAST)
    assert result.code == 1
    assert "resources/gone-video.yml:3: broken (not-found): http://videos.example.invalid:" in result.out
    assert "resources/moved-course.yml:3: redirected (permanent-redirect)" in result.out
    assert "\r" not in result.err  # no progress bar when stderr is not a terminal


def test_several_reports_in_one_run(run: Callable[..., Any], kb: Path) -> None:
    result = run("check-links", "--root", kb, *FAST, "--output", kb / "r.json", "--output", kb / "r.md", "--output", kb / "r.txt")
    assert result.code == 1
    assert _json(kb / "r.json")["summary"]["broken"] == 1
    assert (kb / "r.md").read_text().startswith("## Link check\n")
    assert "broken (not-found)" in (kb / "r.txt").read_text()


def test_output_dash_is_stdout(run: Callable[..., Any], kb: Path) -> None:
    result = run("check-links", "--root", kb, *FAST, "--output", "-", "--output", kb / "r.json", "--format", "json")
    assert json.loads(result.out)["summary"] == _json(kb / "r.json")["summary"]


def test_nothing_broken_exits_0(run: Callable[..., Any], kb: Path) -> None:
    (kb / "resources" / "gone-video.yml").unlink()
    assert run("check-links", "--root", kb, *FAST).code == 0


def test_exclude_skips(run: Callable[..., Any], kb: Path) -> None:
    result = run("check-links", "--root", kb, *FAST, "--exclude", "videos\\.", "--format", "json")
    assert result.code == 0
    skipped = [r for r in json.loads(result.out)["results"] if r["verdict"] == "skipped"]
    assert [(r["resource"], r["reason"]) for r in skipped] == [("gone-video", "excluded")]


def test_accept_makes_a_status_ok(run: Callable[..., Any], kb: Path) -> None:
    assert run("check-links", "--root", kb, *FAST, "--accept", "404").code == 0


def test_without_allow_private_loopback_is_skipped(run: Callable[..., Any], kb: Path) -> None:
    result = run("check-links", "--root", kb, "--interval", "0", "--format", "json")
    assert result.code == 0
    assert json.loads(result.out)["summary"]["skipped"] == 3


def test_cache_makes_a_rerun_cheap(run: Callable[..., Any], kb: Path, servers: Servers) -> None:
    cache = kb / ".roadmap-cache" / "links.json"
    run("check-links", "--root", kb, *FAST, "--cache", cache)
    seen = len(servers.plain.log.requests)
    result = run("check-links", "--root", kb, *FAST, "--cache", cache, "--format", "json")
    cached = {r["resource"]: r["from_cache"] for r in json.loads(result.out)["results"]}
    assert cached == {"good-book": True, "moved-course": True, "gone-video": False}  # broken: always asked again
    assert [r.target for r in servers.plain.log.requests[seen:]] == ["/status/404", "/status/404"]  # HEAD, then GET


@pytest.mark.parametrize("content", [b"{ not json", b"", b'{"version": 1, "entries": {"\xff": 1'], ids=["not json", "empty", "not utf-8"])
def test_unusable_cache_is_set_aside_and_the_run_goes_on(run: Callable[..., Any], kb: Path, content: bytes) -> None:
    cache = kb / "cache.json"
    cache.write_bytes(content)
    result = run("check-links", "--root", kb, *FAST, "--cache", cache)
    assert result.code == 1  # the broken link, as without a cache: not 2, not a traceback
    [warning] = [line for line in result.err.splitlines() if "cache" in line]
    assert warning.startswith(f"warning: {cache}: not a usable link-check cache (") and "set aside as cache.json.bad-" in warning
    assert "Traceback" not in result.err
    assert json.loads(cache.read_text())["version"] == 1  # a good cache in its place for next week
    assert [p.read_bytes() for p in kb.glob("cache.json.bad-*")] == [content]


def test_unreadable_cache_is_a_usage_error(run: Callable[..., Any], kb: Path) -> None:
    cache = kb / "cache.json"
    cache.mkdir()
    result = run("check-links", "--root", kb, *FAST, "--cache", cache)
    assert result.code == 2
    assert "cannot read the cache" in result.err


def test_urls_from_stdin(run: Callable[..., Any], servers: Servers, monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"# a comment\n\n{servers.plain.url('/status/200')}\n{servers.plain.url('/status/200')}\n{servers.plain.url('/status/410')}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    result = run("check-links", "--urls-from", "-", *FAST, "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["summary"]["broken"] == 1 and data["summary"]["ok"] == 1  # the repeated URL is checked once
    assert {r["location"] for r in data["results"]} == {"<stdin>:3", "<stdin>:5"}
    assert all(r["resource"] is None for r in data["results"])


def test_urls_from_file_with_bad_lines(run: Callable[..., Any], tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("https://fine.example.invalid/\nftp://files.example.invalid/\nnot a url\n")
    result = run("check-links", "--urls-from", listing)
    assert result.code == 2
    assert f"{listing}:2: `ftp://files.example.invalid/` is not an http(s) URL" in result.err
    assert f"{listing}:3:" in result.err


def test_urls_from_missing_file(run: Callable[..., Any], tmp_path: Path) -> None:
    result = run("check-links", "--urls-from", tmp_path / "nope.txt")
    assert result.code == 2
    assert "cannot read --urls-from" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--accept", "20x"], "is not a status code"),
        (["--exclude", "(unclosed"], "is not a regular expression"),
        (["--timeout", "0"], "must be more than 0"),
        (["--concurrency", "0"], "must be at least 1"),
        (["--per-host", "two"], "is not a whole number"),
        (["--interval", "-1"], "must be at least 0"),
        (["--format", "yaml"], "invalid choice"),
        (["--urls-from", "x", "--changed-since", "HEAD"], "not allowed with"),
    ],
)
def test_usage_errors_exit_2(run: Callable[..., Any], args: list[str], message: str) -> None:
    result = run("check-links", *args)
    assert result.code == 2
    assert message in result.err


def test_data_errors_exit_1(run: Callable[..., Any], kb: Path) -> None:
    (kb / "resources" / "good-book.yml").write_text("title: [unclosed\n")
    result = run("check-links", "--root", kb, *FAST)
    assert result.code == 1
    assert "resources/good-book.yml:" in result.err


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_changed_since_checks_only_changed_resources(run: Callable[..., Any], kb: Path) -> None:
    _git(kb, "init", "-q")
    _git(kb, "add", ".")
    _git(kb, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "base")
    book = kb / "resources" / "good-book.yml"
    book.write_text(book.read_text().replace("A Good Book", "A Better Book"))
    video = (kb / "resources" / "gone-video.yml").read_text()
    (kb / "resources" / "new-video.yml").write_text(video.replace("/status/404", "/status/404?new"))  # untracked
    (kb / "resources" / "moved-course.yml").unlink()  # deleted: nothing to check
    result = run("check-links", "--root", kb, "--changed-since", "HEAD", *FAST, "--format", "json")
    checked = sorted(r["resource"] for r in json.loads(result.out)["results"])
    assert checked == ["good-book", "new-video"]
    assert result.code == 1


def test_changed_since_nothing_changed(run: Callable[..., Any], kb: Path) -> None:
    _git(kb, "init", "-q")
    _git(kb, "add", ".")
    _git(kb, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "base")
    result = run("check-links", "--root", kb, "--changed-since", "HEAD", *FAST)
    assert (result.code, result.out) == (0, "0 URLs: 0 ok\n")


def test_changed_since_outside_git(run: Callable[..., Any], kb: Path) -> None:
    result = run("check-links", "--root", kb, "--changed-since", "HEAD")
    assert result.code == 2
    assert "needs a git repository" in result.err


def test_changed_since_unknown_revision(run: Callable[..., Any], kb: Path) -> None:
    _git(kb, "init", "-q")
    result = run("check-links", "--root", kb, "--changed-since", "no-such-branch")
    assert result.code == 2
    assert "`no-such-branch` is not a commit" in result.err


def test_changed_since_refuses_option_lookalikes(run: Callable[..., Any], kb: Path) -> None:
    _git(kb, "init", "-q")
    result = run("check-links", "--root", kb, "--changed-since=--output=/tmp/x")
    assert result.code == 2


def test_progress_bar_draws_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(2, stream, enabled=True)
    progress.advance(Verdict.OK)
    progress.advance(Verdict.BROKEN)
    progress.close()
    text = stream.getvalue()
    assert "checking links [" in text and "2/2, 1 broken" in text and text.endswith("\r\x1b[K")


def test_progress_bar_stays_quiet_otherwise() -> None:
    stream = io.StringIO()  # not a terminal
    progress = Progress(3, stream)
    progress.advance(Verdict.OK)
    progress.close()
    assert stream.getvalue() == ""


def test_max_host_time(run: Callable[..., Any], servers: Servers, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{servers.silent.url(f'/cli/{i}')}\n" for i in range(6)))
    result = run(
        "check-links",
        "--urls-from",
        urls,
        "--interval",
        "0",
        "--timeout",
        "5",
        "--allow-private",
        "--max-host-time",
        "1",
        "--format",
        "json",
    )
    assert result.code == 0  # indeterminate, not broken
    data = json.loads(result.out)
    assert data["summary"]["indeterminate"] == 6
    assert run("check-links", "--urls-from", urls, "--max-host-time", "0").code == 2


def test_a_broken_host_policy_is_a_usage_error(
    run: Callable[..., Any], servers: Servers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise ValueError("generator/links/hosts.toml: not valid TOML (Expected ']' at line 1)")

    monkeypatch.setattr("generator.links._hosts.load_policy", broken)
    urls = tmp_path / "urls.txt"
    urls.write_text(servers.plain.url("/ok") + "\n")
    result = run("check-links", "--urls-from", urls, *FAST)
    assert result.code == 2
    assert "hosts.toml: not valid TOML" in result.err


@pytest.mark.parametrize("option", ["--timeout", "--interval", "--max-host-time"])
@pytest.mark.parametrize("value", ["nan", "inf"])
def test_seconds_must_be_finite(run: Callable[..., Any], option: str, value: str) -> None:
    result = run("check-links", "--urls-from", "-", option, value)
    assert result.code == 2
    assert "must be" in result.err and value in result.err
