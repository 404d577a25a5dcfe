"""roadmap/descriptive-statistics.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

TIMES = np.array([2.0, 4.0, 4.0, 5.0, 7.0, 9.0, 10.0, 15.0])
INCOMES = np.array([30.0, 35.0, 40.0, 45.0, 500.0])


def _halves_quartiles(x: np.ndarray) -> tuple[float, float]:
    s = np.sort(x)
    half = len(s) // 2
    return float(np.median(s[:half])), float(np.median(s[-half:]))


def _with_timeout() -> np.ndarray:
    y = TIMES.copy()
    y[-1] = 40.0
    return y


def _upper_fence() -> float:
    q1, q3 = _halves_quartiles(TIMES)
    return q3 + 1.5 * (q3 - q1)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [
        float(TIMES.mean()),
        float(np.median(TIMES)),
        float(TIMES.var(ddof=1)),
        float(TIMES.std(ddof=1)),
        _halves_quartiles(TIMES)[1] - _halves_quartiles(TIMES)[0],
    ],
    2: lambda: [float(_with_timeout().mean()), float(np.median(_with_timeout())), _upper_fence()],
    4: lambda: float((15 - TIMES.mean()) / TIMES.std(ddof=1)),
    5: lambda: [float(v) for v in np.percentile(TIMES, [25, 75])],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("130", lambda: float(INCOMES.mean())),
    ("40", lambda: float(np.median(INCOMES))),
]
