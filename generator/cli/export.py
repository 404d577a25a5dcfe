"""`roadmap export`: the whole validated graph as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from generator.cli.common import load


def _export(args: argparse.Namespace) -> int:
    roadmap = load(args)
    json.dump(roadmap.export(), sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="print the whole validated graph as JSON")
    p.add_argument("--format", choices=["json"], default="json", help="output format (default: json)")
    p.set_defaults(func=_export)
