"""The words of the knowledge base: the values a field may take, their order, and how a
learner reads them. Every module takes its vocabulary from here."""

from __future__ import annotations

from typing import Literal, get_args

Area = Literal["linear-algebra", "calculus", "optimization", "probability-statistics", "machine-learning"]
Strength = Literal["required", "recommended"]
ExerciseKind = Literal["compute", "explain", "code"]
Kind = Literal["course", "book", "video", "article", "paper", "practice", "community", "conference", "tool"]
Cost = Literal["free", "free-to-audit", "paid"]
Level = Literal["beginner", "intermediate", "advanced"]

AREAS: tuple[str, ...] = get_args(Area)
STRENGTHS: tuple[str, ...] = get_args(Strength)
EXERCISE_KINDS: tuple[str, ...] = get_args(ExerciseKind)
EXERCISE_KIND_LABELS = {"compute": "Compute", "explain": "Explain", "code": "Check with code"}
KINDS: tuple[str, ...] = get_args(Kind)
COSTS: tuple[str, ...] = get_args(Cost)
LEVELS: tuple[str, ...] = get_args(Level)

# Kinds that may stand on their own without teaching a particular topic.
TOPICLESS_KINDS = frozenset({"community", "conference", "practice", "tool"})

# Cheapest first: the order of the cost filter, and the rank key of "free before paid".
COST_ORDER: dict[str, int] = {cost: i for i, cost in enumerate(COSTS)}

KIND_PLURALS: dict[str, str] = {
    "course": "courses",
    "book": "books",
    "video": "videos",
    "article": "articles",
    "paper": "papers",
    "practice": "practice",
    "community": "communities",
    "conference": "conferences",
    "tool": "tools",
}
KIND_LABELS: dict[str, str] = {
    "course": "Course",
    "book": "Book",
    "video": "Video",
    "article": "Article",
    "paper": "Paper",
    "practice": "Practice",
    "community": "Community",
    "conference": "Conference",
    "tool": "Tool",
}
KIND_TITLES: dict[str, str] = {
    "course": "Courses",
    "book": "Books",
    "video": "Videos",
    "article": "Articles",
    "paper": "Papers",
    "practice": "Practice and problem sets",
    "community": "Communities",
    "conference": "Conferences and meetups",
    "tool": "Tools",
}
AREA_LABELS: dict[str, str] = {
    "linear-algebra": "Linear algebra",
    "calculus": "Calculus",
    "optimization": "Optimization",
    "probability-statistics": "Probability & statistics",
    "machine-learning": "Machine learning",
}
COST_LABELS: dict[str, str] = {"free": "Free", "free-to-audit": "Free to audit", "paid": "Paid"}
LEVEL_LABELS: dict[str, str] = {"beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced"}
VERDICT_LABELS: dict[str, str] = {
    "ok": "works",
    "redirected": "redirects",
    "broken": "broken",
    "indeterminate": "could not be checked",
    "skipped": "not checked",
}
COUNT_LABELS: dict[str, str] = {
    "ok": "working",
    "redirected": "redirected",
    "broken": "broken",
    "indeterminate": "could not be checked",
    "skipped": "skipped",
}
# Verdicts a reader should hear about, worst first.
PROBLEM_VERDICTS: tuple[str, ...] = ("broken", "indeterminate", "redirected")

assert set(KIND_PLURALS) == set(KINDS) and set(AREA_LABELS) == set(AREAS)
assert set(COST_LABELS) == set(COSTS) and set(LEVEL_LABELS) == set(LEVELS)
