"""Every generated page of the site, as text: `render_site(roadmap) -> {path: content}`
(or `site_jobs(roadmap)`: each path with what makes its content).

Pure functions from a validated `Roadmap` (and, optionally, a link report) to the
Markdown, SVG and JSON files that land in the docs folder's `learn/` part. Nothing
here reads or writes files, so the output depends on the input alone and two runs
give byte-identical pages (`site.generate` does the writing).

Two kinds of text come from YAML and each is made safe where it lands:

- plain text (titles, summaries, goals, reasons, sections, names) is escaped for the
  context it goes into: HTML (`_h`), Markdown inline text (`_md`), or front matter
  (`_front`), so `<script>` or a `|` in a title shows as those characters;
- Markdown fields (`description`, `why_it_matters`) are Markdown on purpose, but
  `_markdown` neutralises what validation would reject anyway (raw HTML tags), plus
  what it does not look at: `{: attr}` lists and non-http link schemes.

Links inside raw HTML are written as final directory URLs, relative to the page (every
page is an `index.md`, see `topic_page`); links in Markdown point at `.md` files so the
engine checks them in strict mode.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator.kb.models import Resource, Stage, Topic
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import (
    AREA_LABELS,
    AREAS,
    COST_LABELS,
    COUNT_LABELS,
    KIND_LABELS,
    KIND_PLURALS,
    KIND_TITLES,
    KINDS,
    LEVEL_LABELS,
    PROBLEM_VERDICTS,
    VERDICT_LABELS,
)
from generator.links.report_file import LinkCheck, LinkReport
from generator.parallel import map_on_cores
from generator.render import svg

# Paths of generated pages, relative to the docs folder. `render_site` returns them
# relative to the generated folder (`learn/`), which is where `generate` writes.
#
# Every page is a folder's `index.md` (learn/topics/<id>/index.md -> /learn/topics/<id>/),
# so a relative link means the same to both engines: mkdocs resolves links in raw HTML
# against the page's URL, Zensical against its source file; for an index page the two
# are the same folder.
LEARN = "learn"
ROADMAP_PAGE = f"{LEARN}/roadmap/index.md"
CATALOGUE_INDEX = f"{LEARN}/catalogue/index.md"
LINK_HEALTH_PAGE = f"{LEARN}/link-health/index.md"
DATA_FILE = f"{LEARN}/data/roadmap.json"
PLANNER_PAGE = "planner.md"
ABOUT_PAGE = "about.md"


def topic_page(tid: str) -> str:
    return f"{LEARN}/topics/{tid}/index.md"


def resource_page(rid: str) -> str:
    return f"{LEARN}/resources/{rid}/index.md"


def stage_page(sid: str) -> str:
    return f"{LEARN}/stages/{sid}/index.md"


def catalogue_page(kind: str) -> str:
    return f"{LEARN}/catalogue/{KIND_PLURALS[kind]}/index.md"


# -- escaping --------------------------------------------------------------------------


def _h(text: object) -> str:
    """Text for HTML (element content or a quoted attribute)."""
    return svg.html_text(text if type(text) is str else str(text))


# Characters with a meaning inside a line of Markdown (or in an extension we might turn on
# later); numeric references show the same character and mean nothing to Markdown. Text
# never starts a line (it follows `# ` or `- `), so `+`, `-` and `1.` are safe; `#` is not
# at the end of a heading.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]|~^$#]")


def _md(text: str) -> str:
    """Plain text for a Markdown paragraph, heading, list item or link text."""
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", html.escape(text, quote=False))


def _front(text: str) -> str:
    """A front-matter value. Themes print `title` and `description` into the page head
    without escaping, so the value is HTML-escaped first, then quoted as a JSON string
    (which YAML reads as a double-quoted scalar)."""
    return json.dumps(html.escape(" ".join(text.split()), quote=True), ensure_ascii=False)


# Fenced blocks, and backtick spans (which end at the paragraph: never across a blank line).
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[`~]*[ \t]*$|(`+)(?:(?!\2|\n[ \t]*\n).)+?\2", re.S | re.M)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]*>|<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>", re.I)
# A link destination up to its closing parenthesis (or a reference definition's line),
# spaces included: browsers ignore tabs and newlines inside `java\tscript:`.
_LINK_DEST = re.compile(r"(\]\(\s*<?)([^)]*)|^( {0,3}\[[^\]\n]+\]:[ \t]*<?)([^\n]*)", re.M)
_SAFE_SCHEMES = ("http", "https", "mailto")


def _safe_dest(dest: str) -> str:
    # Browsers drop whitespace and control characters inside a scheme (`java\tscript:`).
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(dest))
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", squeezed)
    return dest if scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES else "#"


def _defang(prose: str) -> str:
    out, last = [], 0
    for auto in _AUTOLINK.finditer(prose):
        out.append(_TAG_START.sub("&lt;", prose[last : auto.start()]))
        out.append(auto.group(0))
        last = auto.end()
    out.append(_TAG_START.sub("&lt;", prose[last:]))
    text = "".join(out).replace("{", "&#123;")
    return _LINK_DEST.sub(
        lambda m: m.group(1) + _safe_dest(m.group(2)) if m.group(1) else m.group(3) + _safe_dest(m.group(4)),
        text,
    )


def _markdown(text: str) -> str:
    """A Markdown field from YAML, with raw HTML, attribute lists and script links made inert.

    Code (fenced blocks and backtick spans) is left exactly as written: Markdown shows it
    literally anyway.
    """
    out, last = [], 0
    for code in _CODE.finditer(text):
        out.append(_defang(text[last : code.start()]))
        out.append(code.group(0))
        last = code.end()
    out.append(_defang(text[last:]))
    return "".join(out).strip()


# -- small formatting helpers ----------------------------------------------------------


def number(value: float) -> int | float:
    """4.0 -> 4, so JSON and text say `4`, not `4.0`."""
    return int(value) if float(value).is_integer() else value


def hours_text(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{number(value):g} h"


def _about_hours(total: float) -> str:
    rounded = round(total) if total >= 2 else number(total)
    return f"about {rounded:g} hour{'' if rounded == 1 else 's'}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _join(items: Sequence[str], last: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _byline(resource: Resource) -> str:
    if resource.authors:
        names = list(resource.authors)
        shown = names if len(names) <= 3 else [*names[:2], f"{len(names) - 2} others"]
        return _join(shown)
    return resource.provider or ""


def _first_words(markdown: str, limit: int) -> str:
    """Markdown as plain words, cut at a word boundary: for a page's meta description."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = " ".join(re.sub(r"[*_`#>]+", "", text).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _reason(check: LinkCheck) -> str:
    """The checker's reason code in words (`not-found` -> "not found"), as its own reports say it."""
    from generator.links import reason_text

    text = str(reason_text(check.reason)) if check.reason else ""
    return text[:1].upper() + text[1:]


