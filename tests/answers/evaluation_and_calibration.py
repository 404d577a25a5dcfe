"""roadmap/evaluation-and-calibration.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.special import softmax


def _metrics(tp: int, fp: int, fn: int, tn: int) -> list[float]:
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return [
        (tp + tn) / (tp + fp + fn + tn),
        precision,
        recall,
        fp / (fp + tn),
        2 * precision * recall / (precision + recall),
    ]


def _auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    return float(np.mean([p > n for p in pos for n in neg]))


def _scores(p: Sequence[float], y: Sequence[int]) -> list[float]:
    prob, label = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    log_loss = -np.mean(label * np.log(prob) + (1 - label) * np.log(1 - prob))
    return [float(log_loss), float(np.mean((label - prob) ** 2))]


_M = _metrics(40, 10, 20, 130)

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _metrics(30, 20, 10, 140),
    2: lambda: _auc([0.8, 0.6, 0.55], [0.7, 0.5, 0.3, 0.1]),
    3: lambda: _scores([0.8, 0.3, 0.6], [1, 0, 0]),
    4: lambda: [float(softmax(np.array([2.0, 1.0, 0.0]) / t)[0]) for t in (1.0, 2.0)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.85", lambda: _M[0]),
    ("0.8", lambda: _M[1]),
    ("0.6667", lambda: _M[2]),
    ("0.0714", lambda: _M[3]),
    ("0.7273", lambda: _M[4]),
    ("0.778", lambda: _auc([0.9, 0.7, 0.4], [0.8, 0.3, 0.2])),
    ("0.1054", lambda: float(-np.log(0.9))),
    ("0.5108", lambda: float(-np.log(0.6))),
    ("2.3026", lambda: float(-np.log(0.1))),
    ("0.01", lambda: (1 - 0.9) ** 2),
    ("0.16", lambda: (1 - 0.6) ** 2),
    ("0.81", lambda: (1 - 0.1) ** 2),
]
