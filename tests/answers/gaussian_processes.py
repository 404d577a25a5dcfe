"""roadmap/gaussian-processes.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.linalg import cho_factor, cho_solve


def _k(a: NDArray[np.float64], b: NDArray[np.float64], ell: float = 1.0, s2: float = 1.0) -> NDArray[np.float64]:
    out: NDArray[np.float64] = s2 * np.exp(-((a[:, None] - b[None, :]) ** 2) / (2 * ell**2))
    return out


def _predict(x: Sequence[float], y: Sequence[float], xs: float, noise: float = 0.01) -> list[float]:
    X, Y, Xs = np.asarray(x, dtype=float), np.asarray(y, dtype=float), np.array([xs])
    factor = cho_factor(_k(X, X) + noise * np.eye(len(X)))
    ks = _k(X, Xs)[:, 0]
    return [float(ks @ cho_solve(factor, Y)), float(_k(Xs, Xs)[0, 0] - ks @ cho_solve(factor, ks))]


def _log_evidence(x: Sequence[float], y: Sequence[float], s2: float = 1.0, noise: float = 0.01) -> float:
    X, Y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    C = _k(X, X, s2=s2) + noise * np.eye(len(X))
    _, logdet = np.linalg.slogdet(C)
    return float(-0.5 * Y @ np.linalg.solve(C, Y) - 0.5 * logdet - len(X) / 2 * np.log(2 * np.pi))


def _corr(d: float, ell: float) -> float:
    return float(_k(np.array([0.0]), np.array([d]), ell=ell)[0, 0])


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_corr(0.5, 1.0), _corr(0.5, 0.2)],
    3: lambda: _predict([-1, 1], [1, 1], 0.0),
    4: lambda: [_log_evidence([0.0], [2.0], s2=s2) for s2 in (1.0, 4.0, 16.0)],
    5: lambda: float((2 * 100) ** 3 / 100**3),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.6065", lambda: _corr(1.0, 1.0)),
    ("0.8825", lambda: _corr(0.5, 1.0)),
    ("0.5459", lambda: _predict([0, 1], [1, 0], 0.5)[0]),
    ("0.0365", lambda: _predict([0, 1], [1, 0], 0.5)[1]),
    ("0.19", lambda: float(np.sqrt(_predict([0, 1], [1, 0], 0.5)[1]))),
    ("-0.1087", lambda: _predict([0, 1], [1, 0], 3.0)[0]),
    ("0.9742", lambda: _predict([0, 1], [1, 0], 3.0)[1]),
    ("-2.3985", lambda: _log_evidence([0, 1], [1, 0])),
]
