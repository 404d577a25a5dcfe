"""roadmap/multiple-integrals.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

x, y, r, theta = sp.symbols("x y r theta", real=True)


def _triangle() -> float:
    return float(sp.integrate(sp.integrate(x * y, (y, 0, x)), (x, 0, 1)))


def _swapped() -> float:
    return float(sp.integrate(sp.integrate(sp.exp(y**2), (x, 0, y)), (y, 0, 1)))


def _gaussian_disc() -> float:
    density = sp.exp(-(r**2) / 2) / (2 * sp.pi)
    return float(sp.integrate(sp.integrate(density * r, (r, 0, 1)), (theta, 0, 2 * sp.pi)))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _triangle,
    2: _swapped,
    3: _gaussian_disc,
}

# The description's worked results (1/4, pi, the square root of pi) are written as TeX
# fractions and symbols, not as decimals, so there is no number to search for.
EXAMPLES: list[tuple[str, Callable[[], float]]] = []
