"""The tables of resources (topic, stage and catalogue pages) and the catalogue's filters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import (
    AREA_LABELS,
    AREAS,
    COST_LABELS,
    KIND_LABELS,
    KINDS,
    LEVEL_LABELS,
)
from generator.links.report_file import LinkReport
from generator.render.blocks import cost_tag, ext_link, level_tag, tag, verdict_badge
from generator.render.text import byline_of, h, host_name, hours_text, inline_html, plural
from generator.render.urls import href, resource_page, topic_page


@dataclass(frozen=True)
class Columns:
    kind: bool = True
    sections_for: str | None = None  # a topic id: show what to read for it
    topics: bool = False  # list the topics a resource covers
    coverage_of: frozenset[str] | None = None  # count covered topics from this set


class _Row:
    """What a resource's table row says whatever the page it is on (the links are the page's own)."""

    def __init__(self, roadmap: Roadmap, rid: str) -> None:
        self._roadmap, self._rid = roadmap, rid
        r = roadmap.resources[rid]
        self.title = h(r.title)  # escaped
        # The visit link; the verdict badge goes after it, then the byline.
        self.after_title = " " + ext_link(r.url, "↗", "rm-visit", f"Open {r.title} on {host_name(r.url)}")
        byline = byline_of(r)
        by = f'<span class="rm-by">{h(byline)}</span>' if byline else ""
        # Kind, cost, level and time as one cell of tags: scannable, and it leaves the width
        # to the title and to what to read.
        self._tags = [cost_tag(r.cost), level_tag(r.level)]
        if r.hours is not None:
            self._tags.append(tag(hours_text(r.hours), "rm-tag--hours"))
        self._about = f'{by}</td><td class="rm-col-about"><span class="rm-tags">{{}}</span></td>'
        # The byline, closing the first cell, and the cell of tags without the kind.
        self.about = self._about.format(" ".join(self._tags))
        # What to read, by topic id (a topic's first entry wins).
        self.sections: Mapping[str, str] = {c.topic: c.sections for c in reversed(r.covers)}

    @property
    def about_with_kind(self) -> str:
        """`about` with the kind's tag first."""
        kind = self._roadmap.resources[self._rid].kind
        return self._about.format(" ".join([tag(KIND_LABELS[kind], "rm-tag--kind"), *self._tags]))

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
        return tuple((t, h(roadmap.topics[t].title)) for t in ids)

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
        return " ".join(f'{k}="{h(v)}"' for k, v in data.items())


def _row_title(src: str, rid: str, row: _Row) -> str:
    """The start of a row's first cell: the resource's title, linked, and its visit link."""
    return f'<td class="rm-col-title"><a class="rm-title" href="{h(href(src, resource_page(rid)))}">{row.title}</a>{row.after_title}'


def _row_topics(src: str, row: _Row) -> str:
    links = ", ".join(f'<a href="{h(href(src, topic_page(tid)))}">{text}</a>' for tid, text in row.topics)
    return (
        f'<td data-label="Topics" class="rm-col-topics rm-wide"><span>{links}</span></td>'
        if links
        else '<td data-label="Topics" class="rm-unknown">—</td>'
    )


def _resource_rows(roadmap: Roadmap, src: str, rids: Iterable[str], cols: Columns, report: LinkReport | None, catalogue: bool) -> list[str]:
    out = []
    for rid in rids:
        row = _Row(roadmap, rid)
        # Only a catalogue table's rows carry the data its filters read (catalogue.js).
        cells = [f"<tr {row.attrs}>" if catalogue else "<tr>", _row_title(src, rid, row)]
        if report is not None:
            cells.append(verdict_badge(src, rid, report.for_resource(rid, roadmap.resources[rid].url)))
        cells.append(row.about_with_kind if cols.kind else row.about)
        if cols.sections_for is not None:
            cells.append(f'<td data-label="Read" class="rm-wide">{inline_html(row.sections.get(cols.sections_for, ""))}</td>')
        if cols.coverage_of is not None:
            n = sum(1 for c in roadmap.resources[rid].covers if c.topic in cols.coverage_of)
            cells.append(f'<td data-label="Topics here" class="rm-num rm-wide">{n}</td>')
        if cols.topics:
            cells.append(_row_topics(src, row))
        cells.append("</tr>")
        out.append("".join(cells))
    return out


def resource_table(
    roadmap: Roadmap,
    src: str,
    rids: Sequence[str],
    cols: Columns,
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
    head = "".join(f'<th scope="col">{h(name)}</th>' for name in heads)
    marker = " data-rm-catalogue" if catalogue else ""
    rows = _resource_rows(roadmap, src, rids, cols, report, catalogue)
    empty = (
        f'<tr class="rm-empty" hidden><td colspan="{len(heads)}">No resource matches these filters. '
        '<button type="button" class="rm-link-button" data-rm-reset>Clear the filters</button></td></tr>'
        if catalogue
        else ""
    )
    # Left out of the search index (data-search-exclude): every row repeats what the resource's
    # own page says, and the index is most of every page's weight.
    return [
        f'<div class="rm-table-wrap" data-search-exclude><table class="rm-table rm-resources"{marker}>',
        f'<caption class="rm-visually-hidden">{h(caption)}</caption>',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        *([empty] if empty else []),
        "</tbody></table></div>",
        "",
    ]


def filters(roadmap: Roadmap, rids: Sequence[str], with_kind: bool) -> list[str]:
    """The filter form for a catalogue table. Hidden until catalogue.js shows it, so a
    reader without JavaScript sees the full table and no controls that do nothing."""
    resources = [roadmap.resources[r] for r in rids]

    def select(name: str, label: str, anything: str, options: Sequence[tuple[str, str]], counts: Mapping[str, int]) -> str:
        opts = [f'<option value="">{h(anything)}</option>']
        opts += [f'<option value="{h(v)}">{h(text)} ({counts.get(v, 0)})</option>' for v, text in options if counts.get(v)]
        return (
            f'<label class="rm-filter"><span>{h(label)}</span>'
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
        '<form class="rm-filters" data-rm-filters role="search" aria-label="Filter the resources">',
        *controls,
        '<button type="reset" class="md-button rm-reset">Clear</button>',
        f'<p class="rm-count" data-rm-count aria-live="polite">{plural(total, "resource")}</p>',
        "</form>",
        "",
    ]


def catalogue_order(roadmap: Roadmap) -> dict[str, int]:
    """Every resource's place in the catalogue: free ones first, then by level and title."""
    ranked = sorted(roadmap.resources, key=lambda rid: (*roadmap.resource_rank(rid), rid))
    return {rid: i for i, rid in enumerate(ranked)}


def catalogue_rids(roadmap: Roadmap, kind: str | None = None) -> list[str]:
    """The resources (of one kind, or all) in catalogue order."""
    ranked = list(catalogue_order(roadmap))
    return ranked if kind is None else [rid for rid in ranked if roadmap.resources[rid].kind == kind]
