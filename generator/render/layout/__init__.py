"""A layered (Sugiyama-style) drawing of a DAG: pure data in, data out.

Nodes belong to numbered *bands* (the roadmap's stages). The pipeline is the classic one:

1. layering: each band gets its own run of layers below the previous band's; inside a band a
   node sits below all its prerequisites (longest path), rows are kept to a width budget, and
   nodes then slide towards the side where most of their edges go, so edges stay short;
2. long edges are cut into dummy vertices, one per layer crossed; long edges out of one
   source (or into one target) share them, as one trunk that branches;
3. crossing minimisation: barycenter sweeps down and up plus adjacent swaps, from several
   starting orders; the few best orders go on to step 4 and the narrowest drawing wins;
4. x coordinates: each row is pulled towards its neighbours' positions and solved exactly for
   "as close as possible without overlapping" (isotonic regression), sweeping down and up;
5. y coordinates and edge routes: a route leaves the bottom of its source, runs straight down
   through the rows it crosses (at its dummies' x) and enters the top of its target.

Everything is deterministic: ties are broken by the input order of the nodes, never by hashing,
and work is bounded by counts, never by the clock. Big graphs get fewer rounds, so 5,000 nodes
take about a second.

Each step is a module (`_layering`, `_graph`, `_ordering`, `_placement`, `_routes`), run in
turn by `_pipeline.layout`; `_types` holds the data in and out, `_measure` the label sizes.
"""

from __future__ import annotations

from generator.render.layout._measure import text_width, wrap_label
from generator.render.layout._pipeline import layout
from generator.render.layout._types import (
    BandBox,
    Box,
    Layout,
    LayoutEdge,
    LayoutNode,
    Options,
    Point,
    Route,
)

__all__ = ["BandBox", "Box", "Layout", "LayoutEdge", "LayoutNode", "Options", "Point", "Route", "layout", "text_width", "wrap_label"]
