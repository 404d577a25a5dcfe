"""roadmap/principal-component-analysis.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_DATA = np.array([[5.0, 4.0], [-1.0, -2.0], [3.0, 0.0], [1.0, 2.0]])
_X = _DATA - _DATA.mean(axis=0)
_N = len(_X)


def _variances() -> list[float]:
    return sorted((float(v) for v in np.linalg.eigvalsh(_X.T @ _X / (_N - 1))), reverse=True)


def _reconstruction_error() -> float:
    top = np.linalg.eigh(_X.T @ _X / (_N - 1))[1][:, -1]
    reconstructed = np.outer(_X @ top, top)
    return float(np.sum((_X - reconstructed) ** 2))


def _cumulative() -> list[float]:
    eigenvalues = np.array([6.0, 2.0, 1.0, 0.6, 0.4])
    return [float(v) for v in np.cumsum(eigenvalues) / eigenvalues.sum()]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _variances,
    3: lambda: [float(v) for v in np.linalg.svd(_X, compute_uv=False)],
    4: _cumulative,
    5: _reconstruction_error,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = []
