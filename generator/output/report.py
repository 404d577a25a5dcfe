"""The link report a site shows: `roadmap check-links --format json` output, beside the data."""

from __future__ import annotations

import json
from pathlib import Path

from generator.links.report_file import LinkReport, LinkReportError, parse_link_report
from generator.output.project import SiteError

DEFAULT_REPORT = "link-report.json"


def report_path(root: Path, given: str | None) -> Path | None:
    """The link report to show: `--link-report FILE`, else `<root>/link-report.json` if present."""
    if given:
        path = Path(given)
        if not path.is_file():
            raise SiteError(f"{given}: no such link report; write one with `roadmap check-links --format json > {given}`")
        return path
    default = root / DEFAULT_REPORT
    return default if default.is_file() else None


def load_report(path: Path | None) -> LinkReport | None:
    """The report at `path` (None: no report); raises SiteError when it is not one."""
    if path is None:
        return None
    try:
        return parse_link_report(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, LinkReportError) as exc:
        raise SiteError(f"{path}: not a link report ({exc}); make it with `roadmap check-links --format json`") from None
