"""roadmap/spectral-graph-theory.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _laplacian(n: int, edges: list[tuple[int, int]]) -> np.ndarray:
    """Unit-weight Laplacian; nodes numbered from 1 as in the text."""
    a = np.zeros((n, n))
    for i, j in edges:
        a[i - 1, j - 1] = a[j - 1, i - 1] = 1.0
    return np.diag(a.sum(axis=1)) - a


_TRIANGLES = [(1, 2), (1, 3), (2, 3), (4, 5), (4, 6), (5, 6)]
_BRIDGED = _laplacian(6, [*_TRIANGLES, (3, 4)])


def _eigenvalues(lap: np.ndarray) -> np.ndarray:
    return np.linalg.eigvalsh(lap)


def _fiedler(lap: np.ndarray) -> np.ndarray:
    vector: np.ndarray = np.linalg.eigh(lap)[1][:, 1]
    return np.asarray(vector * np.sign(vector[-1]))  # the sign the text uses: positive on the second triangle


def _quadratic(lap: np.ndarray, x: list[float]) -> float:
    v = np.array(x)
    return float(v @ lap @ v)


def _zero_eigenvalues(lap: np.ndarray) -> float:
    return float(np.sum(np.abs(_eigenvalues(lap)) < 1e-9))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _quadratic(_laplacian(3, [(1, 2), (2, 3)]), [1, 0, -2]),
    2: lambda: _zero_eigenvalues(_laplacian(6, [(1, 2), (3, 4), (4, 5)])),
    3: lambda: float(_eigenvalues(_laplacian(4, [(1, 2), (2, 3), (3, 4)]))[1]),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.4384", lambda: float(_eigenvalues(_BRIDGED)[1])),
    ("4.5616", lambda: float(_eigenvalues(_BRIDGED)[5])),
    ("-0.465", lambda: float(_fiedler(_BRIDGED)[0])),
    ("-0.261", lambda: float(_fiedler(_BRIDGED)[2])),
    ("0.261", lambda: float(_fiedler(_BRIDGED)[3])),
    ("0.465", lambda: float(_fiedler(_BRIDGED)[5])),
    ("4", lambda: _quadratic(_BRIDGED, [1, 1, 1, -1, -1, -1])),
]