def _date(iso: str | None) -> str:
    return iso[:10] if iso else "unknown date"


# -- links -----------------------------------------------------------------------------


def _url_dir(page: str) -> str:
    """The folder URL mkdocs gives a page with `use_directory_urls: true`."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


# Relative paths are worked out from split paths: what posixpath.relpath does, without
# its abspath and getcwd calls for every link.
def _url_parts(page: str) -> tuple[str, ...]:
    return tuple(part for part in _url_dir(page).split("/") if part)


def _path_parts(page: str) -> tuple[str, ...]:
    return tuple(part for part in page.split("/") if part)


def _relative(source: tuple[str, ...], target: tuple[str, ...]) -> list[str]:
    common = 0
    for a, b in zip(source, target):
        if a != b:
            break
        common += 1
    return [".."] * (len(source) - common) + list(target[common:])


def href(src: str, dst: str, fragment: str = "") -> str:
    """Relative URL from page `src` to page `dst` (both docs-relative `.md` paths) for raw HTML."""
    parts = _relative(_url_parts(src), _url_parts(dst))
    return ("/".join(parts) + "/" if parts else "./") + fragment


def md_link(src: str, dst: str) -> str:
    """Relative `.md` path from page `src` to page `dst`, for Markdown links the engine checks."""
    return "/".join(_relative(_path_parts(src)[:-1], _path_parts(dst))) or "."


def _a(src: str, dst: str, text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f'<a{attr} href="{_h(href(src, dst))}">{_h(text)}</a>'


def _ext(url: str, text: str, cls: str = "", label: str | None = None) -> str:
    attrs = f' class="{cls}"' if cls else ""
    if label:
        attrs += f' aria-label="{_h(label)}" title="{_h(label)}"'
    return f'<a{attrs} href="{_h(url)}" rel="noopener">{_h(text)}</a>'


# -- building blocks -------------------------------------------------------------------


Front = Mapping[str, str | list[str] | Mapping[str, str]]


def _page(front: Front, body: Iterable[str], source: str | None = None) -> str:
    """A Markdown page: front matter (values already quoted), a note saying where it comes from, the body."""
    lines = ["---"]
    for key, value in front.items():
        if isinstance(value, str):
            lines.append(f"{key}: {value}")
        elif isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {item}" for item in value]
        else:
            lines.append(f"{key}:")
            lines += [f"  {k}: {v}" for k, v in value.items()]
    lines.append("---")
    lines.append("")
    edit = f" from {source}: edit that file, not this page" if source else ""
    lines.append(f"<!-- Generated by `roadmap generate`{edit}. -->")
    lines.append("")
    text = "\n".join([*lines, *body])
    # Exactly one newline at the end and no trailing spaces: stable bytes for diffs.
    text = _TRAILING_SPACE.sub("\n", _BLANK_LINES.sub("\n\n", text))
    return text.strip("\n") + "\n"
    return text


_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def _tag(text: str, cls: str = "") -> str:
    return f'<span class="rm-tag{" " + cls if cls else ""}">{_h(text)}</span>'


def _area_tag(area: str) -> str:
    return _tag(AREA_LABELS[area], f"rm-tag--area area-{area}")


def _cost_tag(cost: str) -> str:
    return _tag(COST_LABELS[cost], f"rm-tag--cost rm-cost-{cost}")


def _level_tag(level: str) -> str:
    return _tag(LEVEL_LABELS[level], f"rm-tag--level rm-level-{level}")


def _strength_badge(strength: str) -> str:
    return f'<span class="rm-flag rm-flag--{strength}">{strength}</span>'


def _verdict_badge(src: str, rid: str, check: LinkCheck | None) -> str:
    if check is None or check.verdict not in ("broken", "indeterminate"):
        return ""
    text = "link broken" if check.verdict == "broken" else "link unverified"
    title = f"Checked {_date(check.checked_at)}: {VERDICT_LABELS[check.verdict]}"
    return (
        f' <a class="rm-flag rm-flag--{check.verdict}" href="{_h(href(src, resource_page(rid), "#link-check"))}"'
        f' title="{_h(title)}">{text}</a>'
    )


def _graph_block(svg_markup: str, cls: str = "rm-graph") -> list[str]:
    if not svg_markup:
        return []
    # No blank lines inside, so Markdown keeps the block as raw HTML. The search index
    # skips it: every label is a topic that has its own page to find.
    flat = "\n".join(line for line in svg_markup.strip().splitlines() if line.strip())
    return [f'<div class="{cls}" markdown="0" data-search-exclude>', flat, "</div>", ""]


def _graph_href(src: str) -> Callable[[str], str]:
    """The `href` callback svg.py wants: a topic id, or `stage:<id>` for a step of the guide."""

    def link(target: str) -> str:
        if target.startswith(svg.STAGE_PREFIX):
            return href(src, stage_page(target.removeprefix(svg.STAGE_PREFIX)))
        return href(src, topic_page(target))

    return link


# -- resource tables -------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    kind: bool = True
    sections_for: str | None = None  # a topic id: show what to read for it
    topics: bool = False  # list the topics a resource covers
    coverage_of: frozenset[str] | None = None  # count covered topics from this set


class _Row:
    """What a resource's table row says whatever the page it is on (the links are the page's own)."""

    def __init__(self, roadmap: Roadmap, rid: str) -> None:
        self._roadmap, self._rid = roadmap, rid
        r = roadmap.resources[rid]
        self.title = _h(r.title)  # escaped
        # The visit link; the verdict badge goes after it, then the byline.
        self.after_title = " " + _ext(r.url, "↗", "rm-visit", f"Open {r.title} on {_host(r.url)}")
        byline = _byline(r)
        by = f'<span class="rm-by">{_h(byline)}</span>' if byline else ""
        # Kind, cost, level and time as one cell of tags: scannable, and it leaves the width
        # to the title and to what to read.
        self._tags = [_cost_tag(r.cost), _level_tag(r.level)]
        if r.hours is not None:
            self._tags.append(_tag(hours_text(r.hours), "rm-tag--hours"))
        self._about = f'{by}</td><td class="rm-col-about"><span class="rm-tags">{{}}</span></td>'
        # The byline, closing the first cell, and the cell of tags without the kind.
        self.about = self._about.format(" ".join(self._tags))
        # What to read, by topic id (a topic's first entry wins).
        self.sections: Mapping[str, str] = {c.topic: c.sections for c in reversed(r.covers)}

    @property
    def about_with_kind(self) -> str:
        """`about` with the kind's tag first."""
        kind = self._roadmap.resources[self._rid].kind
        return self._about.format(" ".join([_tag(KIND_LABELS[kind], "rm-tag--kind"), *self._tags]))

    @property
    def areas(self) -> tuple[str, ...]:
        """The areas of the topics it covers, each once."""
        topics, covers = self._roadmap.topics, self._roadmap.resources[self._rid].covers
        return tuple(sorted({topics[c.topic].area for c in covers}, key=AREAS.index))

    @property
    def topics(self) -> tuple[tuple[str, str], ...]:
        """(topic id, escaped title) in study order."""
        roadmap = self._roadmap
        ids = sorted((c.topic for c in roadmap.resources[self._rid].covers), key=roadmap.sort_key)
        return tuple((t, _h(roadmap.topics[t].title)) for t in ids)

    @property
    def attrs(self) -> str:
        """The <tr>'s data-* attributes, for the catalogue's filters (catalogue tables only)."""
        roadmap, r = self._roadmap, self._roadmap.resources[self._rid]
        titles = (roadmap.topics[c.topic].title for c in r.covers)
        search = " ".join([r.title, *r.authors, r.provider or "", *titles])
        data = {
            "data-kind": r.kind,
            "data-cost": r.cost,
            "data-level": r.level,
            "data-area": " ".join(self.areas),
            "data-text": " ".join(search.lower().split()),
        }
        return " ".join(f'{k}="{_h(v)}"' for k, v in data.items())


