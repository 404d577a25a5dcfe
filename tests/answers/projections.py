"""roadmap/projections.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_LINE_A = np.column_stack([np.ones(4), np.arange(4.0)])
_LINE_Y = np.array([1.0, 3.0, 4.0, 4.0])


def _onto_line() -> list[float]:
    a, b = np.array([1.0, 2.0, 2.0]), np.array([2.0, 1.0, 4.0])
    return [float(v) for v in np.outer(a, a) @ b / (a @ a)]


def _qr() -> list[float]:
    _, r = np.linalg.qr(np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]]))
    r = np.diag(np.sign(np.diag(r))) @ r  # the Gram-Schmidt convention: positive diagonal
    return [float(r[0, 0]), float(r[0, 1]), float(r[1, 1])]


def _trace() -> float:
    p = _LINE_A @ np.linalg.inv(_LINE_A.T @ _LINE_A) @ _LINE_A.T
    return float(np.trace(p))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _onto_line,
    3: lambda: [float(v) for v in np.linalg.lstsq(_LINE_A, _LINE_Y, rcond=None)[0]],
    4: _qr,
    5: _trace,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("2", lambda: float(np.array([1.0, 1.0]) @ np.array([2.0, 0.0]))),
]
