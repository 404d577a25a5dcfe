"""roadmap/bayes-theorem.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _posterior(prior: float, sensitivity: float, false_positive: float) -> float:
    """P(H | positive) by Bayes' rule, with the evidence from the law of total probability."""
    joint = sensitivity * prior
    return joint / (joint + false_positive * (1 - prior))


def _odds_to_probability(odds: float) -> float:
    return odds / (1 + odds)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: lambda: _posterior(0.2, 0.4, 0.05),
    3: lambda: _posterior(0.001, 0.99, 0.01),
    4: lambda: _odds_to_probability((0.01 / 0.99) * (0.95 / 0.05) * (0.8 / 0.1)),
    5: lambda: [_posterior(p, 0.95, 0.05) for p in np.array([0.001, 0.01, 0.1, 0.5])],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.0095", lambda: 0.95 * 0.01),
    ("0.0495", lambda: 0.05 * 0.99),
    ("0.059", lambda: 0.95 * 0.01 + 0.05 * 0.99),
    ("0.16", lambda: _posterior(0.01, 0.95, 0.05)),
    ("19", lambda: 0.95 / 0.05),
    ("361", lambda: (0.95 / 0.05) ** 2),
    ("460", lambda: (0.95 / 0.05) ** 2 + 99),
    ("0.78", lambda: _odds_to_probability((0.01 / 0.99) * (0.95 / 0.05) ** 2)),
]
