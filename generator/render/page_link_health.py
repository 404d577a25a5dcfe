"""The link health page: the links that need a maintainer's attention, worst first."""

from __future__ import annotations

from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import COUNT_LABELS, PROBLEM_VERDICTS, VERDICT_LABELS
from generator.links.report_file import LinkReport
from generator.render.blocks import (
    Front,
    ext_link,
    link_to,
    markdown_page,
    reason_words,
)
from generator.render.text import day_of, front_value, h
from generator.render.urls import LINK_HEALTH_PAGE, resource_page


def link_health_markdown(roadmap: Roadmap, report: LinkReport) -> str:
    """The links that need a maintainer's attention, worst first."""
    src = LINK_HEALTH_PAGE
    counts = ", ".join(f"{report.summary[v]} {COUNT_LABELS[v]}" for v in VERDICT_LABELS if report.summary.get(v))
    checked = sorted({r.checked_at for r in report.results if r.checked_at})
    when = f" The newest check is from {day_of(checked[-1])}." if checked else ""
    body = [
        "# Link health",
        "",
        f'<p class="rm-lede">What the last run of <code>roadmap check-links</code> found: {h(counts or "no results")}.{h(when)}</p>',
        "",
    ]
    problems = report.problems
    if not problems:
        body += ["Every checked link works.", ""]
    for verdict in PROBLEM_VERDICTS:
        rows = [r for r in problems if r.verdict == verdict]
        if not rows:
            continue
        body += [f"## {verdict.capitalize()} ({len(rows)})", ""]
        lines = []
        for r in rows:
            res = roadmap.resources.get(r.resource or "")
            name = link_to(src, resource_page(r.resource or ""), res.title) if res and r.resource else h(r.resource or "—")
            status = "" if r.status is None else str(r.status)
            lines.append(
                f'<tr><td>{name}</td><td class="rm-url rm-wide" data-label="Address">{ext_link(r.url, r.url)}</td>'
                f'<td data-label="Status" class="rm-wide">{h(status or "—")}</td><td data-label="Why" class="rm-wide"><span>{h(reason_words(r))}'
                + (f" → {ext_link(r.final_url, r.final_url)}" if r.final_url and r.final_url != r.url else "")
                + f'</span></td><td data-label="Where" class="rm-wide"><code>{h(r.location or "")}</code></td>'
                f'<td data-label="Checked" class="rm-wide">{h(day_of(r.checked_at))}</td></tr>'
            )
        body += [
            '<div class="rm-table-wrap" data-search-exclude><table class="rm-table rm-links">',
            '<thead><tr><th scope="col">Resource</th><th scope="col">Address</th><th scope="col">Status</th>'
            '<th scope="col">Why</th><th scope="col">Where</th><th scope="col">Checked</th></tr></thead>',
            "<tbody>",
            *lines,
            "</tbody></table></div>",
            "",
        ]
    front: Front = {
        "title": front_value("Link health"),
        "description": front_value("Resource links that are broken, redirected or could not be checked."),
    }
    return markdown_page(front, body)
