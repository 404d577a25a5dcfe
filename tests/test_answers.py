"""Every number the knowledge base states is recomputed: exercise answers and the numbers in
worked examples, each against a module of tests/answers/ (see its README)."""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.roadmap import Roadmap

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = Path(__file__).resolve().parent / "answers"


@pytest.fixture(scope="module")
def kb() -> Roadmap:
    return load_roadmap(ROOT)


def _module(tid: str) -> ModuleType | None:
    name = tid.replace("-", "_")
    if not (ANSWERS / f"{name}.py").is_file():
        return None
    return importlib.import_module(f"answers.{name}")


def tolerance(stated: float) -> float:
    """Half a unit in the last digit the number is written with: 6.71 -> 0.005, 3840 -> 0.5,
    9.1e-13 -> 5e-15."""
    mantissa, _, exponent = repr(float(stated)).lower().partition("e")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa and not mantissa.endswith(".0") else 0
    return 0.5 * 10.0 ** (int(exponent or 0) - decimals)


def agrees(computed: Any, stated: float | list[float]) -> bool:
    if isinstance(stated, list):
        values = list(computed)
        return len(values) == len(stated) and all(agrees(c, s) for c, s in zip(values, stated, strict=True))
    return math.isfinite(float(computed)) and abs(float(computed) - stated) <= tolerance(stated) * (1 + 1e-9)


def test_tolerance_follows_the_written_precision() -> None:
    assert tolerance(6.71) == pytest.approx(0.005) and tolerance(3840) == pytest.approx(0.5)
    assert tolerance(9.1e-13) == pytest.approx(5e-15) and tolerance(-0.538) == pytest.approx(0.0005)
    assert agrees(3840.2, 3840) and not agrees(3841, 3840) and not agrees(6.72, 6.71)
    assert agrees([1.0, 2.0], [1, 2]) and not agrees([1.0], [1, 2])


def test_every_topic_has_its_answers_module(kb: Roadmap) -> None:
    missing = sorted(tid for tid in kb.topics if _module(tid) is None)
    assert not missing, f"no tests/answers/<topic>.py for: {missing}"


def test_every_exercise_answer_is_recomputed(kb: Roadmap) -> None:
    wrong = []
    for tid, topic in sorted(kb.topics.items()):
        module = _module(tid)
        checks: dict[int, Callable[[], Any]] = getattr(module, "EXERCISES", {}) if module else {}
        stated = {n: e.answer for n, e in enumerate(topic.exercises, start=1) if e.answer is not None}
        if set(checks) != set(stated):
            wrong.append(f"{tid}: answers stated for exercises {sorted(stated)}, recomputed for {sorted(checks)}")
            continue
        for number, answer in stated.items():
            computed = checks[number]()
            if not agrees(computed, answer):
                wrong.append(f"{tid}: exercise {number} says {answer}, recomputed {computed}")
    assert not wrong, "\n".join(wrong)


_NUMBER_AT = r"(?<![\d.]){}(?![\d])"


def test_every_worked_example_number_is_recomputed(kb: Roadmap) -> None:
    wrong = []
    for tid, topic in sorted(kb.topics.items()):
        module = _module(tid)
        text = topic.description + "\n" + topic.why_it_matters
        for written, compute in getattr(module, "EXAMPLES", []) if module else []:
            if not re.search(_NUMBER_AT.format(re.escape(written)), text):
                wrong.append(f"{tid}: `{written}` is not in its description or why_it_matters")
            elif not agrees(compute(), float(written.replace(",", "").replace("{,}", ""))):
                wrong.append(f"{tid}: the text says {written}, recomputed {compute()}")
    assert not wrong, "\n".join(wrong)
