"""roadmap/exponential-family-and-glms.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp
from scipy import optimize, stats

eta = sp.Symbol("eta")
COUNTS = np.array([2.0, 0.0, 3.0, 1.0, 4.0])


def _exponential_moments(lam: float) -> list[float]:
    a = -sp.log(-eta)
    at = {eta: -lam}
    return [float(sp.diff(a, eta).subs(at)), float(sp.diff(a, eta, 2).subs(at))]


def _bernoulli_moments(value: float) -> tuple[float, float]:
    a = sp.log(1 + sp.exp(eta))
    return float(sp.diff(a, eta).subs(eta, value)), float(sp.diff(a, eta, 2).subs(eta, value))


def _poisson_mle_eta() -> float:
    """Maximise the Poisson log-likelihood in the natural parameter numerically."""

    def nll(e: float) -> float:
        return float(-(e * COUNTS.sum() - len(COUNTS) * np.exp(e)))

    return float(optimize.minimize_scalar(nll).x)


def _posterior() -> list[float]:
    shape, rate = 3 + COUNTS.sum(), 1 + len(COUNTS)
    return [float(shape), float(rate), float(stats.gamma(shape, scale=1 / rate).mean())]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: lambda: _exponential_moments(2.0),
    3: lambda: [float(np.exp(_poisson_mle_eta())), _poisson_mle_eta()],
    4: _posterior,
    5: lambda: [float(np.exp(-1 + 0.5 * 4)), float(np.exp(0.5))],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.75", lambda: _bernoulli_moments(float(np.log(3)))[0]),
    ("0.1875", lambda: _bernoulli_moments(float(np.log(3)))[1]),
    ("3.004", lambda: float(np.exp(0.5 + 0.3 * 2))),
]
