"""The data a layout takes and gives: nodes, edges, options, and the placed boxes and routes."""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class LayoutNode:
    """A box to place: `band` orders the stages (lower bands are drawn above higher ones)."""

    id: str
    band: int
    label: str


@dataclass(frozen=True)
class LayoutEdge:
    """`source` must be drawn above `target` (a prerequisite above the topic that needs it)."""

    source: str
    target: str


@dataclass(frozen=True)
class Options:
    """Sizes in CSS pixels; the defaults suit the roadmap page at 13 px labels."""

    font_size: float = 13.0
    line_height: float = 16.0
    wrap_width: float = 120.0  # a label wider than this is wrapped onto two lines
    pad_x: float = 12.0
    pad_y: float = 9.0
    min_width: float = 96.0
    node_gap: float = 20.0  # between two boxes of one row
    dummy_gap: float = 8.0  # between an edge passing through a row and its neighbours
    layer_gap: float = 36.0  # between rows; grows where edges travel far sideways
    layer_gap_extra: float = 34.0
    band_header: float = 40.0  # room for the band's title above its first row
    band_pad: float = 18.0  # below the last row of a band
    band_gap: float = 14.0
    margin: float = 12.0
    max_row_width: float = 650.0  # width budget of a row of boxes, before a node moves down
    sweeps: int = 16  # crossing-minimisation rounds (each: one sweep down, one up)
    starts: int = 16  # initial orders tried (fewer for big graphs)
    placement_rounds: int = 8  # x-coordinate sweeps (fewer for big graphs)
    placements: int = 4  # best orders placed to pick the narrowest (small graphs only)
    crossing_cost: float = 12.0  # width in px one more crossing may save to be chosen
    dummy_budget: int = 2000  # plus 3 per node: longer edges beyond this get no dummies


@dataclass(frozen=True)
class Box:
    """A placed node: top-left corner, size, its layer and the label lines to draw."""

    id: str
    x: float
    y: float
    width: float
    height: float
    layer: int
    band: int
    lines: tuple[str, ...]

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Route:
    """An edge as a polyline from the bottom of `source` to the top of `target`.

    Consecutive points either share x (a straight run down through a row) or are joined by a
    curve with vertical tangents (see `svg.smooth_path`). `direct` routes skipped the dummy
    chain because the graph exceeded the dummy budget; they are a single curve.
    """

    source: str
    target: str
    points: tuple[Point, ...]
    direct: bool = False


@dataclass(frozen=True)
class BandBox:
    """The rectangle of one band; its title goes in the top `Options.band_header` pixels."""

    band: int
    x: float
    y: float
    width: float
    height: float
    first_layer: int
    last_layer: int


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    boxes: dict[str, Box]  # in reading order: by layer, then left to right
    routes: tuple[Route, ...]
    bands: tuple[BandBox, ...]
    layers: int
    crossings: int  # edge crossings between adjacent layers, as counted by the minimiser
