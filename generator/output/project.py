"""The site project: its mkdocs.yml and the folders it names; the errors of the output stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.render.urls import LEARN

GENERATED_FOLDER = LEARN  # the generated pages' folder inside the docs folder


class SiteError(Exception):
    """Generating or building cannot go ahead; the message says why and what to do."""


class BuildError(SiteError):
    """The engine failed; the message holds its output."""


def show(path: Path) -> str:
    """`path` as a message shows it: relative to the current folder when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files that use `!ENV` or `!!python/name:` tags; we only need plain settings."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    """The settings of an mkdocs.yml; a tag (`!ENV`, `!!python/name:`) reads as None.
    Raises SiteError when the file cannot be read or is not a mapping."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SiteError(f"{path}: cannot read it as YAML: {exc}") from None
    if not isinstance(data, dict):
        raise SiteError(f"{path}: expected a mapping of settings")
    return data


def config_folders(path: Path) -> tuple[str, str]:
    """The docs folder and the site folder an mkdocs.yml names, as written there
    (relative to its folder), with mkdocs's defaults. Raises SiteError like `read_config`."""
    data = read_config(path)
    return str(data.get("docs_dir") or "docs"), str(data.get("site_dir") or "site")


@dataclass(frozen=True)
class Project:
    """An mkdocs.yml and the docs and site folders it names (absolute paths)."""

    config: Path
    docs_dir: Path
    site_dir: Path

    @property
    def folder(self) -> Path:
        return self.config.parent

    @property
    def generated(self) -> Path:
        """Where generated pages go: `learn/` inside the docs folder."""
        return self.docs_dir / GENERATED_FOLDER


def find_project(root: Path, config: str | None = None) -> Project:
    """The project whose pages we generate: `--config`, else mkdocs.yml under --root, else here."""
    if config:
        path = Path(config)
        if not path.is_file():
            raise SiteError(f"{config}: no such file; pass the site's mkdocs.yml with --config")
    else:
        candidates = [root / "mkdocs.yml", Path("mkdocs.yml")]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise SiteError("no mkdocs.yml in --root or the current folder; run from the repository root or pass --config FILE")
        path = found
    path = path.resolve()
    docs, site = config_folders(path)
    return Project(config=path, docs_dir=(path.parent / docs).resolve(), site_dir=(path.parent / site).resolve())
