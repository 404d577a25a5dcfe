"""A throwaway copy of the site project (mkdocs.yml and the hand-written site/) for build tests.

Builds never touch the repository's own site/learn/ or public/: each test copies the project
into its tmp_path, with the knowledge base of its choice, and builds there.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


def copy_project(dest: Path, data: Path | None = None) -> Path:
    """Copy mkdocs.yml and the hand-written pages into `dest`, and the knowledge base `data`
    (default: tests/fixtures/mini) into `dest/roadmap` and `dest/resources`. Returns `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(
        REPO / "site",
        dest / "site",
        ignore=lambda folder, names: [n for n in names if n.startswith(".") or (Path(folder) == REPO / "site" and n == "learn")],
    )
    source = data or FIXTURES / "mini"
    for part in ("roadmap", "resources"):
        shutil.copytree(source / part, dest / part)
    return dest


def build_site(tmp: Path, data: Path) -> Path:
    """Build the site for the knowledge base at `data` into `tmp/public` (mkdocs, strict); return that folder."""
    from generator.cli import main

    project = copy_project(tmp / "project", data)
    out = tmp / "public"
    code = main(["build", "--root", str(project), "--out", str(out)])
    assert code == 0, f"the site did not build; run `roadmap build --root {data}` to see why"
    return out


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative path -> bytes), to compare before and after."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Refs(HTMLParser):
    """Collects the URLs a page refers to, by the tag and attribute they appear in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and name in ("href", "src", "srcset", "poster", "data", "action", "xlink:href"):
                self.refs.append((tag, name, value))
            if value is not None and name == "style" and "url(" in value:
                self.refs += [(tag, "style", u) for u in re.findall(r"url\(['\"]?([^'\")]+)", value)]


def references(html: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, url) for every URL in the page's markup."""
    parser = _Refs()
    parser.feed(html)
    return parser.refs


def html_files(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def resolve_local(site: Path, page: Path, url: str) -> Path | None:
    """The file a relative URL on `page` points at (None for other hosts, fragments and schemes)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = page.parent
    target = (site / parts.path.lstrip("/")) if parts.path.startswith("/") else (base / unquote(parts.path))
    target = Path(*target.parts)  # keep `..` for resolve()
    target = target.resolve()
    if url.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target
