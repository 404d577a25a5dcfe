"""Promises the real knowledge base keeps as contributors add to it.

These run on roadmap/ and resources/ at the repository root, not on fixtures.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.ranking import TEACHING_KINDS, topic_levels
from generator.kb.roadmap import Roadmap
from generator.kb.urls import normalise_url
from generator.kb.vocabulary import LEVELS, TOPICLESS_KINDS
from generator.plan.rules import plan

ROOT = Path(__file__).resolve().parent.parent

# Every topic the seed guide (shared/seed) names, as the ids that carry it.
SEED_TOPICS = {
    "Linear equations": ["linear-equations"],
    "Matrices and vectors": ["matrices", "vectors", "vector-spaces"],
    "Eigenvalues and eigenvectors": ["eigenvalues-and-eigenvectors"],
    "Derivatives and integrals": ["derivatives", "integrals"],
    "Multivariate calculus: partial derivatives and gradient vectors": ["partial-derivatives", "gradients"],
    "Probability theory: distributions, conditional probability, Bayes' theorem, random variables": [
        "common-distributions",
        "conditional-probability",
        "bayes-theorem",
        "random-variables",
    ],
    "Statistical methods: statistical tests, hypothesis testing, regression analysis": ["hypothesis-testing", "regression-analysis"],
    "Matrix decompositions: SVD, PCA and other factorizations": [
        "singular-value-decomposition",
        "principal-component-analysis",
        "matrix-decompositions",
        "low-rank-approximation",
    ],
    "Vector spaces and norms": ["vector-spaces", "vector-norms"],
    "Gradient descent, SGD, Adam and RMSprop": ["gradient-descent", "stochastic-gradient-descent", "adam", "adaptive-learning-rates"],
    "Convex optimization: convex functions, convex sets, problems": ["convex-sets-and-functions", "convex-optimization"],
    "Probability distributions (Gaussian, Bernoulli, Poisson)": ["common-distributions", "multivariate-gaussian"],
    "Bayesian inference and MCMC": ["bayesian-inference", "mcmc"],
    "Linear regression: least squares and regularization": ["linear-regression", "regularization"],
    "Logistic regression: logistic function and maximum likelihood": ["logistic-regression", "maximum-likelihood"],
    "SVMs: hyperplanes and the kernel trick": ["support-vector-machines", "kernel-trick"],
    "Neural networks: backpropagation, activation functions, gradient-based optimization": [
        "neural-networks",
        "backpropagation",
        "activation-functions",
    ],
    "CNNs and RNNs": ["convolutional-neural-networks", "recurrent-neural-networks"],
    "Clustering: k-means and hierarchical clustering": ["k-means", "hierarchical-clustering"],
    "Dimensionality reduction: PCA and t-SNE": ["principal-component-analysis", "t-sne"],
}

# Every resource the seed guide names, by its canonical address (see shared/reference).
SEED_RESOURCES = {
    "Coursera: Mathematics for Machine Learning": "https://www.coursera.org/specializations/mathematics-machine-learning",
    "Coursera: Andrew Ng's Machine Learning": "https://www.coursera.org/specializations/machine-learning-introduction",
    "edX: MIT's Introduction to Computational Thinking and Data Science": (
        "https://www.edx.org/learn/computer-science/massachusetts-institute-of-technology-introduction-to-computational-thinking-and-data-science"
    ),
    "Khan Academy: algebra": "https://www.khanacademy.org/math/algebra",
    "Khan Academy: calculus": "https://www.khanacademy.org/math/differential-calculus",
    "Khan Academy: statistics": "https://www.khanacademy.org/math/statistics-probability",
    "Strang: Linear Algebra and Its Applications": "https://math.mit.edu/~gs/",
    "Bishop: Pattern Recognition and Machine Learning": "https://www.microsoft.com/en-us/research/people/cmbishop/prml-book/",
    "Goodfellow, Bengio, Courville: Deep Learning": "https://www.deeplearningbook.org/",
    "Kaggle": "https://www.kaggle.com/competitions",
    "Project Euler": "https://projecteuler.net/",
    "Stack Overflow": "https://stackoverflow.com/",
    "Reddit": "https://www.reddit.com/r/MachineLearning/",
    "NeurIPS": "https://neurips.cc/",
    "ICML": "https://icml.cc/",
    "Local meetups": "https://www.meetup.com/",
}

BEYOND_THE_SEED = {
    "Cross Validated": "https://stats.stackexchange.com/",
    "Mathematics Stack Exchange": "https://math.stackexchange.com/",
    "ICLR": "https://iclr.cc/",
    "AISTATS": "https://aistats.org/",
    "COLT": "https://learningtheory.org/",
}

_VAGUE_SECTIONS = re.compile(r"^\s*(whole|all|entire|everything|various|see (the )?(book|course))\b", re.I)


@pytest.fixture(scope="module")
def kb() -> Roadmap:
    return load_roadmap(ROOT)


def test_enough_topics_and_resources(kb: Roadmap) -> None:
    # 72 topics in the 2015 syllabus, at least 30 more for 2026 (attention, VI, GPs, ...).
    assert len(kb.topics) >= 102
    assert len(kb.resources) >= 260


# What a 2026 learner of ML mathematics must find (issue: the curriculum of 2026).
MODERN_TOPICS = [
    "attention-and-transformers", "gaussian-mixtures-and-em", "variational-inference", "variational-autoencoders",
    "gaussian-processes", "numerical-stability", "initialization-and-normalization", "automatic-differentiation",
    "exponential-family-and-glms", "probabilistic-graphical-models", "kernel-methods", "concentration-inequalities",
    "learning-theory", "spectral-graph-theory", "graph-neural-networks", "decision-trees", "ensemble-methods",
    "naive-bayes-and-gda", "evaluation-and-calibration", "functions-and-graphs", "exponentials-and-logarithms",
    "summation-notation", "transformations-of-random-variables", "normalizing-flows", "subgradients-and-proximal-methods",
    "hidden-markov-models", "kalman-filters", "diffusion-models", "markov-decision-processes", "bayesian-linear-regression",
    "bootstrap",
]  # fmt: skip


def test_the_modern_syllabus_is_there(kb: Roadmap) -> None:
    missing = [tid for tid in MODERN_TOPICS if tid not in kb.topics]
    assert not missing, missing


def test_no_topic_outside_the_last_step_is_a_dead_end(kb: Roadmap) -> None:
    # Every topic before the machine-learning step leads somewhere: some topic requires or recommends it.
    last = max(kb.stages, key=lambda stage: stage.order if any(t.stage == stage.id for t in kb.topics.values()) else -1)
    dead = sorted(tid for tid, topic in kb.topics.items() if topic.stage != last.id and not kb.dependents[tid])
    assert not dead, f"required or recommended by nothing: {dead}"


@pytest.mark.parametrize(
    "target", ["neural-networks", "convolutional-neural-networks", "recurrent-neural-networks", "attention-and-transformers"]
)
def test_deep_learning_plans_include_how_networks_are_trained(kb: Roadmap, target: str) -> None:
    steps = {step.topic for step in plan(kb, [target]).steps}
    assert {"gradient-descent", "stochastic-gradient-descent"} <= steps, steps
    # backpropagation builds on neural-networks, so every deep-learning topic past it needs it
    assert target == "neural-networks" or "backpropagation" in steps, steps
    with_recommended = {step.topic for step in plan(kb, [target], include_recommended=True).steps}
    assert {"momentum", "adam"} & with_recommended, target


def test_every_topic_has_a_free_resource_at_its_level_that_says_where(kb: Roadmap) -> None:
    levels = topic_levels(kb.stages, kb.topics)
    lacking = []
    for tid in kb.topics:
        starts = [
            rid
            for rid in kb.covering[tid]
            if kb.resources[rid].cost == "free"
            and kb.resources[rid].kind in TEACHING_KINDS
            and LEVELS.index(kb.resources[rid].level) <= LEVELS.index(levels[tid])
            and kb.sections(rid, tid).strip()
        ]
        if not starts:
            lacking.append(tid)
    assert not lacking, f"no free resource a learner at the topic's level can start from: {lacking}"


@pytest.mark.parametrize("name", sorted(SEED_TOPICS))
def test_every_seed_topic_is_present(kb: Roadmap, name: str) -> None:
    missing = [tid for tid in SEED_TOPICS[name] if tid not in kb.topics]
    assert not missing, f"{name}: missing {missing}"


@pytest.mark.parametrize("name", sorted({**SEED_RESOURCES, **BEYOND_THE_SEED}))
def test_every_seed_resource_is_present(kb: Roadmap, name: str) -> None:
    url = {**SEED_RESOURCES, **BEYOND_THE_SEED}[name]
    urls = {normalise_url(r.url) for r in kb.resources.values()}
    assert normalise_url(url) in urls, f"{name} ({url}) is not in resources/"


def test_the_seed_books_are_the_right_books(kb: Roadmap) -> None:
    titles = {r.title for r in kb.resources.values() if r.kind == "book"}
    for title in ("Linear Algebra and Its Applications", "Pattern Recognition and Machine Learning", "Deep Learning"):
        assert title in titles


def test_every_topic_has_three_resources_one_free(kb: Roadmap) -> None:
    thin = {tid: len(rids) for tid, rids in kb.covering.items() if len(rids) < 3}
    assert not thin, f"topics with fewer than 3 resources: {thin}"
    not_free = [tid for tid, rids in kb.covering.items() if not any(kb.resources[r].cost == "free" for r in rids)]
    assert not not_free, f"topics with no free resource: {not_free}"


# Kinds grouped by medium: reading, watching, a taught course (lectures with exercises), doing.
MEDIUM = {
    "book": "text",
    "article": "text",
    "paper": "text",
    "tool": "text",
    "video": "video",
    "course": "course",
    "practice": "exercises",
    "community": "people",
    "conference": "people",
}


def test_every_topic_has_more_than_one_medium(kb: Roadmap) -> None:
    single = {
        tid: MEDIUM[kb.resources[rids[0]].kind]
        for tid, rids in kb.covering.items()
        if len({MEDIUM[kb.resources[r].kind] for r in rids}) < 2
    }
    assert not single, f"topics taught in one medium only: {single}"


def test_every_topic_has_a_free_text_and_a_free_lecture(kb: Roadmap) -> None:
    for tid, rids in kb.covering.items():
        free = {MEDIUM[kb.resources[r].kind] for r in rids if kb.resources[r].cost == "free"}
        assert "text" in free, f"{tid}: no free text"
        assert free & {"video", "course"}, f"{tid}: no free video or course"


def test_topics_are_written_out(kb: Roadmap) -> None:
    short = {tid: len(t.description.split()) for tid, t in kb.topics.items() if len(t.description.split()) < 120}
    assert not short, f"descriptions under 120 words: {short}"
    for tid, topic in kb.topics.items():
        assert 3 <= len(topic.goals) <= 6, tid
        assert topic.why_it_matters.strip(), tid
        for pre in topic.prerequisites:
            assert len(pre.reason.split()) >= 4, f"{tid} -> {pre.topic}: give a real reason"


def test_books_and_courses_say_exactly_where(kb: Roadmap) -> None:
    vague = [
        f"{rid}: {c.topic}: {c.sections!r}"
        for rid, r in kb.resources.items()
        if r.kind in ("book", "course")
        for c in r.covers
        if _VAGUE_SECTIONS.match(c.sections)
    ]
    assert not vague, "sections must name chapters, sections or lectures:\n" + "\n".join(vague)


def test_no_orphan_resource(kb: Roadmap) -> None:
    orphans = [rid for rid, r in kb.resources.items() if not r.covers and r.kind not in TOPICLESS_KINDS]
    assert not orphans
    # Communities, conferences and practice sites without topics still need a stage to appear under.
    kinds_with_a_stage = {kind for stage in kb.stages for kind in stage.kinds}
    homeless = [rid for rid, r in kb.resources.items() if not r.covers and r.kind not in kinds_with_a_stage]
    assert not homeless, f"resources that no topic or stage page lists: {homeless}"


def test_practice_is_specific(kb: Roadmap) -> None:
    practice = {rid: r for rid, r in kb.resources.items() if r.kind == "practice" and r.covers}
    assert any("kaggle.com/competitions/" in r.url or "kaggle.com/c/" in r.url for r in practice.values()), "name Kaggle competitions"
    assert any("projecteuler.net/problem=" in r.url for r in practice.values()), "name Project Euler problems"


def test_most_resources_are_free(kb: Roadmap) -> None:
    # A learner without money must find a free path: most resources per area should be free.
    costs = Counter(r.cost for r in kb.resources.values())
    assert costs["free"] > costs["paid"]
