"""roadmap/numerical-stability.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.special import logsumexp, softmax


def _float16() -> list[float]:
    info = np.finfo(np.float16)
    return [float(info.eps), float(np.log(float(info.max)))]


def _softmax_and_lse() -> list[float]:
    z = np.array([100.0, 102.0, 99.0])
    return [*(float(p) for p in softmax(z)), float(logsumexp(z))]


def _cross_entropy() -> float:
    z = np.array([0.0, 200.0], dtype=np.float32)
    return float(logsumexp(z) - z[0])


def _sqrt_cancellation() -> float:
    x = 1e-10
    return float(x / (np.sqrt(1 + x) + 1))


def _condition() -> float:
    return float(np.linalg.cond(np.array([[1.0, 1.0], [1.0, 1.01]])))


_EXAMPLE_LOGITS = np.array([1000.0, 1001.0, 1002.0])
_SHIFTED = np.exp(_EXAMPLE_LOGITS - _EXAMPLE_LOGITS.max())
_CONDITIONED = np.array([[1.0, 1.0], [1.0, 1.0001]])

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _float16,
    2: _softmax_and_lse,
    3: _cross_entropy,
    4: _sqrt_cancellation,
    5: _condition,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1.19", lambda: float(np.finfo(np.float32).eps) * 1e7),
    ("2.22", lambda: float(np.finfo(np.float64).eps) * 1e16),
    ("88.7", lambda: float(np.log(float(np.finfo(np.float32).max)))),
    ("709.8", lambda: float(np.log(np.finfo(np.float64).max))),
    ("0.1353", lambda: float(_SHIFTED[0])),
    ("0.3679", lambda: float(_SHIFTED[1])),
    ("1.5032", lambda: float(_SHIFTED.sum())),
    ("0.0900", lambda: float(softmax(_EXAMPLE_LOGITS)[0])),
    ("0.2447", lambda: float(softmax(_EXAMPLE_LOGITS)[1])),
    ("0.6652", lambda: float(softmax(_EXAMPLE_LOGITS)[2])),
    ("1002.4076", lambda: float(logsumexp(_EXAMPLE_LOGITS))),
    ("5.0", lambda: float(2 * np.sin(0.5e-8) ** 2) * 1e17),
    ("4.0", lambda: float(np.linalg.cond(_CONDITIONED)) / 1e4),
]