def _row_title(src: str, rid: str, row: _Row) -> str:
    """The start of a row's first cell: the resource's title, linked, and its visit link."""
    return f'<td class="rm-col-title"><a class="rm-title" href="{_h(href(src, resource_page(rid)))}">{row.title}</a>{row.after_title}'


def _row_topics(src: str, row: _Row) -> str:
    links = ", ".join(f'<a href="{_h(href(src, topic_page(tid)))}">{text}</a>' for tid, text in row.topics)
    return f'<td data-label="Topics" class="rm-col-topics rm-wide"><span>{links}</span></td>' if links else '<td data-label="Topics" class="rm-unknown">—</td>'


def _resource_rows(roadmap: Roadmap, src: str, rids: Iterable[str], cols: _Columns, report: LinkReport | None, catalogue: bool) -> list[str]:
    out = []
    for rid in rids:
        row = _Row(roadmap, rid)
        # Only a catalogue table's rows carry the data its filters read (catalogue.js).
        cells = [f"<tr {row.attrs}>" if catalogue else "<tr>", _row_title(src, rid, row)]
        if report is not None:
            cells.append(_verdict_badge(src, rid, report.for_resource(rid, roadmap.resources[rid].url)))
        cells.append(row.about_with_kind if cols.kind else row.about)
        if cols.sections_for is not None:
            cells.append(f'<td data-label="Read" class="rm-wide">{_h(row.sections.get(cols.sections_for, ""))}</td>')
        if cols.coverage_of is not None:
            n = sum(1 for c in roadmap.resources[rid].covers if c.topic in cols.coverage_of)
            cells.append(f'<td data-label="Topics here" class="rm-num rm-wide">{n}</td>')
        if cols.topics:
            cells.append(_row_topics(src, row))
        cells.append("</tr>")
        out.append("".join(cells))
    return out


def _resource_table(
    roadmap: Roadmap,
    src: str,
    rids: Sequence[str],
    cols: _Columns,
    report: LinkReport | None,
    caption: str,
    catalogue: bool = False,
) -> list[str]:
    heads = ["Resource", "Details"]
    if cols.sections_for is not None:
        heads.append("What to read")
    if cols.coverage_of is not None:
        heads.append("Topics here")
    if cols.topics:
        heads.append("Topics")
    head = "".join(f'<th scope="col">{_h(h)}</th>' for h in heads)
    marker = " data-rm-catalogue" if catalogue else ""
    rows = _resource_rows(roadmap, src, rids, cols, report, catalogue)
    empty = (
        f'<tr class="rm-empty" hidden><td colspan="{len(heads)}">No resource matches these filters. '
        '<button type="button" class="rm-link-button" data-rm-reset>Clear the filters</button></td></tr>'
        if catalogue
        else ""
    )
    return [
        f'<div class="rm-table-wrap"><table class="rm-table rm-resources"{marker}>',
        f'<caption class="rm-visually-hidden">{_h(caption)}</caption>',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        *([empty] if empty else []),
        "</tbody></table></div>",
        "",
    ]


