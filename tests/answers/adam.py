"""roadmap/adam.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _steps(g: float, n: int, *, corrected: bool, eps: float = 1e-8) -> list[float]:
    lr, b1, b2 = 1e-3, 0.9, 0.999
    m = v = 0.0
    sizes = []
    for t in range(1, n + 1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        m_hat, v_hat = (m / (1 - b1**t), v / (1 - b2**t)) if corrected else (m, v)
        sizes.append(float(lr * m_hat / (np.sqrt(v_hat) + eps)))
    return sizes


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _steps(2.0, 2, corrected=True, eps=0.0) + _steps(2.0, 2, corrected=False, eps=0.0),
    2: lambda: _steps(1e-8, 1, corrected=True)[0] / 1e-3,
    4: lambda: 2 * 4 * 7e9 / 1e9,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("3.2", lambda: _steps(1.0, 1, corrected=False, eps=0.0)[0] / 1e-3),
]
