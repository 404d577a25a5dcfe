"""roadmap/partial-derivatives.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

x, y, t, w, w1, w2 = sp.symbols("x y t w w1 w2")
_F = x**2 * y**3 + 2 * x
_AT = {x: 1, y: 2}


def _partials() -> list[float]:
    derivatives = [sp.diff(_F, x), sp.diff(_F, y), sp.diff(_F, x, 2), sp.diff(_F, x, y), sp.diff(_F, y, 2)]
    return [float(d.subs(_AT)) for d in derivatives]


def _loss_slopes() -> list[float]:
    loss = (w1 - 2) ** 2 + 10 * w2**2
    return [float(sp.diff(loss, v).subs({w1: 0, w2: 1})) for v in (w1, w2)]


def _chain() -> float:
    return float(sp.diff((x * sp.exp(y)).subs({x: t**2, y: 2 * t}), t).subs(t, 1))


def _shared_weight() -> float:
    h1 = w * 3
    return float(sp.diff(w * h1, w).subs(w, sp.Rational(1, 2)))


def _example() -> list[float]:
    f = x**2 * y + 3 * y
    return [float(sp.diff(f, v).subs({x: 2, y: 1})) for v in (x, y)]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _partials,
    2: _loss_slopes,
    3: _chain,
    4: _shared_weight,
    5: lambda: _partials()[:2],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("4", lambda: _example()[0]),
    ("7", lambda: _example()[1]),
]
