"""Where each generated page lives, and the relative links between pages.

Links inside raw HTML are written as final directory URLs, relative to the page (`href`);
links in Markdown point at `.md` files (`md_link`) so the engine checks them in strict mode.
"""

from __future__ import annotations

from generator.kb.vocabulary import KIND_PLURALS

# Paths of generated pages, relative to the docs folder. `render_site` returns them
# relative to the generated folder (`learn/`), which is where `generate` writes.
#
# Every page is a folder's `index.md` (learn/topics/<id>/index.md -> /learn/topics/<id>/),
# so a relative link means the same to both engines: mkdocs resolves links in raw HTML
# against the page's URL, Zensical against its source file; for an index page the two
# are the same folder.
LEARN = "learn"
ROADMAP_PAGE = f"{LEARN}/roadmap/index.md"
CATALOGUE_INDEX = f"{LEARN}/catalogue/index.md"
LINK_HEALTH_PAGE = f"{LEARN}/link-health/index.md"
DATA_FILE = f"{LEARN}/data/roadmap.json"
DRAWING_FILE = f"{LEARN}/data/roadmap.svg"  # the roadmap's drawing alone, with links for the planner page
PLANNER_PAGE = "planner.md"
ABOUT_PAGE = "about.md"


def focus_file(tid: str) -> str:
    return f"{LEARN}/data/focus/{tid}.json"


def exercises_file(tid: str) -> str:
    return f"{LEARN}/data/exercises/{tid}.json"


def topic_page(tid: str) -> str:
    return f"{LEARN}/topics/{tid}/index.md"


def resource_page(rid: str) -> str:
    return f"{LEARN}/resources/{rid}/index.md"


def stage_page(sid: str) -> str:
    return f"{LEARN}/stages/{sid}/index.md"


def catalogue_page(kind: str) -> str:
    return f"{LEARN}/catalogue/{KIND_PLURALS[kind]}/index.md"


def _url_dir(page: str) -> str:
    """The folder URL mkdocs gives a page with `use_directory_urls: true`."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


# Relative paths are worked out from split paths: what posixpath.relpath does, without
# its abspath and getcwd calls for every link.
def _url_parts(page: str) -> tuple[str, ...]:
    return tuple(part for part in _url_dir(page).split("/") if part)


def _path_parts(page: str) -> tuple[str, ...]:
    return tuple(part for part in page.split("/") if part)


def _relative(source: tuple[str, ...], target: tuple[str, ...]) -> list[str]:
    common = 0
    for a, b in zip(source, target):
        if a != b:
            break
        common += 1
    return [".."] * (len(source) - common) + list(target[common:])


def href(src: str, dst: str, fragment: str = "") -> str:
    """Relative URL from page `src` to page `dst` (both docs-relative `.md` paths) for raw HTML."""
    parts = _relative(_url_parts(src), _url_parts(dst))
    return ("/".join(parts) + "/" if parts else "./") + fragment


def md_link(src: str, dst: str) -> str:
    """Relative `.md` path from page `src` to page `dst`, for Markdown links the engine checks."""
    return "/".join(_relative(_path_parts(src)[:-1], _path_parts(dst))) or "."
