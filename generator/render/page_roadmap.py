"""The roadmap page: the whole graph, and the same graph as a list."""

from __future__ import annotations

from generator.kb.models import Stage
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import KIND_PLURALS, KIND_TITLES
from generator.render import svg
from generator.render.blocks import (
    Front,
    graph_block,
    graph_href,
    in_study_order,
    link_to,
    markdown_page,
    needs,
    stage_label,
)
from generator.render.text import (
    about_hours,
    front_value,
    h,
    hours_text,
    inline_html,
    join_words,
    plural,
)
from generator.render.urls import (
    PLANNER_PAGE,
    ROADMAP_PAGE,
    catalogue_page,
    href,
    stage_page,
    topic_page,
)


def roadmap_markdown(roadmap: Roadmap) -> str:
    """The roadmap page: the whole graph (svg.py draws it with its legend), then the same
    graph as nested lists by stage, for screen readers, phones and anyone who prefers a list."""
    src = ROADMAP_PAGE
    topic_stages = [s for s in roadmap.stages if roadmap.topics_in_stage(s.id)]
    total = sum(t.hours for t in roadmap.topics.values())
    drawing = svg.render_roadmap(roadmap, graph_href(src))
    body = [
        "# The roadmap",
        "",
        f'<p class="rm-lede">The mathematics machine learning needs, in an order you can learn it. {_steps_sentence(roadmap, topic_stages, total)}</p>',
        "",
        '<p class="rm-hint">Each box is a topic, and each arrow runs from what you need first to what it leads to. '
        "Point at or tab to a topic to light up what it builds on and what it unlocks; click it to open it.</p>",
        "",
        '<div class="rm-roadmap-actions">',
        f'<a class="md-button md-button--primary" href="{h(href(src, PLANNER_PAGE))}">Plan a study path</a>',
        '<a class="md-button" href="#the-roadmap-as-a-list">Read it as a list</a>',
        "</div>",
        "",
        '<p class="rm-scroll-hint">The graph is wider than this screen: swipe it sideways, or read the same roadmap as a list below it.</p>',
        "",
        # Where the scripts put their controls (mark progress, open the viewer on a phone): the
        # room is kept from the start, so nothing below moves when they arrive.
        '<div class="rm-graph-tools"></div>',
        "",
        *graph_block(drawing),
        "## The roadmap as a list",
        "",
        "The same graph, step by step. Within a step, topics are in an order you can study them in.",
        "",
        "<div data-search-exclude>",  # each topic is found by its own page
        '<ol class="rm-outline">',
    ]
    for stage in roadmap.stages:
        tids = in_study_order(roadmap, roadmap.topics_in_stage(stage.id))
        body.append(f'<li class="rm-outline-stage">{link_to(src, stage_page(stage.id), stage_label(stage), "rm-outline-title")}')
        if tids:
            body.append('<ol class="rm-outline-topics">')
            for tid in tids:
                topic = roadmap.topics[tid]
                body.append(
                    f'<li class="area-{topic.area}" data-progress-topic="{h(tid)}">{link_to(src, topic_page(tid), topic.title)} '
                    f'<span class="rm-meta">{h(hours_text(topic.hours))}</span> {needs(roadmap, src, topic)}</li>'
                )
            body.append("</ol>")
        else:
            kinds = [link_to(src, catalogue_page(k), KIND_TITLES[k].lower()) for k in stage.kinds]
            text = f"Study with {join_words(kinds)}." if kinds else inline_html(stage.summary)
            body.append(f'<p class="rm-outline-note">{text}</p>')
        body.append("</li>")
    body += ["</ol>", "</div>", ""]
    front: Front = {
        "title": front_value("Roadmap"),
        "description": front_value("The whole Math-for-ML roadmap as a dependency graph."),
        "hide": ["navigation", "toc"],
    }
    return markdown_page(front, body)


def _step_numbers(stages: list[Stage]) -> str:
    orders = [stage.order for stage in stages]
    if len(orders) == 1:
        return f"step {orders[0]}"
    if orders == list(range(orders[0], orders[-1] + 1)) and len(orders) > 2:
        return f"steps {orders[0]} to {orders[-1]}"
    return "steps " + join_words([str(o) for o in orders])


def _steps_sentence(roadmap: Roadmap, topic_stages: list[Stage], total: float) -> str:
    """How many steps the guide has and what is in them, as the home page counts them: the
    steps with topics to learn, and the steps that gather resources for the whole way."""
    others = [stage for stage in roadmap.stages if stage not in topic_stages]
    text = (
        f"The guide has {plural(len(roadmap.stages), 'step')}: {plural(len(roadmap.topics), 'topic')} to learn in "
        f"{_step_numbers(topic_stages)}, {about_hours(total)} of study"
    )
    if not others:
        return h(text + ".")
    kinds = [KIND_PLURALS[kind] for stage in others for kind in stage.kinds]
    what = join_words(kinds) if kinds else "resources"
    verb = "gathers" if len(others) == 1 else "gather"
    return h(f"{text}; {_step_numbers(others)} {verb} {what} to use all along the way.")


def planner_drawing(roadmap: Roadmap) -> str:
    """`learn/data/roadmap.svg`: the roadmap's drawing alone, its links made for the planner
    page, which shows the plan on it without fetching the whole roadmap page."""
    return svg.render_roadmap(roadmap, graph_href(PLANNER_PAGE)) + "\n"
