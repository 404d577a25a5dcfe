"""Every generated file of the site, as text: `render_site(roadmap) -> {path: content}`
(or `site_jobs(roadmap)`: each path with what makes its content).

Pure functions from a validated `Roadmap` (and, optionally, a link report) to the
Markdown, SVG and JSON files that land in the docs folder's `learn/` part. Nothing
here reads or writes files, so the output depends on the input alone and two runs
give byte-identical pages (`output.site.generate` does the writing).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from generator import sizes
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import KINDS
from generator.links.report_file import LinkReport
from generator.parallel import map_on_cores
from generator.render.data import roadmap_json
from generator.render.exercises import exercises_json
from generator.render.focus import focus_json
from generator.render.page_catalogue import catalogue_markdown
from generator.render.page_link_health import link_health_markdown
from generator.render.page_resource import resource_markdown
from generator.render.page_roadmap import planner_drawing, roadmap_markdown
from generator.render.page_stage import stage_markdown
from generator.render.page_topic import topic_markdown
from generator.render.urls import (
    CATALOGUE_INDEX,
    DATA_FILE,
    DRAWING_FILE,
    LEARN,
    LINK_HEALTH_PAGE,
    ROADMAP_PAGE,
    catalogue_page,
    exercises_file,
    focus_file,
    resource_page,
    stage_page,
    topic_page,
)

Job = tuple[str, Callable[[], str]]  # a generated file's path, and what makes its text


def site_jobs(roadmap: Roadmap, report: LinkReport | None = None) -> list[Job]:
    """Every generated file, as its path relative to the generated folder (`learn/`) and a
    call that makes its text, sorted by path. The texts are left to the caller to make,
    on every core for a big site (`render_site` here, `output.site.write_jobs` when writing)."""
    jobs: list[Job] = [
        (ROADMAP_PAGE, functools.partial(roadmap_markdown, roadmap)),
        (DATA_FILE, functools.partial(roadmap_json, roadmap)),
        (DRAWING_FILE, functools.partial(planner_drawing, roadmap)),
    ]
    jobs += [(topic_page(tid), functools.partial(topic_markdown, roadmap, tid, report)) for tid in roadmap.topics]
    jobs += [(exercises_file(tid), functools.partial(exercises_json, tid, roadmap.topics[tid])) for tid in roadmap.topics]
    if len(roadmap.topics) <= sizes.BIG_GRAPH_TOPICS:
        jobs += [(focus_file(tid), functools.partial(focus_json, roadmap, tid)) for tid in roadmap.topics]
    jobs += [(resource_page(rid), functools.partial(resource_markdown, roadmap, rid, report)) for rid in roadmap.resources]
    jobs += [(stage_page(stage.id), functools.partial(stage_markdown, roadmap, stage.id, report)) for stage in roadmap.stages]
    jobs.append((CATALOGUE_INDEX, functools.partial(catalogue_markdown, roadmap, None, report)))
    jobs += [(catalogue_page(kind), functools.partial(catalogue_markdown, roadmap, kind, report)) for kind in KINDS]
    if report is not None:
        jobs.append((LINK_HEALTH_PAGE, functools.partial(link_health_markdown, roadmap, report)))
    if len(jobs) >= sizes.PARALLEL_PAGES and roadmap.topics:
        # Lookups every page needs, worked out once here rather than once in each forked child.
        first = next(iter(roadmap.topics))
        _ = roadmap.dependents[first], roadmap.covering[first], roadmap.builds_on(first)
    prefix = LEARN + "/"
    return sorted(((path.removeprefix(prefix), make) for path, make in jobs), key=lambda job: job[0])


def render_site(roadmap: Roadmap, report: LinkReport | None = None) -> dict[str, str]:
    """Every generated file, keyed by its path relative to the generated folder (`learn/`)."""
    jobs = site_jobs(roadmap, report)
    texts = map_on_cores(_call, [make for _, make in jobs], min_items=sizes.PARALLEL_PAGES)
    return {path: text for (path, _), text in zip(jobs, texts)}


def _call(make: Callable[[], str]) -> str:
    return make()
