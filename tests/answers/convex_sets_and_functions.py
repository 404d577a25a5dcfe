"""roadmap/convex-sets-and-functions.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x, y = sp.symbols("x y")


def _hessian_eigenvalues() -> list[float]:
    hessian = sp.hessian(x**2 + 3 * x * y + 4 * y**2, (x, y))
    values = np.linalg.eigvalsh(np.array(hessian, dtype=float))
    return sorted((float(v) for v in values), reverse=True)


def _chord() -> list[float]:
    theta, a, b = 0.25, -1.0, 3.0
    return [(theta * a + (1 - theta) * b) ** 2, theta * a**2 + (1 - theta) * b**2]


def _local_minima() -> list[float]:
    f = x**4 - 2 * x**2 + x
    critical = [float(r) for r in sp.real_roots(sp.Poly(sp.diff(f, x), x))]
    return sorted(c for c in critical if float(sp.diff(f, x, 2).subs(x, c)) > 0)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: _hessian_eigenvalues,
    3: _chord,
    5: _local_minima,
}

# The description states no computed numbers.
EXAMPLES: list[tuple[str, Callable[[], float]]] = []
