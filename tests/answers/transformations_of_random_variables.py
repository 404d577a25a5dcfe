"""roadmap/transformations-of-random-variables.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import integrate, stats


def _rayleigh() -> list[float]:
    # Y = sqrt(X), X ~ Exp(1): P(Y <= 1) = P(X <= 1); the median of Y is sqrt(median of X).
    x = stats.expon()
    return [float(x.cdf(1.0)), float(np.sqrt(x.ppf(0.5)))]


def _lognormal() -> list[float]:
    y = stats.lognorm(s=1.0)
    return [float(y.pdf(1.0)), float(y.pdf(np.e))]


def _product_density(y2: float) -> float:
    # Integrate the joint density 1/y1 over y1 in (y2, 1).
    return float(integrate.quad(lambda y1: 1 / y1, y2, 1)[0])


def _sum_of_exponentials() -> float:
    def density(s: float) -> float:
        return float(integrate.quad(lambda x: np.exp(-x) * np.exp(-(s - x)), 0, s)[0])

    return float(integrate.quad(density, 0, 1)[0])


def _triangular_cdf(s: float) -> float:
    return float(integrate.quad(lambda t: t if t <= 1 else 2 - t, 0, s)[0])


def _second_moment(mu: float, sigma: float) -> float:
    return float(integrate.quad(lambda z: z**2 * stats.norm(mu, sigma).pdf(z), -np.inf, np.inf)[0])


def _reparam_gradients(mu: float = 1.0, sigma: float = 0.5, h: float = 1e-4) -> list[float]:
    d_mu = (_second_moment(mu + h, sigma) - _second_moment(mu - h, sigma)) / (2 * h)
    d_sigma = (_second_moment(mu, sigma + h) - _second_moment(mu, sigma - h)) / (2 * h)
    return [d_mu, d_sigma]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _rayleigh,
    2: _lognormal,
    3: lambda: [1 / float(np.linalg.det(np.array([[1.0, 1.0], [0.0, 3.0]]))), _product_density(0.5)],
    4: _sum_of_exponentials,
    5: _reparam_gradients,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.8647", lambda: float(stats.expon(scale=1 / 2).cdf(1.0))),
    ("0.5", lambda: float(integrate.quad(lambda y: 1 / (2 * np.sqrt(y)), 0, 0.25)[0])),
    ("0.125", lambda: _triangular_cdf(0.5)),
    ("13", lambda: 4.0 + 9.0),
]
