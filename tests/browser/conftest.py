"""Shared Playwright fixtures: a built site served on 127.0.0.1, Chromium, and a guard.

- `built_site`: the site of tests/fixtures/mini, built once per session with mkdocs (strict).
- `site_url`: the base URL of a local HTTP server serving it ("http://127.0.0.1:PORT/").
- `serve(folder)`: serve another built folder for the session; returns its base URL.
- `browser`: Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium) driven by Playwright.
- `page`: a fresh page at 1280x900 on `site_url`; `new_page(width=..., height=...,
  color_scheme=..., base=..., touch=..., javascript=...)` makes more. Each page has a guard (`page.guard`, or the
  `guard` fixture for `page`): a request to any host but the local server is blocked and,
  like a console error or an uncaught exception, fails the test at teardown. A test that
  provokes errors on purpose clears `guard.errors` itself.

The site, its server and the roadmap are session-scoped, so the browser suite builds the
site once; Chromium is started once per test module (see `browser`).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.roadmap import Roadmap

from site_project import FIXTURES, REPO, build_site

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "artifacts" / "screenshots"


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if Path(path).exists():
        return path
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("Chromium not found: install Debian's chromium or set CHROMIUM_PATH")
    return found


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Everything under tests/browser/ drives the browser: `-m "not browser"` skips it all.
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.path)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_roadmap() -> Roadmap:
    """The knowledge base the served site is built from (tests/fixtures/mini)."""
    return load_roadmap(FIXTURES / "mini")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("browser-site"), FIXTURES / "mini")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """serve(folder) -> "http://127.0.0.1:PORT/": a static server for the rest of the session."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path, serve: Callable[[Path], str]) -> str:
    return serve(built_site)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Per module, not per session: while Playwright's sync API runs, the main thread has a
    # running event loop, and the tests collected after the browser tests (asyncio.run in
    # the link checker's) must not find one. A launch costs about a second.
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Guard:
    """What went wrong on a page: console errors, uncaught exceptions, requests to other hosts."""

    base: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def check(self) -> None:
        problems = [*(f"console/page error: {e}" for e in self.errors), *(f"request to another host: {u}" for u in self.outside)]
        assert not problems, "\n".join(problems)


def _open(
    browser: Any, base: str, width: int, height: int, color_scheme: str, touch: bool = False, javascript: bool = True
) -> tuple[Any, Any, Guard]:
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=color_scheme,
        service_workers="block",
        has_touch=touch,
        java_script_enabled=javascript,
    )
    guard = Guard(base)

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(base) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            guard.outside.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda message: guard.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: guard.errors.append(str(error)))
    page.guard = guard
    return context, page, guard


@pytest.fixture
def new_page(browser: Any, site_url: str) -> Iterator[Callable[..., Any]]:
    """new_page(width=1280, height=900, color_scheme="light", base=site_url, touch=False,
    javascript=True) -> a guarded page."""
    opened: list[tuple[Any, Guard]] = []

    def make(
        width: int = 1280,
        height: int = 900,
        color_scheme: str = "light",
        base: str | None = None,
        touch: bool = False,
        javascript: bool = True,
    ) -> Any:
        context, page, guard = _open(browser, base or site_url, width, height, color_scheme, touch, javascript)
        opened.append((context, guard))
        return page

    yield make
    for context, _ in opened:
        context.close()
    for _, guard in opened:
        guard.check()


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    """A guarded 1280x900 page; go to `site_url + path` with `page.goto`."""
    return new_page()


@pytest.fixture
def guard(page: Any) -> Guard:
    """The guard of `page`."""
    result: Guard = page.guard
    return result


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """artifacts/screenshots/ (git-ignored; CI keeps it as an artefact)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
