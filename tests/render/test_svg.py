"""SVG markup of the roadmap and of one topic's chain: the contract other scripts rely on."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import sizes
from generator.kb.loading import load_roadmap
from generator.kb.models import Topic
from generator.kb.roadmap import Roadmap
from generator.render import svg

from make_kb import write_kb

REPO = Path(__file__).resolve().parent.parent.parent
MINI = REPO / "tests" / "fixtures" / "mini"
NS = "{http://www.w3.org/2000/svg}"


def href(target: str) -> str:
    if target.startswith(svg.STAGE_PREFIX):
        return f"../stages/{target.removeprefix(svg.STAGE_PREFIX)}/"
    return f"../topics/{target}/"


def parse(markup: str) -> ET.Element:
    root = ET.fromstring(markup)  # also proves the markup is well-formed XML
    assert root.tag == f"{NS}svg"
    return root


def classes(el: ET.Element) -> set[str]:
    return set(el.get("class", "").split())


def nodes(root: ET.Element) -> list[ET.Element]:
    return [a for a in root.iter(f"{NS}a") if "rm-node" in classes(a)]


def topic_nodes(root: ET.Element) -> list[ET.Element]:
    return [a for a in nodes(root) if a.get("data-topic")]


def edges(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{NS}path") if p.get("data-from")]


def box(a: ET.Element) -> tuple[float, float]:
    rect = a.find(f"{NS}rect")
    assert rect is not None
    return float(rect.get("y", "0")), float(rect.get("x", "0"))


def text_of(a: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in a.iter(f"{NS}text"))


@pytest.fixture(scope="module")
def mini() -> Roadmap:
    return load_roadmap(MINI)


@pytest.fixture(scope="module")
def mini_svg(mini: Roadmap) -> ET.Element:
    return parse(svg.render_roadmap(mini, href))


# --- the roadmap ------------------------------------------------------------------------------


def test_root_is_a_labelled_group(mini_svg: ET.Element) -> None:
    assert classes(mini_svg) == {"rm-svg"}
    assert mini_svg.get("role") == "group"
    assert "6 topics" in (mini_svg.get("aria-label") or "")
    assert mini_svg.get("viewBox") == f"0 0 {mini_svg.get('width')} {mini_svg.get('height')}"


def test_every_topic_is_a_link_with_its_summary_as_tooltip(mini: Roadmap, mini_svg: ET.Element) -> None:
    found = {str(a.get("data-topic")): a for a in topic_nodes(mini_svg)}
    assert set(found) == set(mini.topics)
    for tid, a in found.items():
        topic = mini.topics[tid]
        assert classes(a) == {"rm-node", f"area-{topic.area}"}
        assert a.get("href") == f"../topics/{tid}/"
        assert a.get("data-stage") == topic.stage
        assert a.get("aria-label") == topic.title
        title = a.find(f"{NS}title")
        assert title is not None and title.text == topic.summary
        assert text_of(a).replace("  ", " ") == topic.title


def test_every_prerequisite_is_an_edge_styled_by_strength(mini: Roadmap, mini_svg: ET.Element) -> None:
    expected = {(p.topic, tid): p.strength for tid, t in mini.topics.items() for p in t.prerequisites}
    drawn = {(str(p.get("data-from")), str(p.get("data-to"))): p for p in edges(mini_svg)}
    assert set(drawn) == set(expected)
    for pair, path in drawn.items():
        # Coloured like the prerequisite it comes from, so a line can be followed by colour.
        area = mini.topics[pair[0]].area
        assert classes(path) == {"rm-edge", f"rm-{expected[pair]}", f"area-{area}"}
        assert (path.get("d") or "").startswith("M")


def test_edges_carry_arrowheads(mini_svg: ET.Element) -> None:
    group = next(g for g in mini_svg.iter(f"{NS}g") if "rm-edges" in classes(g))
    marker = mini_svg.find(f".//{NS}marker")
    assert marker is not None and group.get("marker-end") == f"url(#{marker.get('id')})"


def test_tab_order_follows_the_reading_order(mini: Roadmap, mini_svg: ET.Element) -> None:
    # Links are focused in document order, so nodes must appear top to bottom, left to right,
    # each band's title just before its nodes.
    links = [a for a in mini_svg.iter(f"{NS}a")]
    assert not any(a.get("tabindex") not in (None, "0") for a in links)  # no positive tabindex
    order = [box(a) for a in topic_nodes(mini_svg)]
    assert order == sorted(order)
    kinds = ["title" if "rm-band-title" in classes(a) else a.get("data-stage") for a in links if "rm-step" not in classes(a)]
    stage = None
    for kind in kinds:
        if kind == "title":
            stage = "next"
        elif stage == "next":
            stage = kind
        else:
            assert kind == stage, "a band's nodes follow its title"


def test_band_titles_link_to_their_stage_pages(mini_svg: ET.Element) -> None:
    titles = [a for a in mini_svg.iter(f"{NS}a") if "rm-band-title" in classes(a)]
    assert [a.get("href") for a in titles] == ["../stages/foundations/", "../stages/advanced/", "../stages/machine-learning/"]
    assert text_of(titles[0]).startswith("Step 1 · Build the foundations")
    assert " · 4 topics · " in text_of(titles[0]) and " · 1 topic · " in text_of(titles[1])


def test_practice_and_community_steps_are_nodes(mini: Roadmap, mini_svg: ET.Element) -> None:
    steps = [a for a in nodes(mini_svg) if "rm-step" in classes(a)]
    assert [a.get("href") for a in steps] == ["../stages/practice/", "../stages/community/"]
    assert [a.get("data-stage") for a in steps] == ["practice", "community"]
    assert steps[0].get("aria-label") == "Step 4: Learn from courses and books, and practise"
    title = steps[1].find(f"{NS}title")
    assert title is not None and title.text == mini.stage_by_id["community"].summary
    # They come last in the tab order.
    assert list(mini_svg.iter(f"{NS}a"))[-2:] == steps


def test_step_cards_hold_their_whole_title(mini: Roadmap, mini_svg: ET.Element) -> None:
    # The mini drawing is narrow, so "Learn from courses and books, and practise" takes two lines.
    steps = [a for a in nodes(mini_svg) if "rm-step" in classes(a)]
    rects = [a.find(f"{NS}rect") for a in steps]
    assert all(r is not None for r in rects)
    assert len({r.get("height") for r in rects if r is not None}) == 1, "one height for the row"
    lines = 0
    for a, rect in zip(steps, rects):
        assert rect is not None
        spans = list(a.iter(f"{NS}tspan"))[1:]  # the first is "Step N"
        title = mini.stage_by_id[a.get("data-stage") or ""].title
        assert " ".join(t.text or "" for t in spans) == title, "no word of the title is dropped"
        lines = max(lines, len(spans))
        bottom = float(rect.get("y") or 0) + float(rect.get("height") or 0)
        # The last baseline, plus a 13 px font's descent, stays well inside the card.
        assert float(spans[-1].get("y") or 0) + 4 <= bottom - 8, (title, spans[-1].get("y"), bottom)
    assert lines == 2, "the fixture exercises a two-line title"


def test_legend_names_areas_and_edge_kinds(mini_svg: ET.Element) -> None:
    legend = next(g for g in mini_svg.iter(f"{NS}g") if "rm-legend" in classes(g))
    assert legend.get("aria-hidden") == "true"  # the lists below the drawing say the same in words
    words = [t.text for t in legend.iter(f"{NS}text")]
    assert words == ["Linear algebra", "Calculus", "Optimization", "Machine learning", "required", "recommended"]


def test_output_is_deterministic(mini: Roadmap) -> None:
    first = svg.render_roadmap(mini, href)
    assert svg.render_roadmap(load_roadmap(MINI), href) == first
    assert "\n" not in first  # one line: Markdown keeps it as one raw HTML block


def test_coordinates_are_whole_numbers(mini: Roadmap) -> None:
    root = parse(svg.render_roadmap(mini, href))
    for el in root.iter():
        for name in ("x", "y", "width", "height"):
            value = el.get(name)
            if value is not None:
                assert value.lstrip("-").isdigit(), f"{el.tag} {name}={value}"


def test_smooth_path() -> None:
    assert svg.smooth_path([(10, 0), (10, 40)]) == "M10 0V40"
    assert svg.smooth_path([(10, 0), (30, 40)], dy=5) == "M10 5C10 25 30 25 30 45"


# --- escaping -----------------------------------------------------------------------------------


def hostile_roadmap(mini: Roadmap) -> Roadmap:
    """The mini roadmap with markup in a title and a summary (validation would refuse these;
    the renderer must be safe anyway)."""
    topics = dict(mini.topics)
    vectors = topics["vectors"]
    topics["vectors"] = Topic.model_construct(
        **{
            **dict(vectors),
            "title": "<script>alert(1)</script> & co",
            "summary": '"><img src=x onerror=alert(1)>',
        }
    )
    return Roadmap(stages=mini.stages, topics=topics, resources=mini.resources)


def test_markup_in_titles_shows_as_text(mini: Roadmap) -> None:
    markup = svg.render_roadmap(hostile_roadmap(mini), href)
    assert "<script" not in markup and "<img" not in markup
    assert "&lt;script&gt;" in markup
    root = parse(markup)
    (node,) = [a for a in topic_nodes(root) if a.get("data-topic") == "vectors"]
    assert node.get("aria-label") == "<script>alert(1)</script> & co"
    title = node.find(f"{NS}title")
    assert title is not None and title.text == '"><img src=x onerror=alert(1)>'
    assert "<script>alert(1)</script>" in text_of(node).replace("  ", " ")


def test_markup_in_chain_titles_shows_as_text(mini: Roadmap) -> None:
    markup = svg.render_chain(hostile_roadmap(mini), "gradients", href)
    assert "<script" not in markup
    parse(markup)


def test_links_are_escaped_too(mini: Roadmap) -> None:
    markup = svg.render_roadmap(mini, lambda target: f'x" onmouseover="alert(1)&{target}')
    root = parse(markup)
    assert all((a.get("href") or "").startswith('x" onmouseover=') for a in topic_nodes(root))


def test_characters_that_validation_allows_survive(tmp_path: Path) -> None:
    root = write_kb(tmp_path, {"a": [], "b": ["a"]})
    path = root / "roadmap" / "a.yml"
    path.write_text(path.read_text().replace("title: Topic a", "title: 'Bias & variance <3 \"quoted\"'"))
    roadmap = load_roadmap(root)
    (node,) = [a for a in topic_nodes(parse(svg.render_roadmap(roadmap, href))) if a.get("data-topic") == "a"]
    assert node.get("aria-label") == 'Bias & variance <3 "quoted"'


# --- one topic's chain --------------------------------------------------------------------------


def test_chain_draws_the_topic_and_what_it_builds_on(mini: Roadmap) -> None:
    root = parse(svg.render_chain(mini, "linear-regression", href))
    assert classes(root) == {"rm-svg", "rm-chain"}
    drawn = {a.get("data-topic") for a in topic_nodes(root)}
    # Required ancestors (matrices, vectors) and the direct recommended one (gradient descent),
    # but not what only that recommended topic needs.
    assert drawn == {"linear-regression", "matrices", "vectors", "gradient-descent"}
    assert {(p.get("data-from"), p.get("data-to")) for p in edges(root)} == {
        ("vectors", "matrices"),
        ("matrices", "linear-regression"),
        ("gradient-descent", "linear-regression"),
    }
    (me,) = [a for a in topic_nodes(root) if "rm-self" in classes(a)]
    assert me.get("data-topic") == "linear-regression" and me.get("aria-current") == "page"
    assert not [a for a in nodes(root) if "rm-step" in classes(a)]


def test_chain_of_a_topic_without_prerequisites_is_empty(mini: Roadmap) -> None:
    assert svg.render_chain(mini, "vectors", href) == ""


def test_chain_of_an_unknown_topic_is_an_error(mini: Roadmap) -> None:
    with pytest.raises(KeyError):
        svg.render_chain(mini, "nope", href)


def test_deep_chains_are_cut_to_the_nearest_generations(tmp_path: Path) -> None:
    chain = {f"t{i:02}": ([f"t{i - 1:02}"] if i else []) for i in range(60)}
    roadmap = load_roadmap(write_kb(tmp_path, chain))
    drawn = svg.chain_topics(roadmap, "t59")
    assert len(drawn) == sizes.CHAIN_LIMIT
    assert drawn == {f"t{i:02}" for i in range(60 - sizes.CHAIN_LIMIT, 60)}
    parse(svg.render_chain(roadmap, "t59", href))


def test_a_big_knowledge_base_draws_shorter_chains(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chain = {f"t{i:02}": ([f"t{i - 1:02}"] if i else []) for i in range(60)}
    roadmap = load_roadmap(write_kb(tmp_path, chain))
    monkeypatch.setattr(svg, "BIG_GRAPH_TOPICS", len(roadmap.topics) - 1)  # this one counts as big
    drawn = svg.chain_topics(roadmap, "t59")
    assert sizes.CHAIN_LIMIT_BIG < sizes.CHAIN_LIMIT and len(drawn) == sizes.CHAIN_LIMIT_BIG
    assert drawn == {f"t{i:02}" for i in range(60 - sizes.CHAIN_LIMIT_BIG, 60)}
    markup = svg.render_chain(roadmap, "t59", href)
    assert {a.get("data-topic") for a in topic_nodes(parse(markup))} == drawn


# --- the real knowledge base --------------------------------------------------------------------


def test_the_real_roadmap_is_complete_and_compact() -> None:
    roadmap = load_roadmap(REPO)
    markup = svg.render_roadmap(roadmap, href)
    assert len(markup.encode()) < 150_000  # the whole page must stay under 300 KB
    root = parse(markup)
    assert {a.get("data-topic") for a in topic_nodes(root)} == set(roadmap.topics)
    assert len(edges(root)) == sum(len(t.prerequisites) for t in roadmap.topics.values())
    for tid in roadmap.topics:
        chain = svg.render_chain(roadmap, tid, href)
        if chain:
            assert len(chain.encode()) < 60_000
            parse(chain)


def test_output_does_not_depend_on_hash_seeds() -> None:
    # Sets and dicts must never leak their order into the drawing: render in two processes.
    script = (
        "from pathlib import Path; from generator.kb.loading import load_roadmap; from generator.render import svg;"
        f"rm = load_roadmap(Path({str(MINI)!r}));"
        "print(svg.render_roadmap(rm, str) + svg.render_chain(rm, 'linear-regression', str))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True, cwd=REPO
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
