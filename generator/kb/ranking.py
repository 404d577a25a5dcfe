"""The one ranking of "the best resources for a topic".

Topic pages, `roadmap.json` (and so the browser planner), `roadmap export`, `roadmap plan`
in every format and the pull-request summary all show a topic's resources in this order;
`Roadmap.covering` holds it. The policy, most important first:

1.  **One that teaches.** Courses, books, videos, articles and papers come before practice,
    tools, communities and conferences (`vocabulary.TOPICLESS_KINDS`): a learner meets a
    topic by being taught it, and practises afterwards. So a problem set never leads a
    topic's list while anything that teaches covers the topic.
2.  **At the topic's level.** A topic's level is its stage's rank: the first stage is
    beginner, the second intermediate, every later one advanced. A resource fits when its
    level is not above the topic's: someone who has reached this stage can follow it,
    while a harder one assumes what they have not learnt yet.
3.  **Free**, then free to audit, then paid (`vocabulary.COSTS`, cheapest first).
4.  **The gentler level**, beginner before intermediate before advanced.
5.  **The focused one**: a resource that covers at most `FOCUSED_MAX_TOPICS` topics is
    usually the more direct read for this one than a survey of many.
6.  Title (case-insensitive), then id, so that equal keys cannot happen and the order
    never depends on the order files were read in.

Teaching comes before level fit rather than after: where the two disagree (a beginner
topic that only an advanced book teaches, and a beginner problem set covers) the book
still leads, because practice alone does not teach the topic.

A step's page ranks the resources of all its topics with `stage_rank`: the one covering more
of the step's topics first, then in catalogue order. The catalogue has no topic to rank
for; it lists resources by `catalogue_key` (free first, then by level and title), which is
rules 3, 4 and 6 above.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.kb.models import Resource, Stage, Topic
from generator.kb.vocabulary import COST_ORDER, KINDS, LEVELS, TOPICLESS_KINDS

# Kinds that teach a topic; the others are for practice and company (see rule 1).
TEACHING_KINDS: frozenset[str] = frozenset(KINDS) - TOPICLESS_KINDS
# A resource covering at most this many topics counts as focused (rule 5).
FOCUSED_MAX_TOPICS = 3

RankKey = tuple[int, int, int, int, int, str, str]


def topic_levels(stages: Iterable[Stage], topics: Mapping[str, Topic]) -> dict[str, str]:
    """Each topic's level, from the rank of its stage among all stages sorted by `order`."""
    rank = {stage.id: i for i, stage in enumerate(sorted(stages, key=lambda s: s.order))}
    return {tid: LEVELS[min(rank[topic.stage], len(LEVELS) - 1)] for tid, topic in topics.items()}


def resource_key(rid: str, resource: Resource, topic_level: str) -> RankKey:
    """Sort key of a resource for a topic at `topic_level`: smallest is best."""
    level = LEVELS.index(resource.level)
    return (
        0 if resource.kind in TEACHING_KINDS else 1,
        0 if level <= LEVELS.index(topic_level) else 1,
        COST_ORDER[resource.cost],
        level,
        0 if len(resource.covers) <= FOCUSED_MAX_TOPICS else 1,
        resource.title.lower(),
        rid,
    )


def rank(rids: Iterable[str], resources: Mapping[str, Resource], topic_level: str) -> list[str]:
    """`rids` (resources covering one topic at `topic_level`), best first."""
    return sorted(rids, key=lambda rid: resource_key(rid, resources[rid], topic_level))


def catalogue_key(resource: Resource) -> tuple[int, int, str]:
    """Order of the catalogue, which ranks for no topic: free first, then by level and title."""
    return (COST_ORDER[resource.cost], LEVELS.index(resource.level), resource.title.lower())


def stage_rank(
    rids: Iterable[str], resources: Mapping[str, Resource], in_stage: frozenset[str], catalogue_place: Mapping[str, int]
) -> list[str]:
    """A step's resources (`rids`, each covering some topic of the step), best first: the one
    that covers more of the step's topics, then the catalogue's order."""
    return sorted(rids, key=lambda rid: (-sum(1 for c in resources[rid].covers if c.topic in in_stage), catalogue_place[rid]))
