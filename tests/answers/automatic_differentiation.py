"""roadmap/automatic-differentiation.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

x1, x2 = sp.symbols("x1 x2")
_EX = sp.log(x1) + x1 * x2 - sp.sin(x2)  # the exercises' function
_DESC = x1 * x2 + sp.sin(x1)  # the description's function
_AT_EX = {x1: 2, x2: 5}
_AT_DESC = {x1: 2, x2: 3}


def _value(expr: sp.Expr, at: dict[sp.Symbol, int]) -> float:
    return float(expr.subs(at))


def _hvp() -> list[float]:
    f = x1**2 * x2
    hessian = sp.hessian(f, (x1, x2)).subs({x1: 1, x2: 2})
    return [float(e) for e in hessian * sp.Matrix([1, 0])]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _value(_EX, _AT_EX),
    2: lambda: [
        _value(sp.diff(_EX, x1), _AT_EX),
        _value(sp.diff(_EX, x1) + sp.diff(_EX, x2), _AT_EX),
    ],
    3: lambda: [_value(sp.diff(_EX, x1), _AT_EX), _value(sp.diff(_EX, x2), _AT_EX)],
    5: _hvp,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("6", lambda: _value(x1 * x2, _AT_DESC)),
    ("0.9093", lambda: _value(sp.sin(x1), _AT_DESC)),
    ("6.9093", lambda: _value(_DESC, _AT_DESC)),
    ("3", lambda: _value(x2, _AT_DESC)),
    ("-0.4161", lambda: _value(sp.cos(x1), _AT_DESC)),
    ("2.5839", lambda: _value(sp.diff(_DESC, x1), _AT_DESC)),
    ("2", lambda: _value(sp.diff(_DESC, x2), _AT_DESC)),
]
