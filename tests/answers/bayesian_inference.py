"""roadmap/bayesian-inference.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

from scipy import integrate, optimize, stats


def _gaussian_posterior_mean(n: int, xbar: float, sigma2: float = 4.0, mu0: float = 0.0, tau0_2: float = 1.0) -> float:
    precision = 1 / tau0_2 + n / sigma2
    return (mu0 / tau0_2 + n * xbar / sigma2) / precision


def _beta_mode(a: float, b: float) -> float:
    """The mode, by maximising the density numerically rather than from the closed form."""
    density = stats.beta(a, b).pdf
    return float(optimize.minimize_scalar(lambda t: -density(t), bounds=(0.0, 1.0), method="bounded").x)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(stats.beta(5, 11).mean()), _beta_mode(5, 11)],
    2: lambda: [float(v) for v in stats.beta(5, 11).ppf([0.025, 0.975])],
    3: lambda: float(integrate.quad(lambda t: t**2 * stats.beta(8, 4).pdf(t), 0, 1)[0]),
    4: lambda: [_gaussian_posterior_mean(4, 3.0), _gaussian_posterior_mean(100, 3.0)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.67", lambda: float(stats.beta(8, 4).mean())),
    ("0.7", lambda: _beta_mode(8, 4)),
    ("0.39", lambda: float(stats.beta(8, 4).ppf(0.025))),
    ("0.89", lambda: float(stats.beta(8, 4).ppf(0.975))),
]
