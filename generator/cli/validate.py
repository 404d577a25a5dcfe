"""`roadmap validate`: load and check every record."""

from __future__ import annotations

import argparse
from typing import Any

from generator.cli.common import load


def _validate(args: argparse.Namespace) -> int:
    roadmap = load(args)
    print(f"ok: {len(roadmap.stages)} stages, {len(roadmap.topics)} topics, {len(roadmap.resources)} resources, no problems")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("validate", parents=[common], help="load and check every record; print problems as path:line:col")
    p.set_defaults(func=_validate)
