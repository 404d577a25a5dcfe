"""One step of the guide: its topics in study order, and its resources."""

from __future__ import annotations

from generator.kb import ranking
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import KIND_PLURALS, KIND_TITLES
from generator.links.report_file import LinkReport
from generator.render.blocks import (
    Front,
    area_tag,
    in_study_order,
    link_to,
    markdown_page,
    needs,
    stage_label,
    tag,
)
from generator.render.tables import (
    Columns,
    catalogue_order,
    catalogue_rids,
    resource_table,
)
from generator.render.text import front_value, h, hours_text, inline_html, md_inline, plain, plural
from generator.render.urls import (
    ABOUT_PAGE,
    CATALOGUE_INDEX,
    catalogue_page,
    href,
    stage_page,
    topic_page,
)
from generator.sizes import STAGE_TABLE_ROWS


def _stage_number(roadmap: Roadmap, sid: str) -> int:
    return next(i for i, s in enumerate(roadmap.stages, 1) if s.id == sid)


def stage_markdown(roadmap: Roadmap, sid: str, report: LinkReport | None = None) -> str:
    """One step of the guide: its topics in study order, and its resources."""
    src = stage_page(sid)
    stage = roadmap.stage_by_id[sid]
    position = _stage_number(roadmap, sid)
    tids = in_study_order(roadmap, roadmap.topics_in_stage(sid))
    hours = sum(roadmap.topics[t].hours for t in tids)
    facts = [tag(f"Step {stage.order} of {len(roadmap.stages)}", "rm-tag--stage")]
    if tids:
        facts += [tag(plural(len(tids), "topic"), ""), tag(f"about {hours_text(hours)}", "rm-tag--hours")]
    body = [
        f"# {md_inline(stage.title)}",
        "",
        f'<p class="rm-lede">{inline_html(stage.summary)}</p>',
        "",
        '<div class="rm-facts">',
        *facts,
        "</div>",
        "",
    ]
    if tids:
        # Left out of the search index: each card repeats its topic's summary, which the topic's
        # own page holds (the index is fetched by every page).
        body += ["## Topics, in an order to study them", "", "<div data-search-exclude>", '<ol class="rm-cards">']
        for tid in tids:
            topic = roadmap.topics[tid]
            body.append(
                f'<li class="rm-card area-{topic.area}" data-progress-topic="{h(tid)}">'
                f'<h3 class="rm-card-title">{link_to(src, topic_page(tid), topic.title)}</h3>'
                f'<p class="rm-card-meta">{area_tag(topic.area)} {tag(hours_text(topic.hours), "rm-tag--hours")}</p>'
                f'<p class="rm-card-summary">{inline_html(topic.summary)}</p>'
                f'<p class="rm-card-needs">{needs(roadmap, src, topic)}</p></li>'
            )
        body += ["</ol>", "</div>", ""]
        in_stage = frozenset(tids)
        covering = {rid for t in tids for rid in roadmap.covering[t]}
        ranked = ranking.stage_rank(covering, roadmap.resources, in_stage, catalogue_order(roadmap))
        if ranked:
            body += [
                "## Resources for this step",
                "",
                "The ones that cover most of this step first.",
                "",
                *resource_table(
                    roadmap, src, ranked[:STAGE_TABLE_ROWS], Columns(coverage_of=in_stage), report, f"Resources for {stage.title}"
                ),
            ]
            more = len(ranked) - STAGE_TABLE_ROWS
            if more > 0:
                body += [f"<p>{_more(more)} {link_to(src, CATALOGUE_INDEX, 'Find them in the catalogue')}.</p>", ""]
    for kind in stage.kinds:
        rids = catalogue_rids(roadmap, kind)
        body += [f"## {md_inline(KIND_TITLES[kind])}", ""]
        if rids:
            body += resource_table(roadmap, src, rids[:STAGE_TABLE_ROWS], Columns(kind=False, topics=True), report, KIND_TITLES[kind])
            more = len(rids) - STAGE_TABLE_ROWS
            link = link_to(src, catalogue_page(kind), f"Filter the {KIND_PLURALS[kind]} in the catalogue")
            body += [f"<p>{_more(more)} {link}.</p>" if more > 0 else f"<p>{link}.</p>", ""]
        else:
            body += [f"None yet. {link_to(src, ABOUT_PAGE, 'Suggest one')}.", ""]
    prev_stage = roadmap.stages[position - 2] if position > 1 else None
    next_stage = roadmap.stages[position] if position < len(roadmap.stages) else None
    nav = []
    if prev_stage:
        nav.append(
            f'<a class="rm-step-prev" href="{h(href(src, stage_page(prev_stage.id)))}"><span>Previous step</span>{h(prev_stage.title)}</a>'
        )
    if next_stage:
        nav.append(
            f'<a class="rm-step-next" href="{h(href(src, stage_page(next_stage.id)))}"><span>Next step</span>{h(next_stage.title)}</a>'
        )
    if nav:
        body += ['<nav class="rm-step-nav" aria-label="Steps of the guide">', *nav, "</nav>", ""]
    front: Front = {"title": front_value(stage_label(stage)), "description": front_value(plain(stage.summary))}
    return markdown_page(front, body, "roadmap/stages.yml")


def _more(n: int) -> str:
    return f"{n:,} more {'is' if n == 1 else 'are'} not shown here."
