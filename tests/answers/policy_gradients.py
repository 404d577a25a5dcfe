"""roadmap/policy-gradients.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

Vector = NDArray[np.float64]


def _softmax(z: Vector) -> Vector:
    e = np.exp(z - z.max())
    return np.asarray(e / e.sum())


def _score(theta: Vector, action: int) -> Vector:
    """Gradient of log softmax(theta)[action] with respect to theta."""
    return np.asarray(np.eye(len(theta))[action] - _softmax(theta))


def _bernoulli_trick() -> float:
    theta = 0.3
    rewards = {1: 5.0, 0: 1.0}
    probs = {1: theta, 0: 1 - theta}
    dlog = {1: 1 / theta, 0: -1 / (1 - theta)}
    return sum(probs[a] * rewards[a] * dlog[a] for a in (0, 1))


def _reinforce_update() -> list[float]:
    return [float(v) for v in 0.1 * 2 * _score(np.array([1.0, 0.0, 0.0]), 1)]


def _baseline() -> list[float]:
    theta = np.zeros(2)
    rewards = np.array([3.0, 1.0])
    probs = _softmax(theta)
    plain = np.array([rewards[a] * _score(theta, a)[0] for a in range(2)])
    based = np.array([(rewards[a] - 2.0) * _score(theta, a)[0] for a in range(2)])
    mean = float(probs @ plain)
    return [mean, float(probs @ (plain - mean) ** 2), float(probs @ (based - probs @ based) ** 2)]


def _actor_critic_ppo() -> list[float]:
    advantage = 1 + 0.9 * 6 - 5
    ratio, a, eps = 1.5, 2.0, 0.2
    return [advantage, min(ratio * a, float(np.clip(ratio, 1 - eps, 1 + eps)) * a)]


def _example_components() -> Vector:
    """REINFORCE estimates (first component) for the two actions of the worked example."""
    theta = np.zeros(2)
    return np.array([1.0 * _score(theta, 0)[0], 0.0 * _score(theta, 1)[0]])


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _bernoulli_trick,
    2: _reinforce_update,
    3: _baseline,
    4: _actor_critic_ppo,
    5: lambda: 2.0 - 0.1 * (-10 - (-12)),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.25", lambda: float(_softmax(np.zeros(2)) @ _example_components())),
    ("0.0625", lambda: float(np.var(_example_components()))),
]
