"""roadmap/markov-decision-processes.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

GAMMA = 0.9
# The two-state example: state 0 = A, 1 = B. Each action: (reward, transition row).
ACTIONS: dict[int, list[tuple[float, list[float]]]] = {
    0: [(1.0, [1.0, 0.0]), (0.0, [0.0, 1.0])],  # stay, move
    1: [(2.0, [0.0, 1.0])],
}
SHAKY = {0: [(1.0, [1.0, 0.0]), (0.0, [0.2, 0.8])], 1: ACTIONS[1]}


def _value_iteration(actions: dict[int, list[tuple[float, list[float]]]], steps: int) -> np.ndarray:
    v = np.zeros(2)
    for _ in range(steps):
        v = np.array([max(r + GAMMA * float(np.dot(p, v)) for r, p in actions[s]) for s in range(2)])
    return v


def _random_policy() -> list[float]:
    # V = r_pi + gamma P_pi V, with the 50/50 policy in A.
    r = np.array([0.5 * 1 + 0.5 * 0, 2.0])
    p = np.array([[0.5, 0.5], [0.0, 1.0]])
    v = np.linalg.solve(np.eye(2) - GAMMA * p, r)
    return [float(x) for x in v]


def _q_star_a() -> list[float]:
    v = _value_iteration(ACTIONS, 2000)
    return [r + GAMMA * float(np.dot(p, v)) for r, p in ACTIONS[0]]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [sum(GAMMA**k * r for k, r in enumerate([1, 0, 2])), sum(0.99**k for k in range(100_000))],
    2: _random_policy,
    3: _q_star_a,
    4: lambda: [float(_value_iteration(SHAKY, 3)[0]), float(_value_iteration(SHAKY, 2000)[0])],
    5: lambda: [float(x) for x in _value_iteration(ACTIONS, 2000)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("10", lambda: sum(GAMMA**k for k in range(10_000))),
    ("1.9", lambda: float(_value_iteration(ACTIONS, 2)[0])),
    ("3.8", lambda: float(_value_iteration(ACTIONS, 2)[1])),
    ("3.42", lambda: float(_value_iteration(ACTIONS, 3)[0])),
    ("5.42", lambda: float(_value_iteration(ACTIONS, 3)[1])),
    ("20", lambda: float(_value_iteration(ACTIONS, 2000)[1])),
    ("18", lambda: float(_value_iteration(ACTIONS, 2000)[0])),
]
