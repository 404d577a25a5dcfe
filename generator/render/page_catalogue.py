"""The catalogue: every resource, and one page per kind, with the filterable table."""

from __future__ import annotations

from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import KIND_LABELS, KIND_PLURALS, KIND_TITLES, KINDS
from generator.links.report_file import LinkReport
from generator.render.blocks import Front, link_to, markdown_page, stage_label
from generator.render.tables import Columns, catalogue_rids, filters, resource_table
from generator.render.text import front_value, h, join_words, md_inline, plural
from generator.render.urls import (
    ABOUT_PAGE,
    CATALOGUE_INDEX,
    LINK_HEALTH_PAGE,
    catalogue_page,
    href,
    stage_page,
)
from generator.sizes import CATALOGUE_INDEX_ROWS


def catalogue_markdown(roadmap: Roadmap, kind: str | None = None, report: LinkReport | None = None) -> str:
    """The catalogue of every resource (`kind=None`) or of one kind."""
    src = CATALOGUE_INDEX if kind is None else catalogue_page(kind)
    rids = catalogue_rids(roadmap, kind)
    title = "Catalogue" if kind is None else KIND_TITLES[kind]
    body = [f"# {md_inline(title)}", ""]
    # Above the limit the front page lists the kinds only (see CATALOGUE_INDEX_ROWS).
    one_table = len(roadmap.resources) <= CATALOGUE_INDEX_ROWS
    if kind is None:
        order = " Free ones first, then by level." if one_table else ""
        body += [
            f'<p class="rm-lede">All {plural(len(rids), "resource")} of the roadmap: courses, books, videos, '
            f"places to practise and people to learn with.{order}</p>",
            "",
            '<nav class="rm-kinds" aria-label="Resources by kind"><ul>',
        ]
        for k in KINDS:
            n = sum(1 for r in roadmap.resources.values() if r.kind == k)
            link = href(src, catalogue_page(k))
            body.append(f'<li><a href="{h(link)}">{h(KIND_TITLES[k])} <span class="rm-count-badge">{n}</span></a></li>')
        body += ["</ul></nav>", ""]
        if report is not None and report.problems:
            body += [
                f'<p class="rm-note">{plural(len(report.problems), "link")} need attention: see {link_to(src, LINK_HEALTH_PAGE, "link health")}.</p>',
                "",
            ]
    else:
        stages = [s for s in roadmap.stages if kind in s.kinds]
        part = f" Part of {join_words([link_to(src, stage_page(s.id), stage_label(s)) for s in stages])}." if stages else ""
        body += [
            f'<p class="rm-lede">{plural(len(rids), KIND_LABELS[kind].lower(), KIND_PLURALS[kind])} in the roadmap, '
            f"free ones first, then by level.{part} "
            f"{link_to(src, CATALOGUE_INDEX, 'See every resource' if one_table else 'See the other kinds')}.</p>",
            "",
        ]
    if kind is None and not one_table:
        body += [
            f"<p>{len(rids):,} resources are too many for one table: each kind above has a page "
            "with a table of its resources that you can filter by cost, level, area and words.</p>",
            "",
        ]
    elif rids:
        body += filters(roadmap, rids, with_kind=kind is None)
        cols = Columns(kind=kind is None, topics=True)
        body += resource_table(roadmap, src, rids, cols, report, f"{title}: every resource", catalogue=True)
    else:
        body += [f"No {KIND_PLURALS[kind or 'course']} yet. {link_to(src, ABOUT_PAGE, 'Suggest one')}.", ""]
    # No table of contents: the page is one table, and it needs the width.
    front: Front = {
        "title": front_value(title),
        "description": front_value(f"{title} for learning the mathematics of machine learning."),
        "hide": ["toc"],
    }
    return markdown_page(front, body)
