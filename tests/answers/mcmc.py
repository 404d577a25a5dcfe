"""roadmap/mcmc.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats


def _accept(log_target: Callable[[float], float], x: float, proposal: float) -> float:
    return float(min(1.0, np.exp(log_target(proposal) - log_target(x))))


def _gamma3(x: float) -> float:
    return float(stats.gamma(3).logpdf(x))  # the normalised density, so the constant is included


def _std_normal(x: float) -> float:
    return float(stats.norm.logpdf(x))


def _two_state() -> list[float]:
    pi = np.array([0.25, 0.75])
    p12 = min(1.0, pi[1] / pi[0])
    p21 = min(1.0, pi[0] / pi[1])
    return [float(p12), float(p21), float(pi[0] * p12), float(pi[1] * p21)]


def _gibbs_sd(rho: float) -> float:
    cov = np.array([[1.0, rho], [rho, 1.0]])
    return float(np.sqrt(cov[0, 0] - cov[0, 1] ** 2 / cov[1, 1]))  # Schur complement


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _accept(_gamma3, 2.0, 3.0),
    2: _two_state,
    3: lambda: _gibbs_sd(0.99),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.61", lambda: _accept(_std_normal, 0.0, 1.0)),
    ("0.045", lambda: 0.3**2 / 2),
    ("0.96", lambda: _accept(_std_normal, 0.0, -0.3)),
]
