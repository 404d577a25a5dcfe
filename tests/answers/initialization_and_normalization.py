"""roadmap/initialization-and-normalization.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.integrate import quad
from scipy.stats import norm


def _layer_norm(x: Sequence[float]) -> NDArray[np.float64]:
    v = np.asarray(x, dtype=float)
    out: NDArray[np.float64] = (v - v.mean()) / np.sqrt(v.var())
    return out


def _relu_shrink(layers: int) -> float:
    """E[ReLU(z)^2] / Var(z) for a standard normal z, by quadrature, compounded over the layers."""
    half, _ = quad(lambda z: max(z, 0.0) ** 2 * float(norm.pdf(z)), -np.inf, np.inf)
    return float(half) ** layers


_LN = _layer_norm([1, 2, 3, 6])

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(np.sqrt(2 / (512 + 128))), float(np.sqrt(2 / 512))],
    2: lambda: _relu_shrink(20),
    3: lambda: [float(v) for v in _layer_norm([2, 4, 6, 8])],
    5: lambda: [float(np.prod(np.full(10, 0.2))), float(np.prod(np.full(10, 1.2)))],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.0625", lambda: float(np.sqrt(2 / 512))),
    ("0.0884", lambda: float(np.sqrt(2 / 256))),
    ("8.9", lambda: _relu_shrink(50) * 1e16),
    ("3.5", lambda: float(np.var([1, 2, 3, 6]))),
    ("1.871", lambda: float(np.std([1, 2, 3, 6]))),
    ("-1.069", lambda: float(_LN[0])),
    ("-0.535", lambda: float(_LN[1])),
    ("1.604", lambda: float(_LN[3])),
]
