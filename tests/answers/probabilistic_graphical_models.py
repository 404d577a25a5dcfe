"""roadmap/probabilistic-graphical-models.yml, recomputed."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np

P_A = np.array([0.7, 0.3])
P_B_GIVEN_A = np.array([[0.8, 0.2], [0.1, 0.9]])
P_C_GIVEN_B = np.array([[0.9, 0.1], [0.3, 0.7]])
JOINT = P_A[:, None, None] * P_B_GIVEN_A[:, :, None] * P_C_GIVEN_B[None, :, :]  # [a, b, c]


def _bn_params(parents: list[int]) -> int:
    """Free parameters of a binary Bayesian network, given each node's number of parents."""
    return sum(2**k for k in parents)


def _mrf() -> list[float]:
    def psi(u: int, v: int) -> float:
        return 2.0 if u == v else 1.0

    z = sum(psi(a, b) * psi(b, c) for a, b, c in itertools.product([0, 1], repeat=3))
    return [z, psi(0, 0) * psi(0, 0) / z]


def _sprinkler() -> list[float]:
    given_w = given_ws = rain_w = rain_ws = 0.0
    for r, s in itertools.product([0, 1], repeat=2):
        p = (0.2 if r else 0.8) * 0.5  # P(S = 1) = 0.5
        if r or s:
            given_w += p
            rain_w += p * r
            if s:
                given_ws += p
                rain_ws += p * r
    return [rain_w / given_w, rain_ws / given_ws]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_bn_params([0, 0, 2, 1]), 2**4 - 1, _bn_params([0] + [1] * 10), 2**11 - 1],
    2: _mrf,
    3: _sprinkler,
    4: lambda: [float(JOINT[:, :, 0].sum()), float(JOINT[1, :, 0].sum() / JOINT[:, :, 0].sum())],
    5: lambda: [float(JOINT[:, :, 1].sum()), float(JOINT[1, :, 1].sum() / JOINT[:, :, 1].sum())],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.41", lambda: float(JOINT[:, 1, :].sum())),
    ("0.346", lambda: float(JOINT[:, :, 1].sum())),
    ("0.64", lambda: float(JOINT[1, :, 1].sum() / JOINT[1].sum())),
    ("0.555", lambda: float(JOINT[1, :, 1].sum() / JOINT[:, :, 1].sum())),
]
