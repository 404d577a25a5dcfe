"""roadmap/probability-fundamentals.yml, recomputed."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import numpy as np


def _coins() -> list[float]:
    omega = list(itertools.product("HT", repeat=3))
    a = {w for w in omega if w.count("H") >= 2}
    b = {w for w in omega if w[0] == "H"}
    return [float(len(omega)), len(a | b) / len(omega)]


def _no_shared(k: int, n: int) -> float:
    return float(np.prod(1 - np.arange(k) / n))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _coins,
    2: lambda: [0.6 + 0.5 - 0.8, 1 - 0.8],
    3: lambda: [1 - _no_shared(23, 365), 1 - _no_shared(1000, 10**6)],
    5: lambda: math.comb(4, 2) * math.comb(48, 3) / math.comb(52, 5),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("6", lambda: float(math.comb(4, 2))),
    ("0.040", lambda: math.comb(4, 2) * math.comb(48, 3) / math.comb(52, 5)),
]
