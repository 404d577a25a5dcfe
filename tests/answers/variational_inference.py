"""roadmap/variational-inference.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import integrate, stats

X_OBS = 2.0


def _log_evidence() -> float:
    # z ~ N(0, 1), x | z ~ N(z, 1): marginally x ~ N(0, 2).
    return float(stats.norm(0, np.sqrt(2)).logpdf(X_OBS))


def _elbo(m: float, v: float) -> float:
    """E_q[log p(x, z) - log q(z)] by numerical integration, q = N(m, v)."""
    q = stats.norm(m, np.sqrt(v))

    def integrand(z: float) -> float:
        log_joint = stats.norm.logpdf(z) + stats.norm(z, 1).logpdf(X_OBS)
        return float(q.pdf(z) * (log_joint - q.logpdf(z)))

    return float(integrate.quad(integrand, m - 12 * np.sqrt(v), m + 12 * np.sqrt(v))[0])


def _mean_field_variance(rho: float) -> float:
    precision = np.linalg.inv(np.array([[1.0, rho], [rho, 1.0]]))
    return float(1 / precision[0, 0])


def _estimator_moments() -> list[float]:
    # Exact moments by Gauss-Hermite quadrature over eps ~ N(0, 1), mu = 1.
    nodes, weights = np.polynomial.hermite_e.hermegauss(40)
    weights = weights / weights.sum()
    z = 1.0 + nodes
    reparam = 2 * z
    score = z**2 * (z - 1.0)
    mean_r = float(weights @ reparam)
    return [mean_r, float(weights @ (reparam - mean_r) ** 2), float(weights @ (score - weights @ score) ** 2)]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: lambda: [_log_evidence() - _elbo(1.0, 1.0), _elbo(1.0, 1.0)],
    3: lambda: _mean_field_variance(0.5),
    4: _estimator_moments,
    5: lambda: 1_000_000 / 100,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("-2.2655", _log_evidence),
    ("0.5", lambda: 1 / (1 + 1)),  # posterior variance: the prior and likelihood precisions add
    ("0.25", lambda: _log_evidence() - _elbo(0.5, 0.5)),
    ("-2.5155", lambda: _elbo(0.5, 0.5)),
    ("0.19", lambda: _mean_field_variance(0.9)),
]
