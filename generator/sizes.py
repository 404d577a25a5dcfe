"""Every size from which the generator works differently, in one place.

The real knowledge base is small (about 100 topics and 300 resources); these only change
anything for much bigger ones. Each says what it changes, and whether a learner sees it
(a page looks different) or only the person running the command does (speed, a status line).
"""

from __future__ import annotations

# -- what the person running a command sees ------------------------------------------------

# Record files or pages from which a command shows what it is doing, as one line on a
# terminal's stderr (`generator.status`). Not on pages; pipes and logs never see it.
STATUS_LINE_FROM = 1000

# -- work spread over the cores (`generator.parallel.map_on_cores`); same results either way --

# Record files from which `load_roadmap` parses them on every core. Not seen by a learner.
# Measured on 2026-12-07 (bench/variants.py, 2 cores): on one core, `validate` of 1,000
# topics and 4,000 resources takes 1.31x as long (1.33x for 2,000 topics).
PARALLEL_FILES = 1000

# Pages from which they are rendered (and written) on every core. Not seen by a learner: the pages are byte-identical
# either way. Measured on 2026-12-07: on one core, `generate` of 1,000 topics takes 1.40x
# as long (1.84x for 2,000 topics). Measured again on 2026-12-08 with the real knowledge base
# of 105 topics (489 pages, each with formulas as MathML and the topic pages with two
# drawings): 3.3-3.6 s on one core, 2.2-2.5 s on two (another job running on the machine).
PARALLEL_PAGES = 300

# -- what a learner sees ---------------------------------------------------------------------

# Topics above which a knowledge base counts as big for the chain drawings: each topic
# page's drawing of what leads to it then shows fewer topics (CHAIN_LIMIT_BIG, not
# CHAIN_LIMIT) and is laid out with a lighter crossing search. Seen: shorter drawings.
# 24 topics draw about as tall as the real site's chains (median ~760 px against ~890 px
# on synthetic graphs of 5,000 topics, where 40 gave ~1,100 px) and cost 40% less to lay out.
BIG_GRAPH_TOPICS = 500

# Up to BIG_GRAPH_TOPICS topics, the roadmap viewer can focus on a topic (a drawing of what it
# builds on and unlocks, `learn/data/focus/<id>.json` per topic); above, a focus could hold
# thousands of topics and the files would cost minutes to lay out. Seen: no "Focus" button.

# Topics a topic page's chain drawing shows at most: for a knowledge base of up to
# BIG_GRAPH_TOPICS topics, and above that. Seen: the drawing stops at that many topics.
CHAIN_LIMIT = 40
CHAIN_LIMIT_BIG = 24

# Resources up to which the catalogue's front page is one table of all of them; above, it
# lists the kinds, each with a page of its own. Seen: a different front page.
CATALOGUE_INDEX_ROWS = 2000

# Rows at most in each resource table of a stage's page; the rest are counted and linked
# to the catalogue. Seen: a "... and N more" line under the table.
STAGE_TABLE_ROWS = 100
