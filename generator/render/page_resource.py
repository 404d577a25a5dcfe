"""A resource's page, with what the last link check said about it."""

from __future__ import annotations

from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import (
    COST_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    VERDICT_LABELS,
)
from generator.links.report_file import LinkCheck, LinkReport
from generator.render.blocks import (
    Front,
    cost_tag,
    ext_link,
    level_tag,
    link_to,
    markdown_page,
    reason_words,
    stage_label,
    tag,
    verdict_badge,
)
from generator.render.text import (
    block_html,
    byline_of,
    day_of,
    first_words,
    front_value,
    h,
    host_name,
    hours_text,
    inline_html,
    join_words,
    md_inline,
)
from generator.render.urls import (
    LINK_HEALTH_PAGE,
    catalogue_page,
    resource_page,
    stage_page,
    topic_page,
)


def _link_check_section(check: LinkCheck | None, report: LinkReport, src: str) -> list[str]:
    lines = ["## Link check", ""]
    if check is None:
        return [*lines, "This link was not in the last link report.", ""]
    status = f" (HTTP {check.status})" if check.status is not None else ""
    when = f'<time datetime="{h(check.checked_at)}">{h(day_of(check.checked_at))}</time>' if check.checked_at else "an unknown date"
    lines.append(
        f'<p class="rm-linkcheck rm-linkcheck--{h(check.verdict)}">Last checked {when}: '
        f"<strong>{h(VERDICT_LABELS[check.verdict])}</strong>{h(status)}" + (f". {h(reason_words(check))}" if check.reason else "") + "</p>"
    )
    if check.final_url and check.final_url != check.url:
        lines.append(f'<p class="rm-linkcheck-more">It now leads to {ext_link(check.final_url, check.final_url)}.</p>')
    if check.archive:
        lines.append(f'<p class="rm-linkcheck-more">Archived copy: {ext_link(check.archive, check.archive)}.</p>')
    if report.problems:
        lines.append(f'<p class="rm-linkcheck-more">{link_to(src, LINK_HEALTH_PAGE, "All links that need attention")}.</p>')
    return [*lines, ""]


def _kind_link(roadmap: Roadmap, src: str, kind: str) -> str:
    """A resource page's tag for its kind, linking to that kind's catalogue."""
    return link_to(src, catalogue_page(kind), KIND_LABELS[kind], "rm-tag rm-tag--kind")


def _covered(roadmap: Roadmap, src: str, tid: str) -> str:
    """The start of a row in a resource page's table of the topics it covers."""
    topic = roadmap.topics[tid]
    stage = roadmap.stage_by_id[topic.stage]
    return (
        f"<tr><td>{link_to(src, topic_page(tid), topic.title)}</td>"
        f'<td data-label="Step" class="rm-wide">{link_to(src, stage_page(stage.id), f"{stage.order}. {stage.title}")}</td>'
    )


def resource_markdown(roadmap: Roadmap, rid: str, report: LinkReport | None = None) -> str:
    """One resource's page."""
    src = resource_page(rid)
    r = roadmap.resources[rid]
    byline = byline_of(r)
    extra = [str(r.year)] if r.year else []
    if r.edition:
        extra.append(f"{r.edition} edition" if not r.edition.lower().endswith("edition") else r.edition)
    who = [f"by {byline}"] if r.authors else []
    if r.provider:
        who.append(f"from {r.provider}" if not r.authors else r.provider)
    lede = " · ".join([*who, *extra])
    check = report.for_resource(rid, r.url) if report else None
    body = [
        f"# {md_inline(r.title)}",
        "",
        f'<p class="rm-lede">{h(lede)}</p>' if lede else "",
        "",
        '<div class="rm-facts">',
        _kind_link(roadmap, src, r.kind),
        cost_tag(r.cost),
        level_tag(r.level),
        *([tag(f"about {hours_text(r.hours)}", "rm-tag--hours")] if r.hours else []),
        "</div>",
        "",
        '<div class="rm-actions">',
        f"{ext_link(r.url, f'Open on {host_name(r.url)} ↗', 'md-button md-button--primary')}{verdict_badge(src, rid, check)}",
        "</div>",
        "",
        "## About it",
        "",
        block_html(r.description),
        "",
        "## What it covers",
        "",
    ]
    if r.covers:
        rows = []
        for cover in sorted(r.covers, key=lambda c: roadmap.sort_key(c.topic)):
            rows.append(
                f'{_covered(roadmap, src, cover.topic)}<td data-label="Read" class="rm-wide">{inline_html(cover.sections)}</td></tr>'
            )
        body += [
            '<div class="rm-table-wrap" data-search-exclude><table class="rm-table rm-covers">',
            f'<caption class="rm-visually-hidden">Topics covered by {h(r.title)}</caption>',
            '<thead><tr><th scope="col">Topic</th><th scope="col">Step</th><th scope="col">What to read</th></tr></thead>',
            "<tbody>",
            *rows,
            "</tbody></table></div>",
            "",
        ]
    else:
        stages = [s for s in roadmap.stages if r.kind in s.kinds]
        where = join_words([link_to(src, stage_page(s.id), stage_label(s)) for s in stages]) if stages else ""
        text = f"Not tied to particular topics: it belongs to {where}." if where else "Not tied to particular topics."
        body += [f"<p>{text}</p>", ""]
    details: list[tuple[str, str]] = [
        ("Kind", h(KIND_LABELS[r.kind])),
        ("Cost", h(COST_LABELS[r.cost])),
        ("Level", h(LEVEL_LABELS[r.level])),
    ]
    if r.hours:
        details.append(("Time", h(f"about {hours_text(r.hours)}")))
    if r.authors:
        details.append(("Authors" if len(r.authors) > 1 else "Author", h(", ".join(r.authors))))
    if r.provider:
        details.append(("Provider", h(r.provider)))
    if r.year:
        details.append(("Year", str(r.year)))
    if r.edition:
        details.append(("Edition", h(r.edition)))
    if r.isbn:
        details.append(("ISBN", h(r.isbn)))
    details.append(("Address", ext_link(r.url, r.url, "rm-url")))
    body += [
        "## Details",
        "",
        '<dl class="rm-details">',
        *(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in details),
        "</dl>",
        "",
    ]
    if report is not None:
        body += _link_check_section(check, report, src)
    front: Front = {"title": front_value(r.title), "description": front_value(first_words(r.description, 200))}
    return markdown_page(front, body, roadmap.resource_path(rid))
