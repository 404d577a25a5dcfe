"""roadmap/support-vector-machines.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _margins() -> list[float]:
    w, b = np.array([3.0, 4.0]), -5.0
    points = np.array([[2.0, 1.0], [0.0, 0.0], [1.0, 1.0]])
    labels = np.array([1.0, -1.0, 1.0])
    signed = labels * (points @ w + b) / np.linalg.norm(w)
    return [float(abs(points[0] @ w + b) / np.linalg.norm(w)), float(signed.min())]


def _tie_c() -> float:
    # 0.5 * 1^2 + 2C = 0.5 * 3^2  ->  solve the linear equation in C
    return float(np.linalg.solve(np.array([[2.0]]), np.array([0.5 * 3**2 - 0.5 * 1**2]))[0])


def _hinge_objective() -> float:
    w, b = np.array([1.0, -1.0]), 0.0
    points = np.array([[2.0, 0.0], [0.5, 0.0], [1.0, 0.0]])
    labels = np.array([1.0, 1.0, -1.0])
    hinge = np.maximum(0.0, 1 - labels * (points @ w + b))
    return float(0.5 * w @ w + 1.0 * hinge.sum())


def _dual_alphas() -> list[float]:
    x = np.array([-1.0, 1.0, 3.0])
    y = np.array([-1.0, 1.0, 1.0])
    w, b = 1.0, 0.0
    tight = np.isclose(y * (w * x + b), 1.0)
    # Unknowns: alphas of the tight points; equations: w = sum a y x, sum a y = 0.
    a_tight = np.linalg.solve(np.vstack([(y * x)[tight], y[tight]]), np.array([w, 0.0]))
    alphas = np.zeros(3)
    alphas[tight] = a_tight
    return [float(v) for v in alphas]


def _two_point_svm() -> list[float]:
    """Hard-margin SVM for two points by a brute-force search over the direction and scale of w."""
    x1, x2 = np.array([2.0, 1.0]), np.array([0.0, -1.0])
    best: tuple[float, float, float, float] | None = None
    for angle in np.linspace(0, 2 * np.pi, 3601):
        u = np.array([np.cos(angle), np.sin(angle)])
        gap = u @ x1 - u @ x2  # separation along u
        if gap <= 0:
            continue
        scale = 2 / gap  # smallest |w| with both constraints tight
        w = scale * u
        b = 1 - w @ x1
        if best is None or scale < best[0]:
            best = (float(scale), float(w[0]), float(w[1]), float(b))
    assert best is not None
    return [best[1], best[2], best[3]]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _margins,
    2: _tie_c,
    3: _hinge_objective,
    4: _dual_alphas,
    5: _two_point_svm,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = []
