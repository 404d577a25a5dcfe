"""roadmap/gaussian-mixtures-and-em.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.stats import norm

_X = np.array([0.0, 1.0, 3.0, 4.0])


def _resp(x: NDArray[np.float64], pi: Sequence[float], mu: Sequence[float], var: Sequence[float]) -> NDArray[np.float64]:
    """Responsibilities, one row per point."""
    dens = np.array([p * norm.pdf(x, m, np.sqrt(v)) for p, m, v in zip(pi, mu, var, strict=True)]).T
    r: NDArray[np.float64] = dens / dens.sum(axis=1, keepdims=True)
    return r


def _loglik(mu: Sequence[float], var: Sequence[float]) -> float:
    dens = sum(0.5 * norm.pdf(_X, m, np.sqrt(v)) for m, v in zip(mu, var, strict=True))
    return float(np.sum(np.log(dens)))


def _m_step(x: NDArray[np.float64], r: NDArray[np.float64]) -> tuple[float, float, float]:
    n_k = float(r.sum())
    mu = float(r @ x / n_k)
    return n_k / len(x), mu, float(r @ (x - mu) ** 2 / n_k)


_R = _resp(_X, [0.5, 0.5], [0, 4], [1, 1])
_MU1 = _m_step(_X, _R[:, 0])[1]
_MU2 = _m_step(_X, _R[:, 1])[1]
_VAR1 = _m_step(_X, _R[:, 0])[2]
_VAR2 = _m_step(_X, _R[:, 1])[2]


def _bic() -> list[float]:
    n = 100
    return [float((3 * k - 1) * np.log(n) - 2 * ll) for k, ll in ((1, -230), (2, -200), (3, -196))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: float(_resp(np.array([0.5]), [0.3, 0.7], [0, 2], [1, 1])[0, 0]),
    2: lambda: list(_m_step(np.array([1.0, 2.0, 6.0]), np.array([1.0, 0.5, 0.0]))),
    4: lambda: [float(_resp(np.array([1.2]), [0.5, 0.5], [0, 2], [v, v])[0, 1]) for v in (1.0, 0.1)],
    5: _bic,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.99966", lambda: float(_R[0, 0])),
    ("0.98201", lambda: float(_R[1, 0])),
    ("0.01799", lambda: float(_R[2, 0])),
    ("0.00034", lambda: float(_R[3, 0])),
    ("0.5187", lambda: _MU1),
    ("3.4813", lambda: _MU2),
    ("-7.4114", lambda: _loglik([0, 4], [1, 1])),
    ("-6.8429", lambda: _loglik([_MU1, _MU2], [1, 1])),
    ("0.3056", lambda: _VAR1),
    ("-5.7157", lambda: _loglik([_MU1, _MU2], [_VAR1, _VAR2])),
]
