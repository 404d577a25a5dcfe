"""`roadmap export`: the whole validated graph as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from generator.cli.common import load
from generator.safe_text import json_printable


def _export(args: argparse.Namespace) -> int:
    roadmap = load(args)
    # json escapes C0 controls; DEL, C1 and bidi marks it leaves raw, so they are escaped too.
    sys.stdout.write(json_printable(json.dumps(roadmap.export(), indent=2, ensure_ascii=False)) + "\n")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="print the whole validated graph as JSON")
    p.add_argument("--format", choices=["json"], default="json", help="output format (default: json)")
    p.set_defaults(func=_export)
