"""roadmap/jacobians-and-hessians.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x, y = sp.symbols("x y")
_F = sp.Matrix([x * y, x + y**2])


def _floats(m: sp.Matrix) -> list[float]:
    return [float(e) for e in m]


def _linearised() -> list[float]:
    at = {x: 1, y: 2}
    jacobian = _F.jacobian([x, y]).subs(at)
    return _floats(_F.subs(at) + jacobian * sp.Matrix([sp.Rational(1, 10), -sp.Rational(1, 10)]))


def _chain() -> list[float]:
    u, v = sp.symbols("u v")
    g = sp.Matrix([u**2 + v])
    at = {x: 1, y: 2}
    inner = _F.subs(at)
    outer = g.jacobian([u, v]).subs({u: inner[0], v: inner[1]})
    return _floats(outer * _F.jacobian([x, y]).subs(at))


def _taylor() -> float:
    f = x**2 * y + y**3
    at = {x: 1, y: 1}
    h = sp.Matrix([sp.Rational(1, 10), -sp.Rational(1, 10)])
    grad = sp.Matrix([sp.diff(f, v) for v in (x, y)]).subs(at)
    hess = sp.hessian(f, (x, y)).subs(at)
    return float(f.subs(at) + (grad.T * h)[0] + (h.T * hess * h)[0] / 2)


def _eigenvalues(f: sp.Expr) -> list[float]:
    hess = np.array(sp.hessian(f, (x, y)), dtype=float)
    return [float(e) for e in sorted(np.linalg.eigvalsh(hess), reverse=True)]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _linearised,
    2: _chain,
    3: _taylor,
    4: lambda: _eigenvalues(x**2 + 4 * x * y + y**2),
    5: lambda: 2 / max(_eigenvalues((100 * x**2 + y**2) / 2)),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("3", lambda: _eigenvalues(x**2 + x * y + y**2)[0]),
    ("1", lambda: _eigenvalues(x**2 + x * y + y**2)[1]),
]
