"""A topic's page."""

from __future__ import annotations

from generator.kb.roadmap import Roadmap
from generator.links.report_file import LinkReport
from generator.render import svg
from generator.render.blocks import (
    Front,
    area_tag,
    graph_block,
    graph_href,
    link_to,
    markdown_page,
    stage_label,
    strength_badge,
    tag,
)
from generator.render.exercises import exercises_section
from generator.render.tables import Columns, resource_table
from generator.render.text import (
    about_hours,
    block_html,
    front_value,
    h,
    hours_text,
    inline_html,
    join_words,
    md_inline,
    plain,
    plural,
)
from generator.render.urls import (
    ABOUT_PAGE,
    PLANNER_PAGE,
    href,
    md_link,
    stage_page,
    topic_page,
)


def topic_markdown(roadmap: Roadmap, tid: str, report: LinkReport | None = None) -> str:
    """One topic's page."""
    src = topic_page(tid)
    topic = roadmap.topics[tid]
    stage = roadmap.stage_by_id[topic.stage]
    unlocks = roadmap.dependents[tid]
    body = [
        f"# {md_inline(topic.title)}",
        "",
        f'<p class="rm-lede">{inline_html(topic.summary)}</p>',
        "",
        *_aliases(topic.aliases),
        '<div class="rm-facts">',
        link_to(src, stage_page(stage.id), stage_label(stage), "rm-tag rm-tag--stage"),
        area_tag(topic.area),
        tag(f"about {hours_text(topic.hours)}", "rm-tag--hours"),
        tag(f"{plural(len(topic.prerequisites), 'prerequisite')} · unlocks {len(unlocks)}", "rm-tag--links"),
        "</div>",
        "",
        '<div class="rm-actions">',
        f'<div class="rm-progress" data-topic="{h(tid)}"></div>',
        f'<a class="md-button md-button--primary rm-plan-link" href="{h(href(src, PLANNER_PAGE, "#targets=" + tid))}">Plan a path to this topic</a>',
        "</div>",
        "",
        "## Before you start",
        "",
    ]
    if topic.prerequisites:
        for pre in topic.prerequisites:
            other = roadmap.topics[pre.topic]
            body.append(
                f"- [{md_inline(other.title)}]({md_link(src, topic_page(pre.topic))}) {strength_badge(pre.strength)} {inline_html(pre.reason)}"
            )
        body.append("")
        chain = svg.render_chain(roadmap, tid, graph_href(src))
        if chain:
            count, hours = roadmap.builds_on(tid)
            body += [
                f'<p class="rm-caption">Everything this topic builds on ({plural(count, "topic")}, '
                f"{about_hours(hours)}). "
                "Solid lines are required, dashed ones recommended.</p>",
                "",
                *graph_block(chain, "rm-graph rm-chain"),
            ]
    else:
        body += ["Nothing: this is a starting point of the roadmap.", ""]
    body += [
        "## Why it matters for machine learning",
        "",
        block_html(topic.why_it_matters),
        "",
        "## What it is",
        "",
        block_html(topic.description),
        "",
        "## Goals",
        "",
        "You know this topic when you can:",
        "",
        '<ol class="rm-goals">',
        *(f"<li>{inline_html(goal)}</li>" for goal in topic.goals),
        "</ol>",
        "",
        *exercises_section(tid, topic),
        "## Resources",
        "",
    ]
    rids = roadmap.covering[tid]
    if rids:
        body += [
            f"Best first: what teaches it at this step's level, free before paid, gentle before advanced; each with exactly what to read for {md_inline(topic.title)}.",
            "",
            *resource_table(roadmap, src, rids, Columns(sections_for=tid), report, f"Resources for {topic.title}"),
        ]
    else:
        body += ["No resource covers this topic yet.", ""]
    body += [f'<p class="rm-contribute">Know a better one? {link_to(src, ABOUT_PAGE, "Suggest a resource")}.</p>', ""]
    body += ["## What it unlocks", ""]
    if unlocks:
        # Left out of the search index: each entry repeats another topic's summary, which that
        # topic's own page holds (the index is fetched by every page).
        body += ["<div data-search-exclude>", '<ul class="rm-unlocks">']
        for child in unlocks:
            other = roadmap.topics[child]
            strength = next(p.strength for p in other.prerequisites if p.topic == tid)
            body.append(f"<li>{link_to(src, topic_page(child), other.title)} {strength_badge(strength)} {inline_html(other.summary)}</li>")
        body += ["</ul>", "</div>", ""]
    else:
        body += ["Nothing in the roadmap builds on this topic yet.", ""]
    front: Front = {"title": front_value(topic.title), "description": front_value(plain(topic.summary)), "search": {"boost": "2"}}
    return markdown_page(front, body, roadmap.topic_path(tid))


def _aliases(aliases: list[str]) -> list[str]:
    # On the page, so the site's search finds the topic by them too.
    if not aliases:
        return []
    return [f'<p class="rm-aliases">Also called {h(join_words(aliases, "or"))}.</p>', ""]
