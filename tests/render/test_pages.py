"""The generated pages (generator.render.page_*, site): what every page says, and that YAML
text never becomes markup."""

from __future__ import annotations

import gc
import json
import re
import weakref
from collections.abc import Sequence
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.kb.loading import load_roadmap
from generator.kb.markdown import to_html
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import AREAS, EXERCISE_KIND_LABELS, KIND_PLURALS, KINDS
from generator.links.report_file import parse_link_report
from generator.plan import timetable
from generator.render.blocks import markdown_page
from generator.render.data import roadmap_json
from generator.render.exercises import exercises_json
from generator.render.page_catalogue import catalogue_markdown
from generator.render.page_resource import resource_markdown
from generator.render.page_roadmap import roadmap_markdown
from generator.render.page_stage import stage_markdown
from generator.render.page_topic import topic_markdown
from generator.render.site import render_site, site_jobs
from generator.render.tables import Columns, resource_table
from generator.render.urls import (
    CATALOGUE_INDEX,
    ROADMAP_PAGE,
    catalogue_page,
    href,
    resource_page,
    stage_page,
    topic_page,
)
from generator.sizes import CATALOGUE_INDEX_ROWS, STAGE_TABLE_ROWS

from make_kb import write_kb

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(scope="module")
def mini() -> Roadmap:
    return load_roadmap(FIXTURES / "mini")


@pytest.fixture(scope="module")
def escaping() -> Roadmap:
    return load_roadmap(FIXTURES / "escaping")


def front_matter(page: str) -> dict[str, Any]:
    assert page.startswith("---\n")
    head, _, _ = page[4:].partition("\n---\n")
    data = yaml.safe_load(head)
    assert isinstance(data, dict)
    return data


