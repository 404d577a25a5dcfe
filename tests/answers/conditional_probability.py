"""roadmap/conditional-probability.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from itertools import product

import numpy as np

# rows: predicted spam, predicted not spam; columns: spam, not spam
TABLE = np.array([[80.0, 20.0], [40.0, 860.0]])


def _coins() -> list[float]:
    outcomes = list(product("HT", repeat=2))
    both = sum(1 for o in outcomes if o[0] == "H" and o[1] == "H" and o[0] == o[1])
    p_abc = Fraction(both, len(outcomes))
    p_a = Fraction(sum(1 for o in outcomes if o[0] == "H"), len(outcomes))
    p_b = Fraction(sum(1 for o in outcomes if o[1] == "H"), len(outcomes))
    p_c = Fraction(sum(1 for o in outcomes if o[0] == o[1]), len(outcomes))
    return [float(p_abc), float(p_a * p_b * p_c)]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(TABLE[0, 0] / TABLE[0].sum()), float(TABLE[0, 0] / TABLE[:, 0].sum())],
    2: lambda: float(Fraction(6, 10) * Fraction(5, 9) * Fraction(4, 8)),
    4: lambda: float(np.dot([0.5, 0.3, 0.2], [0.1, 0.4, 0.7])),
    5: _coins,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.012", lambda: 0.6 * 0.02),
    ("0.020", lambda: 0.4 * 0.05),
    ("0.032", lambda: float(np.dot([0.6, 0.4], [0.02, 0.05]))),
]
