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


class WriteError(SiteError):
    """The pages or the site could not be written or swapped in (exit 1, like a failed build)."""


def show(path: Path) -> str:
    """`path` as a message shows it: relative to the current folder when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


# An mkdocs.yml is a page of settings. These bounds stop a hostile one (a pull request can
# change it) from taking the machine's memory: aliases can expand to billions of nodes.
MAX_CONFIG_BYTES = 1024 * 1024
MAX_CONFIG_DEPTH = 64


class _Refused(yaml.YAMLError):
    """YAML that mkdocs.yml may not hold; the message says where and why."""


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files that use `!ENV` or `!!python/name:` tags; we only need plain settings.
    Aliases (`*name`, also in merge keys) are refused, and so is nesting deeper than MAX_CONFIG_DEPTH."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        where = f"line {event.start_mark.line + 1}" if event.start_mark else "here"
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(f"{where}: alias `*{event.anchor}`: mkdocs.yml is read without aliases; write the value out in full")
        if self.depth >= MAX_CONFIG_DEPTH:
            raise _Refused(f"{where}: nested more than {MAX_CONFIG_DEPTH} levels deep")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    """The settings of an mkdocs.yml; a tag (`!ENV`, `!!python/name:`) reads as None.
    Raises SiteError when the file cannot be read, is over MAX_CONFIG_BYTES, holds an alias
    or is not a mapping."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_CONFIG_BYTES + 1)
        if len(raw) > MAX_CONFIG_BYTES:
            raise SiteError(f"{path}: over {MAX_CONFIG_BYTES // 1024} KiB, too big for a site's settings; check that it is the right file")
        data = yaml.load(raw.decode("utf-8"), Loader=_TolerantLoader) or {}
    except _Refused as exc:
        raise SiteError(f"{path}: {exc}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SiteError(f"{path}: cannot read it as YAML: {exc}") from None
    if not isinstance(data, dict):
        raise SiteError(f"{path}: expected a mapping of settings")
    return data


def config_folders(path: Path) -> tuple[str, str]:
    """The docs folder and the site folder an mkdocs.yml names, as written there
    (relative to its folder), with mkdocs's defaults. Raises SiteError like `read_config`."""
    data = read_config(path)
    folders = []
    for key, default in (("docs_dir", "docs"), ("site_dir", "site")):
        value = data.get(key) or default
        if isinstance(value, (list, dict)):
            raise SiteError(f"{path}: {key} must be a folder name, not a {type(value).__name__}")
        folders.append(str(value))
    return folders[0], folders[1]


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