def _write_resource(root: Path, rid: str, title: str, kind: str, covers: Sequence[str] = ()) -> None:
    lines = [
        f"title: {title}",
        f"kind: {kind}",
        f"url: https://example.org/{rid}",
        "provider: Example",
        "cost: free",
        "level: beginner",
        "description: Text.",
        "covers:" if covers else "covers: []",
    ]
    lines += [f"  - topic: {t}\n    sections: All" for t in covers]
    (root / "resources" / f"{rid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


REPORT: dict[str, Any] = {
    "summary": {"ok": 1, "broken": 1, "redirected": 1, "indeterminate": 0, "skipped": 0},
    "results": [
        {
            "url": "https://example.org/la-book/",
            "verdict": "ok",
            "reason": None,
            "status": 200,
            "final_url": None,
            "resource": "la-book",
            "location": "resources/la-book.yml:3",
            "checked_at": "2025-11-20T10:00:00+00:00",
            "from_cache": False,
            "archive": None,
        },
        {
            "url": "https://video.example.org/calculus",
            "verdict": "broken",
            "reason": "not-found",
            "status": 404,
            "final_url": None,
            "resource": "calculus-videos",
            "location": "resources/calculus-videos.yml:3",
            "checked_at": "2025-11-21T09:30:00+00:00",
            "from_cache": True,
            "archive": "https://web.archive.org/web/2024/https://video.example.org/calculus",
        },
        {
            "url": "https://courses.example.org/ml",
            "verdict": "redirected",
            "reason": "permanent-redirect",
            "status": 301,
            "final_url": "https://learn.example.org/ml",
            "resource": "ml-course",
            "location": "resources/ml-course.yml:3",
            "checked_at": "2025-11-21T09:31:00+00:00",
            "from_cache": False,
            "archive": None,
        },
    ],
}


# -- the set of pages ---------------------------------------------------------------------


def test_one_page_per_topic_resource_stage_and_kind(mini: Roadmap) -> None:
    files = render_site(mini)
    expected = {"roadmap/index.md", "data/roadmap.json", "data/roadmap.svg", "catalogue/index.md"}
    expected |= {f"topics/{t}/index.md" for t in mini.topics}
    expected |= {f"data/focus/{t}.json" for t in mini.topics}
    expected |= {f"data/exercises/{t}.json" for t in mini.topics}
    expected |= {f"resources/{r}/index.md" for r in mini.resources}
    expected |= {f"stages/{s.id}/index.md" for s in mini.stages}
    expected |= {f"catalogue/{KIND_PLURALS[k]}/index.md" for k in KINDS}
    assert set(files) == expected
    assert "link-health/index.md" not in files


def test_the_same_input_gives_the_same_bytes(mini: Roadmap) -> None:
    again = load_roadmap(FIXTURES / "mini")
    assert render_site(mini) == render_site(again)
    assert list(render_site(mini)) == sorted(render_site(mini))


def test_site_jobs_make_what_render_site_returns(mini: Roadmap) -> None:
    report = parse_link_report(REPORT)
    jobs = site_jobs(mini, report)
    assert [path for path, _ in jobs] == sorted(path for path, _ in jobs)
    assert {path: make() for path, make in jobs} == render_site(mini, report)


def test_every_page_ends_with_one_newline_and_no_trailing_space(mini: Roadmap) -> None:
    for path, text in render_site(mini, parse_link_report(REPORT)).items():
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        assert not re.search(r"[ \t]$", text, re.M), path


@pytest.mark.parametrize("nul", [False, True], ids=["plain", "nul-in-text"])
def test_a_page_keeps_long_lines_and_loses_blank_runs_and_trailing_space(nul: bool) -> None:
    drawing = "<svg>" + "<g> x</g>" * 1000 + "</svg>"  # one long line, nothing to normalise
    other = "<b>left \t</b>  \n\n\n\nnext\t"
    body = ["# Title", other + ("\x000\x00" if nul else ""), "", "", "text  ", drawing, "", "", "", other, drawing, "", ""]
    front = {"title": '"Title"'}
    made = markdown_page(front, iter(body), "roadmap/x.yml")  # the body may be any iterable
    assert made == markdown_page(front, body, "roadmap/x.yml")
    assert made.count(drawing) == 2 and "\n\n\n" not in made and not re.search(r"[ \t]$", made, re.M)
    assert made.endswith("\n") and not made.endswith("\n\n")
    assert ("\x000\x00" in made) == nul


def test_pages_keep_no_roadmap_alive() -> None:
    # `roadmap serve` makes a new Roadmap for every change: rendering keeps nothing of the old one.
    roadmap = load_roadmap(FIXTURES / "mini")
    render_site(roadmap)
    catalogue_markdown(roadmap, None)
    gone = weakref.ref(roadmap)
    del roadmap
    gc.collect()
    assert gone() is None


# -- topic pages ----------------------------------------------------------------------


def test_topic_page_has_everything_a_learner_needs(mini: Roadmap) -> None:
    page = topic_markdown(mini, "gradients")
    assert front_matter(page) == {"title": "Gradients", "description": "The gradients fixture topic.", "search": {"boost": 2}}
    assert "# Gradients\n" in page
    assert '<p class="rm-lede">The gradients fixture topic.</p>' in page
    # prerequisites with strength and reason, as links the engine checks
    assert (
        '- [Derivatives](../derivatives/index.md) <span class="rm-flag rm-flag--required">required</span> A gradient collects partial derivatives.'
        in page
    )
    assert '- [Vectors](../vectors/index.md) <span class="rm-flag rm-flag--recommended">recommended</span> A gradient is a vector.' in page
    # what it unlocks, hours, goals as a checklist
    assert '<li><a href="../gradient-descent/">Gradient descent</a>' in page
    assert "about 4 h" in page
    assert '<ol class="rm-goals">' in page and "<li>Explain the idea.</li>" in page
    # the description is Markdown, written into the page as the HTML it makes
    assert "real Markdown with <strong>bold</strong> text" in page
    # the contract's seams: progress placeholder and the planner link
    assert '<div class="rm-progress" data-topic="gradients"></div>' in page
    assert 'href="../../../planner/#targets=gradients">Plan a path to this topic</a>' in page
    # the small chain drawing from svg.py, kept as raw HTML
    assert re.search(r'<div class="rm-graph rm-chain" markdown="0" data-search-exclude>\n<svg class="rm-svg[^"]*"', page)
    assert 'data-topic="derivatives"' in page
    # the resources table, with what to read
    assert '<td data-label="Read" class="rm-wide">Video 5</td>' in page
    assert 'href="../../resources/calculus-videos/"' in page


def test_topic_sections_come_in_reading_order(mini: Roadmap) -> None:
    page = topic_markdown(mini, "linear-regression")
    headings = re.findall(r"^## (.+)$", page, re.M)
    assert headings == [
        "Before you start",
        "Why it matters for machine learning",
        "What it is",
        "Goals",
        "Check yourself",
        "Resources",
        "What it unlocks",
    ]


def test_a_starting_topic_says_so_and_draws_no_chain(mini: Roadmap) -> None:
    page = topic_markdown(mini, "vectors")
    assert "Nothing: this is a starting point of the roadmap." in page
    assert "rm-chain" not in page


def test_resources_are_listed_best_first(mini: Roadmap) -> None:
    page = topic_markdown(mini, "gradient-descent")
    assert page.index("An ML Course") > 0
    rows = re.findall(r'<a class="rm-title" href="../../resources/([a-z-]+)/"', page)
    assert rows == mini.covering["gradient-descent"]


# -- the roadmap, stage, resource and catalogue pages ---------------------------------------


def test_roadmap_page_embeds_the_graph_and_lists_it_by_stage(mini: Roadmap) -> None:
    page = roadmap_markdown(mini)
    assert front_matter(page)["hide"] == ["navigation", "toc"]
    block = re.search(r'<div class="rm-graph" markdown="0" data-search-exclude>\n(.*?)\n</div>', page, re.S)
    assert block and block.group(1).startswith("<svg") and "\n\n" not in block.group(1)
    assert block.group(1).count('class="rm-node area-') == len(mini.topics)
    outline = page[page.index('<ol class="rm-outline">') :]
    for tid, topic in mini.topics.items():
        assert f'<a href="../topics/{tid}/">{topic.title}</a>' in outline
    for stage in mini.stages:
        assert f'href="../stages/{stage.id}/">Step {stage.order}: {stage.title}</a>' in outline
    # practice and community steps point at their catalogues
    assert 'href="../catalogue/communities/"' in outline


def test_stage_page_orders_topics_so_prerequisites_come_first(mini: Roadmap) -> None:
    page = stage_markdown(mini, "foundations")
    order = re.findall(r'<h3 class="rm-card-title"><a href="../../topics/([a-z-]+)/">', page)
    assert sorted(order) == sorted(mini.topics_in_stage("foundations"))
    for tid in order:
        for pre in mini.topics[tid].prerequisites:
            if pre.topic in order:
                assert order.index(pre.topic) < order.index(tid)
    assert 'class="rm-step-next" href="../advanced/"' in page
    assert "rm-step-prev" not in page


def test_practice_stage_lists_the_resources_of_its_kinds(mini: Roadmap) -> None:
    page = stage_markdown(mini, "practice")
    assert re.findall(r"^## (.+)$", page, re.M) == ["Courses", "Books", "Videos", "Practice and problem sets"]
    assert "An ML Course" in page and "A Linear Algebra Book" in page
    community = stage_markdown(mini, "community")
    assert "A Forum" in community and "rm-step-next" not in community


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Roadmap:
    """More resources than a stage page shows: 150 books on two foundation topics (plus
    write_kb's "Everything" book), 20 of them covering both, and 101 communities."""
    root = write_kb(tmp_path_factory.mktemp("crowded"), {"a": [], "b": ["a"]})

    for i in range(150):
        _write_resource(root, f"book-{i:03}", f"Book {i:03}", "book", ["a", "b"] if 100 <= i < 120 else ["a"])
    for i in range(101):
        _write_resource(root, f"forum-{i:03}", f"Forum {i:03}", "community")
    return load_roadmap(root)


def _titles(table_html: str) -> list[str]:
    return re.findall(r'<a class="rm-title" href="[^"]*">([^<]+)</a>', table_html)


def _section(page: str, heading: str) -> str:
    start = page.index(f"## {heading}\n")
    end = page.find("\n## ", start + 1)
    return page[start : end if end > 0 else len(page)]


def test_stage_tables_show_the_best_ranked_rows_and_link_to_the_rest(crowded: Roadmap) -> None:
    assert STAGE_TABLE_ROWS == 100
    page = stage_markdown(crowded, "foundations")
    section = _section(page, "Resources for this step")
    # ranked as before the cap: most topics of the step first, then free, level, title
    both = [f"Book {i}" for i in range(100, 120)]
    assert _titles(section) == [*both, "Everything", *(f"Book {i:03}" for i in range(79))]
    assert section.count("<tr><td") == 100
    after = section[section.index("</table>") :]
    assert '51 more are not shown here. <a href="../../catalogue/">Find them in the catalogue</a>.' in after

    practice = stage_markdown(crowded, "practice")
    books = _section(practice, "Books")
    assert _titles(books) == [f"Book {i:03}" for i in range(100)]
    assert '<p>51 more are not shown here. <a href="../../catalogue/books/">Filter the books in the catalogue</a>.</p>' in books
    community = stage_markdown(crowded, "community")
    forums = _section(community, "Communities")
    assert _titles(forums) == [f"Forum {i:03}" for i in range(100)]
    assert '<p>1 more is not shown here. <a href="../../catalogue/communities/">Filter the communities in the catalogue</a>.</p>' in forums
    # the catalogue itself still lists every one
    assert catalogue_markdown(crowded, "community").count('<td class="rm-col-title">') == 101


def test_stage_tables_within_the_cap_show_every_row(mini: Roadmap) -> None:
    page = stage_markdown(mini, "practice")
    assert "not shown here" not in page
    assert '<p><a href="../../catalogue/books/">Filter the books in the catalogue</a>.</p>' in page


def test_resource_page(mini: Roadmap) -> None:
    page = resource_markdown(mini, "la-book")
    assert "# A Linear Algebra Book\n" in page
    assert "by Ada Example and Bo Sample · 2020 · 2nd edition" in page
    assert 'href="https://example.org/la-book/" rel="noopener">Open on example.org ↗</a>' in page
    assert '<td data-label="Read" class="rm-wide">Ch. 2-3</td>' in page
    assert "## Link check" not in page  # no report, no claim about the link
    forum = resource_markdown(mini, "forum")
    assert "Not tied to particular topics: it belongs to" in forum and "../../stages/community/" in forum


def test_catalogue_rows_carry_the_filter_data(mini: Roadmap) -> None:
    page = catalogue_markdown(mini)
    rows = re.findall(r'<tr data-kind="([a-z]+)" data-cost="([a-z-]+)" data-level="([a-z]+)" data-area="([a-z -]*)"', page)
    assert len(rows) == len(mini.resources)
    assert ("video", "free", "beginner", "calculus") in rows
    assert ("book", "free", "beginner", "linear-algebra") in rows
    assert ("course", "free-to-audit", "intermediate", "optimization machine-learning") in rows
    form = page[page.index("<form") : page.index("</form>")]
    # Laid out from the start (no layout shift); without scripting, CSS leaves just the table.
    assert 'data-rm-filters role="search"' in form and "hidden" not in form.split(">", 1)[0]
    for name in ("q", "kind", "cost", "level", "area"):
        assert f'data-rm-filter="{name}"' in form
    assert '<option value="paid">' not in form  # only values that occur are offered
    books = catalogue_markdown(mini, "book")
    assert books.count("<tr data-kind=") == 1 and 'data-rm-filter="kind"' not in books
    empty = catalogue_markdown(mini, "paper")
    assert "No papers yet." in empty and "<table" not in empty


FILTER_DATA = re.compile(r"<tr [^>]*data-(?:kind|cost|level|area|text)=")


def test_only_catalogue_tables_carry_the_filter_data(mini: Roadmap) -> None:
    # catalogue.js reads the data-* attributes only in table[data-rm-catalogue]; elsewhere
    # they would be dead weight on every row (megabytes in a big knowledge base).
    files = render_site(mini, parse_link_report(REPORT))
    for path, text in files.items():
        if not path.startswith("catalogue/"):
            assert not FILTER_DATA.search(text), path
    topic = files["topics/gradients/index.md"]
    assert '<tr><td class="rm-col-title"><a class="rm-title" href="../../resources/calculus-videos/">' in topic
    stage = files["stages/practice/index.md"]
    assert stage.count("<tr><td ") == len([r for r in mini.resources.values() if r.kind in {"course", "book", "video", "practice"}])
    for path in ("catalogue/index.md", "catalogue/books/index.md"):
        page = files[path]
        assert page.count("<tr data-kind=") == page.count('<td class="rm-col-title">') > 0, path


@pytest.fixture
def big_catalogue(tmp_path: Path) -> Path:
    """A knowledge base of exactly CATALOGUE_INDEX_ROWS resources: write_kb's book, tools and conferences."""
    root = write_kb(tmp_path, {"a": []})
    for i in range(1200):
        _write_resource(root, f"tool-{i:04}", f"Tool {i:04}", "tool")
    for i in range(799):
        _write_resource(root, f"meetup-{i:04}", f"Meetup {i:04}", "conference")
    return root


def test_a_big_catalogue_index_lists_the_kinds_not_every_resource(big_catalogue: Path) -> None:
    assert CATALOGUE_INDEX_ROWS == 2000
    at_limit = load_roadmap(big_catalogue)
    assert len(at_limit.resources) == CATALOGUE_INDEX_ROWS
    page = catalogue_markdown(at_limit)
    assert page.count('<td class="rm-col-title">') == 2000 and "data-rm-filters" in page

    _write_resource(big_catalogue, "meetup-0799", "Meetup 0799", "conference")
    over = load_roadmap(big_catalogue)
    page = catalogue_markdown(over)
    assert '<p class="rm-lede">All 2001 resources of the roadmap:' in page
    kinds = re.findall(r'<li><a href="([a-z]+/)">([A-Za-z ]+) <span class="rm-count-badge">(\d+)</span></a></li>', page)
    assert ("tools/", "Tools", "1200") in kinds and ("conferences/", "Conferences and meetups", "800") in kinds
    assert ("books/", "Books", "1") in kinds and len(kinds) == len(KINDS)
    assert "<table" not in page and "<form" not in page and "<tr" not in page
    assert "2,001 resources are too many for one table: each kind above has a page" in page
    assert "Free ones first" not in page  # that describes a table this page no longer has
    # each kind's page keeps its full, filterable table, and links back to the other kinds
    tools = catalogue_markdown(over, "tool")
    assert tools.count('<tr data-kind="tool"') == 1200 and "data-rm-filters" in tools and "data-rm-catalogue" in tools
    assert ">See the other kinds</a>" in tools and "See every resource" not in tools
    assert ">See every resource</a>" in catalogue_markdown(at_limit, "tool")


def test_roadmap_json_follows_the_contract(mini: Roadmap) -> None:
    data = json.loads(roadmap_json(mini))
    assert list(data) == ["areas", "pace", "review", "stages", "topics", "resources"]
    assert data["areas"] == list(AREAS)
    assert data["pace"] == {"min": 0.5, "max": 100, "default": 6}
    # The timetable's numbers travel here, so that timetable.js keeps none of its own.
    assert data["review"] == {
        "gaps": list(timetable.REVIEW_GAPS),
        "share": timetable.REVIEW_SHARE,
        "fraction": timetable.REVIEW_FRACTION,
        "step": timetable.REVIEW_STEP,
        "min_hours": timetable.REVIEW_MIN_HOURS,
        "max_hours": timetable.REVIEW_MAX_HOURS,
        "max_weeks": timetable.MAX_WEEKS,
    }
    assert [t["id"] for t in data["topics"]] == sorted(mini.topics)
    assert [r["id"] for r in data["resources"]] == sorted(mini.resources)
    gradients = next(t for t in data["topics"] if t["id"] == "gradients")
    assert gradients == {
        "id": "gradients",
        "title": "Gradients",
        "stage": "foundations",
        "area": "calculus",
        "summary": "The gradients fixture topic.",
        "aliases": [],
        "hours": 4,
        "prerequisites": [
            {"topic": "derivatives", "strength": "required", "reason": mini.topics["gradients"].prerequisites[0].reason},
            {"topic": "vectors", "strength": "recommended", "reason": mini.topics["gradients"].prerequisites[1].reason},
        ],
        "resources": ["calculus-videos"],
        "sections": {"calculus-videos": "Video 5"},
    }
    assert isinstance(gradients["hours"], int)
    forum = next(r for r in data["resources"] if r["id"] == "forum")
    assert forum == {
        "id": "forum",
        "title": "A Forum",
        "kind": "community",
        "url": "https://forum.example.org/",
        "cost": "free",
        "level": "beginner",
        "hours": None,
    }
    assert {s["id"] for s in data["stages"]} == {s.id for s in mini.stages}


def test_roadmap_json_is_indented_one_space_with_text_as_written(mini: Roadmap) -> None:
    text = roadmap_json(mini)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"


# -- links between pages --------------------------------------------------------------------


def test_table_rows_link_right_from_every_page(mini: Roadmap) -> None:
    # A page that is itself one of the linked pages (or holds them) gets its own links,
    # exactly as href makes them, whatever pages were made before it.
    roadmap = Roadmap(stages=mini.stages, topics=mini.topics, resources=mini.resources)
    rids = sorted(roadmap.resources)
    cols = Columns(kind=True, topics=True)
    sources = [
        *(topic_page(t) for t in sorted(roadmap.topics)),
        *(resource_page(r) for r in rids),
        *(stage_page(s.id) for s in roadmap.stages),
        CATALOGUE_INDEX,
        catalogue_page("book"),
        ROADMAP_PAGE,
        "index.md",
        "about.md",
        "learn/index.md",
        "learn/topics/index.md",
        "learn/resources/index.md",
    ]
    for src in [*sources, *reversed(sources)]:
        table = "\n".join(resource_table(roadmap, src, rids, cols, None, "All"))
        rows = re.findall(r"<tr><td .*?</tr>", table)
        assert len(rows) == len(rids), src
        for rid, row in zip(rids, rows):
            links = re.findall(r'<a (?:class="rm-title" )?href="([^"]*)"', row)
            topics = sorted((c.topic for c in roadmap.resources[rid].covers), key=roadmap.sort_key)
            assert links == [href(src, resource_page(rid)), *(href(src, topic_page(t)) for t in topics)], (src, rid)
    for rid in rids:
        src = resource_page(rid)
        covered = re.findall(r'<tr><td><a href="([^"]*)">.*?<a href="([^"]*)">', resource_markdown(roadmap, rid))
        topics = sorted((c.topic for c in roadmap.resources[rid].covers), key=roadmap.sort_key)
        stages = [roadmap.topics[t].stage for t in topics]
        assert covered == [(href(src, topic_page(t)), href(src, stage_page(s))) for t, s in zip(topics, stages)]


# -- escaping -----------------------------------------------------------------------------------

# Markup that would do something: tags from the fixture, event handlers inside a tag, script links.
MARKUP = re.compile(r"<script|<img|</title|<b>|<i>|<[a-z][^<>]*\son[a-z]+=|href=\"\s*javascript:|\]\(\s*javascript:", re.I)


def test_yaml_text_never_becomes_markup(escaping: Roadmap) -> None:
    files = render_site(escaping)
    for path, text in files.items():
        if path.endswith(".json"):
            continue
        # Code spans in Markdown fields are left for Markdown, which shows them literally;
        # the drawing's own <title> tooltips are markup of ours (and hold no `<`).
        outside_code = re.sub(r"`[^`\n]+`|<title>[^<]*</title>", "", text)
        assert not MARKUP.search(outside_code), (path, MARKUP.search(outside_code))


def test_titles_are_escaped_in_every_context(escaping: Roadmap) -> None:
    title = escaping.topics["escaping"].title
    page = topic_markdown(escaping, "escaping")
    # front matter: HTML-escaped (themes print it unescaped), then a YAML string
    assert front_matter(page)["title"] == title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    heading = next(line for line in page.splitlines() if line.startswith("# "))
    assert "<" not in heading and "|" not in heading and "*" not in heading and "[" not in heading
    assert "&lt;script&gt;" in heading and "&#124;" in heading and "&amp;" in heading
    # in raw HTML (lede, lists of other pages) the same title is plain escaped text
    other = topic_markdown(escaping, "pipes")
    assert "[Escaping &#96;&lt;script&gt;alert(1)&lt;/script&gt;&#96; &#124;" in other
    assert "Because <code>&lt;script&gt;alert(9)&lt;/script&gt;</code> &#124; reasons." in other
    listing = roadmap_markdown(escaping)
    assert ">Escaping `&lt;script&gt;alert(1)&lt;/script&gt;` | `&lt;img src=x onerror=alert(2)&gt;` &amp; *stars* [x](y)</a>" in listing


def test_markdown_fields_keep_code_and_web_links(escaping: Roadmap) -> None:
    # Fields arrive as finished HTML (generator/kb/markdown.py), their text escaped for the page's Markdown.
    page = topic_markdown(escaping, "escaping")
    assert "Code spans stay code: <code>&lt;script&gt;alert(4)&lt;/script&gt;</code>." in page
    assert '<a href="https://example.org/a_(b)">web link</a> works, and the set &#123;2, 4, 6&#125; stays a set.' in page
    assert '<li>Keep <a href="https://example.org/a_(b)">links</a> and <em>emphasis</em> working.</li>' in page


def test_escaping_holds_even_for_records_that_skipped_validation(mini: Roadmap) -> None:
    """Validation rejects raw HTML, but the pages do not rely on it."""
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    topics = dict(mini.topics)
    topics["vectors"] = topics["vectors"].model_copy(update={"title": evil, "summary": evil, "goals": [evil, "b", "c"]})
    resources = dict(mini.resources)
    resources["la-book"] = resources["la-book"].model_copy(update={"title": evil, "authors": [evil], "edition": evil})
    roadmap = Roadmap(stages=mini.stages, topics=topics, resources=resources)
    for path, text in render_site(roadmap).items():
        if not path.endswith(".json"):
            assert "<script" not in text and "<img" not in text, path


# -- link reports -------------------------------------------------------------------------------


def test_link_report_shows_on_resource_pages_and_a_health_page(mini: Roadmap) -> None:
    report = parse_link_report(REPORT)
    files = render_site(mini, report)
    assert "link-health/index.md" in files
    broken = files["resources/calculus-videos/index.md"]
    assert '<time datetime="2025-11-21T09:30:00+00:00">2025-11-21</time>: <strong>broken</strong> (HTTP 404). Not found' in broken
    assert "Archived copy:" in broken
    assert "rm-flag--broken" in files["topics/gradients/index.md"]  # warned where the resource is listed
    fine = files["resources/la-book/index.md"]
    assert "<strong>works</strong> (HTTP 200)" in fine
    moved = files["resources/ml-course/index.md"]
    assert 'It now leads to <a href="https://learn.example.org/ml"' in moved
    assert "This link was not in the last link report." in files["resources/forum/index.md"]
    health = files["link-health/index.md"]
    assert re.findall(r"^## (.+)$", health, re.M) == ["Broken (1)", "Redirected (1)"]
    assert '<span>Moved permanently → <a href="https://learn.example.org/ml"' in health
    assert health.index("calculus-videos") < health.index("ml-course")
    assert "<code>resources/calculus-videos.yml:3</code>" in health


def test_link_report_order_does_not_matter(mini: Roadmap) -> None:
    shuffled = {**REPORT, "results": list(reversed(REPORT["results"]))}
    assert render_site(mini, parse_link_report(REPORT)) == render_site(mini, parse_link_report(shuffled))


def test_reads_what_the_link_checker_writes(mini: Roadmap) -> None:
    """The seam with `roadmap check-links --format json`: its own renderer, our reader."""
    from datetime import datetime

    from generator.links import Outcome, Result, Target, Verdict, render

    when = datetime(2025, 11, 21, 9, 30, tzinfo=UTC)
    results = [
        Result(
            Target("https://example.org/la-book/", "la-book", "resources/la-book.yml:3"),
            Outcome(Verdict.OK, None, "HTTP 200 OK", 200, None, when),
        ),
        Result(
            Target("https://video.example.org/calculus", "calculus-videos", "resources/calculus-videos.yml:3"),
            Outcome(Verdict.BROKEN, "not-found", "HTTP 404 Not Found", 404, None, when),
        ),
    ]
    report = parse_link_report(json.loads(render(results, "json")))
    assert report.summary["broken"] == 1 and report.summary["ok"] == 1
    files = render_site(mini, report)
    assert ": <strong>broken</strong> (HTTP 404). Not found</p>" in files["resources/calculus-videos/index.md"]
    assert "web.archive.org" in files["resources/calculus-videos/index.md"]
    assert (
        '<time datetime="2025-11-21T09:30:00Z">2025-11-21</time>: <strong>works</strong> (HTTP 200)</p>'
        in files["resources/la-book/index.md"]
    )


def test_exercises_json_holds_each_exercise_as_sanitised_html(mini: Roadmap) -> None:
    topic = mini.topics["gradients"]
    data = json.loads(exercises_json("gradients", topic))
    assert data["topic"] == "gradients" and data["title"] == topic.title
    assert [x["number"] for x in data["exercises"]] == list(range(1, len(topic.exercises) + 1))
    for x, exercise in zip(data["exercises"], topic.exercises, strict=True):
        assert x["kind"] == exercise.kind and x["goals"] == list(exercise.goals)
        assert x["label"] == EXERCISE_KIND_LABELS[exercise.kind]
        # The one Markdown and TeX renderer's own output: the browser renders nothing itself.
        assert x["question"] == to_html(exercise.question, block=True)
        assert x["solution"] == to_html(exercise.solution, block=True)
        assert "<script" not in x["question"] + x["solution"]