def _filters(roadmap: Roadmap, rids: Sequence[str], with_kind: bool) -> list[str]:
    """The filter form for a catalogue table. Hidden until catalogue.js shows it, so a
    reader without JavaScript sees the full table and no controls that do nothing."""
    resources = [roadmap.resources[r] for r in rids]

    def select(name: str, label: str, anything: str, options: Sequence[tuple[str, str]], counts: Mapping[str, int]) -> str:
        opts = [f'<option value="">{_h(anything)}</option>']
        opts += [f'<option value="{_h(v)}">{_h(text)} ({counts.get(v, 0)})</option>' for v, text in options if counts.get(v)]
        return (
            f'<label class="rm-filter"><span>{_h(label)}</span>'
            f'<select name="{name}" data-rm-filter="{name}">{"".join(opts)}</select></label>'
        )

    def count(values: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for v in values:
            out[v] = out.get(v, 0) + 1
        return out

    area_counts = count(a for rid in rids for a in _Row(roadmap, rid).areas)
    controls = [
        '<label class="rm-filter rm-filter--search"><span>Search</span>'
        '<input type="search" name="q" data-rm-filter="q" placeholder="Title, author or topic" autocomplete="off"></label>'
    ]
    if with_kind:
        controls.append(select("kind", "Kind", "Any kind", [(k, KIND_LABELS[k]) for k in KINDS], count(r.kind for r in resources)))
    controls.append(select("cost", "Cost", "Any cost", list(COST_LABELS.items()), count(r.cost for r in resources)))
    controls.append(select("level", "Level", "Any level", list(LEVEL_LABELS.items()), count(r.level for r in resources)))
    controls.append(select("area", "Area", "Any area", list(AREA_LABELS.items()), area_counts))
    total = len(resources)
    return [
        '<form class="rm-filters" data-rm-filters hidden role="search" aria-label="Filter the resources">',
        *controls,
        '<button type="reset" class="md-button rm-reset">Clear</button>',
        f'<p class="rm-count" data-rm-count aria-live="polite">{_plural(total, "resource")}</p>',
        "</form>",
        "",
    ]


# -- pages -----------------------------------------------------------------------------


def _stage_label(stage: Stage) -> str:
    return f"Step {stage.order}: {stage.title}"


def _stage_number(roadmap: Roadmap, sid: str) -> int:
    return next(i for i, s in enumerate(roadmap.stages, 1) if s.id == sid)


def _in_study_order(roadmap: Roadmap, tids: Iterable[str]) -> list[str]:
    return roadmap.topological_order(list(tids))


def _needs(roadmap: Roadmap, src: str, topic: Topic) -> str:
    if not topic.prerequisites:
        return '<span class="rm-needs">a starting point</span>'
    parts = []
    for pre in topic.prerequisites:
        link = _a(src, topic_page(pre.topic), roadmap.topics[pre.topic].title)
        parts.append(link + (" (recommended)" if pre.strength == "recommended" else ""))
    return f'<span class="rm-needs">needs {_join(parts)}</span>'


def roadmap_markdown(roadmap: Roadmap) -> str:
    """The roadmap page: the whole graph (svg.py draws it with its legend), then the same
    graph as nested lists by stage, for screen readers, phones and anyone who prefers a list."""
    src = ROADMAP_PAGE
    topic_stages = [s for s in roadmap.stages if roadmap.topics_in_stage(s.id)]
    total = sum(t.hours for t in roadmap.topics.values())
    drawing = svg.render_roadmap(roadmap, _graph_href(src))
    body = [
        "# The roadmap",
        "",
        f'<p class="rm-lede">The mathematics machine learning needs, in an order you can learn it: '
        f"{_plural(len(roadmap.topics), 'topic')} in {_plural(len(topic_stages), 'step')}, {_about_hours(total)} of study.</p>",
        "",
        '<p class="rm-hint">Each box is a topic, and each arrow runs from what you need first to what it leads to. '
        "Point at or tab to a topic to light up what it builds on and what it unlocks; click it to open it.</p>",
        "",
        '<div class="rm-roadmap-actions">',
        f'<a class="md-button md-button--primary" href="{_h(href(src, PLANNER_PAGE))}">Plan a study path</a>',
        '<a class="md-button" href="#the-roadmap-as-a-list">Read it as a list</a>',
        "</div>",
        "",
        '<p class="rm-scroll-hint">The graph is wider than this screen: swipe it sideways, or read the same roadmap as a list below it.</p>',
        "",
        *_graph_block(drawing),
        "## The roadmap as a list",
        "",
        "The same graph, step by step. Within a step, topics are in an order you can study them in.",
        "",
        '<ol class="rm-outline">',
    ]
    for stage in roadmap.stages:
        tids = _in_study_order(roadmap, roadmap.topics_in_stage(stage.id))
        body.append(f'<li class="rm-outline-stage">{_a(src, stage_page(stage.id), _stage_label(stage), "rm-outline-title")}')
        if tids:
            body.append('<ol class="rm-outline-topics">')
            for tid in tids:
                topic = roadmap.topics[tid]
                body.append(
                    f'<li class="area-{topic.area}">{_a(src, topic_page(tid), topic.title)} '
                    f'<span class="rm-meta">{_h(hours_text(topic.hours))}</span> {_needs(roadmap, src, topic)}</li>'
                )
            body.append("</ol>")
        else:
            kinds = [_a(src, catalogue_page(k), KIND_TITLES[k].lower()) for k in stage.kinds]
            text = f"Study with {_join(kinds)}." if kinds else _h(stage.summary)
            body.append(f'<p class="rm-outline-note">{text}</p>')
        body.append("</li>")
    body += ["</ol>", ""]
    front: Front = {"title": _front("Roadmap"), "description": _front("The whole Math-for-ML roadmap as a dependency graph."), "hide": ["navigation", "toc"]}
    return _page(front, body)


def topic_markdown(roadmap: Roadmap, tid: str, report: LinkReport | None = None) -> str:
    """One topic's page."""
    src = topic_page(tid)
    topic = roadmap.topics[tid]
    stage = roadmap.stage_by_id[topic.stage]
    unlocks = roadmap.dependents[tid]
    body = [
        f"# {_md(topic.title)}",
        "",
        f'<p class="rm-lede">{_h(topic.summary)}</p>',
        "",
        '<div class="rm-facts">',
        _a(src, stage_page(stage.id), _stage_label(stage), "rm-tag rm-tag--stage"),
        _area_tag(topic.area),
        _tag(f"about {hours_text(topic.hours)}", "rm-tag--hours"),
        _tag(f"{_plural(len(topic.prerequisites), 'prerequisite')} · unlocks {len(unlocks)}", "rm-tag--links"),
        "</div>",
        "",
        '<div class="rm-actions">',
        f'<div class="rm-progress" data-topic="{_h(tid)}"></div>',
        f'<a class="md-button md-button--primary rm-plan-link" href="{_h(href(src, PLANNER_PAGE, "#targets=" + tid))}">Plan a path to this topic</a>',
        "</div>",
        "",
        "## Before you start",
        "",
    ]
    if topic.prerequisites:
        for pre in topic.prerequisites:
            other = roadmap.topics[pre.topic]
            body.append(f"- [{_md(other.title)}]({md_link(src, topic_page(pre.topic))}) {_strength_badge(pre.strength)} {_md(' '.join(pre.reason.split()))}")
        body.append("")
        chain = svg.render_chain(roadmap, tid, _graph_href(src))
        if chain:
            count, hours = roadmap.builds_on(tid)
            body += [
                f'<p class="rm-caption">Everything this topic builds on ({_plural(count, "topic")}, '
                f"{_about_hours(hours)}). "
                "Solid lines are required, dashed ones recommended.</p>",
                "",
                *_graph_block(chain, "rm-graph rm-chain"),
            ]
    else:
        body += ["Nothing: this is a starting point of the roadmap.", ""]
    body += [
        "## Why it matters for machine learning",
        "",
        _markdown(topic.why_it_matters),
        "",
        "## What it is",
        "",
        _markdown(topic.description),
        "",
        "## Goals",
        "",
        "You know this topic when you can:",
        "",
        *(f"- [ ] {_md(' '.join(goal.split()))}" for goal in topic.goals),
        "",
        "## Resources",
        "",
    ]
    rids = roadmap.covering[tid]
    if rids:
        body += [
            f"Best first: free before paid, gentle before advanced, each with exactly what to read for {_md(topic.title)}.",
            "",
            *_resource_table(roadmap, src, rids, _Columns(sections_for=tid), report, f"Resources for {topic.title}"),
        ]
    else:
        body += ["No resource covers this topic yet.", ""]
    body += [f'<p class="rm-contribute">Know a better one? {_a(src, ABOUT_PAGE, "Suggest a resource")}.</p>', ""]
    body += ["## What it unlocks", ""]
    if unlocks:
        for child in unlocks:
            other = roadmap.topics[child]
            strength = next(p.strength for p in other.prerequisites if p.topic == tid)
            body.append(f"- [{_md(other.title)}]({md_link(src, topic_page(child))}) {_strength_badge(strength)} {_md(other.summary)}")
        body.append("")
    else:
        body += ["Nothing in the roadmap builds on this topic yet.", ""]
    front: Front = {"title": _front(topic.title), "description": _front(topic.summary), "search": {"boost": "2"}}
    return _page(front, body, roadmap.topic_path(tid))


def _link_check_section(check: LinkCheck | None, report: LinkReport, src: str) -> list[str]:
    lines = ["## Link check", ""]
    if check is None:
        return [*lines, "This link was not in the last link report.", ""]
    status = f" (HTTP {check.status})" if check.status is not None else ""
    when = f'<time datetime="{_h(check.checked_at)}">{_h(_date(check.checked_at))}</time>' if check.checked_at else "an unknown date"
    lines.append(
        f'<p class="rm-linkcheck rm-linkcheck--{_h(check.verdict)}">Last checked {when}: '
        f"<strong>{_h(VERDICT_LABELS[check.verdict])}</strong>{_h(status)}"
        + (f". {_h(_reason(check))}" if check.reason else "")
        + "</p>"
    )
    if check.final_url and check.final_url != check.url:
        lines.append(f'<p class="rm-linkcheck-more">It now leads to {_ext(check.final_url, check.final_url)}.</p>')
    if check.archive:
        lines.append(f'<p class="rm-linkcheck-more">Archived copy: {_ext(check.archive, check.archive)}.</p>')
    if report.problems:
        lines.append(f'<p class="rm-linkcheck-more">{_a(src, LINK_HEALTH_PAGE, "All links that need attention")}.</p>')
    return [*lines, ""]


def _kind_link(roadmap: Roadmap, src: str, kind: str) -> str:
    """A resource page's tag for its kind, linking to that kind's catalogue."""
    return _a(src, catalogue_page(kind), KIND_LABELS[kind], "rm-tag rm-tag--kind")


def _covered(roadmap: Roadmap, src: str, tid: str) -> str:
    """The start of a row in a resource page's table of the topics it covers."""
    topic = roadmap.topics[tid]
    stage = roadmap.stage_by_id[topic.stage]
    return (
        f"<tr><td>{_a(src, topic_page(tid), topic.title)}</td>"
        f'<td data-label="Step" class="rm-wide">{_a(src, stage_page(stage.id), f"{stage.order}. {stage.title}")}</td>'
    )


def resource_markdown(roadmap: Roadmap, rid: str, report: LinkReport | None = None) -> str:
    """One resource's page."""
    src = resource_page(rid)
    r = roadmap.resources[rid]
    byline = _byline(r)
    extra = [str(r.year)] if r.year else []
    if r.edition:
        extra.append(f"{r.edition} edition" if not r.edition.lower().endswith("edition") else r.edition)
    who = [f"by {byline}"] if r.authors else []
    if r.provider:
        who.append(f"from {r.provider}" if not r.authors else r.provider)
    lede = " · ".join([*who, *extra])
    check = report.for_resource(rid, r.url) if report else None
    body = [
        f"# {_md(r.title)}",
        "",
        f'<p class="rm-lede">{_h(lede)}</p>' if lede else "",
        "",
        '<div class="rm-facts">',
        _kind_link(roadmap, src, r.kind),
        _cost_tag(r.cost),
        _level_tag(r.level),
        *([_tag(f"about {hours_text(r.hours)}", "rm-tag--hours")] if r.hours else []),
        "</div>",
        "",
        '<div class="rm-actions">',
        f'{_ext(r.url, f"Open on {_host(r.url)} ↗", "md-button md-button--primary")}{_verdict_badge(src, rid, check)}',
        "</div>",
        "",
        "## About it",
        "",
        _markdown(r.description),
        "",
        "## What it covers",
        "",
    ]
    if r.covers:
        rows = []
        for cover in sorted(r.covers, key=lambda c: roadmap.sort_key(c.topic)):
            rows.append(f'{_covered(roadmap, src, cover.topic)}<td data-label="Read" class="rm-wide">{_h(cover.sections)}</td></tr>')
        body += [
            '<div class="rm-table-wrap"><table class="rm-table rm-covers">',
            f'<caption class="rm-visually-hidden">Topics covered by {_h(r.title)}</caption>',
            '<thead><tr><th scope="col">Topic</th><th scope="col">Step</th><th scope="col">What to read</th></tr></thead>',
            "<tbody>",
            *rows,
            "</tbody></table></div>",
            "",
        ]
    else:
        stages = [s for s in roadmap.stages if r.kind in s.kinds]
        where = _join([_a(src, stage_page(s.id), _stage_label(s)) for s in stages]) if stages else ""
        text = f"Not tied to particular topics: it belongs to {where}." if where else "Not tied to particular topics."
        body += [f"<p>{text}</p>", ""]
    details: list[tuple[str, str]] = [("Kind", _h(KIND_LABELS[r.kind])), ("Cost", _h(COST_LABELS[r.cost])), ("Level", _h(LEVEL_LABELS[r.level]))]
    if r.hours:
        details.append(("Time", _h(f"about {hours_text(r.hours)}")))
    if r.authors:
        details.append(("Authors" if len(r.authors) > 1 else "Author", _h(", ".join(r.authors))))
    if r.provider:
        details.append(("Provider", _h(r.provider)))
    if r.year:
        details.append(("Year", str(r.year)))
    if r.edition:
        details.append(("Edition", _h(r.edition)))
    if r.isbn:
        details.append(("ISBN", _h(r.isbn)))
    details.append(("Address", _ext(r.url, r.url, "rm-url")))
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
    front: Front = {"title": _front(r.title), "description": _front(_first_words(r.description, 200))}
    return _page(front, body, roadmap.resource_path(rid))


def _catalogue_order(roadmap: Roadmap) -> dict[str, int]:
    """Every resource's place in the catalogue: free ones first, then by level and title."""
    ranked = sorted(roadmap.resources, key=lambda rid: (*roadmap.resource_rank(rid), rid))
    return {rid: i for i, rid in enumerate(ranked)}


def _catalogue_rids(roadmap: Roadmap, kind: str | None = None) -> list[str]:
    """The resources (of one kind, or all) in catalogue order."""
    ranked = list(_catalogue_order(roadmap))
    return ranked if kind is None else [rid for rid in ranked if roadmap.resources[rid].kind == kind]


# Above this many resources the catalogue's index lists the kinds only, and each kind's
# page holds the filterable table: one table of every resource would be tens of megabytes.
CATALOGUE_INDEX_ROWS = 2000


def catalogue_markdown(roadmap: Roadmap, kind: str | None = None, report: LinkReport | None = None) -> str:
    """The catalogue of every resource (`kind=None`) or of one kind."""
    src = CATALOGUE_INDEX if kind is None else catalogue_page(kind)
    rids = _catalogue_rids(roadmap, kind)
    title = "Catalogue" if kind is None else KIND_TITLES[kind]
    body = [f"# {_md(title)}", ""]
    # Above the limit the front page lists the kinds only (see CATALOGUE_INDEX_ROWS).
    one_table = len(roadmap.resources) <= CATALOGUE_INDEX_ROWS
    if kind is None:
        order = " Free ones first, then by level." if one_table else ""
        body += [
            f'<p class="rm-lede">All {_plural(len(rids), "resource")} of the roadmap: courses, books, videos, '
            f"places to practise and people to learn with.{order}</p>",
            "",
            '<nav class="rm-kinds" aria-label="Resources by kind"><ul>',
        ]
        for k in KINDS:
            n = sum(1 for r in roadmap.resources.values() if r.kind == k)
            link = href(src, catalogue_page(k))
            body.append(f'<li><a href="{_h(link)}">{_h(KIND_TITLES[k])} <span class="rm-count-badge">{n}</span></a></li>')
        body += ["</ul></nav>", ""]
        if report is not None and report.problems:
            body += [f'<p class="rm-note">{_plural(len(report.problems), "link")} need attention: see {_a(src, LINK_HEALTH_PAGE, "link health")}.</p>', ""]
    else:
        stages = [s for s in roadmap.stages if kind in s.kinds]
        part = f" Part of {_join([_a(src, stage_page(s.id), _stage_label(s)) for s in stages])}." if stages else ""
        body += [
            f'<p class="rm-lede">{_plural(len(rids), KIND_LABELS[kind].lower(), KIND_PLURALS[kind])} in the roadmap, '
            f"free ones first, then by level.{part} "
            f"{_a(src, CATALOGUE_INDEX, 'See every resource' if one_table else 'See the other kinds')}.</p>",
            "",
        ]
    if kind is None and not one_table:
        body += [
            f"<p>{len(rids):,} resources are too many for one table: each kind above has a page "
            "with a table of its resources that you can filter by cost, level, area and words.</p>",
            "",
        ]
    elif rids:
        body += _filters(roadmap, rids, with_kind=kind is None)
        cols = _Columns(kind=kind is None, topics=True)
        body += _resource_table(roadmap, src, rids, cols, report, f"{title}: every resource", catalogue=True)
    else:
        body += [f"No {KIND_PLURALS[kind or 'course']} yet. {_a(src, ABOUT_PAGE, 'Suggest one')}.", ""]
    # No table of contents: the page is one table, and it needs the width.
    front: Front = {"title": _front(title), "description": _front(f"{title} for learning the mathematics of machine learning."), "hide": ["toc"]}
    return _page(front, body)


# A stage page's resource tables show this many rows at most (the best ranked); the rest
# are in the catalogue. A big knowledge base would otherwise list thousands on one page.
STAGE_TABLE_ROWS = 100


def stage_markdown(roadmap: Roadmap, sid: str, report: LinkReport | None = None) -> str:
    """One step of the guide: its topics in study order, and its resources."""
    src = stage_page(sid)
    stage = roadmap.stage_by_id[sid]
    position = _stage_number(roadmap, sid)
    tids = _in_study_order(roadmap, roadmap.topics_in_stage(sid))
    hours = sum(roadmap.topics[t].hours for t in tids)
    facts = [_tag(f"Step {stage.order} of {len(roadmap.stages)}", "rm-tag--stage")]
    if tids:
        facts += [_tag(_plural(len(tids), "topic"), ""), _tag(f"about {hours_text(hours)}", "rm-tag--hours")]
    body = [
        f"# {_md(stage.title)}",
        "",
        f'<p class="rm-lede">{_h(stage.summary)}</p>',
        "",
        '<div class="rm-facts">',
        *facts,
        "</div>",
        "",
    ]
    if tids:
        body += ["## Topics, in an order to study them", "", '<ol class="rm-cards">']
        for tid in tids:
            topic = roadmap.topics[tid]
            body.append(
                f'<li class="rm-card area-{topic.area}">'
                f'<h3 class="rm-card-title">{_a(src, topic_page(tid), topic.title)}</h3>'
                f'<p class="rm-card-meta">{_area_tag(topic.area)} {_tag(hours_text(topic.hours), "rm-tag--hours")}</p>'
                f'<p class="rm-card-summary">{_h(topic.summary)}</p>'
                f'<p class="rm-card-needs">{_needs(roadmap, src, topic)}</p></li>'
            )
        body += ["</ol>", ""]
        in_stage = frozenset(tids)
        covering = {rid for t in tids for rid in roadmap.covering[t]}
        order = _catalogue_order(roadmap)
        ranked = sorted(covering, key=lambda rid: (-sum(1 for c in roadmap.resources[rid].covers if c.topic in in_stage), order[rid]))
        if ranked:
            body += [
                "## Resources for this step",
                "",
                "The ones that cover most of this step first.",
                "",
                *_resource_table(roadmap, src, ranked[:STAGE_TABLE_ROWS], _Columns(coverage_of=in_stage), report, f"Resources for {stage.title}"),
            ]
            more = len(ranked) - STAGE_TABLE_ROWS
            if more > 0:
                body += [f"<p>{_more(more)} {_a(src, CATALOGUE_INDEX, 'Find them in the catalogue')}.</p>", ""]
    for kind in stage.kinds:
        rids = _catalogue_rids(roadmap, kind)
        body += [f"## {_md(KIND_TITLES[kind])}", ""]
        if rids:
            body += _resource_table(roadmap, src, rids[:STAGE_TABLE_ROWS], _Columns(kind=False, topics=True), report, KIND_TITLES[kind])
            more = len(rids) - STAGE_TABLE_ROWS
            link = _a(src, catalogue_page(kind), f"Filter the {KIND_PLURALS[kind]} in the catalogue")
            body += [f"<p>{_more(more)} {link}.</p>" if more > 0 else f"<p>{link}.</p>", ""]
        else:
            body += [f"None yet. {_a(src, ABOUT_PAGE, 'Suggest one')}.", ""]
    prev_stage = roadmap.stages[position - 2] if position > 1 else None
    next_stage = roadmap.stages[position] if position < len(roadmap.stages) else None
    nav = []
    if prev_stage:
        nav.append(f'<a class="rm-step-prev" href="{_h(href(src, stage_page(prev_stage.id)))}"><span>Previous step</span>{_h(prev_stage.title)}</a>')
    if next_stage:
        nav.append(f'<a class="rm-step-next" href="{_h(href(src, stage_page(next_stage.id)))}"><span>Next step</span>{_h(next_stage.title)}</a>')
    if nav:
        body += ['<nav class="rm-step-nav" aria-label="Steps of the guide">', *nav, "</nav>", ""]
    front: Front = {"title": _front(f"Step {stage.order}: {stage.title}"), "description": _front(stage.summary)}
    return _page(front, body, "roadmap/stages.yml")


def _more(n: int) -> str:
    return f"{n:,} more {'is' if n == 1 else 'are'} not shown here."


def link_health_markdown(roadmap: Roadmap, report: LinkReport) -> str:
    """The links that need a maintainer's attention, worst first."""
    src = LINK_HEALTH_PAGE
    counts = ", ".join(f"{report.summary[v]} {COUNT_LABELS[v]}" for v in VERDICT_LABELS if report.summary.get(v))
    checked = sorted({r.checked_at for r in report.results if r.checked_at})
    when = f" The newest check is from {_date(checked[-1])}." if checked else ""
    body = [
        "# Link health",
        "",
        f'<p class="rm-lede">What the last run of <code>roadmap check-links</code> found: {_h(counts or "no results")}.{_h(when)}</p>',
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
            name = _a(src, resource_page(r.resource or ""), res.title) if res and r.resource else _h(r.resource or "—")
            status = "" if r.status is None else str(r.status)
            lines.append(
                f'<tr><td>{name}</td><td class="rm-url rm-wide" data-label="Address">{_ext(r.url, r.url)}</td>'
                f'<td data-label="Status" class="rm-wide">{_h(status or "—")}</td><td data-label="Why" class="rm-wide"><span>{_h(_reason(r))}'
                + (f" → {_ext(r.final_url, r.final_url)}" if r.final_url and r.final_url != r.url else "")
                + f'</span></td><td data-label="Where" class="rm-wide"><code>{_h(r.location or "")}</code></td>'
                f'<td data-label="Checked" class="rm-wide">{_h(_date(r.checked_at))}</td></tr>'
            )
        body += [
            '<div class="rm-table-wrap"><table class="rm-table rm-links">',
            '<thead><tr><th scope="col">Resource</th><th scope="col">Address</th><th scope="col">Status</th>'
            '<th scope="col">Why</th><th scope="col">Where</th><th scope="col">Checked</th></tr></thead>',
            "<tbody>",
            *lines,
            "</tbody></table></div>",
            "",
        ]
    front: Front = {"title": _front("Link health"), "description": _front("Resource links that are broken, redirected or could not be checked.")}
    return _page(front, body)


def roadmap_json(roadmap: Roadmap) -> str:
    """`learn/data/roadmap.json`: the graph for the browser scripts (planner, progress)."""
    # What to read of each resource, by topic (a topic's first `covers` entry, as roadmap.sections).
    sections: dict[str, dict[str, str]] = {}
    for rid, r in roadmap.resources.items():
        for cover in r.covers:
            sections.setdefault(cover.topic, {}).setdefault(rid, cover.sections)
    data = {
        "stages": [stage.model_dump(mode="json") for stage in sorted(roadmap.stages, key=lambda s: s.id)],
        "topics": [
            {
                "id": tid,
                "title": t.title,
                "stage": t.stage,
                "area": t.area,
                "summary": t.summary,
                "hours": number(t.hours),
                "prerequisites": [{"topic": p.topic, "strength": p.strength} for p in t.prerequisites],
                "resources": roadmap.covering[tid],
                # What to read of each for this topic (the planner shows it with each step).
                "sections": {rid: sections[tid][rid] for rid in roadmap.covering[tid]},
            }
            for tid, t in sorted(roadmap.topics.items())
        ],
        "resources": [
            {
                "id": rid,
                "title": r.title,
                "kind": r.kind,
                "url": r.url,
                "cost": r.cost,
                "level": r.level,
                "hours": None if r.hours is None else number(r.hours),
            }
            for rid, r in sorted(roadmap.resources.items())
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# From this many pages on, they are rendered on every core (`parallel.map_on_cores`).
PARALLEL_PAGES = 1000


Job = tuple[str, Callable[[], str]]  # a generated file's path, and what makes its text


def site_jobs(roadmap: Roadmap, report: LinkReport | None = None) -> list[Job]:
    """Every generated file, as its path relative to the generated folder (`learn/`) and a
    call that makes its text, sorted by path. The texts are left to the caller to make,
    on every core for a big site (`render_site` here, `site.write_jobs` when writing)."""
    jobs: list[Job] = [
        (ROADMAP_PAGE, functools.partial(roadmap_markdown, roadmap)),
        (DATA_FILE, functools.partial(roadmap_json, roadmap)),
    ]
    jobs += [(topic_page(tid), functools.partial(topic_markdown, roadmap, tid, report)) for tid in roadmap.topics]
    jobs += [(resource_page(rid), functools.partial(resource_markdown, roadmap, rid, report)) for rid in roadmap.resources]
    jobs += [(stage_page(stage.id), functools.partial(stage_markdown, roadmap, stage.id, report)) for stage in roadmap.stages]
    jobs.append((CATALOGUE_INDEX, functools.partial(catalogue_markdown, roadmap, None, report)))
    jobs += [(catalogue_page(kind), functools.partial(catalogue_markdown, roadmap, kind, report)) for kind in KINDS]
    if report is not None:
        jobs.append((LINK_HEALTH_PAGE, functools.partial(link_health_markdown, roadmap, report)))
    if len(jobs) >= PARALLEL_PAGES and roadmap.topics:
        # Lookups every page needs, worked out once here rather than once in each forked child.
        first = next(iter(roadmap.topics))
        _ = roadmap.dependents[first], roadmap.covering[first], roadmap.builds_on(first)
    prefix = LEARN + "/"
    return sorted(((path.removeprefix(prefix), make) for path, make in jobs), key=lambda job: job[0])


def render_site(roadmap: Roadmap, report: LinkReport | None = None) -> dict[str, str]:
    """Every generated file, keyed by its path relative to the generated folder (`learn/`)."""
    jobs = site_jobs(roadmap, report)
    texts = map_on_cores(_call, [make for _, make in jobs], min_items=PARALLEL_PAGES)
    return {path: text for (path, _), text in zip(jobs, texts)}


def _call(make: Callable[[], str]) -> str:
    return make()
