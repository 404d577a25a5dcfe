"""roadmap/graph-neural-networks.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from scipy.sparse.csgraph import shortest_path


def _a_hat(edges: list[tuple[int, int]], n: int) -> NDArray[np.float64]:
    A = np.eye(n)
    for i, j in edges:
        A[i, j] = A[j, i] = 1.0
    d_inv_sqrt = np.diag(1 / np.sqrt(A.sum(axis=1)))
    out: NDArray[np.float64] = d_inv_sqrt @ A @ d_inv_sqrt
    return out


_STAR = _a_hat([(0, 1), (0, 2)], 3)
_PATH = _a_hat([(0, 1), (1, 2)], 3)
_E1 = np.array([1.0, 0.0, 0.0])


def _hops() -> float:
    A = np.zeros((5, 5))
    for i in range(4):
        A[i, i + 1] = A[i + 1, i] = 1.0
    return float(shortest_path(A, unweighted=True)[0, 4])


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: lambda: [float(v) for v in np.maximum(_STAR @ np.array([0.0, 1.0, 1.0]) * 2, 0)],
    3: _hops,
    4: lambda: [float(v) for v in sorted(np.linalg.eigvalsh(_PATH), reverse=True)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.4082", lambda: float(_PATH[0, 1])),
    ("0.3333", lambda: float(_PATH[1, 1])),
    ("0.4167", lambda: float((_PATH @ _PATH @ _E1)[0])),
    ("0.3402", lambda: float((_PATH @ _PATH @ _E1)[1])),
    ("0.1667", lambda: float((_PATH @ _PATH @ _E1)[2])),
]
