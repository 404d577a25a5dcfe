"""Plain scalars are read as YAML 1.2's core schema reads them, the way editors (and the JSON
Schema tooling) read the same files: a differential test against the `yaml` package under
Node on a corpus of scalars, and the values that used to be read the YAML 1.1 way."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.kb.strict_yaml import load_text

NODE_SCRIPT = Path(__file__).resolve().parents[1] / "node" / "yaml_core.mjs"
REPO = Path(__file__).resolve().parents[2]

CORPUS = [
    # numbers, in every spelling the core schema knows, and near misses
    "0",
    "7",
    "-0",
    "+12",
    "010",
    "007",
    "0o17",
    "0o8",
    "0x10",
    "0xFF",
    "0xGG",
    "-0x10",
    "0x",
    "1.5",
    ".5",
    "1.",
    "+.5",
    "-1.5E-3",
    "1e3",
    "1e+3",
    "1.5e1",
    "12e",
    "1_000",
    "1,000",
    "0b101",
    ".inf",
    "-.Inf",
    "+.INF",
    ".NaN",
    ".nan",
    "inf",
    "nan",
    "1:30",
    "190:20:30",
    # booleans and nulls
    "true",
    "True",
    "TRUE",
    "tRue",
    "false",
    "False",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Yes",
    "NO",
    "null",
    "Null",
    "NULL",
    "~",
    "nULL",
    "",
    # dates and other YAML 1.1 types, which are text in 1.2
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "2002-12-14 21:59:43.10 -5",
    "=",
    # text
    "required",
    "gradient-descent",
    "Ch. 3.1",
    "3 hours",
    "e",
    "E5",
    "0.5h",
]


def _ours(scalar: str) -> list[Any]:
    value = load_text("x.yml", f"k: {scalar}\n").data["k"]
    if value is None:
        return ["null", None]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, (int, float)):
        if math.isnan(value):
            return ["number", "nan"]
        if math.isinf(value):
            return ["number", "inf" if value > 0 else "-inf"]
        return ["number", value]
    return ["str", value]


def _theirs(scalars: list[str]) -> list[list[Any]]:
    node = shutil.which("node")
    assert node, "Node.js is needed for this test: `python3 dev.py test` installs it"
    assert (REPO / "node_modules" / "yaml").is_dir(), "the Node test tools are missing: `python3 dev.py test` installs them (npm ci)"
    done = subprocess.run(
        [node, str(NODE_SCRIPT)],
        input=json.dumps([f"k: {s}\n" for s in scalars]),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=True,
    )
    result: list[list[Any]] = json.loads(done.stdout)
    return result


def test_our_loader_reads_plain_scalars_as_a_yaml_1_2_reader_does() -> None:
    theirs = _theirs(CORPUS)
    differ = [f"{s!r}: ours {_ours(s)}, YAML 1.2 {t}" for s, t in zip(CORPUS, theirs, strict=True) if _ours(s) != t]
    assert not differ, "\n".join(differ)


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        ("1:30", "1:30"),  # YAML 1.1: 90 (sexagesimal)
        ("010", 10),  # YAML 1.1: 8 (octal)
        ("0o10", 8),
        ("0x10", 16),
        ("1.5e1", 15.0),  # YAML 1.1: text
        ("yes", "yes"),  # YAML 1.1: True
        ("on", "on"),
        ("2001-12-14", "2001-12-14"),  # YAML 1.1: a date
    ],
)
def test_values_once_read_the_yaml_1_1_way(scalar: str, value: Any) -> None:
    got = load_text("x.yml", f"k: {scalar}\n").data["k"]
    assert got == value and type(got) is type(value)


def test_quoted_scalars_stay_text() -> None:
    assert load_text("x.yml", "a: '10'\nb: \"true\"\nc: |\n  1:30\n").data == {"a": "10", "b": "true", "c": "1:30\n"}


def test_hours_written_as_a_clock_time_is_an_error_not_90() -> None:
    from generator.kb.checks import record_problems
    from generator.kb.models import Topic

    text = (REPO / "tests" / "fixtures" / "mini" / "roadmap" / "gradients.yml").read_text(encoding="utf-8")
    text = "\n".join("hours: 1:30" if line.startswith("hours:") else line for line in text.splitlines()) + "\n"
    topic, problems = record_problems(load_text("roadmap/gradients.yml", text), Topic)
    assert topic is None and any("hours" in p.message for p in problems)
