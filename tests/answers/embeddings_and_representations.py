"""roadmap/embeddings-and-representations.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.special import log_expit, logsumexp


def _cos(u: Sequence[float], v: Sequence[float]) -> float:
    a, b = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def _info_nce(positive: float, negatives: Sequence[float], tau: float) -> float:
    logits = np.array([positive, *negatives]) / tau
    return float(logsumexp(logits) - logits[0])


def _sgns(positive: float, negatives: Sequence[float]) -> float:
    return float(-log_expit(positive) - sum(log_expit(-s) for s in negatives))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: float(np.linalg.norm(np.eye(4)[0] - np.eye(4)[2])),
    2: lambda: [_cos([3, 4], [4, 3]), _cos([3, 4], [-6, -8])],
    3: lambda: _sgns(2.0, [1.0, -1.0]),
    4: lambda: [_info_nce(0.8, [0.5, 0.0], 1.0), _info_nce(0.8, [0.5, 0.0], 0.2)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("15,000,000", lambda: float(50_000 * 300)),
    ("0.889", lambda: _cos([1, 2, 2], [2, 1, 2])),
    ("0.666", lambda: _info_nce(0.9, [0.1, 0.2], 1.0)),
    ("0.0012", lambda: _info_nce(0.9, [0.1, 0.2], 0.1)),
    ("1.099", lambda: _info_nce(0.5, [0.5, 0.5], 1.0)),
]
